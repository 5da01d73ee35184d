// Kubernetes workload hardening (seed 003, HD-02 and the "Process &
// Container Security" gate rows). Each rule is a small template evaluated
// against the *effective* security context of every container, with the
// pod-level -> container-level inheritance Kubernetes applies.
import type { RuleId } from '../src/catalog.ts';
import { InputError } from '../src/errors.ts';
import { isObj, type K8sObject, type Obj, type PodTemplate, podTemplateOf } from '../src/k8s/objects.ts';
import type { Check, CheckContext, CheckResult, RawFinding, Severity } from '../src/types.ts';
import { keyLine, lineOf } from '../src/yaml.ts';

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
  evaluate(obj: K8sObject, pod: PodTemplate, ctx: PodRuleContext): Violation | undefined;
}

interface PodRuleContext {
  /** automountServiceAccountToken of ServiceAccounts in the repository, by `namespace/name`. */
  serviceAccountAutomount: Map<string, unknown>;
}

/** A pod-level field the container may override (Kubernetes PodSecurityContext semantics). */
function inherited(c: ContainerView, field: string): unknown {
  return c.sc[field] ?? c.podSc[field];
}

function capList(c: ContainerView, which: 'add' | 'drop'): string[] {
  const caps = c.sc.capabilities;
  const list = isObj(caps) ? caps[which] : undefined;
  return Array.isArray(list) ? list.map((x) => String(x).toUpperCase().replace(/^CAP_/, '')) : [];
}

function scLine(c: ContainerView, field?: string): number {
  if (field && isObj(c.raw.securityContext)) return keyLine(c.raw.securityContext, field) ?? c.line;
  return keyLine(c.raw, 'securityContext') ?? c.line;
}

const SECCOMP_ANNOTATION_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_ANNOTATION_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';

function seccompType(c: ContainerView): string | undefined {
  const own = isObj(c.sc.seccompProfile) ? c.sc.seccompProfile.type : undefined;
  if (typeof own === 'string') return own;
  const ann = c.pod.annotations[SECCOMP_ANNOTATION_CONTAINER + c.name];
  if (ann) return legacySeccomp(ann);
  const pod = isObj(c.podSc.seccompProfile) ? c.podSc.seccompProfile.type : undefined;
  if (typeof pod === 'string') return pod;
  const podAnn = c.pod.annotations[SECCOMP_ANNOTATION_POD];
  return podAnn ? legacySeccomp(podAnn) : undefined;
}

function legacySeccomp(v: string): string {
  if (v === 'runtime/default' || v === 'docker/default') return 'RuntimeDefault';
  if (v.startsWith('localhost/')) return 'Localhost';
  return v === 'unconfined' ? 'Unconfined' : v;
}

const CREDENTIAL_NAME =
  /(pass(word|wd|phrase)?|secret|token|api[-_]?key|apikey|access[-_]?key|private[-_]?key|credentials?|pwd|auth[-_]?key|conn(ection)?[-_]?str(ing)?|dsn|client[-_]?secret|signing[-_]?key|encryption[-_]?key)/i;
/** Names that hold a reference to a credential, not the credential itself. */
const REFERENCE_NAME = /[-_](file|path|dir|url|uri|endpoint|host|port|name|ttl|timeout|expiry|expires|header|type|enabled|length|id)$/i;
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^:@\s/]+:([^@\s/]+)@/i;
const PLACEHOLDER = /^(\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[^}]+\}|<[^>]*>|changeme|change-me|placeholder|example|xxx+|\*+|true|false|none|null)$/i;

export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name) && !REFERENCE_NAME.test(name);
}

export const CONTAINER_RULES: readonly ContainerRule[] = [
  {
    rule: 'k8s/run-as-root',
    evaluate(c) {
      const user = inherited(c, 'runAsUser');
      const nonRoot = inherited(c, 'runAsNonRoot');
      const field = c.sc.runAsUser !== undefined ? 'runAsUser' : c.sc.runAsNonRoot !== undefined ? 'runAsNonRoot' : undefined;
      if (user === 0 || user === '0')
        return [{ message: `runs as UID 0 (runAsUser: 0${nonRoot === true ? ', which contradicts runAsNonRoot: true' : ''})`, line: scLine(c, 'runAsUser') }];
      if (nonRoot === true) return [];
      // A non-zero runAsUser cannot be root whatever the image says.
      if (typeof user === 'number' && Number.isInteger(user) && user > 0) return [];
      const why = nonRoot === false ? 'runAsNonRoot: false' : 'runAsNonRoot is not set';
      return [{ message: `may run as root: ${why} and no non-zero runAsUser, so the image's USER decides`, line: scLine(c, field) }];
    },
  },
  {
    rule: 'k8s/capabilities-not-dropped',
    evaluate(c) {
      const drop = capList(c, 'drop');
      const add = capList(c, 'add');
      const problems: string[] = [];
      if (!drop.includes('ALL')) problems.push(drop.length ? `drops only ${drop.join(', ')}, not ALL` : 'does not drop ALL capabilities');
      if (add.length) problems.push(`adds ${add.join(', ')}`);
      return problems.length ? [{ message: problems.join('; '), line: scLine(c, 'capabilities') }] : [];
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
      return c.sc.privileged === true ? [{ message: 'privileged: true', line: scLine(c, 'privileged') }] : [];
    },
  },
  {
    rule: 'k8s/no-seccomp',
    evaluate(c) {
      const type = seccompType(c);
      if (type === 'RuntimeDefault' || type === 'Localhost') return [];
      return [{ message: type ? `seccomp profile is ${type}` : 'no seccomp profile on the container or its pod (the runtime runs it Unconfined)', line: scLine(c, 'seccompProfile') }];
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
          const embedded = URL_WITH_PASSWORD.exec(value);
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
      const shared = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((f) => pod.spec[f] === true);
      if (!shared.length) return undefined;
      return { message: `shares the node's namespaces: ${shared.map((f) => `${f}: true`).join(', ')}`, line: keyLine(pod.spec, shared[0] as string) };
    },
  },
  {
    rule: 'k8s/sa-token-automount',
    evaluate(obj, pod, ctx) {
      const own = pod.spec.automountServiceAccountToken;
      if (own === false) return undefined;
      const saName = String(pod.spec.serviceAccountName ?? pod.spec.serviceAccount ?? 'default');
      if (own === undefined && ctx.serviceAccountAutomount.get(`${obj.namespace}/${saName}`) === false) return undefined;
      return {
        message: own === true ? 'automountServiceAccountToken: true' : `the service account token of "${saName}" is mounted (automountServiceAccountToken not false on the pod or the ServiceAccount)`,
        line: keyLine(pod.spec, 'automountServiceAccountToken') ?? pod.line,
      };
    },
  },
];

export function containersOf(pod: PodTemplate): ContainerView[] {
  const podSc = isObj(pod.spec.securityContext) ? pod.spec.securityContext : {};
  const out: ContainerView[] = [];
  const kinds = [
    ['containers', 'container'],
    ['initContainers', 'initContainer'],
    ['ephemeralContainers', 'ephemeralContainer'],
  ] as const;
  for (const [field, kind] of kinds) {
    const list = pod.spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((raw: Obj, i) => {
      out.push({
        name: typeof raw.name === 'string' ? raw.name : `${field}[${i}]`,
        kind,
        raw,
        line: lineOf(raw) ?? pod.line,
        sc: isObj(raw.securityContext) ? raw.securityContext : {},
        podSc,
        pod,
      });
    });
  }
  return out;
}

/** Findings for one workload object (exported for tests and the conformance suite). */
export function evaluateWorkload(obj: K8sObject, ctx: PodRuleContext): RawFinding[] | undefined {
  const pod = podTemplateOf(obj);
  if (!pod) return undefined;
  const findings: RawFinding[] = [];
  for (const c of containersOf(pod)) {
    for (const rule of CONTAINER_RULES) {
      for (const v of rule.evaluate(c)) {
        findings.push({
          ruleId: rule.rule,
          message: `${obj.resource} ${c.kind} "${c.name}": ${v.message}`,
          location: { file: obj.file, line: v.line ?? c.line, resource: obj.resource, container: c.name },
          ...(v.severity ? { severity: v.severity } : {}),
          ...(v.key ? { key: v.key } : {}),
        });
      }
    }
  }
  for (const rule of POD_RULES) {
    const v = rule.evaluate(obj, pod, ctx);
    if (v)
      findings.push({
        ruleId: rule.rule,
        message: `${obj.resource}: ${v.message}`,
        location: { file: obj.file, line: v.line ?? pod.line, resource: obj.resource },
      });
  }
  return findings;
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
    const findings: RawFinding[] = problems.map((p) => ({
      ruleId: 'gate/check-failed',
      message: `${p.file}: ${p.message}`,
      location: { file: p.file, ...(p.line ? { line: p.line } : {}) },
      key: 'k8s-parse',
    }));
    const prc = podRuleContext(objects);
    let workloads = 0;
    for (const obj of objects) {
      try {
        const found = evaluateWorkload(obj, prc);
        if (found) {
          workloads++;
          findings.push(...found);
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
