// Argument helpers shared by the commands (small on purpose: `rules` must
// not load the engine to check one flag).
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { didYouMean } from '../util/did-you-mean.ts';
import { UsageError } from '../util/errors.ts';

export function oneOf(value: string | undefined, allowed: readonly string[], flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value;
}

type Parsed<T extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

/**
 * parseArgs with positionals, whose errors are one line naming the command:
 * an unknown flag gets the closest known one ("did you mean"), never Node's
 * raw message.
 */
export function parseFlags<const T extends ParseArgsOptionsConfig>(args: string[], options: T, command: string): Parsed<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw flagError(err, options, command);
  }
}

function flagError(err: unknown, options: ParseArgsOptionsConfig, command: string): unknown {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return err;
  const help = `see "mcp-gate ${command} --help"`;
  const message = (err as Error).message;
  const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
  if (unknown !== undefined) {
    const flags = ['--help', ...Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])])];
    const hint = didYouMean(unknown.replace(/=.*/, ''), flags);
    return new UsageError(`${command}: unknown option ${unknown}${hint ? ` (did you mean ${hint}?)` : ''}; ${help}`);
  }
  const missing = /^Option '(-\S+?)(?:, (--\S+))? <value>' argument missing/.exec(message);
  if (missing) return new UsageError(`${command}: ${missing[2] ?? missing[1]} needs a value; ${help}`);
  const noArg = /^Option '(-\S+?)(?:, (--\S+))?' does not take an argument/.exec(message);
  if (noArg) return new UsageError(`${command}: ${noArg[2] ?? noArg[1]} takes no value; ${help}`);
  // Any other parse error: its first sentence, on one line.
  return new UsageError(`${command}: ${message.split(/\.\s|\n/)[0]}; ${help}`);
}
