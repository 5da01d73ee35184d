// Kubernetes workload hardening (seed 003, HD-02 and the "Process &
// Container Security" gate rows). Each rule is a small template evaluated
// against the *effective* security context of every container, with the
// pod-level -> container-level inheritance Kubernetes applies.
import { parseProblemFindings } from '../../src/workspace/workspace.ts';
import type { RuleId } from '../../src/rules/catalog.ts';
import { InputError } from '../../src/util/errors.ts';
import { CONTAINER_KINDS, isObj, type K8sObject, type Obj, type PodTemplate, podTemplateOf } from '../../src/workspace/kubernetes.ts';
import type { Check, CheckContext, CheckResult, RawFinding, Severity } from '../../src/types.ts';
import { keyLine, lineOf } from '../../src/workspace/yaml.ts';

export interface ContainerView {
  name: string;
  kind: 'container' | 'initContainer' | 'ephemeralContainer';
  raw: Obj;
  line: number;
  /** Container securityContext ({} when absent). */
  sc: Obj;
  /** Pod securityContext ({} when absent). */
  podSc: Obj;
  pod: PodTemplate;
  /** The pod runs on Windows nodes. */
  windows: boolean;
}

interface Violation {
  message: string;
  line?: number;
  severity?: Severity;
  key?: string;
}

interface ContainerRule {
  rule: RuleId;
  evaluate(c: ContainerView): Violation[];
}

interface PodRule {
  rule: RuleId;
  evaluate(obj: K8sObject, pod: PodTemplate, ctx: PodRuleContext): Violation[];
}

interface PodRuleContext {
  /** automountServiceAccountToken of ServiceAccounts in the repository, by `namespace/name`. */
  serviceAccountAutomount: Map<string, unknown>;
}

/** Line of a securityContext field: the container's if it sets it, else the pod's, else the container's securityContext. */
function fieldLine(c: ContainerView, field: string | undefined): number {
  if (field && c.sc[field] === undefined && c.podSc[field] !== undefined) return podScLine(c, field);
  return scLine(c, field);
}

function podScLine(c: ContainerView, field: string): number {
  return keyLine(c.pod.spec.securityContext, field) ?? keyLine(c.pod.spec, 'securityContext') ?? c.line;
}

/**
 * Windows pods: the Linux fields (runAsUser, capabilities, seccomp,
 * readOnlyRootFilesystem, allowPrivilegeEscalation) are rejected by the API
 * for `os.name: windows` and ignored on Windows nodes. The administrator
 * account there is ContainerAdministrator.
 */
function windowsRunAsAdmin(c: ContainerView): Violation[] {
  const own = isObj(c.sc.windowsOptions) ? c.sc.windowsOptions.runAsUserName : undefined;
  const pod = isObj(c.podSc.windowsOptions) ? c.podSc.windowsOptions.runAsUserName : undefined;
  const user = own ?? pod;
  const line = own !== undefined ? scLine(c, 'windowsOptions') : pod !== undefined ? podScLine(c, 'windowsOptions') : fieldLine(c, 'runAsNonRoot');
  if (typeof user === 'string' && WINDOWS_ADMINS.has(user.trim().toLowerCase()))
    return [{ message: `runs as ${user.trim()}, an administrator account (windowsOptions.runAsUserName)`, line }];
  if (typeof user === 'string' && user.trim() !== '') return [];
  // The kubelet refuses to start a runAsNonRoot container as ContainerAdministrator.
  if (inherited(c, 'runAsNonRoot') === true) return [];
  return [{ message: 'Windows container may run as ContainerAdministrator: neither windowsOptions.runAsUserName nor runAsNonRoot: true is set, so the image decides', line }];
}

/** Windows accounts with administrator rights (compared lower-case). */
const WINDOWS_ADMINS = new Set(['containeradministrator', 'nt authority\\system', 'system', 'administrator']);

/** Rules that only mean something on Linux nodes. */
const LINUX_ONLY = new Set<RuleId>(['k8s/capabilities-not-dropped', 'k8s/writable-root-fs', 'k8s/privilege-escalation', 'k8s/no-seccomp']);

/** The pod runs on Windows nodes (spec.os.name, or the conventional node selector). */
export function isWindowsPod(pod: PodTemplate): boolean {
  const os = isObj(pod.spec.os) ? pod.spec.os.name : undefined;
  if (typeof os === 'string') return os.toLowerCase() === 'windows';
  const sel = isObj(pod.spec.nodeSelector) ? pod.spec.nodeSelector['kubernetes.io/os'] : undefined;
  return typeof sel === 'string' && sel.toLowerCase() === 'windows';
}

/** A pod-level field the container may override (Kubernetes PodSecurityContext semantics). */
function inherited(c: ContainerView, field: string): unknown {
  return c.sc[field] ?? c.podSc[field];
}

function capList(c: ContainerView, which: 'add' | 'drop'): string[] {
  const caps = c.sc.capabilities;
  const list = isObj(caps) ? caps[which] : undefined;
  // Runtimes upper-case names and match ALL case-insensitively. A CAP_
  // prefix is stripped only from added names (reporting cap_sys_admin as
  // SYS_ADMIN errs on the safe side); "CAP_ALL" in drop is not ALL.
  if (!Array.isArray(list)) return [];
  return list.map((x) => (which === 'add' ? String(x).toUpperCase().replace(/^CAP_/, '') : String(x).toUpperCase()));
}

function scLine(c: ContainerView, field?: string): number {
  if (field && isObj(c.raw.securityContext)) return keyLine(c.raw.securityContext, field) ?? c.line;
  return keyLine(c.raw, 'securityContext') ?? c.line;
}

/** Line of capabilities.add / capabilities.drop, else of capabilities, else of the securityContext. */
function capLine(c: ContainerView, which: 'add' | 'drop'): number {
  const caps = c.sc.capabilities;
  if (isObj(caps) && caps[which] !== undefined) return keyLine(caps, which) ?? scLine(c, 'capabilities');
  return scLine(c, 'capabilities');
}

const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;
const HOST_NAMESPACE_WHAT: Record<(typeof HOST_NAMESPACES)[number], string> = { hostNetwork: 'network', hostPID: 'process (PID)', hostIPC: 'IPC' };

const SECCOMP_ANNOTATION_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_ANNOTATION_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';

/** The effective seccomp profile type: the container's field, else the pod's (Kubernetes precedence). */
function seccompProfile(c: ContainerView): { type: string | undefined; line: number } {
  const own = isObj(c.sc.seccompProfile) ? c.sc.seccompProfile.type : undefined;
  if (own !== undefined) return { type: String(own), line: keyLine(c.sc.seccompProfile, 'type') ?? scLine(c, 'seccompProfile') };
  const pod = isObj(c.podSc.seccompProfile) ? c.podSc.seccompProfile.type : undefined;
  if (pod !== undefined) return { type: String(pod), line: keyLine(c.podSc.seccompProfile, 'type') ?? podScLine(c, 'seccompProfile') };
  return { type: undefined, line: scLine(c, 'seccompProfile') };
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

const CREDENTIAL_NAME =
  /(pass(word|wd|phrase)?|secret|token|api[-_]?key|apikey|access[-_]?key|private[-_]?key|credentials?|pwd|auth[-_]?key|conn(ection)?[-_]?str(ing)?|dsn|client[-_]?secret|signing[-_]?key|encryption[-_]?key)/i;
/** Names that hold a reference to a credential, not the credential itself. */
const REFERENCE_NAME = /[-_](file|path|dir|url|uri|endpoint|host|port|name|ttl|timeout|expiry|expires|header|type|enabled|length|id)$/i;
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^:@\s/]*:([^@\s/]+)@/i;
const PLACEHOLDER = /^(\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[^}]+\}|<[^>]*>|changeme|change-me|placeholder|example|xxx+|\*+|true|false|none|null)$/i;

export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name) && !REFERENCE_NAME.test(name);
}

export const CONTAINER_RULES: readonly ContainerRule[] = [
  {
    rule: 'k8s/run-as-root',
    evaluate(c) {
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
  },
  {
    rule: 'k8s/capabilities-not-dropped',
    evaluate(c) {
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
  },
  {
    rule: 'k8s/writable-root-fs',
    evaluate(c) {
      const v = c.sc.readOnlyRootFilesystem;
      return v === true ? [] : [{ message: v === false ? 'readOnlyRootFilesystem: false' : 'readOnlyRootFilesystem is not set (defaults to writable)', line: scLine(c, 'readOnlyRootFilesystem') }];
    },
  },
  {
    rule: 'k8s/privilege-escalation',
    evaluate(c) {
      const v = c.sc.allowPrivilegeEscalation;
      if (c.sc.privileged === true) return [{ message: 'privileged: true always allows privilege escalation', line: scLine(c, 'privileged') }];
      if (capList(c, 'add').includes('SYS_ADMIN')) return [{ message: 'CAP_SYS_ADMIN always allows privilege escalation', line: scLine(c, 'capabilities') }];
      if (v === false) return [];
      return [{ message: v === true ? 'allowPrivilegeEscalation: true' : 'allowPrivilegeEscalation is not set (Kubernetes defaults it to true)', line: scLine(c, 'allowPrivilegeEscalation') }];
    },
  },
  {
    rule: 'k8s/privileged',
    evaluate(c) {
      if (c.sc.privileged === true) return [{ message: 'privileged: true', line: scLine(c, 'privileged') }];
      // A Windows HostProcess container runs as a process on the node, with
      // the node's privileges: privileged in all but name.
      const own = isObj(c.sc.windowsOptions) ? c.sc.windowsOptions.hostProcess : undefined;
      const pod = isObj(c.podSc.windowsOptions) ? c.podSc.windowsOptions.hostProcess : undefined;
      if ((own ?? pod) === true)
        return [{ message: 'Windows HostProcess container (windowsOptions.hostProcess: true) runs on the node with its privileges', line: own === true ? scLine(c, 'windowsOptions') : podScLine(c, 'windowsOptions') }];
      return [];
    },
  },
  {
    rule: 'k8s/no-seccomp',
    evaluate(c) {
      const { type, line } = seccompProfile(c);
      if (type === 'RuntimeDefault' || type === 'Localhost') return [];
      if (type !== undefined) return [{ message: `seccomp profile is ${type}`, line }];
      const legacy = legacySeccompAnnotation(c);
      if (legacy)
        return [{ message: `only the legacy annotation "${legacy}" is set; Kubernetes ignores it since v1.27, so the container runs Unconfined`, line }];
      return [{ message: 'no seccomp profile on the container or its pod (the runtime runs it Unconfined)', line }];
    },
  },
  {
    rule: 'k8s/secret-in-env',
    evaluate(c) {
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
  },
];

export const POD_RULES: readonly PodRule[] = [
  {
    rule: 'k8s/host-namespaces',
    evaluate(_obj, pod) {
      // One finding per namespace, keyed by the field: an override for
      // hostNetwork (a CNI agent, say) never covers a hostPID added later.
      return HOST_NAMESPACES.filter((f) => pod.spec[f] === true).map((f) => ({
        message: `shares the node's ${HOST_NAMESPACE_WHAT[f]} namespace (${f}: true)`,
        line: keyLine(pod.spec, f),
        key: f,
      }));
    },
  },
  {
    rule: 'k8s/sa-token-automount',
    evaluate(obj, pod, ctx) {
      const own = pod.spec.automountServiceAccountToken;
      if (own === false) return [];
      const saName = String(pod.spec.serviceAccountName ?? pod.spec.serviceAccount ?? 'default');
      if (own === undefined && ctx.serviceAccountAutomount.get(`${obj.namespace}/${saName}`) === false) return [];
      return [{
        message: own === true ? 'automountServiceAccountToken: true' : `the service account token of "${saName}" is mounted (automountServiceAccountToken not false on the pod or the ServiceAccount)`,
        line: keyLine(pod.spec, 'automountServiceAccountToken') ?? pod.line,
      }];
    },
  },
];

export function containersOf(pod: PodTemplate): ContainerView[] {
  const podSc = isObj(pod.spec.securityContext) ? pod.spec.securityContext : {};
  const windows = isWindowsPod(pod);
  const out: ContainerView[] = [];
  for (let k = 0; k < CONTAINER_KINDS.length; k++) {
    const [field, kind] = CONTAINER_KINDS[k] as (typeof CONTAINER_KINDS)[number];
    const list = pod.spec[field];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const raw = list[i] as Obj;
      out.push({
        name: typeof raw.name === 'string' ? raw.name : `${field}[${i}]`,
        kind,
        raw,
        line: lineOf(raw) ?? pod.line,
        sc: isObj(raw.securityContext) ? raw.securityContext : {},
        podSc,
        pod,
        windows,
      });
    }
  }
  return out;
}

/** Findings for one workload object (exported for tests and the conformance suite). */
export function evaluateWorkload(obj: K8sObject, ctx: PodRuleContext): RawFinding[] | undefined {
  const pod = podTemplateOf(obj);
  if (!pod) return undefined;
  const findings: RawFinding[] = [];
  if (pod.incomplete)
    findings.push({
      ruleId: 'gate/check-failed',
      message: `${obj.resource}: malformed workload: ${pod.incomplete} (a kustomize patch? point kubernetes.paths at rendered manifests)`,
      location: { file: obj.file, line: keyLine(pod.spec, 'containers') ?? pod.line, resource: obj.resource },
      key: 'k8s-malformed',
    });
  // Indexed loops and findings built field by field: this runs per container
  // and rule of every workload (for-of and conditional spreads allocate).
  const containers = containersOf(pod);
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i] as ContainerView;
    const prefix = `${obj.resource} ${c.kind} "${c.name}": `;
    for (let j = 0; j < CONTAINER_RULES.length; j++) {
      const rule = CONTAINER_RULES[j] as ContainerRule;
      if (c.windows && LINUX_ONLY.has(rule.rule)) continue;
      const vs = rule.evaluate(c);
      for (let k = 0; k < vs.length; k++) {
        const v = vs[k] as Violation;
        findings.push(withExtras({ ruleId: rule.rule, message: prefix + v.message, location: { file: obj.file, line: v.line ?? c.line, resource: obj.resource, container: c.name } }, v));
      }
    }
  }
  for (let j = 0; j < POD_RULES.length; j++) {
    const rule = POD_RULES[j] as PodRule;
    const vs = rule.evaluate(obj, pod, ctx);
    for (let k = 0; k < vs.length; k++) {
      const v = vs[k] as Violation;
      findings.push(withExtras({ ruleId: rule.rule, message: `${obj.resource}: ${v.message}`, location: { file: obj.file, line: v.line ?? pod.line, resource: obj.resource } }, v));
    }
  }
  return findings;
}

/** The violation's severity and key, when it has them, on its finding. */
function withExtras(f: RawFinding, v: Violation): RawFinding {
  if (v.severity) f.severity = v.severity;
  if (v.key) f.key = v.key;
  return f;
}

export function podRuleContext(objects: readonly K8sObject[]): PodRuleContext {
  const serviceAccountAutomount = new Map<string, unknown>();
  for (const o of objects)
    if (o.kind === 'ServiceAccount') serviceAccountAutomount.set(`${o.namespace}/${o.name}`, o.raw.automountServiceAccountToken);
  return { serviceAccountAutomount };
}

export const k8sWorkloadCheck: Check = {
  id: 'k8s',
  rules: [...CONTAINER_RULES.map((r) => r.rule), ...POD_RULES.map((r) => r.rule), 'gate/check-failed'],
  async run(ctx: CheckContext): Promise<CheckResult> {
    const { objects, problems } = ctx.workspace.kubernetes(ctx.config.kubernetes?.paths);
    const findings: RawFinding[] = parseProblemFindings(problems);
    const prc = podRuleContext(objects);
    let workloads = 0;
    for (let i = 0; i < objects.length; i++) {
      const obj = objects[i] as K8sObject;
      try {
        const found = evaluateWorkload(obj, prc);
        if (found) {
          workloads++;
          for (let j = 0; j < found.length; j++) findings.push(found[j] as RawFinding);
        }
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        findings.push({
          ruleId: 'gate/check-failed',
          message: err.message,
          location: { file: err.file ?? obj.file, line: err.line ?? obj.line, resource: obj.resource },
          key: 'k8s-malformed',
        });
      }
    }
    return {
      findings,
      detail: `${objects.length} Kubernetes objects, ${workloads} workloads${problems.length ? `, ${problems.length} files not parsed` : ''}`,
      skipped: objects.length === 0 && problems.length === 0,
    };
  },
};
