// The engine: load config, run every check concurrently (each timed, each
// isolated), normalise findings, apply policy, decide. Never imports
// @actions/*; the CLI and the Action are thin adapters around runGate.
import { setMaxListeners } from 'node:events';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ALL_CHECKS } from '../../checks/index.ts';
import { protectPolicy } from '../config/base-policy.ts';
import { runShared } from './check-thread.ts';
import { readConfig } from '../config/load.ts';
import { DEFAULT_CONFIG_FILE, type GateConfig } from '../config/schema.ts';
import { UsageError } from '../util/errors.ts';
import { type PreparedOutcome, prepareFindings, prepareOutcome, toFinding } from './findings.ts';
import { applyOverrides } from '../overrides/apply.ts';
import { compareStrings } from '../util/order.ts';
import { NON_OVERRIDABLE, OVERRIDES_DIR } from '../overrides/document.ts';
import type { ApplicableOverride, OverrideEvaluation } from '../overrides/evaluate.ts';
import { decide, type Policy, type PolicyFlags, resolvePolicy } from './policy.ts';
import { forgetJson, rememberJson } from '../reporters/json.ts';
import { runCheck } from './run-check.ts';
import type { Check, CheckContext, CheckRun, Finding, RawFinding, Report } from '../types.ts';
import { VERSION } from '../util/version.ts';
import { Workspace } from '../workspace/workspace.ts';

export interface GateOptions extends PolicyFlags {
  /** Directory under review. */
  root: string;
  /** Config file; absolute or relative to root. Missing explicit file = usage error. */
  configFile?: string;
  baseRef?: string;
  /**
   * Environment the checks see. A function receives the effective config
   * (after base-revision protection): the Action maps its secret inputs to
   * the env var names the trusted config gives.
   */
  env?: Record<string, string | undefined> | ((config: GateConfig) => Record<string, string | undefined>);
  now?: Date;
  checks?: readonly Check[];
  /** Overall budget; checks still running then become gate/check-failed. */
  timeoutMs?: number;
  /** Config already loaded by the caller (the Action reads policy keys from the base revision). */
  config?: GateConfig;
  /**
   * Share the checks that have a workerGroup with a worker thread. Default:
   * when the tree holds WORKER_MIN_BYTES or more (below, starting the thread
   * costs more than it saves). The report is the same either way.
   */
  workerThread?: boolean;
  /** The caller writes the JSON report: serialise each finding on the thread that ran its check (same bytes). */
  jsonReport?: boolean;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** Measured with `npm run bench`: at 1,000 documents (12 MB) a worker thread was break-even, at 10,000 (125 MB) 21% faster. */
export const WORKER_MIN_BYTES = 32 * 1024 * 1024;

/**
 * Queue order of the shared groups: the costliest first (longest
 * processing time first). The worker claims the head while this thread
 * parses; this thread, done with its own checks, takes what is next, and the
 * small groups are left to whichever thread frees up last, so the two end
 * close together. Measured on the benchmark's largest repository (10,000
 * tools, a 100 MiB report): the manifest group ~1.3 s of CPU, reports
 * ~0.3 s, the secret scan ~0.17 s; image and supply chain read a few files.
 */
const GROUP_ORDER = ['manifests', 'reports', 'secrets', 'supply', 'image'];

function groupRank(group: readonly Check[]): number {
  const i = GROUP_ORDER.indexOf(group[0]?.workerGroup ?? '');
  return i < 0 ? GROUP_ORDER.length : i;
}

export async function runGate(opts: GateOptions): Promise<Report> {
  const root = resolve(opts.root);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${opts.root}: no such directory`);
  const loaded = opts.config ? { config: opts.config, configFile: opts.configFile } : readConfig(root, opts.configFile);
  const { configFile } = loaded;
  let { config } = loaded;
  const preliminary: RawFinding[] = [];
  let baseRefError: string | undefined;
  if (opts.baseRef !== undefined && (configFile === undefined || !isAbsolute(configFile))) {
    const protectedPolicy = await protectPolicy(root, opts.baseRef, configFile ?? DEFAULT_CONFIG_FILE, config);
    config = protectedPolicy.config;
    preliminary.push(...protectedPolicy.findings);
    baseRefError = protectedPolicy.baseRefError;
  }
  const policy = resolvePolicy(config, opts);
  const controller = new AbortController();
  // Every check (and the probes inside them) listens for the time budget.
  setMaxListeners(256, controller.signal);
  const ctx: CheckContext = {
    root,
    config,
    configFile,
    workspace: new Workspace(root),
    baseRef: opts.baseRef,
    signal: controller.signal,
    now: opts.now ?? new Date(),
    env: typeof opts.env === 'function' ? opts.env(config) : (opts.env ?? process.env),
  };
  const checks = opts.checks ?? ALL_CHECKS;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const budgetMessage = `gate time budget of ${timeoutMs} ms exceeded`;
  const timer = setTimeout(() => controller.abort(new Error(budgetMessage)), timeoutMs);
  timer.unref();
  try {
    // Only the registry's own checks can be found by id in the worker.
    const candidates = checks.filter((c) => c.workerGroup !== undefined && ALL_CHECKS.includes(c));
    const threaded = candidates.length > 0 && (opts.workerThread ?? ctx.workspace.holdsBytes(WORKER_MIN_BYTES));
    const shareable = (c: Check): boolean => threaded && candidates.includes(c);
    const groups = new Map<string, Check[]>();
    for (const c of checks.filter(shareable)) {
      const g = groups.get(c.workerGroup as string);
      if (g) g.push(c);
      else groups.set(c.workerGroup as string, [c]);
    }
    const queue = [...groups.values()].sort((a, b) => groupRank(a) - groupRank(b));
    const json = opts.jsonReport === true;
    // The worker starts first, so that it boots and claims groups while this thread parses.
    const shared = runShared({
      groups: queue,
      ctx,
      job: {
        root,
        config,
        ...(configFile !== undefined ? { configFile } : {}),
        ...(opts.baseRef !== undefined ? { baseRef: opts.baseRef } : {}),
        now: ctx.now,
        env: { ...ctx.env },
        deadline: Date.now() + timeoutMs,
        deadlineMessage: budgetMessage,
        policy,
        json,
      },
    });
    const here = Promise.all(checks.filter((c) => !shareable(c)).map((c) => runCheck(c, ctx))).then((outs) => {
      // The Kubernetes parse is done with: let it be collected while the shared groups run.
      if (threaded) ctx.workspace = ctx.workspace.fresh();
      return outs;
    });
    // Prepared as soon as they are done, while the worker may still be busy.
    const ownPrepared = here.then((outs) => outs.map((o) => prepareOutcome(o, policy, json)));
    const [ownOutcomes, sharedOutcomes, overrides] = await Promise.all([ownPrepared, shared, runOverrideStage(ctx, baseRefError)]);
    // Report order is the checks' order, wherever each ran.
    const outcome = new Map<Check, PreparedOutcome>();
    for (const [i, g] of queue.entries()) for (const [j, c] of g.entries()) outcome.set(c, sharedOutcomes[i]?.[j] as PreparedOutcome);
    let own = 0;
    const results = checks.map((c) => (shareable(c) ? (outcome.get(c) as PreparedOutcome) : (ownOutcomes[own++] as PreparedOutcome)));
    const prepared = [prepareFindings(preliminary, policy, json), ...results, prepareFindings(overrides.findings, policy, json)];
    if (json) for (const p of prepared) for (const [i, f] of p.findings.entries()) rememberJson(f, p.json?.[i] as string);
    const runs = results.map((r) => r.run);
    if (overrides.run) runs.push(overrides.run);
    return assembleReport(
      prepared.flatMap((p) => p.findings),
      runs,
      policy,
      overrides.run ? { applicable: overrides.applicable, run: overrides.run } : undefined,
    );
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/**
 * The overrides stage (SPEC.md "Signed overrides"), run beside the checks
 * under the same time budget. It reports no entry in `checks` when the
 * repository has no .mcp-gate/overrides directory. If it fails or times
 * out, no override applies: the covered findings block (fail closed).
 */
async function runOverrideStage(ctx: CheckContext, baseRefError: string | undefined): Promise<{ run?: CheckRun; findings: RawFinding[]; applicable: ApplicableOverride[] }> {
  // Most repositories have none: the verifier (SSHSIG, every key type) is not even loaded for them.
  if (lstatSync(join(ctx.root, OVERRIDES_DIR), { throwIfNoEntry: false }) === undefined) return { findings: [], applicable: [] };
  let evaluation: OverrideEvaluation | undefined;
  const stage: Check = {
    id: 'overrides',
    rules: ['override/invalid', 'override/expired', 'override/expiring', 'override/stale'],
    async run(c) {
      const { evaluateOverrides } = await import('../overrides/evaluate.ts');
      evaluation = await evaluateOverrides({
        root: c.root,
        ...(c.baseRef !== undefined ? { baseRef: c.baseRef } : {}),
        // Already reported once (gate/check-failed): trust nobody, say why on each override.
        ...(baseRefError !== undefined
          ? { trust: { origin: 'none' as const, description: 'unreadable base revision', refusal: `untrusted signer: the base revision cannot be read (${baseRefError})` } }
          : {}),
        env: c.env,
        now: c.now,
        ...(c.config.overrides?.maxLifetimeDays !== undefined ? { maxLifetimeDays: c.config.overrides.maxLifetimeDays } : {}),
      });
      return { findings: evaluation.findings, detail: evaluation.detail, skipped: evaluation.overrides.length === 0 };
    },
  };
  const r = await runCheck(stage, ctx);
  if (r.run.status !== 'failed' && evaluation && !evaluation.present) return { findings: [], applicable: [] };
  return { run: r.run, findings: r.findings, applicable: r.run.status === 'failed' ? [] : (evaluation?.applicable ?? []) };
}

export interface OverrideInput {
  /** Verified, unexpired overrides (src/overrides/evaluate.ts). */
  applicable: readonly ApplicableOverride[];
  /** The stage's entry in `checks`; its detail gains the applied and stale counts. */
  run?: CheckRun;
}

/** Normalise raw findings, apply overrides and policy. Exported for reporters' tests. */
export function buildReport(raw: readonly RawFinding[], checks: CheckRun[], policy: Policy, overrides?: OverrideInput): Report {
  return assembleReport(prepareFindings(raw, policy, false).findings, checks, policy, overrides);
}

/** The report from findings already under policy (src/findings.ts): deduplicated, overridden, sorted. */
function assembleReport(all: readonly Finding[], checks: CheckRun[], policy: Policy, overrides?: OverrideInput): Report {
  const byFingerprint = new Map<string, Finding>();
  const add = (f: Finding | undefined): void => {
    if (!f) return;
    const existing = byFingerprint.get(f.fingerprint);
    // The same problem reported twice (two scanners, or the gate and a
    // scanner) is one finding; keep the more severe report.
    if (existing && !(existing.severity === 'warning' && f.severity === 'block')) return;
    byFingerprint.set(f.fingerprint, f);
  };
  for (const f of all) add(f);
  if (overrides) {
    const candidates = [...byFingerprint.values()].filter((f) => !NON_OVERRIDABLE.has(f.ruleId));
    const { stale, applied } = applyOverrides(candidates, overrides.applicable);
    for (const f of candidates) if (f.status === 'overridden') forgetJson(f);
    for (const r of stale) add(toFinding(r, policy));
    if (overrides.run && overrides.run.status !== 'failed')
      overrides.run.detail = `${overrides.run.detail ? `${overrides.run.detail}; ` : ''}${applied} finding(s) overridden, ${stale.length} stale override(s)`;
  }
  const findings = sortFindings([...byFingerprint.values()]);
  let block = 0;
  let warning = 0;
  let overridden = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    if (f.status === 'overridden') overridden++;
    else if (f.status === 'open') {
      if (f.severity === 'block') block++;
      else if (f.severity === 'warning') warning++;
    }
  }
  return {
    schemaVersion: 1,
    tool: { name: 'mcp-gate', version: VERSION },
    mode: policy.mode,
    rollout: policy.rollout,
    decision: decide(findings),
    findings,
    checks,
    summary: { block, warning, overridden },
  };
}

/** What the report order compares, computed once per finding (not in each of the ~n log n comparisons). */
interface SortKey {
  f: Finding;
  rank: number;
  file: string;
  line: number;
}

function sortKey(f: Finding): SortKey {
  return { f, rank: f.blocking ? 0 : f.status === 'overridden' ? 3 : f.severity === 'block' ? 1 : 2, file: f.location.file ?? '\uffff', line: f.location.line ?? 0 };
}

/** Most severe first, then by place, so every format lists findings the same way. */
function compareKeys(a: SortKey, b: SortKey): number {
  return a.rank - b.rank || compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.f.ruleId, b.f.ruleId) || compareStrings(a.f.fingerprint, b.f.fingerprint);
}

export function compareFindings(a: Finding, b: Finding): number {
  return compareKeys(sortKey(a), sortKey(b));
}

/** `findings`, sorted in place in compareFindings order (tens of thousands on a large repository). */
export function sortFindings(findings: Finding[]): Finding[] {
  const keys = findings.map(sortKey).sort(compareKeys);
  for (let i = 0; i < keys.length; i++) findings[i] = (keys[i] as SortKey).f;
  return findings;
}
