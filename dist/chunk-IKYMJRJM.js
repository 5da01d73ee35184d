import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  countsText
} from "./chunk-YKW7JSOZ.js";
import {
  partName
} from "./chunk-BL2EWJM3.js";
import {
  VERSION
} from "./chunk-BLXERQGE.js";
import {
  RULES,
  RULE_IDS,
  docsAnchor
} from "./chunk-QFNJ2TLX.js";

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
    const item2 = findingJson(f);
    batch.push(i === 0 ? "" : ",\n    ", item2);
    size += item2.length;
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
var DOCS_BASE = `https://github.com/mcp-gate/mcp-gate/blob/v${VERSION}/docs`;
var DOCS_URL = `${DOCS_BASE}/rules.md`;
function renderMarkdown(report, opts = {}) {
  const limit = opts.limit ?? SUMMARY_LIMIT;
  const ctx = { report, marker: opts.marker, blob: blobBase(opts.links) };
  const sections = plan(report);
  const total = sections.reduce((n, s) => n + s.findings.length, 0);
  const full = build(ctx, sections, total);
  if (full.length <= limit) return full;
  let lo = 0;
  let hi = total - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build(ctx, sections, mid).length <= limit) lo = mid;
    else hi = mid - 1;
  }
  return build(ctx, sections, lo).slice(0, limit);
}
var OVERRIDE_HINT = `<sub>To accept a risk for a time instead of fixing it: run the finding's \`mcp-gate override new\` command, fill in ticket and justification, sign ([overrides](${DOCS_BASE}/overrides.md)).</sub>`;
function plan(report) {
  const open = report.findings.filter((f) => f.status === "open");
  const overridden = report.findings.filter((f) => f.status === "overridden");
  const withBase = report.findings.some((f) => f.new !== void 0);
  const sections = [];
  if (withBase) {
    const existing = open.filter((f) => f.new === false);
    const current = open.filter((f) => f.new !== false);
    const existingBlocking = existing.filter((f) => f.blocking).length;
    sections.push(
      { title: "Blocking findings this change introduces", findings: current.filter((f) => f.blocking), collapsed: false },
      { title: "New findings that do not block", findings: current.filter((f) => !f.blocking), collapsed: true },
      {
        title: `Existing findings (already on the base revision${existingBlocking ? `; ${existingBlocking} of them block` : ""})`,
        findings: existing,
        collapsed: true
      }
    );
  } else
    sections.push(
      { title: "Blocking findings", findings: open.filter((f) => f.blocking), collapsed: false },
      { title: "Findings that do not block", findings: open.filter((f) => !f.blocking), collapsed: true }
    );
  sections.push({ title: "Overridden findings", findings: overridden, collapsed: true });
  return sections.filter((s) => s.findings.length > 0);
}
function build(ctx, sections, shown) {
  const { report } = ctx;
  const icon = report.decision === "block" ? "\u274C" : report.decision === "warn" ? "\u26A0\uFE0F" : "\u2705";
  const policy = report.mode === "warn" ? "warning-only mode: nothing blocks" : `enforce mode, rollout phase ${report.rollout}`;
  const out = [];
  if (ctx.marker) out.push(ctx.marker);
  out.push(`## ${icon} mcp-gate: ${report.decision.toUpperCase()}`, "");
  out.push(...baselineLines(report));
  out.push(`${countsText(report)} \u2014 ${policy}`, "");
  const total = sections.reduce((n, s) => n + s.findings.length, 0);
  if (shown < total) out.push(`**Showing ${shown} of ${total} findings** (size limit); the rest are counted at the end and listed in the JSON and SARIF reports.`, "");
  const first = sections[0];
  if (first && !first.collapsed && first.findings.length > 10) out.push(`**By rule:** ${byRule(first.findings)}`, "");
  let left = shown;
  for (const s of sections) {
    const list = s.findings.slice(0, left);
    left -= list.length;
    if (list.length === 0) break;
    const count = `${s.findings.length} finding${s.findings.length === 1 ? "" : "s"}`;
    if (s.collapsed) out.push(`<details><summary><b>${s.title}</b> (${count})</summary>`, "");
    else out.push(`### ${s.title} (${count})`, "", OVERRIDE_HINT, "");
    out.push(...groups(ctx, list, s.collapsed));
    if (s.collapsed) out.push("</details>", "");
  }
  if (shown < total) out.push(`**${total - shown} more findings not shown here** (size limit); see the JSON or SARIF report.`, "");
  out.push("<details><summary>Checks</summary>", "", "| check | status | ms | detail |", "|---|---|---|---|");
  for (const c of report.checks) out.push(`| ${c.id} | ${c.status} | ${c.durationMs} | ${escapeMarkdown(c.detail ?? "")} |`);
  out.push("", "</details>", "", `<sub>mcp-gate ${escapeMarkdown(report.tool.version)} \xB7 [rules](${DOCS_URL})</sub>`, "");
  return out.join("\n");
}
function baselineLines(report) {
  const b = report.baseline;
  if (!b) return [];
  const sha = (x) => /^[0-9a-f]{40,64}$/.test(x) ? x.slice(0, 12) : x;
  const base = `base ${codeSpan(sha(b.ref))}${b.commit && b.commit !== b.ref ? ` (${codeSpan(sha(b.commit))})` : ""}`;
  if (b.error) return [`\u26A0\uFE0F The ${base} could not be evaluated (${escapeMarkdown(b.error)}): every finding counts as if new (failOn all).`, ""];
  const addedBlocking = report.findings.filter((f) => f.new === true && f.blocking).length;
  const n = (x) => x.block + x.warning;
  return [
    `**This change adds ${addedBlocking} blocking finding${addedBlocking === 1 ? "" : "s"}** \xB7 ${n(b.new)} new (${b.new.block} BLOCK, ${b.new.warning} warning) \xB7 ${n(b.existing)} existing (${b.existing.block} BLOCK, ${b.existing.warning} warning) \xB7 ${b.resolved} resolved \u2014 compared with the ${base}, failOn ${b.failOn}`,
    ""
  ];
}
function groups(ctx, findings, collapsed) {
  const out = [];
  for (const list of groupBy(findings, (f) => f.location.resource ? `r:${f.location.resource}` : f.location.file ? `f:${f.location.file}` : "").values()) {
    const first = list[0];
    const name = first.location.resource ?? first.location.file;
    const heading = `${name ? codeSpan(name) : "repository"} \u2014 ${list.length} finding${list.length === 1 ? "" : "s"}`;
    out.push(collapsed ? `**${heading}**` : `#### ${heading}`, "");
    for (const same of groupBy(list, (f) => `${f.ruleId} ${label(f)}`).values()) out.push(...rule(ctx, same));
    out.push("");
  }
  return out;
}
function rule(ctx, list) {
  const f = list[0];
  const shared = list.every((x) => x.remediation === f.remediation && !x.override);
  const docs = `[${escapeMarkdown(f.ruleId)}](${DOCS_URL}#${docsAnchor(f.ruleId)})`;
  const lines = [`- ${label(f)} ${docs} ${escapeMarkdown(RULES[f.ruleId].title)}${list.length > 1 ? ` (${list.length})` : ""}${shared ? `<br>**Fix:** ${escapeMarkdown(f.remediation)}` : ""}`];
  for (const x of list) lines.push(`  - ${item(ctx, x, !shared)}`);
  return lines;
}
function byRule(findings) {
  const counts = /* @__PURE__ */ new Map();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${escapeMarkdown(id)} ${n}`).join(" \xB7 ");
}
function label(f) {
  return f.status === "overridden" ? "\u{1F6E1}\uFE0F overridden" : f.severity === "block" ? f.blocking ? "\u274C BLOCK" : "\u2757 BLOCK (not enforced)" : "\u26A0\uFE0F warning";
}
function item(ctx, f, withFix) {
  const where = [
    f.location.file ? fileLink(ctx, f.location.file, f.location.line) : "",
    f.location.container ? `${partName(f.location)} ${codeSpan(f.location.container)}` : ""
  ].filter(Boolean);
  let text = `${where.length ? `${where.join(" \xB7 ")}: ` : ""}${escapeMarkdown(f.message)}`;
  if (f.override) {
    const o = f.override;
    text += `<br>Override ${codeSpan(o.id)} by ${escapeMarkdown(o.approver)}${o.ticket ? `, ticket ${escapeMarkdown(o.ticket)}` : ""}, expires ${escapeMarkdown(o.expires)}: ${escapeMarkdown(o.justification)}`;
  } else if (withFix) text += `<br>**Fix:** ${escapeMarkdown(f.remediation)}`;
  if (f.blocking && /^[0-9a-f]{8,64}$/.test(f.fingerprint)) text += `<br>\`mcp-gate override new --fingerprint ${f.fingerprint}\``;
  return text;
}
function groupBy(items, key) {
  const map = /* @__PURE__ */ new Map();
  for (const item2 of items) {
    const list = map.get(key(item2));
    if (list) list.push(item2);
    else map.set(key(item2), [item2]);
  }
  return map;
}
function fileLink(ctx, file, line) {
  const okLine = line !== void 0 && Number.isSafeInteger(line) && line > 0;
  const text = `${file}${okLine ? `:${line}` : ""}`;
  if (!ctx.blob) return codeSpan(text);
  return `[${escapeMarkdown(text)}](${ctx.blob}/${encodePath(file)}${okLine ? `#L${line}` : ""})`;
}
function encodePath(path) {
  return path.split("/").map((seg) => encodeURIComponent(seg).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
}
function blobBase(links) {
  if (!links) return void 0;
  const server = /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(links.serverUrl.replace(/\/$/, "")) ? links.serverUrl.replace(/\/$/, "") : void 0;
  const repo = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(links.repository) ? links.repository : void 0;
  const sha = /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(links.sha) ? links.sha : void 0;
  return server && repo && sha ? `${server}/${repo}/blob/${sha}` : void 0;
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
