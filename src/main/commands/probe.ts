// `mcp-gate probe behaviour --server ID [DIR]`: the runtime behaviour probe
// against one server, e.g. one under development, with the report `check`
// gives. It runs the local config as it is (no base revision: the developer
// starts their own server); a live server without a probes.behaviour entry
// is probed with the defaults.
import { resolve } from 'node:path';
import { behaviourCheck } from '../../../checks/probes/behaviour-check.ts';
import { readConfig } from '../../config/load.ts';
import { runGate } from '../../gate/engine.ts';
import { FORMATS, type Format } from '../../reporters/index.ts';
import type { Mode } from '../../types.ts';
import { UsageError } from '../../util/errors.ts';
import { oneOf, parseFlags } from '../args.ts';
import { directoryArg } from '../directory.ts';
import type { Command } from './command.ts';
import { emitReport, outputFormat } from './report-output.ts';
import { USAGE } from './usage.ts';

export const PROBE_OPTIONS = {
  server: { type: 'string' },
  config: { type: 'string' },
  mode: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

export const probeCommand: Command = {
  usage: USAGE.probe,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, PROBE_OPTIONS, 'probe');
    const [kind, dir, ...extra] = positionals;
    if (kind !== 'behaviour') throw new UsageError(`unknown probe ${kind === undefined ? '(none)' : `"${kind}"`} (expected: behaviour)`);
    if (extra.length > 0) throw new UsageError(`probe behaviour takes one DIR, got: ${positionals.slice(1).join(' ')}`);
    const id = values.server;
    if (!id) throw new UsageError('probe behaviour: --server ID is required (an mcp.servers id, or "endpoint")');
    const mode = oneOf(values.mode, ['warn', 'enforce'], '--mode') as Mode | undefined;
    const format = outputFormat(oneOf(values.format, FORMATS, '--format') as Format | undefined, values.output, io);
    const root = directoryArg(dir, io);
    const { config, configFile } = readConfig(root, values.config === undefined ? undefined : resolve(io.cwd, values.config));
    const entries = config.probes?.behaviour ?? [];
    const live = id === 'endpoint' ? config.probes?.endpoint !== undefined : (config.mcp?.servers ?? []).some((s) => s.id === id && (s.command !== undefined || s.url !== undefined));
    if (!live && !entries.some((e) => e.server === id)) {
      throw new UsageError(`no live server "${id}" in mcp.servers (command or url)${id === 'endpoint' ? ' and no probes.endpoint' : ''}`);
    }
    const behaviour = entries.some((e) => e.server === id) ? entries : [...entries, { server: id }];
    const report = await runGate({
      root,
      config: { ...config, probes: { ...config.probes, behaviour } },
      ...(configFile !== undefined ? { configFile } : {}),
      ...(mode ? { mode } : {}),
      checks: [behaviourCheck(id)],
      env: io.env,
    });
    return emitReport(report, { format, output: values.output, root }, io);
  },
};
