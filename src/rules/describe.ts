// Everything said about the rules outside the code is rendered here from the
// catalog: `mcp-gate rules` (text, json, markdown), the README table and
// docs/rules.md.
import { RULE_IDS, RULES, ruleRecord } from './catalog.ts';

export function rulesText(): string {
  const width = Math.max(...RULE_IDS.map((id) => id.length));
  return RULE_IDS.map((id) => {
    const r = RULES[id];
    return `${id.padEnd(width)}  ${r.defaultSeverity.toUpperCase().padEnd(7)}  ${r.title}\n${' '.repeat(width + 11)}${r.seed}\n`;
  }).join('');
}

export function rulesJson(): string {
  return `${JSON.stringify(RULE_IDS.map((id) => ({ id, ...RULES[id] })), null, 2)}\n`;
}

/** The README's rule table. */
export function rulesMarkdownTable(): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  const rows = RULE_IDS.map((id) => {
    const r = RULES[id];
    const sev = ruleRecord(id).severityNote ?? r.defaultSeverity.toUpperCase();
    return `| \`${id}\` | ${sev} | ${esc(r.title)} | ${esc(r.seed)} |`;
  });
  return ['| rule | default | what | seed row / control |', '|---|---|---|---|', ...rows].join('\n');
}
