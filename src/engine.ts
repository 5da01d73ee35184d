// The engine: load config, run every check concurrently (each timed, each
// isolated), normalise findings, apply policy, decide. Never imports
// @actions/*; the CLI and the Action are thin adapters around runGate.
import { setMaxListeners } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { ALL_CHECKS } from '../checks/index.ts';
import { protectPolicy } from './base-policy.ts';
import { RULES } from './catalog.ts';
import { DEFAULT_CONFIG_FILE, type GateConfig, loadConfigFile } from './config.ts';
import { InputError, UsageError } from './errors.ts';
import { fingerprintOf } from './fingerprint.ts';
import { applyOverrides } from './overrides/apply.ts';
import { type ApplicableOverride, evaluateOverrides, NON_OVERRIDABLE, type OverrideEvaluation } from './overrides/evaluate.ts';
import { blocksUnder, decide, effectiveSeverity, type Policy, type PolicyFlags, resolvePolicy } from './policy.ts';
import type { Check, CheckContext, CheckRun, Finding, RawFinding, Report } from './types.ts';
import { VERSION } from './version.ts';
import { Workspace } from './workspace.ts';

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
}

const DEFAULT_TIMEOUT_MS = 120_000;

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
  const timer = setTimeout(() => controller.abort(new Error(`gate time budget of ${timeoutMs} ms exceeded`)), timeoutMs);
  timer.unref();
  try {
    const [results, overrides] = await Promise.all([Promise.all(checks.map((c) => runCheck(c, ctx))), runOverrideStage(ctx, baseRefError)]);
    const raw = [...preliminary, ...results.flatMap((r) => r.findings), ...overrides.findings];
    const runs = results.map((r) => r.run);
    if (overrides.run) runs.push(overrides.run);
    return buildReport(raw, runs, policy, overrides.run ? { applicable: overrides.applicable, run: overrides.run } : undefined);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

function readConfig(root: string, file: string | undefined): { config: GateConfig; configFile?: string } {
  if (file !== undefined) {
    const abs = isAbsolute(file) ? file : resolve(root, file);
    if (!existsSync(abs)) throw new UsageError(`${file}: config file not found`);
    const display = relativeOrAbsolute(root, abs);
    return { config: loadConfigFile(abs, display), configFile: display };
  }
  const abs = resolve(root, DEFAULT_CONFIG_FILE);
  if (!existsSync(abs)) return { config: {} };
  return { config: loadConfigFile(abs, DEFAULT_CONFIG_FILE), configFile: DEFAULT_CONFIG_FILE };
}

function relativeOrAbsolute(root: string, abs: string): string {
  const rel = relative(root, abs);
  return rel.startsWith('..') || isAbsolute(rel) ? abs : rel.split('\\').join('/');
}

async function runCheck(check: Check, ctx: CheckContext): Promise<{ run: CheckRun; findings: RawFinding[] }> {
  const start = performance.now();
  const elapsed = () => Math.round((performance.now() - start) * 10) / 10;
  try {
    const aborted = new Promise<never>((_, reject) => {
      if (ctx.signal.aborted) reject(ctx.signal.reason);
      ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
    });
    const result = await Promise.race([check.run(ctx), aborted]);
    return {
      run: { id: check.id, status: result.skipped ? 'skipped' : 'ran', durationMs: elapsed(), ...(result.detail ? { detail: result.detail } : {}) },
      findings: result.findings,
    };
  } catch (err) {
    const input = err instanceof InputError ? err : undefined;
    const reason = err instanceof Error ? err.message : String(err);
    return {
      run: { id: check.id, status: 'failed', durationMs: elapsed(), detail: reason },
      findings: [
        {
          ruleId: 'gate/check-failed',
          message: `check "${check.id}" could not run: ${reason}`,
          location: { ...(input?.file ? { file: input.file } : {}), ...(input?.line ? { line: input.line } : {}) },
          key: check.id,
        },
      ],
    };
  }
}

/**
 * The overrides stage (SPEC.md "Signed overrides"), run beside the checks
 * under the same time budget. It reports no entry in `checks` when the
 * repository has no .mcp-gate/overrides directory. If it fails or times
 * out, no override applies: the covered findings block (fail closed).
 */
async function runOverrideStage(ctx: CheckContext, baseRefError: string | undefined): Promise<{ run?: CheckRun; findings: RawFinding[]; applicable: ApplicableOverride[] }> {
  let evaluation: OverrideEvaluation | undefined;
  const stage: Check = {
    id: 'overrides',
    rules: ['override/invalid', 'override/expired', 'override/expiring', 'override/stale'],
    async run(c) {
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
  const byFingerprint = new Map<string, Finding>();
  const add = (r: RawFinding): void => {
    const severity = effectiveSeverity(policy, r.ruleId, r.severity);
    if (!severity) return;
    const fingerprint = fingerprintOf(r);
    const existing = byFingerprint.get(fingerprint);
    // The same problem reported twice (two scanners, or the gate and a
    // scanner) is one finding; keep the more severe report.
    if (existing && !(existing.severity === 'warning' && severity === 'block')) return;
    byFingerprint.set(fingerprint, {
      ruleId: r.ruleId,
      severity,
      blocking: severity === 'block' && blocksUnder(policy, r.ruleId),
      status: 'open',
      message: r.message,
      location: r.location,
      fingerprint,
      remediation: r.remediation ?? RULES[r.ruleId].remediation,
      ...(r.source ? { source: r.source } : {}),
    });
  };
  for (const r of raw) add(r);
  if (overrides) {
    const candidates = [...byFingerprint.values()].filter((f) => !NON_OVERRIDABLE.has(f.ruleId));
    const { stale, applied } = applyOverrides(candidates, overrides.applicable);
    for (const r of stale) add(r);
    if (overrides.run && overrides.run.status !== 'failed')
      overrides.run.detail = `${overrides.run.detail ? `${overrides.run.detail}; ` : ''}${applied} finding(s) overridden, ${stale.length} stale override(s)`;
  }
  const findings = [...byFingerprint.values()].sort(compareFindings);
  return {
    schemaVersion: 1,
    tool: { name: 'mcp-gate', version: VERSION },
    mode: policy.mode,
    rollout: policy.rollout,
    decision: decide(findings),
    findings,
    checks,
    summary: {
      block: findings.filter((f) => f.status === 'open' && f.severity === 'block').length,
      warning: findings.filter((f) => f.status === 'open' && f.severity === 'warning').length,
      overridden: findings.filter((f) => f.status === 'overridden').length,
    },
  };
}

/** Most severe first, then by place, so every format lists findings the same way. */
export function compareFindings(a: Finding, b: Finding): number {
  const rank = (f: Finding) => (f.blocking ? 0 : f.status === 'overridden' ? 3 : f.severity === 'block' ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (a.location.file ?? '\uffff').localeCompare(b.location.file ?? '\uffff') ||
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.fingerprint.localeCompare(b.fingerprint)
  );
}
