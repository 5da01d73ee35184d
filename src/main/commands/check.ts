import { extname, isAbsolute, resolve } from 'node:path';
import { runGate } from '../../gate/engine.ts';
import { exitCodeFor, flagNotes, type PolicyFlags } from '../../gate/policy.ts';
import { protectPolicy } from '../../config/base-policy.ts';
import { readConfig } from '../../config/load.ts';
import { DEFAULT_CONFIG_FILE } from '../../config/schema.ts';
import { countsText } from '../../reporters/counts.ts';
import { FORMATS, type Format, render, renderPieces } from '../../reporters/index.ts';
import type { Mode, Rollout } from '../../types.ts';
import { writeFileAtomic } from '../../util/atomic.ts';
import { UsageError } from '../../util/errors.ts';
import { oneOf, parseFlags } from '../args.ts';
import { directoryArg } from '../directory.ts';
import type { CliIO } from '../io.ts';
import { runScanner } from '../scanners.ts';
import type { Command } from './command.ts';
import { USAGE } from './usage.ts';

export const CHECK_OPTIONS = {
  config: { type: 'string' },
  mode: { type: 'string' },
  rollout: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'base-ref': { type: 'string' },
} as const;

/** The format an --output file's extension asks for. */
const EXTENSION_FORMATS: Record<string, Format> = { '.json': 'json', '.sarif': 'sarif', '.md': 'markdown', '.markdown': 'markdown' };

export const checkCommand: Command = {
  usage: USAGE.check,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, CHECK_OPTIONS, 'check');
    if (positionals.length > 1) throw new UsageError(`check takes one DIR, got ${positionals.length}: ${positionals.join(' ')}`);
    const mode = oneOf(values.mode, ['warn', 'enforce'], '--mode') as Mode | undefined;
    const rolloutText = oneOf(values.rollout, ['1', '2', '3'], '--rollout');
    const format = outputFormat(oneOf(values.format, FORMATS, '--format') as Format | undefined, values.output, io);
    const root = directoryArg(positionals[0], io);
    const flags: PolicyFlags = { ...(mode ? { mode } : {}), ...(rolloutText ? { rollout: Number(rolloutText) as Rollout } : {}) };
    const configFile = values.config !== undefined ? resolve(io.cwd, values.config) : undefined;
    const report = await runGate({
      root,
      ...(configFile !== undefined ? { configFile } : {}),
      ...flags,
      ...(values['base-ref'] ? { baseRef: values['base-ref'] } : {}),
      env: io.env,
      runScanner,
    });
    for (const note of await policyNotes(root, configFile, values['base-ref'], flags)) io.stderr(`mcp-gate: ${note}\n`);
    const color = !values.output && io.isTTY && !io.env.NO_COLOR;
    if (values.output) {
      writeFileAtomic(resolve(io.cwd, values.output), renderPieces(report, format, { color, root }));
      io.stderr(`mcp-gate: ${report.decision}: ${countsText(report)}; ${format} report written to ${values.output}\n`);
    } else io.stdout(render(report, format, { color, root }));
    return exitCodeFor(report.decision);
  },
};

/** --format when given (saying so when the --output extension asks for another), else the extension's, else text. */
function outputFormat(explicit: Format | undefined, output: string | undefined, io: CliIO): Format {
  const inferred = output === undefined ? undefined : EXTENSION_FORMATS[extname(output).toLowerCase()];
  if (explicit === undefined) return inferred ?? 'text';
  if (inferred !== undefined && inferred !== explicit) io.stderr(`mcp-gate: --format ${explicit} wins over the ${extname(output as string)} extension of ${output}\n`);
  return explicit;
}

/** Which of the policy flags contradict the config the run used (the base revision's policy keys with --base-ref). */
async function policyNotes(root: string, configFile: string | undefined, baseRef: string | undefined, flags: PolicyFlags): Promise<string[]> {
  if (flags.mode === undefined && flags.rollout === undefined) return [];
  const loaded = readConfig(root, configFile);
  const name = loaded.configFile ?? DEFAULT_CONFIG_FILE;
  // As the engine does: a config inside the repository takes its policy keys from the base revision.
  if (baseRef !== undefined && !isAbsolute(name)) {
    const base = await protectPolicy(root, baseRef, name, loaded.config);
    return flagNotes(base.config, flags, `${name} at ${baseRef}`);
  }
  return flagNotes(loaded.config, flags, name);
}
