import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  oneOf
} from "./chunk-WMWPBA63.js";
import {
  USAGE
} from "./chunk-QXHT732P.js";
import "./chunk-NR2MLVLU.js";
import "./chunk-6UJEEJCJ.js";
import "./chunk-QDOWDREX.js";
import "./chunk-MJ6FTEKD.js";
import "./chunk-DOCCH4DD.js";
import "./chunk-632HPFIG.js";
import "./chunk-3VMLTOBS.js";
import "./chunk-UC7JH2YC.js";
import "./chunk-B7YCL4KC.js";
import "./chunk-5VFIXKI4.js";
import "./chunk-D7TF2GDY.js";
import {
  RULES,
  RULE_IDS
} from "./chunk-XB5LMK5I.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-QLZP63XJ.js";
import "./chunk-NCVH2LUD.js";
import "./chunk-7DU3YBTW.js";

// src/main/commands/rules.ts
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
