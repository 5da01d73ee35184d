// Benchmark: lint 10,000 tool definitions (manifest/poisoned + permissive-schema)
// built from the real fixture data (benign servers and poisoned records),
// spread over 200 servers of 50 tools. Run: node_modules/.bin/node bench/poisoning.ts
// The 583 real definitions repeat about 17 times (under other names and
// servers); the linter analyses each distinct string once per run.
// BENCH_UNIQUE=1 makes every description and title distinct (a copy of each
// tool with its number appended to them), for the cost without repetition.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintServers } from '../checks/manifests/lint-check.ts';
import { benignDeployments } from '../scripts/eval-poisoning.ts';
import type { ServerManifest, Tool } from '../checks/manifests/manifests.ts';

const TOTAL = Number(process.env.BENCH_TOOLS ?? 10_000);
const UNIQUE = process.env.BENCH_UNIQUE === '1';
const PER_SERVER = 50;
const DATA = join(import.meta.dirname, '..', 'test', 'fixtures', 'shared', 'mcp');

const pool: Tool[] = benignDeployments().flatMap((d) => d.servers.flatMap((s) => s.tools));
for (const line of readFileSync(join(DATA, 'poisoned', 'mcp-safetybench-dev.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line) as { tool_name: string; description: string | null };
  if (typeof r.description === 'string') pool.push({ name: r.tool_name, description: r.description, inputSchema: { type: 'object' } });
}

/** A deep copy of a tool with `tag` appended to its name and to every description and title in it. */
function distinct(v: unknown, tag: string, key = ''): unknown {
  if (typeof v === 'string') return key === 'name' || key === 'description' || key === 'title' ? `${v}${key === 'name' ? tag.replace(/\W/g, '_') : tag}` : v;
  if (Array.isArray(v)) return v.map((x) => distinct(x, tag));
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, distinct(x, tag, k)]));
}

const servers: ServerManifest[] = [];
for (let i = 0; i < TOTAL; i += PER_SERVER) {
  const tools: Tool[] = [];
  for (let j = i; j < Math.min(TOTAL, i + PER_SERVER); j++) {
    const t = pool[j % pool.length]!;
    tools.push(UNIQUE ? (distinct(t, ` (#${j})`) as Tool) : { ...t, name: `${t.name}_${j}` });
  }
  servers.push({ id: `server-${i / PER_SERVER}`, source: 'bench', tools, toolLine: () => undefined });
}

// Warm-up on a small slice (JIT), then the measured runs.
lintServers(servers.slice(0, 4));
const runs: number[] = [];
const cpu: number[] = [];
let findings = 0;
for (let r = 0; r < 5; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const res = lintServers(servers);
  runs.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  findings = res.findings.length;
}
cpu.sort((a, b) => a - b);
runs.sort((a, b) => a - b);
const tools = servers.reduce((n, s) => n + s.tools.length, 0);
console.log(`linted ${tools} tool definitions (${servers.length} servers, ${pool.length} distinct real definitions${UNIQUE ? ', every description and title made distinct' : ''}) -> ${findings} findings`);
console.log(`time: median ${runs[2]!.toFixed(0)} ms, min ${runs[0]!.toFixed(0)} ms, max ${runs[4]!.toFixed(0)} ms (5 runs)`);
console.log(`CPU time (user+system, includes GC threads): median ${cpu[2]!.toFixed(0)} ms, min ${cpu[0]!.toFixed(0)} ms`);
console.log(`machine load average (1 min): ${(await import('node:os')).loadavg()[0]!.toFixed(2)} on ${(await import('node:os')).availableParallelism()} CPU(s)`);
console.log(`per tool: ${((runs[2]! * 1000) / tools).toFixed(1)} µs; target < 1000 ms: ${runs[2]! < 1000 ? 'met' : 'NOT met'}`);
