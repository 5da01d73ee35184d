// Config globs, matched against repository-relative paths with forward
// slashes. Node's path.matchesGlob is experimental before Node 22 and skips
// dotfiles under `**`; config globs must behave the same everywhere.
/**
 * A config glob (kubernetes.paths, mcp.paths, secrets.exclude, ...) as a
 * repository-relative full-path matcher: `*` within a
 * segment, `**` across segments, dotfiles included (unlike path.matchesGlob,
 * `test/fixtures/**` must also cover `test/fixtures/x/.npmrc`).
 */
export function globMatcher(glob: string): (path: string) => boolean {
  const g = glob.startsWith('./') ? glob.slice(2) : glob.startsWith('/') ? glob.slice(1) : glob;
  const re = new RegExp(`^${globToRegex(g)}$`);
  return (path) => re.test(path);
}

export function globToRegex(glob: string): string {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    if (glob.startsWith('**/', i) && (i === 0 || glob[i - 1] === '/')) {
      out += '(?:[^/]*/)*';
      i += 3;
      continue;
    }
    if (glob.startsWith('**', i) && i + 2 === glob.length && (i === 0 || glob[i - 1] === '/')) {
      out += '.*';
      i += 2;
      continue;
    }
    const c = glob[i] as string;
    if (c === '*') {
      // Collapse runs of * to one: keeps the regex free of ambiguous repeats.
      while (glob[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        let cls = glob.slice(i + 1, close);
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        out += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      i++;
      out += escapeChar(glob[i] as string);
    } else out += escapeChar(c);
    i++;
  }
  return out;
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
