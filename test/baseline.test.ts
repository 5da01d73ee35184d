// New versus existing findings: with a base revision the gate judges the
// base tree too, marks what the change introduced, and under failOn: new
// blocks only on that. Real git repositories with a base and a head commit.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runGate } from '../src/gate/engine.ts';
import { gitRepo } from './temp-repo.ts';
import { renderSarif } from '../src/reporters/sarif.ts';
import { REPO, runCli } from './cli-run.ts';

const ADDED_POD = `apiVersion: v1
kind: Pod
metadata: {name: added, namespace: mcp}
spec:
  containers:
    - name: c
      image: ghcr.io/example/added@sha256:${'a'.repeat(64)}
      securityContext: {privileged: true}
`;

/** A repository whose base already has the insecure example's findings. */
function insecureBase(config: string): { dir: string; base: string; commit: (msg: string) => string } {
  const { dir, commit } = gitRepo('baseline');
  cpSync(join(REPO, 'examples/insecure/deploy'), join(dir, 'deploy'), { recursive: true });
  writeFileSync(join(dir, '.mcp-gate.yml'), config);
  return { dir, base: commit('base with existing findings'), commit };
}

test('findings of an added workload are new, the base\'s are existing (JSON field and SARIF baselineState)', async () => {
  const { dir, base, commit } = insecureBase('mode: enforce\n');
  writeFileSync(join(dir, 'deploy/added.yaml'), ADDED_POD);
  commit('head: add a privileged pod');
  const report = await runGate({ root: dir, baseRef: base });
  const added = report.findings.filter((f) => f.location.resource === 'Pod/mcp/added');
  assert.ok(added.length >= 5);
  assert.ok(added.every((f) => f.new === true));
  const old = report.findings.filter((f) => f.location.file?.startsWith('deploy/') && f.location.resource !== 'Pod/mcp/added');
  assert.ok(old.length >= 20);
  assert.ok(old.every((f) => f.new === false), JSON.stringify(old.filter((f) => f.new !== false).map((f) => f.ruleId)));
  assert.equal(report.baseline?.new.block, added.filter((f) => f.severity === 'block').length);
  assert.equal(report.baseline?.resolved, 0);
  const sarif = JSON.parse(renderSarif(report)) as { runs: Array<{ results: Array<{ baselineState?: string; partialFingerprints: Record<string, string> }> }> };
  const states = new Map(sarif.runs[0]?.results.map((r) => [r.partialFingerprints['mcpGate/v1'], r.baselineState]));
  assert.equal(states.get(added[0]?.fingerprint), 'new');
  assert.equal(states.get(old[0]?.fingerprint), 'unchanged');
});

test('a docs-only change passes under failOn: new while the base has BLOCK findings, and blocks under failOn: all', async () => {
  for (const [failOn, decision] of [['new', 'warn'], ['all', 'block']] as const) {
    const { dir, base, commit } = insecureBase(`mode: enforce\nfailOn: ${failOn}\n`);
    writeFileSync(join(dir, 'README.md'), '# docs only\n');
    commit('head: docs');
    const report = await runGate({ root: dir, baseRef: base });
    assert.equal(report.decision, decision, failOn);
    assert.equal(report.baseline?.failOn, failOn);
    assert.equal(report.baseline?.new.block, 0);
    assert.ok((report.baseline?.existing.block ?? 0) > 20);
    // Existing findings stay reported and counted.
    assert.ok(report.summary.block > 20);
  }
});

test('under failOn: new an added BLOCK finding still blocks', async () => {
  const { dir, base, commit } = insecureBase('mode: enforce\nfailOn: new\n');
  writeFileSync(join(dir, 'deploy/added.yaml'), ADDED_POD);
  commit('head');
  const report = await runGate({ root: dir, baseRef: base });
  assert.equal(report.decision, 'block');
  assert.ok(report.findings.filter((f) => f.blocking).every((f) => f.new === true));
});

test('the change cannot switch failOn itself: the base value applies', async () => {
  const { dir, base, commit } = insecureBase('mode: enforce\n');
  writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: enforce\nfailOn: new\n');
  commit('head: only new findings should block');
  const report = await runGate({ root: dir, baseRef: base });
  assert.equal(report.baseline?.failOn, 'all');
  assert.equal(report.decision, 'block');
  assert.ok(report.findings.some((f) => f.ruleId === 'gate/policy-changed' && f.message.includes('"failOn"')));
});

test('a base that cannot be evaluated: one BLOCK gate/check-failed, failOn falls back to all', async () => {
  const { dir } = insecureBase('mode: enforce\nfailOn: new\n');
  const r = await runCli(['check', dir, '--base-ref', 'f'.repeat(40), '--fail-on', 'new', '--format', 'json']);
  const report = JSON.parse(r.stdout);
  assert.equal(r.code, 1);
  const failed = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'gate/check-failed');
  assert.equal(failed.length, 1);
  assert.equal(report.baseline, undefined, 'no comparison was made');
  assert.ok(report.findings.some((f: { blocking: boolean; ruleId: string }) => f.blocking && f.ruleId !== 'gate/check-failed'), 'existing findings block (failOn all)');
});

test('the base evaluation runs nothing (no live server, no probe), and live findings carry no new mark', async () => {
  const { dir, commit } = gitRepo('baseline');
  const log = join(dir, 'runs.log');
  const server = JSON.stringify([process.execPath, '-e', `require('fs').appendFileSync(${JSON.stringify(log)}, 'x')`]);
  writeFileSync(join(dir, '.mcp-gate.yml'), `mcp:\n  servers:\n    - id: staging\n      timeoutMs: 5000\n      command: ${server}\nprobes:\n  timeoutMs: 1000\n  endpoint: {url: "http://127.0.0.1:9/mcp"}\n`);
  const base = commit('base with a live server and an endpoint probe');
  writeFileSync(join(dir, 'README.md'), 'docs\n');
  commit('head');
  const report = await runGate({ root: dir, baseRef: base });
  assert.equal(readFileSync(log, 'utf8'), 'x', 'the live server ran once, for the change, not again for the baseline');
  const live = report.findings.filter((f) => f.location.resource === 'McpServer/staging' || f.ruleId.startsWith('auth/') || f.ruleId.startsWith('tls/'));
  assert.ok(live.length > 0);
  assert.ok(live.every((f) => f.new === undefined));
});

test('CLI: --fail-on new with --base-ref prints the base line and exits 0 on a docs-only change', async () => {
  const { dir, base, commit } = insecureBase('mode: enforce\n');
  writeFileSync(join(dir, 'NOTES.md'), 'notes\n');
  commit('head');
  const r = await runCli(['check', dir, '--base-ref', base, '--fail-on', 'new']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /base [0-9a-f]{40} \([0-9a-f]{12}\): this change adds 0 block, 0 warning; \d+ existing; 0 resolved \(fail on: new\)/);
  assert.match(r.stdout, /\[existing\]/);
});
