import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  keyLine,
  lineOf
} from "./chunk-HAISQJ5Y.js";
import {
  InputError
} from "./chunk-NCVH2LUD.js";

// src/workspace/kubernetes.ts
function isObj(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function kubernetesObjects(docs, file) {
  const out = [];
  const add = (value, fallbackLine) => {
    if (!isObj(value) || typeof value.apiVersion !== "string" || typeof value.kind !== "string") return;
    if (value.kind.endsWith("List") && Array.isArray(value.items)) {
      for (const item of value.items) add(item, lineOf(item) ?? fallbackLine);
      return;
    }
    const meta = isObj(value.metadata) ? value.metadata : {};
    const name = typeof meta.name === "string" ? meta.name : typeof meta.generateName === "string" ? `${meta.generateName}*` : "(unnamed)";
    const namespace = typeof meta.namespace === "string" && meta.namespace !== "" ? meta.namespace : "default";
    out.push({
      apiVersion: value.apiVersion,
      kind: value.kind,
      name,
      namespace,
      resource: `${value.kind}/${namespace}/${name}`,
      file,
      line: lineOf(value) ?? fallbackLine,
      raw: value
    });
  };
  for (const doc of docs) add(doc.value, doc.line);
  return out;
}
var templates = /* @__PURE__ */ new WeakMap();
function podTemplateOf(obj) {
  const known = templates.get(obj);
  if (known !== void 0) {
    if (known instanceof InputError) throw known;
    return known ?? void 0;
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
function readPodTemplate(obj) {
  const spec = obj.raw.spec;
  let template;
  let podSpec;
  if (obj.kind === "Pod") {
    podSpec = spec;
    template = obj.raw;
  } else if (obj.kind === "CronJob") {
    const jobTemplate = isObj(spec) ? spec.jobTemplate : void 0;
    template = isObj(jobTemplate) && isObj(jobTemplate.spec) ? jobTemplate.spec.template : void 0;
    podSpec = isObj(template) ? template.spec : void 0;
    if (podSpec === void 0)
      throw malformed(obj, isObj(spec) ? spec : obj.raw, "CronJob without spec.jobTemplate.spec.template.spec", isObj(spec) ? "jobTemplate" : "spec");
  } else if (isObj(spec) && spec.template !== void 0) {
    template = spec.template;
    podSpec = isObj(template) ? template.spec : void 0;
    if (!WORKLOAD_KINDS.has(obj.kind) && !(isObj(podSpec) && "containers" in podSpec)) return void 0;
  } else if (WORKLOAD_KINDS.has(obj.kind)) {
    throw malformed(obj, isObj(spec) ? spec : obj.raw, `${obj.kind} without spec.template.spec`, isObj(spec) ? void 0 : "spec");
  } else {
    return void 0;
  }
  if (!isObj(podSpec))
    throw isObj(template) ? malformed(obj, template, "pod spec is not a mapping", "spec") : malformed(obj, spec, "pod template is not a mapping", "template");
  for (const [field] of CONTAINER_KINDS) {
    const list = podSpec[field];
    if (list === void 0 || list === null) continue;
    if (!Array.isArray(list)) throw malformed(obj, podSpec, `${field} is not a list`, field);
    for (const [i, c] of list.entries()) {
      if (!isObj(c)) throw malformed(obj, list, `${field}[${i}] is not a mapping`);
      if (c.securityContext !== void 0 && c.securityContext !== null && !isObj(c.securityContext))
        throw malformed(obj, c, `${field}[${i}].securityContext is not a mapping`, "securityContext");
    }
  }
  const incomplete = !Array.isArray(podSpec.containers) || podSpec.containers.length === 0;
  if (podSpec.securityContext !== void 0 && podSpec.securityContext !== null && !isObj(podSpec.securityContext))
    throw malformed(obj, podSpec, "securityContext is not a mapping", "securityContext");
  const meta = isObj(template) && isObj(template.metadata) ? template.metadata : {};
  return {
    spec: podSpec,
    labels: stringMap(meta.labels),
    annotations: stringMap(meta.annotations),
    line: lineOf(podSpec) ?? obj.line,
    ...incomplete ? { incomplete: "pod spec has no containers" } : {}
  };
}
var CONTAINER_KINDS = [
  ["containers", "container"],
  ["initContainers", "initContainer"],
  ["ephemeralContainers", "ephemeralContainer"]
];
var WORKLOAD_KINDS = /* @__PURE__ */ new Set([
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "ReplicationController",
  "Job",
  "CronJob",
  "DeploymentConfig",
  "Rollout"
]);
function stringMap(v) {
  const out = {};
  if (!isObj(v)) return out;
  for (const [k, val] of Object.entries(v)) if (val !== null && val !== void 0) out[k] = String(val);
  return out;
}
function malformed(obj, near, what, key) {
  const line = (key ? keyLine(near, key) : lineOf(near)) ?? obj.line;
  return new InputError(`${obj.resource}: malformed workload: ${what}`, obj.file, line);
}

export {
  isObj,
  kubernetesObjects,
  podTemplateOf,
  CONTAINER_KINDS
};
