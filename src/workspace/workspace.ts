// The repository under review: one walk of the tree, cached file reads and
// parsed Kubernetes objects shared by every check that needs them.
import { accessSync, constants, type Dirent, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globMatcher } from './glob.ts';
import { InputError } from '../util/errors.ts';
import { compareStrings } from '../util/order.ts';
import { type K8sObject, kubernetesObjects } from './kubernetes.ts';
import { isInside, readRegularText } from './read-file.ts';
import { parseYamlDocuments, YamlError } from './yaml.ts';
import { NOTHING_RENDERED, type Rendered, renderedObjects } from './render/index.ts';

/** Never scanned (SPEC.md discovery). */
const SKIP_DIRS = new Set(['node_modules', '.git', '.mcp-gate']);
/** Not read as Kubernetes manifests unless kubernetes.paths names them: other projects' files, and CI workflows. */
const NOT_MANIFESTS = ['vendor/**', '**/vendor/**', 'third_party/**', '**/third_party/**', '.github/**'];

/** JSON files larger than this are not looked into for a stray manifest. */
const JSON_SNIFF_BYTES = 1024 * 1024;

/** Which Kubernetes manifests to read (the config's `kubernetes` section). */
export interface KubernetesScope {
  paths?: readonly string[];
  exclude?: readonly string[];
}

export interface KubernetesObjects {
  objects: K8sObject[];
  problems: ParseProblem[];
  /** For the check detail: what was rendered, excluded or skipped, and why. */
  notes: string[];
}
/** Files above this size are not parsed as manifests (reported, never silently dropped). */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
/**
 * A directory reached through more symlinked paths than this is not listed
 * again (a problem): links that each point twice at the next level would
 * otherwise list 2^depth paths.
 */
export const MAX_PATHS_PER_DIRECTORY = 8;

export interface ParseProblem {
  file: string;
  line?: number;
  message: string;
}

/** What the walk found but could not list as a readable file; every one is reported (gate/check-failed). */
export interface WalkProblem {
  /** Repository-relative path ('.' for the root). */
  path: string;
  /** True for a directory (its files were not listed), false for a file or link. */
  directory: boolean;
  message: string;
}

interface Walked {
  files: string[];
  problems: WalkProblem[];
  /** Symlinks to a directory they are inside of: not followed again (its files are listed once, by the outer path). */
  loops: string[];
}

export class Workspace {
  readonly root: string;
  #walked: Walked | undefined;
  #text = new Map<string, string>();
  #k8s = new Map<string, KubernetesObjects>();
  #rendered: Rendered = NOTHING_RENDERED;

  constructor(root: string) {
    this.root = root;
  }

  /**
   * The same tree with the file list walked once, and no read or parse
   * cache: for checks that share nothing with the ones before, so what
   * those read can be collected.
   */
  fresh(): Workspace {
    const w = new Workspace(this.root);
    w.#walked = this.#walk();
    w.#rendered = this.#rendered;
    return w;
  }

  /** Whether the files under root hold at least `n` bytes (stops counting there; unreadable files count 0). */
  holdsBytes(n: number): boolean {
    let total = 0;
    for (const f of this.files()) {
      total += statSync(join(this.root, f), { throwIfNoEntry: false })?.size ?? 0;
      if (total >= n) return true;
    }
    return false;
  }

  /**
   * Every readable regular file under root (repository-relative, forward
   * slashes), sorted. Symlinks inside the repository are followed, so a file
   * reached through a linked directory is listed under each path to it.
   */
  files(): string[] {
    return this.#walk().files;
  }

  /** Paths the walk could not list as readable files: unreadable, special files, links that dangle or leave the repository. */
  problems(): readonly WalkProblem[] {
    return this.#walk().problems;
  }

  /** Symlinks that point back at a directory they are in (listed once, not followed round). */
  loops(): readonly string[] {
    return this.#walk().loops;
  }

  #walk(): Walked {
    if (this.#walked) return this.#walked;
    const walked: Walked = { files: [], problems: [], loops: [] };
    const problem = (path: string, directory: boolean, message: string) => walked.problems.push({ path: path || '.', directory, message });
    let rootReal: string;
    try {
      rootReal = realpathSync(this.root);
    } catch (err) {
      problem('', true, errnoText(err, 'cannot be read'));
      this.#walked = walked;
      return walked;
    }
    const timesListed = new Map<string, number>();
    const readable = (path: string): boolean => {
      try {
        accessSync(join(this.root, path), constants.R_OK);
        return true;
      } catch (err) {
        problem(path, false, errnoText(err, 'cannot be read'));
        return false;
      }
    };
    const walk = (rel: string, real: string, ancestors: readonly string[]): void => {
      const times = (timesListed.get(real) ?? 0) + 1;
      if (times > MAX_PATHS_PER_DIRECTORY) {
        problem(rel, true, `is a directory reached through more than ${MAX_PATHS_PER_DIRECTORY} symlinked paths; not listed under this one`);
        return;
      }
      timesListed.set(real, times);
      let entries: Dirent[];
      try {
        entries = readdirSync(join(this.root, rel), { withFileTypes: true });
      } catch (err) {
        problem(rel, true, errnoText(err, 'directory cannot be read'));
        return;
      }
      entries.sort((a, b) => compareStrings(a.name, b.name));
      const inside = [...ancestors, real];
      for (const e of entries) {
        if (SKIP_DIRS.has(e.name)) continue;
        const path = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(path, `${real}/${e.name}`, inside);
        else if (e.isFile()) {
          if (readable(path)) walked.files.push(path);
        } else if (e.isSymbolicLink()) followLink(path, inside);
        else problem(path, false, `is ${specialKind(e)}, not a regular file; not read`);
      }
    };
    const followLink = (path: string, ancestors: readonly string[]): void => {
      const abs = join(this.root, path);
      let target: string;
      try {
        target = realpathSync(abs);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') problem(path, false, `is a dangling symlink (to ${linkText(abs)}); not read`);
        else problem(path, false, errnoText(err, 'symlink cannot be resolved'));
        return;
      }
      if (!isInside(rootReal, target)) {
        problem(path, false, `is a symlink that leaves the repository (to ${target}); not read`);
        return;
      }
      let st: import('node:fs').Stats;
      try {
        st = statSync(target);
      } catch (err) {
        problem(path, false, errnoText(err, 'symlink target cannot be read'));
        return;
      }
      if (st.isDirectory()) {
        if (ancestors.includes(target)) walked.loops.push(path);
        else walk(path, target, ancestors);
      } else if (st.isFile()) {
        if (readable(path)) walked.files.push(path);
      } else problem(path, false, `is a symlink to ${specialKind(st)} (${target}), not a regular file; not read`);
    };
    walk('', rootReal, []);
    walked.files.sort(compareStrings);
    walked.problems.sort((a, b) => compareStrings(a.path, b.path));
    walked.loops.sort(compareStrings);
    this.#walked = walked;
    return walked;
  }

  /** Files matching any of the globs (or the default predicate when none given). */
  select(globs: readonly string[] | undefined, byDefault: (file: string) => boolean): string[] {
    if (!globs || globs.length === 0) return this.files().filter(byDefault);
    const matchers = globs.map(globMatcher);
    return this.files().filter((f) => matchers.some((m) => m(f)));
  }

  /** A file of the tree as strict UTF-8 text (read-file.ts: regular, inside the repository, size checked first). */
  read(file: string): string {
    let text = this.#text.get(file);
    if (text === undefined) {
      text = readRegularText(file, { within: this.root, maxBytes: MAX_MANIFEST_BYTES, display: file });
      this.#text.set(file, text);
    }
    return text;
  }

  /** JSON files that hold an apiVersion and a kind: read only when kubernetes.paths names them, so say they exist. */
  #jsonManifests(owned: ReadonlySet<string>): string[] {
    const out: string[] = [];
    for (const file of this.files()) {
      if (!file.endsWith('.json') || owned.has(file) || file.endsWith('.tools.json') || /(^|\/)(package(-lock)?|tsconfig|composer|\.?[a-z-]*rc)\.json$/.test(file)) continue;
      if ((statSync(join(this.root, file), { throwIfNoEntry: false })?.size ?? Infinity) > JSON_SNIFF_BYTES) continue;
      let text: string;
      try {
        text = this.read(file);
      } catch {
        continue; // the workspace check reports what cannot be read
      }
      if (/"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text)) out.push(file);
    }
    return out;
  }

  /** What helm and kustomize rendered for this run (src/workspace/render/). */
  get rendered(): Rendered {
    return this.#rendered;
  }

  setRendered(rendered: Rendered): void {
    this.#rendered = rendered;
    this.#k8s.clear();
  }

  /**
   * Kubernetes objects of the repository, parsed once per scope (every
   * check asks with the config's): plain manifest files, minus those only a
   * renderer reads, plus what the charts and overlays render.
   */
  kubernetes(scope: KubernetesScope | undefined): KubernetesObjects {
    const key = JSON.stringify([scope?.paths ?? null, scope?.exclude ?? null]);
    let cached = this.#k8s.get(key);
    if (!cached) {
      const objects: K8sObject[] = [];
      const problems: ParseProblem[] = [];
      const owned = new Set(this.#rendered.owned);
      const excluded = [...(scope?.exclude ?? []), ...(scope?.paths ? [] : NOT_MANIFESTS)].map(globMatcher);
      let skippedOwned = 0;
      let skippedExcluded = 0;
      for (const file of this.select(scope?.paths, isYamlFile)) {
        if (owned.has(file)) {
          skippedOwned++;
          continue;
        }
        if (excluded.some((m) => m(file))) {
          skippedExcluded++;
          continue;
        }
        try {
          const docs = parseYamlDocuments(this.read(file), file, 'kubernetes');
          objects.push(...kubernetesObjects(docs, file));
        } catch (err) {
          if (err instanceof YamlError) problems.push({ file, line: err.line, message: `invalid YAML: ${err.message}` });
          else if (err instanceof InputError) problems.push({ file, line: err.line, message: err.message });
          else problems.push({ file, message: `cannot read: ${(err as Error).message}` });
        }
      }
      const rendered = renderedObjects(this.#rendered);
      objects.push(...rendered.objects);
      problems.push(...this.#rendered.problems, ...rendered.problems);
      const notes = [...this.#rendered.notes, ...rendered.notes];
      if (skippedOwned > 0) notes.push(`${skippedOwned} YAML file(s) read only through helm, kustomize or a test runner (templates, values, patches, test assertions)`);
      if (skippedExcluded > 0)
        notes.push(`${skippedExcluded} YAML file(s) not read as manifests (${scope?.exclude?.length ? 'kubernetes.exclude, ' : ''}vendor/, third_party/ and .github/ are skipped unless kubernetes.paths names them)`);
      if (!scope?.paths) {
        const json = this.#jsonManifests(owned);
        if (json.length > 0)
          notes.push(`${json.length} JSON file(s) look like Kubernetes manifests but are not read (${json.slice(0, 3).join(', ')}${json.length > 3 ? ', …' : ''}): name them in kubernetes.paths`);
      }
      cached = { objects, problems, notes };
      this.#k8s.set(key, cached);
    }
    return cached;
  }
}

export function isYamlFile(file: string): boolean {
  return file.endsWith('.yaml') || file.endsWith('.yml');
}

function specialKind(e: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (e.isFIFO()) return 'a FIFO';
  if (e.isSocket()) return 'a socket';
  if (e.isCharacterDevice()) return 'a character device';
  if (e.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function linkText(abs: string): string {
  try {
    return readlinkSync(abs);
  } catch {
    return 'an unreadable target';
  }
}

function errnoText(err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return `${what}: permission denied`;
  if (code === 'ELOOP') return `${what}: symlink loop`;
  return `${what}: ${code ?? (err as Error).message}`;
}
