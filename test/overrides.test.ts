// The override stage end to end: real ssh-keygen signatures, a real git
// repository whose base commit holds the trusted signers, runGate.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runGate } from '../src/gate/engine.ts';
import { renderJson, renderJsonChunks } from '../src/reporters/json.ts';
import { canonicalJson } from '../src/util/canonical-json.ts';
import { evaluateOverrides } from '../src/overrides/evaluate.ts';
import { render } from '../src/reporters/index.ts';
import type { Check, Finding, RawFinding, Report } from '../src/types.ts';
import {
  git,
  gitRepo,
  KEY_TYPES,
  makeKey,
  overrideDoc,
  signedOverride,
  sshSign,
  type TestKey,
  tempDir,
  toYaml,
  write,
} from './overrides-keys.ts';

const NOW = new Date('2026-11-21T10:00:00Z');
const FIXTURES = new URL('./fixtures/overrides/', import.meta.url);
const DB = 'StatefulSet/mcp/mcp-db';

/** A check with fixed findings, so each case controls exactly what can be covered. */
const fakeCheck = (findings: RawFinding[]): Check => ({
  id: 'fake',
  rules: ['k8s/run-as-root'],
  async run() {
    return { findings };
  },
});

const FINDINGS: RawFinding[] = [
  { ruleId: 'k8s/run-as-root', message: 'db runs as root', location: { file: 'deploy/db.yaml', line: 20, resource: DB, container: 'db' } },
  { ruleId: 'k8s/run-as-root', message: 'sidecar runs as root', location: { file: 'deploy/db.yaml', line: 30, resource: DB, container: 'sidecar' } },
  { ruleId: 'k8s/run-as-root', message: 'other db runs as root', location: { file: 'deploy/other.yaml', line: 20, resource: 'StatefulSet/other/mcp-db', container: 'db' } },
  { ruleId: 'k8s/writable-root-fs', message: 'db root fs writable', location: { file: 'deploy/db.yaml', line: 22, resource: DB, container: 'db' } },
  { ruleId: 'secret/exposed', message: 'AWS key in a file', location: { file: 'config/app.env', line: 3 }, key: 'aws' },
];

let dir: string;
let arjun: TestKey;
let mallory: TestKey;

function find(report: Report, rule: string, resource?: string, container?: string): Finding {
  const f = report.findings.find((x) => x.ruleId === rule && (resource === undefined || x.location.resource === resource) && (container === undefined || x.location.container === container));
  assert.ok(f, `no ${rule} ${resource ?? ''} ${container ?? ''} in ${report.findings.map((x) => x.ruleId).join(', ')}`);
  return f;
}

function only(report: Report, rule: string): Finding[] {
  return report.findings.filter((f) => f.ruleId === rule);
}

/** A repository whose base commit trusts arjun; the working tree gets `overrides`. */
function repo(overrides: Record<string, string>, extraBase: Record<string, string> = {}): { root: string; base: string } {
  const r = gitRepo({
    '.mcp-gate/allowed_signers': `# security engineers\narjun@cloudcorp.example ${arjun.publicKey}\n`,
    'deploy/README.md': 'deployment\n',
    ...extraBase,
  });
  for (const [name, text] of Object.entries(overrides)) write(r.root, `.mcp-gate/overrides/${name}`, text);
  return r;
}

async function gate(root: string, opts: { baseRef?: string; findings?: RawFinding[]; env?: Record<string, string>; now?: Date } = {}): Promise<Report> {
  return runGate({
    root,
    mode: 'enforce',
    rollout: 3,
    now: opts.now ?? NOW,
    env: opts.env ?? {},
    checks: [fakeCheck(opts.findings ?? FINDINGS)],
    ...('baseRef' in opts ? (opts.baseRef ? { baseRef: opts.baseRef } : {}) : {}),
  });
}

before(() => {
  dir = tempDir('overrides');
  arjun = makeKey(dir, 'arjun');
  mallory = makeKey(dir, 'mallory');
});

describe('a valid override', () => {
  it('covers exactly the finding of its rule, resource and container; the trail is in the report', async () => {
    const { root, base } = repo({ 'ovr-014.yaml': signedOverride(arjun) });
    const report = await gate(root, { baseRef: base });
    const db = find(report, 'k8s/run-as-root', DB, 'db');
    assert.equal(db.status, 'overridden');
    assert.equal(db.blocking, false);
    assert.deepEqual(db.override, {
      id: 'OVR-2026-014',
      approver: 'arjun@cloudcorp.example',
      expires: '2026-12-31',
      justification: 'Vendor image needs root until 4.2; pod is isolated by NetworkPolicy.',
      ticket: 'SEC-1234',
      due: '2026-12-15',
      file: '.mcp-gate/overrides/ovr-014.yaml',
    });
    // Replay onto another container, another resource or another rule: not covered.
    assert.equal(find(report, 'k8s/run-as-root', DB, 'sidecar').status, 'open');
    assert.equal(find(report, 'k8s/run-as-root', 'StatefulSet/other/mcp-db', 'db').status, 'open');
    assert.equal(find(report, 'k8s/writable-root-fs', DB, 'db').status, 'open');
    assert.equal(report.summary.overridden, 1);
    assert.equal(report.decision, 'block');
    assert.deepEqual(only(report, 'override/invalid'), []);
    const run = report.checks.find((c) => c.id === 'overrides');
    assert.equal(run?.status, 'ran');
    assert.match(run?.detail ?? '', new RegExp(`1 valid, 0 invalid, 0 expired; trusted signers from base revision ${base} \\(${base.slice(0, 12)}\\)`));
    assert.match(run?.detail ?? '', /1 finding\(s\) overridden, 0 stale/);
  });

  it('every report format shows approver, ticket, expiry and justification', async () => {
    const { root, base } = repo({ 'ovr.yaml': signedOverride(arjun, { justification: 'Vendor image needs root; isolated' }) });
    const report = await gate(root, { baseRef: base });
    for (const format of ['text', 'json', 'markdown', 'sarif'] as const) {
      const rendered = render(report, format, { color: false, root });
      // Markdown escapes punctuation; compare the text a reader sees.
      const out = format === 'markdown' ? rendered.replace(/\\(.)/g, '$1').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))) : rendered;
      for (const needle of ['OVR-2026-014', 'arjun@cloudcorp.example', 'SEC-1234', '2026-12-31', 'Vendor image needs root']) assert.ok(out.includes(needle), `${format} lacks ${needle}`);
    }
    const sarif = JSON.parse(render(report, 'sarif', { color: false, root }));
    const suppressed = sarif.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    assert.equal(suppressed.length, 1);
  });

  it('without a container it covers every container of the resource, nothing else', async () => {
    const { root, base } = repo({ 'all.yaml': signedOverride(arjun, { container: undefined }) });
    const report = await gate(root, { baseRef: base });
    assert.equal(find(report, 'k8s/run-as-root', DB, 'db').status, 'overridden');
    assert.equal(find(report, 'k8s/run-as-root', DB, 'sidecar').status, 'overridden');
    assert.equal(find(report, 'k8s/run-as-root', 'StatefulSet/other/mcp-db').status, 'open');
  });

  it('a finding without a resource is targeted as file:<path>', async () => {
    const { root, base } = repo({ 's.yaml': signedOverride(arjun, { rule: 'secret/exposed', resource: 'file:config/app.env', container: undefined }) });
    const report = await gate(root, { baseRef: base });
    assert.equal(find(report, 'secret/exposed').status, 'overridden');
  });

  it('works on real data: the polaris runAsRootAllowed fixture through every check', async () => {
    const manifest = readFileSync(new URL('./fixtures/shared/k8s/polaris/runAsRootAllowed/failure.yaml', import.meta.url), 'utf8');
    const { root, base } = repo({ 'nginx.yaml': signedOverride(arjun, { resource: 'Deployment/default/nginx', container: 'nginx' }) }, { 'deploy/nginx.yaml': manifest });
    const report = await runGate({ root, baseRef: base, mode: 'enforce', rollout: 3, now: NOW, env: {} });
    const f = find(report, 'k8s/run-as-root', 'Deployment/default/nginx', 'nginx');
    assert.equal(f.status, 'overridden');
    assert.equal(f.blocking, false);
    assert.equal(find(report, 'k8s/writable-root-fs', 'Deployment/default/nginx', 'nginx').status, 'open');
  });

  it('the JSON report shows the override', async () => {
    const manifest = readFileSync(new URL('./fixtures/shared/k8s/polaris/runAsRootAllowed/failure.yaml', import.meta.url), 'utf8');
    const { root, base } = repo({ 'nginx.yaml': signedOverride(arjun, { resource: 'Deployment/default/nginx', container: 'nginx' }) }, { 'deploy/nginx.yaml': manifest });
    const report = await runGate({ root, baseRef: base, mode: 'enforce', rollout: 3, now: NOW, env: {} });
    const written = renderJsonChunks(report).join('');
    assert.equal(written, renderJson(report));
    const f = (JSON.parse(written) as Report).findings.find((x) => x.ruleId === 'k8s/run-as-root' && x.location.container === 'nginx');
    assert.equal(f?.status, 'overridden');
    assert.equal(f?.override?.id, 'OVR-2026-014');
  });

  it('every key type verifies with a real ssh-keygen signature', async () => {
    const keys = KEY_TYPES.map((t) => makeKey(dir, `all-${t.name}`, t.args));
    const signers = keys.map((k) => `${k.name}@cloudcorp.example ${k.publicKey}`).join('\n');
    const files = keys.map((k) => ({
      file: `.mcp-gate/overrides/${k.name}.yaml`,
      text: signedOverride(k, { id: `OVR-${k.name}`, approver: `${k.name}@cloudcorp.example` }),
    }));
    const ev = await evaluateOverrides({ root: dir, env: {}, now: NOW, files, trust: { origin: 'base-ref', description: 'test', text: signers } });
    assert.deepEqual(
      ev.overrides.map((o) => [o.id, o.status, o.reason]),
      keys.map((k) => [`OVR-${k.name}`, 'valid', undefined]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    assert.equal(ev.applicable.length, KEY_TYPES.length);
  });
});

describe('tampering and replay', () => {
  let signature: string;
  before(() => {
    signature = sshSign(arjun, canonicalJson(overrideDoc()));
  });

  const tampers: Array<[string, (d: Record<string, unknown>) => void, RegExp]> = [
    ['id', (d) => (d.id = 'OVR-2026-015'), /bad signature/],
    ['target.rule', (d) => ((d.target as Record<string, string>).rule = 'k8s/writable-root-fs'), /bad signature/],
    ['target.resource (replay onto another resource)', (d) => ((d.target as Record<string, string>).resource = 'StatefulSet/other/mcp-db'), /bad signature/],
    ['target.container (replay onto another container)', (d) => ((d.target as Record<string, string>).container = 'sidecar'), /bad signature/],
    ['target.container removed (widening)', (d) => delete (d.target as Record<string, string>).container, /bad signature/],
    ['justification', (d) => (d.justification = 'approved'), /bad signature/],
    ['remediation.ticket', (d) => ((d.remediation as Record<string, string>).ticket = 'SEC-9999'), /bad signature/],
    ['remediation.due', (d) => ((d.remediation as Record<string, string>).due = '2027-01-15'), /bad signature/],
    ['approver', (d) => (d.approver = 'mei@cloudcorp.example'), /bad signature/],
    ['expires', (d) => (d.expires = '2027-01-15'), /bad signature/],
    ['apiVersion', (d) => (d.apiVersion = 'mcp-gate/v2'), /malformed: apiVersion/],
    ['kind', (d) => (d.kind = 'Exception'), /malformed: kind/],
  ];
  for (const [field, mutate, reason] of tampers) {
    it(`changing ${field} after signing invalidates the override`, async () => {
      const doc = overrideDoc();
      mutate(doc);
      const { root, base } = repo({ 'ovr.yaml': toYaml(doc, signature) });
      const report = await gate(root, { baseRef: base });
      const [invalid] = only(report, 'override/invalid');
      assert.match(invalid?.message ?? '', reason);
      assert.equal(invalid?.location.file, '.mcp-gate/overrides/ovr.yaml');
      assert.ok((invalid?.location.line ?? 0) > 1);
      assert.equal(invalid?.blocking, true);
      assert.equal(report.summary.overridden, 0);
      for (const f of only(report, 'k8s/run-as-root')) assert.equal(f.blocking, true);
    });
  }

  it('adding a field after signing is refused (unknown field), not ignored', async () => {
    const text = toYaml(overrideDoc(), signature).replace('approver:', 'scope: everything\napprover:');
    const { root, base } = repo({ 'ovr.yaml': text });
    const [invalid] = only(await gate(root, { baseRef: base }), 'override/invalid');
    assert.match(invalid?.message ?? '', /malformed: scope: unknown field/);
  });

  it('reformatting the YAML (flow style, quotes, comments, key order) keeps the signature valid', async () => {
    const text = `# reordered\n{kind: "Override", apiVersion: 'mcp-gate/v1', expires: 2026-12-31, approver: arjun@cloudcorp.example,
      id: OVR-2026-014, remediation: {due: 2026-12-15, ticket: SEC-1234}, justification: "Vendor image needs root until 4.2; pod is isolated by NetworkPolicy.",
      target: {container: db, resource: "${DB}", rule: k8s/run-as-root}, signature: ${JSON.stringify(signature)}}\n`;
    const { root, base } = repo({ 'ovr.yaml': text });
    const report = await gate(root, { baseRef: base });
    assert.equal(find(report, 'k8s/run-as-root', DB, 'db').status, 'overridden');
  });

  it('a copy of a valid override under another file name: duplicate id, neither applies', async () => {
    const text = toYaml(overrideDoc(), signature);
    const { root, base } = repo({ 'a.yaml': text, 'b.yaml': text });
    const report = await gate(root, { baseRef: base });
    const invalid = only(report, 'override/invalid');
    assert.equal(invalid.length, 2);
    for (const f of invalid) assert.match(f.message, /duplicate id "OVR-2026-014"/);
    assert.equal(find(report, 'k8s/run-as-root', DB, 'db').status, 'open');
  });

  it('a signature in another namespace (e.g. git) is invalid', async () => {
    const { root, base } = repo({ 'ovr.yaml': signedOverride(arjun, {}, 'git') });
    const [invalid] = only(await gate(root, { baseRef: base }), 'override/invalid');
    assert.match(invalid?.message ?? '', /namespace is "git", expected "mcp-gate-override"/);
  });
});

describe('who may sign', () => {
  it('a signer added by the change under review gets no trust from that change', async () => {
    const { root, base } = repo({});
    // The "pull request": adds mallory to allowed_signers (committed) and an override she signed.
    write(root, '.mcp-gate/allowed_signers', `arjun@cloudcorp.example ${arjun.publicKey}\nmallory@cloudcorp.example ${mallory.publicKey}\n`);
    write(root, '.mcp-gate/overrides/self.yaml', signedOverride(mallory, { approver: 'mallory@cloudcorp.example' }));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'pr');
    const report = await gate(root, { baseRef: base });
    const [invalid] = only(report, 'override/invalid');
    assert.match(invalid?.message ?? '', /untrusted signer: the signing key is not in the trusted allowed_signers/);
    assert.equal(find(report, 'k8s/run-as-root', DB, 'db').blocking, true);
    // Claiming to be arjun with mallory's key does not help either.
    write(root, '.mcp-gate/overrides/claim.yaml', signedOverride(mallory, { id: 'OVR-CLAIM', container: 'sidecar' }));
    const again = only(await gate(root, { baseRef: base }), 'override/invalid');
    assert.equal(again.length, 2);
    for (const f of again) assert.match(f.message, /untrusted signer/);
    rmSync(join(root, '.mcp-gate/overrides/claim.yaml'));
    // Local use without --base-ref: the working tree is trusted, and the report says so.
    const local = await gate(root, {});
    assert.equal(only(local, 'override/invalid').length, 0);
    assert.match(local.checks.find((c) => c.id === 'overrides')?.detail ?? '', /working tree .*trust NOT from a protected base/);
    // In a pull-request CI run without a base ref nothing is trusted.
    const pr = await gate(root, { env: { GITHUB_EVENT_NAME: 'pull_request' } });
    assert.match(only(pr, 'override/invalid')[0]?.message ?? '', /no --base-ref in a pull_request run/);
  });

  it('the approver must be a principal of the signing key', async () => {
    const { root, base } = repo({ 'ovr.yaml': signedOverride(arjun, { approver: 'mei@cloudcorp.example' }) });
    const [invalid] = only(await gate(root, { baseRef: base }), 'override/invalid');
    assert.match(invalid?.message ?? '', /approver mismatch: approver "mei@cloudcorp.example" is not a principal of the signing key/);
    assert.equal(invalid?.location.line, 11);
  });

  it('a base revision without allowed_signers trusts nobody', async () => {
    const r = gitRepo({ 'README.md': 'x\n' });
    write(r.root, '.mcp-gate/overrides/ovr.yaml', signedOverride(arjun));
    write(r.root, '.mcp-gate/allowed_signers', `arjun@cloudcorp.example ${arjun.publicKey}\n`);
    const [invalid] = only(await gate(r.root, { baseRef: r.base }), 'override/invalid');
    assert.match(invalid?.message ?? '', /has no \.mcp-gate\/allowed_signers, so no key is trusted/);
  });

  it('a base ref that does not exist is gate/check-failed, and the covered finding blocks', async () => {
    const { root } = repo({ 'ovr.yaml': signedOverride(arjun) });
    const report = await gate(root, { baseRef: 'origin/does-not-exist' });
    const failed = only(report, 'gate/check-failed');
    assert.equal(failed.length, 1);
    assert.match(failed[0]?.message ?? '', /base ref "origin\/does-not-exist" does not exist/);
    assert.equal(failed[0]?.blocking, true);
    assert.equal(find(report, 'k8s/run-as-root', DB, 'db').status, 'open');
    assert.equal(report.decision, 'block');
    assert.equal(report.summary.overridden, 0);
  });

  it('a base ref that looks like an option or a directory that is not a repository: gate/check-failed', async () => {
    const { root } = repo({ 'ovr.yaml': signedOverride(arjun) });
    const opt = await gate(root, { baseRef: '--output=/tmp/x' });
    assert.match(only(opt, 'gate/check-failed')[0]?.message ?? '', /is not a valid git revision/);
    const plain = tempDir('nogit');
    write(plain, '.mcp-gate/overrides/ovr.yaml', signedOverride(arjun));
    const nogit = await gate(plain, { baseRef: 'main' });
    assert.match(only(nogit, 'gate/check-failed')[0]?.message ?? '', /not a git repository|does not exist/);
  });

  it('DIR in a subdirectory of the repository reads DIR/.mcp-gate/allowed_signers at the base', async () => {
    const r = gitRepo({ 'svc/.mcp-gate/allowed_signers': `arjun@cloudcorp.example ${arjun.publicKey}\n` });
    write(r.root, 'svc/.mcp-gate/overrides/ovr.yaml', signedOverride(arjun));
    const report = await gate(join(r.root, 'svc'), { baseRef: r.base });
    assert.equal(find(report, 'k8s/run-as-root', DB, 'db').status, 'overridden');
  });

  it('if the stage runs out of the time budget, it is gate/check-failed and nothing is overridden', async () => {
    const { root, base } = repo({ 'ovr.yaml': signedOverride(arjun) });
    // git alone takes longer than 1 ms; the fake check answers at once.
    const report = await runGate({ root, baseRef: base, mode: 'enforce', now: NOW, env: {}, checks: [fakeCheck(FINDINGS)], timeoutMs: 1, baseline: false });
    const run = report.checks.find((c) => c.id === 'overrides');
    assert.equal(run?.status, 'failed');
    assert.match(only(report, 'gate/check-failed')[0]?.message ?? '', /check "overrides" could not run: gate time budget/);
    assert.equal(find(report, 'k8s/run-as-root', DB, 'db').status, 'open');
    assert.equal(report.summary.overridden, 0);
  });

  it('an allowed_signers line that does not parse is gate/check-failed with its line; good lines still count', async () => {
    const { root, base } = repo(
      { 'ovr.yaml': signedOverride(arjun) },
      { '.mcp-gate/allowed_signers': `# team\n*@cloudcorp.example cert-authority ${mallory.publicKey}\narjun@cloudcorp.example ${arjun.publicKey}\n` },
    );
    const report = await gate(root, { baseRef: base });
    const [failed] = only(report, 'gate/check-failed');
    assert.equal(failed?.location.file, '.mcp-gate/allowed_signers');
    assert.equal(failed?.location.line, 2);
    assert.match(failed?.message ?? '', /cert-authority entries are not supported/);
    assert.equal(find(report, 'k8s/run-as-root', DB, 'db').status, 'overridden');
  });
});

describe('time', () => {
  it('an expired override no longer applies: override/expired, and the finding blocks again', async () => {
    const { root, base } = repo({ 'old.yaml': signedOverride(arjun, { expires: '2026-11-20', due: '2026-11-01' }) });
    const report = await gate(root, { baseRef: base });
    const [expired] = only(report, 'override/expired');
    assert.match(expired?.message ?? '', /override OVR-2026-014 \(k8s\/run-as-root on StatefulSet\/mcp\/mcp-db \(container db\), approved by arjun@cloudcorp.example\) expired 2026-11-20/);
    assert.equal(expired?.location.line, 12);
    const db = find(report, 'k8s/run-as-root', DB, 'db');
    assert.equal(db.status, 'open');
    assert.equal(db.blocking, true);
    // The last day is still covered (a date means the whole day, UTC).
    const lastDay = await gate(root, { baseRef: base, now: new Date('2026-11-20T23:59:00Z') });
    assert.equal(find(lastDay, 'k8s/run-as-root', DB, 'db').status, 'overridden');
  });

  it('an expiry beyond overrides.maxLifetimeDays is invalid (default 90, configurable)', async () => {
    const { root, base } = repo({ 'long.yaml': signedOverride(arjun, { expires: '2027-03-01' }) });
    const [invalid] = only(await gate(root, { baseRef: base }), 'override/invalid');
    assert.match(invalid?.message ?? '', /lifetime: expires 2027-03-01, 100 days from now, beyond overrides.maxLifetimeDays \(90\)/);
    // Exactly 90 days is allowed.
    write(root, '.mcp-gate/overrides/long.yaml', signedOverride(arjun, { expires: '2027-02-19' }));
    assert.equal(only(await gate(root, { baseRef: base }), 'override/invalid').length, 0);
    // A tighter policy in the config.
    // A tighter policy in the config (policy keys come from the base revision, so commit it there).
    write(root, '.mcp-gate.yml', 'overrides: {maxLifetimeDays: 30}\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'tighter policy');
    const tightBase = git(root, 'rev-parse', 'HEAD').trim();
    const tight = await runGate({ root, baseRef: tightBase, now: NOW, env: {}, mode: 'enforce', checks: [fakeCheck(FINDINGS)] });
    assert.match(only(tight, 'override/invalid')[0]?.message ?? '', /beyond overrides.maxLifetimeDays \(30\)/);
  });

  it('due within 7 days (expiry or remediation) is a warning; the override still applies', async () => {
    const { root, base } = repo({
      'soon.yaml': signedOverride(arjun, { expires: '2026-11-25' }),
      'overdue.yaml': signedOverride(arjun, { id: 'OVR-2', container: 'sidecar', due: '2026-11-10' }),
    });
    const report = await gate(root, { baseRef: base });
    const warnings = only(report, 'override/expiring').map((f) => f.message);
    assert.equal(warnings.length, 2);
    assert.ok(warnings.some((m) => /OVR-2026-014 .* expires 2026-11-25 \(in 4 day\(s\)\)/.test(m)), warnings.join('\n'));
    assert.ok(warnings.some((m) => /OVR-2 .* remediation SEC-1234 was due 2026-11-10 \(10 day\(s\) ago\)/.test(m)), warnings.join('\n'));
    for (const f of only(report, 'override/expiring')) assert.equal(f.severity, 'warning');
    assert.equal(find(report, 'k8s/run-as-root', DB, 'db').status, 'overridden');
    assert.equal(find(report, 'k8s/run-as-root', DB, 'sidecar').status, 'overridden');
  });

  it('an override that matches no finding is reported as stale', async () => {
    const { root, base } = repo({ 'gone.yaml': signedOverride(arjun, { resource: 'StatefulSet/mcp/removed' }) });
    const report = await gate(root, { baseRef: base });
    const [stale] = only(report, 'override/stale');
    assert.match(stale?.message ?? '', /override OVR-2026-014 .*matches no finding/);
    assert.equal(stale?.location.file, '.mcp-gate/overrides/gone.yaml');
    assert.match(report.checks.find((c) => c.id === 'overrides')?.detail ?? '', /0 finding\(s\) overridden, 1 stale/);
  });
});

describe('bad input is a finding with file and line, never a crash or a silent skip', () => {
  const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

  it('fixtures: malformed YAML, missing fields, not SSHSIG, two documents, a number for a date', async () => {
    const { root, base } = repo({
      'malformed.yaml': fixture('malformed.yaml'),
      'missing-fields.yaml': fixture('missing-fields.yaml'),
      'not-sshsig.yaml': fixture('not-sshsig.yaml'),
      'two-documents.yaml': fixture('two-documents.yaml'),
      'expires-as-number.yaml': fixture('expires-as-number.yaml'),
    });
    const report = await gate(root, { baseRef: base });
    const got = Object.fromEntries(only(report, 'override/invalid').map((f) => [f.location.file?.split('/').pop(), [f.location.line, f.message]]));
    assert.deepEqual(Object.keys(got).sort(), ['expires-as-number.yaml', 'malformed.yaml', 'missing-fields.yaml', 'not-sshsig.yaml', 'two-documents.yaml']);
    assert.match(String(got['malformed.yaml']?.[1]), /malformed: invalid YAML/);
    assert.equal(got['malformed.yaml']?.[0], 6);
    assert.match(String(got['missing-fields.yaml']?.[1]), /malformed: remediation.due: required field is missing/);
    assert.equal(got['missing-fields.yaml']?.[0], 9);
    assert.match(String(got['not-sshsig.yaml']?.[1]), /not an SSH signature/);
    assert.equal(got['not-sshsig.yaml']?.[0], 11);
    assert.match(String(got['two-documents.yaml']?.[1]), /one override per file/);
    assert.equal(got['two-documents.yaml']?.[0], 5);
    assert.match(String(got['expires-as-number.yaml']?.[1]), /malformed: expires: /);
    assert.equal(got['expires-as-number.yaml']?.[0], 8);
    assert.equal(report.summary.overridden, 0);
  });

  it('unsigned, unknown rule, non-overridable rule, a stray file and an empty file', async () => {
    const { root, base } = repo({
      'unsigned.yaml': toYaml(overrideDoc({ id: 'OVR-U' })),
      'rule.yaml': signedOverride(arjun, { id: 'OVR-R', rule: 'k8s/run-as-rot' }),
      'gate.yaml': signedOverride(arjun, { id: 'OVR-G', rule: 'gate/check-failed' }),
      'notes.json': '{}',
      'empty.yaml': '',
      '.gitkeep': '',
      'README.md': 'how to write overrides\n',
    });
    const report = await gate(root, { baseRef: base });
    const got = Object.fromEntries(only(report, 'override/invalid').map((f) => [f.location.file?.split('/').pop(), f.message]));
    assert.deepEqual(Object.keys(got).sort(), ['empty.yaml', 'gate.yaml', 'notes.json', 'rule.yaml', 'unsigned.yaml']);
    assert.match(got['unsigned.yaml'] ?? '', /unsigned: no signature/);
    assert.match(got['rule.yaml'] ?? '', /unknown rule "k8s\/run-as-rot" \(did you mean "k8s\/run-as-root"\?\)/);
    assert.match(got['gate.yaml'] ?? '', /rule gate\/check-failed cannot be overridden/);
    assert.match(got['notes.json'] ?? '', /not a \.yaml\/\.yml file/);
    assert.match(got['empty.yaml'] ?? '', /holds no override document/);
  });

  it('symbolic links are refused, never followed', async () => {
    const outside = tempDir('outside');
    write(outside, 'ovr.yaml', signedOverride(arjun));
    const { root, base } = repo({});
    mkdirSync(join(root, '.mcp-gate/overrides'));
    symlinkSync(join(outside, 'ovr.yaml'), join(root, '.mcp-gate/overrides/link.yaml'));
    const [invalid] = only(await gate(root, { baseRef: base }), 'override/invalid');
    assert.match(invalid?.message ?? '', /symbolic link; overrides must be regular files/);
    assert.equal(invalid?.location.file, '.mcp-gate/overrides/link.yaml');
    const r2 = repo({});
    symlinkSync(outside, join(r2.root, '.mcp-gate/overrides'));
    const report = await gate(r2.root, { baseRef: r2.base });
    assert.match(only(report, 'override/invalid')[0]?.message ?? '', /is not a directory \(symlinks are not followed\)/);
    assert.equal(find(report, 'k8s/run-as-root', DB, 'db').status, 'open');
  });

  it('no .mcp-gate/overrides directory: the stage adds nothing to the report', async () => {
    const { root, base } = repo({});
    rmSync(join(root, '.mcp-gate/overrides'), { recursive: true, force: true });
    const report = await gate(root, { baseRef: 'does-not-matter-without-overrides' });
    assert.equal(report.checks.some((c) => c.id === 'overrides'), false);
    assert.equal(report.findings.some((f) => f.ruleId.startsWith('override/')), false);
    void base;
  });
});
