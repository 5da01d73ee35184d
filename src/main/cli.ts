#!/usr/bin/env node
// The CLI adapter: parse argv, call a command, map errors to exit codes.
// Bad input is a one-line message and exit 2, never a stack trace.
import { COMMANDS, type CommandEntry } from './commands/index.ts';
import { UsageError } from '../util/errors.ts';
import { VERSION } from '../util/version.ts';

const USAGE = `mcp-gate ${VERSION} — pre-deployment security gate for MCP server deployments

Usage:
${Object.values(COMMANDS)
  .map((c: CommandEntry) => `  ${c.usage}`)
  .join('\n')}

Options of check:
  --config FILE       config file (default: DIR/.mcp-gate.yml when present)
  --mode warn|enforce
  --rollout 1|2|3     1: report only; 2: only the three critical rules block; 3: every BLOCK rule blocks
  --format text|json|sarif|markdown   (default text)
  --output FILE       write the report to FILE (atomically) instead of stdout
  --base-ref REF      git revision holding the trust roots (allowed signers)

Exit codes: 0 nothing blocks, 1 blocked, 2 the gate could not run as asked.
Run "mcp-gate rules" for the rule catalog.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: ${command.usage}\n\n${USAGE.split('\n\n').slice(2).join('\n\n')}\n`);
    return 0;
  }
  return (await command.load()).run(rest);
}

function errorMessage(err: unknown): string {
  if (err instanceof UsageError) return err.message;
  // Node's parseArgs errors are usage errors too.
  if (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  return `internal error: ${msg}${process.env.MCP_GATE_DEBUG ? `\n${(err as Error).stack}` : ' (set MCP_GATE_DEBUG=1 for details)'}`;
}

// `mcp-gate rules | head`: a reader that stops early is not an error, and no output error is a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') process.stderr.write(`mcp-gate: cannot write the output: ${err.message}\n`);
  process.exit(err.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`mcp-gate: ${errorMessage(err)}\n`);
    process.exitCode = 2;
  },
);
