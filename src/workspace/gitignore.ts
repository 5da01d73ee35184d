// .gitignore semantics for the secret scan: every .gitignore in the tree
// (and .git/info/exclude), patterns relative to their own directory, `!`
// negation, trailing `/` for directories only, `**`, last match wins, and a
// file under an ignored directory stays ignored (git cannot re-include it).
import { globToRegex } from './glob.ts';
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
  const re = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
  return { base, re, negate, dirOnly };
}


