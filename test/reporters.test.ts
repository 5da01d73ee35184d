import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReport } from '../src/gate/report.ts';
import { resolvePolicy } from '../src/gate/policy.ts';
import { ANNOTATION_LIMIT, annotationsFor } from '../src/reporters/annotations.ts';
import { escapeMarkdown } from '../src/reporters/escape.ts';
import { render } from '../src/reporters/index.ts';
import { DOCS_BASE, renderMarkdown } from '../src/reporters/markdown.ts';
import { clean, renderText } from '../src/reporters/text.ts';
import type { RawFinding } from '../src/types.ts';
import { RULE_IDS } from '../src/rules/catalog.ts';

const policy = resolvePolicy({ mode: 'enforce' });

function finding(i: number, over: Partial<RawFinding> = {}): RawFinding {
  return {
    ruleId: i % 3 === 0 ? 'k8s/no-seccomp' : 'k8s/privileged',
    message: `finding ${i}`,
    location: { file: `deploy/f${i}.yaml`, line: i + 1, resource: `Deployment/mcp/app${i}`, container: 'c' },
    ...over,
  };
}

const many = buildReport(Array.from({ length: 40 }, (_, i) => finding(i)), [{ id: 'k8s', status: 'ran', durationMs: 1 }], policy);

test('findings sort blocking first, then warnings', () => {
  const ranks = many.findings.map((f) => (f.blocking ? 0 : 1));
  assert.deepEqual(ranks, [...ranks].sort());
  assert.equal(many.summary.block + many.summary.warning, 40);
});

test('duplicates by fingerprint merge and keep the more severe report', () => {
  const a: RawFinding = { ruleId: 'secret/exposed', message: 'from trivy', location: { file: 'x.env', line: 3 }, key: 'secret:1', severity: 'warning' };
  const b: RawFinding = { ...a, message: 'from gate', severity: 'block' };
  const r = buildReport([a, b], [], policy);
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0]?.severity, 'block');
});

test('annotations respect GitHub limits and count the rest in one notice', () => {
  const anns = annotationsFor(many);
  const errors = anns.filter((a) => a.level === 'error');
  const warnings = anns.filter((a) => a.level === 'warning');
  const notices = anns.filter((a) => a.level === 'notice');
  assert.equal(errors.length, ANNOTATION_LIMIT);
  assert.equal(warnings.length, ANNOTATION_LIMIT);
  assert.equal(notices.length, 1);
  assert.match(notices[0]?.message ?? '', /^20 more findings/);
  assert.ok(errors.every((a) => a.file && a.startLine));
});

test('markdown escapes untrusted text: no HTML, links, images or mentions', () => {
  const evil = '<img src=x onerror=alert(1)> [click](https://evil.example) ![i](https://evil.example/i.png) @org/security-team `code` | col';
  const r = buildReport([finding(1, { message: evil, location: { file: 'a|b<script>.yaml', line: 1 } })], [], policy);
  const md = renderMarkdown(r);
  assert.doesNotMatch(md, /<img/);
  assert.doesNotMatch(md, /<script>/);
  // The only links are the gate's own: its rules and overrides reference.
  const targets = [...md.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1] ?? '');
  assert.ok(targets.length >= 2);
  assert.ok(targets.every((t) => t.startsWith(DOCS_BASE)), targets.join('\n'));
  assert.doesNotMatch(md, /@org/);
  assert.ok(!/[^\\]\|\s*col/.test(md), 'pipe escaped so the table is not broken');
  assert.equal(escapeMarkdown('a\nb'), 'a b');
});

test('markdown stays under its limit with a shortened fallback', () => {
  const big = buildReport(Array.from({ length: 3000 }, (_, i) => finding(i, { message: 'x'.repeat(500) })), [], policy);
  const md = renderMarkdown(big, { limit: 65_000 });
  assert.ok(md.length <= 65_000, `${md.length}`);
  assert.match(md, /more findings not shown here/);
  assert.match(md.slice(0, 300), /mcp-gate: BLOCK/);
  assert.ok(renderMarkdown(big).length <= 1024 * 1024);
});

test('SARIF: one run, every catalog rule, relative URIs, stable fingerprints', () => {
  const sarif = JSON.parse(render(many, 'sarif'));
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs.length, 1);
  const run = sarif.runs[0];
  assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), RULE_IDS);
  for (const res of run.results) {
    const loc = res.locations[0].physicalLocation;
    assert.ok(!loc.artifactLocation.uri.startsWith('/'));
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(loc.region.startLine >= 1);
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
    assert.match(res.partialFingerprints['mcpGate/v1'], /^[0-9a-f]{32}$/);
  }
  const again = JSON.parse(render(buildReport(Array.from({ length: 40 }, (_, i) => finding(i)).reverse(), [], policy), 'sarif'));
  const fps = (s: typeof sarif) => s.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['mcpGate/v1']).sort();
  assert.deepEqual(fps(again), fps(sarif));
});

test('JSON report has the SPEC shape', () => {
  const j = JSON.parse(render(many, 'json'));
  assert.equal(j.schemaVersion, 1);
  assert.equal(j.tool.name, 'mcp-gate');
  assert.deepEqual(Object.keys(j.summary), ['block', 'warning', 'overridden']);
  const f = j.findings[0];
  for (const k of ['ruleId', 'severity', 'blocking', 'status', 'message', 'location', 'fingerprint', 'remediation']) assert.ok(k in f, k);
});

test('text output: colour only when asked, control characters neutralised', () => {
  const r = buildReport([finding(1, { message: 'evil \u001b[31mred\u001b[0m \u202etxt' })], [], policy);
  const plain = renderText(r, false);
  assert.doesNotMatch(plain, /\u001b/);
  assert.doesNotMatch(plain, /\u202e/);
  assert.match(renderText(r, true), /\u001b\[31mBLOCK/);
  assert.equal(clean('a\u0007b'), 'a\uFFFDb');
});

test('text output names a tool of an MCP server a tool, and a container of a workload a container', () => {
  const report = buildReport(
    [
      finding(1, { ruleId: 'manifest/permissive-schema', location: { file: 'mcp/db.tools.json', line: 4, resource: 'McpServer/db', container: 'query' } }),
      finding(2, { ruleId: 'k8s/privileged' }),
    ],
    [],
    policy,
  );
  const text = renderText(report, false);
  assert.match(text, /^WARNING manifest\/permissive-schema mcp\/db\.tools\.json:4 \(McpServer\/db, tool query\)$/m);
  assert.match(text, /^BLOCK k8s\/privileged deploy\/f2\.yaml:3 \(Deployment\/mcp\/app2, container c\)$/m);
  assert.doesNotMatch(text, /McpServer\/db, container/);
});
