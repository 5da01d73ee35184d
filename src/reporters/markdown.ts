// Job summary / PR comment. Decision and counts come first, then what the
// change under review introduced, grouped by resource, blocking findings
// expanded; existing findings and warnings wait in collapsed <details>. The
// whole stays under a size limit with a visible cut (GitHub: 1 MiB per step
// summary, 65,536 chars per comment).
import { docsAnchor, RULES } from '../rules/catalog.ts';
import type { Finding, Report } from '../types.ts';
import { VERSION } from '../util/version.ts';
import { countsText } from './counts.ts';
import { codeSpan, escapeMarkdown } from './escape.ts';
import { partName } from './location.ts';

export const SUMMARY_LIMIT = 1024 * 1024;

/** The rules reference of the release that rendered the report (the docs of its own rules, not the reviewed repository's). */
export const DOCS_BASE = `https://github.com/mcp-gate/mcp-gate/blob/v${VERSION}/docs`;
export const DOCS_URL = `${DOCS_BASE}/rules.md`;

/** Where the reviewed files live on GitHub; file links point at this commit. */
export interface SourceLinks {
  /** GITHUB_SERVER_URL, e.g. https://github.com */
  serverUrl: string;
  /** owner/name */
  repository: string;
  /** The head commit of the change. */
  sha: string;
}

export interface MarkdownOptions {
  /** Maximum length in characters (default: 1 MiB, the job summary limit). */
  limit?: number;
  /** Hidden marker line (sticky PR comments). */
  marker?: string;
  /** Link each finding to its file and line at this commit (ignored unless every part is well-formed). */
  links?: SourceLinks;
}

export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const limit = opts.limit ?? SUMMARY_LIMIT;
  const ctx: Ctx = { report, marker: opts.marker, blob: blobBase(opts.links) };
  const sections = plan(report);
  const total = sections.reduce((n, s) => n + s.findings.length, 0);
  const full = build(ctx, sections, total);
  if (full.length <= limit) return full;
  // Fallback: the most findings (in reading order) that fit; the cut line says how many are left out.
  let lo = 0;
  let hi = total - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build(ctx, sections, mid).length <= limit) lo = mid;
    else hi = mid - 1;
  }
  return build(ctx, sections, lo).slice(0, limit);
}

/** Said once, above the commands each blocking finding carries. */
const OVERRIDE_HINT = `<sub>To accept a risk for a time instead of fixing it: run the finding's \`mcp-gate override new\` command, fill in ticket and justification, sign ([overrides](${DOCS_BASE}/overrides.md)).</sub>`;

interface Ctx {
  report: Report;
  marker: string | undefined;
  blob: string | undefined;
}

/** One block of the page: findings in reading order, expanded or collapsed behind a summary line. */
interface Section {
  title: string;
  findings: Finding[];
  collapsed: boolean;
}

/**
 * What a reviewer must act on first. With a base: new and live (staging)
 * blocking findings expanded, then new warnings, then what the base already
 * had. Without: blocking expanded, the rest collapsed. Overridden findings
 * are listed with their override.
 */
function plan(report: Report): Section[] {
  const open = report.findings.filter((f) => f.status === 'open');
  const overridden = report.findings.filter((f) => f.status === 'overridden');
  const withBase = report.findings.some((f) => f.new !== undefined);
  const sections: Section[] = [];
  if (withBase) {
    const existing = open.filter((f) => f.new === false);
    const current = open.filter((f) => f.new !== false);
    const existingBlocking = existing.filter((f) => f.blocking).length;
    sections.push(
      { title: 'Blocking findings this change introduces', findings: current.filter((f) => f.blocking), collapsed: false },
      { title: 'New findings that do not block', findings: current.filter((f) => !f.blocking), collapsed: true },
      {
        title: `Existing findings (already on the base revision${existingBlocking ? `; ${existingBlocking} of them block` : ''})`,
        findings: existing,
        collapsed: true,
      },
    );
  } else
    sections.push(
      { title: 'Blocking findings', findings: open.filter((f) => f.blocking), collapsed: false },
      { title: 'Findings that do not block', findings: open.filter((f) => !f.blocking), collapsed: true },
    );
  sections.push({ title: 'Overridden findings', findings: overridden, collapsed: true });
  return sections.filter((s) => s.findings.length > 0);
}

function build(ctx: Ctx, sections: Section[], shown: number): string {
  const { report } = ctx;
  const icon = report.decision === 'block' ? '❌' : report.decision === 'warn' ? '⚠️' : '✅';
  const policy = report.mode === 'warn' ? 'warning-only mode: nothing blocks' : `enforce mode, rollout phase ${report.rollout}`;
  const out: string[] = [];
  if (ctx.marker) out.push(ctx.marker);
  out.push(`## ${icon} mcp-gate: ${report.decision.toUpperCase()}`, '');
  out.push(...baselineLines(report));
  out.push(`${countsText(report)} — ${policy}`, '');
  const total = sections.reduce((n, s) => n + s.findings.length, 0);
  // Said on the first screen too: a reviewer must not take a cut page for the whole.
  if (shown < total) out.push(`**Showing ${shown} of ${total} findings** (size limit); the rest are counted at the end and listed in the JSON and SARIF reports.`, '');
  const first = sections[0];
  if (first && !first.collapsed && first.findings.length > 10) out.push(`**By rule:** ${byRule(first.findings)}`, '');
  let left = shown;
  for (const s of sections) {
    const list = s.findings.slice(0, left);
    left -= list.length;
    if (list.length === 0) break;
    const count = `${s.findings.length} finding${s.findings.length === 1 ? '' : 's'}`;
    if (s.collapsed) out.push(`<details><summary><b>${s.title}</b> (${count})</summary>`, '');
    else out.push(`### ${s.title} (${count})`, '', OVERRIDE_HINT, '');
    out.push(...groups(ctx, list, s.collapsed));
    if (s.collapsed) out.push('</details>', '');
  }
  if (shown < total) out.push(`**${total - shown} more findings not shown here** (size limit); see the JSON or SARIF report.`, '');
  out.push('<details><summary>Checks</summary>', '', '| check | status | ms | detail |', '|---|---|---|---|');
  for (const c of report.checks) out.push(`| ${c.id} | ${c.status} | ${c.durationMs} | ${escapeMarkdown(c.detail ?? '')} |`);
  out.push('', '</details>', '', `<sub>mcp-gate ${escapeMarkdown(report.tool.version)} · [rules](${DOCS_URL})</sub>`, '');
  return out.join('\n');
}

/** "This change adds N blocking": the figure a reviewer of a PR on a repository with old debt needs. */
function baselineLines(report: Report): string[] {
  const b = report.baseline;
  if (!b) return [];
  const sha = (x: string): string => (/^[0-9a-f]{40,64}$/.test(x) ? x.slice(0, 12) : x);
  const base = `base ${codeSpan(sha(b.ref))}${b.commit && b.commit !== b.ref ? ` (${codeSpan(sha(b.commit))})` : ''}`;
  if (b.error) return [`⚠️ The ${base} could not be evaluated (${escapeMarkdown(b.error)}): every finding counts as if new (failOn all).`, ''];
  const addedBlocking = report.findings.filter((f) => f.new === true && f.blocking).length;
  const n = (x: { block: number; warning: number }): number => x.block + x.warning;
  return [
    `**This change adds ${addedBlocking} blocking finding${addedBlocking === 1 ? '' : 's'}** · ${n(b.new)} new (${b.new.block} BLOCK, ${b.new.warning} warning) · ${n(b.existing)} existing (${b.existing.block} BLOCK, ${b.existing.warning} warning) · ${b.resolved} resolved — compared with the ${base}, failOn ${b.failOn}`,
    '',
  ];
}

/**
 * One heading per workload or MCP server (file-level findings: per file), in
 * order of first appearance; under it one line per rule with its fix, and
 * one sub-item per finding, so eleven findings of one rule read as one rule.
 */
function groups(ctx: Ctx, findings: Finding[], collapsed: boolean): string[] {
  const out: string[] = [];
  for (const list of groupBy(findings, (f) => (f.location.resource ? `r:${f.location.resource}` : f.location.file ? `f:${f.location.file}` : '')).values()) {
    const first = list[0] as Finding;
    const name = first.location.resource ?? first.location.file;
    const heading = `${name ? codeSpan(name) : 'repository'} — ${list.length} finding${list.length === 1 ? '' : 's'}`;
    out.push(collapsed ? `**${heading}**` : `#### ${heading}`, '');
    for (const same of groupBy(list, (f) => `${f.ruleId} ${label(f)}`).values()) out.push(...rule(ctx, same));
    out.push('');
  }
  return out;
}

/** The rule line (severity, docs link, title, the fix when the findings share it), then each finding. */
function rule(ctx: Ctx, list: Finding[]): string[] {
  const f = list[0] as Finding;
  const shared = list.every((x) => x.remediation === f.remediation && !x.override);
  const docs = `[${escapeMarkdown(f.ruleId)}](${DOCS_URL}#${docsAnchor(f.ruleId)})`;
  const lines = [`- ${label(f)} ${docs} ${escapeMarkdown(RULES[f.ruleId].title)}${list.length > 1 ? ` (${list.length})` : ''}${shared ? `<br>**Fix:** ${escapeMarkdown(f.remediation)}` : ''}`];
  for (const x of list) lines.push(`  - ${item(ctx, x, !shared)}`);
  return lines;
}

/** "k8s/run-as-root 52 · k8s/writable-root-fs 52": where many blocking findings come from, most first. */
function byRule(findings: Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([id, n]) => `${escapeMarkdown(id)} ${n}`)
    .join(' · ');
}

function label(f: Finding): string {
  return f.status === 'overridden' ? '🛡️ overridden' : f.severity === 'block' ? (f.blocking ? '❌ BLOCK' : '❗ BLOCK (not enforced)') : '⚠️ warning';
}

function item(ctx: Ctx, f: Finding, withFix: boolean): string {
  const where = [
    f.location.file ? fileLink(ctx, f.location.file, f.location.line) : '',
    f.location.container ? `${partName(f.location)} ${codeSpan(f.location.container)}` : '',
  ].filter(Boolean);
  let text = `${where.length ? `${where.join(' · ')}: ` : ''}${escapeMarkdown(f.message)}`;
  if (f.override) {
    const o = f.override;
    text += `<br>Override ${codeSpan(o.id)} by ${escapeMarkdown(o.approver)}${o.ticket ? `, ticket ${escapeMarkdown(o.ticket)}` : ''}, expires ${escapeMarkdown(o.expires)}: ${escapeMarkdown(o.justification)}`;
  } else if (withFix) text += `<br>**Fix:** ${escapeMarkdown(f.remediation)}`;
  // The fingerprint is the gate's own hex digest; anything else is left out rather than pasted into a command.
  if (f.blocking && /^[0-9a-f]{8,64}$/.test(f.fingerprint)) text += `<br>\`mcp-gate override new --fingerprint ${f.fingerprint}\``;
  return text;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

/** `[path:line](server/repo/blob/sha/path#Lline)` when the Action gave the commit; plain code otherwise. */
function fileLink(ctx: Ctx, file: string, line: number | undefined): string {
  const okLine = line !== undefined && Number.isSafeInteger(line) && line > 0;
  const text = `${file}${okLine ? `:${line}` : ''}`;
  if (!ctx.blob) return codeSpan(text);
  return `[${escapeMarkdown(text)}](${ctx.blob}/${encodePath(file)}${okLine ? `#L${line}` : ''})`;
}

/** Percent-encodes every segment, including the characters encodeURIComponent keeps that end or break a Markdown link. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

function blobBase(links: SourceLinks | undefined): string | undefined {
  if (!links) return undefined;
  const server = /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(links.serverUrl.replace(/\/$/, '')) ? links.serverUrl.replace(/\/$/, '') : undefined;
  const repo = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(links.repository) ? links.repository : undefined;
  const sha = /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(links.sha) ? links.sha : undefined;
  return server && repo && sha ? `${server}/${repo}/blob/${sha}` : undefined;
}
