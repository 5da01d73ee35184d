// Figures for docs/probes.md: wall time and connections of one endpoint
// probe run against a real SDK MCP server on 127.0.0.1, the bound when the
// target never answers, memory when the target streams 1 GB, and the cost of
// the alert-rule scan over this repository.
// Run: node_modules/.bin/node bench/probes.ts
import { findAlertRules } from '../checks/probes/sigma.ts';
import { probeEndpoint } from '../checks/probes/endpoint-probe.ts';
import { Workspace } from '../src/workspace/workspace.ts';
import { closedPort, GOOD_TOKEN, makeCtx, makePki, removeDir, startHttps, startMcpServer, startSilent, tempDir } from '../test/probe-support.ts';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number;
const dir = tempDir('bench');
try {
  const pki = await makePki(dir);
  const leaf = pki.leaf('valid');
  const srv = await startMcpServer({ cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.3' }, { auth: true });
  const plain = await closedPort();
  const times: number[] = [];
  let connections = '';
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const r = await probeEndpoint(makeCtx(dir, {}, { T: GOOD_TOKEN }), { url: srv.url, caFile: pki.caFile, tokenEnv: 'T' }, { plainPort: plain });
    times.push(performance.now() - t0);
    if (r.findings.length) throw new Error(JSON.stringify(r.findings));
    connections = /(\d+) connections/.exec(r.detail ?? '')?.[1] ?? '?';
  }
  await srv.close();
  console.log(`endpoint probe, hardened SDK server (TLS 1.3, bearer, RFC 9728), 30 runs: median ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, ${connections} connections per run`);

  const silent = await startSilent();
  for (const timeoutMs of [1000, 3000]) {
    const t0 = performance.now();
    await probeEndpoint(makeCtx(dir, { probes: { timeoutMs } }, { T: GOOD_TOKEN }), { url: `${silent.url}/mcp`, tokenEnv: 'T' }, { plainPort: silent.port });
    console.log(`silent target, timeoutMs ${timeoutMs}: all probes done in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  await silent.close();

  const chunk = Buffer.alloc(64 * 1024, 'a');
  const big = await startHttps({ cert: leaf.cert, key: leaf.key }, (_req, res) => {
    res.writeHead(200, { 'content-length': String(1024 ** 3) });
    res.on('error', () => {});
    const pump = () => {
      while (!res.destroyed) if (!res.write(chunk)) return void res.once('drain', pump);
    };
    pump();
  });
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  await probeEndpoint(makeCtx(dir, {}), { url: `${big.url}/mcp`, caFile: pki.caFile }, { plainPort: null });
  console.log(`1 GB response: done in ${(performance.now() - t0).toFixed(0)} ms, RSS +${((process.memoryUsage().rss - rss0) / 1024 / 1024).toFixed(1)} MiB`);
  await big.close();

  const ws = new Workspace(process.cwd());
  const t1 = performance.now();
  const found = findAlertRules(ws);
  console.log(`alert-rule scan of this repository (${ws.files().length} files): ${(performance.now() - t1).toFixed(1)} ms, ${found.present.size} alerts found`);
} finally {
  removeDir(dir);
}
