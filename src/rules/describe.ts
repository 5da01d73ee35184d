// Everything said about the rules outside the code is rendered here from the
// catalog: `mcp-gate rules` (text, json, markdown), the README table and
// docs/rules.md.
import { docsAnchor, RULE_IDS, RULES, type RuleId, ruleRecord, type Scope } from './catalog.ts';

/** What the catalog's `seed` references mean, for readers who never saw the design documents. */
export const SEED_NOTE =
  'The "seed" references name the design documents each rule implements: seed 000 is the MCP tool-security controls (control 1 tool poisoning, 2 rug pulls, 3 tool shadowing, 4 credentials); seed 003 is the deployment hardening baseline (HD-01 network isolation, HD-02 process isolation, HD-03 supply chain, HD-04 credentials, HD-06 behavioural alerting) and its "Pre-Deployment Security Gate" table, whose rows the gate checks.';

export function rulesText(): string {
  const width = Math.max(...RULE_IDS.map((id) => id.length));
  const rows = RULE_IDS.map((id) => {
    const r = RULES[id];
    return `${id.padEnd(width)}  ${r.defaultSeverity.toUpperCase().padEnd(7)}  ${r.title}\n${' '.repeat(width + 11)}${r.seed}\n`;
  });
  return `${rows.join('')}\n${SEED_NOTE}\n`;
}

export function rulesJson(): string {
  return `${JSON.stringify(RULE_IDS.map((id) => ({ id, ...RULES[id] })), null, 2)}\n`;
}

/** The default severity as docs state it (with the cases, for a rule whose severity depends on them). */
function severityText(id: RuleId): string {
  return ruleRecord(id).severityNote ?? RULES[id].defaultSeverity.toUpperCase();
}

/** The README's rule table. */
export function rulesMarkdownTable(): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  const rows = RULE_IDS.map((id) => `| \`${id}\` | ${severityText(id)} | ${esc(RULES[id].title)} | ${esc(RULES[id].seed)} |`);
  return ['| rule | default | what | seed row / control |', '|---|---|---|---|', ...rows].join('\n');
}

const SCOPE_TEXT: Record<Scope, string> = {
  container: 'one container of a workload (resource and container)',
  pod: 'the pod spec of a workload (resource)',
  workload: 'an MCP workload (resource)',
  'network-policy': 'a NetworkPolicy of the repository (resource)',
  server: 'an MCP server (`McpServer/<id>`; a tool it names as container)',
  tool: 'one tool of an MCP server (`McpServer/<id>`, tool as container)',
  endpoint: 'the staging MCP endpoint (probes.endpoint)',
  siem: 'the SIEM destination and its alert rules (probes.siem)',
  dockerfile: 'a Dockerfile stage (file and line)',
  file: 'a file of the repository (file and line)',
  package: 'a package in a scanner report (file and line)',
  build: "the build's SBOM",
  scanner: 'what the scanner names (resource, or file and line)',
  override: 'an override file',
  config: "the gate's config file",
  input: 'the input that could not be read or evaluated',
};

/** docs/rules.md: one section per rule, anchored for links from reports and docs. */
export function rulesDocument(): string {
  const out = [
    '# Rules',
    '',
    '<!-- Generated from src/rules/catalog.ts by `npm run docs`; edit the catalog, not this file. -->',
    '',
    'Every rule the gate reports, with its default severity (change it per rule with `rules: {<id>: {severity: block | warning | off}}` in `.mcp-gate.yml`), where its findings sit, the seed control it implements and the fix.',
    '',
    SEED_NOTE,
    '',
  ];
  let family = '';
  for (const id of RULE_IDS) {
    const r = ruleRecord(id);
    const prefix = id.split('/')[0] as string;
    if (prefix !== family) {
      family = prefix;
      out.push(`## ${family}`, '');
    }
    out.push(`<a id="${docsAnchor(id)}"></a>`, `### \`${id}\` — ${r.title}`, '');
    out.push(`- **Default severity:** ${severityText(id)}${r.critical ? ' (critical: blocks from rollout phase 2)' : ''}`);
    out.push(`- **Finding on:** ${SCOPE_TEXT[r.scope]}${r.linuxOnly ? '; Linux nodes only (not evaluated for Windows pods)' : ''}`);
    if (r.scannerIds?.length) out.push(`- **Same as scanner checks:** ${r.scannerIds.map((s) => `\`${s}\``).join(', ')}`);
    out.push(`- **Implements:** ${r.seed}`, '', r.help, '', `**Fix:** ${r.remediation}`, '');
  }
  return out.join('\n');
}
