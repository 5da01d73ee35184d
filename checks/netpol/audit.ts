// The audit of workloads against the repository's (or the cluster's)
// NetworkPolicies: policies are additive, and a pod selected for a direction
// by no policy is unrestricted in that direction. Allowed peers are compared
// with what the seed allows: ingress only from the agent runtime, egress
// only to backends plus DNS, never to the cloud metadata service (computed
// on address sets, not on text).
import { type RuleId, rulesOfScope } from '../../src/rules/catalog.ts';
import type { GateConfig } from '../../src/config/schema.ts';
import { InputError } from '../../src/util/errors.ts';
import { isObj, type K8sObject } from '../../src/workspace/kubernetes.ts';
import { podTemplateIn } from '../../src/workspace/operators.ts';
import {
  configSelector,
  EVERYTHING,
  formatSelector,
  isEverything,
  isUnsatisfiable,
  type Labels,
  matches,
  type Selector,
  selectorWithin,
} from '../common/selectors.ts';
import {
  BITS,
  type Family,
  METADATA_ADDRESSES,
  type Range,
  rangeSize,
  rangesContain,
} from './cidr.ts';
import type { RawFinding } from '../../src/types.ts';
import { compareStrings } from '../../src/util/order.ts';
import { type AuditOptions, DIRECTIONS, isNetworkPolicy, NS_NAME_LABEL, parsePolicy, type Peer, type Policy, PolicyIndex, type PolicyRule, TYPE_OF, type WorkloadView, where } from './policy.ts';

function ruleRef(p: Policy, r: PolicyRule): string {
  return `NetworkPolicy ${p.namespace}/${p.name} ${r.direction}[${r.index}] (${where(p.file, r.line)})`;
}

function ruleKey(p: Policy, r: PolicyRule): string {
  return `${p.resource}#${r.direction}[${r.index}]`;
}

function describePeer(peer: Peer, ns: string): string {
  if (peer.kind === 'ipBlock') return `ipBlock ${peer.cidr.text}${peer.except.length ? ` except ${peer.except.map((c) => c.text).join(', ')}` : ''}`;
  const pods = peer.podSelector === undefined || isEverything(peer.podSelector) ? 'all pods' : `pods ${formatSelector(peer.podSelector)}`;
  const nss =
    peer.namespaceSelector === undefined
      ? `namespace ${ns}`
      : isEverything(peer.namespaceSelector)
        ? 'all namespaces'
        : `namespaces ${formatSelector(peer.namespaceSelector)}`;
  return `${pods} in ${nss}`;
}

function isDnsOnly(r: PolicyRule): boolean {
  if (r.ports === 'all') return false;
  return r.ports.every((p) => (p.protocol === 'UDP' || p.protocol === 'TCP') && p.port === 53 && (p.endPort === undefined || p.endPort === 53));
}

/** The rule allows TCP port 80, where every cloud metadata service answers (named ports never resolve for non-pod addresses). */
function allowsMetadataPort(r: PolicyRule): boolean {
  if (r.ports === 'all') return true;
  return r.ports.some(
    (p) => p.protocol === 'TCP' && (p.port === undefined || p.port === 80 || (typeof p.port === 'number' && p.endPort !== undefined && p.port <= 80 && 80 <= p.endPort)),
  );
}

export const DEFAULT_AGENT_RUNTIME: Selector = { requirements: [{ key: 'role', operator: 'In', values: ['agent-runtime'] }] };

export function auditOptions(config: GateConfig, configFile: string | undefined, namespaceLabels: Map<string, Labels>): AuditOptions {
  const k = config.kubernetes;
  const agentNamespaces = k?.agentNamespaces === undefined ? undefined : configSelector(k.agentNamespaces, EVERYTHING, 'agentNamespaces', configFile);
  return {
    mcpWorkloads: configSelector(k?.mcpWorkloads, EVERYTHING, 'mcpWorkloads', configFile),
    agentRuntime: configSelector(k?.agentRuntime, DEFAULT_AGENT_RUNTIME, 'agentRuntime', configFile),
    ...(agentNamespaces ? { agentNamespaces } : {}),
    namespaceLabels,
  };
}

function nsLabels(opts: AuditOptions, ns: string): Labels {
  return opts.namespaceLabels.get(ns) ?? { [NS_NAME_LABEL]: ns };
}

/** Why an ingress peer admits sources outside the agent runtime, or undefined when it does not. */
function ingressPeerProblem(peer: Peer, policyNs: string, opts: AuditOptions): string | undefined {
  if (peer.kind === 'ipBlock') return 'an ipBlock admits any address in it, not only agent-runtime pods';
  const pods = peer.podSelector ?? EVERYTHING;
  const podsOk = selectorWithin(pods, opts.agentRuntime);
  let nsOk: boolean;
  if (peer.namespaceSelector === undefined) {
    nsOk = opts.agentNamespaces === undefined || matches(opts.agentNamespaces, nsLabels(opts, policyNs));
  } else {
    const allowedNs = opts.agentNamespaces ?? { requirements: [{ key: NS_NAME_LABEL, operator: 'In', values: [policyNs] }] };
    nsOk = selectorWithin(peer.namespaceSelector, allowedNs);
    // A selector pinned to namespace names: judge those namespaces by their known labels.
    const pinned = peer.namespaceSelector.requirements.find((r) => r.key === NS_NAME_LABEL && r.operator === 'In');
    if (!nsOk && pinned && opts.agentNamespaces)
      nsOk = pinned.values.every((n) => !matches(peer.namespaceSelector as Selector, nsLabels(opts, n)) || matches(opts.agentNamespaces as Selector, nsLabels(opts, n)));
  }
  if (isUnsatisfiable(pods) || (peer.namespaceSelector && isUnsatisfiable(peer.namespaceSelector))) return undefined;
  if (podsOk && nsOk) return undefined;
  const parts: string[] = [];
  if (!podsOk) parts.push(`pod selector is not inside the agent runtime selector ${formatSelector(opts.agentRuntime)}`);
  if (!nsOk)
    parts.push(
      opts.agentNamespaces
        ? `namespaces are not inside the agent namespaces ${formatSelector(opts.agentNamespaces)}`
        : `namespaces other than ${policyNs} are admitted (kubernetes.agentNamespaces not set)`,
    );
  return parts.join('; ');
}

interface Hole {
  rule: RuleId;
  message: string;
  key: string;
}

function auditWorkload(w: WorkloadView, selected: Policy[], inNs: readonly Policy[]): Hole[] {
  const holes: Hole[] = [];
  const label = w.origin ? `${w.resource} (${w.origin})` : w.resource;
  if (w.hostNetwork) {
    for (const d of DIRECTIONS)
      holes.push({
        rule: 'netpol/missing',
        key: d,
        message: `${label} uses hostNetwork: true; NetworkPolicies do not isolate host-network pods, so its ${d} is unrestricted whatever the policies say`,
      });
    holes.push({ rule: 'netpol/metadata-reachable', key: 'hostNetwork', message: `${label} uses hostNetwork: true and reaches 169.254.169.254 from the node's network namespace` });
    return holes;
  }
  for (const d of DIRECTIONS) {
    const forDir = selected.filter((p) => p[d] !== undefined);
    if (forDir.length > 0) continue;
    const others = selected.map((p) => `${p.namespace}/${p.name} (${where(p.file, p.line)})`);
    const why = others.length
      ? `it is selected only by ${others.join(', ')}, whose policyTypes do not include ${TYPE_OF[d]}`
      : inNs.length
        ? `none of the ${inNs.length} NetworkPolicies in namespace ${w.namespace} selects its labels ${formatLabels(w.labels)}`
        : `namespace ${w.namespace} has no NetworkPolicy`;
    holes.push({ rule: 'netpol/missing', key: d, message: `${label}: no NetworkPolicy restricts ${d}: ${why}` });
    if (d === 'egress')
      holes.push({ rule: 'netpol/metadata-reachable', key: 'no-egress-policy', message: `${label}: egress is not restricted, so the cloud metadata service (169.254.169.254, fd00:ec2::254) is reachable` });
  }
  return holes;
}

interface RuleAnalysis {
  holes: Hole[];
  /** Already reported as egress-unrestricted on its own (every destination, a /0, all pods of all namespaces). */
  wide: boolean;
  /** ipBlock addresses of a non-DNS egress rule, and their count, per family. */
  ranges: Range[];
  size: Record<Family, bigint>;
}

/** What one rule opens, independent of the workload (cached per rule). */
function analyzeRule(p: Policy, r: PolicyRule, opts: AuditOptions): RuleAnalysis {
  const a: RuleAnalysis = { holes: [], wide: false, ranges: [], size: { 4: 0n, 6: 0n } };
  if (r.direction === 'ingress') {
    // Every allowed source must be the agent runtime.
    let why: string | undefined;
    if (r.peers === 'all') why = 'has no "from", so it admits every source';
    else {
      const problems: string[] = [];
      for (const peer of r.peers) {
        const problem = ingressPeerProblem(peer, p.namespace, opts);
        if (problem) problems.push(`${describePeer(peer, p.namespace)}: ${problem}`);
      }
      if (problems.length) why = `admits ${problems.join('; ')}`;
    }
    if (why) a.holes.push({ rule: 'netpol/ingress-unrestricted', key: ruleKey(p, r), message: `${ruleRef(p, r)} ${why}${portsText(r)}` });
    return a;
  }
  // Egress: unrestricted destinations beyond DNS, and the metadata service.
  const dnsOnly = isDnsOnly(r);
  let open: string | undefined;
  if (r.peers === 'all') open = 'has no "to", so it allows every destination';
  else {
    for (const peer of r.peers) {
      if (peer.kind === 'ipBlock') {
        if (!dnsOnly) a.ranges.push(...peer.ranges);
        if (peer.cidr.prefix === 0) open = `allows ${describePeer(peer, p.namespace)}: a /0 block, the whole ${peer.cidr.family === 4 ? 'IPv4' : 'IPv6'} Internet outside its excepts`;
      } else if ((peer.podSelector === undefined || isEverything(peer.podSelector)) && peer.namespaceSelector !== undefined && isEverything(peer.namespaceSelector)) {
        open = 'allows all pods in all namespaces';
      }
    }
  }
  a.size = { 4: rangeSize(a.ranges, 4), 6: rangeSize(a.ranges, 6) };
  if (open && !dnsOnly) {
    a.wide = true;
    a.holes.push({ rule: 'netpol/egress-unrestricted', key: ruleKey(p, r), message: `${ruleRef(p, r)} ${open}${portsText(r)} (beyond DNS on port 53)` });
  }
  if (allowsMetadataPort(r)) {
    const reached: string[] = [];
    for (const m of METADATA_ADDRESSES) {
      if (r.peers === 'all') reached.push(m.text);
      else if (r.peers.some((peer) => peer.kind === 'ipBlock' && rangesContain(peer.ranges, m.family, m.value))) reached.push(m.text);
    }
    if (reached.length)
      a.holes.push({
        rule: 'netpol/metadata-reachable',
        key: ruleKey(p, r),
        message: `${ruleRef(p, r)} allows TCP port 80 of ${reached.join(' and ')} (the cloud metadata service)${r.peers === 'all' ? ' (no "to")' : '; no except excludes it'}`,
      });
  }
  return a;
}

/** Holes opened by the rules of a set of selecting policies (no workload specifics: cached per set). */
function ruleHoles(selected: readonly Policy[], opts: AuditOptions, perRule: Map<PolicyRule, RuleAnalysis>): Hole[] {
  const holes: Hole[] = [];
  const sum: Record<Family, bigint> = { 4: 0n, 6: 0n };
  const contributing: { p: Policy; r: PolicyRule; a: RuleAnalysis }[] = [];
  for (const p of selected) {
    for (const r of [...(p.ingress ?? []), ...(p.egress ?? [])]) {
      let a = perRule.get(r);
      if (!a) perRule.set(r, (a = analyzeRule(p, r, opts)));
      holes.push(...a.holes);
      if (!a.wide && a.ranges.length) {
        contributing.push({ p, r, a });
        sum[4] += a.size[4];
        sum[6] += a.size[6];
      }
    }
  }
  // CIDRs split to dodge a /0 check (0.0.0.0/1 + 128.0.0.0/1): half an address family or more is unrestricted.
  for (const family of [4, 6] as const) {
    const half = 1n << BigInt(BITS[family] - 1);
    if (sum[family] < half) continue; // the union is never larger than the sum
    const rules = contributing.filter((c) => c.a.size[family] > 0n);
    const size = rangeSize(
      rules.flatMap((c) => c.a.ranges),
      family,
    );
    if (size < half) continue;
    const refs = [...new Set(rules.map(({ p, r }) => ruleRef(p, r)))];
    holes.push({
      rule: 'netpol/egress-unrestricted',
      key: `ipv${family}-union`,
      message: `together, ${refs.join(' and ')} allow ${((Number(size) / 2 ** BITS[family]) * 100).toFixed(1)}% of the IPv${family} address space beyond DNS`,
    });
  }
  return holes;
}

function portsText(r: PolicyRule): string {
  if (r.ports === 'all') return ' [every port]';
  return ` [${r.ports.map((p) => `${p.protocol}/${p.port ?? '*'}${p.endPort !== undefined ? `-${p.endPort}` : ''}`).join(', ')}]`;
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  return entries.length ? `{${entries.map(([k, v]) => `${k}=${v}`).join(', ')}}` : '{} (no labels)';
}

const policyIds = new WeakMap<Policy, number>();
let nextPolicyId = 0;
function policyId(p: Policy): number {
  let id = policyIds.get(p);
  if (id === undefined) policyIds.set(p, (id = nextPolicyId++));
  return id;
}

function byPlace(a: Policy, b: Policy): number {
  return compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.resource, b.resource);
}

/** Audit workloads against policies. Linear in workloads + policies (policies indexed by namespace and label). */
export function auditWorkloads(workloads: readonly WorkloadView[], index: PolicyIndex, opts: AuditOptions, used?: Set<Policy>): RawFinding[] {
  const findings: RawFinding[] = [];
  const cache = new Map<string, Hole[]>();
  const perRule = new Map<PolicyRule, RuleAnalysis>();
  for (const w of workloads) {
    if (!matches(opts.mcpWorkloads, w.labels)) continue;
    // Index order depends on how each policy was indexed; report in file order.
    // A policy another chart or overlay renders is another deployment's: it protects nothing here.
    const deployedWith = (p: Policy): boolean => p.bundle === undefined || p.bundle === w.bundle;
    const selected = index.selecting(w.namespace, w.labels).filter(deployedWith).sort(byPlace);
    if (used) for (const p of selected) used.add(p);
    const label = w.origin ? `${w.resource} (${w.origin})` : w.resource;
    const holes = auditWorkload(w, selected, index.inNamespace(w.namespace).filter(deployedWith));
    if (!w.hostNetwork) {
      // Pods selected by the same policies share the rule analysis.
      const setKey = selected.map(policyId).join(',');
      let shared = cache.get(setKey);
      if (!shared) cache.set(setKey, (shared = ruleHoles(selected, opts, perRule)));
      for (const h of shared) holes.push({ ...h, message: `${label}: ${h.message}` });
    }
    for (const h of holes) {
      findings.push({
        ruleId: h.rule,
        message: h.message,
        location: { ...(w.file ? { file: w.file, line: w.line } : {}), resource: w.resource },
        key: h.key,
      });
    }
  }
  return findings;
}

export function namespaceLabelsOf(objects: readonly K8sObject[]): Map<string, Labels> {
  const out = new Map<string, Labels>();
  for (const o of objects) {
    if (o.kind !== 'Namespace' || o.apiVersion !== 'v1') continue;
    const meta = isObj(o.raw.metadata) ? o.raw.metadata : {};
    const labels: Record<string, string> = {};
    if (isObj(meta.labels)) for (const [k, v] of Object.entries(meta.labels)) if (v !== null && v !== undefined) labels[k] = String(v);
    labels[NS_NAME_LABEL] = o.name;
    out.set(o.name, labels);
  }
  return out;
}

export interface RepositoryModel {
  policies: Policy[];
  workloads: WorkloadView[];
  /** Per-object problems (invalid policy, malformed workload): gate/check-failed findings. */
  failures: RawFinding[];
  namespaceLabels: Map<string, Labels>;
}

/** Policies and workloads of the repository; invalid objects become gate/check-failed findings. */
export function repositoryModel(objects: readonly K8sObject[]): RepositoryModel {
  const policies: Policy[] = [];
  const workloads: WorkloadView[] = [];
  const failures: RawFinding[] = [];
  for (const obj of objects) {
    try {
      if (isNetworkPolicy(obj)) policies.push(obj.bundle === undefined ? parsePolicy(obj) : { ...parsePolicy(obj), bundle: obj.bundle });
      else {
        const pod = podTemplateIn(obj, objects);
        if (pod)
          workloads.push({
            resource: obj.resource,
            namespace: obj.namespace,
            labels: pod.labels,
            file: obj.file,
            line: obj.line,
            hostNetwork: pod.spec.hostNetwork === true,
            ...(obj.bundle !== undefined ? { bundle: obj.bundle } : {}),
          });
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failures.push({
        ruleId: 'gate/check-failed',
        message: isNetworkPolicy(obj) ? `invalid NetworkPolicy, not evaluated (failing closed): ${err.message}` : err.message,
        location: { file: err.file ?? obj.file, line: err.line ?? obj.line, resource: obj.resource },
        // Same key as the k8s check for malformed workloads, so the engine reports the problem once.
        key: isNetworkPolicy(obj) ? 'netpol-invalid' : 'k8s-malformed',
      });
    }
  }
  return { policies, workloads, failures, namespaceLabels: namespaceLabelsOf(objects) };
}

/**
 * Policies that select no workload of the repository (kube-linter's
 * dangling-networkpolicy). The audit passes its index and the policies it
 * already found selecting the workloads it audited (`matched`): only the
 * other workloads are matched again.
 */
export function danglingPolicies(
  model: RepositoryModel,
  index = new PolicyIndex(model.policies),
  used = new Set<Policy>(),
  matched: (w: WorkloadView) => boolean = () => false,
): Policy[] {
  for (const w of model.workloads) if (!matched(w)) for (const p of index.selecting(w.namespace, w.labels)) if (p.bundle === undefined || p.bundle === w.bundle) used.add(p);
  return model.policies.filter((p) => !used.has(p));
}

/** The whole repository audit (exported for tests, the conformance suite and the benchmark). */
export function auditObjects(
  objects: readonly K8sObject[],
  config: GateConfig,
  configFile?: string,
): { findings: RawFinding[]; model: RepositoryModel; opts: AuditOptions; audited: number; dangling: Policy[] } {
  const model = repositoryModel(objects);
  const opts = auditOptions(config, configFile, model.namespaceLabels);
  const index = new PolicyIndex(model.policies);
  // The audit's own selection feeds the dangling-policy count: each workload is matched against the policies once.
  const used = new Set<Policy>();
  const findings = [...model.failures, ...auditWorkloads(model.workloads, index, opts, used)];
  const audited = model.workloads.filter((w) => matches(opts.mcpWorkloads, w.labels)).length;
  return { findings, model, opts, audited, dangling: danglingPolicies(model, index, used, (w) => matches(opts.mcpWorkloads, w.labels)) };
}

/** The audit's rules: the catalog's rules about an MCP workload's network exposure. */
export const NETPOL_RULES: readonly RuleId[] = [...rulesOfScope('workload'), 'gate/check-failed'];

