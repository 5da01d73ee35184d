// npm run bench [-- --quick]
// Generates realistic repositories at several sizes, runs the real CLI as a
// user would (`node dist/cli.js check DIR --format json`) and, as the floor,
// a parse-only script that reads the same files with the same parsers and
// does nothing else. Reports median wall time and peak RSS per size, the
// growth per 10x of input, and the gate/parse-only ratio.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const SIZES = quick ? [100, 1_000] : [100, 1_000, 10_000];
const RUNS = 5;
const fixtures = join(repo, 'test/fixtures/shared');

interface Size {
  docs: number;
  servers: number;
  reportMB: number;
}
const shape = (docs: number): Size => ({ docs, servers: Math.max(10, Math.round(docs / 20)), reportMB: docs / 100 });

// ---------- generation ----------

function workload(i: number, ns: string): string {
  const hardened = i % 3 !== 0;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: mcp-server-${i}
  namespace: ${ns}
  labels: {app: mcp-server-${i}, tier: mcp-server}
spec:
  replicas: 2
  selector:
    matchLabels: {app: mcp-server-${i}}
  template:
    metadata:
      labels: {app: mcp-server-${i}, tier: mcp-server}
    spec:
      automountServiceAccountToken: ${hardened}
      securityContext:
        runAsNonRoot: ${hardened}
        runAsUser: ${hardened ? 10001 : 0}
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: server
          image: ghcr.io/example/mcp-server-${i}:1.${i % 10}.0
          ports: [{containerPort: 8080}]
          env:
            - {name: LOG_LEVEL, value: info}
            - name: API_TOKEN
              valueFrom: {secretKeyRef: {name: mcp-server-${i}, key: token}}
          resources:
            limits: {cpu: 500m, memory: 256Mi}
          securityContext:
            readOnlyRootFilesystem: ${hardened}
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL]}
`;
}

function networkPolicy(i: number, ns: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: mcp-server-${i}
  namespace: ${ns}
spec:
  podSelector: {matchLabels: {app: mcp-server-${i}}}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector: {matchLabels: {role: agent-runtime}}
      ports: [{port: 8080, protocol: TCP}]
  egress:
    - to:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
          podSelector: {matchLabels: {k8s-app: kube-dns}}
      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
    - to:
        - ipBlock: {cidr: 10.${i % 256}.0.0/16}
      ports: [{port: 5432}]
`;
}

function benignTools(): unknown[] {
  const data = JSON.parse(readFileSync(join(fixtures, 'mcp/benign/livemcpbench-servers.json'), 'utf8')) as Array<{ tools: Record<string, { tools: unknown[] }> }>;
  return data.flatMap((s) => Object.values(s.tools).flatMap((t) => t.tools));
}

function trivyReport(targetBytes: number): string {
  const base = JSON.parse(readFileSync(join(fixtures, 'reports/trivy/alpine-310.json.golden'), 'utf8'));
  const vulns = (base.Results as Array<{ Vulnerabilities?: Array<Record<string, unknown>> }>).flatMap((r) => r.Vulnerabilities ?? []);
  const perVuln = JSON.stringify(vulns[0]).length + 2;
  const count = Math.max(1, Math.floor(targetBytes / perVuln));
  const out: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i++) {
    const v = vulns[i % vulns.length] as Record<string, unknown>;
    out.push({ ...v, VulnerabilityID: `CVE-2099-${String(i).padStart(6, '0')}`, PkgName: `${String(v.PkgName)}-${i % 997}` });
  }
  return JSON.stringify({ ...base, Results: [{ ...base.Results[0], Vulnerabilities: out }] }, null, 2);
}

function generate(dir: string, size: Size, tools: unknown[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'deploy'), { recursive: true });
  mkdirSync(join(dir, 'mcp'), { recursive: true });
  mkdirSync(join(dir, 'reports'), { recursive: true });
  // Documents: 2/3 workloads, 1/3 NetworkPolicies, 10 documents per file.
  const workloads = Math.ceil((size.docs * 2) / 3);
  const docs: string[] = [];
  for (let i = 0; i < workloads; i++) docs.push(workload(i, `team-${i % 20}`));
  for (let i = 0; docs.length < size.docs; i++) docs.push(networkPolicy(i, `team-${i % 20}`));
  for (let f = 0; f * 10 < docs.length; f++) writeFileSync(join(dir, 'deploy', `services-${f}.yaml`), docs.slice(f * 10, f * 10 + 10).join('---\n'));
  for (let s = 0; s < size.servers; s++) {
    const serverTools = Array.from({ length: 20 }, (_, t) => ({ ...(tools[(s * 20 + t) % tools.length] as object), name: `server${s}_tool${t}` }));
    writeFileSync(join(dir, 'mcp', `server-${s}.tools.json`), JSON.stringify({ tools: serverTools }, null, 2));
  }
  writeFileSync(join(dir, 'reports', 'trivy.json'), trivyReport(size.reportMB * 1024 * 1024));
  writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: enforce\nreports:\n  trivy: ["reports/*.json"]\n');
}

// ---------- measurement ----------

interface Sample {
  ms: number;
  rssMB: number;
}

function measure(argv: string[]): Sample & { stdout: string } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { ms, rssMB: kb / 1024, stdout: r.stdout };
}

/**
 * Both sides must have done the whole job, or the ratio means nothing: the
 * floor parsed every document, and the gate ran the checks that read each
 * kind of input over all of it (none failed or was skipped).
 */
function verify(size: Size, parseOut: string, reportFile: string): void {
  const docs = Number(parseOut.trim());
  // + 1: the config file is a YAML document too.
  if (docs !== size.docs + 1) throw new Error(`parse-only parsed ${docs} YAML documents, expected ${size.docs + 1}`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { checks: Array<{ id: string; status: string; detail?: string }> };
  const status = new Map(report.checks.map((c) => [c.id, c]));
  for (const id of ['k8s', 'netpol', 'manifest', 'manifest-lint', 'secrets', 'reports']) {
    const c = status.get(id);
    if (c?.status !== 'ran') throw new Error(`gate check ${id} did not run over the generated repository: ${c?.status ?? 'missing'} ${c?.detail ?? ''}`);
  }
  const k8s = status.get('k8s')?.detail ?? '';
  if (!k8s.startsWith(`${size.docs} Kubernetes objects`)) throw new Error(`gate saw "${k8s}", expected ${size.docs} Kubernetes objects`);
  const lint = status.get('manifest-lint')?.detail ?? '';
  if (!lint.startsWith(`${size.servers * 20} tool(s) of ${size.servers} MCP server(s)`)) throw new Error(`gate linted "${lint}", expected ${size.servers * 20} tools`);
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
  const tools = benignTools();
  console.log(`mcp-gate bench (${quick ? 'quick' : 'full'}), Node ${process.version}, ${RUNS} runs per size, median\n`);
  console.log('documents  servers  report MB  gate ms  gate RSS MB  parse-only ms  parse RSS MB  ratio');
  const rows: Array<{ size: Size; gate: number; parse: number }> = [];
  for (const docs of SIZES) {
    const size = shape(docs);
    const dir = join(out, `repo-${docs}`);
    generate(dir, size, tools);
    // Pin manifests so the integrity comparison path runs, as in a real repository.
    try {
      execFileSync(node, [join(repo, 'dist/cli.js'), 'manifest', 'pin', dir], { stdio: 'ignore' });
    } catch {}
    const gate: Sample[] = [];
    const parse: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      parse.push(measure([node, parseOnly, dir]));
      gate.push(measure([node, join(repo, 'dist/cli.js'), 'check', dir, '--format', 'json', '--output', join(out, 'report.json')]));
      if (i === 0) verify(size, (parse[0] as Sample & { stdout: string }).stdout, join(out, 'report.json'));
    }
    const g = median(gate.map((s) => s.ms));
    const p = median(parse.map((s) => s.ms));
    rows.push({ size, gate: g, parse: p });
    console.log(
      `${String(docs).padStart(9)}  ${String(size.servers).padStart(7)}  ${size.reportMB.toFixed(0).padStart(9)}  ${g.toFixed(0).padStart(7)}  ${median(gate.map((s) => s.rssMB)).toFixed(0).padStart(11)}  ${p.toFixed(0).padStart(13)}  ${median(parse.map((s) => s.rssMB)).toFixed(0).padStart(12)}  ${(g / p).toFixed(2).padStart(5)}`,
    );
  }
  console.log('');
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1] as (typeof rows)[number];
    const b = rows[i] as (typeof rows)[number];
    console.log(`growth ${a.size.docs} -> ${b.size.docs} documents (10x input): gate ${(b.gate / a.gate).toFixed(2)}x, parse-only ${(b.parse / a.parse).toFixed(2)}x`);
  }
  const last = rows[rows.length - 1] as (typeof rows)[number];
  console.log(`ratio ${(last.gate / last.parse).toFixed(2)} (gate ${last.gate.toFixed(0)} ms / parse-only ${last.parse.toFixed(0)} ms, ${last.size.docs} documents)`);
}

await main();
