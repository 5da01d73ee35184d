// execa, loaded on first use: it needs Node >= 22 and most runs spawn
// nothing, so the CLI keeps starting (and the file-based checks keep
// working) on older Node versions.
import type { Options, Result } from 'execa';

export async function execFileSafe(file: string, args: readonly string[], options: Options): Promise<Result> {
  const { execa } = await import('execa');
  return execa(file, args, options) as Promise<Result>;
}
