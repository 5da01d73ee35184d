// Manifest integrity benchmark (issue 4 "Must show"):
//  1. `pin` of 500 servers x 20 tools from *.tools.json files: discovery,
//     read, parse, canonicalise, hash, snapshot + lockfile write; and the
//     `check` of the same repository against that lockfile.
//  2. stdio acquisition time of @modelcontextprotocol/server-everything
//     (spawn, initialize, tools/list, kill), median of several runs.
// Run: node_modules/.bin/node bench/manifest.ts
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { manifestIntegrityCheck } from '../checks/manifests/integrity-check.ts';
import { acquireStdio } from '../checks/common/mcp-client.ts';
import { maskDynamic } from '../checks/manifests/diff.ts';
import { hashTools, type Lockfile, writePins } from '../checks/manifests/lockfile.ts';
import { loadManifests, type Tool } from '../checks/manifests/manifests.ts';
import type { CheckContext } from '../src/types.ts';
import { Workspace } from '../src/workspace/workspace.ts';

const SERVERS = 500;
const TOOLS = 20;

// Real tools (LiveMCPBench, test/fixtures/shared) recycled to 20 per server, renamed to stay unique.
const bench = JSON.parse(readFileSync('test/fixtures/shared/mcp/benign/livemcpbench-servers.json', 'utf8')) as { tools: Record<string, { tools: Tool[] }> }[];
const pool = bench.flatMap((e) => Object.values(e.tools).flatMap((s) => s.tools));

const root = mkdtempSync(join(tmpdir(), 'mcp-gate-bench-'));
for (let s = 0; s < SERVERS; s++) {
  const tools = Array.from({ length: TOOLS }, (_, i) => ({ ...(pool[(s * TOOLS + i) % pool.length] as Tool), name: `tool_${s}_${i}` }));
  mkdirSync(join(root, `servers/${s % 10}`), { recursive: true });
  writeFileSync(join(root, `servers/${s % 10}/srv-${s}.tools.json`), JSON.stringify({ tools }, null, 2));
}

const ctxFor = (): CheckContext => ({ root, config: {}, workspace: new Workspace(root), signal: new AbortController().signal, now: new Date(), env: {} });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** What `mcp-gate manifest pin` does, minus argument parsing and printing. */
const cpuPin: number[] = [];
async function pinOnce(): Promise<number> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const ctx = ctxFor();
  const set = await loadManifests(ctx);
  if (set.problems.length || set.servers.length !== SERVERS) throw new Error('bench setup broken');
  const lock: Lockfile = { lockfileVersion: 1, servers: {} };
  const snapshots = new Map<string, string[]>();
  for (const m of set.servers) {
    const h = hashTools(maskDynamic(m.tools, undefined));
    lock.servers[m.id] = { source: m.source, sha256: h.sha256, tools: h.tools, pinnedAt: ctx.now.toISOString() };
    snapshots.set(m.id, h.canonical);
  }
  writePins(root, lock, snapshots);
  const c = process.cpuUsage(c0);
  cpuPin.push((c.user + c.system) / 1000);
  return performance.now() - t0;
}

const cpuCheck: number[] = [];
async function checkOnce(): Promise<number> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await manifestIntegrityCheck.run(ctxFor());
  const c = process.cpuUsage(c0);
  cpuCheck.push((c.user + c.system) / 1000);
  if (r.findings.length !== 0) throw new Error(`unexpected findings: ${r.findings.length}`);
  return performance.now() - t0;
}

const pins: number[] = [];
const checks: number[] = [];
for (let i = 0; i < 7; i++) pins.push(await pinOnce());
for (let i = 0; i < 7; i++) checks.push(await checkOnce());
rmSync(root, { recursive: true, force: true });

const NODE = resolve('node_modules/.bin/node');
const EVERYTHING = resolve('node_modules/@modelcontextprotocol/server-everything/dist/index.js');
const stdio: number[] = [];
let toolCount = 0;
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  const got = await acquireStdio([NODE, EVERYTHING, 'stdio'], { cwd: process.cwd(), env: process.env });
  stdio.push(performance.now() - t0);
  toolCount = got.tools.length;
}

const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;
process.stdout.write(
  [
    `pin   ${SERVERS} servers x ${TOOLS} tools from files (discover, parse, hash, write snapshot + lockfile): wall ${fmt(pins)}; CPU median ${median(cpuPin).toFixed(0)} ms`,
    `check ${SERVERS} servers x ${TOOLS} tools against the lockfile (parse, hash, compare): wall ${fmt(checks)}; CPU median ${median(cpuCheck).toFixed(0)} ms`,
    `stdio acquisition of server-everything (${toolCount} tools; spawn, initialize, tools/list, kill): wall ${fmt(stdio)}`,
    `node ${process.version}; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).availableParallelism()} CPUs`,
  ].join('\n') + '\n',
);
