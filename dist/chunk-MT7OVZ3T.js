import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  oneOf
} from "./chunk-XWX6VMOH.js";
import {
  USAGE
} from "./chunk-HJECAZCU.js";
import "./chunk-D575EQA4.js";
import "./chunk-UCRDXPYV.js";
import "./chunk-D6O7T53T.js";
import "./chunk-WYQTBIYI.js";
import "./chunk-HVDJ3ZUE.js";
import "./chunk-L5STNJMW.js";
import "./chunk-QHQIOUYT.js";
import "./chunk-ZUNSKBVU.js";
import "./chunk-2JGJ6WIN.js";
import "./chunk-C6BPHTRH.js";
import "./chunk-KNLB5YWZ.js";
import {
  RULES,
  RULE_IDS
} from "./chunk-B76MAFEM.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-PT5AC5ZC.js";
import "./chunk-PPHIJ3XX.js";
import "./chunk-7DU3YBTW.js";

// src/commands/rules.ts
import { parseArgs } from "node:util";
var rulesCommand = {
  usage: USAGE.rules,
  async run(args) {
    const { values } = parseArgs({ args, options: { format: { type: "string", default: "text" } } });
    const format = oneOf(values.format, ["text", "json", "markdown"], "--format");
    if (format === "json") {
      process.stdout.write(`${JSON.stringify(RULE_IDS.map((id) => ({ id, ...RULES[id] })), null, 2)}
`);
    } else if (format === "markdown") {
      process.stdout.write(`${rulesMarkdownTable()}
`);
    } else {
      const width = Math.max(...RULE_IDS.map((id) => id.length));
      for (const id of RULE_IDS) {
        const r = RULES[id];
        process.stdout.write(`${id.padEnd(width)}  ${r.defaultSeverity.toUpperCase().padEnd(7)}  ${r.title}
${" ".repeat(width + 11)}${r.seed}
`);
      }
    }
    return 0;
  }
};
function rulesMarkdownTable() {
  const esc = (s) => s.replaceAll("|", "\\|");
  const rows = RULE_IDS.map((id) => {
    const r = RULES[id];
    const sev = id === "k8s/secret-in-env" ? "BLOCK (literal) / WARNING (secretKeyRef)" : r.defaultSeverity.toUpperCase();
    return `| \`${id}\` | ${sev} | ${esc(r.title)} | ${esc(r.seed)} |`;
  });
  return ["| rule | default | what | seed row / control |", "|---|---|---|---|", ...rows].join("\n");
}
export {
  rulesCommand,
  rulesMarkdownTable
};
