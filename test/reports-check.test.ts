// The reports check end to end (through runGate): mapping to gate rules,
// thresholds, dedupe with the gate's own Kubernetes findings, SBOM rules,
// and bad input that must fail closed without crashing.
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { k8sWorkloadCheck } from '../checks/k8s/check.ts';
import { reportsCheck } from '../checks/reports/check.ts';
import type { GateConfig } from '../src/config/schema.ts';
import { runGate } from '../src/gate/engine.ts';
import { runScanner } from '../src/main/scanners.ts';
import { fingerprintOf } from '../src/gate/fingerprint.ts';
import { secretKey } from '../checks/common/credentials.ts';
import type { Finding, Report } from '../src/types.ts';

const SHARED = join(import.meta.dirname, 'fixtures/shared/reports');
const OWN = join(import.meta.dirname, 'fixtures/reports');
// biome-ignore lint/suspicious/noExplicitAny: raw fixture JSON, walked like jq
type J = Record<string, any>;
const raw = (rel: string): J => JSON.parse(readFileSync(join(SHARED, rel), 'utf8'));
const NOW = new Date('2026-11-21T10:00:00Z');
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A repository: path -> fixture path (shared/..., own/...) or literal content. */
function repo(files: Record<string, string | { copy: string }>): string {
  const root = mkdtempSync(join(tmpdir(), 'mcp-gate-reports-'));
  dirs.push(root);
  for (const [rel, src] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof src === 'string') writeFileSync(abs, src);
    else copyFileSync(src.copy.startsWith('own/') ? join(OWN, src.copy.slice(4)) : join(SHARED, src.copy), abs);
  }
  return root;
}
const shared = (p: string) => ({ copy: p });
const own = (p: string) => ({ copy: `own/${p}` });

async function gate(root: string, reports: NonNullable<GateConfig['reports']>, withK8s = false, env?: Record<string, string>): Promise<Report> {
  return runGate({ root, config: { mode: 'enforce', reports }, configFile: '.mcp-gate.yml', checks: withK8s ? [k8sWorkloadCheck, reportsCheck] : [reportsCheck], now: NOW, runScanner, ...(env ? { env } : {}) });
}
const byRule = (r: Report, rule: string): Finding[] => r.findings.filter((f) => f.ruleId === rule);
const SBOM = { 'sbom.cdx.json': shared('sbom/cdx-valid-bom-1.6.json') };

test('vulnerabilities at or above the threshold, one per (package, id), with fixed version', async () => {
  for (const [fixture, rel] of [
    [own('trivy-mixed.json'), 'test/fixtures/reports/trivy-mixed.json'],
    [shared('trivy/alpine-310.json.golden'), 'test/fixtures/shared/reports/trivy/alpine-310.json.golden'],
  ] as const) {
    const d = JSON.parse(readFileSync(join(import.meta.dirname, '..', rel), 'utf8'));
    const all = d.Results.flatMap((r: J) => r.Vulnerabilities ?? []).filter((v: J) => v.Status !== 'not_affected');
    const uniq = (sev: string[], fixedOnly = false) =>
      new Set(all.filter((v: J) => sev.includes(v.Severity) && (!fixedOnly || v.FixedVersion)).map((v: J) => `${v.PkgName}|${v.VulnerabilityID}`)).size;
    const root = repo({ 'reports/trivy.json': fixture, ...SBOM });
    for (const [threshold, sev] of [
      ['critical', ['CRITICAL']],
      ['high', ['HIGH', 'CRITICAL']],
      ['medium', ['MEDIUM', 'HIGH', 'CRITICAL']],
      ['low', ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']],
    ] as const) {
      const r = await gate(root, { trivy: ['reports/*.json'], vulnThreshold: threshold });
      assert.equal(byRule(r, 'vuln/high-or-critical').length, uniq([...sev]), `${rel} ${threshold}`);
      const fixed = await gate(root, { trivy: ['reports/*.json'], vulnThreshold: threshold, ignoreUnfixed: true });
      assert.equal(byRule(fixed, 'vuln/high-or-critical').length, uniq([...sev], true), `${rel} ${threshold} ignoreUnfixed`);
    }
  }
  const root = repo({ 'reports/trivy.json': own('trivy-mixed.json'), ...SBOM });
  const r = await gate(root, { trivy: ['reports/*.json'] });
  const v = byRule(r, 'vuln/high-or-critical');
  assert.equal(v.length, 4);
  const crypto = v.find((f) => f.message.startsWith('CVE-2024-45337'));
  assert.equal(crypto?.message, 'CVE-2024-45337 (critical) in golang.org/x/crypto v0.28.0, v0.27.0: fixed in 0.31.0; target app/mcp-server (trivy)');
  const entryLine = readFileSync(join(OWN, 'trivy-mixed.json'), 'utf8').split('\n').findIndex((l) => l.includes('"CVE-2024-45337"')) + 1;
  assert.ok(entryLine > 1);
  assert.deepEqual(crypto?.location, { file: 'reports/trivy.json', line: entryLine, resource: 'Vulnerability/CVE-2024-45337/golang.org/x/crypto' });
  assert.equal(crypto?.source, 'trivy');
  assert.match(crypto?.remediation ?? '', /Upgrade golang\.org\/x\/crypto to 0\.31\.0/);
  assert.match(v.find((f) => f.message.startsWith('CVE-2023-45853'))?.message ?? '', /no fixed version known/);
  assert.equal(r.decision, 'block');
  assert.equal(r.checks.find((c) => c.id === 'reports')?.status, 'ran');
});

test('trivy, trivy SARIF and grype reporting the same (package, id) give one finding', async () => {
  const root = repo({ 'r/trivy.json': shared('trivy/alpine-310.json.golden'), 'r/trivy.sarif': shared('trivy/alpine-310.sarif.golden'), ...SBOM });
  const one = await gate(root, { trivy: ['r/trivy.json'], vulnThreshold: 'low' });
  const both = await gate(root, { trivy: ['r/trivy.json'], sarif: ['r/trivy.sarif'], vulnThreshold: 'low' });
  assert.ok(byRule(one, 'vuln/high-or-critical').length > 0);
  // the SARIF lists a subset of the JSON's (package, id) pairs: nothing new appears
  assert.equal(byRule(both, 'vuln/high-or-critical').length, byRule(one, 'vuln/high-or-critical').length);
});

test('npm audit and grype severities normalised (moderate, Critical)', async () => {
  const root = repo({ 'a.json': shared('npm-audit/all-severity-levels.json'), 'g.json': shared('grype/json-TestJsonImgsPresenter.golden.json'), ...SBOM });
  const d = raw('npm-audit/all-severity-levels.json');
  const pairs = (sev: string[]) =>
    new Set(Object.values(d.vulnerabilities as J).flatMap((v: J) => v.via.filter((x: J) => typeof x === 'object' && sev.includes(x.severity)).map((x: J) => `${v.name}|${x.url}`))).size;
  const r = await gate(root, { npmAudit: ['a.json'], grype: ['g.json'], vulnThreshold: 'medium' });
  const grypeCritical = raw('grype/json-TestJsonImgsPresenter.golden.json').matches.filter((m: J) => ['Critical', 'High', 'Medium'].includes(m.vulnerability.severity)).length;
  assert.equal(byRule(r, 'vuln/high-or-critical').length, pairs(['moderate', 'high', 'critical']) + grypeCritical);
  assert.ok(byRule(r, 'vuln/high-or-critical').some((f) => f.source === 'grype' && /CVE-1999-0002 \(critical\)/.test(f.message)));
});

test('scanner misconfigurations merge with the gate\'s own Kubernetes findings', async () => {
  const root = repo({ 'deploy.yaml': own('deploy.yaml'), 'trivy/helm.json': shared('trivy/helm.json.golden'), 'trivy/helm-old.json': shared('trivy/helm.v0.68-checks-v1.json.golden'), ...SBOM });
  const gateOnly = await runGate({ root, config: { mode: 'enforce' }, checks: [k8sWorkloadCheck], now: NOW });
  const reportsOnly = await gate(root, { trivy: ['trivy/*.json'] });
  const both = await gate(root, { trivy: ['trivy/*.json'] }, true);
  for (const rule of ['k8s/run-as-root', 'k8s/writable-root-fs', 'k8s/privilege-escalation', 'k8s/capabilities-not-dropped']) {
    const own = byRule(gateOnly, rule).filter((f) => f.location.container === 'nginx');
    const scanner = byRule(reportsOnly, rule);
    assert.equal(own.length, 1, `gate finds ${rule}`);
    assert.equal(scanner.length, 1, `trivy maps to ${rule} once across both id shapes`);
    assert.equal(scanner[0]?.fingerprint, own[0]?.fingerprint, `${rule}: same fingerprint`);
    assert.deepEqual({ r: scanner[0]?.location.resource, c: scanner[0]?.location.container }, { r: 'Deployment/default/nginx-deployment', c: 'nginx' });
    assert.equal(byRule(both, rule).filter((f) => f.location.container === 'nginx').length, 1, `${rule}: one finding with both checks`);
  }
  // scanner-only checks: under scanner/misconfiguration with the scanner id as key, severity mapped
  const only = byRule(reportsOnly, 'scanner/misconfiguration');
  const cpu = only.find((f) => f.message.includes('KSV-0011'));
  assert.equal(cpu?.severity, 'warning');
  const ksv118 = only.filter((f) => f.message.includes('KSV-0118'));
  assert.ok(ksv118.length >= 1 && ksv118.every((f) => f.severity === 'block'));
  // old and new id shapes are one finding each
  assert.equal(only.filter((f) => /KSV-?0011/.test(f.message)).length, 1);
});

test('checkov: per-workload check mapped to the failing containers only; null severity uses defaultSeverity', async () => {
  const root = repo({ 'deploy.yaml': own('deploy.yaml'), 'checkov.json': own('checkov-k8s.json'), ...SBOM });
  const r = await gate(root, { checkov: ['checkov.json'] });
  const pe = byRule(r, 'k8s/privilege-escalation');
  assert.deepEqual(pe.map((f) => f.location.container), ['nginx'], 'the hardened sidecar is not blamed');
  assert.equal(pe[0]?.location.resource, 'Deployment/default/nginx-deployment');
  const sm = byRule(r, 'scanner/misconfiguration');
  assert.equal(sm.find((f) => f.message.includes('CKV_K8S_43'))?.severity, 'warning');
  assert.equal(sm.find((f) => f.message.includes('CKV_K8S_14'))?.severity, 'block');
  const strict = await gate(root, { checkov: ['checkov.json'], defaultSeverity: 'high' });
  assert.equal(byRule(strict, 'scanner/misconfiguration').find((f) => f.message.includes('CKV_K8S_43'))?.severity, 'block');
  // real checkov list output: the unmapped CKV_K8S_40 keeps checkov's id and resource
  const real = repo({ 'c.json': shared('checkov/cloudshield-results_json.list-form.json'), ...SBOM });
  const rr = await gate(real, { checkov: ['c.json'] });
  const f = byRule(rr, 'scanner/misconfiguration');
  assert.equal(f.length, 1);
  assert.equal(f[0]?.location.resource, 'Deployment/juice-shop/juice-shop-deployment');
  assert.match(f[0]?.message ?? '', /CKV_K8S_40/);
});

test('secrets: file and line, fingerprint key secretKey(value), merged across gitleaks JSON and SARIF', async () => {
  const root = repo({ 'g.json': shared('gitleaks/json_simple.json'), 'g.sarif': shared('gitleaks/sarif_simple.sarif'), ...SBOM });
  const r = await gate(root, { gitleaks: ['g.json'], sarif: ['g.sarif'] });
  const s = byRule(r, 'secret/exposed');
  assert.equal(s.length, 1);
  assert.deepEqual(s[0]?.location, { file: 'auth.py', line: 1 });
  // the gate's own scanner reporting the same value in the same file gets the same fingerprint
  assert.equal(s[0]?.fingerprint, fingerprintOf({ ruleId: 'secret/exposed', message: '', location: { file: 'auth.py', line: 99 }, key: secretKey('a secret') }));
  assert.match(s[0]?.message ?? '', /gitleaks rule test-rule: credential found in auth\.py:1/);
  assert.equal(r.decision, 'block');
});

test('trufflehog: one finding per distinct (file, value)', async () => {
  const file = 'trufflehog/chaos-observatory-trufflehog-results.jsonl';
  const lines = readFileSync(join(SHARED, file), 'utf8').split('\n').filter((l) => l.trim());
  const distinct = new Set(lines.map((l) => JSON.parse(l)).map((x: J) => `${x.SourceMetadata.Data.Filesystem.file.replaceAll('\\', '/')}|${x.Raw}`)).size;
  const root = repo({ 'th.jsonl': shared(file), 'empty.json': shared('trufflehog/chaos-observatory-scan-trufflehog.empty.json'), ...SBOM });
  const r = await gate(root, { trufflehog: ['th.jsonl', 'empty.json'] });
  assert.equal(byRule(r, 'secret/exposed').length, distinct);
  assert.equal(byRule(r, 'gate/check-failed').length, 0, 'an empty trufflehog file is a clean scan');
});

test('trivy secrets are redacted: numbered keys, no value key', async () => {
  const root = repo({ 's.json': shared('trivy/secrets.json.golden'), ...SBOM });
  const r = await gate(root, { trivy: ['s.json'] });
  const s = byRule(r, 'secret/exposed');
  assert.deepEqual(s.map((f) => `${f.location.file}:${f.location.line}`).sort(), ['deploy.sh:3', 'deploy.sh:7']);
});

test('bad input fails closed with a clear message, and the other reports still count', async () => {
  const alpine = readFileSync(join(SHARED, 'trivy/alpine-310.json.golden'), 'utf8');
  const wrongVersion = JSON.stringify({ ...raw('trivy/alpine-310.json.golden'), SchemaVersion: 3 });
  const root = repo({
    'r/truncated.json': alpine.slice(0, alpine.length / 2),
    'r/version.json': wrongVersion,
    'r/gitleaks-as-trivy.json': shared('gitleaks/json_simple.json'),
    'r/grype-as-trivy.json': shared('grype/json-TestJsonImgsPresenter.golden.json'),
    'r/empty.json': '',
    'r/huge.json': '',
    'r/good.json': own('trivy-mixed.json'),
    'r/deep.json': `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    'r/checkov.sarif': shared('checkov/devsecops-pipeline-results_sarif.sarif'),
    ...SBOM,
  });
  truncateSync(join(root, 'r/huge.json'), 2 * 1024 ** 3); // sparse 2 GB file
  const rssBefore = process.memoryUsage().rss;
  const r = await gate(root, { trivy: ['r/*.json', 'r/checkov.sarif'], gitleaks: ['r/version.json'] });
  const rssAfter = process.memoryUsage().rss;
  assert.ok(rssAfter - rssBefore < 256 * 1024 ** 2, `memory stays bounded (${Math.round((rssAfter - rssBefore) / 1e6)} MB)`);
  const failed = new Map(byRule(r, 'gate/check-failed').filter((f) => !f.message.includes('gitleaks JSON')).map((f) => [f.location.file, f]));
  assert.match(failed.get('r/truncated.json')?.message ?? '', /invalid JSON: unexpected end of input \(the file is truncated\)/);
  assert.ok(failed.get('r/truncated.json')?.location.line);
  assert.match(failed.get('r/version.json')?.message ?? '', /SchemaVersion: unsupported trivy SchemaVersion \(supported: 2\)/);
  assert.match(failed.get('r/gitleaks-as-trivy.json')?.message ?? '', /not a valid trivy JSON report.*looks like a gitleaks report/);
  assert.match(failed.get('r/grype-as-trivy.json')?.message ?? '', /looks like a grype report/);
  assert.match(failed.get('r/empty.json')?.message ?? '', /empty \(0 bytes\)/);
  assert.match(failed.get('r/huge.json')?.message ?? '', /2147483648 bytes, above the 134217728-byte limit/);
  assert.match(failed.get('r/checkov.sarif')?.message ?? '', /SARIF written by checkov listed under reports\.trivy/);
  assert.match(failed.get('r/deep.json')?.message ?? '', /not a valid trivy JSON report/);
  assert.equal(failed.size, 8);
  assert.ok(byRule(r, 'vuln/high-or-critical').length > 0, 'the good report still yields findings');
  // the same file under two keys fails under each
  assert.equal(byRule(r, 'gate/check-failed').filter((f) => f.location.file === 'r/version.json').length, 2);
  assert.match(byRule(r, 'gate/check-failed').find((f) => f.message.includes('gitleaks JSON'))?.message ?? '', /r\/version\.json: not a valid gitleaks JSON report .*looks like a trivy report: list it under reports\.trivy/);
  assert.equal(r.decision, 'block');
});

test('a glob that matches nothing is gate/check-failed on the config file', async () => {
  const root = repo({ ...SBOM, '.mcp-gate.yml': 'mode: enforce\nreports:\n  trivy: []\n  gitleaks: [reports/gitleaks.json]\n' });
  const r = await gate(root, { gitleaks: ['reports/gitleaks.json'], trivy: [] });
  const f = byRule(r, 'gate/check-failed');
  assert.equal(f.length, 1);
  assert.deepEqual(f[0]?.location, { file: '.mcp-gate.yml', line: 4 });
  assert.match(f[0]?.message ?? '', /reports\.gitleaks: "reports\/gitleaks\.json" matches no file/);
});

test('SBOM: missing, invalid, not for this build, stale', async () => {
  const none = await gate(repo({ 'README.md': 'x' }), {});
  assert.equal(byRule(none, 'sbom/missing').length, 1);
  assert.equal(byRule(none, 'sbom/missing')[0]?.severity, 'warning');
  // It names where the SBOM is expected: the config key (a file to add it to), with a line.
  assert.deepEqual(byRule(none, 'sbom/missing')[0]?.location, { file: '.mcp-gate.yml', line: 1 });
  assert.match(byRule(none, 'sbom/missing')[0]?.message ?? '', /no reports\.sbom in \.mcp-gate\.yml; looked everywhere in the repository/);
  // discovered by default name, any supported format
  for (const f of ['sbom/spdx-2.3-example11-sbom.spdx.json', 'sbom/spdx-3.0-example11-sbom.spdx3.json', 'sbom/cdx-valid-minimal-viable-1.7.json']) {
    const name = f.endsWith('.spdx3.json') ? 'x.spdx3.json' : f.includes('spdx') ? 'x.spdx.json' : 'bom.json';
    const r = await gate(repo({ [name]: shared(f) }), {});
    assert.equal(r.findings.length, 0, `${f}: ${JSON.stringify(r.findings)}`);
  }
  // a configured SBOM that is invalid: check-failed and missing
  const bad = await gate(repo({ 'sbom.json': shared('sbom/cdx-invalid-serialnumber-1.6.json') }), { sbom: ['sbom.json'] });
  assert.equal(byRule(bad, 'gate/check-failed').length, 1);
  assert.equal(byRule(bad, 'sbom/missing').length, 1);
  assert.ok(byRule(bad, 'sbom/missing')[0]?.location.file, 'a location even when the configured file is invalid');
  // root component vs reports.sbomComponent
  const root = repo({ 'sbom.cdx.json': shared('sbom/cdx-valid-bom-1.6.json') });
  assert.equal((await gate(root, { sbom: ['*.cdx.json'], sbomComponent: 'Acme Application' })).findings.length, 0);
  const other = await gate(root, { sbom: ['*.cdx.json'], sbomComponent: 'mcp-server' });
  assert.match(byRule(other, 'sbom/missing')[0]?.message ?? '', /no SBOM is for this build \(reports\.sbomComponent "mcp-server"\): sbom\.cdx\.json describes "Acme Application"/);
  // timestamp
  const ts = repo({ 'bom.json': shared('sbom/cdx-valid-metadata-timestamp-1.6.json') });
  const stale = await gate(ts, { sbomMaxAgeDays: 30 });
  assert.match(byRule(stale, 'sbom/missing')[0]?.message ?? '', /days old, older than reports\.sbomMaxAgeDays 30/);
  assert.equal((await gate(ts, { sbomMaxAgeDays: 4000 })).findings.length, 0);
});

test('reports.run: an absent scanner binary is a clear gate/check-failed', async () => {
  const root = repo({ ...SBOM });
  const r = await gate(root, { run: ['trivy', 'gitleaks'] }, false, { PATH: join(root, 'no-bin') });
  const f = byRule(r, 'gate/check-failed');
  assert.deepEqual(f.map((x) => x.message).sort(), [
    'reports.run:gitleaks: gitleaks is not on PATH; install it in the workflow or remove it from reports.run and list its report file instead',
    'reports.run:trivy: trivy is not on PATH; install it in the workflow or remove it from reports.run and list its report file instead',
  ]);
});

test('reports.run: runs the scanner with an argument array and reads its JSON output', async () => {
  const root = repo({ ...SBOM, '.mcp-gate.yml': 'reports:\n  run: [trivy, gitleaks]\n' });
  const bin = join(root, 'bin');
  mkdirSync(bin);
  const fixture = join(OWN, 'trivy-mixed.json');
  // Fake trivy: records its argv, copies a real-format report to the --output path.
  writeFileSync(
    join(bin, 'trivy'),
    `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(root, 'argv.txt')}"\nwhile [ $# -gt 0 ]; do if [ "$1" = --output ]; then /bin/cp "${fixture}" "$2"; fi; shift; done\n`,
  );
  // Fake gitleaks that fails.
  writeFileSync(join(bin, 'gitleaks'), '#!/bin/sh\necho "leaked value ghp_should_not_show" >&2\nexit 3\n');
  chmodSync(join(bin, 'trivy'), 0o755);
  chmodSync(join(bin, 'gitleaks'), 0o755);
  const r = await gate(root, { run: ['trivy', 'gitleaks'] }, false, { PATH: bin });
  const argv = readFileSync(join(root, 'argv.txt'), 'utf8').trim().split('\n');
  assert.deepEqual(argv.slice(0, 7), ['fs', '--quiet', '--format', 'json', '--scanners', 'vuln,secret,misconfig', '--output']);
  assert.equal(argv.at(-1), root);
  const v = byRule(r, 'vuln/high-or-critical');
  assert.equal(v.length, 4);
  assert.ok(v.every((f) => f.location.file === '.mcp-gate.yml' && f.source === 'trivy'));
  const failed = byRule(r, 'gate/check-failed');
  assert.equal(failed.length, 1);
  assert.equal(failed[0]?.message, 'reports.run:gitleaks: gitleaks exited with code 3');
  assert.deepEqual(failed[0]?.location, { file: '.mcp-gate.yml', line: 2 });
});
