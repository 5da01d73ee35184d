// Benchmark: NetworkPolicy audit of 1,000 workloads x 1,000 policies.
// Run: node_modules/.bin/node bench/netpol.ts
// Three shapes, all in ONE namespace (the worst case for the per-namespace index):
//  indexed     each policy pins app=<name> with matchLabels (the usual shape)
//  unindexed   each policy selects with matchExpressions only: every pod meets every policy (1,000,000 selector matches)
//  adversarial each policy selects "app NotIn (mcp-<i>)": every pod is selected by 999 policies, a different set for each pod
//  end-to-end  the indexed shape written as YAML and run through runGate (file walk + YAML parse + audit)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditObjects } from '../checks/netpol/audit.ts';
import { netpolCheck } from '../checks/netpol/check.ts';
import { runGate } from '../src/gate/engine.ts';
import type { K8sObject } from '../src/workspace/kubernetes.ts';

const N = 1000;

function workload(i: number): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `mcp-${i}`, namespace: 'mcp' },
    spec: {
      selector: { matchLabels: { app: `mcp-${i}` } },
      template: {
        metadata: { labels: { app: `mcp-${i}`, tier: 'mcp-server', shard: `s${i % 10}` } },
        spec: { containers: [{ name: 'server', image: `example/mcp-${i}:1.0` }] },
      },
    },
  };
}

type Shape = 'indexed' | 'unindexed' | 'adversarial';

function policy(i: number, shape: Shape): Record<string, unknown> {
  const podSelector =
    shape === 'indexed'
      ? { matchLabels: { app: `mcp-${i}` } }
      : shape === 'unindexed'
        ? { matchExpressions: [{ key: 'shard', operator: 'In', values: [`s${i % 10}`, `s${(i + 1) % 10}`] }, { key: 'tier', operator: 'Exists' }] }
        : { matchExpressions: [{ key: 'app', operator: 'NotIn', values: [`mcp-${i}`] }] };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `np-${i}`, namespace: 'mcp' },
    spec: {
      podSelector,
      policyTypes: ['Ingress', 'Egress'],
      // every 10th policy leaks: ingress from all namespaces, egress to 0.0.0.0/0 (so findings are produced)
      ingress: [{ from: [{ ...(i % 10 === 0 ? { namespaceSelector: {} } : {}), podSelector: { matchLabels: { role: 'agent-runtime' } } }], ports: [{ port: 8080 }] }],
      egress: [
        { to: [{ ipBlock: i % 10 === 0 ? { cidr: '0.0.0.0/0' } : { cidr: `10.${i % 256}.0.0/16`, except: [`10.${i % 256}.1.0/24`] } }], ports: [{ port: 443 }] },
        { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }] },
      ],
    },
  };
}

function asObject(raw: Record<string, unknown>, i: number): K8sObject {
  const meta = raw.metadata as { name: string; namespace: string };
  return { apiVersion: raw.apiVersion as string, kind: raw.kind as string, name: meta.name, namespace: meta.namespace, resource: `${raw.kind}/${meta.namespace}/${meta.name}`, file: 'bench.yaml', line: i + 1, raw };
}

function objects(shape: Shape): K8sObject[] {
  const out: K8sObject[] = [];
  for (let i = 0; i < N; i++) out.push(asObject(workload(i), i), asObject(policy(i, shape), i));
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(label: string, runs: number, fn: () => number): void {
  fn(); // warm-up
  const ms: number[] = [];
  let findings = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    findings = fn();
    ms.push(performance.now() - t);
  }
  console.log(`${label.padEnd(12)} ${N} workloads x ${N} policies: median ${median(ms).toFixed(1)} ms over ${runs} runs (min ${Math.min(...ms).toFixed(1)}, max ${Math.max(...ms).toFixed(1)}), ${findings} findings`);
}

for (const shape of ['indexed', 'unindexed', 'adversarial'] as const) {
  const objs = objects(shape);
  time(shape, shape === 'adversarial' ? 3 : 7, () => auditObjects(objs, {}).findings.length);
}

const dir = mkdtempSync(join(tmpdir(), 'netpol-bench-'));
try {
  mkdirSync(join(dir, 'deploy'));
  const docs: string[] = [];
  for (let i = 0; i < N; i++) docs.push(JSON.stringify(workload(i)), JSON.stringify(policy(i, 'indexed')));
  writeFileSync(join(dir, 'deploy/all.yaml'), docs.join('\n---\n'));
  const ms: number[] = [];
  let findings = 0;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    const report = await runGate({ root: dir, checks: [netpolCheck] });
    ms.push(performance.now() - t);
    findings = report.findings.length;
  }
  console.log(`${'end-to-end'.padEnd(12)} ${N} workloads x ${N} policies: median ${median(ms).toFixed(1)} ms over 3 runs (YAML parse included), ${findings} findings`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
