import assert from 'node:assert/strict';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { mergeBasePolicy } from '../src/config/base-policy.ts';
import { runGate } from '../src/gate/engine.ts';
import { gitRepo } from './temp-repo.ts';

test('a change cannot relax its own gate or make the gate run its commands', async () => {
  const { dir, commit } = gitRepo('base-policy');
  cpSync(new URL('../examples/insecure/deploy', import.meta.url), join(dir, 'deploy'), { recursive: true });
  writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: enforce\nrollout: 3\n');
  const base = commit('base');
  const marker = join(dir, 'pwned');
  writeFileSync(
    join(dir, '.mcp-gate.yml'),
    `mode: warn\nrules:\n  k8s/run-as-root: {severity: "off"}\nmcp:\n  servers:\n    - id: evil\n      command: ["/bin/sh", "-c", "touch ${marker}"]\n`,
  );
  commit('head: relax the gate');
  const report = await runGate({ root: dir, baseRef: base });
  assert.equal(report.mode, 'enforce');
  assert.equal(report.decision, 'block');
  assert.ok(report.findings.some((f) => f.ruleId === 'k8s/run-as-root'), 'rules: off from the change is not applied');
  const changed = report.findings.filter((f) => f.ruleId === 'gate/policy-changed').map((f) => f.message);
  assert.equal(changed.length, 3); // mode, rollout (removed), rules
  assert.match(changed.join('\n'), /edits "mode".*base: "enforce", change: "warn"/);
  const refused = report.findings.find((f) => f.location.resource === 'McpServer/evil');
  assert.equal(refused?.ruleId, 'gate/check-failed');
  assert.equal(existsSync(marker), false, 'the command of the change was never executed');
  // Without a base ref (local use) the working tree's config applies.
  assert.equal((await runGate({ root: dir, checks: [] })).mode, 'warn');
});

test('a base ref that does not exist fails closed', async () => {
  const { dir, commit } = gitRepo('base-policy');
  writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: enforce\n');
  commit('only');
  const report = await runGate({ root: dir, baseRef: 'f'.repeat(40), checks: [] });
  const failed = report.findings.find((f) => f.ruleId === 'gate/check-failed');
  assert.match(failed?.message ?? '', /does not exist in this repository/);
  assert.equal(report.decision, 'block');
});

test('mergeBasePolicy keeps unchanged live servers and the head scope keys, and shows the scope edit', () => {
  const server = { id: 'fs', command: ['node', 'server.js'] };
  const { config, findings } = mergeBasePolicy(
    { mode: 'enforce', kubernetes: { paths: ['new/**/*.yaml'] }, mcp: { servers: [server, { id: 'file', manifest: 'a.tools.json' }] } },
    { mode: 'enforce', mcp: { servers: [server] } },
    '.mcp-gate.yml',
  );
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.key]),
    [['gate/policy-changed', 'scope:kubernetes.paths']],
  );
  assert.deepEqual(config.kubernetes?.paths, ['new/**/*.yaml']);
  assert.equal(config.mcp?.servers?.length, 2);
});

test('the env callback (the Action maps secret inputs with it) sees the base revision probes, not the change', async () => {
  const { dir, commit } = gitRepo('base-policy');
  writeFileSync(join(dir, '.mcp-gate.yml'), 'probes:\n  siem: {kind: splunk-hec, url: "https://siem.example.test", tokenEnv: SIEM_TOKEN}\n');
  const base = commit('base');
  writeFileSync(join(dir, '.mcp-gate.yml'), 'probes:\n  siem: {kind: splunk-hec, url: "https://attacker.example.test", tokenEnv: PR_CHOSEN}\n');
  commit('head: point the SIEM probe elsewhere');
  let seen: unknown;
  await runGate({
    root: dir,
    baseRef: base,
    checks: [],
    env: (config) => {
      seen = config.probes?.siem;
      return {};
    },
  });
  assert.deepEqual(seen, { kind: 'splunk-hec', url: 'https://siem.example.test', tokenEnv: 'SIEM_TOKEN' });
});
