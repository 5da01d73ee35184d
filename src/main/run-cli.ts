// The CLI as a function: parse argv, call a command, map errors to exit
// codes. It never touches `process`: output, environment and working
// directory come in through io (src/main/cli.ts wires the real process).
// Bad input is a one-line message and exit 2, never a stack trace.
import { didYouMean } from '../util/did-you-mean.ts';
import { UsageError } from '../util/errors.ts';
import { VERSION } from '../util/version.ts';
import { COMMANDS } from './commands/index.ts';
import { HELP, OVERRIDE_HELP } from './commands/usage.ts';
import type { CliIO } from './io.ts';

export type { CliIO } from './io.ts';

const USAGE = `mcp-gate ${VERSION} — pre-deployment security gate for MCP server deployments

Usage:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}

"mcp-gate COMMAND --help" explains a command and each of its options.
Exit codes: 0 nothing blocks, 1 blocked, 2 the gate could not run as asked.
Run "mcp-gate rules" for the rule catalog.`;

/** Runs one CLI invocation; returns the exit code, never throws. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    // A usage error may list several problems (a config with three typos), one per line.
    const message = errorMessage(err, io.env);
    io.stderr(err instanceof UsageError ? `${message.split('\n').map((line) => `mcp-gate: ${line}`).join('\n')}\n` : `mcp-gate: ${message}\n`);
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
  if (!command) {
    const hint = didYouMean(name, Object.keys(COMMANDS));
    throw new UsageError(`unknown command "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; commands: ${Object.keys(COMMANDS).join(', ')}`);
  }
  const flags = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (flags.includes('--help') || flags.includes('-h')) {
    io.stdout(`Usage: ${helpOf(name, rest[0])}\n`);
    return 0;
  }
  return (await command.load()).run(rest, io);
}

/** A command's help; `override SUB --help` gets that subcommand's. */
function helpOf(command: string, sub: string | undefined): string {
  if (command === 'override' && sub !== undefined && Object.hasOwn(OVERRIDE_HELP, sub)) return OVERRIDE_HELP[sub as keyof typeof OVERRIDE_HELP];
  return HELP[command as keyof typeof HELP];
}

function errorMessage(err: unknown, env: CliIO['env']): string {
  if (err instanceof UsageError) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  return `internal error: ${msg}${env.MCP_GATE_DEBUG ? `\n${(err as Error)?.stack}` : ' (set MCP_GATE_DEBUG=1 for details)'}`;
}
