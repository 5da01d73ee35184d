// GitHub shows at most 10 error and 10 warning annotations per step; more
// are silently dropped. Pick the most severe, what the change introduced
// first, then one notice for the rest.
import { formatLocation } from './location.ts';
import type { Finding, Report } from '../types.ts';

export const ANNOTATION_LIMIT = 10;

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
  startLine?: number;
}

/** Slots the caller leaves for findings (it may need some for its own messages). */
export interface AnnotationSlots {
  error: number;
  warning: number;
}

export function annotationsFor(report: Report, slots: AnnotationSlots = { error: ANNOTATION_LIMIT, warning: ANNOTATION_LIMIT }): Annotation[] {
  // Stable sort: blocking before not enforced, and within each the change's own (new or live) before the base's.
  const rank = (f: Finding): number => (f.blocking ? 0 : 2) + (f.new === false ? 1 : 0);
  const open = report.findings.filter((f) => f.status === 'open').sort((a, b) => rank(a) - rank(b));
  const errors = open.filter((f) => f.severity === 'block');
  const warnings = open.filter((f) => f.severity === 'warning');
  const errorSlots = Math.max(0, slots.error);
  const warningSlots = Math.max(0, slots.warning);
  const pick = (list: typeof open, level: 'error' | 'warning'): Annotation[] =>
    list.slice(0, level === 'error' ? errorSlots : warningSlots).map((f) => ({
      level,
      title: `${f.blocking ? 'BLOCK' : f.severity === 'block' ? 'BLOCK (not enforced)' : 'WARNING'} ${f.ruleId}`,
      message: `${f.message}${f.location.file ? '' : ` ${formatLocation(f.location)}`}\nFix: ${f.remediation}`,
      ...(f.location.file ? { file: f.location.file } : {}),
      ...(f.location.line ? { startLine: f.location.line } : {}),
    }));
  const out = [...pick(errors, 'error'), ...pick(warnings, 'warning')];
  const rest = Math.max(0, errors.length - errorSlots) + Math.max(0, warnings.length - warningSlots);
  if (rest > 0)
    out.push({
      level: 'notice',
      title: 'mcp-gate: more findings',
      message: `${rest} more findings are not annotated (GitHub shows ${ANNOTATION_LIMIT} errors and ${ANNOTATION_LIMIT} warnings per step); see the job summary or the SARIF/JSON report.`,
    });
  return out;
}
