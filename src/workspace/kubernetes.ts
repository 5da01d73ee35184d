// Kubernetes objects found in YAML documents, and the pod template inside
// each workload kind.
import { InputError } from '../util/errors.ts';
import { keyLine, lineOf, type YamlDocument } from './yaml.ts';

export type Obj = Record<string, unknown>;

export interface K8sObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  /** `Kind/namespace/name` (SPEC.md). */
  resource: string;
  file: string;
  line: number;
  raw: Obj;
  /**
   * The chart or overlay that rendered it ("helm chart charts/app"); absent
   * for plain manifest files. Objects of different bundles are alternative
   * deployments, not one.
   */
  bundle?: string;
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Kubernetes objects in parsed documents; `List` kinds are expanded, other YAML skipped. */
export function kubernetesObjects(docs: YamlDocument[], file: string): K8sObject[] {
  const out: K8sObject[] = [];
  const add = (value: unknown, fallbackLine: number): void => {
    if (!isObj(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') return;
    if (value.kind.endsWith('List') && Array.isArray(value.items)) {
      for (const item of value.items) add(item, lineOf(item) ?? fallbackLine);
      return;
    }
    const meta = isObj(value.metadata) ? value.metadata : {};
    checkMetadata(meta, value.kind, file, lineOf(value) ?? fallbackLine);
    const name = typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? `${meta.generateName}*` : '(unnamed)';
    const namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
    out.push({
      apiVersion: value.apiVersion,
      kind: value.kind,
      name,
      namespace,
      resource: `${value.kind}/${namespace}/${name}`,
      file,
      line: lineOf(value) ?? fallbackLine,
      raw: value,
    });
  };
  for (const doc of docs) add(doc.value, doc.line);
  return out;
}

export interface PodTemplate {
  spec: Obj;
  /** Labels the pods get (template metadata, or the Pod's own). */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Line of the pod spec, for findings about the pod as a whole. */
  line: number;
  /**
   * Set when the pod spec has no containers: the API server would reject it
   * and the containers it will run are unknown (often a kustomize patch).
   * Pod-level fields are still usable; a check must not pass it silently.
   */
  incomplete?: string;
  /** The file the pod spec's lines are in, when not the object's own (an Argo Rollout's workloadRef). */
  file?: string;
  /** Lines of pod spec fields an operator derives from a differently named field of its resource (serviceAccountName from spec.serviceAccount). */
  fieldLines?: Readonly<Record<string, number>>;
}

/**
 * Pod templates already read, or the error reading one gave. The k8s and
 * netpol checks (and the reports check's misconfigurations) each ask for
 * every workload of the same parse; parsed objects are never modified, so
 * the answer is the same each time.
 */
const templates = new WeakMap<K8sObject, PodTemplate | InputError | null>();

/**
 * The pod spec a workload runs, or undefined for kinds that run no pods.
 * Throws InputError (file:line) when the object is a workload whose pod
 * spec is malformed, so the check reports it instead of passing it.
 */
export function podTemplateOf(obj: K8sObject): PodTemplate | undefined {
  const known = templates.get(obj);
  if (known !== undefined) {
    if (known instanceof InputError) throw known;
    return known ?? undefined;
  }
  try {
    const pod = readPodTemplate(obj);
    templates.set(obj, pod ?? null);
    return pod;
  } catch (err) {
    if (err instanceof InputError) templates.set(obj, err);
    throw err;
  }
}

function readPodTemplate(obj: K8sObject): PodTemplate | undefined {
  const spec = obj.raw.spec;
  let template: unknown;
  let podSpec: unknown;
  if (obj.kind === 'Pod') {
    podSpec = spec;
    template = obj.raw;
  } else if (obj.kind === 'CronJob') {
    const jobTemplate = isObj(spec) ? spec.jobTemplate : undefined;
    template = isObj(jobTemplate) && isObj(jobTemplate.spec) ? jobTemplate.spec.template : undefined;
    podSpec = isObj(template) ? template.spec : undefined;
    if (podSpec === undefined)
      throw malformed(obj, isObj(spec) ? spec : obj.raw, 'CronJob without spec.jobTemplate.spec.template.spec', isObj(spec) ? 'jobTemplate' : 'spec');
  } else if (isObj(spec) && spec.template !== undefined) {
    template = spec.template;
    podSpec = isObj(template) ? template.spec : undefined;
    // Any kind with spec.template.spec.containers runs pods (Argo Rollouts, DeploymentConfig, ...).
    if (!WORKLOAD_KINDS.has(obj.kind) && !(isObj(podSpec) && 'containers' in podSpec)) return undefined;
  } else if (WORKLOAD_KINDS.has(obj.kind)) {
    throw malformed(obj, isObj(spec) ? spec : obj.raw, `${obj.kind} without spec.template.spec`, isObj(spec) ? undefined : 'spec');
  } else {
    return undefined;
  }
  if (!isObj(podSpec))
    throw isObj(template) ? malformed(obj, template, 'pod spec is not a mapping', 'spec') : malformed(obj, spec, 'pod template is not a mapping', 'template');
  for (const [field] of CONTAINER_KINDS) {
    const list = podSpec[field];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) throw malformed(obj, podSpec, `${field} is not a list`, field);
    for (const [i, c] of list.entries()) {
      if (!isObj(c)) throw malformed(obj, list, `${field}[${i}] is not a mapping`);
      if (c.securityContext !== undefined && c.securityContext !== null && !isObj(c.securityContext))
        throw malformed(obj, c, `${field}[${i}].securityContext is not a mapping`, 'securityContext');
    }
  }
  const incomplete = !Array.isArray(podSpec.containers) || podSpec.containers.length === 0;
  if (podSpec.securityContext !== undefined && podSpec.securityContext !== null && !isObj(podSpec.securityContext))
    throw malformed(obj, podSpec, 'securityContext is not a mapping', 'securityContext');
  checkFieldTypes(obj, podSpec);
  const meta = isObj(template) && isObj(template.metadata) ? template.metadata : {};
  if (template !== obj.raw) {
    const bad = badMetadata(meta);
    if (bad) throw malformed(obj, bad.holder, `template metadata.${bad.path} is ${describe(bad.value)}; Kubernetes requires a string there (quote it)`, bad.key);
  }
  return {
    spec: podSpec,
    labels: stringMap(meta.labels),
    annotations: stringMap(meta.annotations),
    line: lineOf(podSpec) ?? obj.line,
    ...(incomplete ? { incomplete: 'pod spec has no containers' } : {}),
  };
}

/** The pod spec's container lists, and what a container of each is called in findings. */
export const CONTAINER_KINDS = [
  ['containers', 'container'],
  ['initContainers', 'initContainer'],
  ['ephemeralContainers', 'ephemeralContainer'],
] as const;

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'DeploymentConfig',
  'Rollout',
]);

/**
 * JSON types the API server requires of the pod fields the checks decide on.
 * Its typed decoder never coerces ("true" is not true, "0" is not 0), so an
 * object with another type there is refused at deploy time; the gate refuses
 * it too rather than reading the field as unset.
 */
const POD_FIELD_TYPES: Record<string, 'boolean' | 'integer'> = {
  hostNetwork: 'boolean',
  hostPID: 'boolean',
  hostIPC: 'boolean',
  hostUsers: 'boolean',
  automountServiceAccountToken: 'boolean',
  shareProcessNamespace: 'boolean',
};
const POD_SECURITY_CONTEXT_TYPES: Record<string, 'boolean' | 'integer'> = {
  runAsNonRoot: 'boolean',
  runAsUser: 'integer',
  runAsGroup: 'integer',
  fsGroup: 'integer',
};
const SECURITY_CONTEXT_TYPES: Record<string, 'boolean' | 'integer'> = {
  privileged: 'boolean',
  allowPrivilegeEscalation: 'boolean',
  readOnlyRootFilesystem: 'boolean',
  runAsNonRoot: 'boolean',
  runAsUser: 'integer',
  runAsGroup: 'integer',
};
const WINDOWS_OPTIONS_TYPES: Record<string, 'boolean' | 'integer'> = { hostProcess: 'boolean' };

function checkFieldTypes(obj: K8sObject, podSpec: Obj): void {
  const check = (holder: unknown, types: Record<string, 'boolean' | 'integer'>, path: string): void => {
    if (!isObj(holder)) return;
    for (const [key, type] of Object.entries(types)) {
      const v = holder[key];
      if (v === undefined || v === null || (type === 'boolean' ? typeof v === 'boolean' : Number.isInteger(v))) continue;
      const want = type === 'boolean' ? 'true or false' : 'an integer';
      throw malformed(obj, holder, `${path}${key} is ${describe(v)}; Kubernetes requires ${want} there and the API server refuses the object`, key);
    }
    if (isObj(holder.windowsOptions)) check(holder.windowsOptions, WINDOWS_OPTIONS_TYPES, `${path}windowsOptions.`);
  };
  check(podSpec, POD_FIELD_TYPES, '');
  check(podSpec.securityContext, POD_SECURITY_CONTEXT_TYPES, 'securityContext.');
  for (const [field] of CONTAINER_KINDS) {
    const list = podSpec[field];
    if (Array.isArray(list)) for (const [i, c] of list.entries()) check((c as Obj).securityContext, SECURITY_CONTEXT_TYPES, `${field}[${i}].securityContext.`);
  }
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  if (Array.isArray(v)) return 'a list';
  if (isObj(v)) return 'a mapping';
  return `the ${typeof v} ${String(v)}`;
}

/** The first metadata field of the wrong type: names are strings, label and annotation values strings (or null). */
function badMetadata(meta: Obj): { holder: Obj; key: string; path: string; value: unknown } | undefined {
  for (const key of ['name', 'namespace', 'generateName']) {
    const v = meta[key];
    if (v !== undefined && v !== null && typeof v !== 'string') return { holder: meta, key, path: key, value: v };
  }
  for (const map of ['labels', 'annotations']) {
    const m = meta[map];
    if (!isObj(m)) continue;
    for (const [key, v] of Object.entries(m)) if (v !== null && typeof v !== 'string') return { holder: m, key, path: `${map}.${key}`, value: v };
  }
  return undefined;
}

/** kubectl decodes an object's own metadata before anything else and refuses the file on a wrong type there. */
function checkMetadata(meta: Obj, what: string, file: string, line: number): void {
  const bad = badMetadata(meta);
  if (bad)
    throw new InputError(`${what}: metadata.${bad.path} is ${describe(bad.value)}; kubectl requires a string there (quote it) and refuses the file`, file, keyLine(bad.holder, bad.key) ?? line);
}

export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObj(v)) return out;
  for (const [k, val] of Object.entries(v)) if (val !== null && val !== undefined) out[k] = String(val);
  return out;
}

export function malformed(obj: K8sObject, near: unknown, what: string, key?: string): InputError {
  const line = (key ? keyLine(near, key) : lineOf(near)) ?? obj.line;
  return new InputError(`${obj.resource}: malformed workload: ${what}`, obj.file, line);
}
