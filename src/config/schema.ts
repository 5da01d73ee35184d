// `.mcp-gate.yml`: one zod schema is the single source of validation, types
// and the published JSON Schema (schema/mcp-gate.schema.json).
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { RULE_IDS } from '../rules/catalog.ts';
import { UsageError } from '../util/errors.ts';
import { keyLine, lineOf, parseYamlDocuments, YamlError } from '../workspace/yaml.ts';

const labelSelector = z.strictObject({
  matchLabels: z.record(z.string(), z.string()).optional(),
  matchExpressions: z
    .array(
      z.strictObject({
        key: z.string(),
        operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});

const globs = z.array(z.string().min(1)).describe('Globs relative to the repository root');

const server = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash, underscore'),
    manifest: z.string().optional().describe('Path of a tools/list JSON file'),
    command: z.array(z.string()).min(1).optional().describe('stdio server: argv, run without a shell'),
    url: z.url().optional().describe('Remote server (streamable HTTP)'),
    env: z.array(z.string()).optional().describe('Names of environment variables passed to a stdio server'),
    headersEnv: z.record(z.string(), z.string()).optional().describe('HTTP header -> env var holding its value'),
    timeoutMs: z.number().int().positive().max(120_000).optional(),
    dynamic: z
      .array(
        z.strictObject({
          tool: z.string().describe('Tool name, or * for every tool'),
          field: z.string().describe('JSON pointer inside the tool, e.g. /description'),
          allowed: z.array(z.unknown()).optional().describe('Values the field may take; absent = any value'),
        }),
      )
      .optional()
      .describe('Fields allowed to vary from the pin (seed 000 control 2)'),
  })
  .refine((s) => [s.manifest, s.command, s.url].filter((x) => x !== undefined).length === 1, {
    message: 'a server needs exactly one of manifest, command, url',
  });

const severityOverride = z.strictObject({ severity: z.enum(['block', 'warning', 'off']) });

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    mode: z.enum(['warn', 'enforce']).optional().describe('warn: report only (default); enforce: BLOCK findings fail the job'),
    rollout: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .optional()
      .describe('1: like warn; 2: only k8s/run-as-root, secret/exposed, auth/not-enforced block; 3: every BLOCK rule blocks'),
    kubernetes: z
      .strictObject({
        paths: globs.optional(),
        mcpWorkloads: labelSelector.optional().describe('Which workloads are MCP servers (default: all)'),
        agentRuntime: labelSelector.optional().describe('The only allowed ingress source (default matchLabels role: agent-runtime)'),
        agentNamespaces: labelSelector.optional().describe('Namespaces the agent runtime runs in (default: the workload\'s own)'),
      })
      .optional(),
    mcp: z
      .strictObject({
        namespacing: z.enum(['prefix', 'none']).optional(),
        servers: z.array(server).optional(),
        paths: globs.optional().describe('Where to look for *.tools.json (default: everywhere)'),
      })
      .optional(),
    images: z
      .strictObject({
        paths: globs.optional().describe('Dockerfiles to check (default: Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*)'),
        requireDistroless: z.boolean().optional().describe('Warn when the final stage is not distroless, scratch or another minimal base'),
      })
      .optional(),
    secrets: z
      .strictObject({
        scan: z.boolean().optional().describe('Built-in secret scan over the repository (default true)'),
        exclude: globs.optional().describe('Files the secret scan skips (e.g. deliberate test fixtures)'),
        maxFileBytes: z.number().int().positive().optional().describe('Larger files are skipped with a note (default 8 MiB)'),
      })
      .optional(),
    reports: z
      .strictObject({
        trivy: globs.optional(),
        checkov: globs.optional(),
        gitleaks: globs.optional(),
        trufflehog: globs.optional(),
        grype: globs.optional(),
        npmAudit: globs.optional(),
        sarif: globs.optional(),
        sbom: globs.optional(),
        run: z.array(z.enum(['trivy', 'gitleaks'])).optional(),
        vulnThreshold: z.enum(['critical', 'high', 'medium', 'low']).optional(),
        ignoreUnfixed: z.boolean().optional(),
        defaultSeverity: z.enum(['critical', 'high', 'medium', 'low']).optional().describe('For findings a scanner reports without severity'),
        sbomComponent: z.string().optional().describe('Expected root component name of the SBOM'),
        sbomMaxAgeDays: z.number().int().positive().max(3650).optional().describe('Warn when the newest SBOM for this build is older than this many days'),
      })
      .optional(),
    probes: z
      .strictObject({
        timeoutMs: z.number().int().positive().max(120_000).optional(),
        endpoint: z
          .strictObject({
            url: z.url(),
            caFile: z.string().optional(),
            tokenEnv: z.string().optional(),
            protocolVersion: z.enum(['2025-11-25', '2026-07-28']).optional(),
          })
          .optional(),
        siem: z
          .strictObject({
            kind: z.enum(['splunk-hec', 'elastic', 'datadog', 'otlp-http', 'syslog-tls', 'https']),
            url: z.string(),
            tokenEnv: z.string().optional(),
            caFile: z.string().optional(),
            certFile: z.string().optional(),
            keyFile: z.string().optional(),
            index: z.string().optional(),
          })
          .optional(),
        cluster: z
          .strictObject({
            kubeconfigEnv: z.string(),
            namespace: z.string().optional(),
          })
          .optional(),
      })
      .optional(),
    overrides: z
      .strictObject({
        maxLifetimeDays: z.number().int().positive().max(365).optional(),
      })
      .optional(),
    rules: z
      .partialRecord(z.enum(RULE_IDS as [string, ...string[]]), severityOverride)
      .optional()
      .describe('Per-rule severity: block, warning or off'),
  })
  .describe('mcp-gate configuration (.mcp-gate.yml)');

export type GateConfig = z.infer<typeof configSchema>;
export type LabelSelector = z.infer<typeof labelSelector>;
export type ServerConfig = z.infer<typeof server>;

export const DEFAULT_CONFIG_FILE = '.mcp-gate.yml';

/** Read and validate a config file; every problem becomes a UsageError naming file:line and key. */
export function loadConfigFile(path: string, displayName: string): GateConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`${displayName}: cannot read config file (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  return parseConfigText(text, displayName);
}

export function parseConfigText(text: string, displayName: string): GateConfig {
  let value: unknown;
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
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  throw new UsageError(describeIssue(issue, value, displayName));
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown, file: string): string {
  const path = issue.path.map(String);
  // Find the deepest existing container to point at a line.
  let container: unknown = root;
  let parent: unknown = root;
  for (const seg of path) {
    if (container === null || typeof container !== 'object') break;
    const next = (container as Record<string, unknown>)[seg];
    parent = container;
    container = next;
  }
  const dotted = path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] as string;
    const obj = container ?? parent;
    const line = keyLine(obj, key) ?? 1;
    const isRules = dotted === 'rules';
    const hint = didYouMean(key, isRules ? RULE_IDS : allowedKeys(path));
    const where = dotted ? `${dotted}.${key}` : key;
    return `${file}:${line}: unknown ${isRules ? 'rule' : 'key'} "${where}"${hint ? ` (did you mean "${hint}"?)` : ''}`;
  }
  const last = path[path.length - 1];
  const line = (last !== undefined ? keyLine(parent, last) : undefined) ?? lineOf(container) ?? 1;
  let message = issue.message;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    const hint = typeof container === 'string' ? didYouMean(container, issue.values.map(String)) : undefined;
    if (hint) message += ` (did you mean "${hint}"?)`;
  }
  return `${file}:${line}: ${dotted || '(root)'}: ${message}`;
}

function allowedKeys(path: string[]): string[] {
  let schema: z.ZodType = configSchema;
  for (const seg of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) schema = schema.shape[seg] as z.ZodType;
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else return [];
    if (!schema) return [];
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else break;
  }
  return s;
}

/** The closest candidate by edit distance, when it is close enough to be a typo. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(input.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return best !== undefined && bestDist <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}
