import { relative, resolve } from 'node:path';
import { runGate } from '../../gate/engine.ts';
import { type FailOn, flagNotes, type PolicyFlags } from '../../gate/policy.ts';
import { DEFAULT_CONFIG_FILE, type GateConfig } from '../../config/schema.ts';
import { FORMATS, type Format } from '../../reporters/index.ts';
import type { Mode, Rollout } from '../../types.ts';
import { UsageError } from '../../util/errors.ts';
import { oneOf, parseFlags } from '../args.ts';
import { directoryArg } from '../directory.ts';
import { runScanner } from '../scanners.ts';
import type { Command } from './command.ts';
import { emitReport, outputFormat } from './report-output.ts';
import { USAGE } from './usage.ts';

export const CHECK_OPTIONS = {
  config: { type: 'string' },
  mode: { type: 'string' },
  rollout: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'base-ref': { type: 'string' },
  'fail-on': { type: 'string' },
} as const;

export const checkCommand: Command = {
  usage: USAGE.check,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, CHECK_OPTIONS, 'check');
    if (positionals.length > 1) throw new UsageError(`check takes one DIR, got ${positionals.length}: ${positionals.join(' ')}`);
    const mode = oneOf(values.mode, ['warn', 'enforce'], '--mode') as Mode | undefined;
    const rolloutText = oneOf(values.rollout, ['1', '2', '3'], '--rollout');
    const failOn = oneOf(values['fail-on'], ['all', 'new'], '--fail-on') as FailOn | undefined;
    const format = outputFormat(oneOf(values.format, FORMATS, '--format') as Format | undefined, values.output, io);
    const root = directoryArg(positionals[0], io);
    const flags: PolicyFlags = { ...(mode ? { mode } : {}), ...(rolloutText ? { rollout: Number(rolloutText) as Rollout } : {}), ...(failOn ? { failOn } : {}) };
    const configFile = values.config !== undefined ? resolve(io.cwd, values.config) : undefined;
    const baseRef = values['base-ref'];
    // The engine hands the env callback the config the run applies (the base revision's policy keys with --base-ref).
    let applied: GateConfig = {};
    const report = await runGate({
      root,
      ...(configFile !== undefined ? { configFile } : {}),
      ...flags,
      ...(baseRef ? { baseRef } : {}),
      env: (config) => {
        applied = config;
        return io.env;
      },
      runScanner,
    });
    const name = `${configFile ? relative(root, configFile) || configFile : DEFAULT_CONFIG_FILE}${baseRef ? ` at ${baseRef}` : ''}`;
    for (const note of flagNotes(applied, flags, name)) io.stderr(`mcp-gate: ${note}\n`);
    return emitReport(report, { format, output: values.output, root }, io);
  },
};
