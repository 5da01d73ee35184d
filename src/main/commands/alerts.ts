// `mcp-gate alerts init`: write the Sigma rules of the four behavioural
// alerts into the repository, where the siem check finds them.
import { existsSync, mkdirSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parseFlags } from '../args.ts';
import { directoryArg } from '../directory.ts';
import { ALERTS, type AlertThresholds, DEFAULT_ALERTS_DIR, DEFAULT_THRESHOLDS } from '../../../checks/probes/sigma.ts';
import { writeFileAtomic } from '../../util/atomic.ts';
import { UsageError } from '../../util/errors.ts';
import type { Command } from './command.ts';
import { USAGE } from './usage.ts';

export const ALERTS_OPTIONS = {
  out: { type: 'string' },
  'baseline-per-minute': { type: 'string' },
  'median-session-ms': { type: 'string' },
  force: { type: 'boolean', default: false },
} as const;

export const alertsCommand: Command = {
  usage: USAGE.alerts,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, ALERTS_OPTIONS, 'alerts');
    const [sub, dirArg, ...extra] = positionals;
    if (sub !== 'init') throw new UsageError(`alerts: unknown subcommand ${sub === undefined ? '(none)' : `"${sub}"`} (expected: init)`);
    if (extra.length > 0) throw new UsageError(`alerts init takes one DIR, got: ${[dirArg, ...extra].join(' ')}`);
    const root = directoryArg(dirArg, io);
    const thresholds: AlertThresholds = {
      baselinePerMinute: positiveInt(values['baseline-per-minute'], '--baseline-per-minute') ?? DEFAULT_THRESHOLDS.baselinePerMinute,
      medianSessionMs: positiveInt(values['median-session-ms'], '--median-session-ms') ?? DEFAULT_THRESHOLDS.medianSessionMs,
    };
    const out = values.out ?? DEFAULT_ALERTS_DIR;
    const dir = isAbsolute(out) ? out : join(root, out);
    const files = ALERTS.map((a) => ({ path: join(dir, `${a.name}.yml`), text: a.render(thresholds) }));
    const existing = files.filter((f) => existsSync(f.path));
    if (existing.length > 0 && !values.force) {
      throw new UsageError(`refusing to overwrite ${existing.map((f) => relative(root, f.path)).join(', ')} (use --force)`);
    }
    mkdirSync(dir, { recursive: true });
    for (const f of files) {
      writeFileAtomic(f.path, f.text);
      io.stdout(`wrote ${relative(io.cwd, f.path) || f.path}\n`);
    }
    io.stdout(`${files.length} Sigma rules written; convert them for your SIEM (e.g. sigma convert -t splunk) and commit them.\n`);
    return 0;
  },
};

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,9}$/.test(value)) throw new UsageError(`${flag} must be a positive integer (got "${value}")`);
  return Number(value);
}
