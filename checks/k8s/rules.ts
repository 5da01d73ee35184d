// The Kubernetes hardening rules (seed 003 HD-02 and the "Process &
// Container Security" gate rows), one evaluate function per catalog record
// of scope container or pod: the type below makes a missing one a compile
// error. Each is evaluated against the *effective* security context, with
// the pod-level -> container-level inheritance Kubernetes applies.
import type { RULES, RuleId } from '../../src/rules/catalog.ts';
import type { Severity } from '../../src/types.ts';
import { isCredentialName } from '../common/credentials.ts';
import { isObj, type K8sObject, type PodTemplate } from '../../src/workspace/kubernetes.ts';
import { keyLine, lineOf } from '../../src/workspace/yaml.ts';
import { type ContainerView, capLine, capList, fieldLine, inherited, podSecurityContextLine, securityContextLine } from './containers.ts';

type K8sRuleId = Extract<RuleId, `k8s/${string}`>;
type K8sRuleOfScope<S> = { [R in K8sRuleId]: (typeof RULES)[R]['scope'] extends S ? R : never }[K8sRuleId];
/** Rules evaluated once per container (catalog scope "container"). */
export type ContainerRuleId = K8sRuleOfScope<'container'>;
/** Rules evaluated once per pod spec (catalog scope "pod"). */
export type PodRuleId = K8sRuleOfScope<'pod'>;

export interface Violation {
  message: string;
  line?: number;
  severity?: Severity;
  key?: string;
}

export interface PodRuleContext {
  /** automountServiceAccountToken of ServiceAccounts in the repository, by `namespace/name`. */
  serviceAccountAutomount: Map<string, unknown>;
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
    if (onPod === false) return [];
    const saName = String(pod.spec.serviceAccountName ?? pod.spec.serviceAccount ?? 'default');
    if (onPod === undefined && ctx.serviceAccountAutomount.get(`${obj.namespace}/${saName}`) === false) return [];
    return [{
      message: onPod === true ? 'automountServiceAccountToken: true' : `the service account token of "${saName}" is mounted (automountServiceAccountToken not false on the pod or the ServiceAccount)`,
      line: keyLine(pod.spec, 'automountServiceAccountToken') ?? pod.line,
    }];
  },
};
