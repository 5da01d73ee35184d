// The counts a human reads first: what blocks, apart from what has BLOCK
// severity (at rollout 2, in warn mode or under failOn new most BLOCK
// findings may not block).
import type { Report } from '../types.ts';

/** "1 blocking (8 BLOCK findings, 7 not enforced at rollout 2), 3 warning, 0 overridden". */
export function countsText(report: Report): string {
  const s = report.summary;
  const blocking = report.findings.filter((f) => f.blocking).length;
  const notEnforced = s.block - blocking;
  // Under failOn new the base's own BLOCK findings are reported but do not block: say so rather than blame the rollout.
  const existing =
    report.mode === 'enforce' && report.baseline?.failOn === 'new'
      ? report.findings.filter((f) => f.status === 'open' && f.severity === 'block' && !f.blocking && f.new === false).length
      : 0;
  const why = report.mode === 'warn' ? 'in mode warn' : `at rollout ${report.rollout}`;
  const reasons = [
    notEnforced - existing > 0 ? `${notEnforced - existing} not enforced ${why}` : '',
    existing > 0 ? `${existing} existing under failOn new` : '',
  ].filter(Boolean);
  const detail = notEnforced > 0 ? ` (${s.block} BLOCK finding${s.block === 1 ? '' : 's'}, ${reasons.join(', ')})` : '';
  return `${blocking} blocking${detail}, ${s.warning} warning, ${s.overridden} overridden`;
}
