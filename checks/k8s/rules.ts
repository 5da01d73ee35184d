// The Kubernetes hardening rules (seed 003 HD-02 and the "Process &
// Container Security" gate rows), one evaluate function per catalog record
// of scope container or pod: the type below makes a missing one a compile
// error. Each is evaluated against the *effective* security context, with
// the pod-level -> container-level inheritance Kubernetes applies.
import type { RULES, RuleId } from '../../src/rules/catalog.ts';
import type { Severity } from '../../src/types.ts';
import { isCredentialName } from '../common/credentials.ts';
import { CONTAINER_KINDS, isObj, type K8sObject, type PodTemplate } from '../../src/workspace/kubernetes.ts';
import { keyLine, lineOf } from '../../src/workspace/yaml.ts';
import { matches, type Selector } from '../common/selectors.ts';
import { grantsTo, namesDefaultAccount, type RbacIndex } from './rbac.ts';
import { type ContainerView, capLine, capList, fieldLine, inherited, podSecurityContextLine, securityContextLine } from './containers.ts';

type RuleOfScope<S> = { [R in RuleId]: (typeof RULES)[R]['scope'] extends S ? R : never }[RuleId];
/** Rules evaluated once per container (catalog scope "container"; image/unpinned-tag too). */
export type ContainerRuleId = RuleOfScope<'container'>;
/** Rules evaluated once per pod spec (catalog scope "pod"). */
export type PodRuleId = RuleOfScope<'pod'>;

export interface Violation {
  message: string;
  line?: number;
  severity?: Severity;
  key?: string;
}

export interface PodRuleContext {
  /** Every object of the manifests (an Argo Rollout's workloadRef is resolved among them). */
  objects: readonly K8sObject[];
  /** automountServiceAccountToken of ServiceAccounts in the repository, by `namespace/name`. */
  serviceAccountAutomount: Map<string, unknown>;
  /** Bindings and roles of the repository. */
  rbac: RbacIndex;
  /** Which workloads are MCP servers (kubernetes.mcpWorkloads): the ones whose RBAC is judged. */
  mcpWorkloads: Selector;
}

/** The workload's namespace, or undefined when its manifest names none (applied in whatever namespace the deploy uses). */
function namespaceOf(obj: K8sObject): string | undefined {
  const meta = obj.raw.metadata;
  return isObj(meta) && typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
}

/** The service account a pod runs as (Kubernetes' default when the spec names none). */
function serviceAccountOf(pod: PodTemplate): string {
  const name = pod.spec.serviceAccountName ?? pod.spec.serviceAccount;
  return typeof name === 'string' && name !== '' ? name : 'default';
}

/** Container runtime sockets: a mount of one is root on the node. */
const RUNTIME_SOCKETS: Record<string, string> = {
  '/var/run/docker.sock': 'the Docker socket',
  '/run/docker.sock': 'the Docker socket',
  '/var/run/containerd/containerd.sock': 'the containerd socket',
  '/run/containerd/containerd.sock': 'the containerd socket',
  '/var/run/crio/crio.sock': 'the CRI-O socket',
  '/run/crio/crio.sock': 'the CRI-O socket',
  '/var/run/cri-dockerd.sock': 'the cri-dockerd socket',
  '/run/k3s/containerd/containerd.sock': 'the k3s containerd socket',
  '/var/run/podman/podman.sock': 'the Podman socket',
  '/run/podman/podman.sock': 'the Podman socket',
};

/** What a hostPath gives the pod: a runtime socket (or a directory holding one) is named as such. */
function hostPathWhat(path: string): { what: string; socket: boolean } {
  const p = path.replace(/\/+$/, '') || '/';
  const socket = RUNTIME_SOCKETS[p];
  if (socket) return { what: `${socket} (${p}): control of every container on the node, root on the node`, socket: true };
  const inside = Object.entries(RUNTIME_SOCKETS).find(([s]) => s.startsWith(`${p === '/' ? '' : p}/`));
  if (inside) return { what: `${p}, which holds ${inside[1]} (${inside[0]}): root on the node`, socket: true };
  return { what: `the node's ${p}`, socket: false };
}

/** Image reference parts: the tag is after the last ':' of the last path segment (a registry port is not a tag). */
function imageTag(image: string): { digest: boolean; tag: string | undefined } {
  if (image.includes('@')) return { digest: true, tag: undefined };
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  return { digest: false, tag: colon >= 0 ? last.slice(colon + 1) : undefined };
}

/**
 * Windows pods: the Linux fields (runAsUser, capabilities, seccomp,
 * readOnlyRootFilesystem, allowPrivilegeEscalation) are rejected by the API
 * for `os.name: windows` and ignored on Windows nodes. The administrator
 * account there is ContainerAdministrator.
 */
function windowsRunAsAdmin(c: ContainerView): Violation[] {
  const fromContainer = isObj(c.securityContext.windowsOptions) ? c.securityContext.windowsOptions.runAsUserName : undefined;
  const fromPod = isObj(c.podSecurityContext.windowsOptions) ? c.podSecurityContext.windowsOptions.runAsUserName : undefined;
  const user = fromContainer ?? fromPod;
  const line = fromContainer !== undefined ? securityContextLine(c, 'windowsOptions') : fromPod !== undefined ? podSecurityContextLine(c, 'windowsOptions') : fieldLine(c, 'runAsNonRoot');
  if (typeof user === 'string' && WINDOWS_ADMINS.has(user.trim().toLowerCase()))
    return [{ message: `runs as ${user.trim()}, an administrator account (windowsOptions.runAsUserName)`, line }];
  if (typeof user === 'string' && user.trim() !== '') return [];
  // The kubelet refuses to start a runAsNonRoot container as ContainerAdministrator.
  if (inherited(c, 'runAsNonRoot') === true) return [];
  return [{ message: 'Windows container may run as ContainerAdministrator: neither windowsOptions.runAsUserName nor runAsNonRoot: true is set, so the image decides', line }];
}

/** Windows accounts with administrator rights (compared lower-case). */
const WINDOWS_ADMINS = new Set(['containeradministrator', 'nt authority\\system', 'system', 'administrator']);

const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;
const HOST_NAMESPACE_WHAT: Record<(typeof HOST_NAMESPACES)[number], string> = { hostNetwork: 'network', hostPID: 'process (PID)', hostIPC: 'IPC' };

const SECCOMP_ANNOTATION_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_ANNOTATION_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';

/** The effective seccomp profile type: the container's field, else the pod's (Kubernetes precedence). */
function seccompProfile(c: ContainerView): { type: string | undefined; line: number } {
  const fromContainer = isObj(c.securityContext.seccompProfile) ? c.securityContext.seccompProfile.type : undefined;
  if (fromContainer !== undefined) return { type: String(fromContainer), line: keyLine(c.securityContext.seccompProfile, 'type') ?? securityContextLine(c, 'seccompProfile') };
  const fromPod = isObj(c.podSecurityContext.seccompProfile) ? c.podSecurityContext.seccompProfile.type : undefined;
  if (fromPod !== undefined) return { type: String(fromPod), line: keyLine(c.podSecurityContext.seccompProfile, 'type') ?? podSecurityContextLine(c, 'seccompProfile') };
  return { type: undefined, line: securityContextLine(c, 'seccompProfile') };
}

/**
 * The legacy seccomp annotation that would have applied to this container.
 * Kubernetes stopped honouring these in v1.25 (kubelet) and removed them
 * entirely in v1.27 (kubernetes/kubernetes#114947): they do not count.
 */
function legacySeccompAnnotation(c: ContainerView): string | undefined {
  const key = c.pod.annotations[SECCOMP_ANNOTATION_CONTAINER + c.name] !== undefined ? SECCOMP_ANNOTATION_CONTAINER + c.name : SECCOMP_ANNOTATION_POD;
  const v = c.pod.annotations[key];
  return v === undefined ? undefined : `${key}: ${v}`;
}

const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^:@\s/]*:([^@\s/]+)@/i;
// Stricter than the secret scan's isPlaceholderValue (checks/common): a manifest should hold no credential
// literal at all, so only references and obvious stand-ins pass; "fake-…" or "S3cr3tPassw0rd" still block.
const PLACEHOLDER = /^(\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[^}]+\}|<[^>]*>|changeme|change-me|placeholder|example|xxx+|\*+|true|false|none|null)$/i;

export const CONTAINER_RULES: { readonly [R in ContainerRuleId]: (c: ContainerView) => Violation[] } = {
  'image/unpinned-tag'(c) {
    const image = c.raw.image;
    // No image: an operator supplies its own (docs/operators.md), not this manifest.
    if (typeof image !== 'string' || image.trim() === '') return [];
    const { digest, tag } = imageTag(image.trim());
    if (digest) return [];
    const line = keyLine(c.raw, 'image') ?? c.line;
    if (tag === undefined) return [{ message: `image "${image}" has no tag and no digest: it pulls whatever :latest is at the time`, line }];
    if (tag === 'latest') return [{ message: `image "${image}" uses the moving :latest tag and no digest`, line }];
    return [{ message: `image "${image}" is pinned by tag only; a tag can be re-pushed, a digest cannot`, line }];
  },
  'k8s/run-as-root'(c) {
    if (c.windows) return windowsRunAsAdmin(c);
    const user = inherited(c, 'runAsUser');
    const group = inherited(c, 'runAsGroup');
    const nonRoot = inherited(c, 'runAsNonRoot');
    if (user === 0 || user === '0')
      return [{ message: `runs as UID 0 (runAsUser: 0${nonRoot === true ? ', which contradicts runAsNonRoot: true' : ''})`, line: fieldLine(c, 'runAsUser') }];
    // GID 0 is the root group: read/write on every root-group file of the
    // image (kube-linter flags it too). Only an explicit 0 is reported.
    if (group === 0 || group === '0') return [{ message: 'runs with the root group (runAsGroup: 0)', line: fieldLine(c, 'runAsGroup') }];
    if (nonRoot === true) return [];
    // A non-zero runAsUser cannot be root whatever the image says: the
    // kubelet starts the process with that UID.
    if (typeof user === 'number' && Number.isInteger(user) && user > 0) return [];
    const why = nonRoot === false ? 'runAsNonRoot: false' : 'runAsNonRoot is not set';
    return [{ message: `may run as root: ${why} and no non-zero runAsUser, so the image's USER decides`, line: fieldLine(c, nonRoot === false ? 'runAsNonRoot' : undefined) }];
  },
  'k8s/capabilities-not-dropped'(c) {
    const out: Violation[] = [];
    const drop = capList(c, 'drop');
    if (!drop.includes('ALL'))
      out.push({ message: drop.length ? `drops only ${drop.join(', ')}, not ALL` : 'does not drop ALL capabilities', line: capLine(c, 'drop') });
    // One finding per capability added back, so an override for one
    // (NET_BIND_SERVICE, say) never covers another added later.
    for (const cap of new Set(capList(c, 'add')))
      out.push({ message: `adds capability ${cap}${cap === 'ALL' ? ' (every capability)' : ''}`, line: capLine(c, 'add'), key: `add:${cap}` });
    return out;
  },
  'k8s/writable-root-fs'(c) {
    const v = c.securityContext.readOnlyRootFilesystem;
    return v === true ? [] : [{ message: v === false ? 'readOnlyRootFilesystem: false' : 'readOnlyRootFilesystem is not set (defaults to writable)', line: securityContextLine(c, 'readOnlyRootFilesystem') }];
  },
  'k8s/privilege-escalation'(c) {
    const v = c.securityContext.allowPrivilegeEscalation;
    if (c.securityContext.privileged === true) return [{ message: 'privileged: true always allows privilege escalation', line: securityContextLine(c, 'privileged') }];
    if (capList(c, 'add').includes('SYS_ADMIN')) return [{ message: 'CAP_SYS_ADMIN always allows privilege escalation', line: securityContextLine(c, 'capabilities') }];
    if (v === false) return [];
    return [{ message: v === true ? 'allowPrivilegeEscalation: true' : 'allowPrivilegeEscalation is not set (Kubernetes defaults it to true)', line: securityContextLine(c, 'allowPrivilegeEscalation') }];
  },
  'k8s/privileged'(c) {
    if (c.securityContext.privileged === true) return [{ message: 'privileged: true', line: securityContextLine(c, 'privileged') }];
    // A Windows HostProcess container runs as a process on the node, with
    // the node's privileges: privileged in all but name.
    const fromContainer = isObj(c.securityContext.windowsOptions) ? c.securityContext.windowsOptions.hostProcess : undefined;
    const fromPod = isObj(c.podSecurityContext.windowsOptions) ? c.podSecurityContext.windowsOptions.hostProcess : undefined;
    if ((fromContainer ?? fromPod) === true)
      return [{ message: 'Windows HostProcess container (windowsOptions.hostProcess: true) runs on the node with its privileges', line: fromContainer === true ? securityContextLine(c, 'windowsOptions') : podSecurityContextLine(c, 'windowsOptions') }];
    return [];
  },
  'k8s/no-seccomp'(c) {
    const { type, line } = seccompProfile(c);
    if (type === 'RuntimeDefault' || type === 'Localhost') return [];
    if (type !== undefined) return [{ message: `seccomp profile is ${type}`, line }];
    const legacy = legacySeccompAnnotation(c);
    if (legacy)
      return [{ message: `only the legacy annotation "${legacy}" is set; Kubernetes ignores it since v1.27, so the container runs Unconfined`, line }];
    return [{ message: 'no seccomp profile on the container or its pod (the runtime runs it Unconfined)', line }];
  },
  'k8s/secret-in-env'(c) {
    const out: Violation[] = [];
    const env = Array.isArray(c.raw.env) ? c.raw.env : [];
    for (const e of env) {
      if (!isObj(e) || typeof e.name !== 'string') continue;
      const line = lineOf(e) ?? c.line;
      const value = e.value;
      if (typeof value === 'string' && value.trim() !== '') {
        // Bounded input: a URL with a password is short; this keeps the scan linear in practice.
        const embedded = URL_WITH_PASSWORD.exec(value.slice(0, 4096));
        if (embedded && !PLACEHOLDER.test(embedded[1] ?? ''))
          out.push({ message: `env ${e.name} holds a URL with an embedded password`, line, severity: 'block', key: e.name });
        else if (isCredentialName(e.name) && !PLACEHOLDER.test(value.trim()))
          out.push({ message: `env ${e.name} holds a literal credential value`, line, severity: 'block', key: e.name });
      } else if (isObj(e.valueFrom) && isObj(e.valueFrom.secretKeyRef)) {
        const ref = e.valueFrom.secretKeyRef;
        out.push({
          message: `env ${e.name} injects Secret ${String(ref.name ?? '?')}/${String(ref.key ?? '?')} as an environment variable`,
          line,
          severity: 'warning',
          key: e.name,
        });
      }
    }
    const envFrom = Array.isArray(c.raw.envFrom) ? c.raw.envFrom : [];
    for (const e of envFrom) {
      if (isObj(e) && isObj(e.secretRef)) {
        const name = String(e.secretRef.name ?? '?');
        out.push({ message: `envFrom injects every key of Secret ${name} as environment variables`, line: lineOf(e) ?? c.line, severity: 'warning', key: `envFrom:${name}` });
      }
    }
    return out;
  },
};

export const POD_RULES: { readonly [R in PodRuleId]: (obj: K8sObject, pod: PodTemplate, ctx: PodRuleContext) => Violation[] } = {
  'k8s/host-namespaces'(_obj, pod) {
    // One finding per namespace, keyed by the field: an override for
    // hostNetwork (a CNI agent, say) never covers a hostPID added later.
    return HOST_NAMESPACES.filter((f) => pod.spec[f] === true).map((f) => ({
      message: `shares the node's ${HOST_NAMESPACE_WHAT[f]} namespace (${f}: true)`,
      line: keyLine(pod.spec, f),
      key: f,
    }));
  },
  'k8s/sa-token-automount'(obj, pod, ctx) {
    const onPod = pod.spec.automountServiceAccountToken;
    const saName = serviceAccountOf(pod);
    const bound = grantsTo(ctx.rbac, namespaceOf(obj), saName).map((g) => `${g.role} (${g.binding.resource})`);
    const rights = bound.length ? `; ServiceAccount ${saName} is bound to ${bound.join(', ')}, so the token carries those rights` : '';
    // A projected token for the API server's audience is the same token, whatever automount says.
    const projected = projectedApiTokens(pod).map((v) => ({
      message: `volume "${v.name}" projects a Kubernetes API token (serviceAccountToken with no audience)${onPod === false ? ' although automountServiceAccountToken is false' : ''}${rights}`,
      line: v.line,
      key: `projected:${v.name}`,
    }));
    if (onPod === false) return projected;
    if (onPod === undefined && ctx.serviceAccountAutomount.get(`${obj.namespace}/${saName}`) === false) return projected;
    return [
      {
        message: (onPod === true ? 'automountServiceAccountToken: true' : `the service account token of "${saName}" is mounted (automountServiceAccountToken not false on the pod or the ServiceAccount)`) + rights,
        line: keyLine(pod.spec, 'automountServiceAccountToken') ?? pod.line,
      },
      ...projected,
    ];
  },
  'k8s/host-path'(_obj, pod) {
    const out: Violation[] = [];
    for (const v of Array.isArray(pod.spec.volumes) ? pod.spec.volumes : []) {
      if (!isObj(v) || !isObj(v.hostPath)) continue;
      const path = typeof v.hostPath.path === 'string' ? v.hostPath.path : '?';
      const { what, socket } = hostPathWhat(path);
      // A runtime socket keys apart, so an override for a plain hostPath never covers one.
      out.push({ message: `volume "${String(v.name)}" mounts ${what} (hostPath)`, line: keyLine(v, 'hostPath') ?? lineOf(v) ?? pod.line, key: `${socket ? 'socket' : 'volume'}:${String(v.name)}` });
    }
    for (const [field] of CONTAINER_KINDS)
      for (const c of Array.isArray(pod.spec[field]) ? (pod.spec[field] as unknown[]) : []) {
        if (!isObj(c) || !Array.isArray(c.ports)) continue;
        for (const p of c.ports) {
          if (!isObj(p) || p.hostPort === undefined || p.hostPort === null || p.hostPort === 0) continue;
          out.push({
            message: `container "${String(c.name)}" binds port ${String(p.hostPort)} on the node (hostPort${p.containerPort !== undefined ? ` for containerPort ${String(p.containerPort)}` : ''}), bypassing Services and NetworkPolicies' pod addressing`,
            line: keyLine(p, 'hostPort') ?? lineOf(p) ?? pod.line,
            key: `hostPort:${String(c.name)}:${String(p.hostPort)}`,
          });
        }
      }
    return out;
  },
  'k8s/rbac-excessive'(obj, pod, ctx) {
    if (!matches(ctx.mcpWorkloads, pod.labels)) return [];
    const sa = serviceAccountOf(pod);
    const line = pod.fieldLines?.serviceAccountName ?? keyLine(pod.spec, 'serviceAccountName') ?? pod.line;
    const out: Violation[] = [];
    for (const g of grantsTo(ctx.rbac, namespaceOf(obj), sa)) {
      const via = `ServiceAccount ${g.accountNs}/${sa} is bound by ${g.binding.resource} (${g.binding.file}:${g.binding.line}) to ${g.role}`;
      for (const e of g.excessive)
        out.push({ message: `${via}${g.roleObj ? ` (${e.file}:${e.line})` : ''}: ${e.what}`, line, key: `${g.binding.resource}:${e.key}` });
      if (sa === 'default' && g.excessive.length === 0 && namesDefaultAccount(g))
        out.push({
          message: `${via}: runs as the namespace's default ServiceAccount, so every pod of ${g.accountNs} that names no account gets this role${g.unknown ? ` (${g.unknown})` : ''}`,
          line,
          severity: 'warning',
          key: `${g.binding.resource}:default`,
        });
    }
    return out;
  },
};

/** Projected serviceAccountToken sources with no audience: tokens the API server accepts. */
function projectedApiTokens(pod: PodTemplate): { name: string; line: number }[] {
  const out: { name: string; line: number }[] = [];
  for (const v of Array.isArray(pod.spec.volumes) ? pod.spec.volumes : []) {
    if (!isObj(v) || !isObj(v.projected) || !Array.isArray(v.projected.sources)) continue;
    for (const src of v.projected.sources)
      if (isObj(src) && isObj(src.serviceAccountToken) && (src.serviceAccountToken.audience === undefined || src.serviceAccountToken.audience === ''))
        out.push({ name: String(v.name), line: lineOf(src) ?? lineOf(v) ?? pod.line });
  }
  return out;
}
