// NetworkPolicy audit (seed 003 HD-01, gate row "Network policy deployed and
// validated"). Policies are evaluated the way Kubernetes does: a policy
// selects pods of its own namespace by podSelector; policyTypes defaults to
// Ingress (+ Egress when egress rules exist); policies are additive; a pod
// selected for a direction by no policy is unrestricted in that direction.
// Allowed peers are then compared with what the seed allows: ingress only
// from the agent runtime, egress only to backends plus DNS, never to the
// cloud metadata service (computed on address sets, not on text).
import type { RuleId } from '../../src/rules/catalog.ts';
import type { GateConfig, LabelSelector } from '../../src/config/schema.ts';
import { InputError } from '../../src/util/errors.ts';
import { isObj, type K8sObject, podTemplateOf } from '../../src/workspace/kubernetes.ts';
import {
  EVERYTHING,
  formatSelector,
  isEverything,
  isUnsatisfiable,
  type Labels,
  matches,
  parseSelector,
  type Selector,
  SelectorError,
  selectorWithin,
} from './selectors.ts';
import {
  BITS,
  type Cidr,
  CidrError,
  cidrWithin,
  type Family,
  ipBlockRanges,
  METADATA_ADDRESSES,
  parseCidr,
  type Range,
  rangeSize,
  rangesContain,
} from './cidr.ts';
import type { Check, CheckContext, CheckResult, RawFinding } from '../../src/types.ts';
import { parseProblemFindings } from '../../src/workspace/workspace.ts';
import { keyLine, lineOf } from '../../src/workspace/yaml.ts';
import { compareStrings } from '../../src/util/order.ts';

export type Direction = 'ingress' | 'egress';
const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];
const TYPE_OF: Record<Direction, string> = { ingress: 'Ingress', egress: 'Egress' };
const NS_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface PortSpec {
  protocol: 'TCP' | 'UDP' | 'SCTP';
  /** Absent = every port of the protocol; a string is a named (container) port. */
  port?: number | string;
  endPort?: number;
}

export type Peer =
  | { kind: 'ipBlock'; cidr: Cidr; except: Cidr[]; ranges: Range[] }
  | {
      kind: 'selector';
      /** Absent with a namespaceSelector = every pod of the selected namespaces. */
      podSelector?: Selector;
      /** Absent = the policy's own namespace. */
      namespaceSelector?: Selector;
    };

export interface PolicyRule {
  direction: Direction;
  index: number;
  /** Line of the rule in its file (0 for live objects). */
  line: number;
  /** `all` when from/to is absent or empty: every source or destination. */
  peers: Peer[] | 'all';
  /** `all` when ports is absent or empty. */
  ports: PortSpec[] | 'all';
}

export interface Policy {
  name: string;
  namespace: string;
  resource: string;
  file: string;
  line: number;
  podSelector: Selector;
  /** Present iff the policy applies to that direction (policyTypes, with Kubernetes' defaulting). */
  ingress?: PolicyRule[];
  egress?: PolicyRule[];
  raw: Record<string, unknown>;
}

/** A set of pods to audit: a workload of the repository, or pods of the live cluster. */
export interface WorkloadView {
  resource: string;
  namespace: string;
  labels: Labels;
  file?: string;
  line?: number;
  hostNetwork: boolean;
  /** Where the objects came from, for messages ("" for the repository). */
  origin?: string;
}

export interface AuditOptions {
  mcpWorkloads: Selector;
  agentRuntime: Selector;
  /** Undefined = the workload's own namespace only. */
  agentNamespaces?: Selector;
  /** Labels of namespaces known from Namespace objects (kubernetes.io/metadata.name added). */
  namespaceLabels: Map<string, Labels>;
}

export function isNetworkPolicy(obj: K8sObject): boolean {
  return obj.kind === 'NetworkPolicy' && (obj.apiVersion.startsWith('networking.k8s.io/') || obj.apiVersion.startsWith('extensions/'));
}

/** Where a rule lives, for messages: `file:line`, or the origin for live objects. */
export function where(file: string, line: number): string {
  return file ? `${file}:${line}` : 'live cluster';
}

function fail(message: string, obj: K8sObject, node: unknown, key?: string): InputError {
  const line = (key ? keyLine(node, key) : lineOf(node)) ?? obj.line;
  return new InputError(`${obj.resource}: ${message}`, obj.file, obj.file ? line : undefined);
}

function parseSel(obj: K8sObject, parent: Record<string, unknown>, key: string, what: string): Selector {
  try {
    return parseSelector(parent[key]);
  } catch (err) {
    if (!(err instanceof SelectorError)) throw err;
    throw fail(`invalid ${what}: ${err.message}`, obj, err.node ?? parent, err.key ?? (err.node === parent[key] ? undefined : key));
  }
}

function parsePorts(obj: K8sObject, rule: Record<string, unknown>, label: string): PortSpec[] | 'all' {
  const raw = rule.ports;
  if (raw === undefined || raw === null) return 'all';
  if (!Array.isArray(raw)) throw fail(`${label}.ports is not a list`, obj, rule, 'ports');
  if (raw.length === 0) return 'all';
  return raw.map((p, i) => {
    if (!isObj(p)) throw fail(`${label}.ports[${i}] is not a mapping`, obj, raw);
    const protocol = p.protocol ?? 'TCP';
    if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP')
      throw fail(`${label}.ports[${i}].protocol ${JSON.stringify(protocol)} is not TCP, UDP or SCTP`, obj, p, 'protocol');
    const spec: PortSpec = { protocol };
    const port = p.port;
    if (port !== undefined && port !== null) {
      if (typeof port === 'number') {
        if (!Number.isInteger(port) || port < 1 || port > 65535) throw fail(`${label}.ports[${i}].port ${port} is not 1..65535`, obj, p, 'port');
        spec.port = port;
      } else if (typeof port === 'string' && /^[0-9]+$/.test(port)) {
        // The API accepts an IntOrString; digits in a string are a number.
        const n = Number(port);
        if (n < 1 || n > 65535) throw fail(`${label}.ports[${i}].port ${port} is not 1..65535`, obj, p, 'port');
        spec.port = n;
      } else if (typeof port === 'string' && /^[a-z0-9]([-a-z0-9]{0,13})$/.test(port) && /[a-z]/.test(port)) {
        spec.port = port;
      } else throw fail(`${label}.ports[${i}].port ${JSON.stringify(port)} is neither a port number nor a port name`, obj, p, 'port');
    }
    const endPort = p.endPort;
    if (endPort !== undefined && endPort !== null) {
      if (typeof spec.port !== 'number') throw fail(`${label}.ports[${i}].endPort needs a numeric port`, obj, p, 'endPort');
      if (typeof endPort !== 'number' || !Number.isInteger(endPort) || endPort < spec.port || endPort > 65535)
        throw fail(`${label}.ports[${i}].endPort ${JSON.stringify(endPort)} must be a port number >= port`, obj, p, 'endPort');
      spec.endPort = endPort;
    }
    return spec;
  });
}

function parsePeer(obj: K8sObject, p: unknown, label: string, list: unknown[]): Peer {
  if (!isObj(p)) throw fail(`${label} is not a mapping`, obj, list);
  const hasIp = p.ipBlock !== undefined && p.ipBlock !== null;
  const hasPod = p.podSelector !== undefined && p.podSelector !== null;
  const hasNs = p.namespaceSelector !== undefined && p.namespaceSelector !== null;
  for (const k of Object.keys(p))
    if (k !== 'ipBlock' && k !== 'podSelector' && k !== 'namespaceSelector') throw fail(`${label}: unknown peer field "${k}"`, obj, p, k);
  if (hasIp && (hasPod || hasNs)) throw fail(`${label}: ipBlock cannot be combined with a selector`, obj, p);
  if (hasIp) {
    const ib = p.ipBlock;
    if (!isObj(ib)) throw fail(`${label}.ipBlock is not a mapping`, obj, p, 'ipBlock');
    let cidr: Cidr;
    try {
      cidr = parseCidr(ib.cidr);
    } catch (err) {
      if (err instanceof CidrError) throw fail(`${label}.ipBlock.cidr: ${err.message}`, obj, ib, 'cidr');
      throw err;
    }
    const exceptRaw = ib.except ?? [];
    if (!Array.isArray(exceptRaw)) throw fail(`${label}.ipBlock.except is not a list`, obj, ib, 'except');
    const except = exceptRaw.map((e, i) => {
      let c: Cidr;
      try {
        c = parseCidr(e);
      } catch (err) {
        if (err instanceof CidrError) throw fail(`${label}.ipBlock.except[${i}]: ${err.message}`, obj, ib, 'except');
        throw err;
      }
      // The API server rejects an except outside the cidr; so do we (it would mean a misread policy).
      if (!cidrWithin(c, cidr) || (c.prefix === cidr.prefix))
        throw fail(`${label}.ipBlock.except[${i}] ${c.text} is not strictly inside ${cidr.text}`, obj, ib, 'except');
      return c;
    });
    return { kind: 'ipBlock', cidr, except, ranges: ipBlockRanges(cidr, except) };
  }
  if (!hasPod && !hasNs) throw fail(`${label}: a peer needs ipBlock, podSelector or namespaceSelector`, obj, p);
  return {
    kind: 'selector',
    ...(hasPod ? { podSelector: parseSel(obj, p, 'podSelector', `${label}.podSelector`) } : {}),
    ...(hasNs ? { namespaceSelector: parseSel(obj, p, 'namespaceSelector', `${label}.namespaceSelector`) } : {}),
  };
}

function parseRules(obj: K8sObject, spec: Record<string, unknown>, direction: Direction): PolicyRule[] {
  const raw = spec[direction];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw fail(`spec.${direction} is not a list`, obj, spec, direction);
  const peerKey = direction === 'ingress' ? 'from' : 'to';
  return raw.map((r, index) => {
    const label = `${direction}[${index}]`;
    if (r === null) r = {};
    if (!isObj(r)) throw fail(`${label} is not a mapping`, obj, raw);
    for (const k of Object.keys(r)) if (k !== peerKey && k !== 'ports') throw fail(`${label}: unknown field "${k}"`, obj, r, k);
    const peersRaw = r[peerKey];
    let peers: Peer[] | 'all';
    if (peersRaw === undefined || peersRaw === null) peers = 'all';
    else if (!Array.isArray(peersRaw)) throw fail(`${label}.${peerKey} is not a list`, obj, r, peerKey);
    else if (peersRaw.length === 0) peers = 'all';
    else peers = peersRaw.map((p, i) => parsePeer(obj, p, `${label}.${peerKey}[${i}]`, peersRaw));
    return { direction, index, line: lineOf(r) ?? keyLine(spec, direction) ?? obj.line, peers, ports: parsePorts(obj, r, label) };
  });
}

/** Validate and normalise one NetworkPolicy. Throws InputError (file:line) for anything the API server would reject. */
export function parsePolicy(obj: K8sObject): Policy {
  const spec = obj.raw.spec;
  if (!isObj(spec)) throw fail('NetworkPolicy without a spec mapping', obj, obj.raw, 'spec');
  if (spec.podSelector === undefined) throw fail('spec.podSelector is required (use {} for every pod of the namespace)', obj, spec);
  const podSelector = parseSel(obj, spec, 'podSelector', 'spec.podSelector');
  const ingress = parseRules(obj, spec, 'ingress');
  const egress = parseRules(obj, spec, 'egress');
  let types: string[];
  const pt = spec.policyTypes;
  if (pt === undefined || pt === null || (Array.isArray(pt) && pt.length === 0)) {
    types = ['Ingress'];
    if (Array.isArray(spec.egress) && spec.egress.length > 0) types.push('Egress');
  } else if (!Array.isArray(pt)) throw fail('spec.policyTypes is not a list', obj, spec, 'policyTypes');
  else {
    types = pt.map((t) => {
      if (t !== 'Ingress' && t !== 'Egress') throw fail(`spec.policyTypes value ${JSON.stringify(t)} is not Ingress or Egress`, obj, spec, 'policyTypes');
      return t;
    });
  }
  return {
    name: obj.name,
    namespace: obj.namespace,
    resource: obj.resource,
    file: obj.file,
    line: obj.line,
    podSelector,
    ...(types.includes('Ingress') ? { ingress } : {}),
    ...(types.includes('Egress') ? { egress } : {}),
    raw: obj.raw,
  };
}

/** Policies of one namespace, indexed by one `key=value` requirement so a pod only meets policies that can select it. */
class NamespaceIndex {
  readonly scan: Policy[] = [];
  /** Pinned policies by label key, then value: no key string built per lookup. */
  readonly byLabel = new Map<string, Map<string, Policy[]>>();
  readonly all: Policy[] = [];

  add(p: Policy): void {
    this.all.push(p);
    const pin = p.podSelector.requirements.find((r) => r.operator === 'In' && r.values.length === 1);
    if (!pin) {
      this.scan.push(p);
      return;
    }
    let byValue = this.byLabel.get(pin.key);
    if (!byValue) this.byLabel.set(pin.key, (byValue = new Map()));
    const value = pin.values[0] as string;
    const list = byValue.get(value);
    if (list) list.push(p);
    else byValue.set(value, [p]);
  }

  selecting(labels: Labels): Policy[] {
    const out: Policy[] = [];
    const scan = this.scan;
    for (let i = 0; i < scan.length; i++) {
      const p = scan[i] as Policy;
      if (matches(p.podSelector, labels)) out.push(p);
    }
    const keys = Object.keys(labels);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const list = this.byLabel.get(k)?.get(labels[k] as string);
      if (list)
        for (let j = 0; j < list.length; j++) {
          const p = list[j] as Policy;
          if (matches(p.podSelector, labels)) out.push(p);
        }
    }
    return out;
  }
}

export class PolicyIndex {
  readonly #byNs = new Map<string, NamespaceIndex>();

  constructor(policies: Iterable<Policy>) {
    for (const p of policies) {
      let ix = this.#byNs.get(p.namespace);
      if (!ix) this.#byNs.set(p.namespace, (ix = new NamespaceIndex()));
      ix.add(p);
    }
  }

  selecting(namespace: string, labels: Labels): Policy[] {
    return this.#byNs.get(namespace)?.selecting(labels) ?? [];
  }

  inNamespace(namespace: string): readonly Policy[] {
    return this.#byNs.get(namespace)?.all ?? [];
  }
}

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

function selectorOf(cfg: LabelSelector | undefined, fallback: Selector, name: string, configFile: string | undefined): Selector {
  if (cfg === undefined) return fallback;
  try {
    return parseSelector(cfg);
  } catch (err) {
    if (err instanceof SelectorError) throw new InputError(`config kubernetes.${name}: ${err.message}`, configFile);
    throw err;
  }
}

export const DEFAULT_AGENT_RUNTIME: Selector = { requirements: [{ key: 'role', operator: 'In', values: ['agent-runtime'] }] };

export function auditOptions(config: GateConfig, configFile: string | undefined, namespaceLabels: Map<string, Labels>): AuditOptions {
  const k = config.kubernetes;
  const agentNamespaces = k?.agentNamespaces === undefined ? undefined : selectorOf(k.agentNamespaces, EVERYTHING, 'agentNamespaces', configFile);
  return {
    mcpWorkloads: selectorOf(k?.mcpWorkloads, EVERYTHING, 'mcpWorkloads', configFile),
    agentRuntime: selectorOf(k?.agentRuntime, DEFAULT_AGENT_RUNTIME, 'agentRuntime', configFile),
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
  for (let i = 0; i < selected.length; i++) {
    const p = selected[i] as Policy;
    for (const rules of [p.ingress, p.egress]) {
      if (!rules) continue;
      for (let j = 0; j < rules.length; j++) {
        const r = rules[j] as PolicyRule;
        let a = perRule.get(r);
        if (!a) perRule.set(r, (a = analyzeRule(p, r, opts)));
        for (let k = 0; k < a.holes.length; k++) holes.push(a.holes[k] as Hole);
        if (!a.wide && a.ranges.length) {
          contributing.push({ p, r, a });
          sum[4] += a.size[4];
          sum[6] += a.size[6];
        }
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
  for (let i = 0; i < workloads.length; i++) {
    const w = workloads[i] as WorkloadView;
    if (!matches(opts.mcpWorkloads, w.labels)) continue;
    // Index order depends on how each policy was indexed; report in file order.
    const selected = index.selecting(w.namespace, w.labels);
    if (selected.length > 1) selected.sort(byPlace);
    if (used) for (let j = 0; j < selected.length; j++) used.add(selected[j] as Policy);
    // Findings are never modified after the check (the reports check only
    // fills lines of its own): one location object serves all of a workload's.
    const location = { ...(w.file ? { file: w.file, line: w.line } : {}), resource: w.resource };
    const own = auditWorkload(w, selected, index.inNamespace(w.namespace));
    for (let j = 0; j < own.length; j++) {
      const h = own[j] as Hole;
      findings.push({ ruleId: h.rule, message: h.message, location, key: h.key });
    }
    if (!w.hostNetwork) {
      const label = w.origin ? `${w.resource} (${w.origin})` : w.resource;
      // Pods selected by the same policies share the rule analysis.
      const setKey = selected.length === 1 ? String(policyId(selected[0] as Policy)) : selected.map(policyId).join(',');
      let shared = cache.get(setKey);
      if (!shared) cache.set(setKey, (shared = ruleHoles(selected, opts, perRule)));
      for (let j = 0; j < shared.length; j++) {
        const h = shared[j] as Hole;
        findings.push({ ruleId: h.rule, message: `${label}: ${h.message}`, location, key: h.key });
      }
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
      if (isNetworkPolicy(obj)) policies.push(parsePolicy(obj));
      else {
        const pod = podTemplateOf(obj);
        if (pod)
          workloads.push({ resource: obj.resource, namespace: obj.namespace, labels: pod.labels, file: obj.file, line: obj.line, hostNetwork: pod.spec.hostNetwork === true });
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
  for (const w of model.workloads) if (!matched(w)) for (const p of index.selecting(w.namespace, w.labels)) used.add(p);
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

export const NETPOL_RULES: readonly RuleId[] = [
  'netpol/missing',
  'netpol/ingress-unrestricted',
  'netpol/egress-unrestricted',
  'netpol/metadata-reachable',
  'gate/check-failed',
];

export const netpolCheck: Check = {
  id: 'netpol',
  rules: NETPOL_RULES,
  async run(ctx: CheckContext): Promise<CheckResult> {
    const { objects, problems } = ctx.workspace.kubernetes(ctx.config.kubernetes?.paths);
    const findings: RawFinding[] = parseProblemFindings(problems);
    const result = auditObjects(objects, ctx.config, ctx.configFile);
    findings.push(...result.findings);
    const { model, audited, dangling } = result;
    return {
      findings,
      detail:
        `${audited} MCP workloads of ${model.workloads.length}, ${model.policies.length} NetworkPolicies` +
        (dangling.length ? `, ${dangling.length} selecting no workload (${dangling.map((p) => `${p.namespace}/${p.name}`).join(', ')})` : '') +
        (model.failures.length ? `, ${model.failures.length} objects not evaluated` : ''),
      skipped: model.workloads.length === 0 && model.policies.length === 0 && problems.length === 0 && model.failures.length === 0,
    };
  },
};
