// The job summary and PR comment a reviewer reads, on real reports of 5, 63
// (with and without a base revision) and 505 findings: decision and counts
// first, the change's blocking findings expanded and grouped by resource,
// the rest collapsed, every finding with its fix and links, within GitHub's
// size limits. The renderings are stored under test/fixtures/markdown
// (UPDATE_MARKDOWN_SNAPSHOTS=1 rewrites them) so a change shows in review.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildReport } from '../src/gate/report.ts';
import { resolvePolicy } from '../src/gate/policy.ts';
import { COMMENT_LIMIT, COMMENT_MARKER, commentBody } from '../src/main/github/comment.ts';
import { eventInfo } from '../src/main/github/event.ts';
import { annotationsFor } from '../src/reporters/annotations.ts';
import { DOCS_BASE, DOCS_URL, renderMarkdown, SUMMARY_LIMIT } from '../src/reporters/markdown.ts';
import type { Finding, Report } from '../src/types.ts';
import { REPO } from './cli-run.ts';
import { type Case, LINKS, summaryCases } from './markdown-reports.ts';

const SNAPSHOTS = join(REPO, 'test/fixtures/markdown');
const ANCHORS = new Set([...readFileSync(join(REPO, 'docs/rules.md'), 'utf8').matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
const BLOB = `${LINKS.serverUrl}/${LINKS.repository}/blob/${LINKS.sha}/`;

interface Item {
  line: string;
  /** The rule line it sits under (severity, docs link, title, the shared fix). */
  rule: string;
  group: string;
}
interface Section {
  title: string;
  collapsed: boolean;
  count: number;
  groups: string[];
  rules: string[];
  items: Item[];
}

/** The page as a reviewer scans it: sections (expanded or in <details>), group headings, rule lines, finding items. */
function parse(md: string): { head: string; sections: Section[] } {
  const lines = md.split('\n');
  const sections: Section[] = [];
  const firstSection = lines.findIndex((l) => l.startsWith('### ') || l.startsWith('<details><summary><b>'));
  for (const line of lines) {
    const open = /^### (.*) \((\d+) findings?\)$/.exec(line) ?? /^<details><summary><b>(.*)<\/b> \((\d+) findings?\)<\/summary>$/.exec(line);
    if (open) {
      sections.push({ title: open[1] ?? '', collapsed: line.startsWith('<details>'), count: Number(open[2]), groups: [], rules: [], items: [] });
      continue;
    }
    const s = sections.at(-1);
    if (!s) continue;
    const group = /^(?:#### |\*\*)(<code>.*?<\/code>|repository) — \d+ findings?(\*\*)?$/.exec(line);
    if (group) s.groups.push(group[1] ?? '');
    else if (line.startsWith('- ')) s.rules.push(line);
    else if (line.startsWith('  - ')) s.items.push({ line, rule: s.rules.at(-1) ?? '', group: s.groups.at(-1) ?? '' });
  }
  return { head: lines.slice(0, firstSection).join('\n'), sections };
}

/** The group heading a finding belongs under, rendered as the renderer escapes it. */
function groupOf(f: Finding): string {
  return f.location.resource ?? f.location.file ?? '';
}

const cases = new Map<string, Case>();
before(async () => {
  for (const c of await summaryCases()) cases.set(c.name, c);
});

function get(name: string): Report {
  const c = cases.get(name);
  assert.ok(c, name);
  return c.report;
}

/** Structure every rendering must have, whatever the report. */
function assertStructure(report: Report, md: string, limit: number): ReturnType<typeof parse> {
  assert.ok(md.length <= limit, `${md.length} > ${limit}`);
  const page = parse(md);
  // Decision and counts come before any finding.
  assert.match(page.head, new RegExp(`^(${COMMENT_MARKER}\\n)?## . mcp-gate: ${report.decision.toUpperCase()}`, 'u'));
  assert.match(page.head, new RegExp(`${report.findings.filter((f) => f.blocking).length} blocking.*${report.summary.warning} warning, ${report.summary.overridden} overridden`));
  // Only the first section can be expanded, and it holds blocking findings only.
  for (const [i, s] of page.sections.entries()) {
    if (!s.collapsed) assert.equal(i, 0, `${s.title} expanded after a collapsed section`);
    if (!s.collapsed) assert.ok(s.rules.every((r) => r.startsWith('- ❌ BLOCK ')), s.title);
    // Within a section each resource has one heading, and within a resource each rule one line.
    assert.equal(new Set(s.groups).size, s.groups.length, `${s.title}: a resource heading twice`);
    for (const g of s.groups) {
      // One line per rule and severity (k8s/secret-in-env, for one, is BLOCK or warning by case).
      const rules = [...new Set(s.items.filter((it) => it.group === g).map((it) => it.rule))].map((r) => /^- (.*?\[[^\]]+\])/.exec(r)?.[1]);
      assert.equal(new Set(rules).size, rules.length, `${g}: a rule twice`);
    }
  }
  const shown = page.sections.flatMap((s) => s.items);
  const cut = /\*\*(\d+) more findings not shown here\*\*/.exec(md);
  assert.equal(shown.length + Number(cut?.[1] ?? 0), report.findings.length, 'every finding is shown or counted in the cut line');
  // Every shown finding: a docs link to an anchor that exists in docs/rules.md, a fix or its override, and (located ones) a file link at the head commit.
  const byFingerprint = new Map(report.findings.map((f) => [f.fingerprint, f]));
  for (const it of shown) {
    const anchor = new RegExp(`\\]\\(${DOCS_URL.replaceAll('.', '\\.')}#([a-z0-9-]+)\\)`).exec(it.rule)?.[1];
    assert.ok(anchor && ANCHORS.has(anchor), `no docs anchor in ${it.rule}`);
    assert.ok(/<br>\*\*Fix:\*\* \S/.test(it.rule) || /<br>\*\*Fix:\*\* \S|<br>Override <code>/.test(it.line), `no fix for ${it.line}`);
  }
  // A paste-ready override command for each shown blocking finding, with a fingerprint of this report.
  const commands = [...md.matchAll(/`mcp-gate override new --fingerprint ([0-9a-f]+)`/g)].map((m) => m[1] ?? '');
  assert.equal(commands.length, shown.filter((it) => it.rule.startsWith('- ❌ BLOCK ')).length);
  assert.ok(commands.every((fp) => byFingerprint.get(fp)?.blocking));
  for (const [, text, url] of md.matchAll(/(?<!\\)\[((?:\\.|[^\]\\\n])*)\]\(([^)\n]*)\)/g)) {
    assert.ok(url?.startsWith(DOCS_BASE) || url?.startsWith(BLOB), `unexpected link ${url}`);
    if (url?.startsWith(BLOB)) assert.equal(url, `${BLOB}${text?.replace(/\\/g, '').replace(/:(\d+)$/, '#L$1')}`);
  }
  return page;
}

function snapshot(name: string, md: string): void {
  const file = join(SNAPSHOTS, `${name}.md`);
  if (process.env.UPDATE_MARKDOWN_SNAPSHOTS === '1') writeFileSync(file, md);
  assert.equal(md, readFileSync(file, 'utf8'), `${file} differs: review the change, then UPDATE_MARKDOWN_SNAPSHOTS=1`);
}

describe('the summary a reviewer reads, on real reports', { timeout: 120_000 }, () => {
  test('5 findings on a change with a base: "this change adds 2 blocking", the new pod expanded, its warning and the base\'s findings collapsed', () => {
    const report = get('small-change');
    assert.equal(report.findings.length, 5);
    const md = renderMarkdown(report, { links: LINKS });
    const page = assertStructure(report, md, SUMMARY_LIMIT);
    assert.match(page.head, /\*\*This change adds 2 blocking findings\*\* · 3 new \(2 BLOCK, 1 warning\) · 2 existing \(1 BLOCK, 1 warning\) · 0 resolved/);
    assert.match(page.head, /1 existing under failOn new/);
    assert.deepEqual(
      page.sections.map((s) => [s.title, s.collapsed, s.count]),
      [
        ['Blocking findings this change introduces', false, 2],
        ['New findings that do not block', true, 1],
        ['Existing findings (already on the base revision)', true, 2],
      ],
    );
    assert.deepEqual(page.sections[0]?.groups, ['<code>Pod/mcp/added</code>']);
    assert.deepEqual(page.sections[2]?.groups, ['<code>Pod/mcp/old</code>']);
    snapshot('small-change', md);
  });

  test('63 findings without a base: blocking findings first and expanded, one heading per workload, MCP server or file', () => {
    const report = get('insecure');
    const md = renderMarkdown(report, { links: LINKS });
    const page = assertStructure(report, md, SUMMARY_LIMIT);
    assert.doesNotMatch(page.head, /This change adds/);
    assert.deepEqual(
      page.sections.map((s) => [s.title, s.collapsed, s.count]),
      [
        ['Blocking findings', false, report.findings.filter((f) => f.blocking).length],
        ['Findings that do not block', true, report.findings.filter((f) => !f.blocking).length],
      ],
    );
    // Every blocking finding sits under the heading of its own resource (or file), and each resource of them has one heading.
    const blocking = report.findings.filter((f) => f.blocking);
    const expected = [...new Set(blocking.map(groupOf))].map((g) => `<code>${g.replace(/[-.]/g, (c) => `\\${c}`)}</code>`);
    assert.deepEqual(page.sections[0]?.groups, expected);
    assert.ok(expected.includes('<code>StatefulSet/mcp/mcp\\-db</code>') && expected.some((g) => g.startsWith('<code>McpServer/')));
    assert.ok(expected.includes('<code>Dockerfile</code>'), 'file-level findings grouped by file');
    snapshot('insecure', md);
  });

  test('63 findings, the change adds the StatefulSet and the CronJob: 27 new expanded by resource, 36 existing collapsed', () => {
    const report = get('insecure-with-base');
    const md = renderMarkdown(report, { links: LINKS });
    const page = assertStructure(report, md, SUMMARY_LIMIT);
    const added = report.findings.filter((f) => f.new === true);
    assert.ok(added.length >= 20 && added.length <= 40, `${added.length} new`);
    assert.match(page.head, new RegExp(`This change adds ${added.filter((f) => f.blocking).length} blocking findings`));
    const [expanded, newWarnings, existing] = page.sections;
    assert.equal(expanded?.title, 'Blocking findings this change introduces');
    assert.deepEqual(expanded?.groups, ['<code>StatefulSet/mcp/mcp\\-db</code>', '<code>CronJob/mcp/mcp\\-index\\-refresh</code>']);
    assert.equal(newWarnings?.title, 'New findings that do not block');
    // failOn all: the base's blocking findings still block, and the collapsed title says how many.
    const existingBlocking = report.findings.filter((f) => f.new === false && f.blocking).length;
    assert.ok(existingBlocking > 0);
    assert.equal(existing?.title, `Existing findings (already on the base revision; ${existingBlocking} of them block)`);
    assert.equal(existing?.collapsed, true);
    assert.ok(!existing?.groups.includes('<code>StatefulSet/mcp/mcp\\-db</code>'));
    snapshot('insecure-with-base', md);
  });

  test('505 findings: the summary holds them all under 1 MiB; the comment cuts at 65,000 characters and says how many it left out', () => {
    const report = get('generated');
    assert.ok(report.findings.length >= 450, `${report.findings.length}`);
    const summary = renderMarkdown(report, { links: LINKS });
    assertStructure(report, summary, SUMMARY_LIMIT);
    assert.doesNotMatch(summary, /more findings not shown|Showing \d+ of/);
    const comment = commentBody(report, LINKS);
    const page = assertStructure(report, comment, COMMENT_LIMIT);
    const cut = Number(/\*\*(\d+) more findings not shown here\*\*/.exec(comment)?.[1]);
    assert.ok(cut > 0 && cut < report.findings.length, `${cut}`);
    // The first screen says the page is cut, and where the blocking findings come from.
    assert.match(page.head, new RegExp(`\\*\\*Showing ${report.findings.length - cut} of ${report.findings.length} findings\\*\\*`));
    const byRule = /\*\*By rule:\*\* (.*)/.exec(page.head)?.[1] ?? '';
    assert.equal(
      [...byRule.matchAll(/ (\d+)(?: ·|$)/g)].reduce((n, m) => n + Number(m[1]), 0),
      report.findings.filter((f) => f.blocking).length,
    );
    // The cut keeps the reading order: every blocking finding comes before any other.
    assert.equal(page.sections[0]?.count, report.findings.filter((f) => f.blocking).length);
    // The cut line is outside every <details>, so it is seen without a click.
    const at = comment.indexOf('more findings not shown');
    assert.equal((comment.slice(0, at).match(/<details>/g) ?? []).length, (comment.slice(0, at).match(/<\/details>/g) ?? []).length);
    // It fills the comment: one more finding would not fit.
    assert.ok(comment.length > COMMENT_LIMIT - 2_000, `${comment.length}`);
    snapshot('generated-comment', comment);
  });

  test('annotations: the change\'s blocking findings take the error slots before the base\'s', () => {
    const report = get('insecure-with-base');
    const errors = annotationsFor(report).filter((a) => a.level === 'error');
    const newBlocking = report.findings.filter((f) => f.new === true && f.blocking);
    assert.ok(newBlocking.length >= errors.length);
    const expected = newBlocking.slice(0, errors.length).map((f) => `BLOCK ${f.ruleId}|${f.location.file}|${f.location.line}`);
    assert.deepEqual(
      errors.map((a) => `${a.title}|${a.file}|${a.startLine}`),
      expected,
    );
  });
});

test('file links: the path is percent-encoded and the line checked, so no path closes the link or adds another', () => {
  const evil = 'deploy/a) [x](https://evil.example/(1)\n.yaml';
  const report = buildReport([{ ruleId: 'k8s/privileged', message: 'm', location: { file: evil, line: 7, resource: 'Deployment/mcp/x' } }], [], resolvePolicy({ mode: 'enforce' }));
  const f = report.findings[0] as Finding;
  const md = renderMarkdown(report, { links: LINKS });
  const links = [...md.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1] ?? '');
  assert.ok(links.includes(`${BLOB}deploy/a%29%20%5Bx%5D%28https%3A//evil.example/%281%29%0A.yaml#L7`), links.join('\n'));
  assert.ok(links.every((l) => l.startsWith(DOCS_BASE) || l.startsWith(BLOB)));
  assert.doesNotMatch(md, /\]\(https:\/\/evil/);
  // A line that is not a positive integer is left out; malformed links options give plain code, no link.
  f.location.line = Number.NaN;
  assert.match(renderMarkdown(report, { links: LINKS }), /%0A\.yaml\)/);
  for (const links of [{ ...LINKS, serverUrl: 'https://github.com/x)(y' }, { ...LINKS, repository: 'a/b)' }, { ...LINKS, sha: 'main' }])
    assert.ok([...renderMarkdown(report, { links }).matchAll(/\]\(([^)]*)\)/g)].every((m) => m[1]?.startsWith(DOCS_BASE)), links.serverUrl + links.repository);
});

test('the Action links files at the head commit of the change: pull_request and merge_group payloads, a malformed sha ignored', () => {
  const sha = 'b'.repeat(40);
  assert.equal(eventInfo('pull_request', { pull_request: { number: 1, base: { sha: 'a'.repeat(40) }, head: { sha } } }).headSha, sha);
  assert.equal(eventInfo('merge_group', { merge_group: { base_sha: 'a'.repeat(40), head_sha: sha } }).headSha, sha);
  assert.equal(eventInfo('pull_request', { pull_request: { head: { sha: 'main)[x](https://evil.example' } } }).headSha, undefined);
});
