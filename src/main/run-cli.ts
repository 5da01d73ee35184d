// The CLI as a function: parse argv, call a command, map errors to exit
// codes. It never touches `process`: output, environment and working
// directory come in through io (src/main/cli.ts wires the real process).
// Bad input is a one-line message and exit 2, never a stack trace.
import { UsageError } from '../util/errors.ts';
import { VERSION } from '../util/version.ts';
import { COMMANDS } from './commands/index.ts';
import type { CliIO } from './io.ts';

export type { CliIO } from './io.ts';

const USAGE = `mcp-gate ${VERSION} — pre-deployment security gate for MCP server deployments

Usage:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}

Options of check:
  --config FILE       config file (default: DIR/.mcp-gate.yml when present)
  --mode warn|enforce
  --rollout 1|2|3     1: report only; 2: only the three critical rules block; 3: every BLOCK rule blocks
  --format text|json|sarif|markdown   (default text)
  --output FILE       write the report to FILE (atomically) instead of stdout
  --base-ref REF      the base revision: its config's policy and trusted signers apply, and its
                      tree is judged too, so each finding is marked new or existing
  --fail-on all|new   with --base-ref: new blocks only on findings the change introduced
                      (default: the config's failOn, else all)

Exit codes: 0 nothing blocks, 1 blocked, 2 the gate could not run as asked.
Run "mcp-gate rules" for the rule catalog.`;

/** Runs one CLI invocation; returns the exit code, never throws. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    io.stderr(`mcp-gate: ${errorMessage(err, io.env)}\n`);
    return 2;
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: ${command.usage}\n\n${USAGE.split('\n\n').slice(2).join('\n\n')}\n`);
    return 0;
  }
  return (await command.load()).run(rest, io);
}

function errorMessage(err: unknown, env: CliIO['env']): string {
  if (err instanceof UsageError) return err.message;
  // Node's parseArgs errors are usage errors too.
  if (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  return `internal error: ${msg}${env.MCP_GATE_DEBUG ? `\n${(err as Error)?.stack}` : ' (set MCP_GATE_DEBUG=1 for details)'}`;
}
