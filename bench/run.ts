// npm run bench [-- --quick]
// Generates realistic repositories at several sizes, runs the real CLI as a
// user would (`node dist/cli.js check DIR --format json`) and, as the floor,
// a parse-only script that reads the same files with the same parsers and
// does nothing else. Reports median wall time and peak RSS per size, the
// growth per 10x of input, and the gate/parse-only ratio.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { fixtureServers, generate, type Size, shape } from './repos.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
// --sizes=1000,10000 and --runs=3 narrow a run while profiling; the figures quoted are from the defaults.
const flag = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZES = flag('sizes')?.split(',').map(Number) ?? (quick ? [100, 1_000] : [100, 1_000, 10_000]);
const RUNS = Number(flag('runs') ?? 5);


// ---------- measurement ----------

interface Sample {
  ms: number;
  rssMB: number;
  /** User + system CPU time of the process, all threads. */
  cpuMs: number;
}

function measure(argv: string[]): Sample & { stdout: string } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const [kb, user, sys] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number) as [number, number, number];
  return { ms, rssMB: kb / 1024, cpuMs: (user + sys) * 1000, stdout: r.stdout };
}

/**
 * Both sides must have done the whole job, or the ratio means nothing: the
 * floor parsed every document, and the gate ran the checks that read each
 * kind of input over all of it (none failed or was skipped, and no input was
 * refused: a report over the size cap would be a gate/check-failed finding
 * and no parse).
 */
function verify(size: Size, tools: number, parseOut: string, reportFile: string): void {
  const docs = Number(parseOut.trim());
  // + 1: the config file is a YAML document too.
  if (docs !== size.docs + 1) throw new Error(`parse-only parsed ${docs} YAML documents, expected ${size.docs + 1}`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { checks: Array<{ id: string; status: string; detail?: string }>; findings: Array<{ ruleId: string; message: string }> };
  const status = new Map(report.checks.map((c) => [c.id, c]));
  for (const id of ['k8s', 'netpol', 'manifest', 'manifest-lint', 'secrets', 'reports']) {
    const c = status.get(id);
    if (c?.status !== 'ran') throw new Error(`gate check ${id} did not run over the generated repository: ${c?.status ?? 'missing'} ${c?.detail ?? ''}`);
  }
  const failed = report.findings.find((f) => f.ruleId === 'gate/check-failed');
  if (failed) throw new Error(`gate refused part of the input: ${failed.message}`);
  const k8s = status.get('k8s')?.detail ?? '';
  if (!k8s.startsWith(`${size.docs} Kubernetes objects`)) throw new Error(`gate saw "${k8s}", expected ${size.docs} Kubernetes objects`);
  const lint = status.get('manifest-lint')?.detail ?? '';
  if (!lint.startsWith(`${tools} tool(s) of ${size.servers} MCP server(s)`)) throw new Error(`gate linted "${lint}", expected ${tools} tools`);
  const reports = status.get('reports')?.detail ?? '';
  if (!/^1 reports \(trivy 1\); [1-9]\d* vulnerabilities/.test(reports)) throw new Error(`gate did not ingest the Trivy report: "${reports}"`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

async function main(): Promise<void> {
  const node = process.execPath;
  if (!existsSync(join(repo, 'dist/cli.js'))) throw new Error('dist/cli.js missing: npm run build');
  const out = join(tmpdir(), 'mcp-gate-bench');
  mkdirSync(out, { recursive: true });
  const parseOnly = join(out, 'parse-only.js');
  await build({ entryPoints: [join(repo, 'bench/parse-only.ts')], outfile: parseOnly, bundle: true, format: 'esm', platform: 'node', target: 'node24', logLevel: 'warning' });
  const fixture = fixtureServers();
  console.log(`mcp-gate bench (${quick ? 'quick' : 'full'}), Node ${process.version}, ${RUNS} runs per size, median\n`);
  console.log('documents  servers  tools  report MB  gate ms  gate CPU ms  gate RSS MB  parse-only ms  parse CPU ms  parse RSS MB  ratio');
  const rows: Array<{ size: Size; gate: number; parse: number; gateCpu: number; parseCpu: number }> = [];
  for (const docs of SIZES) {
    const size = shape(docs);
    const dir = join(out, `repo-${docs}`);
    const tools = generate(dir, size, fixture);
    const reportMB = statSync(join(dir, 'reports', 'trivy.json')).size / 1024 / 1024;
    // Pin manifests so the integrity comparison path runs, as in a real repository.
    try {
      execFileSync(node, [join(repo, 'dist/cli.js'), 'manifest', 'pin', dir], { stdio: 'ignore' });
    } catch {}
    const gate: Sample[] = [];
    const parse: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      parse.push(measure([node, parseOnly, dir]));
      gate.push(measure([node, join(repo, 'dist/cli.js'), 'check', dir, '--format', 'json', '--output', join(out, 'report.json')]));
      if (i === 0) verify(size, tools, (parse[0] as Sample & { stdout: string }).stdout, join(out, 'report.json'));
    }
    const g = median(gate.map((s) => s.ms));
    const p = median(parse.map((s) => s.ms));
    rows.push({ size, gate: g, parse: p, gateCpu: median(gate.map((s) => s.cpuMs)), parseCpu: median(parse.map((s) => s.cpuMs)) });
    console.log(
      `${String(docs).padStart(9)}  ${String(size.servers).padStart(7)}  ${String(tools).padStart(5)}  ${reportMB.toFixed(1).padStart(9)}  ${g.toFixed(0).padStart(7)}  ${median(gate.map((s) => s.cpuMs)).toFixed(0).padStart(11)}  ${median(gate.map((s) => s.rssMB)).toFixed(0).padStart(11)}  ${p.toFixed(0).padStart(13)}  ${median(parse.map((s) => s.cpuMs)).toFixed(0).padStart(12)}  ${median(parse.map((s) => s.rssMB)).toFixed(0).padStart(12)}  ${(g / p).toFixed(2).padStart(5)}`,
    );
  }
  console.log('');
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1] as (typeof rows)[number];
    const b = rows[i] as (typeof rows)[number];
    console.log(`growth ${a.size.docs} -> ${b.size.docs} documents (10x input): gate ${(b.gate / a.gate).toFixed(2)}x, parse-only ${(b.parse / a.parse).toFixed(2)}x`);
  }
  const last = rows[rows.length - 1] as (typeof rows)[number];
  // The gate spreads its checks over worker threads; CPU time says what that hides.
  console.log(`CPU time ratio ${(last.gateCpu / last.parseCpu).toFixed(2)} (gate ${last.gateCpu.toFixed(0)} ms / parse-only ${last.parseCpu.toFixed(0)} ms, ${last.size.docs} documents, on ${availableParallelism()} CPUs)`);
  console.log(`ratio ${(last.gate / last.parse).toFixed(2)} (gate ${last.gate.toFixed(0)} ms / parse-only ${last.parse.toFixed(0)} ms, ${last.size.docs} documents)`);
}

await main();
