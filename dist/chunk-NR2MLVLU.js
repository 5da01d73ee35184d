import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  ALL_CHECKS,
  decide,
  failedCheck,
  forgetJson,
  prepareFindings,
  prepareOutcome,
  rememberJson,
  resolvePolicy,
  runCheck,
  toFinding
} from "./chunk-6UJEEJCJ.js";
import {
  Workspace
} from "./chunk-DOCCH4DD.js";
import {
  VERSION
} from "./chunk-632HPFIG.js";
import {
  BaseRefError,
  NON_OVERRIDABLE,
  OVERRIDES_DIR,
  readFileAtRef
} from "./chunk-B7YCL4KC.js";
import {
  DEFAULT_CONFIG_FILE,
  loadConfigFile,
  parseConfigText
} from "./chunk-5VFIXKI4.js";
import {
  RULES,
  RULE_IDS,
  canonicalJson,
  compareStrings
} from "./chunk-XB5LMK5I.js";
import {
  UsageError
} from "./chunk-NCVH2LUD.js";

// src/gate/engine.ts
import { setMaxListeners } from "node:events";
import { existsSync, lstatSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";

// src/config/base-policy.ts
var PROTECTED_KEYS = ["mode", "rollout", "rules", "overrides", "probes"];
function mergeBasePolicy(head, base, configFile) {
  const config = { ...head };
  const findings = [];
  for (const key of PROTECTED_KEYS) {
    const h = head[key];
    const b = base[key];
    if (canonicalJson(h ?? null) !== canonicalJson(b ?? null)) {
      findings.push({
        ruleId: "gate/policy-changed",
        message: `this change edits "${key}" of the gate's policy (base: ${show(b)}, change: ${show(h)}); the base revision's value applies until the change is merged`,
        location: { file: configFile },
        key
      });
    }
    if (b === void 0) delete config[key];
    else config[key] = b;
  }
  const baseServers = new Map((base.mcp?.servers ?? []).map((s) => [s.id, canonicalJson(s)]));
  const servers = [];
  for (const s of head.mcp?.servers ?? []) {
    const live = s.command !== void 0 || s.url !== void 0;
    if (!live || baseServers.get(s.id) === canonicalJson(s)) {
      servers.push(s);
      continue;
    }
    findings.push({
      ruleId: "gate/check-failed",
      message: `MCP server "${s.id}": this change ${baseServers.has(s.id) ? "edits" : "adds"} a live server entry (${s.command ? "command" : "url"}); the gate does not execute or contact what the change under review names, so its manifest was not acquired. It will be checked once the entry is on the base branch.`,
      location: { file: configFile, resource: `McpServer/${s.id}` },
      key: "untrusted-live-server"
    });
  }
  if (head.mcp) config.mcp = { ...head.mcp, servers };
  return { config, findings };
}
function show(v) {
  if (v === void 0) return "(unset)";
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
async function protectPolicy(root, baseRef, configFile, head) {
  let baseText;
  try {
    baseText = (await readFileAtRef(root, baseRef, configFile)).text;
  } catch (err) {
    if (!(err instanceof BaseRefError)) throw err;
    return {
      config: { ...head, mode: "enforce", rollout: head.rollout === 3 ? 3 : 2 },
      findings: [
        {
          ruleId: "gate/check-failed",
          message: `the base revision cannot be read, so neither its gate policy nor its trusted signers apply (live MCP servers and probes named by the change are not contacted): ${err.message}`,
          location: { file: configFile },
          key: "base-ref"
        }
      ],
      baseRefError: err.message
    };
  }
  let base = {};
  if (baseText !== void 0) {
    try {
      base = parseConfigText(baseText, `${configFile}@${baseRef}`);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      return { config: head, findings: [{ ruleId: "gate/check-failed", message: `the base revision's config is invalid: ${err.message}`, location: { file: configFile }, key: "base-policy" }] };
    }
  }
  return mergeBasePolicy(head, base, configFile);
}

// src/gate/check-thread.ts
import { Worker } from "node:worker_threads";
var YOUNG_GENERATION_MB = 8;
var GRACE_MS = 1e3;
function workerUrl() {
  return new URL(import.meta.url.endsWith(".ts") ? "./check-worker.ts" : "./check-worker.js", import.meta.url);
}
function runShared({ groups, ctx, job, entry = workerUrl(), claimHere = true }) {
  const n = groups.length;
  const results = new Array(n);
  const prepare = (o) => prepareOutcome(o, job.policy, job.json);
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const claimedHere = /* @__PURE__ */ new Set();
  const start = performance.now();
  let left = n;
  return new Promise((resolve2) => {
    if (n === 0) return resolve2([]);
    let worker;
    let grace;
    const finish = () => {
      clearTimeout(grace);
      ctx.signal.removeEventListener("abort", onAbort);
      const w = worker;
      worker = void 0;
      if (w) void w.terminate();
      resolve2(results);
    };
    const deliver = (i, outcomes) => {
      if (results[i]) return;
      results[i] = outcomes;
      if (--left === 0) finish();
    };
    let claiming = false;
    const claimLoop = async () => {
      if (claiming) return;
      claiming = true;
      for (let i = Atomics.add(claim, 0, 1); i < n; i = Atomics.add(claim, 0, 1)) {
        claimedHere.add(i);
        const groupCtx = { ...ctx, workspace: ctx.workspace.fresh() };
        const group = groups[i] ?? [];
        try {
          deliver(i, (await Promise.all(group.map((c) => runCheck(c, groupCtx)))).map(prepare));
        } catch (err) {
          deliver(i, group.map((c) => prepare(failedCheck(c.id, err, Math.round(performance.now() - start)))));
        }
      }
    };
    const lostWorker = (err) => {
      if (!worker) return;
      worker = void 0;
      const claimed = Math.min(Atomics.load(claim, 0), n);
      for (let i = 0; i < claimed; i++)
        if (!claimedHere.has(i)) deliver(i, (groups[i] ?? []).map((c) => prepare(failedCheck(c.id, err, Math.round(performance.now() - start)))));
      void claimLoop();
    };
    const onAbort = () => {
      worker?.postMessage("abort");
      grace = setTimeout(() => {
        const w = worker;
        lostWorker(ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error(String(ctx.signal.reason)));
        void w?.terminate();
      }, GRACE_MS);
    };
    try {
      const data = { ...job, groups: groups.map((g) => g.map((c) => c.id)), claim };
      const w = new Worker(entry, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker = w;
      w.on("message", (m) => deliver(m.group, m.outcomes));
      w.once("error", (err) => lostWorker(new Error(`check worker failed: ${err.message}`)));
      w.once("exit", (code) => lostWorker(new Error(`check worker exited (code ${code}) before reporting`)));
    } catch {
    }
    if (ctx.signal.aborted) onAbort();
    else ctx.signal.addEventListener("abort", onAbort, { once: true });
    if (claimHere || !worker) setImmediate(() => void claimLoop());
  });
}

// src/overrides/apply.ts
function overrideResourceOf(f) {
  return f.location.resource ?? (f.location.file !== void 0 ? `file:${f.location.file}` : void 0);
}
function overrideMatches(o, f) {
  return f.ruleId === o.rule && overrideResourceOf(f) === o.resource && (o.container === void 0 || f.location.container === o.container);
}
function applyOverrides(findings, overrides) {
  const stale = [];
  let applied = 0;
  for (const o of overrides) {
    let used = false;
    for (const f of findings) {
      if (!overrideMatches(o, f)) continue;
      used = true;
      if (f.status === "overridden") continue;
      f.status = "overridden";
      f.blocking = false;
      f.override = { ...o.applied };
      applied++;
    }
    if (!used)
      stale.push({
        ruleId: "override/stale",
        message: `override ${o.id} (${o.rule} on ${o.resource}${o.container ? ` container ${o.container}` : ""}) matches no finding: delete it, or check its target`,
        location: { file: o.file, line: o.line },
        key: o.id
      });
  }
  return { stale, applied };
}

// src/gate/engine.ts
var DEFAULT_TIMEOUT_MS = 12e4;
var WORKER_MIN_BYTES = 32 * 1024 * 1024;
var GROUP_ORDER = ["manifests", "reports", "secrets", "supply", "image"];
function groupRank(group) {
  const i = GROUP_ORDER.indexOf(group[0]?.workerGroup ?? "");
  return i < 0 ? GROUP_ORDER.length : i;
}
async function runGate(opts) {
  const root = resolve(opts.root);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${opts.root}: no such directory`);
  const loaded = opts.config ? { config: opts.config, configFile: opts.configFile } : readConfig(root, opts.configFile);
  const { configFile } = loaded;
  let { config } = loaded;
  const preliminary = [];
  let baseRefError;
  if (opts.baseRef !== void 0 && (configFile === void 0 || !isAbsolute(configFile))) {
    const protectedPolicy = await protectPolicy(root, opts.baseRef, configFile ?? DEFAULT_CONFIG_FILE, config);
    config = protectedPolicy.config;
    preliminary.push(...protectedPolicy.findings);
    baseRefError = protectedPolicy.baseRefError;
  }
  const policy = resolvePolicy(config, opts);
  const controller = new AbortController();
  setMaxListeners(256, controller.signal);
  const ctx = {
    root,
    config,
    configFile,
    workspace: new Workspace(root),
    baseRef: opts.baseRef,
    signal: controller.signal,
    now: opts.now ?? /* @__PURE__ */ new Date(),
    env: typeof opts.env === "function" ? opts.env(config) : opts.env ?? process.env
  };
  const checks = opts.checks ?? ALL_CHECKS;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const budgetMessage = `gate time budget of ${timeoutMs} ms exceeded`;
  const timer = setTimeout(() => controller.abort(new Error(budgetMessage)), timeoutMs);
  timer.unref();
  try {
    const candidates = checks.filter((c) => c.workerGroup !== void 0 && ALL_CHECKS.includes(c));
    const threaded = candidates.length > 0 && (opts.workerThread ?? ctx.workspace.holdsBytes(WORKER_MIN_BYTES));
    const shareable = (c) => threaded && candidates.includes(c);
    const groups = /* @__PURE__ */ new Map();
    for (const c of checks.filter(shareable)) {
      const g = groups.get(c.workerGroup);
      if (g) g.push(c);
      else groups.set(c.workerGroup, [c]);
    }
    const queue = [...groups.values()].sort((a, b) => groupRank(a) - groupRank(b));
    const json = opts.jsonReport === true;
    const shared = runShared({
      groups: queue,
      ctx,
      job: {
        root,
        config,
        ...configFile !== void 0 ? { configFile } : {},
        ...opts.baseRef !== void 0 ? { baseRef: opts.baseRef } : {},
        now: ctx.now,
        env: { ...ctx.env },
        deadline: Date.now() + timeoutMs,
        deadlineMessage: budgetMessage,
        policy,
        json
      }
    });
    const here = Promise.all(checks.filter((c) => !shareable(c)).map((c) => runCheck(c, ctx))).then((outs) => {
      if (threaded) ctx.workspace = ctx.workspace.fresh();
      return outs;
    });
    const ownPrepared = here.then((outs) => outs.map((o) => prepareOutcome(o, policy, json)));
    const [ownOutcomes, sharedOutcomes, overrides] = await Promise.all([ownPrepared, shared, runOverrideStage(ctx, baseRefError)]);
    const outcome = /* @__PURE__ */ new Map();
    for (const [i, g] of queue.entries()) for (const [j, c] of g.entries()) outcome.set(c, sharedOutcomes[i]?.[j]);
    let own = 0;
    const results = checks.map((c) => shareable(c) ? outcome.get(c) : ownOutcomes[own++]);
    const prepared = [prepareFindings(preliminary, policy, json), ...results, prepareFindings(overrides.findings, policy, json)];
    if (json) for (const p of prepared) for (const [i, f] of p.findings.entries()) rememberJson(f, p.json?.[i]);
    const runs = results.map((r) => r.run);
    if (overrides.run) runs.push(overrides.run);
    return assembleReport(
      prepared.flatMap((p) => p.findings),
      runs,
      policy,
      overrides.run ? { applicable: overrides.applicable, run: overrides.run } : void 0
    );
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
function readConfig(root, file) {
  if (file !== void 0) {
    const abs2 = isAbsolute(file) ? file : resolve(root, file);
    if (!existsSync(abs2)) throw new UsageError(`${file}: config file not found`);
    const display = relativeOrAbsolute(root, abs2);
    return { config: loadConfigFile(abs2, display), configFile: display };
  }
  const abs = resolve(root, DEFAULT_CONFIG_FILE);
  if (!existsSync(abs)) return { config: {} };
  return { config: loadConfigFile(abs, DEFAULT_CONFIG_FILE), configFile: DEFAULT_CONFIG_FILE };
}
function relativeOrAbsolute(root, abs) {
  const rel = relative(root, abs);
  return rel.startsWith("..") || isAbsolute(rel) ? abs : rel.split("\\").join("/");
}
async function runOverrideStage(ctx, baseRefError) {
  if (lstatSync(join(ctx.root, OVERRIDES_DIR), { throwIfNoEntry: false }) === void 0) return { findings: [], applicable: [] };
  let evaluation;
  const stage = {
    id: "overrides",
    rules: ["override/invalid", "override/expired", "override/expiring", "override/stale"],
    async run(c) {
      const { evaluateOverrides } = await import("./chunk-4QUHZ7IG.js");
      evaluation = await evaluateOverrides({
        root: c.root,
        ...c.baseRef !== void 0 ? { baseRef: c.baseRef } : {},
        // Already reported once (gate/check-failed): trust nobody, say why on each override.
        ...baseRefError !== void 0 ? { trust: { origin: "none", description: "unreadable base revision", refusal: `untrusted signer: the base revision cannot be read (${baseRefError})` } } : {},
        env: c.env,
        now: c.now,
        ...c.config.overrides?.maxLifetimeDays !== void 0 ? { maxLifetimeDays: c.config.overrides.maxLifetimeDays } : {}
      });
      return { findings: evaluation.findings, detail: evaluation.detail, skipped: evaluation.overrides.length === 0 };
    }
  };
  const r = await runCheck(stage, ctx);
  if (r.run.status !== "failed" && evaluation && !evaluation.present) return { findings: [], applicable: [] };
  return { run: r.run, findings: r.findings, applicable: r.run.status === "failed" ? [] : evaluation?.applicable ?? [] };
}
function assembleReport(all, checks, policy, overrides) {
  const byFingerprint = /* @__PURE__ */ new Map();
  const add = (f) => {
    if (!f) return;
    const existing = byFingerprint.get(f.fingerprint);
    if (existing && !(existing.severity === "warning" && f.severity === "block")) return;
    byFingerprint.set(f.fingerprint, f);
  };
  for (const f of all) add(f);
  if (overrides) {
    const candidates = [...byFingerprint.values()].filter((f) => !NON_OVERRIDABLE.has(f.ruleId));
    const { stale, applied } = applyOverrides(candidates, overrides.applicable);
    for (const f of candidates) if (f.status === "overridden") forgetJson(f);
    for (const r of stale) add(toFinding(r, policy));
    if (overrides.run && overrides.run.status !== "failed")
      overrides.run.detail = `${overrides.run.detail ? `${overrides.run.detail}; ` : ""}${applied} finding(s) overridden, ${stale.length} stale override(s)`;
  }
  const findings = sortFindings([...byFingerprint.values()]);
  let block = 0;
  let warning = 0;
  let overridden = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (f.status === "overridden") overridden++;
    else if (f.status === "open") {
      if (f.severity === "block") block++;
      else if (f.severity === "warning") warning++;
    }
  }
  return {
    schemaVersion: 1,
    tool: { name: "mcp-gate", version: VERSION },
    mode: policy.mode,
    rollout: policy.rollout,
    decision: decide(findings),
    findings,
    checks,
    summary: { block, warning, overridden }
  };
}
function sortKey(f) {
  return { f, rank: f.blocking ? 0 : f.status === "overridden" ? 3 : f.severity === "block" ? 1 : 2, file: f.location.file ?? "\uFFFF", line: f.location.line ?? 0 };
}
function compareKeys(a, b) {
  return a.rank - b.rank || compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.f.ruleId, b.f.ruleId) || compareStrings(a.f.fingerprint, b.f.fingerprint);
}
function sortFindings(findings) {
  const keys = findings.map(sortKey).sort(compareKeys);
  for (let i = 0; i < keys.length; i++) findings[i] = keys[i].f;
  return findings;
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

// src/reporters/location.ts
function formatLocation(loc) {
  const place = loc.file ? `${loc.file}${loc.line ? `:${loc.line}` : ""}` : "";
  const what = [loc.resource, loc.container ? `container ${loc.container}` : void 0].filter(Boolean).join(", ");
  return [place, what && `(${what})`].filter(Boolean).join(" ");
}

export {
  runGate,
  renderMarkdown,
  renderSarif,
  formatLocation
};
