import type { Finding, Report } from '../types.ts';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One finding as it appears inside the report's findings array (indented one level deeper). */
export function findingJson(f: Finding): string {
  // Serialised two arrays deep, the finding is indented exactly as inside the
  // report (JSON.stringify writes null for what it cannot serialise, as there);
  // cutting "[\n  [\n    " and "\n  ]\n]" is cheaper than re-indenting every line.
  return JSON.stringify([[f]], null, 2).slice(10, -6);
}

/** Target size of one piece of renderJsonChunks, in characters. */
const CHUNK_CHARS = 1 << 20;
const FINDINGS_MARKER = '\u0000mcp-gate:findings\u0000';

/**
 * renderJson as pieces whose concatenation is exactly renderJson(report),
 * for writing a large report to a file: each finding is serialised on its
 * own (the same JSON.stringify output, indented one level deeper), so a
 * report of tens of megabytes is never one string to flatten and encode,
 * and one non-Latin-1 character does not make the whole text two-byte.
 */
export function renderJsonChunks(report: Report): string[] {
  const findings: unknown = report.findings;
  if (!Array.isArray(findings) || findings.length === 0) return [renderJson(report)];
  const marker = JSON.stringify(FINDINGS_MARKER);
  const outer = JSON.stringify({ ...report, findings: FINDINGS_MARKER }, null, 2);
  // Raw newlines only separate members, so this is the top-level member and nothing else.
  const slot = `\n  "findings": ${marker}`;
  const at = outer.indexOf(slot);
  if (at < 0 || outer.includes(slot, at + 1)) return [renderJson(report)];
  const chunks: string[] = [];
  let batch: string[] = [`${outer.slice(0, at + slot.length - marker.length)}[\n    `];
  let size = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    const item = findingJson(f);
    batch.push(i === 0 ? '' : ',\n    ', item);
    size += item.length;
    if (size >= CHUNK_CHARS) {
      chunks.push(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  batch.push(`\n  ]${outer.slice(at + slot.length)}\n`);
  chunks.push(batch.join(''));
  return chunks;
}
