import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_CHECKS } from '../checks/index.ts';
import { runGate } from '../src/gate/engine.ts';
import { type PreparedOutcome, prepareOutcome } from '../src/gate/findings.ts';
import { type GroupRun, runGroups } from '../src/gate/run-checks.ts';
import { resolvePolicy } from '../src/gate/policy.ts';
import { renderJson } from '../src/reporters/json.ts';
import { runCheck } from '../src/gate/run-check.ts';
import type { Check, CheckContext, Report } from '../src/types.ts';
import { NOTHING_RENDERED } from '../src/workspace/render/index.ts';
import { Workspace } from '../src/workspace/workspace.ts';
import { tempRepo } from './temp-repo.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const now = new Date('2026-11-21T00:00:00Z');

/** The report minus timings, which differ from run to run. */
function comparable(r: Report): unknown {
  return { ...r, checks: r.checks.map(({ durationMs: _, ...c }) => c) };
}

/** The report made on one thread, and made with the worker: the same bytes. */
async function both(root: string): Promise<[Report, Report]> {
  const opts = { root, now, env: {} };
  const single = await runGate({ ...opts, workerThread: false });
  const threaded = await runGate({ ...opts, workerThread: true });
  const zero = (r: Report) => ({ ...r, checks: r.checks.map((c) => ({ ...c, durationMs: 0 })) });
  assert.equal(renderJson(zero(threaded)), renderJson(zero(single)));
  return [single, threaded];
}

test('the checks that may leave the main thread read no Kubernetes parse; manifest and its lint share one group', () => {
  const grouped = ALL_CHECKS.filter((c) => c.workerGroup).map((c) => `${c.id}:${c.workerGroup}`);
  assert.deepEqual(grouped, ['manifest:manifests', 'manifest-lint:manifests', 'image:image', 'secrets:secrets', 'supply:supply', 'reports:reports']);
});

for (const example of ['insecure', 'hardened']) {
  test(`examples/${example}: the same report with and without the check worker thread`, async () => {
    const [single, threaded] = await both(join(import.meta.dirname, '..', 'examples', example));
    assert.ok(single.findings.length > 0);
    assert.deepEqual(comparable(threaded), comparable(single));
  });
}

const read = (...p: string[]) => readFileSync(join(fixtures, 'shared', ...p), 'utf8');
const realRepo = () =>
  tempRepo('thread-same', {
    '.mcp-gate.yml': 'reports:\n  trivy: [reports/trivy.json]\n  gitleaks: [reports/gitleaks.json]\n',
    'reports/trivy.json': read('reports', 'trivy', 'alpine-310.json.golden'),
    'reports/gitleaks.json': read('reports', 'gitleaks', 'juice-shop-gitleaks-report.json'),
    'mcp/filesystem.tools.json': read('mcp', 'benign', 'server-filesystem.json'),
    'mcp/github.tools.json': read('mcp', 'benign', 'server-github.json'),
    'deploy/app.yaml': readFileSync(join(import.meta.dirname, '..', 'examples', 'insecure', 'deploy', 'mcp-servers.yaml'), 'utf8'),
  });

test('real scanner reports, manifests and Kubernetes documents: the same report on either thread', async () => {
  const [single, threaded] = await both(realRepo());
  assert.match(single.checks.find((c) => c.id === 'reports')?.detail ?? '', /^2 reports \(trivy 1, gitleaks 1\)/);
  for (const rule of ['secret/exposed', 'manifest/permissive-schema', 'k8s/run-as-root'])
    assert.ok(single.findings.some((f) => f.ruleId === rule), rule);
  assert.deepEqual(comparable(threaded), comparable(single));
});

function context(root: string, signal = new AbortController().signal): CheckContext {
  return { root, config: {}, workspace: new Workspace(root), signal, now, env: {} };
}

function queued(ctx: CheckContext, groups: Check[][], extra: Partial<GroupRun> = {}): Promise<PreparedOutcome[][]> {
  const job = { root: ctx.root, config: {}, configFile: undefined, baseRef: undefined, now, env: {}, rendered: NOTHING_RENDERED, deadline: Date.now() + 60_000, deadlineMessage: 'gate time budget of 50 ms exceeded', policy: resolvePolicy({}) };
  return runGroups({ groups, ctx, job, ...extra });
}

const byId = (id: string) => ALL_CHECKS.find((c) => c.id === id) as Check;
const strip = (o: PreparedOutcome) => ({ ...o, run: { ...o.run, durationMs: 0 } });

test('groups the worker runs give the findings they give on the main thread', async () => {
  const root = realRepo();
  const groups = [[byId('manifest'), byId('manifest-lint')], [byId('reports')], [byId('secrets')]];
  const there = await queued(context(root), groups, { claimOnMain: false });
  const policy = resolvePolicy({});
  const here = await Promise.all(groups.map((g) => Promise.all(g.map(async (c) => prepareOutcome(await runCheck(c, context(root)), policy)))));
  assert.deepEqual(there.map((g) => g.map(strip)), here.map((g) => g.map(strip)));
  assert.ok(there.flat().every((o) => o.run.status === 'ran'));
  const all = there.flat();
  assert.ok(all.some((o) => o.findings.length > 0));
});

test('a check the worker does not know fails closed as gate/check-failed', async () => {
  const custom: Check = { id: 'custom', rules: [], run: async () => ({ findings: [] }) };
  const [[out]] = (await queued(context(tempRepo('thread-unknown', {})), [[custom]], { claimOnMain: false })) as [[PreparedOutcome]];
  assert.equal(out.run.status, 'failed');
  assert.equal(out.findings[0]?.ruleId, 'gate/check-failed');
  assert.match(out.findings[0]?.message ?? '', /unknown check "custom"/);
});

test('a worker stuck in a loop is terminated after the budget; its group fails closed, the rest does not start', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('gate time budget of 50 ms exceeded')), 50);
  const t0 = performance.now();
  const spin = new URL('./fixtures/run-checks/spin.mjs', import.meta.url);
  const out = await queued(context(tempRepo('thread-spin', {}), controller.signal), [[byId('manifest')], [byId('reports')]], { entry: spin, claimOnMain: false });
  assert.ok(performance.now() - t0 < 10_000);
  // spin.mjs holds the first group until it is terminated; the second is claimed here after the budget, so it never starts.
  assert.deepEqual(out.flat().map((o) => [o.run.id, o.run.status]), [['manifest', 'failed'], ['reports', 'failed']]);
  assert.match(out[1]?.[0]?.findings[0]?.message ?? '', /check "reports" could not run: gate time budget of 50 ms exceeded/);
});

test('a worker that dies with a claimed group: that group fails closed, the unclaimed ones run on the main thread', async () => {
  const died = new URL('./fixtures/run-checks/claim-then-exit.mjs', import.meta.url);
  const out = await queued(context(tempRepo('thread-exit', { 'a.txt': 'x\n' })), [[byId('secrets')], [byId('supply')]], { entry: died, claimOnMain: false });
  assert.equal(out[0]?.[0]?.run.status, 'failed');
  assert.match(out[0]?.[0]?.run.detail ?? '', /exited \(code 4\) before reporting/);
  assert.notEqual(out[1]?.[0]?.run.status, 'failed');
});

test('a worker that cannot start leaves every group to the main thread', async () => {
  const missing = new URL('./fixtures/run-checks/no-such-worker.mjs', import.meta.url);
  const out = await queued(context(tempRepo('thread-missing', { 'a.txt': 'x\n' })), [[byId('secrets')]], { entry: missing, claimOnMain: false });
  assert.equal(out[0]?.[0]?.run.status, 'ran');
});

test('the thread starts only for trees of WORKER_MIN_BYTES or more: the size is counted until it is reached', () => {
  const ws = new Workspace(tempRepo('thread-size', { 'a.txt': '12345', 'b/c.txt': '67890' }));
  assert.equal(ws.holdsBytes(10), true);
  assert.equal(ws.holdsBytes(11), false);
  assert.equal(ws.holdsBytes(0), true);
});

test('a run that starts scanners stays on one thread: the scanner runner cannot cross to the worker', async () => {
  const root = tempRepo('thread-scanner', { '.mcp-gate.yml': 'reports:\n  run: [trivy]\n' });
  const report = await runGate({ root, now, env: {}, workerThread: true, runScanner: async () => ({ error: 'the fake scanner ran here' }) });
  const failed = report.findings.filter((f) => f.ruleId === 'gate/check-failed').map((f) => f.message);
  assert.deepEqual(failed, ['reports.run:trivy: the fake scanner ran here']);
});
