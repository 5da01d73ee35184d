// The reports check next to the gate's own checks: one finding when a
// scanner and the gate see the same problem (secret scanner, Dockerfile,
// Kubernetes via checkov SARIF and trivy k8s layout), plus format edge cases
// through the whole gate.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { dockerfileCheck } from '../checks/image/check.ts';
import { k8sWorkloadCheck } from '../checks/k8s/check.ts';
import { reportsCheck } from '../checks/reports/check.ts';
import { secretsScanCheck } from '../checks/secrets/check.ts';
import type { GateConfig } from '../src/config/schema.ts';
import { runGate } from '../src/gate/engine.ts';
import type { Check, Report } from '../src/types.ts';
import { tempRepo } from './temp-repo.ts';

const SHARED = join(import.meta.dirname, 'fixtures/shared/reports');
const OWN = join(import.meta.dirname, 'fixtures/reports');
function repo(files: Record<string, string>): string {
  return tempRepo('reports-int', files);
}
const sbom = readFileSync(join(SHARED, 'sbom/cdx-valid-minimal-viable-1.7.json'), 'utf8');
const run = (root: string, config: GateConfig, checks: Check[]): Promise<Report> => runGate({ root, config: { mode: 'enforce', ...config }, checks });
const rules = (r: Report, rule: string) => r.findings.filter((f) => f.ruleId === rule);

test('a leaked token found by gitleaks and by the gate\'s own scanner is one finding', async () => {
  // A token-shaped value made at run time, so no token-shaped string is committed.
  const token = `ghp_${createHash('sha256').update('mcp-gate reports test').digest('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 36)}`;
  const report = [{ RuleID: 'github-pat', File: 'app/config.env', StartLine: 2, Secret: token, Match: `GITHUB_TOKEN=${token}`, Commit: '' }];
  const root = repo({ 'app/config.env': `# app\nGITHUB_TOKEN=${token}\n`, 'reports/gitleaks.json': JSON.stringify(report), 'bom.json': sbom });
  const config: GateConfig = { secrets: { exclude: ['reports/**'] }, reports: { gitleaks: ['reports/gitleaks.json'] } };
  const own = rules(await run(root, config, [secretsScanCheck]), 'secret/exposed');
  const scanner = rules(await run(root, config, [reportsCheck]), 'secret/exposed');
  const both = rules(await run(root, config, [secretsScanCheck, reportsCheck]), 'secret/exposed');
  assert.equal(own.length, 1, 'the gate finds it');
  assert.equal(scanner.length, 1, 'gitleaks finds it');
  assert.equal(scanner[0]?.fingerprint, own[0]?.fingerprint);
  assert.equal(both.length, 1);
  assert.equal(both[0]?.location.file, 'app/config.env');
});

test('trivy DS-0002 and the gate\'s Dockerfile check: one image/runs-as-root', async () => {
  const root = repo({ Dockerfile: 'FROM node:24-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n', 'trivy.json': readFileSync(join(SHARED, 'trivy/dockerfile.json.golden'), 'utf8'), 'bom.json': sbom });
  const config: GateConfig = { reports: { trivy: ['trivy.json'] } };
  const own = rules(await run(root, config, [dockerfileCheck]), 'image/runs-as-root');
  const both = rules(await run(root, config, [dockerfileCheck, reportsCheck]), 'image/runs-as-root');
  const scanner = rules(await run(root, config, [reportsCheck]), 'image/runs-as-root');
  assert.equal(own.length, 1);
  assert.equal(scanner.length, 1);
  assert.equal(scanner[0]?.source, 'trivy');
  assert.equal(both.length, 1);
});

test('checkov SARIF: resource and container resolved from file and line in the repository', async () => {
  const deploy = readFileSync(join(OWN, 'deploy.yaml'), 'utf8');
  const line = deploy.split('\n').findIndex((l) => l.includes('- name: nginx')) + 1;
  const sarif = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Checkov', rules: [{ id: 'CKV_K8S_22', name: 'Use read-only filesystem for containers where possible', shortDescription: { text: 'Use read-only filesystem for containers where possible' } }] } },
        results: [
          { ruleId: 'CKV_K8S_22', level: 'error', message: { text: 'Use read-only filesystem' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'deploy.yaml' }, region: { startLine: 2, endLine: 23 } } }] },
          { ruleId: 'CKV_K8S_22', level: 'error', message: { text: 'Use read-only filesystem' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'deploy.yaml' }, region: { startLine: line } } }] },
        ],
      },
    ],
  };
  const root = repo({ 'deploy.yaml': deploy, 'checkov.sarif': JSON.stringify(sarif), 'bom.json': sbom });
  const config: GateConfig = { reports: { checkov: ['checkov.sarif'] } };
  const gate = rules(await run(root, config, [k8sWorkloadCheck]), 'k8s/writable-root-fs');
  const both = rules(await run(root, config, [k8sWorkloadCheck, reportsCheck]), 'k8s/writable-root-fs');
  const scanner = rules(await run(root, config, [reportsCheck]), 'k8s/writable-root-fs');
  assert.deepEqual(gate.map((f) => f.location.container), ['nginx']);
  assert.deepEqual(scanner.map((f) => [f.location.resource, f.location.container]), [['Deployment/default/nginx-deployment', 'nginx']]);
  assert.equal(both.length, 1);
});

test('trivy k8s layout: namespace from the report, pod-level rules without container', async () => {
  const k8s = {
    ClusterName: 'staging',
    Resources: [
      {
        Namespace: 'mcp',
        Kind: 'Deployment',
        Name: 'web',
        Results: [
          {
            Target: 'Deployment/web',
            Class: 'config',
            Misconfigurations: [
              { ID: 'KSV-0009', Title: 'Access to host network', Message: "Deployment 'web' should not set 'spec.template.spec.hostNetwork' to true", Severity: 'HIGH', Status: 'FAIL' },
              { ID: 'KSV-0012', Title: 'Runs as root user', Message: "Container 'app' of Deployment 'web' should set 'securityContext.runAsNonRoot' to true", Severity: 'MEDIUM', Status: 'FAIL' },
              { ID: 'KSV-0011', Title: 'CPU not limited', Message: "Container 'app' of Deployment 'web' should set 'resources.limits.cpu'", Severity: 'LOW', Status: 'PASS' },
            ],
          },
        ],
      },
    ],
  };
  const root = repo({ 'k8s.json': JSON.stringify(k8s), 'bom.json': sbom });
  const r = await run(root, { reports: { trivy: ['k8s.json'] } }, [reportsCheck]);
  assert.deepEqual(rules(r, 'k8s/host-namespaces').map((f) => [f.location.resource, f.location.container]), [['Deployment/mcp/web', undefined]]);
  assert.deepEqual(rules(r, 'k8s/run-as-root').map((f) => [f.location.resource, f.location.container]), [['Deployment/mcp/web', 'app']]);
  assert.equal(rules(r, 'scanner/misconfiguration').length, 0, 'PASS results are not findings');
});

test('generic SARIF: security-severity, else level; scanner id in the key', async () => {
  const sarif = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Semgrep OSS', rules: [{ id: 'js.eval', properties: { 'security-severity': '9.1' } }, { id: 'js.style', defaultConfiguration: { level: 'note' } }] } },
        results: [
          { ruleId: 'js.eval', message: { text: 'eval of user input' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.js' }, region: { startLine: 3 } } }] },
          { ruleId: 'js.style', message: { text: 'style' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.js' }, region: { startLine: 9 } } }] },
          { ruleId: 'js.other', level: 'warning', message: { text: 'other' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/b.js' } } }] },
        ],
      },
    ],
  };
  const root = repo({ 'semgrep.sarif': JSON.stringify(sarif), 'bom.json': sbom });
  const r = await run(root, { reports: { sarif: ['*.sarif'] } }, [reportsCheck]);
  const f = rules(r, 'scanner/misconfiguration');
  assert.deepEqual(
    f.map((x) => [x.location.file, x.location.line, x.severity]).sort(),
    [
      ['src/a.js', 3, 'block'],
      ['src/a.js', 9, 'warning'],
      ['src/b.js', 1, 'warning'],
    ],
  );
  assert.ok(f.every((x) => x.source === 'SemgrepOSS'));
});

test('format edge cases through the gate: npm audit v1, SARIF 2.0, a broken JSON line', async () => {
  const root = repo({
    'npm-v1.json': JSON.stringify({ actions: [], advisories: {}, metadata: { vulnerabilities: {} } }),
    'npm-v1b.json': JSON.stringify({ auditReportVersion: 1, vulnerabilities: {} }),
    'old.sarif': JSON.stringify({ version: '2.0.0', runs: [] }),
    'th.jsonl': `${readFileSync(join(SHARED, 'trufflehog/chaos-observatory-trufflehog-results.jsonl'), 'utf8').split('\n')[0]}\n{"SourceMetadata": \n`,
    'bom.json': sbom,
  });
  const r = await run(root, { reports: { npmAudit: ['npm-v1*.json'], sarif: ['old.sarif'], trufflehog: ['th.jsonl'] } }, [reportsCheck]);
  const failed = new Map(rules(r, 'gate/check-failed').map((f) => [f.location.file, f]));
  assert.match(failed.get('npm-v1.json')?.message ?? '', /not a valid npm audit JSON report: auditReportVersion/);
  assert.match(failed.get('npm-v1b.json')?.message ?? '', /unsupported auditReportVersion \(supported: 2, npm >= 7\)/);
  assert.match(failed.get('old.sarif')?.message ?? '', /unsupported SARIF version \(supported: 2\.1\.0\)/);
  assert.match(failed.get('th.jsonl')?.message ?? '', /^th\.jsonl:2: invalid JSON line: unexpected end of input/);
  assert.equal(failed.get('th.jsonl')?.location.line, 2);
});
