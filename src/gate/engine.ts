// The engine: read the config (policy from the base revision when there is
// one), run the checks (run-checks.ts) beside the overrides stage under one
// time budget, and assemble the report (report.ts). It never touches the
// process or @actions/*; the CLI and the Action are thin adapters around it.
import { setMaxListeners } from 'node:events';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ALL_CHECKS } from '../../checks/index.ts';
import { emptiedScopes, protectPolicy, untrustedPolicy } from '../config/base-policy.ts';
import { readConfig } from '../config/load.ts';
import { DEFAULT_CONFIG_FILE, type GateConfig } from '../config/schema.ts';
import { type RuleId, rulesOfScope } from '../rules/catalog.ts';
import { UsageError } from '../util/errors.ts';
import { prepareFindings } from './findings.ts';
import { assembleReport } from './report.ts';
import { OVERRIDES_DIR } from '../overrides/document.ts';
import type { ApplicableOverride, OverrideEvaluation } from '../overrides/evaluate.ts';
import { type PolicyFlags, resolvePolicy } from './policy.ts';
import { runCheck } from './run-check.ts';
import { runChecks } from './run-checks.ts';
import type { BaselineSummary, Check, CheckContext, CheckRun, RawFinding, Report, RunScanner } from '../types.ts';
import { extractRevision, liveTargets, markNew, repositoryOnly } from './baseline.ts';
import { renderDeployments } from '../workspace/render/index.ts';
import { Workspace } from '../workspace/workspace.ts';

export interface GateOptions extends PolicyFlags {
  /** Directory under review. */
  root: string;
  /** Config file; absolute or relative to root. Missing explicit file = usage error. */
  configFile?: string;
  baseRef?: string;
  /**
   * Why the base revision the run should be judged against is unknown (a
   * pull_request event without a base sha): the run fails closed exactly as
   * when a base ref cannot be read.
   */
  baseUnavailable?: string;
  /**
   * Environment the checks see (none unless given: the adapters pass
   * theirs, the engine never reads the process's). A function receives the effective config
   * (after base-revision protection): the Action maps its secret inputs to
   * the env var names the trusted config gives.
   */
  env?: Record<string, string | undefined> | ((config: GateConfig) => Record<string, string | undefined>);
  now?: Date;
  checks?: readonly Check[];
  /** Overall budget; checks still running then become gate/check-failed. */
  timeoutMs?: number;
  /** Runs scanners for reports.run; without it such a run is a gate/check-failed (adapters pass src/main/scanners.ts). */
  runScanner?: RunScanner;
  /** Share the checks that may leave the main thread with a worker (default: for trees of WORKER_MIN_BYTES or more). */
  workerThread?: boolean;
  /** Config already loaded by the caller (the Action reads policy keys from the base revision). */
  config?: GateConfig;
  /** With a base ref, judge the base revision's tree too and mark what the change introduced (default true). */
  baseline?: boolean;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** Rules the engine's own stages report (base-revision policy, overrides), beside the checks'. */
export const STAGE_RULES: readonly RuleId[] = [...rulesOfScope('override'), ...rulesOfScope('config'), 'gate/check-failed'];

export async function runGate(opts: GateOptions): Promise<Report> {
  const root = resolve(opts.root);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${opts.root}: no such directory`);
  const loaded = opts.config ? { config: opts.config, configFile: opts.configFile } : readConfig(root, opts.configFile);
  const { configFile } = loaded;
  let { config } = loaded;
  const workspace = new Workspace(root);
  const preliminary: RawFinding[] = [];
  let baseRefError: string | undefined;
  // The config the base revision is judged with: the base's own (or the invoker's, named outside the repository).
  let baseConfig: GateConfig | undefined = opts.baseRef !== undefined && configFile !== undefined && isAbsolute(configFile) ? config : undefined;
  // A config outside the repository was named by the invoker, not the change.
  const inRepo = configFile === undefined || !isAbsolute(configFile);
  if (opts.baseUnavailable !== undefined || (opts.baseRef !== undefined && inRepo)) {
    const file = configFile ?? DEFAULT_CONFIG_FILE;
    const protectedPolicy =
      opts.baseUnavailable !== undefined ? untrustedPolicy(config, file, opts.baseUnavailable) : await protectPolicy(root, opts.baseRef as string, file, config);
    preliminary.push(...protectedPolicy.findings);
    if (protectedPolicy.base) preliminary.push(...emptiedScopes(workspace.files(), config, protectedPolicy.base, file));
    config = protectedPolicy.config;
    baseRefError = protectedPolicy.baseRefError;
    baseConfig = protectedPolicy.base;
  }
  const policy = resolvePolicy(config, opts);
  const controller = new AbortController();
  // Every check (and the probes inside them) listens for the time budget.
  setMaxListeners(256, controller.signal);
  const ctx: CheckContext = {
    root,
    config,
    configFile,
    workspace,
    baseRef: opts.baseRef,
    signal: controller.signal,
    now: opts.now ?? new Date(),
    env: typeof opts.env === 'function' ? opts.env(config) : (opts.env ?? {}),
    ...(opts.runScanner ? { runScanner: opts.runScanner } : {}),
  };
  const checks = opts.checks ?? ALL_CHECKS;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const budgetMessage = `gate time budget of ${timeoutMs} ms exceeded`;
  const timer = setTimeout(() => controller.abort(new Error(budgetMessage)), timeoutMs);
  timer.unref();
  try {
    // Charts and overlays are judged as they will be applied: rendered once, before any check reads objects.
    workspace.setRendered(await renderDeployments(root, workspace.files(), config.kubernetes ?? {}, (f) => workspace.read(f), ctx.env.PATH, controller.signal, inKubernetesPaths(workspace, config)));
    const wantBaseline = opts.baseline !== false && opts.baseRef !== undefined && baseRefError === undefined && baseConfig !== undefined;
    const [outcomes, overrides, base] = await Promise.all([
      runChecks(checks, ctx, { policy, deadline: Date.now() + timeoutMs, deadlineMessage: budgetMessage, ...(opts.workerThread !== undefined ? { thread: opts.workerThread } : {}) }),
      runOverrideStage(ctx, baseRefError),
      wantBaseline ? judgeBase(root, opts.baseRef as string, baseConfig as GateConfig, configFile, ctx, timeoutMs) : undefined,
    ]);
    const fromStages = [...prepareFindings(preliminary, policy), ...prepareFindings(overrides.findings, policy)];
    let baseline: BaselineSummary | undefined;
    if (base && 'error' in base) {
      // Nothing to compare with: every finding counts (failOn all) and the reason blocks.
      fromStages.push(...prepareFindings([{ ruleId: 'gate/check-failed', message: `the base revision ${opts.baseRef} could not be evaluated, so no finding can be told new or existing and every one counts (failOn: all): ${base.error}`, location: configFile ? { file: configFile } : {}, key: 'baseline' }], policy));
      baseline = { ref: opts.baseRef as string, failOn: 'all', new: { block: 0, warning: 0 }, existing: { block: 0, warning: 0 }, resolved: 0, error: base.error };
    } else if (base) {
      const tagged = [...outcomes.flatMap((o) => o.findings.map((finding) => ({ finding, checkId: o.run.id }))), ...fromStages.map((finding) => ({ finding, checkId: 'gate' }))];
      const resolved = markNew(tagged, base.fingerprints, liveTargets(config));
      if (policy.failOn === 'new') for (const { finding } of tagged) if (finding.new === false) finding.blocking = false;
      baseline = { ref: opts.baseRef as string, commit: base.commit, failOn: policy.failOn, new: { block: 0, warning: 0 }, existing: { block: 0, warning: 0 }, resolved };
    }
    const findings = [...fromStages, ...outcomes.flatMap((o) => o.findings)];
    const runs = outcomes.map((o) => o.run);
    if (overrides.run) runs.push(overrides.run);
    const report = assembleReport(findings, runs, policy, overrides.run ? { applicable: overrides.applicable, run: overrides.run } : undefined);
    if (baseline) report.baseline = countBaseline(report, baseline);
    return report;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/**
 * The base revision's tree judged with the base's config, files only (no
 * probe, live server or scanner run): its findings' fingerprints. Within
 * the same time budget, beside the change's own checks.
 */
async function judgeBase(root: string, ref: string, baseConfig: GateConfig, configFile: string | undefined, ctx: CheckContext, timeoutMs: number): Promise<{ commit: string; fingerprints: Set<string> } | { error: string }> {
  let tree: Awaited<ReturnType<typeof extractRevision>>;
  const why = (err: unknown): string => (ctx.signal.aborted ? String((ctx.signal.reason as Error)?.message ?? ctx.signal.reason) : (err as Error).message);
  try {
    tree = await extractRevision(root, ref, ctx.signal);
  } catch (err) {
    return { error: why(err) };
  }
  try {
    const report = await runGate({ root: tree.dir, config: repositoryOnly(baseConfig), ...(configFile ? { configFile } : {}), env: ctx.env, now: ctx.now, timeoutMs, baseline: false });
    return { commit: tree.commit, fingerprints: new Set(report.findings.map((f) => f.fingerprint)) };
  } catch (err) {
    return { error: why(err) };
  } finally {
    tree.dispose();
  }
}

function countBaseline(report: Report, baseline: BaselineSummary): BaselineSummary {
  const counts = { new: { block: 0, warning: 0 }, existing: { block: 0, warning: 0 } };
  for (const f of report.findings) {
    if (f.status !== 'open' || f.new === undefined) continue;
    counts[f.new ? 'new' : 'existing'][f.severity]++;
  }
  return { ...baseline, ...counts };
}

/** When kubernetes.paths is set, only charts and overlays it covers are discovered. */
function inKubernetesPaths(workspace: Workspace, config: GateConfig): ((file: string) => boolean) | undefined {
  const paths = config.kubernetes?.paths;
  if (!paths) return undefined;
  const selected = new Set(workspace.select(paths, () => true));
  return (file) => selected.has(file);
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
    rules: rulesOfScope('override'),
    async run(c) {
      const { evaluateOverrides } = await import('../overrides/evaluate.ts');
      evaluation = await evaluateOverrides({
        root: c.root,
        ...(c.baseRef !== undefined ? { baseRef: c.baseRef } : {}),
        // Already reported once (gate/check-failed): trust nobody, say why on each override.
        ...(baseRefError !== undefined
          ? { trust: { origin: 'none' as const, description: 'unreadable base revision', refusal: `untrusted signer: ${baseRefError}` } }
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
