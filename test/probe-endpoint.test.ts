// The endpoint probe against real servers on 127.0.0.1: Node https servers
// per TLS case (certificates made with openssl here), and an MCP server built
// with @modelcontextprotocol/sdk (streamable HTTP) with and without the SDK's
// bearer-auth middleware and RFC 9728 metadata router.
import assert from 'node:assert/strict';
import type http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { endpointProbeCheck } from '../checks/probes/endpoint-check.ts';
import { siemProbeCheck } from '../checks/probes/siem-check.ts';
import { runGate } from '../src/gate/engine.ts';
import { probeEndpoint } from '../checks/probes/endpoint-probe.ts';
import type { CheckResult, RawFinding } from '../src/types.ts';
import {
  closedPort,
  GOOD_TOKEN,
  makeCtx,
  makePki,
  type Pki,
  removeDir,
  startGarbage,
  startHttp,
  startHttps,
  startMcpServer,
  startSilent,
  tempDir,
  writeRepoFile,
} from './probe-support.ts';

let dir: string;
let pki: Pki;

before(async () => {
  dir = tempDir('endpoint');
  pki = await makePki(dir);
});
after(() => removeDir(dir));

const rules = (r: CheckResult) => r.findings.map((f) => f.ruleId).sort();
const byRule = (r: CheckResult, rule: string): RawFinding[] => r.findings.filter((f) => f.ruleId === rule);

async function probe(url: string, opts: { token?: string; caFile?: string | null; root?: string; timeoutMs?: number; plainPort?: number | null; version?: '2025-11-25' | '2026-07-28' } = {}) {
  const env = opts.token ? { MCP_TOKEN: opts.token } : {};
  const ctx = makeCtx(opts.root ?? dir, { probes: { timeoutMs: opts.timeoutMs ?? 5000 } }, env);
  return probeEndpoint(
    ctx,
    {
      url,
      ...(opts.caFile === null ? {} : { caFile: opts.caFile ?? pki.caFile }),
      ...(opts.token ? { tokenEnv: 'MCP_TOKEN' } : {}),
      ...(opts.version ? { protocolVersion: opts.version } : {}),
    },
    { plainPort: opts.plainPort === undefined ? null : opts.plainPort },
  );
}

describe('hardened endpoint', () => {
  test('TLS 1.3 only, valid certificate, SDK bearer auth and RFC 9728 metadata: no findings', async () => {
    const leaf = pki.leaf('valid');
    const srv = await startMcpServer({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, { auth: true });
    try {
      const r = await probe(srv.url, { token: GOOD_TOKEN, plainPort: await closedPort() });
      assert.deepEqual(r.findings, []);
      assert.match(r.detail ?? '', /TLS versions accepted: TLSv1\.3;/);
      assert.match(r.detail ?? '', /authenticated initialize succeeded/);
      assert.match(r.detail ?? '', /protected-resource metadata advertised at https:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource\/mcp/);
      assert.ok(!(r.detail ?? '').includes(GOOD_TOKEN));
    } finally {
      await srv.close();
    }
  });

  test('2026-07-28: server/discover without credentials is refused by the SDK middleware', async () => {
    const leaf = pki.leaf('valid');
    const srv = await startMcpServer({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, { auth: true });
    try {
      const r = await probe(srv.url, { version: '2026-07-28' });
      assert.deepEqual(rules(r), []);
      assert.match(r.detail ?? '', /MCP 2026-07-28/);
    } finally {
      await srv.close();
    }
  });
});

describe('TLS', () => {
  test('TLS 1.2 accepted -> tls/weak-protocol naming the version', async () => {
    const leaf = pki.leaf('valid');
    const srv = await startMcpServer({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.2' }, { auth: true });
    try {
      const r = await probe(srv.url);
      assert.deepEqual(rules(r), ['tls/weak-protocol']);
      assert.match(byRule(r, 'tls/weak-protocol')[0]?.message ?? '', /accepts TLSv1\.2 \(only TLSv1\.3/);
    } finally {
      await srv.close();
    }
  });

  test('TLS 1.0 and 1.1 are detected (client uses DEFAULT@SECLEVEL=0)', async () => {
    const leaf = pki.leaf('valid');
    const srv = await startHttps({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' }, (_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
    });
    try {
      const r = await probe(`${srv.url}/mcp`);
      const weak = byRule(r, 'tls/weak-protocol');
      assert.equal(weak.length, 1);
      assert.match(weak[0]?.message ?? '', /accepts TLSv1, TLSv1\.1, TLSv1\.2 /);
    } finally {
      await srv.close();
    }
  });

  test('certificate expiring in 5 days -> tls/cert-expiring; a cert-manager Certificate with renewBefore clears it', async () => {
    const leaf = pki.leaf('expiring');
    const srv = await startMcpServer({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, { auth: true });
    const repo = tempDir('certmgr');
    try {
      // caFile must be inside the repository under review.
      writeRepoFile(repo, 'ca.pem', pki.ca.toString());
      const r = await probe(srv.url, { root: repo, caFile: 'ca.pem' });
      assert.deepEqual(rules(r), ['tls/cert-expiring']);
      assert.match(r.findings[0]?.message ?? '', /expires on .* \(\d\.\d days\) and no cert-manager Certificate/);

      // Without renewBefore the Certificate does not count; with it, it does.
      const cert = (renew: string) =>
        `apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: mcp-tls, namespace: mcp}\nspec:\n  secretName: mcp-tls\n  ipAddresses: ["127.0.0.1"]\n${renew}  issuerRef: {name: ca, kind: ClusterIssuer}\n`;
      writeRepoFile(repo, 'deploy/cert.yaml', cert(''));
      assert.deepEqual(rules(await probe(srv.url, { root: repo, caFile: 'ca.pem' })), ['tls/cert-expiring']);
      writeRepoFile(repo, 'deploy/cert.yaml', cert('  renewBefore: 360h\n'));
      const ok = await probe(srv.url, { root: repo, caFile: 'ca.pem' });
      assert.deepEqual(rules(ok), []);
      assert.match(ok.detail ?? '', /renewal scheduled by Certificate\/mcp\/mcp-tls/);
    } finally {
      await srv.close();
      removeDir(repo);
    }
  });

  test('expired certificate -> tls/cert-expiring "expired", even with a rotation declared', async () => {
    const leaf = pki.leaf('expired');
    const srv = await startMcpServer({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, { auth: true });
    try {
      const r = await probe(srv.url);
      assert.deepEqual(rules(r), ['tls/cert-expiring']);
      assert.match(r.findings[0]?.message ?? '', /expired on/);
    } finally {
      await srv.close();
    }
  });

  test('chain not trusted by caFile -> gate/check-failed naming the verification error', async () => {
    const leaf = pki.leaf('valid');
    const srv = await startMcpServer({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, { auth: true });
    try {
      const r = await probe(srv.url, { caFile: pki.otherCaFile });
      const failed = byRule(r, 'gate/check-failed');
      assert.equal(failed.length, 1);
      assert.match(failed[0]?.message ?? '', /does not verify against probes\.endpoint\.caFile \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
    } finally {
      await srv.close();
    }
  });

  test('the token is only sent over a verified chain', async () => {
    const leaf = pki.leaf('valid');
    let sawGoodToken = false;
    const srv = await startHttps({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, (req, res) => {
      if (req.headers.authorization === `Bearer ${GOOD_TOKEN}`) sawGoodToken = true;
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
    });
    try {
      const r = await probe(`${srv.url}/mcp`, { caFile: pki.otherCaFile, token: GOOD_TOKEN });
      assert.equal(sawGoodToken, false);
      assert.ok(byRule(r, 'gate/check-failed').some((f) => f.key === 'auth-token' && /TLS failure/.test(f.message)));
    } finally {
      await srv.close();
    }
  });
});

describe('plaintext', () => {
  test('an http:// URL is itself tls/plaintext-accepted', async () => {
    const srv = await startHttp((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
    });
    try {
      const r = await probe(`${srv.url}/mcp`, { caFile: null });
      assert.ok(rules(r).includes('tls/plaintext-accepted'));
      assert.match(byRule(r, 'tls/plaintext-accepted')[0]?.message ?? '', /plaintext HTTP, no TLS at all/);
    } finally {
      await srv.close();
    }
  });

  test('a plaintext listener serving the MCP endpoint (the port-80 probe) -> tls/plaintext-accepted; a redirect to HTTPS is fine', async () => {
    const leaf = pki.leaf('valid');
    const tlsSrv = await startMcpServer({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, { auth: true });
    const plain401 = await startHttp((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
    });
    const plainRedirect = await startHttp((_req, res) => {
      res.writeHead(308, { location: tlsSrv.url }).end();
    });
    try {
      const bad = await probe(tlsSrv.url, { plainPort: plain401.port });
      assert.deepEqual(rules(bad), ['tls/plaintext-accepted']);
      assert.match(bad.findings[0]?.message ?? '', /answered 401: the MCP endpoint is served without TLS \(clients would send their tokens in clear\)/);
      assert.equal(bad.findings[0]?.key, `port-${plain401.port}`);
      const ok = await probe(tlsSrv.url, { plainPort: plainRedirect.port });
      assert.deepEqual(rules(ok), []);
      assert.match(ok.detail ?? '', /redirects to HTTPS/);
    } finally {
      await Promise.all([tlsSrv.close(), plain401.close(), plainRedirect.close()]);
    }
  });
});

describe('authentication', () => {
  test('SDK server without auth: both the unauthenticated and the made-up-token request succeed -> auth/not-enforced twice', async () => {
    const leaf = pki.leaf('valid');
    const srv = await startMcpServer({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, { auth: false });
    try {
      const r = await probe(srv.url);
      assert.deepEqual(rules(r), ['auth/not-enforced', 'auth/not-enforced']);
      assert.deepEqual(r.findings.map((f) => f.key).sort(), ['invalid-token', 'no-credentials']);
      assert.match(r.findings.find((f) => f.key === 'no-credentials')?.message ?? '', /answered 200 with a JSON-RPC result \(expected 401\)/);
    } finally {
      await srv.close();
    }
  });

  test('401 without WWW-Authenticate and without metadata -> auth/not-enforced with what was observed', async () => {
    const leaf = pki.leaf('valid');
    const srv = await startHttps({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, (req, res) => {
      if (req.url?.startsWith('/.well-known/')) res.writeHead(404).end('not found');
      else res.writeHead(401).end();
    });
    try {
      const r = await probe(`${srv.url}/mcp`);
      assert.deepEqual(r.findings.map((f) => `${f.ruleId} ${f.key}`).sort(), ['auth/not-enforced resource-metadata', 'auth/not-enforced www-authenticate']);
      assert.match(r.findings.find((f) => f.key === 'www-authenticate')?.message ?? '', /no WWW-Authenticate header/);
      assert.match(r.findings.find((f) => f.key === 'resource-metadata')?.message ?? '', /oauth-protected-resource\/mcp answered 404/);
    } finally {
      await srv.close();
    }
  });

  test('metadata for another resource and without authorization_servers -> auth/not-enforced', async () => {
    const leaf = pki.leaf('valid');
    const srv = await startHttps({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, (req, res) => {
      if (req.url === '/meta') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ resource: 'https://other.example/mcp' }));
      else res.writeHead(401, { 'www-authenticate': `Bearer resource_metadata="https://127.0.0.1:${req.socket.localPort}/meta"` }).end();
    });
    try {
      const r = await probe(`${srv.url}/mcp`);
      assert.deepEqual(rules(r), ['auth/not-enforced']);
      assert.match(r.findings[0]?.message ?? '', /"resource" is "https:\/\/other\.example\/mcp", not .*; no "authorization_servers"/);
    } finally {
      await srv.close();
    }
  });

  test('tokenEnv set but the token is refused -> gate/check-failed (the probe cannot tell)', async () => {
    const leaf = pki.leaf('valid');
    const srv = await startMcpServer({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, { auth: true });
    try {
      const r = await probe(srv.url, { token: 'wrong-token-123456' });
      assert.deepEqual(rules(r), ['gate/check-failed']);
      assert.match(r.findings[0]?.message ?? '', /authenticated initialize \(token from tokenEnv\) answered 401: the probe cannot tell/);
      assert.ok(!JSON.stringify(r).includes('wrong-token-123456'));
      const unset = await probeEndpoint(makeCtx(dir, {}, {}), { url: srv.url, tokenEnv: 'NOT_SET' }, { plainPort: null });
      assert.match(unset.findings[0]?.message ?? '', /environment variable NOT_SET \(tokenEnv\) is not set/);
    } finally {
      await srv.close();
    }
  });
});

describe('probes only contact configured addresses', () => {
  test('a redirect to 169.254.169.254 is refused and reported, never connected to', async () => {
    const leaf = pki.leaf('valid');
    const srv = await startHttps({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, (_req, res) => {
      res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' }).end();
    });
    try {
      const r = await probe(`${srv.url}/mcp`);
      const failed = byRule(r, 'gate/check-failed');
      assert.ok(failed.length >= 1);
      assert.match(failed[0]?.message ?? '', /answered 307 redirecting to http:\/\/169\.254\.169\.254\/latest\/meta-data\/iam\/security-credentials\/: not followed/);
      // The detail lists every connection the probe opened.
      assert.match(r.detail ?? '', new RegExp(`connections to 127\\.0\\.0\\.1:${srv.port};`));
      assert.ok(!(r.detail ?? '').includes('169.254'));
      assert.ok(!rules(r).includes('auth/not-enforced'));
    } finally {
      await srv.close();
    }
  });
});

describe('probes only contact configured addresses (metadata)', () => {
  test('resource_metadata on another host is not fetched: reported, no connection made', async () => {
    const leaf = pki.leaf('valid');
    const srv = await startHttps({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, (_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer resource_metadata="http://169.254.169.254/latest/meta-data/"' }).end();
    });
    try {
      const r = await probe(`${srv.url}/mcp`);
      const f = byRule(r, 'gate/check-failed');
      assert.equal(f.length, 1);
      assert.match(f[0]?.message ?? '', /refused to contact 169\.254\.169\.254: probes only connect to the configured hosts \(127\.0\.0\.1\)/);
      assert.ok(!(r.detail ?? '').includes('169.254.169.254:'));
    } finally {
      await srv.close();
    }
  });
});

describe('bounded time, bad input', () => {
  test('a target that accepts TCP and never answers: every probe ends within the timeout', async () => {
    const srv = await startSilent();
    try {
      const t0 = performance.now();
      const r = await probe(`${srv.url}/mcp`, { timeoutMs: 1500, token: GOOD_TOKEN, plainPort: srv.port });
      const elapsed = performance.now() - t0;
      assert.ok(elapsed < 15_000, `took ${elapsed} ms`);
      assert.ok(r.findings.length > 0 && r.findings.every((f) => f.ruleId === 'gate/check-failed'), JSON.stringify(r.findings));
      assert.ok(r.findings.some((f) => /timed out|within the probe timeout/.test(f.message)));
    } finally {
      await srv.close();
    }
  });

  test('unresolvable host, refused connection, TLS garbage: gate/check-failed saying what happened', async () => {
    const garbage = await startGarbage();
    const port = await closedPort();
    try {
      const cases: Array<[string, RegExp]> = [
        ['https://mcp-gate-probe.invalid/mcp', /does not resolve/],
        [`https://127.0.0.1:${port}/mcp`, /connection refused/],
        [`${garbage.url}/mcp`, /TLS|did not answer with HTTP|no TLS handshake/],
      ];
      for (const [url, why] of cases) {
        const t0 = performance.now();
        const r = await probe(url, { timeoutMs: 3000 });
        assert.ok(performance.now() - t0 < 30_000);
        assert.ok(r.findings.length > 0, url);
        assert.ok(r.findings.every((f) => f.ruleId === 'gate/check-failed'), `${url}: ${JSON.stringify(r.findings)}`);
        assert.ok(r.findings.some((f) => why.test(f.message)), `${url}: ${r.findings.map((f) => f.message).join(' | ')}`);
      }
    } finally {
      await garbage.close();
    }
  });

  test('an HTML error page is not mistaken for a verdict on authentication', async () => {
    const leaf = pki.leaf('valid');
    const srv = await startHttps({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
    });
    try {
      const r = await probe(`${srv.url}/mcp`);
      assert.deepEqual(rules(r), ['gate/check-failed', 'gate/check-failed']);
      assert.match(r.findings[0]?.message ?? '', /answered 502 with text\/html page "502 Bad Gateway": the probe cannot tell/);
    } finally {
      await srv.close();
    }
  });

  test('a 1 GB response is cut at the read cap: bounded time and memory', async () => {
    const leaf = pki.leaf('valid');
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const srv = await startHttps({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, (_req, res: http.ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(1024 ** 3) });
      let sent = 0;
      const pump = () => {
        while (sent < 1024 ** 3 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => {});
      pump();
    });
    try {
      const rss0 = process.memoryUsage().rss;
      const t0 = performance.now();
      const r = await probe(`${srv.url}/mcp`, { timeoutMs: 8000 });
      const elapsed = performance.now() - t0;
      const grew = process.memoryUsage().rss - rss0;
      assert.ok(elapsed < 5000, `took ${elapsed} ms`);
      assert.ok(grew < 200 * 1024 * 1024, `rss grew ${grew} bytes`);
      assert.ok(r.findings.some((f) => f.ruleId === 'gate/check-failed' && /exceeds 1048576 bytes; stopped reading/.test(f.message)), JSON.stringify(r.findings));
    } finally {
      await srv.close();
    }
  });
});

describe('check wiring', () => {
  test('no probes.endpoint: skipped, with a detail saying so', async () => {
    const r = await endpointProbeCheck.run(makeCtx(dir, {}));
    assert.equal(r.skipped, true);
    assert.deepEqual(r.findings, []);
    assert.match(r.detail ?? '', /probes\.endpoint is not configured/);
  });

  test('through the engine: endpoint and SIEM probes of one config run concurrently and all end within timeoutMs', async () => {
    const silent = await startSilent();
    const repo = tempDir('engine-silent');
    try {
      writeRepoFile(
        repo,
        '.mcp-gate.yml',
        `mode: enforce\nprobes:\n  timeoutMs: 1500\n  endpoint:\n    url: ${silent.url}/mcp\n    tokenEnv: MCP_TOKEN\n  siem:\n    kind: splunk-hec\n    url: ${silent.url}\n    tokenEnv: SIEM_TOKEN\n`,
      );
      const t0 = performance.now();
      const report = await runGate({ root: repo, checks: [endpointProbeCheck, siemProbeCheck], env: { MCP_TOKEN: GOOD_TOKEN, SIEM_TOKEN: GOOD_TOKEN } });
      const elapsed = performance.now() - t0;
      assert.ok(elapsed < 15_000, `took ${elapsed} ms (two checks of 1500 ms each)`);
      const siem = report.findings.find((f) => f.ruleId === 'siem/unreachable');
      assert.match(siem?.message ?? '', /timed out|within the probe timeout/);
      assert.deepEqual({ file: siem?.location.file, line: siem?.location.line }, { file: '.mcp-gate.yml', line: 9 });
      assert.ok(report.findings.some((f) => f.ruleId === 'gate/check-failed' && f.location.resource?.startsWith('McpEndpoint/')));
      assert.ok(!JSON.stringify(report).includes(GOOD_TOKEN));
      assert.equal(report.decision, 'block');
    } finally {
      await silent.close();
      removeDir(repo);
    }
  });

  test('through the engine: findings point at probes.endpoint in the config file', async () => {
    const leaf = pki.leaf('valid');
    const srv = await startMcpServer({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.2' }, { auth: true });
    const repo = tempDir('engine');
    try {
      writeRepoFile(repo, 'ca.pem', pki.ca.toString());
      writeRepoFile(repo, '.mcp-gate.yml', `mode: enforce\nprobes:\n  timeoutMs: 4000\n  endpoint:\n    url: ${srv.url}\n    caFile: ca.pem\n`);
      const report = await runGate({ root: repo, checks: [endpointProbeCheck], env: {} });
      const f = report.findings.filter((x) => x.ruleId === 'tls/weak-protocol');
      assert.equal(f.length, 1);
      assert.deepEqual({ file: f[0]?.location.file, line: f[0]?.location.line }, { file: '.mcp-gate.yml', line: 5 });
      assert.equal(report.decision, 'block');
    } finally {
      await srv.close();
      removeDir(repo);
    }
  });
});
