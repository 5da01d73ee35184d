// Job summary / PR comment. Decision, counts and top findings come first so
// they are on the first screen; the whole stays under a size limit with a
// shortened fallback (GitHub: 1 MiB per step summary, 65,536 chars per comment).
import { RULES } from '../rules/catalog.ts';
import type { Finding, Report } from '../types.ts';
import { codeSpan, escapeMarkdown } from './escape.ts';

export const SUMMARY_LIMIT = 1024 * 1024;

export interface MarkdownOptions {
  /** Maximum length in characters (default: 1 MiB, the job summary limit). */
  limit?: number;
  /** Hidden marker line (sticky PR comments). */
  marker?: string;
}

export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const limit = opts.limit ?? SUMMARY_LIMIT;
  const full = build(report, report.findings.length, opts.marker);
  if (full.length <= limit) return full;
  // Fallback: fewer rows until it fits; the header says how many are left out.
  let n = Math.min(report.findings.length, 200);
  while (n > 0) {
    const text = build(report, n, opts.marker);
    if (text.length <= limit) return text;
    n = Math.floor(n / 2);
  }
  return build(report, 0, opts.marker).slice(0, limit);
}

function build(report: Report, rows: number, marker?: string): string {
  const s = report.summary;
  const icon = report.decision === 'block' ? '❌' : report.decision === 'warn' ? '⚠️' : '✅';
  const policy = report.mode === 'warn' ? 'warning-only mode: nothing blocks' : `enforce mode, rollout phase ${report.rollout}`;
  const out: string[] = [];
  if (marker) out.push(marker);
  out.push(`## ${icon} mcp-gate: ${report.decision.toUpperCase()}`, '');
  out.push(`**${s.block}** block · **${s.warning}** warning · **${s.overridden}** overridden — ${policy}`, '');
  if (report.findings.length) {
    out.push('| | rule | where | finding |', '|---|---|---|---|');
    for (const f of report.findings.slice(0, rows)) out.push(row(f));
    if (rows < report.findings.length)
      out.push('', `_${report.findings.length - rows} more findings not shown here (size limit); see the JSON or SARIF report._`);
    out.push('');
  }
  const overridden = report.findings.filter((f) => f.override);
  if (overridden.length && rows > 0) {
    out.push('### Overrides applied', '', '| override | approver | ticket | expires | justification |', '|---|---|---|---|---|');
    for (const f of overridden.slice(0, rows)) {
      const o = f.override;
      if (o) out.push(`| ${codeSpan(o.id)} | ${escapeMarkdown(o.approver)} | ${escapeMarkdown(o.ticket ?? '')} | ${escapeMarkdown(o.expires)} | ${escapeMarkdown(o.justification)} |`);
    }
    out.push('');
  }
  out.push('<details><summary>Checks</summary>', '', '| check | status | ms | detail |', '|---|---|---|---|');
  for (const c of report.checks) out.push(`| ${c.id} | ${c.status} | ${c.durationMs} | ${escapeMarkdown(c.detail ?? '')} |`);
  out.push('', '</details>', '', `<sub>mcp-gate ${escapeMarkdown(report.tool.version)}</sub>`, '');
  return out.join('\n');
}

function row(f: Finding): string {
  const sev = f.status === 'overridden' ? '🛡️ overridden' : f.severity === 'block' ? (f.blocking ? '❌ BLOCK' : '❗ BLOCK (not enforced)') : '⚠️ WARNING';
  const where = [
    f.location.file ? codeSpan(`${f.location.file}${f.location.line ? `:${f.location.line}` : ''}`) : '',
    f.location.resource ? escapeMarkdown(f.location.resource) : '',
    f.location.container ? escapeMarkdown(`(${f.location.container})`) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `| ${sev} | ${escapeMarkdown(f.ruleId)}<br>${escapeMarkdown(RULES[f.ruleId].title)} | ${where} | ${escapeMarkdown(f.message)} |`;
}
