import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  USAGE
} from "./chunk-QXHT732P.js";
import {
  formatLocation,
  renderMarkdown,
  renderSarif,
  runGate
} from "./chunk-NR2MLVLU.js";
import {
  exitCodeFor,
  renderJson,
  renderJsonChunks
} from "./chunk-6UJEEJCJ.js";
import {
  writeFileAtomic
} from "./chunk-DOCCH4DD.js";
import {
  UsageError
} from "./chunk-NCVH2LUD.js";

// src/main/commands/check.ts
import { resolve } from "node:path";
import { parseArgs } from "node:util";

// src/reporters/text.ts
var CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1, cyan: 36 };
function renderText(report, color) {
  const c = (code, s2) => color ? `\x1B[${CODES[code]}m${s2}\x1B[0m` : s2;
  const lines = [];
  for (const f of report.findings) {
    const tag = f.status === "overridden" ? c("cyan", "OVERRIDDEN") : f.severity === "block" ? c("red", f.blocking ? "BLOCK" : "BLOCK (not enforced)") : c("yellow", "WARNING");
    lines.push(`${tag} ${c("bold", f.ruleId)} ${clean(formatLocation(f.location))}`);
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
  const s = report.summary;
  const decision = report.decision === "block" ? c("red", "BLOCK") : report.decision === "warn" ? c("yellow", "WARN") : c("green", "PASS");
  const policy = report.mode === "warn" ? "mode warn: nothing blocks" : `mode enforce, rollout ${report.rollout}`;
  lines.push(`${c("bold", "decision")} ${decision}: ${s.block} block, ${s.warning} warning, ${s.overridden} overridden (${policy})`);
  return `${lines.join("\n")}
`;
}
function clean(s) {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "\uFFFD");
}

// src/reporters/index.ts
var FORMATS = ["text", "json", "sarif", "markdown"];
function render(report, format, opts = {}) {
  switch (format) {
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report);
    case "markdown":
      return renderMarkdown(report);
    default:
      return renderText(report, opts.color === true);
  }
}
function renderPieces(report, format, opts = {}) {
  return format === "json" ? renderJsonChunks(report) : [render(report, format, opts)];
}

// src/main/commands/check.ts
var checkCommand = {
  usage: USAGE.check,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        config: { type: "string" },
        mode: { type: "string" },
        rollout: { type: "string" },
        format: { type: "string", default: "text" },
        output: { type: "string", short: "o" },
        "base-ref": { type: "string" }
      }
    });
    if (positionals.length > 1) throw new UsageError(`check takes one DIR, got ${positionals.length}: ${positionals.join(" ")}`);
    const dir = positionals[0] ?? ".";
    const mode = oneOf(values.mode, ["warn", "enforce"], "--mode");
    const rolloutText = oneOf(values.rollout, ["1", "2", "3"], "--rollout");
    const format = oneOf(values.format, FORMATS, "--format");
    const report = await runGate({
      root: dir,
      ...values.config !== void 0 ? { configFile: resolve(values.config) } : {},
      ...mode ? { mode } : {},
      ...rolloutText ? { rollout: Number(rolloutText) } : {},
      ...values["base-ref"] ? { baseRef: values["base-ref"] } : {},
      jsonReport: format === "json"
    });
    const color = !values.output && process.stdout.isTTY === true && !process.env.NO_COLOR;
    if (values.output) {
      writeFileAtomic(values.output, renderPieces(report, format, { color, root: resolve(dir) }));
      process.stderr.write(`mcp-gate: ${report.decision} (${report.summary.block} block, ${report.summary.warning} warning, ${report.summary.overridden} overridden); report written to ${values.output}
`);
    } else process.stdout.write(render(report, format, { color, root: resolve(dir) }));
    return exitCodeFor(report.decision);
  }
};
function oneOf(value, allowed, flag) {
  if (value === void 0) return void 0;
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
  return value;
}

export {
  clean,
  checkCommand,
  oneOf
};
