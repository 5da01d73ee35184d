// `.mcp-gate.yml`: one zod schema is the single source of validation, types
// and the published JSON Schema (schema/mcp-gate.schema.json). Reading and
// error messages: load.ts.
import * as z from 'zod';
import { RULE_IDS } from '../rules/catalog.ts';

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
      .describe('Fields allowed to vary from the pin (e.g. a timestamp in a description), so the rug-pull check does not flag them'),
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
    failOn: z
      .enum(['all', 'new'])
      .optional()
      .describe('all (default): every open BLOCK finding blocks; new: with a base revision, only findings the change introduced block (policy: taken from the base revision)'),
    kubernetes: z
      .strictObject({
        paths: globs.optional(),
        exclude: globs.optional().describe('Manifests not read (vendor/, third_party/ and .github/ are skipped by default unless paths names them)'),
        helm: z
          .array(
            z.strictObject({
              chart: z.string().min(1).describe('Chart directory, relative to the repository root'),
              release: z.string().optional().describe('Release name (default "release")'),
              namespace: z.string().optional().describe('Namespace (default "default")'),
              values: z.array(z.string().min(1)).optional().describe('Values files, in order'),
              set: z.record(z.string(), z.unknown()).optional().describe('Values set on the command line (helm --set-json)'),
            }),
          )
          .optional()
          .describe('Charts to render with helm template (default: every chart directory, with its default values)'),
        kustomize: z.array(z.string()).optional().describe('Kustomizations to build (default: every kustomization no other one includes)'),
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
        behaviour: z
          .array(
            z.strictObject({
              server: z.string().min(1).describe('An mcp.servers id with command or url, or "endpoint" for probes.endpoint'),
              tools: z
                .array(z.string().min(1))
                .optional()
                .describe('Tools the gate may call (default: those annotated readOnlyHint: true); a tool annotated destructiveHint: true is never called'),
              root: z.string().min(1).optional().describe('Directory the server confines paths to: the root-prefixed traversal payload, and paths under it are not an error-detail leak'),
              canaries: z
                .array(
                  z.strictObject({
                    tool: z.string().min(1),
                    arguments: z.record(z.string(), z.unknown()).optional(),
                    valueEnv: z.string().min(1).describe('Env var holding the planted credential (8 characters or more); never printed'),
                  }),
                )
                .optional()
                .describe('Calls whose result holds a planted credential that must come back redacted (seed 000 test case 4)'),
            }),
          )
          .optional()
          .describe('Runtime behaviour probes: path traversal, input validation, credential leak, error details (seed 000 test cases 3 and 4, control 6)'),
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
