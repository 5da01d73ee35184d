// The bench repositories: Kubernetes workloads and NetworkPolicies, MCP
// servers of 20 real tools each, a Trivy report, at a given size. Used by
// `npm run bench` and by scripts/same-reports.ts.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../test/fixtures/shared', import.meta.url));

export interface Size {
  docs: number;
  servers: number;
  reportMB: number;
}

export const shape = (docs: number): Size => ({ docs, servers: Math.max(10, Math.round(docs / 20)), reportMB: docs / 100 });


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

interface FixtureTool {
  name: string;
  description?: unknown;
}

/** The LiveMCPBench fixture's servers (46 servers, 360 tools), each with its own tools. */
export function fixtureServers(): FixtureTool[][] {
  const data = JSON.parse(readFileSync(join(fixtures, 'mcp/benign/livemcpbench-servers.json'), 'utf8')) as Array<{ tools: Record<string, { tools: FixtureTool[] }> }>;
  return data.flatMap((s) => Object.values(s.tools).map((t) => t.tools));
}

/** Severity of the i-th generated vulnerability: 1 in 100 critical, 4 in 100 high, the rest medium or low. */
function severityOf(i: number): string {
  const r = i % 100;
  return r === 0 ? 'CRITICAL' : r <= 4 ? 'HIGH' : r % 2 === 0 ? 'MEDIUM' : 'LOW';
}

/** A Trivy report of about `targetBytes` (as written, pretty-printed) built from the alpine fixture's entries. */
function trivyReport(targetBytes: number): string {
  const base = JSON.parse(readFileSync(join(fixtures, 'reports/trivy/alpine-310.json.golden'), 'utf8'));
  const vulns = (base.Results as Array<{ Vulnerabilities?: Array<Record<string, unknown>> }>).flatMap((r) => r.Vulnerabilities ?? []);
  const render = (count: number): string => {
    const out: Array<Record<string, unknown>> = [];
    for (let i = 0; i < count; i++) {
      const v = vulns[i % vulns.length] as Record<string, unknown>;
      out.push({ ...v, VulnerabilityID: `CVE-2099-${String(i).padStart(6, '0')}`, PkgName: `${String(v.PkgName)}-${i % 997}`, Severity: severityOf(i) });
    }
    return JSON.stringify({ ...base, Results: [{ ...base.Results[0], Vulnerabilities: out }] }, null, 2);
  };
  // Size one entry as written (nested, indented), then fill the target.
  const probe = render(100).length - render(0).length;
  return render(Math.max(1, Math.round((targetBytes - render(0).length) / (probe / 100))));
}

/**
 * The 20 tools of MCP server `s` (the "servers of 20 tools"): whole
 * fixture servers, taken in turn, until there are at least 20 (a server that
 * bundles a few tool sets, as gateways do), cut to the first 20. The fixture has only 46 servers, so at 10,000 tools each recurs about
 * 28 times; a deployment of copies is one the linter rightly flags (clones,
 * name collisions). So each copy is made its own: tool names get the server
 * number (and the references to them in descriptions follow), and every
 * second plain word (or run of CJK characters) of a description gets it too,
 * so that the text stays prose and stops being a copy of another server's.
 */
function serverTools(fixture: FixtureTool[][], s: number, cursor: { next: number }): FixtureTool[] {
  const tools: FixtureTool[] = [];
  const names = new Set<string>();
  while (tools.length < 20) {
    const set = fixture[cursor.next++ % fixture.length] as FixtureTool[];
    if (set.some((t) => names.has(t.name))) continue; // two filesystem servers: keep names unique within a server
    for (const t of set) names.add(t.name);
    tools.push(...set);
  }
  tools.length = 20;
  const own = (name: string): string => `${name}_${s}`;
  const ref = new RegExp(`(?<![\\w-])(${[...names].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\w-])`, 'g');
  return tools.map((t) => {
    if (typeof t.description !== 'string') return { ...t, name: own(t.name) };
    let n = 0;
    const description = t.description
      .replace(ref, (w) => own(w))
      .replace(/(?<![\w-])[a-z]{4,}(?![\w-])|\p{Lo}{2,}/gu, (w) => (n++ % 2 === 0 ? `${w}${s}` : w));
    return { ...t, name: own(t.name), description };
  });
}

/** Writes the repository; returns the number of MCP tools in it. */
export function generate(dir: string, size: Size, fixture: FixtureTool[][] = fixtureServers()): number {
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
  let tools = 0;
  const cursor = { next: 0 };
  for (let s = 0; s < size.servers; s++) {
    const list = serverTools(fixture, s, cursor);
    tools += list.length;
    writeFileSync(join(dir, 'mcp', `server-${s}.tools.json`), JSON.stringify({ tools: list }, null, 2));
  }
  writeFileSync(join(dir, 'reports', 'trivy.json'), trivyReport(size.reportMB * 1024 * 1024));
  writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: enforce\nreports:\n  trivy: ["reports/*.json"]\n');
  return tools;
}
