import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  RULES,
  RULE_IDS
} from "./chunk-EXVNISWL.js";

// src/reporters/json.ts
function renderJson(report) {
  return `${JSON.stringify(report, null, 2)}
`;
}
function findingJson(f) {
  return JSON.stringify([[f]], null, 2).slice(10, -6);
}
var CHUNK_CHARS = 1 << 20;
var FINDINGS_MARKER = "\0mcp-gate:findings\0";
function renderJsonChunks(report) {
  const findings = report.findings;
  if (!Array.isArray(findings) || findings.length === 0) return [renderJson(report)];
  const marker = JSON.stringify(FINDINGS_MARKER);
  const outer = JSON.stringify({ ...report, findings: FINDINGS_MARKER }, null, 2);
  const slot = `
  "findings": ${marker}`;
  const at = outer.indexOf(slot);
  if (at < 0 || outer.includes(slot, at + 1)) return [renderJson(report)];
  const chunks = [];
  let batch = [`${outer.slice(0, at + slot.length - marker.length)}[
    `];
  let size = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const item = findingJson(f);
    batch.push(i === 0 ? "" : ",\n    ", item);
    size += item.length;
    if (size >= CHUNK_CHARS) {
      chunks.push(batch.join(""));
      batch = [];
      size = 0;
    }
  }
  batch.push(`
  ]${outer.slice(at + slot.length)}
`);
  chunks.push(batch.join(""));
  return chunks;
}

// src/reporters/escape.ts
var MD_SPECIAL = /[\\`*_{}[\]()#+\-.!|~>]/g;
function escapeMarkdown(s) {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(MD_SPECIAL, (ch) => ch === ">" ? ch : `\\${ch}`).replace(/@/g, "&#64;").replace(/\r?\n/g, " ");
}
function codeSpan(s) {
  return `<code>${escapeMarkdown(s)}</code>`;
}

// src/reporters/markdown.ts
var SUMMARY_LIMIT = 1024 * 1024;
function renderMarkdown(report, opts = {}) {
  const limit = opts.limit ?? SUMMARY_LIMIT;
  const full = build(report, report.findings.length, opts.marker);
  if (full.length <= limit) return full;
  let n = Math.min(report.findings.length, 200);
  while (n > 0) {
    const text = build(report, n, opts.marker);
    if (text.length <= limit) return text;
    n = Math.floor(n / 2);
  }
  return build(report, 0, opts.marker).slice(0, limit);
}
function build(report, rows, marker) {
  const s = report.summary;
  const icon = report.decision === "block" ? "\u274C" : report.decision === "warn" ? "\u26A0\uFE0F" : "\u2705";
  const policy = report.mode === "warn" ? "warning-only mode: nothing blocks" : `enforce mode, rollout phase ${report.rollout}`;
  const out = [];
  if (marker) out.push(marker);
  out.push(`## ${icon} mcp-gate: ${report.decision.toUpperCase()}`, "");
  out.push(`**${s.block}** block \xB7 **${s.warning}** warning \xB7 **${s.overridden}** overridden \u2014 ${policy}`, "");
  if (report.findings.length) {
    out.push("| | rule | where | finding |", "|---|---|---|---|");
    for (const f of report.findings.slice(0, rows)) out.push(row(f));
    if (rows < report.findings.length)
      out.push("", `_${report.findings.length - rows} more findings not shown here (size limit); see the JSON or SARIF report._`);
    out.push("");
  }
  const overridden = report.findings.filter((f) => f.override);
  if (overridden.length && rows > 0) {
    out.push("### Overrides applied", "", "| override | approver | ticket | expires | justification |", "|---|---|---|---|---|");
    for (const f of overridden.slice(0, rows)) {
      const o = f.override;
      if (o) out.push(`| ${codeSpan(o.id)} | ${escapeMarkdown(o.approver)} | ${escapeMarkdown(o.ticket ?? "")} | ${escapeMarkdown(o.expires)} | ${escapeMarkdown(o.justification)} |`);
    }
    out.push("");
  }
  out.push("<details><summary>Checks</summary>", "", "| check | status | ms | detail |", "|---|---|---|---|");
  for (const c of report.checks) out.push(`| ${c.id} | ${c.status} | ${c.durationMs} | ${escapeMarkdown(c.detail ?? "")} |`);
  out.push("", "</details>", "", `<sub>mcp-gate ${escapeMarkdown(report.tool.version)}</sub>`, "");
  return out.join("\n");
}
function row(f) {
  const sev = f.status === "overridden" ? "\u{1F6E1}\uFE0F overridden" : f.severity === "block" ? f.blocking ? "\u274C BLOCK" : "\u2757 BLOCK (not enforced)" : "\u26A0\uFE0F WARNING";
  const where = [
    f.location.file ? codeSpan(`${f.location.file}${f.location.line ? `:${f.location.line}` : ""}`) : "",
    f.location.resource ? escapeMarkdown(f.location.resource) : "",
    f.location.container ? escapeMarkdown(`(${f.location.container})`) : ""
  ].filter(Boolean).join(" ");
  return `| ${sev} | ${escapeMarkdown(f.ruleId)}<br>${escapeMarkdown(RULES[f.ruleId].title)} | ${where} | ${escapeMarkdown(f.message)} |`;
}

// src/reporters/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
function renderSarif(report) {
  const index = new Map(RULE_IDS.map((id, i) => [id, i]));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "mcp-gate",
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: RULE_IDS.map((id) => {
              const r = RULES[id];
              return {
                id,
                name: id.replace(/[^A-Za-z0-9]+(.)/g, (_, ch) => ch.toUpperCase()),
                shortDescription: { text: r.title },
                fullDescription: { text: r.help },
                help: { text: `${r.help}

Remediation: ${r.remediation}

Implements: ${r.seed}`, markdown: `${r.help}

**Remediation:** ${r.remediation}

_Implements: ${r.seed}_` },
                defaultConfiguration: { level: r.defaultSeverity === "block" ? "error" : "warning" },
                properties: { tags: ["security", "mcp", id.split("/")[0]], "security-severity": r.defaultSeverity === "block" ? "8.0" : "5.0" }
              };
            })
          }
        },
        automationDetails: { id: "mcp-gate/" },
        columnKind: "utf16CodeUnits",
        results: report.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId),
          level: f.severity === "block" ? "error" : "warning",
          message: { text: `${f.message}

Remediation: ${f.remediation}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeUri(f.location.file ?? ".mcp-gate.yml"), uriBaseId: "%SRCROOT%" },
                region: { startLine: f.location.line ?? 1 }
              },
              ...f.location.resource ? { logicalLocations: [{ fullyQualifiedName: [f.location.resource, f.location.container].filter(Boolean).join("/"), kind: "resource" }] } : {}
            }
          ],
          partialFingerprints: { "mcpGate/v1": f.fingerprint },
          ...f.new !== void 0 ? { baselineState: f.new ? "new" : "unchanged" } : {},
          ...f.status === "overridden" && f.override ? {
            suppressions: [
              {
                kind: "external",
                status: "accepted",
                justification: `${f.override.id} approved by ${f.override.approver} until ${f.override.expires}${f.override.ticket ? ` (remediation ${f.override.ticket}${f.override.due ? ` due ${f.override.due}` : ""})` : ""}: ${f.override.justification}`
              }
            ]
          } : {},
          properties: { blocking: f.blocking, ...f.source ? { source: f.source } : {} }
        }))
      }
    ]
  };
  return `${JSON.stringify(sarif, null, 2)}
`;
}
function encodeUri(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}

export {
  renderJson,
  renderJsonChunks,
  renderMarkdown,
  renderSarif
};
