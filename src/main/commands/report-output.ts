// Printing or writing a gate report: shared by `check` and `probe`, so both
// give the same output for the same flags.
import { resolve } from 'node:path';
import { exitCodeFor } from '../../gate/policy.ts';
import { type Format, render, renderPieces } from '../../reporters/index.ts';
import type { Report } from '../../types.ts';
import { writeFileAtomic } from '../../util/atomic.ts';
import type { CliIO } from '../io.ts';

export function emitReport(report: Report, opts: { format: Format; output?: string | undefined; root: string }, io: CliIO): number {
  const color = !opts.output && io.isTTY && !io.env.NO_COLOR;
  if (opts.output) {
    writeFileAtomic(resolve(io.cwd, opts.output), renderPieces(report, opts.format, { color, root: opts.root }));
    io.stderr(
      `mcp-gate: ${report.decision} (${report.summary.block} block, ${report.summary.warning} warning, ${report.summary.overridden} overridden); report written to ${opts.output}\n`,
    );
  } else io.stdout(render(report, opts.format, { color, root: opts.root }));
  return exitCodeFor(report.decision);
}
