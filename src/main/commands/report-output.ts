// Printing or writing a gate report: shared by `check` and `probe`, so both
// give the same output for the same flags.
import { extname, resolve } from 'node:path';
import { exitCodeFor } from '../../gate/policy.ts';
import { countsText } from '../../reporters/counts.ts';
import { type Format, render, renderPieces } from '../../reporters/index.ts';
import type { Report } from '../../types.ts';
import { writeFileAtomic } from '../../util/atomic.ts';
import type { CliIO } from '../io.ts';

/** The format an --output file's extension asks for. */
const EXTENSION_FORMATS: Record<string, Format> = { '.json': 'json', '.sarif': 'sarif', '.md': 'markdown', '.markdown': 'markdown' };

/** --format when given (saying so when the --output extension asks for another), else the extension's, else text. */
export function outputFormat(explicit: Format | undefined, output: string | undefined, io: CliIO): Format {
  const inferred = output === undefined ? undefined : EXTENSION_FORMATS[extname(output).toLowerCase()];
  if (explicit === undefined) return inferred ?? 'text';
  if (inferred !== undefined && inferred !== explicit) io.stderr(`mcp-gate: --format ${explicit} wins over the ${extname(output as string)} extension of ${output}\n`);
  return explicit;
}

export function emitReport(report: Report, opts: { format: Format; output?: string | undefined; root: string }, io: CliIO): number {
  const color = !opts.output && io.isTTY && !io.env.NO_COLOR;
  if (opts.output) {
    writeFileAtomic(resolve(io.cwd, opts.output), renderPieces(report, opts.format, { color, root: opts.root }));
    io.stderr(`mcp-gate: ${report.decision}: ${countsText(report)}; ${opts.format} report written to ${opts.output}\n`);
  } else io.stdout(render(report, opts.format, { color, root: opts.root }));
  return exitCodeFor(report.decision);
}
