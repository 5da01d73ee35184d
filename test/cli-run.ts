// The CLI in-process: main() with a capturing io (stdout and stderr
// collected into strings). Relative paths resolve against cwd (default: the
// repository), the environment is the test's own plus NO_COLOR unless given.
import { fileURLToPath } from 'node:url';
import { type CliIO, main } from '../src/main/run-cli.ts';

export const REPO = fileURLToPath(new URL('..', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** Added to (or, with undefined values, removed from) the test's environment. */
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
}

export async function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    cwd: opts.cwd ?? REPO,
    isTTY: opts.isTTY ?? false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Asserts-style check used by the CLI tests: the text holds no stack frame. */
export const STACK_FRAME = /\n\s+at .+:\d+:\d+/;
