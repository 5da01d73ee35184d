import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  countsText
} from "./chunk-YKW7JSOZ.js";
import {
  formatLocation
} from "./chunk-BL2EWJM3.js";

// src/reporters/text.ts
var CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1, cyan: 36 };
function renderText(report, color) {
  const c = (code, s) => color ? `\x1B[${CODES[code]}m${s}\x1B[0m` : s;
  const lines = [];
  for (const f of report.findings) {
    const tag = f.status === "overridden" ? c("cyan", "OVERRIDDEN") : f.severity === "block" ? c("red", f.blocking ? "BLOCK" : "BLOCK (not enforced)") : c("yellow", "WARNING");
    const age = f.new === void 0 ? "" : f.new ? ` ${c("bold", "[new]")}` : c("dim", " [existing]");
    lines.push(`${tag} ${c("bold", f.ruleId)} ${clean(formatLocation(f.location))}${age}`);
    lines.push(`  ${clean(f.message)}`);
    if (f.override) {
      const o = f.override;
      lines.push(c("dim", `  override ${clean(o.id)} by ${clean(o.approver)}, expires ${clean(o.expires)}${o.ticket ? `, ticket ${clean(o.ticket)}${o.due ? ` due ${clean(o.due)}` : ""}` : ""}`));
      lines.push(c("dim", `  justification: ${clean(o.justification)}`));
    } else if (f.status === "open") lines.push(c("dim", `  fix: ${clean(f.remediation)}`));
  }
  if (report.findings.length) lines.push("");
  for (const ch of report.checks)
    lines.push(c("dim", `check ${ch.id}: ${ch.status} in ${ch.durationMs} ms${ch.detail ? ` \u2014 ${clean(ch.detail)}` : ""}`));
  const b = report.baseline;
  if (b)
    lines.push(
      b.error ? `base ${clean(b.ref)}: not evaluated, every finding counts` : `base ${clean(b.ref)} (${b.commit?.slice(0, 12)}): this change adds ${b.new.block} block, ${b.new.warning} warning; ${b.existing.block + b.existing.warning} existing; ${b.resolved} resolved (fail on: ${b.failOn})`
    );
  const decision = report.decision === "block" ? c("red", "BLOCK") : report.decision === "warn" ? c("yellow", "WARN") : c("green", "PASS");
  const policy = report.mode === "warn" ? "mode warn: nothing blocks" : `mode enforce, rollout ${report.rollout}`;
  lines.push(`${c("bold", "decision")} ${decision}: ${countsText(report)} (${policy})`);
  return `${lines.join("\n")}
`;
}
function clean(s) {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "\uFFFD");
}

export {
  renderText,
  clean
};
