import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  oneOf
} from "./chunk-3WY4FX2R.js";
import {
  USAGE
} from "./chunk-NHIOUD2A.js";
import {
  RULES,
  RULE_IDS,
  ruleRecord
} from "./chunk-DFKO45XE.js";
import "./chunk-NCVH2LUD.js";
import "./chunk-7DU3YBTW.js";

// src/main/commands/rules.ts
import { parseArgs } from "node:util";

// src/rules/describe.ts
function rulesText() {
  const width = Math.max(...RULE_IDS.map((id) => id.length));
  return RULE_IDS.map((id) => {
    const r = RULES[id];
    return `${id.padEnd(width)}  ${r.defaultSeverity.toUpperCase().padEnd(7)}  ${r.title}
${" ".repeat(width + 11)}${r.seed}
`;
  }).join("");
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
var rulesCommand = {
  usage: USAGE.rules,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { format: { type: "string", default: "text" } } });
    const format = oneOf(values.format, ["text", "json", "markdown"], "--format");
    io.stdout(format === "json" ? rulesJson() : format === "markdown" ? `${rulesMarkdownTable()}
` : rulesText());
    return 0;
  }
};
export {
  rulesCommand
};
