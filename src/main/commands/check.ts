import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../util/atomic.ts';
import { runGate } from '../../gate/engine.ts';
import { UsageError } from '../../util/errors.ts';
import { exitCodeFor } from '../../gate/policy.ts';
import { FORMATS, type Format, render, renderPieces } from '../../reporters/index.ts';
import type { Mode, Rollout } from '../../types.ts';
import type { Command } from './index.ts';
import { runScanner } from '../scanners.ts';
import { USAGE } from './usage.ts';

export const checkCommand: Command = {
  usage: USAGE.check,
  async run(args) {
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
      },
    });
    if (positionals.length > 1) throw new UsageError(`check takes one DIR, got ${positionals.length}: ${positionals.join(' ')}`);
    const dir = positionals[0] ?? '.';
    const mode = oneOf(values.mode, ['warn', 'enforce'], '--mode') as Mode | undefined;
    const rolloutText = oneOf(values.rollout, ['1', '2', '3'], '--rollout');
    const format = oneOf(values.format, FORMATS, '--format') as Format;
    const report = await runGate({
      root: dir,
      ...(values.config !== undefined ? { configFile: resolve(values.config) } : {}),
      ...(mode ? { mode } : {}),
      ...(rolloutText ? { rollout: Number(rolloutText) as Rollout } : {}),
      ...(values['base-ref'] ? { baseRef: values['base-ref'] } : {}),
      runScanner,
    });
    const color = !values.output && process.stdout.isTTY === true && !process.env.NO_COLOR;
    if (values.output) {
      writeFileAtomic(values.output, renderPieces(report, format, { color, root: resolve(dir) }));
      process.stderr.write(`mcp-gate: ${report.decision} (${report.summary.block} block, ${report.summary.warning} warning, ${report.summary.overridden} overridden); report written to ${values.output}\n`);
    } else process.stdout.write(render(report, format, { color, root: resolve(dir) }));
    return exitCodeFor(report.decision);
  },
};

export function oneOf(value: string | undefined, allowed: readonly string[], flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value;
}
