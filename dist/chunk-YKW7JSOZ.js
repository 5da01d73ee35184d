import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  NON_OVERRIDABLE,
  OVERRIDES_DIR,
  partName
} from "./chunk-BL2EWJM3.js";
import {
  ALL_CHECKS,
  decide,
  prepareFindings,
  resolvePolicy,
  runCheck,
  runChecks,
  toFinding
} from "./chunk-3IQIDTOS.js";
import {
  BaseRefError,
  readFileAtRef
} from "./chunk-RYM7ONMO.js";
import {
  canonicalJson
} from "./chunk-4OVJG3E2.js";
import {
  Workspace,
  globMatcher,
  renderDeployments
} from "./chunk-SUVOHOKO.js";
import {
  compareStrings,
  execFileSafe
} from "./chunk-RL6DG25S.js";
import {
  VERSION
} from "./chunk-BLXERQGE.js";
import {
  parseConfigText,
  readConfig
} from "./chunk-357DEUAJ.js";
import {
  DEFAULT_CONFIG_FILE
} from "./chunk-ELCXR4WP.js";
import {
  RULES,
  rulesOfScope
} from "./chunk-QFNJ2TLX.js";
import {
  UsageError
} from "./chunk-LAB7SYR4.js";

// src/config/base-policy.ts
var SECTIONS = ["kubernetes", "mcp", "images", "secrets", "reports"];
var SCOPE_KEYS = /* @__PURE__ */ new Set([
  "$schema",
  "kubernetes.paths",
  "kubernetes.exclude",
  "kubernetes.helm",
  "kubernetes.kustomize",
  "mcp.paths",
  "mcp.servers",
  // manifest-file entries only; live entries: mergeServers
  "images.paths",
  "secrets.exclude",
  "reports.trivy",
  "reports.checkov",
  "reports.gitleaks",
  "reports.trufflehog",
  "reports.grype",
  "reports.npmAudit",
  "reports.sarif",
  "reports.sbom"
]);
var EXCLUSION_SCOPES = [
  ["secrets.exclude", (c) => c.secrets?.exclude, () => true],
  ["kubernetes.exclude", (c) => c.kubernetes?.exclude, (f) => /\.(ya?ml|json)$/.test(f)]
];
function emptiedScopes(files, head, base, configFile) {
  const findings = [];
  for (const [key, get, readable] of EXCLUSION_SCOPES) {
    const universe = files.filter(readable);
    const left = (globs) => {
      const matchers = (globs ?? []).map(globMatcher);
      return universe.filter((f) => !matchers.some((m) => m(f))).length;
    };
    const baseLeft = left(get(base));
    if (left(get(head)) === 0 && baseLeft > 0)
      findings.push({
        ruleId: "gate/check-failed",
        message: `this change sets "${key}" to ${show(get(head))}, which excludes every file it would read, where the base revision's value left ${baseLeft} to read; a scope that reads nothing cannot pass`,
        location: { file: configFile },
        key: `scope-emptied:${key}`
      });
  }
  return findings;
}
function mergeBasePolicy(head, base, configFile) {
  const findings = [];
  const config = { ...base };
  const h = head;
  const b = base;
  const sections = new Set(SECTIONS);
  for (const key of /* @__PURE__ */ new Set([...Object.keys(h), ...Object.keys(b)])) {
    if (!sections.has(key)) {
      if (SCOPE_KEYS.has(key)) setOrDelete(config, key, h[key]);
      else if (differs(h[key], b[key])) findings.push(policyChanged(key, b[key], h[key], configFile));
      continue;
    }
    const hs = h[key] ?? {};
    const bs = b[key] ?? {};
    const merged = { ...bs };
    for (const sub of /* @__PURE__ */ new Set([...Object.keys(hs), ...Object.keys(bs)])) {
      const path = `${key}.${sub}`;
      if (path === "mcp.servers") continue;
      if (SCOPE_KEYS.has(path)) {
        setOrDelete(merged, sub, hs[sub]);
        if (differs(hs[sub], bs[sub])) findings.push(scopeChanged(path, bs[sub], hs[sub], configFile));
      } else if (differs(hs[sub], bs[sub])) findings.push(policyChanged(path, bs[sub], hs[sub], configFile));
    }
    if (key === "mcp") {
      const servers = mergeServers(head.mcp?.servers ?? [], base.mcp?.servers ?? [], configFile, findings);
      if (servers.length > 0) merged.servers = servers;
    }
    setOrDelete(config, key, Object.keys(merged).length > 0 ? merged : void 0);
  }
  return { config, findings };
}
function mergeServers(head, base, configFile, findings) {
  const isLive = (s) => s.command !== void 0 || s.url !== void 0;
  const baseLive = new Map(base.filter(isLive).map((s) => [s.id, s]));
  const out = [];
  const headIds = /* @__PURE__ */ new Set();
  for (const s of head) {
    headIds.add(s.id);
    const trusted = baseLive.get(s.id);
    if (!isLive(s)) {
      if (trusted) findings.push(policyChanged(`mcp.servers[${s.id}]`, trusted, s, configFile));
      else out.push(s);
      continue;
    }
    if (trusted && !differs(s, trusted)) continue;
    findings.push({
      ruleId: "gate/check-failed",
      message: `MCP server "${s.id}": this change ${baseLive.has(s.id) || base.some((x) => x.id === s.id) ? "edits" : "adds"} a live server entry (${s.command ? "command" : "url"}); the gate does not execute or contact what the change under review names, so ${trusted ? "the base revision's entry is used instead" : "its manifest was not acquired. It will be checked once the entry is on the base branch"}.`,
      location: { file: configFile, resource: `McpServer/${s.id}` },
      key: "untrusted-live-server"
    });
  }
  for (const s of baseLive.values()) {
    if (!headIds.has(s.id)) findings.push(policyChanged(`mcp.servers[${s.id}]`, s, void 0, configFile));
    out.push(s);
  }
  return out;
}
function policyChanged(key, base, head, configFile) {
  return {
    ruleId: "gate/policy-changed",
    message: `this change edits "${key}" of the gate's policy (base: ${show(base)}, change: ${show(head)}); the base revision's value applies until the change is merged`,
    location: { file: configFile },
    key
  };
}
function scopeChanged(key, base, head, configFile) {
  return {
    ruleId: "gate/policy-changed",
    message: `this change edits the gate's scope "${key}" (base: ${show(base)}, change: ${show(head)}); the change's value applies, so review what it adds to or removes from what the gate reads`,
    location: { file: configFile },
    key: `scope:${key}`
  };
}
function differs(a, b) {
  return canonicalJson(a ?? null) !== canonicalJson(b ?? null);
}
function setOrDelete(target, key, value) {
  if (value === void 0) delete target[key];
  else target[key] = value;
}
function show(v) {
  if (v === void 0) return "(unset)";
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
function untrustedPolicy(head, configFile, reason) {
  const { config } = mergeBasePolicy(head, {}, configFile);
  return {
    config: { ...config, mode: "enforce", rollout: 2 },
    findings: [
      {
        ruleId: "gate/check-failed",
        message: `${reason}, so the gate's policy and trusted signers cannot be taken from it: the run is enforced with the default policy, and nothing the change names is executed or contacted (live MCP servers, probes); overrides are not trusted`,
        location: { file: configFile },
        key: "base-ref"
      }
    ],
    baseRefError: reason
  };
}
async function protectPolicy(root, baseRef, configFile, head) {
  let baseText;
  try {
    baseText = (await readFileAtRef(root, baseRef, configFile)).text;
  } catch (err) {
    if (!(err instanceof BaseRefError)) throw err;
    return untrustedPolicy(head, configFile, `the base revision cannot be read (${err.message})`);
  }
  let base = {};
  if (baseText !== void 0) {
    try {
      base = parseConfigText(baseText, `${configFile}@${baseRef}`);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      return untrustedPolicy(head, configFile, `the base revision's config is invalid (${err.message.split("\n").join("; ")})`);
    }
  }
  return { ...mergeBasePolicy(head, base, configFile), base };
}

// src/gate/engine.ts
import { setMaxListeners } from "node:events";
import { existsSync, lstatSync, statSync } from "node:fs";
import { isAbsolute, join as join2, resolve } from "node:path";

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
        message: `override ${o.id} (${o.rule} on ${o.resource}${o.container ? ` ${partName(o)} ${o.container}` : ""}) matches no finding: delete it, or check its target`,
        location: { file: o.file, line: o.line },
        key: o.id
      });
  }
  return { stale, applied };
}

// src/gate/report.ts
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
    for (const r of stale) add(toFinding(r, policy));
    if (overrides.run && overrides.run.status !== "failed")
      overrides.run.detail = `${overrides.run.detail ? `${overrides.run.detail}; ` : ""}${applied} finding(s) overridden, ${stale.length} stale override(s)`;
  }
  const findings = sortFindings([...byFingerprint.values()]);
  const open = findings.filter((f) => f.status === "open");
  const block = open.filter((f) => f.severity === "block").length;
  const warning = open.filter((f) => f.severity === "warning").length;
  const overridden = findings.filter((f) => f.status === "overridden").length;
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

// src/gate/baseline.ts
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
var LIVE_CHECKS = /* @__PURE__ */ new Set(["endpoint", "netpol-live", "behaviour"]);
function repositoryOnly(config) {
  const { probes: _probes, ...rest } = config;
  const servers = config.mcp?.servers?.filter((s) => s.command === void 0 && s.url === void 0);
  const reports = config.reports ? { ...config.reports } : void 0;
  if (reports) delete reports.run;
  return { ...rest, ...config.mcp ? { mcp: { ...config.mcp, ...servers ? { servers } : {} } } : {}, ...reports ? { reports } : {} };
}
function liveTargets(config) {
  return {
    servers: new Set((config.mcp?.servers ?? []).filter((s) => s.command !== void 0 || s.url !== void 0).map((s) => s.id)),
    siem: config.probes?.siem !== void 0
  };
}
function isLiveFinding(f, checkId, live) {
  if (LIVE_CHECKS.has(checkId) || RULES[f.ruleId].scope === "endpoint") return true;
  if (f.ruleId === "siem/unreachable") return live.siem;
  const server = /^McpServer\/(.+)$/.exec(f.location.resource ?? "")?.[1];
  return server !== void 0 && live.servers.has(server);
}
var GIT_TIMEOUT_MS = 6e4;
async function extractRevision(root, ref, signal) {
  const git = async (args) => {
    const r = await execFileSafe("git", args, { cwd: root, reject: false, timeout: GIT_TIMEOUT_MS, cancelSignal: signal, env: { GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1" }, extendEnv: true });
    if (r.exitCode !== 0) throw new Error(`git ${args[0]} failed: ${String(r.stderr ?? r.shortMessage ?? "").trim().split("\n")[0]}`);
    return String(r.stdout ?? "").trim();
  };
  if (ref === "" || ref.startsWith("-")) throw new Error(`base ref "${ref}" is not a valid git revision`);
  const commit = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  const tmp = mkdtempSync(join(tmpdir(), "mcp-gate-base-"));
  const dispose = () => rmSync(tmp, { recursive: true, force: true });
  try {
    const tar = join(tmp, "base.tar");
    await git(["archive", "--format=tar", "-o", tar, commit]);
    const tree = join(tmp, "tree");
    mkdirSync(tree);
    const x = await execFileSafe("tar", ["-xf", tar, "-C", tree, "--no-same-owner", "--no-same-permissions"], { reject: false, timeout: GIT_TIMEOUT_MS, cancelSignal: signal });
    if (x.exitCode !== 0) throw new Error(`cannot extract the base tree: ${String(x.stderr ?? "").trim().split("\n")[0]}`);
    rmSync(tar);
    return { dir: tree, commit, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}
function markNew(findings, base, live) {
  const head = /* @__PURE__ */ new Set();
  for (const { finding, checkId } of findings) {
    head.add(finding.fingerprint);
    if (!isLiveFinding(finding, checkId, live)) finding.new = !base.has(finding.fingerprint);
  }
  let resolved = 0;
  for (const fp of base) if (!head.has(fp)) resolved++;
  return resolved;
}

// src/gate/engine.ts
var DEFAULT_TIMEOUT_MS = 12e4;
var STAGE_RULES = [...rulesOfScope("override"), ...rulesOfScope("config"), "gate/check-failed"];
async function runGate(opts) {
  const root = resolve(opts.root);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${opts.root}: no such directory`);
  const loaded = opts.config ? { config: opts.config, configFile: opts.configFile } : readConfig(root, opts.configFile);
  const { configFile } = loaded;
  let { config } = loaded;
  const workspace = new Workspace(root);
  const preliminary = [];
  let baseRefError;
  let baseConfig = opts.baseRef !== void 0 && configFile !== void 0 && isAbsolute(configFile) ? config : void 0;
  const inRepo = configFile === void 0 || !isAbsolute(configFile);
  if (opts.baseUnavailable !== void 0 || opts.baseRef !== void 0 && inRepo) {
    const file = configFile ?? DEFAULT_CONFIG_FILE;
    const protectedPolicy = opts.baseUnavailable !== void 0 ? untrustedPolicy(config, file, opts.baseUnavailable) : await protectPolicy(root, opts.baseRef, file, config);
    preliminary.push(...protectedPolicy.findings);
    if (protectedPolicy.base) preliminary.push(...emptiedScopes(workspace.files(), config, protectedPolicy.base, file));
    config = protectedPolicy.config;
    baseRefError = protectedPolicy.baseRefError;
    baseConfig = protectedPolicy.base;
  }
  const policy = resolvePolicy(config, opts);
  const controller = new AbortController();
  setMaxListeners(256, controller.signal);
  const ctx = {
    root,
    config,
    configFile,
    workspace,
    baseRef: opts.baseRef,
    signal: controller.signal,
    now: opts.now ?? /* @__PURE__ */ new Date(),
    env: typeof opts.env === "function" ? opts.env(config) : opts.env ?? {},
    ...opts.runScanner ? { runScanner: opts.runScanner } : {}
  };
  const checks = opts.checks ?? ALL_CHECKS;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const budgetMessage = `gate time budget of ${timeoutMs} ms exceeded`;
  const timer = setTimeout(() => controller.abort(new Error(budgetMessage)), timeoutMs);
  timer.unref();
  try {
    workspace.setRendered(await renderDeployments(root, workspace.files(), config.kubernetes ?? {}, (f) => workspace.read(f), ctx.env.PATH, controller.signal, inKubernetesPaths(workspace, config)));
    const wantBaseline = opts.baseline !== false && opts.baseRef !== void 0 && baseRefError === void 0 && baseConfig !== void 0;
    const [outcomes, overrides, base] = await Promise.all([
      runChecks(checks, ctx, { policy, deadline: Date.now() + timeoutMs, deadlineMessage: budgetMessage, ...opts.workerThread !== void 0 ? { thread: opts.workerThread } : {} }),
      runOverrideStage(ctx, baseRefError),
      wantBaseline ? judgeBase(root, opts.baseRef, baseConfig, configFile, ctx, timeoutMs) : void 0
    ]);
    const fromStages = [...prepareFindings(preliminary, policy), ...prepareFindings(overrides.findings, policy)];
    let baseline;
    if (base && "error" in base) {
      fromStages.push(...prepareFindings([{ ruleId: "gate/check-failed", message: `the base revision ${opts.baseRef} could not be evaluated, so no finding can be told new or existing and every one counts (failOn: all): ${base.error}`, location: configFile ? { file: configFile } : {}, key: "baseline" }], policy));
      baseline = { ref: opts.baseRef, failOn: "all", new: { block: 0, warning: 0 }, existing: { block: 0, warning: 0 }, resolved: 0, error: base.error };
    } else if (base) {
      const tagged = [...outcomes.flatMap((o) => o.findings.map((finding) => ({ finding, checkId: o.run.id }))), ...fromStages.map((finding) => ({ finding, checkId: "gate" }))];
      const resolved = markNew(tagged, base.fingerprints, liveTargets(config));
      if (policy.failOn === "new") {
        for (const { finding } of tagged) if (finding.new === false) finding.blocking = false;
      }
      baseline = { ref: opts.baseRef, commit: base.commit, failOn: policy.failOn, new: { block: 0, warning: 0 }, existing: { block: 0, warning: 0 }, resolved };
    }
    const findings = [...fromStages, ...outcomes.flatMap((o) => o.findings)];
    const runs = outcomes.map((o) => o.run);
    if (overrides.run) runs.push(overrides.run);
    const report = assembleReport(findings, runs, policy, overrides.run ? { applicable: overrides.applicable, run: overrides.run } : void 0);
    if (baseline) report.baseline = countBaseline(report, baseline);
    return report;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
async function judgeBase(root, ref, baseConfig, configFile, ctx, timeoutMs) {
  let tree;
  const why = (err) => ctx.signal.aborted ? String(ctx.signal.reason?.message ?? ctx.signal.reason) : err.message;
  try {
    tree = await extractRevision(root, ref, ctx.signal);
  } catch (err) {
    return { error: why(err) };
  }
  try {
    const report = await runGate({ root: tree.dir, config: repositoryOnly(baseConfig), ...configFile ? { configFile } : {}, env: ctx.env, now: ctx.now, timeoutMs, baseline: false });
    return { commit: tree.commit, fingerprints: new Set(report.findings.map((f) => f.fingerprint)) };
  } catch (err) {
    return { error: why(err) };
  } finally {
    tree.dispose();
  }
}
function countBaseline(report, baseline) {
  const counts = { new: { block: 0, warning: 0 }, existing: { block: 0, warning: 0 } };
  for (const f of report.findings) {
    if (f.status !== "open" || f.new === void 0) continue;
    counts[f.new ? "new" : "existing"][f.severity]++;
  }
  return { ...baseline, ...counts };
}
function inKubernetesPaths(workspace, config) {
  const paths = config.kubernetes?.paths;
  if (!paths) return void 0;
  const selected = new Set(workspace.select(paths, () => true));
  return (file) => selected.has(file);
}
async function runOverrideStage(ctx, baseRefError) {
  if (lstatSync(join2(ctx.root, OVERRIDES_DIR), { throwIfNoEntry: false }) === void 0) return { findings: [], applicable: [] };
  let evaluation;
  const stage = {
    id: "overrides",
    rules: rulesOfScope("override"),
    async run(c) {
      const { evaluateOverrides } = await import("./chunk-OAW2X6MC.js");
      evaluation = await evaluateOverrides({
        root: c.root,
        ...c.baseRef !== void 0 ? { baseRef: c.baseRef } : {},
        // Already reported once (gate/check-failed): trust nobody, say why on each override.
        ...baseRefError !== void 0 ? { trust: { origin: "none", description: "unreadable base revision", refusal: `untrusted signer: ${baseRefError}` } } : {},
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

// src/reporters/counts.ts
function countsText(report) {
  const s = report.summary;
  const blocking = report.findings.filter((f) => f.blocking).length;
  const notEnforced = s.block - blocking;
  const existing = report.mode === "enforce" && report.baseline?.failOn === "new" ? report.findings.filter((f) => f.status === "open" && f.severity === "block" && !f.blocking && f.new === false).length : 0;
  const why = report.mode === "warn" ? "in mode warn" : `at rollout ${report.rollout}`;
  const reasons = [
    notEnforced - existing > 0 ? `${notEnforced - existing} not enforced ${why}` : "",
    existing > 0 ? `${existing} existing under failOn new` : ""
  ].filter(Boolean);
  const detail = notEnforced > 0 ? ` (${s.block} BLOCK finding${s.block === 1 ? "" : "s"}, ${reasons.join(", ")})` : "";
  return `${blocking} blocking${detail}, ${s.warning} warning, ${s.overridden} overridden`;
}

export {
  protectPolicy,
  runGate,
  countsText
};
