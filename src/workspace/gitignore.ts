// .gitignore semantics for the secret scan: every .gitignore in the tree
// (and .git/info/exclude), patterns relative to their own directory, `!`
// negation, trailing `/` for directories only, `**`, last match wins, and a
// file under an ignored directory stays ignored (git cannot re-include it).
// Git's wildmatch, not the config globs' picomatch: no braces, `*` never
// crosses `/`, `**` only as a whole segment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareStrings } from '../util/order.ts';

interface Rule {
  /** Directory of the .gitignore, '' for the root, no trailing slash. */
  base: string;
  re: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

export class GitIgnore {
  readonly #rules: Rule[] = [];

  /** Build from the files of a workspace listing (repository-relative paths). */
  static load(root: string, files: readonly string[]): GitIgnore {
    const gi = new GitIgnore();
    const sources = files.filter((f) => f === '.gitignore' || f.endsWith('/.gitignore'));
    // Parents before children, so deeper files override shallower ones.
    sources.sort((a, b) => a.split('/').length - b.split('/').length || compareStrings(a, b));
    gi.#addFile(root, '.git/info/exclude', '');
    for (const f of sources) gi.#addFile(root, f, f.slice(0, Math.max(0, f.lastIndexOf('/'))));
    return gi;
  }

  #addFile(root: string, file: string, base: string): void {
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      return;
    }
    this.add(text, base);
  }

  /** Add the patterns of one ignore file whose directory is `base`. */
  add(text: string, base: string): void {
    for (const raw of text.split(/\r?\n/)) {
      const rule = parseLine(raw, base);
      if (rule) this.#rules.push(rule);
    }
  }

  get size(): number {
    return this.#rules.length;
  }

  /** True when git would ignore this file (repository-relative, forward slashes). */
  ignores(file: string): boolean {
    if (this.#rules.length === 0) return false;
    const parts = file.split('/');
    // An ignored ancestor directory hides everything below it.
    let dir = '';
    for (let i = 0; i < parts.length - 1; i++) {
      dir = dir ? `${dir}/${parts[i]}` : (parts[i] as string);
      if (this.#match(dir, true)) return true;
    }
    return this.#match(file, false);
  }

  #match(path: string, isDir: boolean): boolean {
    let ignored = false;
    for (const r of this.#rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.base && !path.startsWith(`${r.base}/`)) continue;
      const rel = r.base ? path.slice(r.base.length + 1) : path;
      if (r.re.test(rel)) ignored = !r.negate;
    }
    return ignored;
  }
}

function parseLine(raw: string, base: string): Rule | undefined {
  let p = raw;
  // Trailing spaces are ignored unless escaped.
  p = p.replace(/(?<!\\)\s+$/, '');
  if (p === '' || p.startsWith('#')) return undefined;
  let negate = false;
  if (p.startsWith('!')) {
    negate = true;
    p = p.slice(1);
  } else if (p.startsWith('\\!') || p.startsWith('\\#')) p = p.slice(1);
  let dirOnly = false;
  if (p.endsWith('/')) {
    dirOnly = true;
    p = p.slice(0, -1);
  }
  if (p === '' || p.length > 1024) return undefined;
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const body = globToRegex(p);
  try {
    return { base, re: new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`), negate, dirOnly };
  } catch {
    return undefined; // git matches nothing with a reversed range such as [z-a]; neither do we
  }
}



/** One gitignore pattern (already stripped of `!`, `/` anchors and trailing `/`) as a regex body. */
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
      const cls = bracket(glob, i);
      if (cls === undefined) out += '\\[';
      else {
        out += cls.regex;
        i = cls.end;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      i++;
      out += escapeChar(glob[i] as string);
    } else out += escapeChar(c);
    i++;
  }
  return out;
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-/:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  xdigit: '0-9A-Fa-f',
};

/** A bracket expression at `start` (git: `!` or `^` negates, `]` first is literal, `[:class:]`, never `/`). */
function bracket(glob: string, start: number): { regex: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (glob[i] === '!' || glob[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < glob.length) {
    const c = glob[i] as string;
    if (c === ']' && !first) return { regex: negate ? `(?!/)[^${body}]` : `(?!/)[${body}]`, end: i };
    first = false;
    if (c === '[' && glob[i + 1] === ':') {
      const close = glob.indexOf(':]', i + 2);
      const cls = close === -1 ? undefined : POSIX_CLASSES[glob.slice(i + 2, close)];
      if (cls === undefined) return undefined;
      body += cls;
      i = close + 2;
      continue;
    }
    const escaped = c === '\\' && i + 1 < glob.length;
    if (escaped) i++;
    const ch = glob[i] as string;
    const range = !escaped && ch === '-' && body !== '' && glob[i + 1] !== ']';
    body += range ? '-' : /[\\\][^-]/.test(ch) ? `\\${ch}` : ch;
    i++;
  }
  return undefined;
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
