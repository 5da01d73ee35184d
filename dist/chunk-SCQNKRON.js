import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-NCVH2LUD.js";
import {
  didYouMean
} from "./chunk-T2RVKME7.js";
import {
  RULE_IDS
} from "./chunk-7R5QY4ZA.js";
import {
  ZodArray,
  ZodNullable,
  ZodObject,
  ZodOptional,
  ZodPipe,
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
import {
  YamlError,
  keyLine,
  lineOf,
  parseYamlDocuments
} from "./chunk-3PP7ZRBO.js";

// src/config/load.ts
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";

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
  ).optional().describe("Fields allowed to vary from the pin (seed 000 control 2)")
}).refine((s) => [s.manifest, s.command, s.url].filter((x) => x !== void 0).length === 1, {
  message: "a server needs exactly one of manifest, command, url"
});
var severityOverride = strictObject({ severity: _enum(["block", "warning", "off"]) });
var configSchema = strictObject({
  $schema: string().optional(),
  mode: _enum(["warn", "enforce"]).optional().describe("warn: report only (default); enforce: BLOCK findings fail the job"),
  rollout: union([literal(1), literal(2), literal(3)]).optional().describe("1: like warn; 2: only k8s/run-as-root, secret/exposed, auth/not-enforced block; 3: every BLOCK rule blocks"),
  kubernetes: strictObject({
    paths: globs.optional(),
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

// src/config/load.ts
function readConfig(root, file) {
  if (file !== void 0) {
    const abs2 = isAbsolute(file) ? file : resolve(root, file);
    if (!existsSync(abs2)) throw new UsageError(`${file}: config file not found`);
    const display = relativeOrAbsolute(root, abs2);
    return { config: loadConfigFile(abs2, display), configFile: display };
  }
  const abs = resolve(root, DEFAULT_CONFIG_FILE);
  if (!existsSync(abs)) return { config: {} };
  return { config: loadConfigFile(abs, DEFAULT_CONFIG_FILE), configFile: DEFAULT_CONFIG_FILE };
}
function relativeOrAbsolute(root, abs) {
  const rel = relative(root, abs);
  return rel.startsWith("..") || isAbsolute(rel) ? abs : rel.split("\\").join("/");
}
function loadConfigFile(path, displayName) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UsageError(`${displayName}: cannot read config file (${err.code ?? err})`);
  }
  return parseConfigText(text, displayName);
}
function parseConfigText(text, displayName) {
  let value;
  try {
    const docs = parseYamlDocuments(text, displayName);
    if (docs.length > 1) throw new UsageError(`${displayName}:${docs[1]?.line}: config must be a single YAML document`);
    value = docs[0]?.value ?? {};
  } catch (err) {
    if (err instanceof YamlError) throw new UsageError(`${displayName}:${err.line ?? 1}: invalid YAML: ${err.message}`);
    throw err;
  }
  if (value === null) value = {};
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new UsageError(describeIssue(issue, value, displayName));
}
function describeIssue(issue, root, file) {
  const path = issue.path.map(String);
  let container = root;
  let parent = root;
  for (const seg of path) {
    if (container === null || typeof container !== "object") break;
    const next = container[seg];
    parent = container;
    container = next;
  }
  const dotted = path.join(".");
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0];
    const obj = container ?? parent;
    const line2 = keyLine(obj, key) ?? 1;
    const isRules = dotted === "rules";
    const hint = didYouMean(key, isRules ? RULE_IDS : allowedKeys(path));
    const where = dotted ? `${dotted}.${key}` : key;
    return `${file}:${line2}: unknown ${isRules ? "rule" : "key"} "${where}"${hint ? ` (did you mean "${hint}"?)` : ""}`;
  }
  const last = path[path.length - 1];
  const line = (last !== void 0 ? keyLine(parent, last) : void 0) ?? lineOf(container) ?? 1;
  let message = issue.message;
  if (issue.code === "invalid_value" && "values" in issue) {
    message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    const hint = typeof container === "string" ? didYouMean(container, issue.values.map(String)) : void 0;
    if (hint) message += ` (did you mean "${hint}"?)`;
  }
  return `${file}:${line}: ${dotted || "(root)"}: ${message}`;
}
function allowedKeys(path) {
  let schema = configSchema;
  for (const seg of path) {
    schema = unwrap(schema);
    if (schema instanceof ZodObject) schema = schema.shape[seg];
    else if (schema instanceof ZodArray) schema = schema.element;
    else return [];
    if (!schema) return [];
  }
  schema = unwrap(schema);
  return schema instanceof ZodObject ? Object.keys(schema.shape) : [];
}
function unwrap(schema) {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    if (s instanceof ZodOptional || s instanceof ZodNullable) s = s.unwrap();
    else if (s instanceof ZodPipe) s = s.in;
    else break;
  }
  return s;
}

export {
  DEFAULT_CONFIG_FILE,
  readConfig,
  parseConfigText
};
