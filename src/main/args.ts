// Argument helpers shared by the commands (small on purpose: `rules` must
// not load the engine to check one flag).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../util/errors.ts';
import type { CliIO } from './io.ts';

export function oneOf(value: string | undefined, allowed: readonly string[], flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value;
}

/** The absolute path of a DIR argument (default "."), which must be a directory; named as the user wrote it. */
export function directoryArg(dir: string | undefined, io: CliIO): string {
  const root = resolve(io.cwd, dir ?? '.');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${dir ?? '.'}: no such directory`);
  return root;
}
