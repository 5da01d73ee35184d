import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { auditObjects, danglingPolicies } from '../checks/netpol/audit.ts';
import { netpolCheck } from '../checks/netpol/check.ts';
import { type Policy, PolicyIndex } from '../checks/netpol/policy.ts';
import { matches, type Requirement } from '../checks/common/selectors.ts';
import type { GateConfig } from '../src/config/schema.ts';
import { runGate } from '../src/gate/engine.ts';
import { kubernetesObjects } from '../src/workspace/kubernetes.ts';
import type { RawFinding } from '../src/types.ts';
import { parseYamlDocuments } from '../src/workspace/yaml.ts';

const FIX = 'test/fixtures/netpol';

function audit(file: string, config: GateConfig = {}): RawFinding[] {
  const docs = parseYamlDocuments(readFileSync(file, 'utf8'), file);
  return auditObjects(kubernetesObjects(docs, file), config).findings;
}

function summary(findings: RawFinding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.location.resource} ${f.key ?? ''}`).sort();
}

describe('netpol: holes', () => {
  it('egress rules ignored because policyTypes lacks Egress -> missing + metadata', () => {
    const f = audit(`${FIX}/egress-ignored-by-policytypes.yaml`);
    assert.deepEqual(summary(f), [
      'netpol/metadata-reachable Deployment/mcp/mcp-search no-egress-policy',
      'netpol/missing Deployment/mcp/mcp-search egress',
    ]);
    const missing = f.find((x) => x.ruleId === 'netpol/missing');
    assert.match(missing?.message ?? '', /selected only by mcp\/mcp-search \(test\/fixtures\/netpol\/egress-ignored-by-policytypes\.yaml:14\), whose policyTypes do not include Egress/);
    assert.equal(missing?.location.file, `${FIX}/egress-ignored-by-policytypes.yaml`);
    assert.equal(missing?.location.line, 4);
  });

  it('0.0.0.0/0 with private excepts: egress unrestricted and metadata reachable, naming the rule and line', () => {
    const f = audit(`${FIX}/metadata-except-forgotten.yaml`);
    assert.deepEqual(summary(f), [
      'netpol/egress-unrestricted Deployment/mcp/mcp-fetch NetworkPolicy/mcp/mcp-fetch#egress[0]',
      'netpol/metadata-reachable Deployment/mcp/mcp-fetch NetworkPolicy/mcp/mcp-fetch#egress[0]',
    ]);
    const meta = f.find((x) => x.ruleId === 'netpol/metadata-reachable');
    assert.match(meta?.message ?? '', /NetworkPolicy mcp\/mcp-fetch egress\[0\] \(test\/fixtures\/netpol\/metadata-except-forgotten\.yaml:24\)/);
    assert.match(meta?.message ?? '', /169\.254\.169\.254/);
    assert.doesNotMatch(meta?.message ?? '', /fd00/);
  });

  it('metadata reachability is computed from ports, CIDRs and excepts', () => {
    const f = audit(`${FIX}/metadata-link-local.yaml`);
    // egress[0]: ports 8000-9000 (not 80); egress[1]: the /24 except removes it; egress[2]: /32 on 1-1024.
    assert.deepEqual(summary(f), ['netpol/metadata-reachable Pod/mcp/mcp-probe NetworkPolicy/mcp/mcp-probe#egress[2]']);
  });

  it('IPv6 metadata address fd00:ec2::254 inside fd00::/8', () => {
    const f = audit(`${FIX}/metadata-ipv6.yaml`);
    assert.deepEqual(summary(f), ['netpol/metadata-reachable Deployment/mcp/mcp-v6 NetworkPolicy/mcp/mcp-v6#egress[0]']);
    assert.match(f[0]?.message ?? '', /fd00:ec2::254/);
    assert.doesNotMatch(f[0]?.message ?? '', /169\.254/);
  });

  it('a /0 split into halves across two policies is still unrestricted egress', () => {
    const f = audit(`${FIX}/split-cidr.yaml`);
    assert.deepEqual(summary(f), [
      'netpol/egress-unrestricted Deployment/mcp/mcp-split ipv4-union',
      // port 443 only: the metadata HTTP service on 80 stays unreachable
    ]);
    assert.match(f[0]?.message ?? '', /low-half egress\[0\].*high-half egress\[0\].*100\.0% of the IPv4/);
  });

  it('ingress: all namespaces, NotIn, ipBlock and a rule without from are each reported', () => {
    const f = audit(`${FIX}/ingress-leaks.yaml`);
    assert.deepEqual(summary(f), [
      'netpol/ingress-unrestricted Deployment/mcp/mcp-files NetworkPolicy/mcp/allow-monitoring#ingress[0]',
      'netpol/ingress-unrestricted Deployment/mcp/mcp-files NetworkPolicy/mcp/mcp-files#ingress[0]',
      'netpol/ingress-unrestricted Deployment/mcp/mcp-files NetworkPolicy/mcp/mcp-files#ingress[1]',
      'netpol/ingress-unrestricted Deployment/mcp/mcp-files NetworkPolicy/mcp/mcp-files#ingress[2]',
    ]);
    const byKey = new Map(f.map((x) => [x.key, x.message]));
    assert.match(byKey.get('NetworkPolicy/mcp/mcp-files#ingress[0]') ?? '', /all namespaces: namespaces other than mcp are admitted/);
    assert.match(byKey.get('NetworkPolicy/mcp/mcp-files#ingress[1]') ?? '', /role notin \(untrusted\).*not inside the agent runtime selector role=agent-runtime/);
    assert.match(byKey.get('NetworkPolicy/mcp/mcp-files#ingress[2]') ?? '', /ipBlock 10\.0\.0\.0\/8/);
    assert.match(byKey.get('NetworkPolicy/mcp/allow-monitoring#ingress[0]') ?? '', /no "from".*TCP\/9090/);
  });

  it('ingress from other namespaces is accepted when they are the configured agent namespaces', () => {
    const f = audit(`${FIX}/ingress-leaks.yaml`, { kubernetes: { agentNamespaces: {} } });
    assert.ok(!f.some((x) => x.key === 'NetworkPolicy/mcp/mcp-files#ingress[0]'));
    assert.ok(f.some((x) => x.key === 'NetworkPolicy/mcp/mcp-files#ingress[1]'));
  });

  it('hostNetwork pods are not isolated by any policy', () => {
    const f = audit(`${FIX}/hostnetwork.yaml`);
    assert.deepEqual(summary(f), [
      'netpol/metadata-reachable DaemonSet/mcp/mcp-node-agent hostNetwork',
      'netpol/missing DaemonSet/mcp/mcp-node-agent egress',
      'netpol/missing DaemonSet/mcp/mcp-node-agent ingress',
    ]);
  });

  it('default-deny + agent-runtime ingress + backend and DNS egress: no finding', () => {
    assert.deepEqual(audit(`${FIX}/isolated.yaml`, { kubernetes: { agentNamespaces: { matchLabels: { team: 'agents' } } } }), []);
  });

  it('the same isolated setup without agentNamespaces flags the cross-namespace ingress only', () => {
    assert.deepEqual(summary(audit(`${FIX}/isolated.yaml`)), [
      'netpol/ingress-unrestricted Deployment/mcp/mcp-tickets NetworkPolicy/mcp/mcp-tickets#ingress[0]',
    ]);
  });

  it('DNS to 0.0.0.0/0 becomes a hole once a non-53 port is added', () => {
    const text = readFileSync(`${FIX}/isolated.yaml`, 'utf8').replace('- {protocol: TCP, port: 53}', '- {protocol: TCP, port: 53}\n        - {protocol: TCP, port: 80}');
    const docs = parseYamlDocuments(text, 'mutated.yaml');
    const f = auditObjects(kubernetesObjects(docs, 'mutated.yaml'), { kubernetes: { agentNamespaces: { matchLabels: { team: 'agents' } } } }).findings;
    assert.deepEqual(summary(f), [
      'netpol/egress-unrestricted Deployment/mcp/mcp-tickets NetworkPolicy/mcp/mcp-tickets#egress[1]',
      'netpol/metadata-reachable Deployment/mcp/mcp-tickets NetworkPolicy/mcp/mcp-tickets#egress[1]',
    ]);
    assert.match(f.find((x) => x.ruleId === 'netpol/metadata-reachable')?.message ?? '', /169\.254\.169\.254 and fd00:ec2::254/);
  });

  it('a /0 rule is reported once; narrower blocks beside it do not add a union finding', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: mcp, labels: {app: p}}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np, namespace: mcp}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  egress:
    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
      ports: [{port: 443}]
    - to: [{ipBlock: {cidr: 10.0.0.0/8}}, {ipBlock: {cidr: 128.0.0.0/2}}]
      ports: [{port: 443}]
`;
    const f = auditObjects(kubernetesObjects(parseYamlDocuments(text, 'u.yaml'), 'u.yaml'), {}).findings;
    assert.deepEqual(summary(f), ['netpol/egress-unrestricted Pod/mcp/p NetworkPolicy/mcp/np#egress[0]']);
  });

  it('mcpWorkloads limits which workloads are audited', () => {
    const f = audit(`${FIX}/ingress-leaks.yaml`, { kubernetes: { mcpWorkloads: { matchLabels: { tier: 'other' } } } });
    assert.deepEqual(f, []);
  });

  it('a custom agentRuntime selector is honoured (exact containment)', () => {
    const cfg: GateConfig = { kubernetes: { agentRuntime: { matchExpressions: [{ key: 'role', operator: 'NotIn', values: ['untrusted', 'batch'] }] } } };
    const f = audit(`${FIX}/ingress-leaks.yaml`, cfg);
    // NotIn [untrusted] is wider than NotIn [untrusted, batch]: still a hole.
    assert.ok(f.some((x) => x.key === 'NetworkPolicy/mcp/mcp-files#ingress[1]'));
    const cfg2: GateConfig = { kubernetes: { agentRuntime: { matchExpressions: [{ key: 'role', operator: 'NotIn', values: ['untrusted'] }] } } };
    assert.ok(!audit(`${FIX}/ingress-leaks.yaml`, cfg2).some((x) => x.key === 'NetworkPolicy/mcp/mcp-files#ingress[1]'));
  });
});

describe('netpol: bad input fails closed', () => {
  it('unknown operator -> gate/check-failed with file and line', () => {
    const f = audit(`${FIX}/bad-operator.yaml`);
    assert.equal(f.length, 1);
    assert.equal(f[0]?.ruleId, 'gate/check-failed');
    assert.equal(f[0]?.location.file, `${FIX}/bad-operator.yaml`);
    assert.equal(f[0]?.location.line, 10);
    assert.match(f[0]?.message ?? '', /operator "Equals" is not one of In, NotIn, Exists, DoesNotExist/);
  });

  it('malformed CIDRs -> gate/check-failed with file and line, one per policy', () => {
    const f = audit(`${FIX}/bad-cidr.yaml`);
    assert.deepEqual(
      f.map((x) => [x.ruleId, x.location.resource, x.location.line]),
      [
        ['gate/check-failed', 'NetworkPolicy/mcp/bad-prefix', 12],
        ['gate/check-failed', 'NetworkPolicy/mcp/bad-octet', 24],
      ],
    );
    assert.match(f[0]?.message ?? '', /10\.0\.0\.0\/33.*prefix length/);
    assert.match(f[1]?.message ?? '', /010\.1\.0\.0\/16.*bad address/);
  });

  it('invalid shapes are reported, never thrown', () => {
    const cases: [string, RegExp][] = [
      ['spec: {podSelector: {}, policyTypes: [Sideways]}', /policyTypes value "Sideways"/],
      ['spec: {podSelector: {}, egress: [{to: [{}]}]}', /a peer needs ipBlock/],
      ['spec: {podSelector: {}, egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]}]}', /cannot be combined/],
      ['spec: {podSelector: {}, egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/16]}}]}]}', /not strictly inside/],
      ['spec: {podSelector: {}, ingress: [{ports: [{port: 70000}]}]}', /not 1\.\.65535/],
      ['spec: {podSelector: {}, ingress: [{ports: [{port: 80, endPort: 79}]}]}', /endPort/],
      ['spec: {podSelector: {}, ingress: [{ports: [{protocol: ICMP}]}]}', /not TCP, UDP or SCTP/],
      ['spec: {podSelector: {matchExpressions: [{key: a, operator: In}]}}', /needs at least one value/],
      ['spec: {podSelector: {matchExpressions: [{key: a, operator: Exists, values: [x]}]}}', /takes no values/],
      ['spec: {podSelector: {matchLabels: [a]}}', /matchLabels is not a mapping/],
      ['spec: {ingress: []}', /podSelector is required/],
      ['spec: null', /without a spec/],
      ['spec: {podSelector: {}, egress: [{to: [{ipBlock: {cidr: "fd00::1::2/64"}}]}]}', /bad address/],
    ];
    for (const [spec, re] of cases) {
      const text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x, namespace: mcp}\n${spec}\n`;
      const f = auditObjects(kubernetesObjects(parseYamlDocuments(text, 'x.yaml'), 'x.yaml'), {}).findings;
      assert.equal(f.length, 1, spec);
      assert.equal(f[0]?.ruleId, 'gate/check-failed', spec);
      assert.match(f[0]?.message ?? '', re, spec);
      assert.ok((f[0]?.location.line ?? 0) >= 1, spec);
    }
  });

  it('an invalid selector in the config is gate/check-failed naming the config file', async () => {
    const report = await runGate({
      root: 'examples/hardened',
      checks: [netpolCheck],
      config: { kubernetes: { agentRuntime: { matchExpressions: [{ key: 'role', operator: 'In' }] } } },
      configFile: '.mcp-gate.yml',
    });
    assert.equal(report.findings.length, 1);
    assert.equal(report.findings[0]?.ruleId, 'gate/check-failed');
    assert.equal(report.findings[0]?.location.file, '.mcp-gate.yml');
    assert.match(report.findings[0]?.message ?? '', /agentRuntime.*needs at least one value/);
  });
});

describe('netpol: examples', () => {
  it('examples/hardened has zero netpol findings', async () => {
    const report = await runGate({ root: 'examples/hardened', checks: [netpolCheck] });
    assert.deepEqual(report.findings, []);
    assert.equal(report.checks[0]?.status, 'ran');
    assert.match(report.checks[0]?.detail ?? '', /^2 MCP workloads of 2, 4 NetworkPolicies$/);
  });

  it('examples/insecure shows missing and leaky policies', async () => {
    const report = await runGate({ root: 'examples/insecure', checks: [netpolCheck] });
    const got = report.findings.map((f) => `${f.ruleId} ${f.location.resource}`).sort();
    assert.deepEqual(got, [
      'netpol/egress-unrestricted Deployment/mcp/mcp-filesystem',
      'netpol/ingress-unrestricted Deployment/mcp/mcp-filesystem',
      'netpol/metadata-reachable CronJob/mcp/mcp-index-refresh',
      'netpol/metadata-reachable Deployment/mcp/mcp-filesystem',
      'netpol/metadata-reachable StatefulSet/mcp/mcp-db',
      'netpol/missing CronJob/mcp/mcp-index-refresh',
      'netpol/missing CronJob/mcp/mcp-index-refresh',
      'netpol/missing StatefulSet/mcp/mcp-db',
      'netpol/missing StatefulSet/mcp/mcp-db',
    ]);
    for (const f of report.findings) {
      assert.equal(f.location.file, 'deploy/mcp-servers.yaml');
      assert.ok((f.location.line ?? 0) > 0);
    }
    assert.equal(report.decision, 'block');
  });

  it('fingerprints do not change when the policy file is reformatted', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'netpol-'));
    try {
      mkdirSync(join(dir, 'deploy'));
      const src = readFileSync(`${FIX}/metadata-except-forgotten.yaml`, 'utf8');
      writeFileSync(join(dir, 'deploy/a.yaml'), src);
      const a = await runGate({ root: dir, checks: [netpolCheck] });
      writeFileSync(join(dir, 'deploy/a.yaml'), `# moved down\n\n\n${src.replace(/^# .*\n/gm, '')}`);
      const b = await runGate({ root: dir, checks: [netpolCheck] });
      assert.equal(a.findings.length, 2);
      assert.deepEqual(
        a.findings.map((f) => f.fingerprint),
        b.findings.map((f) => f.fingerprint),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('netpol: dangling policies from the audit', () => {
  // auditObjects counts dangling policies from the selection its audit made (MCP
  // workloads) plus the other workloads; danglingPolicies matches every workload afresh.
  const DOCS = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: mcp-a, namespace: ns}
spec: {template: {metadata: {labels: {app: a, tier: mcp}}, spec: {containers: [{name: c, image: i}]}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ns}
spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: i}]}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: for-a, namespace: ns}
spec: {podSelector: {matchLabels: {app: a}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: for-web, namespace: ns}
spec: {podSelector: {matchLabels: {app: web}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: for-nobody, namespace: ns}
spec: {podSelector: {matchExpressions: [{key: app, operator: In, values: [gone]}]}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: other-ns, namespace: elsewhere}
spec: {podSelector: {}}
`;
  const objects = kubernetesObjects(parseYamlDocuments(DOCS, 'd.yaml'), 'd.yaml');
  for (const [what, config] of [
    ['every workload is MCP', {}],
    ['only some workloads are MCP', { kubernetes: { mcpWorkloads: { matchLabels: { tier: 'mcp' } } } }],
    ['no workload is MCP', { kubernetes: { mcpWorkloads: { matchLabels: { tier: 'none' } } } }],
  ] as const) {
    it(`same policies as danglingPolicies when ${what}`, () => {
      const r = auditObjects(objects, config as GateConfig);
      assert.deepEqual(
        r.dangling.map((p) => p.name),
        danglingPolicies(r.model).map((p) => p.name),
      );
      assert.deepEqual(
        r.dangling.map((p) => p.name),
        ['for-nobody', 'other-ns'],
      );
    });
  }
});

describe('netpol: PolicyIndex', () => {
  it('selecting finds exactly the policies of the namespace whose podSelector matches, each once (random policies and labels)', () => {
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const keys = ['app', 'tier', 'a\u0000b', 'x'];
    const values = ['1', '2', 'b\u00001', ''];
    for (let round = 0; round < 100; round++) {
      const policies: Policy[] = [];
      for (let i = 0; i < rnd(30); i++) {
        const requirements: Requirement[] = [];
        for (let j = 0; j < rnd(3); j++) {
          const op = (['In', 'In', 'NotIn', 'Exists', 'DoesNotExist'] as const)[rnd(5)] as Requirement['operator'];
          const vs = op === 'In' || op === 'NotIn' ? Array.from({ length: 1 + rnd(2) }, () => values[rnd(4)] as string) : [];
          requirements.push({ key: keys[rnd(4)] as string, operator: op, values: vs });
        }
        policies.push({ name: `p${i}`, namespace: `ns${rnd(2)}`, resource: `NetworkPolicy/p${i}`, file: 'f', line: i, podSelector: { requirements }, raw: {} });
      }
      const index = new PolicyIndex(policies);
      for (let t = 0; t < 20; t++) {
        const labels: Record<string, string> = {};
        for (let j = 0; j < rnd(4); j++) labels[keys[rnd(4)] as string] = values[rnd(4)] as string;
        const ns = `ns${rnd(2)}`;
        const got = index.selecting(ns, labels);
        const want = policies.filter((p) => p.namespace === ns && matches(p.podSelector, labels));
        assert.equal(new Set(got).size, got.length, 'no policy twice');
        assert.deepEqual(new Set(got), new Set(want));
      }
    }
  });
});
