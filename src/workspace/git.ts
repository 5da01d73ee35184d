// Reading files of another revision (the protected base branch) with
// `git show`, for trust roots the change under review must not supply.
import { execFileSafe } from '../util/exec.ts';

/** The base revision cannot be resolved or read: the gate fails closed. */
export class BaseRefError extends Error {
  override name = 'BaseRefError';
}

const GIT_TIMEOUT_MS = 15_000;

async function git(root: string, args: string[], maxBuffer: number): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const r = await execFileSafe('git', args, {
    cwd: root,
    reject: false,
    timeout: GIT_TIMEOUT_MS,
    stripFinalNewline: false,
    maxBuffer,
    env: { GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' },
    extendEnv: true,
  });
  if (r.failed && r.exitCode === undefined) throw new BaseRefError(`git ${args[0]} could not run: ${r.shortMessage ?? r.message}`);
  return { exitCode: r.exitCode ?? 1, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

export interface RefFile {
  /** Resolved commit of the ref. */
  commit: string;
  /** "base revision main (1a2b3c4d5e6f)" */
  description: string;
  /** File text; undefined when the file does not exist at that revision. */
  text?: string;
}

/**
 * Read `path` (relative to `root`, which may be a subdirectory of the
 * repository) as it is at revision `ref`. A ref that does not resolve is a
 * BaseRefError, never "file absent".
 */
export async function readFileAtRef(root: string, ref: string, path: string, maxBytes = 1024 * 1024): Promise<RefFile> {
  // A ref is never an option; git also gets --end-of-options.
  if (ref === '' || ref.startsWith('-') || /[\s\u0000-\u001f]/.test(ref)) throw new BaseRefError(`base ref "${ref}" is not a valid git revision`);
  const resolved = await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], 4096);
  const commit = resolved.stdout.trim();
  if (resolved.exitCode !== 0 || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit)) {
    const why = resolved.stderr.includes('not a git repository')
      ? `${root} is not a git repository`
      : `base ref "${ref}" does not exist in this repository (shallow clone? fetch the base, e.g. actions/checkout with fetch-depth: 0)`;
    throw new BaseRefError(why);
  }
  const prefix = await git(root, ['rev-parse', '--show-prefix'], 65536);
  if (prefix.exitCode !== 0) throw new BaseRefError(`git rev-parse --show-prefix failed: ${prefix.stderr.trim()}`);
  const full = `${prefix.stdout.trim()}${path}`;
  const description = `base revision ${ref} (${commit.slice(0, 12)})`;
  const type = await git(root, ['cat-file', '-t', `${commit}:${full}`], 4096);
  if (type.exitCode !== 0) return { commit, description };
  if (type.stdout.trim() !== 'blob') throw new BaseRefError(`${path} in ${description} is a ${type.stdout.trim()}, not a file`);
  const shown = await git(root, ['show', '--no-textconv', `${commit}:${full}`], maxBytes * 2);
  if (shown.exitCode !== 0) throw new BaseRefError(`cannot read ${path} from ${description}: ${shown.stderr.trim()}`);
  if (shown.stdout.length > maxBytes) throw new BaseRefError(`${path} in ${description} is larger than ${maxBytes} bytes`);
  return { commit, description, text: shown.stdout };
}

/** What git tracks under a directory: the paths (relative to it), none outside a work tree, or why git could not say. */
export type Tracked = { files: ReadonlySet<string> } | { notRepository: true } | { error: string };

/**
 * The files git tracks under `root` (`git ls-files`, relative to root), so a
 * committed file stays reviewed whatever .gitignore says of it.
 */
export async function trackedFiles(root: string): Promise<Tracked> {
  let r: Awaited<ReturnType<typeof git>>;
  try {
    // fsmonitor off: ls-files would otherwise run a hook command named in the repository's git config.
    r = await git(root, ['-c', 'core.fsmonitor=false', 'ls-files', '-z', '--cached'], 256 * 1024 * 1024);
  } catch (err) {
    return { error: (err as Error).message };
  }
  if (r.exitCode === 0) return { files: new Set(r.stdout.split('\0').filter(Boolean)) };
  if (r.stderr.includes('not a git repository')) return { notRepository: true };
  return { error: `git ls-files failed: ${r.stderr.trim().slice(0, 200)}` };
}
