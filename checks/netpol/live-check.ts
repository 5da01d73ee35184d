// Live verification of network isolation against the staging cluster
// (probes.cluster). Lists the NetworkPolicies and pods of each namespace with
// @kubernetes/client-node (loaded only when a probe is configured), reports
// every repository policy that is missing or semantically different there
// (netpol/not-deployed), and runs the same coverage audit on the live
// objects. Time-boxed; credentials are never printed.
import type { RuleId } from '../../src/rules/catalog.ts';
import { InputError } from '../../src/util/errors.ts';
import { isObj, type K8sObject, type Obj } from '../../src/workspace/kubernetes.ts';
import type { Selector } from '../common/selectors.ts';
import type { Check, CheckContext, CheckResult, RawFinding } from '../../src/types.ts';
import { auditOptions, auditWorkloads, NETPOL_RULES, repositoryModel } from './audit.ts';
import { type Peer, type Policy, PolicyIndex, type PolicyRule, parsePolicy, type WorkloadView, where } from './policy.ts';
import { quoteUntrusted, redactSecrets } from '../common/redact.ts';

export const DEFAULT_PROBE_TIMEOUT_MS = 10_000;

export interface ClusterSnapshot {
  /** Raw API objects (JSON exactly as the API server sent it), per namespace. */
  namespaces: Map<string, { policies: Obj[]; pods: Obj[] }>;
}

/** A problem talking to the cluster. The message never carries credentials. */
export class ClusterError extends Error {
  override name = 'ClusterError';
}

/** Strings of the kubeconfig that must never appear in output (tokens, passwords, keys). */
function secretsOf(kubeconfig: string): string[] {
  const out = new Set<string>();
  const re = /(token|password|client-key-data|client-certificate-data|id-token|refresh-token|access-token|secret)["']?\s*[:=]\s*["']?([^\s"'\n]{4,})/gi;
  for (const m of kubeconfig.matchAll(re)) if (m[2]) out.add(m[2]);
  return [...out];
}

/** A short, credential-free description of a transport or API error: redacted before any cut. */
function describeError(err: unknown, k8s: typeof import('./k8s-client.ts') | undefined, secrets: readonly string[]): string {
  if (k8s && err instanceof k8s.ApiException) {
    const reason = isObj(err.body) && typeof err.body.message === 'string' ? err.body.message : undefined;
    return `API server answered HTTP ${err.code}${err.code === 401 ? ' (credentials rejected)' : err.code === 403 ? ' (not allowed to list)' : ''}${reason ? `: ${quoteUntrusted(reason, secrets, 200)}` : ''}`;
  }
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return 'request aborted';
  const code = e?.cause?.code;
  if (code) return `${code}${e.cause?.message ? ` (${quoteUntrusted(e.cause.message, secrets, 200)})` : ''}`;
  const cause = e?.cause?.message ? ` (${e.cause.message})` : '';
  return quoteUntrusted(`${e?.message ?? String(err)}${cause}`, secrets, 240);
}

/**
 * List NetworkPolicies and pods of each namespace. Resolves or rejects with a
 * ClusterError within `timeoutMs`, whatever the server does.
 */
export async function fetchCluster(kubeconfig: string, namespaces: readonly string[], timeoutMs: number, outer?: AbortSignal): Promise<ClusterSnapshot> {
  const secrets = secretsOf(kubeconfig);
  const controller = new AbortController();
  const signal = outer ? AbortSignal.any([controller.signal, outer]) : controller.signal;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ClusterError(`no answer from the cluster within ${timeoutMs} ms (probes.timeoutMs)`));
    }, timeoutMs);
  });
  let k8s: typeof import('./k8s-client.ts') | undefined;
  const work = async (): Promise<ClusterSnapshot> => {
    k8s = await import('./k8s-client.ts');
    const kc = new k8s.KubeConfig();
    try {
      kc.loadFromString(kubeconfig);
    } catch (err) {
      // The parser's message may quote the input: say only what kind of problem it is.
      throw new ClusterError(`the kubeconfig is not valid YAML/JSON (${(err as Error).name ?? 'error'})`);
    }
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new ClusterError('the kubeconfig has no current context with a cluster');
    if (!/^https?:\/\//.test(cluster.server)) throw new ClusterError('the kubeconfig cluster has no http(s) server URL');
    const net = kc.makeApiClient(k8s.NetworkingV1Api);
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const { Observable, ResponseContext } = k8s;
    // Keep the API server's JSON as sent: the generated models rename fields
    // (from -> _from) and drop unknown ones, which a semantic diff must see.
    // (ObjectParamAPI runs observable-style middleware.)
    const raw = (sink: { text?: string }): import('./k8s-client.ts').ConfigurationOptions => ({
      middleware: [
        {
          pre: (req) => {
            req.setSignal(signal);
            return new Observable(Promise.resolve(req));
          },
          post: (res) =>
            new Observable(
              res.body.text().then((text) => {
                sink.text = text;
                return new ResponseContext(res.httpStatusCode, res.headers, {
                  text: async () => text,
                  binary: async () => Buffer.from(text),
                  stream: () => null,
                });
              }),
            ),
        },
      ],
      middlewareMergeStrategy: 'append',
    });
    const items = (sink: { text?: string }, what: string): Obj[] => {
      let body: unknown;
      try {
        body = JSON.parse(sink.text ?? '');
      } catch {
        throw new ClusterError(`the ${what} list is not JSON`);
      }
      if (!isObj(body) || !Array.isArray(body.items)) throw new ClusterError(`the ${what} list has no items`);
      return body.items.filter(isObj);
    };
    const out: ClusterSnapshot = { namespaces: new Map() };
    for (const namespace of namespaces) {
      const np: { text?: string } = {};
      const pods: { text?: string } = {};
      await net.listNamespacedNetworkPolicy({ namespace }, raw(np));
      await core.listNamespacedPod({ namespace }, raw(pods));
      out.namespaces.set(namespace, { policies: items(np, 'NetworkPolicy'), pods: items(pods, 'Pod') });
    }
    return out;
  };
  try {
    return await Promise.race([work(), deadline]);
  } catch (err) {
    if (err instanceof ClusterError) throw new ClusterError(redactSecrets(err.message, secrets));
    throw new ClusterError(`cannot list objects: ${describeError(err, k8s, secrets)}`);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** A live API object as a K8sObject (no file or line). */
export function liveObject(raw: Obj, kind: string, apiVersion: string): K8sObject {
  const meta = isObj(raw.metadata) ? raw.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '(unnamed)';
  const namespace = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : 'default';
  return { apiVersion, kind, name, namespace, resource: `${kind}/${namespace}/${name}`, file: '', line: 0, raw: { apiVersion, kind, ...raw } };
}

/**
 * The workload a live pod belongs to, named like the repository object
 * (ReplicaSet `web-7d9f` with pod-template-hash 7d9f -> Deployment/ns/web) so
 * a hole present in both is one finding.
 */
export function liveWorkload(pod: Obj): WorkloadView {
  const obj = liveObject(pod, 'Pod', 'v1');
  const meta = isObj(pod.metadata) ? pod.metadata : {};
  const labels: Record<string, string> = {};
  if (isObj(meta.labels)) for (const [k, v] of Object.entries(meta.labels)) if (v !== null && v !== undefined) labels[k] = String(v);
  let resource = obj.resource;
  const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences.filter(isObj) : [];
  const owner = owners.find((o) => o.controller === true) ?? owners[0];
  if (owner && typeof owner.kind === 'string' && typeof owner.name === 'string') {
    const hash = labels['pod-template-hash'];
    if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`))
      resource = `Deployment/${obj.namespace}/${owner.name.slice(0, -hash.length - 1)}`;
    else resource = `${owner.kind}/${obj.namespace}/${owner.name}`;
  }
  const spec = isObj(pod.spec) ? pod.spec : {};
  return { resource, namespace: obj.namespace, labels, hostNetwork: spec.hostNetwork === true, origin: `live pod ${obj.name} in the cluster` };
}

function canonSelector(s: Selector | undefined): unknown {
  if (s === undefined) return null;
  const reqs = s.requirements.map((r) => ({ k: r.key, o: r.operator, v: [...new Set(r.values)].sort() }));
  const uniq = [...new Map(reqs.map((r) => [JSON.stringify(r), r])).values()];
  return uniq.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

function canonPeer(p: Peer): string {
  if (p.kind === 'ipBlock')
    return JSON.stringify({
      ip: `${p.cidr.family}:${p.cidr.base.toString(16)}/${p.cidr.prefix}`,
      except: p.except.map((c) => `${c.base.toString(16)}/${c.prefix}`).sort(),
    });
  return JSON.stringify({ pod: canonSelector(p.podSelector), ns: canonSelector(p.namespaceSelector) });
}

function canonRules(rules: PolicyRule[] | undefined): string[] | null {
  if (!rules) return null;
  const out = rules.map((r) =>
    JSON.stringify({
      peers: r.peers === 'all' ? 'all' : [...new Set(r.peers.map(canonPeer))].sort(),
      ports: r.ports === 'all' ? 'all' : [...new Set(r.ports.map((p) => `${p.protocol}/${p.port ?? '*'}-${p.endPort ?? ''}`))].sort(),
    }),
  );
  return [...new Set(out)].sort();
}

/** How two policies differ in effect (order, defaults, matchLabels vs In, masked CIDRs do not count). */
export function policyDifferences(repo: Policy, live: Policy): string[] {
  const diffs: string[] = [];
  if (JSON.stringify(canonSelector(repo.podSelector)) !== JSON.stringify(canonSelector(live.podSelector))) diffs.push('podSelector');
  for (const d of ['ingress', 'egress'] as const) {
    const a = canonRules(repo[d]);
    const b = canonRules(live[d]);
    if ((a === null) !== (b === null)) diffs.push(`policyTypes (${d === 'ingress' ? 'Ingress' : 'Egress'} ${a ? 'missing' : 'added'} in the cluster)`);
    else if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${d} rules`);
  }
  return diffs;
}

/** The static audit's rules (run on the live objects) plus drift from the repository. */
export const NETPOL_LIVE_RULES: readonly RuleId[] = ['netpol/not-deployed', ...NETPOL_RULES];

export const netpolLiveCheck: Check = {
  id: 'netpol-live',
  rules: NETPOL_LIVE_RULES,
  async run(ctx: CheckContext): Promise<CheckResult> {
    const cluster = ctx.config.probes?.cluster;
    if (!cluster) return { findings: [], skipped: true, detail: 'probes.cluster not configured' };
    const timeoutMs = ctx.config.probes?.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    const kubeconfig = ctx.env[cluster.kubeconfigEnv];
    if (!kubeconfig || kubeconfig.trim() === '')
      throw new InputError(`probes.cluster: environment variable ${cluster.kubeconfigEnv} (kubeconfig) is unset or empty`, ctx.configFile);
    const { objects } = ctx.workspace.kubernetes(ctx.config.kubernetes);
    const model = repositoryModel(objects);
    const namespaces = cluster.namespace
      ? [cluster.namespace]
      : [...new Set([...model.policies.map((p) => p.namespace), ...model.workloads.map((w) => w.namespace)])].sort();
    if (namespaces.length === 0) return { findings: [], skipped: true, detail: 'no namespace to verify (set probes.cluster.namespace)' };
    let snapshot: ClusterSnapshot;
    try {
      snapshot = await fetchCluster(kubeconfig, namespaces, timeoutMs, ctx.signal);
    } catch (err) {
      if (err instanceof ClusterError) throw new InputError(`staging cluster (kubeconfig from ${cluster.kubeconfigEnv}): ${err.message}`, ctx.configFile);
      throw err;
    }
    const findings: RawFinding[] = [];
    const livePolicies: Policy[] = [];
    const liveWorkloads: WorkloadView[] = [];
    for (const [ns, { policies, pods }] of snapshot.namespaces) {
      for (const raw of policies) {
        const obj = liveObject(raw, 'NetworkPolicy', 'networking.k8s.io/v1');
        try {
          livePolicies.push(parsePolicy(obj));
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          findings.push({ ruleId: 'gate/check-failed', message: `live ${err.message}`, location: { resource: obj.resource }, key: 'netpol-live-invalid' });
        }
      }
      const seen = new Set<string>();
      for (const pod of pods) {
        const w = liveWorkload(pod);
        const id = `${w.resource}\u0000${JSON.stringify(Object.entries(w.labels).sort())}\u0000${w.hostNetwork}`;
        if (w.namespace !== ns || seen.has(id)) continue;
        seen.add(id);
        liveWorkloads.push(w);
      }
    }
    // netpol/not-deployed: every repository policy of a verified namespace must be there, with the same effect.
    const liveByName = new Map(livePolicies.map((p) => [`${p.namespace}/${p.name}`, p]));
    const verified = new Set(snapshot.namespaces.keys());
    let compared = 0;
    for (const p of model.policies) {
      if (!verified.has(p.namespace)) continue;
      compared++;
      const live = liveByName.get(`${p.namespace}/${p.name}`);
      const location = { file: p.file, line: p.line, resource: p.resource };
      if (!live) {
        findings.push({ ruleId: 'netpol/not-deployed', message: `${p.resource} (${where(p.file, p.line)}) is not in the staging cluster`, location, key: 'missing' });
        continue;
      }
      const diffs = policyDifferences(p, live);
      if (diffs.length)
        findings.push({
          ruleId: 'netpol/not-deployed',
          message: `${p.resource} (${where(p.file, p.line)}) differs in the staging cluster: ${diffs.join(', ')}`,
          location,
          key: 'differs',
        });
    }
    // The same coverage audit on what actually runs.
    const opts = auditOptions(ctx.config, ctx.configFile, model.namespaceLabels);
    findings.push(...auditWorkloads(liveWorkloads, new PolicyIndex(livePolicies), opts));
    return {
      findings,
      detail: `${namespaces.join(', ')}: ${livePolicies.length} live NetworkPolicies, ${liveWorkloads.length} live workloads; ${compared} repository policies compared`,
    };
  },
};
