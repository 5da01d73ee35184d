import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runGate } from '../../gate/engine.ts';
import type { FailOn } from '../../gate/policy.ts';
import { FORMATS, type Format } from '../../reporters/index.ts';
import type { Mode, Rollout } from '../../types.ts';
import { UsageError } from '../../util/errors.ts';
import { oneOf } from '../args.ts';
import { directoryArg } from '../directory.ts';
import { runScanner } from '../scanners.ts';
import type { Command } from './command.ts';
import { emitReport } from './report-output.ts';
import { USAGE } from './usage.ts';

export const checkCommand: Command = {
  usage: USAGE.check,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        mode: { type: 'string' },
        rollout: { type: 'string' },
        format: { type: 'string', default: 'text' },
        output: { type: 'string', short: 'o' },
        'base-ref': { type: 'string' },
        'fail-on': { type: 'string' },
      },
    });
    if (positionals.length > 1) throw new UsageError(`check takes one DIR, got ${positionals.length}: ${positionals.join(' ')}`);
    const mode = oneOf(values.mode, ['warn', 'enforce'], '--mode') as Mode | undefined;
    const rolloutText = oneOf(values.rollout, ['1', '2', '3'], '--rollout');
    const format = oneOf(values.format, FORMATS, '--format') as Format;
    const failOn = oneOf(values['fail-on'], ['all', 'new'], '--fail-on') as FailOn | undefined;
    const root = directoryArg(positionals[0], io);
    const report = await runGate({
      root,
      ...(values.config !== undefined ? { configFile: resolve(io.cwd, values.config) } : {}),
      ...(mode ? { mode } : {}),
      ...(rolloutText ? { rollout: Number(rolloutText) as Rollout } : {}),
      ...(values['base-ref'] ? { baseRef: values['base-ref'] } : {}),
      ...(failOn ? { failOn } : {}),
      env: io.env,
      runScanner,
    });
    return emitReport(report, { format, output: values.output, root }, io);
  },
};
