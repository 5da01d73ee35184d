// The repository under review: one walk of the tree, cached file reads and
// parsed Kubernetes objects shared by every check that needs them.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globMatcher } from './glob.ts';
import { InputError } from '../util/errors.ts';
import { type K8sObject, kubernetesObjects } from './kubernetes.ts';
import { parseYamlDocuments, YamlError } from './yaml.ts';

/** Never scanned (SPEC.md discovery). */
const SKIP_DIRS = new Set(['node_modules', '.git', '.mcp-gate']);
/** Files above this size are not parsed as manifests (reported, never silently dropped). */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export interface ParseProblem {
  file: string;
  line?: number;
  message: string;
}

export class Workspace {
  readonly root: string;
  #files: string[] | undefined;
  #text = new Map<string, string>();
  #k8s = new Map<string, { objects: K8sObject[]; problems: ParseProblem[] }>();

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
    w.#files = this.files();
    return w;
  }

  /** Whether the files under root hold at least `n` bytes (stops counting there; unreadable files count 0). */
  holdsBytes(n: number): boolean {
    let total = 0;
    for (const f of this.files()) {
      total += lstatSync(join(this.root, f), { throwIfNoEntry: false })?.size ?? 0;
      if (total >= n) return true;
    }
    return false;
  }

  /** Every file under root (repository-relative, forward slashes), sorted. */
  files(): string[] {
    if (!this.#files) {
      const out: string[] = [];
      const walk = (rel: string): void => {
        let entries: import('node:fs').Dirent[];
        try {
          entries = readdirSync(join(this.root, rel), { withFileTypes: true });
        } catch {
          return; // unreadable directory: nothing to review there
        }
        for (const e of entries) {
          const path = rel ? `${rel}/${e.name}` : e.name;
          // Symlinks are not followed: no loops, no escaping the repository.
          if (e.isDirectory()) {
            if (!SKIP_DIRS.has(e.name)) walk(path);
          } else if (e.isFile()) out.push(path);
        }
      };
      walk('');
      out.sort();
      this.#files = out;
    }
    return this.#files;
  }

  /** Files matching any of the globs (or the default predicate when none given). */
  select(globs: readonly string[] | undefined, byDefault: (file: string) => boolean): string[] {
    if (!globs || globs.length === 0) return this.files().filter(byDefault);
    const matchers = globs.map(globMatcher);
    return this.files().filter((f) => matchers.some((m) => m(f)));
  }

  read(file: string): string {
    let text = this.#text.get(file);
    if (text === undefined) {
      const abs = join(this.root, file);
      const size = lstatSync(abs).size;
      if (size > MAX_MANIFEST_BYTES) throw new InputError(`file is ${size} bytes, above the ${MAX_MANIFEST_BYTES}-byte limit for manifests`, file);
      text = readFileSync(abs, 'utf8');
      this.#text.set(file, text);
    }
    return text;
  }

  /** Kubernetes objects of the repository, parsed once per set of paths (every check asks with the config's). */
  kubernetes(paths: readonly string[] | undefined): { objects: K8sObject[]; problems: ParseProblem[] } {
    const key = JSON.stringify(paths ?? null);
    let cached = this.#k8s.get(key);
    if (!cached) {
      const objects: K8sObject[] = [];
      const problems: ParseProblem[] = [];
      for (const file of this.select(paths, isYamlFile)) {
        try {
          const docs = parseYamlDocuments(this.read(file), file, 'kubernetes');
          objects.push(...kubernetesObjects(docs, file));
        } catch (err) {
          if (err instanceof YamlError) problems.push({ file, line: err.line, message: `invalid YAML: ${err.message}` });
          else if (err instanceof InputError) problems.push({ file, line: err.line, message: err.message });
          else problems.push({ file, message: `cannot read: ${(err as Error).message}` });
        }
      }
      cached = { objects, problems };
      this.#k8s.set(key, cached);
    }
    return cached;
  }
}

export function isYamlFile(file: string): boolean {
  return file.endsWith('.yaml') || file.endsWith('.yml');
}
