// Live verification against a staging cluster. No Kubernetes API server can
// run on these machines, so this test serves RECORDED API RESPONSES
// (test/fixtures/netpol/live/*.json) from a local HTTPS stand-in on
// 127.0.0.1 with a self-signed certificate made by openssl here. Everything
// is time-boxed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { netpolLiveCheck } from '../checks/netpol/live-check.ts';
import { netpolCheck } from '../checks/netpol/check.ts';
import type { GateConfig } from '../src/config/schema.ts';
import { runGate } from '../src/gate/engine.ts';
import type { Report } from '../src/types.ts';

const LIVE = 'test/fixtures/netpol/live';
const TOKEN = 'sk-staging-5e1f0c9a7b3d48e2a6f1c0d9e8b7a6f5'; // mcp-gate:allow (test credential of a local server)

let dir: string;
let cert: string;
let key: string;
let server: Server;
let port: number;
let policiesFile = 'networkpolicies-deployed.json';
const requests: string[] = [];

function kubeconfig(serverUrl: string, token = TOKEN, ca = cert): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: staging',
    '    cluster:',
    `      server: ${serverUrl}`,
    `      certificate-authority-data: ${Buffer.from(ca).toString('base64')}`,
    'users:',
    '  - name: gate',
    '    user:',
    `      token: ${token}`,
    'contexts:',
    '  - name: staging',
    '    context: {cluster: staging, user: gate, namespace: mcp}',
    'current-context: staging',
    '',
  ].join('\n');
}

function config(timeoutMs?: number): GateConfig {
  return { probes: { cluster: { kubeconfigEnv: 'KUBECONFIG_DATA', namespace: 'mcp' }, ...(timeoutMs ? { timeoutMs } : {}) } };
}

async function gate(env: Record<string, string | undefined>, cfg: GateConfig = config()): Promise<Report> {
  return runGate({ root: 'examples/hardened', checks: [netpolCheck, netpolLiveCheck], config: cfg, configFile: '.mcp-gate.yml', env });
}

function assertNoSecret(report: Report, secret = TOKEN): void {
  assert.ok(!JSON.stringify(report).includes(secret), 'a credential leaked into the report');
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'netpol-live-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    { stdio: 'ignore', timeout: 20_000 },
  );
  cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  key = readFileSync(join(dir, 'key.pem'), 'utf8');
  server = createServer({ cert, key }, (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 }));
      return;
    }
    const path = (req.url ?? '').split('?')[0];
    const file =
      path === '/apis/networking.k8s.io/v1/namespaces/mcp/networkpolicies' ? policiesFile : path === '/api/v1/namespaces/mcp/pods' ? 'pods.json' : undefined;
    if (!file) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404 }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(readFileSync(join(LIVE, file)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as { port: number }).port;
});

after(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('netpol-live against the recorded-response stand-in', () => {
  it('skips when probes.cluster is not configured (and never loads the client)', async () => {
    const report = await runGate({ root: 'examples/hardened', checks: [netpolLiveCheck], config: {} });
    assert.deepEqual(report.findings, []);
    assert.equal(report.checks[0]?.status, 'skipped');
  });

  it('policies deployed as in the repository (other order and spelling): no finding', async () => {
    policiesFile = 'networkpolicies-deployed.json';
    requests.length = 0;
    const report = await gate({ KUBECONFIG_DATA: kubeconfig(`https://127.0.0.1:${port}`) });
    assert.deepEqual(report.findings, []);
    const live = report.checks.find((c) => c.id === 'netpol-live');
    assert.equal(live?.status, 'ran');
    assert.match(live?.detail ?? '', /mcp: 4 live NetworkPolicies, 2 live workloads; 4 repository policies compared/);
    assert.deepEqual(requests.map((r) => r.split('?')[0]).sort(), [
      'GET /api/v1/namespaces/mcp/pods',
      'GET /apis/networking.k8s.io/v1/namespaces/mcp/networkpolicies',
    ]);
  });

  it('drift: missing and changed policies are not-deployed, live holes are reported', async () => {
    policiesFile = 'networkpolicies-drifted.json';
    const report = await gate({ KUBECONFIG_DATA: kubeconfig(`https://127.0.0.1:${port}`) });
    policiesFile = 'networkpolicies-deployed.json';
    const got = report.findings.map((f) => `${f.ruleId} ${f.location.resource}`).sort();
    assert.deepEqual(got, [
      'netpol/egress-unrestricted StatefulSet/mcp/mcp-db',
      'netpol/ingress-unrestricted Deployment/mcp/mcp-filesystem',
      'netpol/ingress-unrestricted StatefulSet/mcp/mcp-db',
      'netpol/metadata-reachable StatefulSet/mcp/mcp-db',
      'netpol/not-deployed NetworkPolicy/mcp/allow-dns',
      'netpol/not-deployed NetworkPolicy/mcp/mcp-db',
    ]);
    const byKey = (rule: string, res: string) => report.findings.find((f) => f.ruleId === rule && f.location.resource === res);
    const missing = byKey('netpol/not-deployed', 'NetworkPolicy/mcp/allow-dns');
    assert.match(missing?.message ?? '', /deploy\/network-policies\.yaml:\d+\) is not in the staging cluster/);
    assert.equal(missing?.location.file, 'deploy/network-policies.yaml');
    assert.match(byKey('netpol/not-deployed', 'NetworkPolicy/mcp/mcp-db')?.message ?? '', /differs in the staging cluster: egress rules$/);
    const leak = byKey('netpol/ingress-unrestricted', 'Deployment/mcp/mcp-filesystem');
    assert.match(leak?.message ?? '', /live pod mcp-filesystem-6b8f9d7c4-\w+ in the cluster.*NetworkPolicy mcp\/debug-allow-all ingress\[0\] \(live cluster\) has no "from"/);
    assert.match(byKey('netpol/metadata-reachable', 'StatefulSet/mcp/mcp-db')?.message ?? '', /mcp\/mcp-db egress\[0\] \(live cluster\).*169\.254\.169\.254/);
    assertNoSecret(report);
  });

  it('rejected credentials: gate/check-failed naming HTTP 401, token not printed', async () => {
    const report = await gate({ KUBECONFIG_DATA: kubeconfig(`https://127.0.0.1:${port}`, 'wrong-token-0123456789abcdef') });
    const f = report.findings.filter((x) => x.ruleId === 'gate/check-failed');
    assert.equal(f.length, 1);
    assert.match(f[0]?.message ?? '', /HTTP 401 \(credentials rejected\)/);
    assert.equal(f[0]?.location.file, '.mcp-gate.yml');
    assertNoSecret(report, 'wrong-token-0123456789abcdef');
  });

  it('untrusted server certificate: gate/check-failed', async () => {
    const other = mkdtempSync(join(tmpdir(), 'netpol-ca-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=other',
        '-keyout', join(other, 'k.pem'), '-out', join(other, 'c.pem')], { stdio: 'ignore', timeout: 20_000 });
      const report = await gate({ KUBECONFIG_DATA: kubeconfig(`https://127.0.0.1:${port}`, TOKEN, readFileSync(join(other, 'c.pem'), 'utf8')) });
      const f = report.findings.filter((x) => x.ruleId === 'gate/check-failed');
      assert.equal(f.length, 1);
      assert.match(f[0]?.message ?? '', /cannot list objects/);
      assertNoSecret(report);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('unreachable cluster (closed port): gate/check-failed well within the timeout', async () => {
    const closed = createTcpServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise<void>((ok) => closed.close(() => ok()));
    const start = performance.now();
    const report = await gate({ KUBECONFIG_DATA: kubeconfig(`https://127.0.0.1:${closedPort}`) }, config(5000));
    const ms = performance.now() - start;
    const f = report.findings.filter((x) => x.ruleId === 'gate/check-failed');
    assert.equal(f.length, 1);
    assert.match(f[0]?.message ?? '', /ECONNREFUSED/);
    assert.ok(ms < 5000, `took ${ms} ms`);
    assertNoSecret(report);
  });

  it('a server that accepts but never answers: gate/check-failed at probes.timeoutMs', async () => {
    const sockets: Socket[] = [];
    const silent: TcpServer = createTcpServer((s) => sockets.push(s));
    await new Promise<void>((ok) => silent.listen(0, '127.0.0.1', ok));
    try {
      const start = performance.now();
      const report = await gate({ KUBECONFIG_DATA: kubeconfig(`https://127.0.0.1:${(silent.address() as { port: number }).port}`) }, config(700));
      const ms = performance.now() - start;
      const f = report.findings.filter((x) => x.ruleId === 'gate/check-failed');
      assert.equal(f.length, 1);
      assert.match(f[0]?.message ?? '', /no answer from the cluster within 700 ms/);
      assert.ok(ms >= 650 && ms < 10_000, `took ${ms} ms`);
      assertNoSecret(report);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it('bad kubeconfig: gate/check-failed, its content never printed', async () => {
    const bad = `clusters: [{name: x, cluster: {server: https://127.0.0.1:1}}\nusers: [{name: u, user: {token: ${TOKEN}}}]\n  - :: {`;
    const report = await gate({ KUBECONFIG_DATA: bad });
    const f = report.findings.filter((x) => x.ruleId === 'gate/check-failed');
    assert.equal(f.length, 1);
    assert.match(f[0]?.message ?? '', /kubeconfig/);
    assertNoSecret(report);
    const noContext = await gate({ KUBECONFIG_DATA: `apiVersion: v1\nkind: Config\nusers: [{name: u, user: {token: ${TOKEN}}}]\n` });
    assert.match(noContext.findings.find((x) => x.ruleId === 'gate/check-failed')?.message ?? '', /no current context/);
    assertNoSecret(noContext);
  });

  it('kubeconfig env var unset: gate/check-failed naming the variable, not a skip', async () => {
    const report = await gate({});
    const f = report.findings.filter((x) => x.ruleId === 'gate/check-failed');
    assert.equal(f.length, 1);
    assert.match(f[0]?.message ?? '', /KUBECONFIG_DATA.*unset or empty/);
    assert.equal(report.checks.find((c) => c.id === 'netpol-live')?.status, 'failed');
  });
});
