// Flags against the config: which wins is said on stderr, and the summary
// line counts what blocks apart from what has BLOCK severity.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../src/types.ts';
import { runCli } from './cli-run.ts';

const WARN_CONFIG = 'test/fixtures/cli/warn-config';

test('--rollout 2 with config mode: warn enforces rollout 2 and says the flag wins', async () => {
  const r = await runCli(['check', WARN_CONFIG, '--rollout', '2', '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  assert.equal(report.mode, 'enforce');
  assert.equal(report.rollout, 2);
  assert.deepEqual(
    report.findings.filter((f) => f.blocking).map((f) => f.ruleId),
    ['k8s/run-as-root'],
  );
  assert.equal(r.stderr, 'mcp-gate: --rollout 2 wins over mode: warn of .mcp-gate.yml: enforced at rollout 2 (add --mode warn to report only)\n');
});

test('--mode warn --rollout 2 keeps report-only, and a flag equal to the config says nothing', async () => {
  const warn = await runCli(['check', WARN_CONFIG, '--rollout', '2', '--mode', 'warn', '--format', 'json']);
  assert.equal(warn.code, 0, warn.stderr);
  assert.equal(warn.stderr, '');
  const same = await runCli(['check', WARN_CONFIG, '--mode', 'warn', '--format', 'json']);
  assert.equal(same.stderr, '');
});

test('--rollout against the config rollout names both values', async () => {
  const insecure = await runCli(['check', 'examples/insecure', '--rollout', '2', '--format', 'json']);
  assert.equal(insecure.stderr, 'mcp-gate: --rollout 2 wins over rollout: 3 of .mcp-gate.yml\n');
});

test('the rollout 2 summary line counts what blocks apart from the BLOCK findings not enforced', async () => {
  const r = await runCli(['check', WARN_CONFIG, '--rollout', '2']);
  const report = JSON.parse((await runCli(['check', WARN_CONFIG, '--rollout', '2', '--format', 'json'])).stdout) as Report;
  const block = report.summary.block;
  assert.ok(block > 1, `the fixture has several BLOCK findings (${block})`);
  const last = r.stdout.trimEnd().split('\n').pop();
  assert.equal(
    last,
    `decision BLOCK: 1 blocking (${block} BLOCK findings, ${block - 1} not enforced at rollout 2), ${report.summary.warning} warning, 0 overridden (mode enforce, rollout 2)`,
  );
  const warn = await runCli(['check', WARN_CONFIG]);
  assert.match(warn.stdout, new RegExp(`decision WARN: 0 blocking \\(${block} BLOCK findings, ${block} not enforced in mode warn\\)`));
});
