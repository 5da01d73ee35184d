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
import type { Check, CheckContext, CheckRun, RawFinding, Report, RunScanner } from '../types.ts';
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
    const [outcomes, overrides] = await Promise.all([
      runChecks(checks, ctx, { policy, deadline: Date.now() + timeoutMs, deadlineMessage: budgetMessage, ...(opts.workerThread !== undefined ? { thread: opts.workerThread } : {}) }),
      runOverrideStage(ctx, baseRefError),
    ]);
    const findings = [...prepareFindings(preliminary, policy), ...outcomes.flatMap((o) => o.findings), ...prepareFindings(overrides.findings, policy)];
    const runs = outcomes.map((o) => o.run);
    if (overrides.run) runs.push(overrides.run);
    return assembleReport(findings, runs, policy, overrides.run ? { applicable: overrides.applicable, run: overrides.run } : undefined);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
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
