// Every file of test/fixtures/shared/reports parses, and the entries each
// parser extracts are counted against counts computed here directly from
// the raw JSON (jq-like logic, independent of the parsers).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseReportText } from '../checks/reports/check.ts';
import type { Entry, ToolName } from '../checks/reports/parsers/common.ts';
import { canonicalId, gateRuleFor } from '../checks/reports/scanner-rules.ts';
import { parseSbom } from '../checks/reports/parsers/sbom.ts';

const BASE = join(import.meta.dirname, 'fixtures/shared/reports');
// biome-ignore lint/suspicious/noExplicitAny: raw fixture JSON, walked like jq
type J = Record<string, any>;
const raw = (rel: string): J => JSON.parse(readFileSync(join(BASE, rel), 'utf8'));
const text = (rel: string): string => readFileSync(join(BASE, rel), 'utf8');
const count = (entries: Entry[], kind: Entry['kind']) => entries.filter((e) => e.kind === kind).length;
const parse = (tool: ToolName, rel: string) => parseReportText(tool, text(rel), rel);

// ---- independent counters over raw JSON
const trivyCounts = (d: J) => {
  let vuln = 0;
  let misconfig = 0;
  let secret = 0;
  for (const r of d.Results ?? []) {
    vuln += (r.Vulnerabilities ?? []).filter((v: J) => v.Status !== 'not_affected').length;
    misconfig += (r.Misconfigurations ?? []).filter((m: J) => m.Status === 'FAIL').length;
    secret += (r.Secrets ?? []).length;
  }
  return { vuln, misconfig, secret };
};
const sarifResults = (d: J) => d.runs.reduce((n: number, r: J) => n + (r.results ?? []).length, 0);
const npmAdvisories = (d: J) => Object.values(d.vulnerabilities as J).reduce((n: number, v: J) => n + v.via.filter((x: unknown) => typeof x === 'object').length, 0);
const cdxAffects = (d: J) => (d.vulnerabilities ?? []).reduce((n: number, v: J) => n + Math.max(1, (v.affects ?? []).length), 0);

test('every shared fixture file is covered by a case below', () => {
  const covered = new Set(CASES.map((c) => c.file));
  for (const dir of readdirSync(BASE, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(join(BASE, dir.name))) assert.ok(covered.has(`${dir.name}/${f}`), `${dir.name}/${f} has no test case`);
  }
});

interface Case {
  file: string;
  run: () => void;
}

const CASES: Case[] = [
  ...['trivy/alpine-310.json.golden', 'trivy/npm.json.golden', 'trivy/secrets.json.golden', 'trivy/helm.json.golden', 'trivy/helm.v0.68-checks-v1.json.golden', 'trivy/dockerfile.json.golden'].map((file) => ({
    file,
    run() {
      const r = parse('trivy', file);
      const want = trivyCounts(raw(file));
      assert.equal(r.tool, 'trivy');
      assert.deepEqual({ vuln: count(r.entries, 'vuln'), misconfig: count(r.entries, 'misconfig'), secret: count(r.entries, 'secret') }, want);
      assert.ok(want.vuln + want.misconfig + want.secret > 0, 'fixture has findings');
    },
  })),
  {
    file: 'trivy/k8s-summary-ids.json.golden',
    run() {
      const d = raw('trivy/k8s-summary-ids.json.golden');
      const r = parse('trivy', 'trivy/k8s-summary-ids.json.golden');
      assert.equal(count(r.entries, 'vuln'), new Set(d.vulnerabilities).size);
      assert.equal(count(r.entries, 'misconfig'), new Set(d.misconfigurations).size);
    },
  },
  ...['trivy/alpine-310.sarif.golden', 'grype/sarif-TestSarifPresenter_image.golden.sarif'].map((file) => ({
    file,
    run() {
      const tool = file.startsWith('trivy') ? 'trivy' : 'grype';
      const r = parse(tool, file);
      assert.equal(r.tool, tool);
      assert.equal(count(r.entries, 'vuln'), sarifResults(raw(file)));
      // the same report through reports.sarif gives the same entries
      assert.deepEqual(parse('sarif', file).entries, r.entries);
    },
  })),
  {
    file: 'checkov/cloudshield-results_json.list-form.json',
    run() {
      const d = raw('checkov/cloudshield-results_json.list-form.json');
      assert.ok(Array.isArray(d));
      const failed = d.reduce((n: number, fw: J) => n + fw.results.failed_checks.length, 0);
      assert.equal(failed, d.reduce((n: number, fw: J) => n + fw.summary.failed, 0));
      const r = parse('checkov', 'checkov/cloudshield-results_json.list-form.json');
      assert.equal(count(r.entries, 'misconfig'), failed);
      const e = r.entries[0];
      assert.ok(e?.kind === 'misconfig' && e.k8s, 'kubernetes resource parsed');
      if (e?.kind === 'misconfig') assert.deepEqual(e.k8s, { kind: 'Deployment', namespace: 'juice-shop', name: 'juice-shop-deployment' });
      // one framework as an object
      const single = parseReportText('checkov', JSON.stringify(d[1]), 'x.json');
      assert.equal(count(single.entries, 'misconfig'), d[1].results.failed_checks.length);
      // bare summary (nothing scanned)
      assert.equal(parseReportText('checkov', JSON.stringify({ passed: 0, failed: 0, skipped: 0, parsing_errors: 0, resource_count: 0, checkov_version: '3.2.502' }), 's.json').entries.length, 0);
      assert.throws(() => parseReportText('checkov', JSON.stringify({ passed: 0, failed: 3 }), 's.json'), /3 failed checks but lists none/);
    },
  },
  {
    file: 'checkov/devsecops-pipeline-results_sarif.sarif',
    run() {
      const r = parse('checkov', 'checkov/devsecops-pipeline-results_sarif.sarif');
      assert.equal(count(r.entries, 'misconfig'), sarifResults(raw('checkov/devsecops-pipeline-results_sarif.sarif')));
      // checkov says "error" for every failed check: not a severity
      assert.ok(r.entries.every((e) => e.kind === 'misconfig' && e.severity === undefined));
    },
  },
  ...['gitleaks/json_simple.json', 'gitleaks/empty.json', 'gitleaks/template_jsonextra.json', 'gitleaks/baseline.json', 'gitleaks/juice-shop-gitleaks-report.json', 'gitleaks/json-reports-webgoat-gitleaks-report.json'].map((file) => ({
    file,
    run() {
      const d = raw(file);
      const r = parse('gitleaks', file);
      assert.equal(count(r.entries, 'secret'), d.length);
      // value keys only for unredacted values
      const withValue = d.filter((f: J) => f.Secret && !/^\*+$/.test(f.Secret)).length;
      assert.equal(r.entries.filter((e) => e.kind === 'secret' && e.valueKey).length, withValue);
    },
  })),
  {
    file: 'gitleaks/sarif_simple.sarif',
    run() {
      const r = parse('gitleaks', 'gitleaks/sarif_simple.sarif');
      assert.equal(count(r.entries, 'secret'), sarifResults(raw('gitleaks/sarif_simple.sarif')));
      const e = r.entries[0];
      assert.ok(e?.kind === 'secret' && e.file === 'auth.py' && e.line === 1 && e.valueKey);
      // same key as the gitleaks JSON report of the same finding
      const j = parse('gitleaks', 'gitleaks/json_simple.json').entries[0];
      assert.ok(j?.kind === 'secret');
      assert.equal(e.valueKey, j.valueKey);
    },
  },
  {
    file: 'trufflehog/chaos-observatory-trufflehog-results.jsonl',
    run() {
      const lines = text('trufflehog/chaos-observatory-trufflehog-results.jsonl').split('\n').filter((l) => l.trim() !== '');
      const r = parse('trufflehog', 'trufflehog/chaos-observatory-trufflehog-results.jsonl');
      assert.equal(r.format, 'trufflehog JSON lines');
      assert.equal(count(r.entries, 'secret'), lines.length);
      // Windows paths from the report come out with forward slashes
      assert.ok(r.entries.every((e) => e.kind === 'secret' && e.file && !e.file.includes('\\')));
    },
  },
  {
    file: 'trufflehog/json-reports-webgoat-trufflehog-report.array.json',
    run() {
      const r = parse('trufflehog', 'trufflehog/json-reports-webgoat-trufflehog-report.array.json');
      assert.equal(count(r.entries, 'secret'), raw('trufflehog/json-reports-webgoat-trufflehog-report.array.json').length);
    },
  },
  {
    file: 'trufflehog/chaos-observatory-scan-trufflehog.empty.json',
    run() {
      assert.equal(text('trufflehog/chaos-observatory-scan-trufflehog.empty.json').length, 0);
      assert.equal(parse('trufflehog', 'trufflehog/chaos-observatory-scan-trufflehog.empty.json').entries.length, 0);
    },
  },
  ...['grype/json-TestJsonImgsPresenter.golden.json', 'grype/json-TestEmptyJsonPresenter.golden.json'].map((file) => ({
    file,
    run() {
      const d = raw(file);
      const r = parse('grype', file);
      assert.equal(count(r.entries, 'vuln'), d.matches.length);
      // capitalised severities normalised
      for (const [i, m] of d.matches.entries()) assert.equal((r.entries[i] as { severity?: string }).severity, m.vulnerability.severity.toLowerCase());
    },
  })),
  ...['grype/cdx-TestCycloneDxPresenterImage.golden.json', 'trivy/npm-cyclonedx.json.golden'].map((file) => ({
    file,
    run() {
      const tool = file.startsWith('grype') ? 'grype' : 'trivy';
      const r = parse(tool, file);
      assert.equal(r.tool, tool, 'tool from metadata.tools');
      assert.equal(count(r.entries, 'vuln'), cdxAffects(raw(file)));
      assert.ok(parseSbom(raw(file), file).format.startsWith('CycloneDX 1.7'));
    },
  })),
  ...['npm-audit/one-vuln.json', 'npm-audit/all-severity-levels.json', 'npm-audit/nyc-mkdirp.json', 'npm-audit/gatsby.json', 'npm-audit/no-vulns.json'].map((file) => ({
    file,
    run() {
      const d = raw(file);
      const r = parse('npmAudit', file);
      assert.equal(count(r.entries, 'vuln'), npmAdvisories(d));
      // severities: npm's "moderate" is medium
      const moderate = Object.values(d.vulnerabilities as J).flatMap((v: J) => v.via.filter((x: J) => typeof x === 'object' && x.severity === 'moderate')).length;
      assert.equal(r.entries.filter((e) => e.kind === 'vuln' && e.severity === 'medium').length, moderate);
    },
  })),
  ...[
    ['sbom/cdx-valid-minimal-viable-1.6.json', 'CycloneDX 1.6'],
    ['sbom/cdx-valid-minimal-viable-1.7.json', 'CycloneDX 1.7'],
    ['sbom/cdx-valid-metadata-timestamp-1.6.json', 'CycloneDX 1.6'],
    ['sbom/cdx-valid-bom-1.6.json', 'CycloneDX 1.6'],
    ['sbom/spdx-2.3-example11-sbom.spdx.json', 'SPDX-2.3'],
    ['sbom/spdx-3.0-example11-sbom.spdx3.json', 'SPDX 3.0.1'],
    ['trivy/conda-spdx.json.golden', 'SPDX-2.3'],
    ['trivy/fluentd-multiple-lockfiles.cdx.json.golden', 'CycloneDX 1.7'],
  ].map(([file, format]) => ({
    file: file as string,
    run() {
      const d = raw(file as string);
      const s = parseSbom(d, file as string);
      assert.equal(s.format, format);
      const components = d.components?.length ?? d.packages?.length ?? d['@graph']?.filter((e: J) => e.type === 'software_Package').length;
      assert.equal(s.components, components);
      if (d.metadata?.timestamp) assert.equal(s.timestamp, d.metadata.timestamp);
      if (d.metadata?.component) assert.equal(s.root, d.metadata.component.name);
    },
  })),
  {
    file: 'sbom/cdx-invalid-serialnumber-1.6.json',
    run() {
      assert.throws(() => parseSbom(raw('sbom/cdx-invalid-serialnumber-1.6.json'), 'bad.json'), /bad\.json: not a valid CycloneDX JSON SBOM: serialNumber/);
    },
  },
];

for (const c of CASES) test(`parses ${c.file}`, c.run);

test('SBOM roots: SPDX documentDescribes / DESCRIBES / SPDX 3 rootElement', () => {
  assert.equal(parseSbom(raw('sbom/spdx-2.3-example11-sbom.spdx.json'), 'x').root, 'hello-server-src');
  assert.equal(parseSbom(raw('trivy/conda-spdx.json.golden'), 'x').root, 'testdata/fixtures/repo/conda');
  assert.equal(parseSbom(raw('sbom/spdx-3.0-example11-sbom.spdx3.json'), 'x').root, 'hello-server');
  assert.throws(() => parseSbom({ ...raw('sbom/cdx-valid-minimal-viable-1.6.json'), specVersion: '1.3' }, 'old.json'), /unsupported CycloneDX specVersion/);
  assert.throws(() => parseSbom({ ...raw('sbom/spdx-2.3-example11-sbom.spdx.json'), spdxVersion: 'SPDX-2.1' }, 'old.json'), /unsupported spdxVersion/);
});

test('trivy ids before and after v0.69 map to the same gate rules', () => {
  const old = parse('trivy', 'trivy/helm.v0.68-checks-v1.json.golden').entries;
  const now = parse('trivy', 'trivy/helm.json.golden').entries;
  assert.deepEqual(
    old.map((e) => e.kind === 'misconfig' && canonicalId(e.id)),
    now.map((e) => e.kind === 'misconfig' && canonicalId(e.id)),
  );
  assert.equal(canonicalId('KSV001'), 'KSV-0001');
  assert.equal(canonicalId('AVD-KSV-0001'), 'KSV-0001');
  assert.equal(gateRuleFor('KSV001'), 'k8s/privilege-escalation');
  assert.equal(gateRuleFor('KSV-0012'), 'k8s/run-as-root');
  assert.equal(gateRuleFor('KSV-0014'), 'k8s/writable-root-fs');
  assert.equal(gateRuleFor('CKV_K8S_20'), 'k8s/privilege-escalation');
  assert.equal(gateRuleFor('CKV_K8S_40'), undefined);
  assert.equal(gateRuleFor('DS002'), 'image/runs-as-root');
  // trivy names container and workload in the message
  const e = now.find((x) => x.kind === 'misconfig' && x.id === 'KSV-0012');
  assert.ok(e?.kind === 'misconfig');
  assert.deepEqual(e.k8s, { kind: 'Deployment', name: 'nginx-deployment', container: 'nginx' });
});

test('trivy k8s layout (Resources[]) carries namespace/kind/name', () => {
  const d = raw('trivy/helm.json.golden');
  const k8s = { ClusterName: 'kind', Resources: [{ Namespace: 'mcp', Kind: 'Deployment', Name: 'nginx-deployment', Results: d.Results }] };
  const r = parseReportText('trivy', JSON.stringify(k8s), 'k8s.json');
  assert.equal(count(r.entries, 'misconfig'), trivyCounts(d).misconfig);
  const e = r.entries.find((x) => x.kind === 'misconfig' && x.id === 'KSV-0014');
  assert.ok(e?.kind === 'misconfig');
  assert.deepEqual(e.k8s, { kind: 'Deployment', namespace: 'mcp', name: 'nginx-deployment', container: 'nginx' });
});
