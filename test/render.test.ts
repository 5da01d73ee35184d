// Helm charts and kustomize overlays are judged as they will be applied, with
// the real helm (.ci/setup.d/helm.sh puts it on PATH) and kubectl kustomize.
// Fixtures: test/fixtures/render (a chart and an overlay written for these
// tests, the MIT-licensed chart of Flux159/mcp-server-kubernetes, and an
// Apache-2.0 chainsaw e2e scenario of stacklok/toolhive and grafana-mcp chart
// of kagent-dev/kagent).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runGate } from '../src/gate/engine.ts';
import type { Finding, Report } from '../src/types.ts';
import { alignLines } from '../src/workspace/render/line-align.ts';
import { planRendering } from '../src/workspace/render/plan.ts';
import { REPO } from './cli-run.ts';

const FIXTURES = join(REPO, 'test/fixtures/render');
const ENV = { PATH: process.env.PATH };

function repoWith(...fixtures: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'render-'));
  for (const f of fixtures) cpSync(join(FIXTURES, f), join(dir, f), { recursive: true });
  return dir;
}

const k8sDetail = (r: Report): string => r.checks.find((c) => c.id === 'k8s')?.detail ?? '';
const k8sFindings = (r: Report): Finding[] => r.findings.filter((f) => /^(k8s|netpol)\//.test(f.ruleId));
const identity = (f: Finding): string => `${f.ruleId} ${f.location.resource} ${f.location.container ?? ''}`;

test('helm and kubectl are on PATH (the render tests need the real tools)', () => {
  assert.match(execFileSync('helm', ['version', '--short'], { encoding: 'utf8' }), /^v[34]\./);
  assert.match(execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8' }), /Kustomize Version/);
});

test('a chart with no config is rendered with its defaults; findings name the template and its line; test hooks are counted, not audited', async () => {
  const report = await runGate({ root: repoWith('chart-small'), env: ENV });
  assert.equal(report.findings.filter((f) => f.ruleId === 'gate/check-failed').length, 0, JSON.stringify(report.findings.filter((f) => f.ruleId === 'gate/check-failed')));
  const found = k8sFindings(report);
  assert.ok(found.length > 0);
  assert.ok(found.every((f) => f.location.file === 'chart-small/templates/deployment.yaml'), found.map((f) => f.location.file).join());
  assert.ok(found.every((f) => f.location.resource === 'Deployment/default/release-files-mcp'));
  // The hardened defaults pass every container rule; the privileged test pod is a helm test hook.
  assert.equal(found.filter((f) => f.ruleId === 'k8s/privileged').length, 0);
  assert.match(k8sDetail(report), /1 helm test hook object\(s\) \(helm\.sh\/hook: test\) not audited/);
  assert.match(k8sDetail(report), /chart chart-small: rendered with helm template \(release release, namespace default, default values\)/);
  // No template is read as plain YAML (it would not parse): nothing "invalid YAML".
  assert.doesNotMatch(JSON.stringify(report.findings), /invalid YAML/);
});

test('kubernetes.helm: values files and set apply as helm applies them; the finding points at the template line', async () => {
  const root = repoWith('chart-small');
  writeFileSync(
    join(root, '.mcp-gate.yml'),
    'kubernetes:\n  helm:\n    - chart: chart-small\n      release: files\n      namespace: mcp\n      values: [chart-small/values-debug.yaml]\n      set: {image: {tag: latest}}\n',
  );
  const report = await runGate({ root, env: ENV });
  const privileged = report.findings.find((f) => f.ruleId === 'k8s/privileged');
  assert.equal(privileged?.location.resource, 'Deployment/mcp/files-files-mcp');
  assert.equal(privileged?.location.file, 'chart-small/templates/deployment.yaml');
  assert.equal(privileged?.location.line, 24, 'the line of the container\'s securityContext in the template');
});

test('a chart that fails to render is one gate/check-failed with helm\'s message; the rest of the report still appears', async () => {
  const root = repoWith('chart-small', 'kustomize-demo');
  writeFileSync(join(root, 'chart-small/templates/broken.yaml'), 'kind: {{ .Values.missing.deeper }\n');
  const report = await runGate({ root, env: ENV });
  const failed = report.findings.filter((f) => f.ruleId === 'gate/check-failed');
  assert.equal(failed.length, 1);
  assert.equal(failed[0]?.location.file, 'chart-small/Chart.yaml');
  assert.match(failed[0]?.message ?? '', /helm chart chart-small: helm template failed: .*broken\.yaml/);
  assert.ok(report.findings.some((f) => f.location.file?.startsWith('kustomize-demo/')), 'the overlay is still judged');
});

test('chart dependencies not vendored in charts/ are one gate/check-failed naming them and `helm dependency build`; vendored ones render', async () => {
  const root = repoWith('chart-small');
  const deps = 'dependencies:\n- name: common\n  version: 2.x\n  repository: https://charts.example.invalid\n- name: lib\n  version: 0.1.0\n  repository: file://../lib\n';
  writeFileSync(join(root, 'chart-small/Chart.yaml'), `apiVersion: v2\nname: files-mcp\nversion: 0.1.0\n${deps}`);
  const failed = (await runGate({ root, env: ENV })).findings.filter((f) => f.ruleId === 'gate/check-failed');
  assert.equal(failed.length, 1, JSON.stringify(failed));
  assert.equal(failed[0]?.message, 'chart-small/Chart.yaml: helm chart chart-small: not rendered: dependencies not vendored in chart-small/charts/: common (https://charts.example.invalid), lib (file://../lib); run `helm dependency build chart-small` in a step before the gate (the gate never reaches the network)');
  for (const name of ['common', 'lib']) {
    mkdirSync(join(root, `chart-small/charts/${name}/templates`), { recursive: true });
    writeFileSync(join(root, `chart-small/charts/${name}/Chart.yaml`), `apiVersion: v2\nname: ${name}\nversion: ${name === 'lib' ? '0.1.0' : '2.0.0'}\n`);
  }
  assert.deepEqual((await runGate({ root, env: ENV })).findings.filter((f) => f.ruleId === 'gate/check-failed'), []);
});

test('bad render inputs: values that are not YAML, a values file outside the repository, helm missing from PATH', async () => {
  const cases: Array<[string, (root: string) => void, Record<string, string | undefined>, RegExp]> = [
    ['values not YAML', (root) => writeFileSync(join(root, 'bad.yaml'), 'a: [unclosed\n'), ENV, /helm template failed/],
    ['values outside', () => undefined, ENV, /values file \/etc\/hostname is outside the repository/],
    ['no helm', () => undefined, { PATH: '/nonexistent' }, /helm is not on PATH/],
  ];
  for (const [name, prepare, env, message] of cases) {
    const root = repoWith('chart-small');
    prepare(root);
    const values = name === 'values not YAML' ? 'bad.yaml' : '/etc/hostname';
    if (name !== 'no helm') writeFileSync(join(root, '.mcp-gate.yml'), `kubernetes:\n  helm:\n    - chart: chart-small\n      values: [${values}]\n`);
    const report = await runGate({ root, env });
    const failed = report.findings.filter((f) => f.ruleId === 'gate/check-failed');
    assert.equal(failed.length, 1, `${name}: ${JSON.stringify(failed.map((f) => f.message))}`);
    assert.match(failed[0]?.message ?? '', message, name);
    assert.equal(failed[0]?.blocking || report.mode === 'warn', true);
  }
});

test('a chart holding a link out of the repository is not rendered', async () => {
  const root = repoWith('chart-small');
  symlinkSync('/etc/passwd', join(root, 'chart-small/templates/passwd.yaml'));
  const report = await runGate({ root, env: ENV });
  assert.ok(report.findings.some((f) => f.ruleId === 'gate/check-failed' && /link that leaves the repository/.test(f.message)));
  assert.doesNotMatch(JSON.stringify(report), /root:x:0:0/);
});

test('an overlay is built as it deploys: patches apply, $patch: delete removes, a stray patch and an unused component count for nothing', async () => {
  const report = await runGate({ root: repoWith('kustomize-demo'), env: ENV });
  assert.equal(report.findings.filter((f) => f.ruleId === 'gate/check-failed').length, 0, JSON.stringify(report.findings.filter((f) => f.ruleId === 'gate/check-failed')));
  const resources = new Set(k8sFindings(report).map((f) => f.location.resource));
  assert.deepEqual([...resources], ['Deployment/mcp-prod/search-mcp'], 'no legacy-sidecar (deleted), no phantom from the stray patch, no base built on its own');
  assert.ok(report.findings.some((f) => f.ruleId === 'k8s/host-namespaces'), 'the overlay\'s patch (hostNetwork) applies');
  assert.ok(report.findings.some((f) => f.ruleId === 'netpol/missing'), 'the unused network-policies component is not credited');
  const hostNetwork = report.findings.find((f) => f.ruleId === 'k8s/host-namespaces');
  assert.equal(hostNetwork?.location.file, 'kustomize-demo/base/deployment.yaml');
  assert.match(k8sDetail(report), /component kustomize-demo\/components\/network-policies: used by no overlay that is built, so not counted/);
});

test('an overlay that uses the component gets its NetworkPolicy', async () => {
  const root = repoWith('kustomize-demo');
  writeFileSync(join(root, 'kustomize-demo/overlays/prod/kustomization.yaml'), 'namespace: mcp-prod\nresources: [../../base]\ncomponents: [../../components/network-policies]\n');
  const report = await runGate({ root, env: ENV });
  assert.equal(report.findings.some((f) => f.ruleId === 'netpol/missing'), false);
});

test('a remote base is not fetched: one gate/check-failed, the overlay not built', async () => {
  const root = repoWith('kustomize-demo');
  writeFileSync(join(root, 'kustomize-demo/overlays/prod/kustomization.yaml'), 'resources:\n  - ../../base\n  - https://github.com/example/manifests//deploy?ref=v1\n');
  const report = await runGate({ root, env: ENV });
  const failed = report.findings.filter((f) => f.ruleId === 'gate/check-failed');
  assert.equal(failed.length, 1);
  assert.match(failed[0]?.message ?? '', /remote resources the gate does not fetch/);
  assert.equal(failed[0]?.location.file, 'kustomize-demo/overlays/prod/kustomization.yaml');
});

test('no config on a chart and an overlay gives the same findings as rendering them by hand and checking the output', async () => {
  const root = repoWith('chart-small', 'kustomize-demo');
  const automatic = k8sFindings(await runGate({ root, env: ENV })).map(identity).sort();
  const byHand = mkdtempSync(join(tmpdir(), 'render-by-hand-'));
  mkdirSync(join(byHand, 'rendered'));
  writeFileSync(join(byHand, 'rendered/chart.yaml'), execFileSync('helm', ['template', 'release', join(root, 'chart-small')], { encoding: 'utf8' }));
  writeFileSync(join(byHand, 'rendered/overlay.yaml'), execFileSync('kubectl', ['kustomize', join(root, 'kustomize-demo/overlays/prod')], { encoding: 'utf8' }));
  const manual = await runGate({ root: byHand, env: ENV });
  // By hand the test hook pod is in the output: helm template renders hooks. Drop it as the gate does.
  const expected = k8sFindings(manual)
    .filter((f) => !f.location.resource?.endsWith('-test'))
    .map(identity)
    .sort();
  assert.ok(automatic.length >= 5);
  assert.deepEqual(automatic, expected);
});

test('a real MCP chart (Flux159/mcp-server-kubernetes) renders without gate/check-failed; its two test pods are not audited', async () => {
  const report = await runGate({ root: repoWith('mcp-server-kubernetes'), env: ENV });
  assert.deepEqual(report.findings.filter((f) => f.ruleId === 'gate/check-failed'), []);
  assert.match(k8sDetail(report), /2 helm test hook object\(s\)/);
  const deployment = k8sFindings(report).filter((f) => f.location.resource === 'Deployment/default/release-mcp-server-kubernetes');
  assert.ok(deployment.some((f) => f.ruleId === 'k8s/no-seccomp'));
  assert.ok(deployment.every((f) => f.location.file === 'mcp-server-kubernetes/helm-chart/templates/deployment.yaml'));
});

test('planRendering: a kustomization\'s own files and included files are owned; roots are those nothing includes', () => {
  const files = ['app/Chart.yaml', 'app/templates/d.yaml', 'app/charts/sub/Chart.yaml', 'k/base/kustomization.yaml', 'k/base/d.yaml', 'k/over/kustomization.yaml', 'k/over/p.yaml', 'k/extra/x.yaml', 'plain.yaml'];
  const texts: Record<string, string> = {
    'app/Chart.yaml': 'name: app\n',
    'k/base/kustomization.yaml': 'resources: [d.yaml]\n',
    'k/over/kustomization.yaml': 'resources: [../base, ../extra/x.yaml]\npatches: [{path: p.yaml}]\n',
  };
  const plan = planRendering(files, {}, (f) => texts[f] ?? '');
  assert.deepEqual(plan.charts.map((c) => c.chart), ['app']);
  assert.deepEqual(plan.kustomizations, ['k/over']);
  assert.deepEqual([...plan.owned].sort(), ['app/Chart.yaml', 'app/charts/sub/Chart.yaml', 'app/templates/d.yaml', 'k/base/d.yaml', 'k/base/kustomization.yaml', 'k/extra/x.yaml', 'k/over/kustomization.yaml', 'k/over/p.yaml']);
});

test('chainsaw assert/error files are test assertions, not manifests; a file the test also applies is still judged (stacklok/toolhive e2e)', async () => {
  const report = await runGate({ root: repoWith('chainsaw-toolhive'), env: ENV });
  assert.deepEqual(report.findings.filter((f) => f.ruleId === 'gate/check-failed'), []);
  assert.match(k8sDetail(report), /8 chainsaw test assertion file\(s\)/);
  // mcpserver.yaml is applied and asserted: the MCPServer is evaluated.
  assert.ok(k8sFindings(report).some((f) => f.location.file === 'chainsaw-toolhive/test-scenarios/sse/mcpserver.yaml'));
  assert.ok(!k8sFindings(report).some((f) => /assert-/.test(f.location.file ?? '')));
});

test('a chart whose Chart.yaml a build step generates (kagent-dev/kagent) is one gate/check-failed saying so, not one per template', async () => {
  const report = await runGate({ root: repoWith('chart-generated-kagent'), env: ENV });
  const failed = report.findings.filter((f) => f.ruleId === 'gate/check-failed');
  assert.equal(failed.length, 1, JSON.stringify(failed));
  assert.equal(failed[0]?.location.file, 'chart-generated-kagent/grafana-mcp/values.yaml');
  assert.match(failed[0]?.message ?? '', /helm chart chart-generated-kagent\/grafana-mcp: not rendered: no Chart\.yaml \(Chart-template\.yaml is there/);
  assert.doesNotMatch(JSON.stringify(report.findings), /invalid YAML/);
});

test('alignLines maps rendered lines to template lines, templated values by their key', () => {
  const template = 'a: 1\nspec:\n  name: {{ .Values.name }}\n  {{- toYaml .Values.x | nindent 2 }}\n';
  const rendered = 'a: 1\nspec:\n  name: files\n  privileged: true\n';
  assert.deepEqual(alignLines(rendered, template), [1, 1, 2, 3, 3, 3]);
});

test('a rendered Secret holding a default credential from the chart\'s values is secret/exposed naming the values file; a real value passes', async () => {
  const root = repoWith('chart-small');
  const report = await runGate({ root, env: ENV });
  const defaults = (r: Report) => r.findings.filter((f) => f.ruleId === 'secret/exposed' && /default credential/.test(f.message));
  const exposed = defaults(report);
  assert.equal(exposed.length, 1);
  assert.deepEqual(exposed[0]?.location, { file: 'chart-small/values.yaml', line: 15, resource: 'Secret/default/release-files-mcp-auth' });
  assert.match(exposed[0]?.message ?? '', /stringData\.admin-password holds the default credential "changeme"/);
  // A values file that sets another password: no default credential (the committed value itself is the secret scan's finding).
  writeFileSync(join(root, 'prod.yaml'), `auth:\n  adminPassword: "${['k7Qz2vXp', '9LmR4tWb'].join('')}"\n`);
  writeFileSync(join(root, '.mcp-gate.yml'), 'kubernetes:\n  helm:\n    - chart: chart-small\n      values: [prod.yaml]\n');
  assert.equal(defaults(await runGate({ root, env: ENV })).length, 0);
});

test('a plain Secret manifest whose data decodes to a default password is secret/exposed at its key', async () => {
  const root = mkdtempSync(join(tmpdir(), 'render-secret-'));
  writeFileSync(join(root, 'secret.yaml'), `apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: mcp}\ndata:\n  user: ${Buffer.from('mcp').toString('base64')}\n  password: ${Buffer.from('password').toString('base64')}\n`);
  const report = await runGate({ root, env: ENV });
  const exposed = report.findings.filter((f) => f.ruleId === 'secret/exposed' && /default credential "password"/.test(f.message));
  assert.deepEqual(exposed.map((f) => f.location), [{ file: 'secret.yaml', line: 6, resource: 'Secret/mcp/db' }]);
});

test('JSON manifests are read where kubernetes.paths names them; otherwise the detail says they were not read', async () => {
  const root = mkdtempSync(join(tmpdir(), 'render-json-'));
  mkdirSync(join(root, 'deploy'));
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'json-pod' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', securityContext: { privileged: true } }] } };
  writeFileSync(join(root, 'deploy/pod.json'), JSON.stringify(pod, null, 2));
  writeFileSync(join(root, 'package.json'), '{"name": "x", "kind": "module", "apiVersion": 1}');
  const unread = await runGate({ root, env: ENV });
  assert.equal(unread.findings.some((f) => f.ruleId === 'k8s/privileged'), false);
  assert.match(k8sDetail(unread), /1 JSON file\(s\) look like Kubernetes manifests but are not read \(deploy\/pod\.json\): name them in kubernetes\.paths/);
  writeFileSync(join(root, '.mcp-gate.yml'), 'kubernetes:\n  paths: ["deploy/**/*.json"]\n');
  const read = await runGate({ root, env: ENV });
  assert.deepEqual(read.findings.filter((f) => f.ruleId === 'k8s/privileged').map((f) => f.location.file), ['deploy/pod.json']);
});

test('a NetworkPolicy only another overlay deploys protects nothing: overlays are judged as the separate deployments they are', async () => {
  const root = repoWith('kustomize-demo');
  // A test overlay in the same namespace that adds the network-policies component (microservices-demo's kustomize/tests).
  mkdirSync(join(root, 'kustomize-demo/overlays/tests'), { recursive: true });
  writeFileSync(join(root, 'kustomize-demo/overlays/prod/kustomization.yaml'), 'namespace: mcp-prod\nresources: [../../base]\npatches: [{path: drop-legacy.yaml}]\n');
  writeFileSync(join(root, 'kustomize-demo/overlays/tests/kustomization.yaml'), 'namespace: mcp-prod\nnameSuffix: -test\nresources: [../../base]\ncomponents: [../../components/network-policies]\n');
  const report = await runGate({ root, env: ENV });
  const missing = (resource: string) => report.findings.some((f) => f.ruleId === 'netpol/missing' && f.location.resource === resource);
  assert.equal(missing('Deployment/mcp-prod/search-mcp'), true, 'the prod overlay deploys no NetworkPolicy');
  assert.equal(missing('Deployment/mcp-prod/search-mcp-test'), false, 'the test overlay deploys its own');
});

test('vendor/, third_party/ and .github/ are not read as manifests unless kubernetes.paths names them', async () => {
  const root = mkdtempSync(join(tmpdir(), 'render-skip-'));
  const privileged = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: x, securityContext: {privileged: true}}\n';
  for (const dir of ['vendor/lib', 'third_party/x', '.github/workflows']) {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, 'm.yaml'), privileged);
  }
  // toolhive's workflows close a flow sequence at the key's indentation, which GitHub accepts: never judged as a manifest.
  writeFileSync(join(root, '.github/workflows/ci.yml'), 'jobs:\n  a:\n    with:\n      args: [\n        one,\n      ]\n');
  const report = await runGate({ root, env: ENV });
  assert.equal(report.findings.filter((f) => f.ruleId === 'k8s/privileged' || f.ruleId === 'gate/check-failed').length, 0);
  assert.match(k8sDetail(report), /4 YAML file\(s\) not read as manifests \(vendor\/, third_party\/ and \.github\/ are skipped unless kubernetes\.paths names them\)/);
  writeFileSync(join(root, '.mcp-gate.yml'), 'kubernetes:\n  paths: ["vendor/**"]\n');
  assert.deepEqual((await runGate({ root, env: ENV })).findings.filter((f) => f.ruleId === 'k8s/privileged').map((f) => f.location.file), ['vendor/lib/m.yaml']);
});
