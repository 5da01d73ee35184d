import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  keyLine,
  lineOf
} from "./chunk-XAOTV5DC.js";
import {
  RULE_IDS
} from "./chunk-QFNJ2TLX.js";
import {
  InputError
} from "./chunk-LAB7SYR4.js";
import {
  _enum,
  array,
  boolean,
  literal,
  number,
  partialRecord,
  record,
  strictObject,
  string,
  union,
  unknown,
  url
} from "./chunk-W4AQ4HPL.js";

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
    checkMetadata(meta, value.kind, file, lineOf(value) ?? fallbackLine);
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
var POD_FIELD_TYPES = {
  hostNetwork: "boolean",
  hostPID: "boolean",
  hostIPC: "boolean",
  hostUsers: "boolean",
  automountServiceAccountToken: "boolean",
  shareProcessNamespace: "boolean"
};
var POD_SECURITY_CONTEXT_TYPES = {
  runAsNonRoot: "boolean",
  runAsUser: "integer",
  runAsGroup: "integer",
  fsGroup: "integer"
};
var SECURITY_CONTEXT_TYPES = {
  privileged: "boolean",
  allowPrivilegeEscalation: "boolean",
  readOnlyRootFilesystem: "boolean",
  runAsNonRoot: "boolean",
  runAsUser: "integer",
  runAsGroup: "integer"
};
var WINDOWS_OPTIONS_TYPES = { hostProcess: "boolean" };
function checkFieldTypes(obj, podSpec) {
  const check = (holder, types, path) => {
    if (!isObj(holder)) return;
    for (const [key, type] of Object.entries(types)) {
      const v = holder[key];
      if (v === void 0 || v === null || (type === "boolean" ? typeof v === "boolean" : Number.isInteger(v))) continue;
      const want = type === "boolean" ? "true or false" : "an integer";
      throw malformed(obj, holder, `${path}${key} is ${describe(v)}; Kubernetes requires ${want} there and the API server refuses the object`, key);
    }
    if (isObj(holder.windowsOptions)) check(holder.windowsOptions, WINDOWS_OPTIONS_TYPES, `${path}windowsOptions.`);
  };
  check(podSpec, POD_FIELD_TYPES, "");
  check(podSpec.securityContext, POD_SECURITY_CONTEXT_TYPES, "securityContext.");
  for (const [field] of CONTAINER_KINDS) {
    const list = podSpec[field];
    if (Array.isArray(list)) for (const [i, c] of list.entries()) check(c.securityContext, SECURITY_CONTEXT_TYPES, `${field}[${i}].securityContext.`);
  }
}
function describe(v) {
  if (typeof v === "string") return `the string ${JSON.stringify(v)}`;
  if (Array.isArray(v)) return "a list";
  if (isObj(v)) return "a mapping";
  return `the ${typeof v} ${String(v)}`;
}
function badMetadata(meta) {
  for (const key of ["name", "namespace", "generateName"]) {
    const v = meta[key];
    if (v !== void 0 && v !== null && typeof v !== "string") return { holder: meta, key, path: key, value: v };
  }
  for (const map of ["labels", "annotations"]) {
    const m = meta[map];
    if (!isObj(m)) continue;
    for (const [key, v] of Object.entries(m)) if (v !== null && typeof v !== "string") return { holder: m, key, path: `${map}.${key}`, value: v };
  }
  return void 0;
}
function checkMetadata(meta, what, file, line) {
  const bad = badMetadata(meta);
  if (bad)
    throw new InputError(`${what}: metadata.${bad.path} is ${describe(bad.value)}; kubectl requires a string there (quote it) and refuses the file`, file, keyLine(bad.holder, bad.key) ?? line);
}
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

// src/config/schema.ts
var labelSelector = strictObject({
  matchLabels: record(string(), string()).optional(),
  matchExpressions: array(
    strictObject({
      key: string(),
      operator: _enum(["In", "NotIn", "Exists", "DoesNotExist"]),
      values: array(string()).optional()
    })
  ).optional()
});
var globs = array(string().min(1)).describe("Globs relative to the repository root");
var server = strictObject({
  id: string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, dot, dash, underscore"),
  manifest: string().optional().describe("Path of a tools/list JSON file"),
  command: array(string()).min(1).optional().describe("stdio server: argv, run without a shell"),
  url: url().optional().describe("Remote server (streamable HTTP)"),
  env: array(string()).optional().describe("Names of environment variables passed to a stdio server"),
  headersEnv: record(string(), string()).optional().describe("HTTP header -> env var holding its value"),
  timeoutMs: number().int().positive().max(12e4).optional(),
  dynamic: array(
    strictObject({
      tool: string().describe("Tool name, or * for every tool"),
      field: string().describe("JSON pointer inside the tool, e.g. /description"),
      allowed: array(unknown()).optional().describe("Values the field may take; absent = any value")
    })
  ).optional().describe("Fields allowed to vary from the pin (e.g. a timestamp in a description), so the rug-pull check does not flag them")
}).refine((s) => [s.manifest, s.command, s.url].filter((x) => x !== void 0).length === 1, {
  message: "a server needs exactly one of manifest, command, url"
});
var severityOverride = strictObject({ severity: _enum(["block", "warning", "off"]) });
var configSchema = strictObject({
  $schema: string().optional(),
  mode: _enum(["warn", "enforce"]).optional().describe("warn: report only (default); enforce: BLOCK findings fail the job"),
  rollout: union([literal(1), literal(2), literal(3)]).optional().describe("1: like warn; 2: only k8s/run-as-root, secret/exposed, auth/not-enforced block; 3: every BLOCK rule blocks"),
  failOn: _enum(["all", "new"]).optional().describe("all (default): every open BLOCK finding blocks; new: with a base revision, only findings the change introduced block (policy: taken from the base revision)"),
  kubernetes: strictObject({
    paths: globs.optional(),
    exclude: globs.optional().describe("Manifests not read (vendor/, third_party/ and .github/ are skipped by default unless paths names them)"),
    helm: array(
      strictObject({
        chart: string().min(1).describe("Chart directory, relative to the repository root"),
        release: string().optional().describe('Release name (default "release")'),
        namespace: string().optional().describe('Namespace (default "default")'),
        values: array(string().min(1)).optional().describe("Values files, in order"),
        set: record(string(), unknown()).optional().describe("Values set on the command line (helm --set-json)")
      })
    ).optional().describe("Charts to render with helm template (default: every chart directory, with its default values)"),
    kustomize: array(string()).optional().describe("Kustomizations to build (default: every kustomization no other one includes)"),
    mcpWorkloads: labelSelector.optional().describe("Which workloads are MCP servers (default: all)"),
    agentRuntime: labelSelector.optional().describe("The only allowed ingress source (default matchLabels role: agent-runtime)"),
    agentNamespaces: labelSelector.optional().describe("Namespaces the agent runtime runs in (default: the workload's own)")
  }).optional(),
  mcp: strictObject({
    namespacing: _enum(["prefix", "none"]).optional(),
    servers: array(server).optional(),
    paths: globs.optional().describe("Where to look for *.tools.json (default: everywhere)")
  }).optional(),
  images: strictObject({
    paths: globs.optional().describe("Dockerfiles to check (default: Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*)"),
    requireDistroless: boolean().optional().describe("Warn when the final stage is not distroless, scratch or another minimal base")
  }).optional(),
  secrets: strictObject({
    scan: boolean().optional().describe("Built-in secret scan over the repository (default true)"),
    exclude: globs.optional().describe("Files the secret scan skips (e.g. deliberate test fixtures)"),
    maxFileBytes: number().int().positive().optional().describe("Larger files are skipped with a note (default 8 MiB)")
  }).optional(),
  reports: strictObject({
    trivy: globs.optional(),
    checkov: globs.optional(),
    gitleaks: globs.optional(),
    trufflehog: globs.optional(),
    grype: globs.optional(),
    npmAudit: globs.optional(),
    sarif: globs.optional(),
    sbom: globs.optional(),
    run: array(_enum(["trivy", "gitleaks"])).optional(),
    vulnThreshold: _enum(["critical", "high", "medium", "low"]).optional(),
    ignoreUnfixed: boolean().optional(),
    defaultSeverity: _enum(["critical", "high", "medium", "low"]).optional().describe("For findings a scanner reports without severity"),
    sbomComponent: string().optional().describe("Expected root component name of the SBOM"),
    sbomMaxAgeDays: number().int().positive().max(3650).optional().describe("Warn when the newest SBOM for this build is older than this many days")
  }).optional(),
  probes: strictObject({
    timeoutMs: number().int().positive().max(12e4).optional(),
    endpoint: strictObject({
      url: url(),
      caFile: string().optional(),
      tokenEnv: string().optional(),
      protocolVersion: _enum(["2025-11-25", "2026-07-28"]).optional()
    }).optional(),
    siem: strictObject({
      kind: _enum(["splunk-hec", "elastic", "datadog", "otlp-http", "syslog-tls", "https"]),
      url: string(),
      tokenEnv: string().optional(),
      caFile: string().optional(),
      certFile: string().optional(),
      keyFile: string().optional(),
      index: string().optional()
    }).optional(),
    behaviour: array(
      strictObject({
        server: string().min(1).describe('An mcp.servers id with command or url, or "endpoint" for probes.endpoint'),
        tools: array(string().min(1)).optional().describe("Tools the gate may call (default: those annotated readOnlyHint: true); a tool annotated destructiveHint: true is never called"),
        root: string().min(1).optional().describe("Directory the server confines paths to: the root-prefixed traversal payload, and paths under it are not an error-detail leak"),
        canaries: array(
          strictObject({
            tool: string().min(1),
            arguments: record(string(), unknown()).optional(),
            valueEnv: string().min(1).describe("Env var holding the planted credential (8 characters or more); never printed")
          })
        ).optional().describe("Calls whose result holds a planted credential that must come back redacted (seed 000 test case 4)")
      })
    ).optional().describe("Runtime behaviour probes: path traversal, input validation, credential leak, error details (seed 000 test cases 3 and 4, control 6)"),
    cluster: strictObject({
      kubeconfigEnv: string(),
      namespace: string().optional()
    }).optional()
  }).optional(),
  overrides: strictObject({
    maxLifetimeDays: number().int().positive().max(365).optional()
  }).optional(),
  rules: partialRecord(_enum(RULE_IDS), severityOverride).optional().describe("Per-rule severity: block, warning or off")
}).describe("mcp-gate configuration (.mcp-gate.yml)");
var DEFAULT_CONFIG_FILE = ".mcp-gate.yml";

export {
  isObj,
  kubernetesObjects,
  podTemplateOf,
  CONTAINER_KINDS,
  stringMap,
  malformed,
  configSchema,
  DEFAULT_CONFIG_FILE
};
