// Conformance of the NetworkPolicy audit with the peers' own fixtures
// (test/fixtures/shared/k8s/expectations.json, concepts "NetworkPolicy
// coverage" and "NetworkPolicy dangling": kube-linter non-isolated-pod and
// dangling-networkpolicy(peer-podselector), checkov CKV2_K8S_6, polaris
// missingNetworkPolicy). Every case either agrees with the gate or is listed
// in DISAGREEMENTS with the reason (docs/netpol-conformance.md); a listed
// case that stops disagreeing fails the test, so the document cannot go stale.
//
// To back the table "holes each peer misses", each peer's rule is modelled
// here as that tool documents it, and the model is first calibrated: it must
// reproduce every verdict of that tool in expectations.json. The models are
// then run on the gate's hole fixtures: the peer passes them, the gate does not.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { auditObjects, danglingPolicies } from '../checks/netpol/audit.ts';
import { isNetworkPolicy, parsePolicy } from '../checks/netpol/policy.ts';
import type { GateConfig } from '../src/config/schema.ts';
import { type K8sObject, kubernetesObjects, podTemplateOf } from '../src/workspace/kubernetes.ts';
import { matches } from '../checks/common/selectors.ts';
import type { RawFinding } from '../src/types.ts';
import { parseYamlDocuments } from '../src/workspace/yaml.ts';

const SHARED = 'test/fixtures/shared/k8s';
const OWN = 'test/fixtures/netpol';

interface Case {
  file: string;
  tool: string;
  check: string;
  expected: 'pass' | 'fail' | 'unknown';
  object: string;
  concept: string;
}

const CASES = (JSON.parse(readFileSync(`${SHARED}/expectations.json`, 'utf8')) as Case[]).filter(
  (c) => c.concept === 'NetworkPolicy coverage' || c.concept === 'NetworkPolicy dangling',
);

function load(file: string): K8sObject[] {
  return kubernetesObjects(parseYamlDocuments(readFileSync(file, 'utf8'), file), file);
}

/** The gate's resource name for a peer's object id. */
function resourceOf(c: Case): string {
  if (c.tool === 'checkov') {
    // Pod.<ns>.<deployment>.<label>: checkov's synthetic pod of a Deployment
    const [, ns, name] = c.object.split('.');
    return `Deployment/${ns}/${name}`;
  }
  const [kind, name] = c.object.split('/');
  return `${kind}/default/${name}`;
}

function gateVerdict(file: string, resource: string, config: GateConfig = {}): { verdict: 'pass' | 'fail'; rules: string[]; all: RawFinding[] } {
  const objects = load(file);
  const { findings, model } = auditObjects(objects, config);
  if (resource.startsWith('NetworkPolicy/')) {
    // The gate has no dangling rule: a policy selecting nothing opens no hole. It is named in the check detail.
    const dangling = danglingPolicies(model).some((p) => p.resource === resource);
    return { verdict: 'pass', rules: dangling ? ['(detail: selects no workload)'] : [], all: findings };
  }
  const own = findings.filter((f) => f.location.resource === resource && f.ruleId.startsWith('netpol/'));
  return { verdict: own.length ? 'fail' : 'pass', rules: [...new Set(own.map((f) => `${f.ruleId}${f.key ? `:${f.key}` : ''}`))].sort(), all: findings };
}

/** Cases where the gate's verdict differs from the peer's, with the reason (mirrored in docs/netpol-conformance.md). */
const DISAGREEMENTS: Record<string, { gate: 'pass' | 'fail'; rules: string[]; reason: string }> = {
  'kube-linter non-isolated-pod Deployment/dont-fire': {
    gate: 'fail',
    rules: ['netpol/metadata-reachable:no-egress-policy', 'netpol/missing:egress'],
    reason: 'the policy has no egress rules and no policyTypes, so it isolates ingress only; egress stays open',
  },
  'kube-linter non-isolated-pod DeploymentConfig/dont-fire': {
    gate: 'fail',
    rules: ['netpol/metadata-reachable:no-egress-policy', 'netpol/missing:egress'],
    reason: 'same as the Deployment: ingress-only isolation',
  },
  'kube-linter dangling-networkpolicy NetworkPolicy/app': {
    gate: 'pass',
    rules: ['(detail: selects no workload)'],
    reason: 'a policy selecting no pod opens no hole; the gate names it in the check detail instead of failing',
  },
  'kube-linter dangling-networkpolicypeer-podselector NetworkPolicy/app': {
    gate: 'pass',
    rules: ['(detail: selects no workload)'],
    reason: 'a peer selector matching no pod admits nothing; not a security finding',
  },
  'polaris missingNetworkPolicy Pod/test-pod@failure.netpol_missing_ingress_rules.yaml': {
    gate: 'pass',
    rules: [],
    reason: 'Ingress in policyTypes with no ingress rules is deny-all ingress, the most restrictive setting; egress goes only to pods of the namespace on port 80',
  },
  'polaris missingNetworkPolicy Pod/test-pod@success.yaml': {
    gate: 'fail',
    rules: ['netpol/ingress-unrestricted:NetworkPolicy/default/test#ingress[0]'],
    reason: 'ingress from ipBlock 0.0.0.0/0 admits every address, not only the agent runtime',
  },
  'checkov CKV2_K8S_6 Deployment/default/internal-proxy-deployment': {
    gate: 'fail',
    rules: ['netpol/ingress-unrestricted:NetworkPolicy/default/test-network-policy#ingress[0]'],
    reason: 'ingress admits ipBlock 172.17.0.0/16 (minus one /24) and app=internal-proxy pods, neither of which is the agent runtime',
  },
};

/** Cases where both fail, but for a different reason worth stating. */
const SAME_VERDICT_OTHER_REASON: Record<string, string[]> = {
  'polaris missingNetworkPolicy Pod/test-pod@failure.netpol_missing_egress_rules.yaml': ['netpol/ingress-unrestricted:NetworkPolicy/default/test#ingress[0]'],
};

function caseId(c: Case): string {
  const base = `${c.tool} ${c.check} ${c.tool === 'checkov' ? resourceOf(c) : c.object}`;
  return c.tool === 'polaris' ? `${base}@${c.file.split('/').pop()}` : base;
}

describe('netpol conformance with peer fixtures', () => {
  it('covers the network cases of expectations.json', () => {
    assert.equal(CASES.length, 14);
  });

  for (const c of CASES) {
    it(`${caseId(c)} (peer: ${c.expected})`, () => {
      const got = gateVerdict(`${SHARED}/${c.file}`, resourceOf(c));
      const documented = DISAGREEMENTS[caseId(c)];
      if (documented) {
        assert.notEqual(documented.gate, c.expected, 'listed as a disagreement but the peer says the same');
        assert.equal(got.verdict, documented.gate);
        assert.deepEqual(got.rules, documented.rules);
      } else {
        assert.equal(got.verdict, c.expected, `undocumented disagreement: gate found ${got.rules.join(', ')}`);
        const other = SAME_VERDICT_OTHER_REASON[caseId(c)];
        if (other) assert.deepEqual(got.rules, other);
      }
    });
  }

  it('the checkov fixture\'s malformed NetworkPolicy (spec: null) fails closed instead of being ignored', () => {
    const { all } = gateVerdict(`${SHARED}/checkov/graph/checks/resources/RequireAllPodsToHaveNetworkPolicy/template.yaml`, 'x');
    const failed = all.filter((f) => f.ruleId === 'gate/check-failed');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]?.location.resource, 'NetworkPolicy/ns2/achia-yoyo');
    assert.ok((failed[0]?.location.line ?? 0) > 0);
  });
});

// ---- peer models, calibrated on the peers' own verdicts -------------------

type PeerModel = (objects: K8sObject[], workload: K8sObject) => 'pass' | 'fail';

function policiesOf(objects: K8sObject[]) {
  return objects.filter(isNetworkPolicy).flatMap((o) => {
    try {
      return [{ obj: o, policy: parsePolicy(o) }];
    } catch {
      return []; // peers skip what they cannot read
    }
  });
}

function selects(objects: K8sObject[], workload: K8sObject) {
  const labels = podTemplateOf(workload)?.labels ?? {};
  return policiesOf(objects).filter(({ policy }) => policy.namespace === workload.namespace && matches(policy.podSelector, labels));
}

/** kube-linter non-isolated-pod and checkov CKV2_K8S_6: "some NetworkPolicy selects the pod". */
const selectedBySome: PeerModel = (objects, w) => (selects(objects, w).length ? 'pass' : 'fail');

/** polaris missingNetworkPolicy: a selecting policy lists Ingress and Egress in policyTypes and has ingress and egress rules. */
const polarisModel: PeerModel = (objects, w) =>
  selects(objects, w).some(({ obj }) => {
    const spec = obj.raw.spec as Record<string, unknown>;
    const types = Array.isArray(spec.policyTypes) ? spec.policyTypes : [];
    const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;
    return types.includes('Ingress') && types.includes('Egress') && nonEmpty(spec.ingress) && nonEmpty(spec.egress);
  })
    ? 'pass'
    : 'fail';

const PEERS: Record<string, PeerModel> = { 'kube-linter': selectedBySome, checkov: selectedBySome, polaris: polarisModel };

function workloadOf(objects: K8sObject[], resource: string): K8sObject {
  const w = objects.find((o) => o.resource === resource);
  assert.ok(w, resource);
  return w;
}

describe('peer models reproduce the peers\' verdicts', () => {
  for (const c of CASES.filter((x) => x.concept === 'NetworkPolicy coverage')) {
    it(`${caseId(c)}: model says ${c.expected}`, () => {
      const objects = load(`${SHARED}/${c.file}`);
      const model = PEERS[c.tool];
      assert.ok(model);
      assert.equal(model(objects, workloadOf(objects, resourceOf(c))), c.expected);
    });
  }
});

/** Holes each peer misses that the gate catches (docs/netpol-conformance.md, table). */
export const HOLES: { hole: string; file: string; resource: string; rule: string; config?: GateConfig; missedBy: string[] }[] = [
  { hole: 'egress rules ignored: policyTypes lists Ingress only', file: `${OWN}/egress-ignored-by-policytypes.yaml`, resource: 'Deployment/mcp/mcp-search', rule: 'netpol/missing', missedBy: ['kube-linter', 'checkov'] },
  { hole: 'ingress-only policy (no policyTypes, no egress)', file: `${SHARED}/kube-linter/non-isolated-pod.yml`, resource: 'Deployment/default/dont-fire', rule: 'netpol/missing', missedBy: ['kube-linter', 'checkov'] },
  { hole: 'ingress from ipBlock 0.0.0.0/0', file: `${SHARED}/polaris/missingNetworkPolicy/success.yaml`, resource: 'Pod/default/test-pod', rule: 'netpol/ingress-unrestricted', missedBy: ['kube-linter', 'checkov', 'polaris'] },
  { hole: 'ingress from a private ipBlock and non-agent pods', file: `${SHARED}/checkov/graph/checks/resources/RequireAllPodsToHaveNetworkPolicy/template.yaml`, resource: 'Deployment/default/internal-proxy-deployment', rule: 'netpol/ingress-unrestricted', missedBy: ['kube-linter', 'checkov', 'polaris'] },
  { hole: 'ingress from the agent label in every namespace, NotIn selectors, rules without from', file: `${OWN}/ingress-leaks.yaml`, resource: 'Deployment/mcp/mcp-files', rule: 'netpol/ingress-unrestricted', missedBy: ['kube-linter', 'checkov', 'polaris'] },
  { hole: 'egress 0.0.0.0/0 minus private ranges: Internet and metadata', file: `${OWN}/metadata-except-forgotten.yaml`, resource: 'Deployment/mcp/mcp-fetch', rule: 'netpol/metadata-reachable', missedBy: ['kube-linter', 'checkov', 'polaris'] },
  { hole: 'metadata reachable through a narrow link-local block', file: `${OWN}/metadata-link-local.yaml`, resource: 'Pod/mcp/mcp-probe', rule: 'netpol/metadata-reachable', missedBy: ['kube-linter', 'checkov', 'polaris'] },
  { hole: 'IPv6 metadata fd00:ec2::254 inside fd00::/8', file: `${OWN}/metadata-ipv6.yaml`, resource: 'Deployment/mcp/mcp-v6', rule: 'netpol/metadata-reachable', missedBy: ['kube-linter', 'checkov', 'polaris'] },
  { hole: '0.0.0.0/0 split into two /1 blocks across two policies', file: `${OWN}/split-cidr.yaml`, resource: 'Deployment/mcp/mcp-split', rule: 'netpol/egress-unrestricted', missedBy: ['kube-linter', 'checkov', 'polaris'] },
  { hole: 'hostNetwork pod "covered" by a default-deny that cannot apply to it', file: `${OWN}/hostnetwork.yaml`, resource: 'DaemonSet/mcp/mcp-node-agent', rule: 'netpol/missing', missedBy: ['kube-linter', 'checkov'] },
];

describe('holes each peer misses that the gate catches', () => {
  it('docs/netpol-conformance.md lists every hole fixture and every disagreement', () => {
    const doc = readFileSync('docs/netpol-conformance.md', 'utf8');
    for (const h of HOLES) assert.ok(doc.includes(`\`${h.file}\``), h.file);
    assert.ok(doc.includes(`## Disagreements (${Object.keys(DISAGREEMENTS).length})`));
    assert.ok(doc.includes(`## Agreement: ${CASES.length - Object.keys(DISAGREEMENTS).length} of ${CASES.length} cases`));
  });

  for (const h of HOLES) {
    it(`${h.hole} (${h.file.split('/').pop()})`, () => {
      const objects = load(h.file);
      const w = workloadOf(objects, h.resource);
      for (const peer of h.missedBy) assert.equal(PEERS[peer]?.(objects, w), 'pass', `${peer} would catch it`);
      const got = gateVerdict(h.file, h.resource, h.config);
      assert.ok(got.rules.some((r) => r.startsWith(`${h.rule}`)), `gate rules: ${got.rules.join(', ')}`);
    });
  }
});
