// The counts a human reads first: what blocks, apart from what has BLOCK
// severity (at rollout 2 or in warn mode most BLOCK findings do not block).
import type { Report } from '../types.ts';

/** "1 blocking (8 BLOCK findings, 7 not enforced at rollout 2), 3 warning, 0 overridden". */
export function countsText(report: Report): string {
  const s = report.summary;
  const blocking = report.findings.filter((f) => f.blocking).length;
  const notEnforced = s.block - blocking;
  const why = report.mode === 'warn' ? 'in mode warn' : `at rollout ${report.rollout}`;
  const detail = notEnforced > 0 ? ` (${s.block} BLOCK finding${s.block === 1 ? '' : 's'}, ${notEnforced} not enforced ${why})` : '';
  return `${blocking} blocking${detail}, ${s.warning} warning, ${s.overridden} overridden`;
}
