import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runGate } from '../src/gate/engine.ts';
import { UsageError } from '../src/util/errors.ts';
import type { Check, Finding } from '../src/types.ts';
import { k8sWorkloadCheck } from '../checks/k8s/check.ts';

const only = (...checks: Check[]) => ({ checks });

test('a check that throws becomes gate/check-failed; the others still report', async () => {
  const boom: Check = { id: 'boom', rules: [], run: async () => { throw new Error('kaput'); } };
  const ok: Check = {
    id: 'ok',
    rules: ['k8s/privileged'],
    run: async () => ({ findings: [{ ruleId: 'k8s/privileged', message: 'm', location: { file: 'a.yaml', line: 1, resource: 'Pod/default/p', container: 'c' } }] }),
  };
  const r = await runGate({ root: '.', config: { mode: 'enforce' }, ...only(boom, ok) });
  assert.equal(r.decision, 'block');
  assert.deepEqual(r.checks.map((c) => [c.id, c.status]), [['boom', 'failed'], ['ok', 'ran']]);
  const failed = r.findings.find((f) => f.ruleId === 'gate/check-failed');
  assert.match(failed?.message ?? '', /check "boom" could not run: kaput/);
  assert.ok(r.findings.some((f) => f.ruleId === 'k8s/privileged'));
});

test('checks run concurrently and each is timed', async () => {
  // Each check goes on only once all three have started: run one after another, they would fail at the time budget.
  let started = 0;
  let allStarted = (): void => {};
  const together = new Promise<void>((res) => {
    allStarted = res;
  });
  const slow = (id: string): Check => ({
    id,
    rules: [],
    run: async () => {
      if (++started === 3) allStarted();
      await together;
      await new Promise((res) => setTimeout(res, 200));
      return { findings: [] };
    },
  });
  const r = await runGate({ root: '.', config: {}, timeoutMs: 10_000, ...only(slow('a'), slow('b'), slow('c')) });
  assert.deepEqual(r.checks.map((c) => c.status), ['ran', 'ran', 'ran']);
  assert.ok(r.checks.every((c) => c.durationMs >= 190));
});

test('a check that outlives the time budget fails closed', async () => {
  const hang: Check = { id: 'hang', rules: [], run: () => new Promise(() => {}) };
  const r = await runGate({ root: '.', config: { mode: 'enforce' }, timeoutMs: 100, ...only(hang) });
  assert.equal(r.decision, 'block');
  assert.equal(r.checks[0]?.status, 'failed');
  assert.match(r.findings[0]?.message ?? '', /time budget of 100 ms exceeded/);
});

test('missing directory and explicit missing config are usage errors', async () => {
  await assert.rejects(runGate({ root: 'no/such/dir' }), UsageError);
  await assert.rejects(runGate({ root: '.', configFile: 'nope.yml' }), UsageError);
});

test('fingerprints survive reformatting, reordering and moving to another file', async () => {
  const src = readFileSync(new URL('../examples/insecure/deploy/mcp-servers.yaml', import.meta.url), 'utf8');
  const docs = src.split(/^---$/m);
  const a = mkdtempSync(join(tmpdir(), 'fp-a-'));
  const b = mkdtempSync(join(tmpdir(), 'fp-b-'));
  writeFileSync(join(a, 'all.yaml'), src);
  // Reversed document order, extra blank lines and comments, split across two files.
  const reordered = docs.reverse().map((d) => `# moved\n\n${d.trim()}\n`);
  writeFileSync(join(b, 'one.yaml'), reordered.slice(0, 2).join('---\n'));
  writeFileSync(join(b, 'two.yml'), reordered.slice(2).join('---\n'));
  const fa = (await runGate({ root: a, config: {}, checks: [k8sWorkloadCheck] })).findings.map((f) => f.fingerprint).sort();
  const fb = (await runGate({ root: b, config: {}, checks: [k8sWorkloadCheck] })).findings.map((f) => f.fingerprint).sort();
  assert.ok(fa.length > 10);
  assert.deepEqual(fb, fa);
});

test('config in the reviewed directory is picked up; rules severity applies', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
  cpSync(new URL('../examples/insecure/deploy', import.meta.url), join(dir, 'deploy'), { recursive: true });
  writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: enforce\nrules:\n  k8s/privileged: {severity: "off"}\n  k8s/no-seccomp: {severity: block}\n');
  const r = await runGate({ root: dir });
  assert.equal(r.mode, 'enforce');
  assert.ok(!r.findings.some((f) => f.ruleId === 'k8s/privileged'));
  assert.ok(r.findings.filter((f) => f.ruleId === 'k8s/no-seccomp').every((f) => f.severity === 'block' && f.blocking));
});

test('sortFindings gives the order of sort(compareFindings) (random findings, unique fingerprints)', async () => {
  const { compareFindings, sortFindings } = await import('../src/gate/report.ts');
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 50; round++) {
    const findings: Finding[] = [];
    const n = rnd(200);
    for (let i = 0; i < n; i++) {
      const file = rnd(4) === 0 ? undefined : ['a.yaml', 'b.yaml', 'B.yaml', '\uffff', ''][rnd(5)];
      const line = rnd(5) === 0 ? undefined : rnd(6);
      findings.push({
        ruleId: (['k8s/privileged', 'k8s/run-as-root', 'netpol/missing'] as const)[rnd(3)] as Finding['ruleId'],
        severity: rnd(2) ? 'block' : 'warning',
        blocking: rnd(2) === 0,
        status: rnd(5) === 0 ? 'overridden' : 'open',
        message: 'm',
        location: { ...(file !== undefined ? { file } : {}), ...(line !== undefined ? { line } : {}) },
        fingerprint: `${rnd(1000)}-${i}`,
        remediation: 'r',
      });
    }
    const expected = [...findings].sort(compareFindings);
    assert.deepEqual(sortFindings([...findings]), expected);
  }
});
