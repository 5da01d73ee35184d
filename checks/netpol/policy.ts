// NetworkPolicies as Kubernetes reads them: validated and normalised (a
// policy selects pods of its own namespace by podSelector; policyTypes
// defaults to Ingress, + Egress when egress rules exist), and indexed by
// namespace and label so a pod meets only the policies that can select it.
import { InputError } from '../../src/util/errors.ts';
import { isObj, type K8sObject } from '../../src/workspace/kubernetes.ts';
import {
  type Labels,
  matches,
  parseSelector,
  type Selector,
  SelectorError,
} from '../common/selectors.ts';
import {
  type Cidr,
  CidrError,
  cidrWithin,
  ipBlockRanges,
  parseCidr,
  type Range,
} from './cidr.ts';
import { keyLine, lineOf } from '../../src/workspace/yaml.ts';

export type Direction = 'ingress' | 'egress';
export const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];
export const TYPE_OF: Record<Direction, string> = { ingress: 'Ingress', egress: 'Egress' };
export const NS_NAME_LABEL = 'kubernetes.io/metadata.name';

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
  /** The chart or overlay that renders it (src/workspace/kubernetes.ts K8sObject.bundle). */
  bundle?: string;
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
  /** The chart or overlay that renders it: only its own policies and plain ones can select it. */
  bundle?: string;
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
  readonly byLabel = new Map<string, Policy[]>();
  readonly all: Policy[] = [];

  add(p: Policy): void {
    this.all.push(p);
    const pin = p.podSelector.requirements.find((r) => r.operator === 'In' && r.values.length === 1);
    if (!pin) {
      this.scan.push(p);
      return;
    }
    const k = `${pin.key}\u0000${pin.values[0]}`;
    const list = this.byLabel.get(k);
    if (list) list.push(p);
    else this.byLabel.set(k, [p]);
  }

  selecting(labels: Labels): Policy[] {
    const out: Policy[] = [];
    for (const p of this.scan) if (matches(p.podSelector, labels)) out.push(p);
    for (const [k, v] of Object.entries(labels)) {
      const list = this.byLabel.get(`${k}\u0000${v}`);
      if (list) for (const p of list) if (matches(p.podSelector, labels)) out.push(p);
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
