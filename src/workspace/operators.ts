// Pods a controller builds from another object, evaluated as the pods that
// will run: the MCP operators' custom resources (toolhive MCPServer,
// VirtualMCPServer, MCPRemoteProxy; kmcp/kagent MCPServer) and Argo Rollouts
// that take their pod template from another object (workloadRef). What each
// operator creates, and the source files it was read from: docs/operators.md.
import { InputError } from '../util/errors.ts';
import { isObj, type K8sObject, malformed, type Obj, type PodTemplate, podTemplateOf, stringMap } from './kubernetes.ts';
import { keyLine, lineOf } from './yaml.ts';

/**
 * A read-only mapping holding `fields` whose source lines (lineOf, keyLine)
 * are those of the parsed mapping `source`: a value an operator derives from
 * one mapping of a resource points at that mapping. The position rides on
 * the parsed object under a symbol (yaml.ts), which the view forwards.
 */
export function viewOf(source: unknown, fields: Obj): Obj {
  if (!isObj(source)) return fields;
  return new Proxy(source, {
    get: (t, k) => (typeof k === 'symbol' ? Reflect.get(t, k) : Object.hasOwn(fields, k) ? fields[k] : undefined),
    has: (t, k) => (typeof k === 'symbol' ? Reflect.has(t, k) : Object.hasOwn(fields, k)),
    ownKeys: (t) => [...Object.keys(fields), ...Object.getOwnPropertySymbols(t)],
    getOwnPropertyDescriptor: (t, k) =>
      typeof k === 'symbol'
        ? Reflect.getOwnPropertyDescriptor(t, k)
        : Object.hasOwn(fields, k)
          ? { value: fields[k], writable: false, enumerable: true, configurable: true }
          : undefined,
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/** The same mapping with `defaults` filled in where it leaves a key unset (toolhive's proxy runner, one level deep). */
function withDefaults(value: unknown, defaults: Obj): Obj {
  if (!isObj(value)) return defaults;
  const out: Obj = { ...defaults };
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = v;
  return viewOf(value, out);
}

/** Lists a strategic merge patch merges item by item, by `name` (the Kubernetes patchMergeKey). */
const MERGED_BY_NAME = new Set(['containers', 'initContainers', 'ephemeralContainers', 'volumes', 'env', 'imagePullSecrets']);

/**
 * A strategic merge patch of a pod template (what toolhive's
 * ApplyPodTemplateSpecPatch does): mappings merge key by key, named lists
 * item by item, null deletes, anything else is replaced.
 */
function strategicMerge(base: unknown, patch: unknown, key = ''): unknown {
  if (patch === undefined) return base;
  if (isObj(base) && isObj(patch)) {
    const out: Obj = { ...base };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete out[k];
      else out[k] = strategicMerge(base[k], v, k);
    }
    return viewOf(patch, out);
  }
  if (Array.isArray(base) && Array.isArray(patch) && MERGED_BY_NAME.has(key)) {
    const out = [...base];
    for (const item of patch) {
      const i = out.findIndex((b) => isObj(b) && isObj(item) && b.name === item.name);
      if (i >= 0) out[i] = strategicMerge(out[i], item);
      else out.push(item);
    }
    return out;
  }
  return patch;
}

// toolhive's SecurityContextBuilder for Kubernetes (pkg/container/kubernetes/security.go).
// On OpenShift it leaves runAsUser/runAsGroup/fsGroup to the SCC, which assigns a non-root UID.
const TOOLHIVE_POD_SECURITY: Obj = deepFreeze({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } });
const TOOLHIVE_CONTAINER_SECURITY: Obj = deepFreeze({
  privileged: false,
  runAsNonRoot: true,
  runAsUser: 1000,
  runAsGroup: 1000,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  seccompProfile: { type: 'RuntimeDefault' },
  capabilities: { drop: ['ALL'] },
});

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) deepFreeze(x);
  return Object.freeze(v);
}

const TOOLHIVE_GROUP = 'toolhive.stacklok.dev';
const KAGENT_GROUP = 'kagent.dev';

/** Operator kinds the gate evaluates, by `group/version Kind`. */
const OPERATOR_KINDS = new Map<string, (obj: K8sObject, spec: Obj) => PodTemplate>();
for (const version of ['v1alpha1', 'v1beta1']) {
  OPERATOR_KINDS.set(`${TOOLHIVE_GROUP}/${version} MCPServer`, toolhiveMcpServer);
  OPERATOR_KINDS.set(`${TOOLHIVE_GROUP}/${version} VirtualMCPServer`, (o, s) => toolhiveProxied(o, s, 'vmcp', `${o.name}-vmcp`, 'virtualmcpserver'));
  OPERATOR_KINDS.set(`${TOOLHIVE_GROUP}/${version} MCPRemoteProxy`, (o, s) => toolhiveProxied(o, s, 'toolhive', `${o.name}-remote-proxy-runner`, 'mcpremoteproxy'));
}
OPERATOR_KINDS.set(`${KAGENT_GROUP}/v1alpha1 MCPServer`, kmcpMcpServer);

/** Pod templates derived from operator resources and workloadRefs, or the error deriving one gave (parsed objects never change). */
const derived = new WeakMap<K8sObject, PodTemplate | InputError>();

/**
 * The pod spec a workload runs, or undefined for objects that run no pods:
 * podTemplateOf for workload kinds, and the pod an operator or Argo Rollouts
 * builds from the object. `objects` are the manifests a reference
 * (workloadRef) is resolved in. Throws InputError (file:line) when the pod
 * cannot be known.
 */
export function podTemplateIn(obj: K8sObject, objects: readonly K8sObject[]): PodTemplate | undefined {
  const derive = deriverOf(obj);
  if (!derive) return podTemplateOf(obj);
  const known = derived.get(obj);
  if (known instanceof InputError) throw known;
  if (known) return known;
  try {
    const pod = derive(objects);
    derived.set(obj, pod);
    return pod;
  } catch (err) {
    if (err instanceof InputError) derived.set(obj, err);
    throw err;
  }
}

/** How to build the pod of an operator resource or a Rollout with workloadRef; undefined for every other object. */
function deriverOf(obj: K8sObject): ((objects: readonly K8sObject[]) => PodTemplate) | undefined {
  const build = OPERATOR_KINDS.get(`${obj.apiVersion} ${obj.kind}`);
  const spec = obj.raw.spec;
  if (build)
    return () => {
      if (!isObj(spec)) throw malformed(obj, obj.raw, `${obj.kind} without spec`, 'spec');
      return build(obj, spec);
    };
  if (obj.kind === 'Rollout' && obj.apiVersion.startsWith('argoproj.io/') && isObj(spec) && spec.template === undefined && spec.workloadRef !== undefined)
    return (objects) => workloadRefTemplate(obj, spec.workloadRef, objects);
  return undefined;
}

/** Kinds an Argo Rollout's workloadRef may name, and where their pod template is (rollout/templateref.go). */
const REF_KINDS = new Set(['Deployment', 'ReplicaSet', 'PodTemplate']);

function workloadRefTemplate(obj: K8sObject, ref: unknown, objects: readonly K8sObject[]): PodTemplate {
  const spec = obj.raw.spec as Obj;
  if (!isObj(ref) || typeof ref.name !== 'string' || typeof ref.kind !== 'string') throw malformed(obj, spec, 'workloadRef without kind and name', 'workloadRef');
  const line = keyLine(spec, 'workloadRef') ?? obj.line;
  if (!REF_KINDS.has(ref.kind)) throw new InputError(`${obj.resource}: workloadRef kind ${ref.kind} is not one Argo Rollouts resolves (Deployment, ReplicaSet, PodTemplate)`, obj.file, line);
  const target = objects.find((o) => o.kind === ref.kind && o.name === ref.name && o.namespace === obj.namespace);
  if (!target)
    throw new InputError(`${obj.resource}: workloadRef ${ref.kind}/${obj.namespace}/${ref.name} is not among the manifests, so the pods it runs are unknown`, obj.file, line);
  // A PodTemplate holds its template at the top level, shaped like a Pod.
  const pod = ref.kind === 'PodTemplate' ? podTemplateOf({ ...target, kind: 'Pod', raw: isObj(target.raw.template) ? target.raw.template : {} }) : podTemplateOf(target);
  if (!pod) throw new InputError(`${obj.resource}: workloadRef ${target.resource} has no pod template`, target.file, target.line);
  return { ...pod, file: target.file };
}

/**
 * toolhive MCPServer: the MCP server runs in a StatefulSet the proxy runner
 * applies from spec.podTemplateSpec (taken whole), with the "mcp" container
 * added or completed and the security defaults filled in field by field.
 */
function toolhiveMcpServer(obj: K8sObject, spec: Obj): PodTemplate {
  const image = spec.image;
  if (typeof image !== 'string' || image === '') throw missing(obj, spec, 'image');
  const { template, podSpec } = userTemplate(obj, spec);
  const containers = containerList(obj, podSpec, 'containers');
  const userMcp = containers.find((c) => isObj(c) && c.name === 'mcp') as Obj | undefined;
  const secrets = Array.isArray(spec.secrets) ? spec.secrets.filter(isObj) : [];
  const env = [
    ...(Array.isArray(userMcp?.env) ? userMcp.env : []),
    ...secrets.map((s) => viewOf(s, { name: String(s.targetEnvName || s.key), valueFrom: { secretKeyRef: { name: s.name, key: s.key } } })),
    ...(Array.isArray(spec.env) ? spec.env : []),
  ];
  const mcp = viewOf(userMcp ?? spec, {
    ...(userMcp ?? {}),
    name: 'mcp',
    image,
    ...(spec.args !== undefined ? { args: spec.args } : {}),
    ...(env.length ? { env } : {}),
    securityContext: withDefaults(userMcp?.securityContext, TOOLHIVE_CONTAINER_SECURITY),
  });
  // spec.volumes are hostPath mounts the operator adds to the MCPServer's proxy-runner pod.
  const hostVolumes = (Array.isArray(spec.volumes) ? spec.volumes.filter(isObj) : []).map((v) =>
    viewOf(v, { name: v.name, hostPath: viewOf(v, { path: v.hostPath }), readOnly: v.readOnly }),
  );
  const volumes = [...(Array.isArray(podSpec?.volumes) ? podSpec.volumes : []), ...hostVolumes];
  const pod = viewOf(podSpec ?? spec, {
    ...(podSpec ?? {}),
    serviceAccountName: typeof spec.serviceAccount === 'string' && spec.serviceAccount !== '' ? spec.serviceAccount : `${obj.name}-sa`,
    securityContext: withDefaults(podSpec?.securityContext, TOOLHIVE_POD_SECURITY),
    containers: userMcp ? containers.map((c) => (c === userMcp ? mcp : c)) : [...containers, mcp],
    ...(volumes.length ? { volumes } : {}),
  });
  const meta = isObj(template?.metadata) ? template.metadata : {};
  return {
    spec: pod,
    // The runner's labels win over the template's (pkg/container/kubernetes/client.go ensurePodTemplateConfig).
    labels: { ...stringMap(meta.labels), app: obj.name, toolhive: 'true', 'toolhive-name': obj.name },
    annotations: stringMap(meta.annotations),
    line: lineOf(podSpec) ?? keyLine(spec, 'podTemplateSpec') ?? lineOf(spec) ?? obj.line,
    ...accountLine(spec),
  };
}

/**
 * toolhive VirtualMCPServer and MCPRemoteProxy: a Deployment the operator
 * builds with one container and the security defaults, then
 * spec.podTemplateSpec strategic-merged onto it.
 */
function toolhiveProxied(obj: K8sObject, spec: Obj, container: string, defaultAccount: string, app: string): PodTemplate {
  const { template } = userTemplate(obj, spec);
  const base = {
    metadata: { labels: { app, 'app.kubernetes.io/name': app, 'app.kubernetes.io/instance': obj.name, toolhive: 'true', 'toolhive-name': obj.name } },
    spec: viewOf(spec, {
      serviceAccountName: typeof spec.serviceAccount === 'string' && spec.serviceAccount !== '' ? spec.serviceAccount : defaultAccount,
      securityContext: TOOLHIVE_POD_SECURITY,
      containers: [viewOf(spec, { name: container, securityContext: TOOLHIVE_CONTAINER_SECURITY })],
    }),
  };
  const merged = strategicMerge(base, template) as Obj;
  const pod = merged.spec as Obj;
  containerList(obj, pod, 'containers');
  const meta = merged.metadata as Obj;
  return {
    spec: pod,
    labels: stringMap(meta.labels),
    annotations: stringMap(meta.annotations),
    line: lineOf(template?.spec) ?? keyLine(spec, 'podTemplateSpec') ?? lineOf(spec) ?? obj.line,
    ...(isObj(template?.spec) && template.spec.serviceAccountName !== undefined ? {} : accountLine(spec)),
  };
}

/**
 * kmcp (kagent.dev) MCPServer: a Deployment built field by field from
 * spec.deployment, with no security defaults of its own; stdio servers get
 * an init container copying the transport adapter.
 */
function kmcpMcpServer(obj: K8sObject, spec: Obj): PodTemplate {
  const d = spec.deployment;
  if (!isObj(d)) throw missing(obj, spec, 'deployment');
  const env = isObj(d.env) ? Object.entries(d.env).map(([name, value]) => viewOf(d.env, { name, value })) : [];
  const envFrom = (Array.isArray(d.secretRefs) ? d.secretRefs.filter(isObj) : []).map((r) => viewOf(r, { secretRef: { name: r.name } }));
  const main = viewOf(d, {
    name: 'mcp-server',
    ...(typeof d.image === 'string' ? { image: d.image } : {}),
    ...(env.length ? { env } : {}),
    ...(envFrom.length ? { envFrom } : {}),
    ...(d.volumeMounts !== undefined ? { volumeMounts: d.volumeMounts } : {}),
    ...(isObj(d.securityContext) ? { securityContext: d.securityContext } : {}),
  });
  const sidecars = Array.isArray(d.sidecars) ? d.sidecars : [];
  const init = isObj(d.initContainer) ? d.initContainer : undefined;
  const initSecurity = isObj(init?.securityContext) ? init.securityContext : isObj(d.securityContext) ? d.securityContext : undefined;
  const stdio = spec.transportType !== 'http';
  const pod = viewOf(d, {
    serviceAccountName: typeof d.serviceAccountName === 'string' && d.serviceAccountName !== '' ? d.serviceAccountName : obj.name,
    ...(isObj(d.podSecurityContext) ? { securityContext: d.podSecurityContext } : {}),
    ...(d.nodeSelector !== undefined ? { nodeSelector: d.nodeSelector } : {}),
    ...(stdio
      ? {
          initContainers: [
            viewOf(init ?? d, {
              name: 'copy-binary',
              ...(typeof init?.image === 'string' ? { image: init.image } : {}),
              ...(initSecurity ? { securityContext: initSecurity } : {}),
            }),
          ],
        }
      : {}),
    containers: [main, ...sidecars],
    ...(Array.isArray(d.volumes) ? { volumes: d.volumes } : {}),
  });
  containerList(obj, pod, 'containers');
  return {
    spec: pod,
    labels: { 'app.kubernetes.io/name': obj.name, 'app.kubernetes.io/instance': obj.name, 'app.kubernetes.io/managed-by': 'kmcp', ...stringMap(d.labels) },
    annotations: stringMap(d.annotations),
    line: lineOf(d) ?? obj.line,
  };
}

/** toolhive names the pod's account in spec.serviceAccount. */
function accountLine(spec: Obj): Pick<PodTemplate, 'fieldLines'> {
  const line = spec.serviceAccount !== undefined ? keyLine(spec, 'serviceAccount') : undefined;
  return line === undefined ? {} : { fieldLines: { serviceAccountName: line } };
}

/** A required field of the spec is absent or not what the operator needs: at its line, else at `spec:`. */
function missing(obj: K8sObject, spec: Obj, field: string): InputError {
  return spec[field] === undefined ? malformed(obj, obj.raw, `${obj.kind} without spec.${field}`, 'spec') : malformed(obj, spec, `${obj.kind} with an invalid spec.${field}`, field);
}

/** spec.podTemplateSpec and its spec, checked to be mappings. */
function userTemplate(obj: K8sObject, spec: Obj): { template: Obj | undefined; podSpec: Obj | undefined } {
  const t = spec.podTemplateSpec;
  if (t === undefined || t === null) return { template: undefined, podSpec: undefined };
  if (!isObj(t)) throw malformed(obj, spec, 'spec.podTemplateSpec is not a mapping', 'podTemplateSpec');
  if (t.spec !== undefined && t.spec !== null && !isObj(t.spec)) throw malformed(obj, t, 'spec.podTemplateSpec.spec is not a mapping', 'spec');
  return { template: t, podSpec: isObj(t.spec) ? t.spec : undefined };
}

function containerList(obj: K8sObject, podSpec: Obj | undefined, field: string): unknown[] {
  const list = podSpec?.[field];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw malformed(obj, podSpec, `${field} is not a list`, field);
  for (const [i, c] of list.entries()) if (!isObj(c)) throw malformed(obj, list, `${field}[${i}] is not a mapping`);
  return list;
}

/** Keys under an object's spec that mean it describes pods (a container image, a pod template). */
const POD_KEYS = new Set(['containers', 'initContainers', 'podTemplateSpec', 'podTemplate', 'podSpec', 'image']);

/**
 * Why an object the gate does not evaluate looks like it runs pods (an
 * operator kind in a version the gate does not know; a spec naming
 * containers, an image or a pod template within three levels), or
 * undefined. Such objects are listed as "not evaluated", never dropped.
 */
export function unevaluatedWorkload(obj: K8sObject): string | undefined {
  const group = obj.apiVersion.slice(0, Math.max(0, obj.apiVersion.indexOf('/')));
  if (KNOWN_KINDS.has(`${group} ${obj.kind}`)) return `${obj.apiVersion} is not a version of ${obj.kind} the gate knows`;
  const spec = obj.raw.spec;
  const path = isObj(spec) ? podKeyPath(spec, 'spec', 0) : undefined;
  return path ? `has ${path}` : undefined;
}

const KNOWN_KINDS = new Set([...OPERATOR_KINDS.keys()].map((k) => k.replace(/\/[^ ]+ /, ' ')));

function podKeyPath(v: Obj, at: string, depth: number): string | undefined {
  for (const [k, x] of Object.entries(v)) {
    if (x === null || x === undefined) continue;
    if (POD_KEYS.has(k) && (k !== 'image' || typeof x === 'string' || isObj(x))) return `${at}.${k}`;
    if (depth < 2 && isObj(x)) {
      const found = podKeyPath(x, `${at}.${k}`, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
