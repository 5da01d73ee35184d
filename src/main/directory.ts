// The directory a command reviews, and the repository around it.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { DEFAULT_CONFIG_FILE } from '../config/schema.ts';
import { UsageError } from '../util/errors.ts';
import type { CliIO } from './io.ts';

/**
 * The absolute path of a DIR argument, which must be a directory; named as
 * the user wrote it. Without one, the repository holding the working
 * directory (its config and all), so a run from a subdirectory is not
 * silently judged by the defaults.
 */
export function directoryArg(dir: string | undefined, io: CliIO): string {
  const root = resolve(io.cwd, dir ?? '.');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${dir ?? '.'}: no such directory`);
  const repo = repositoryRoot(root);
  if (repo === undefined || repo === root) return root;
  if (dir === undefined) {
    io.stderr(`mcp-gate: reviewing the repository root ${repo} (the working directory is inside it; pass a DIR to review only part of it)\n`);
    return repo;
  }
  if (!existsSync(join(root, DEFAULT_CONFIG_FILE)) && existsSync(join(repo, DEFAULT_CONFIG_FILE)))
    io.stderr(
      `mcp-gate: ${dir} has no ${DEFAULT_CONFIG_FILE}, so the defaults apply to it, not ${relative(io.cwd, join(repo, DEFAULT_CONFIG_FILE)) || DEFAULT_CONFIG_FILE} of its repository (review the repository root, or pass --config)\n`,
    );
  return root;
}

/** The nearest directory at or above `dir` holding `.git` (a directory, or a file in worktrees and submodules). */
function repositoryRoot(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}
