// SARIF 2.1.0 for GitHub code scanning: one run, rules from the catalog,
// repository-relative URIs, stable partialFingerprints.
import { RULE_IDS, RULES } from '../rules/catalog.ts';
import type { Report } from '../types.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function renderSarif(report: Report): string {
  const index = new Map(RULE_IDS.map((id, i) => [id, i]));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mcp-gate',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: RULE_IDS.map((id) => {
              const r = RULES[id];
              return {
                id,
                name: id.replace(/[^A-Za-z0-9]+(.)/g, (_, ch: string) => ch.toUpperCase()),
                shortDescription: { text: r.title },
                fullDescription: { text: r.help },
                help: { text: `${r.help}\n\nRemediation: ${r.remediation}\n\nImplements: ${r.seed}`, markdown: `${r.help}\n\n**Remediation:** ${r.remediation}\n\n_Implements: ${r.seed}_` },
                defaultConfiguration: { level: r.defaultSeverity === 'block' ? 'error' : 'warning' },
                properties: { tags: ['security', 'mcp', id.split('/')[0]], 'security-severity': r.defaultSeverity === 'block' ? '8.0' : '5.0' },
              };
            }),
          },
        },
        automationDetails: { id: 'mcp-gate/' },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId),
          level: f.severity === 'block' ? 'error' : 'warning',
          message: { text: `${f.message}\n\nRemediation: ${f.remediation}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeUri(f.location.file ?? '.mcp-gate.yml'), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.location.line ?? 1 },
              },
              ...(f.location.resource
                ? { logicalLocations: [{ fullyQualifiedName: [f.location.resource, f.location.container].filter(Boolean).join('/'), kind: 'resource' }] }
                : {}),
            },
          ],
          partialFingerprints: { 'mcpGate/v1': f.fingerprint },
          ...(f.new !== undefined ? { baselineState: f.new ? 'new' : 'unchanged' } : {}),
          ...(f.status === 'overridden' && f.override
            ? {
                suppressions: [
                  {
                    kind: 'external',
                    status: 'accepted',
                    justification: `${f.override.id} approved by ${f.override.approver} until ${f.override.expires}${f.override.ticket ? ` (remediation ${f.override.ticket}${f.override.due ? ` due ${f.override.due}` : ''})` : ''}: ${f.override.justification}`,
                  },
                ],
              }
            : {}),
          properties: { blocking: f.blocking, ...(f.source ? { source: f.source } : {}) },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
