#!/usr/bin/env node
// The executable: wires the process (argv, env, cwd, stdout/stderr) to
// main() in run-cli.ts, which does the work without touching `process`.
// Only the Node version check is loaded before it: the rest is imported
// after it, so a Node too old to run it gets one line and exit 2, not a crash.
import { nodeVersionProblem } from './node-version.ts';

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`mcp-gate: ${problem}\n`);
  process.exitCode = 2;
} else {
  // `mcp-gate rules | head`: a reader that stops early is not an error, and no output error is a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`mcp-gate: cannot write the output: ${err.message}\n`);
    process.exit(err.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
  });
  // Node 20 and 21 lack the ES2025 Set methods that execa (git, helm, scanners, stdio servers) calls.
  if (!('union' in Set.prototype)) await import('./set-methods.ts');
  const { main } = await import('./run-cli.ts');
  main(process.argv.slice(2), {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    env: process.env,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // main() maps every error itself; this is the last resort.
      process.stderr.write(`mcp-gate: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
