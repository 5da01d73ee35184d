import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  oneOf,
  parseFlags
} from "./chunk-S53EXTFC.js";
import {
  USAGE
} from "./chunk-3JVBWD4V.js";
import {
  RULES,
  RULE_IDS,
  ruleRecord
} from "./chunk-QFNJ2TLX.js";
import {
  UsageError
} from "./chunk-LAB7SYR4.js";
import "./chunk-7DU3YBTW.js";

// src/rules/describe.ts
var SEED_NOTE = 'The "seed" references name the design documents each rule implements: seed 000 is the MCP tool-security controls (control 1 tool poisoning, 2 rug pulls, 3 tool shadowing, 4 credentials); seed 003 is the deployment hardening baseline (HD-01 network isolation, HD-02 process isolation, HD-03 supply chain, HD-04 credentials, HD-06 behavioural alerting) and its "Pre-Deployment Security Gate" table, whose rows the gate checks.';
function rulesText() {
  const width = Math.max(...RULE_IDS.map((id) => id.length));
  const rows = RULE_IDS.map((id) => {
    const r = RULES[id];
    return `${id.padEnd(width)}  ${r.defaultSeverity.toUpperCase().padEnd(7)}  ${r.title}
${" ".repeat(width + 11)}${r.seed}
`;
  });
  return `${rows.join("")}
${SEED_NOTE}
`;
}
function rulesJson() {
  return `${JSON.stringify(RULE_IDS.map((id) => ({ id, ...RULES[id] })), null, 2)}
`;
}
function severityText(id) {
  return ruleRecord(id).severityNote ?? RULES[id].defaultSeverity.toUpperCase();
}
function rulesMarkdownTable() {
  const esc = (s) => s.replaceAll("|", "\\|");
  const rows = RULE_IDS.map((id) => `| \`${id}\` | ${severityText(id)} | ${esc(RULES[id].title)} | ${esc(RULES[id].seed)} |`);
  return ["| rule | default | what | seed row / control |", "|---|---|---|---|", ...rows].join("\n");
}

// src/main/commands/rules.ts
var RULES_OPTIONS = { format: { type: "string" } };
var rulesCommand = {
  usage: USAGE.rules,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, RULES_OPTIONS, "rules");
    if (positionals.length > 0) throw new UsageError(`rules takes no arguments, got: ${positionals.join(" ")}`);
    const format = oneOf(values.format ?? "text", ["text", "json", "markdown"], "--format");
    io.stdout(format === "json" ? rulesJson() : format === "markdown" ? `${rulesMarkdownTable()}
` : rulesText());
    return 0;
  }
};
export {
  RULES_OPTIONS,
  rulesCommand
};
