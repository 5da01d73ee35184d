// Running every check, each timed and isolated (runCheck), its findings put
// under policy. On a large tree the checks that read only the tree, config
// and env (they declare a workerGroup; checks of one group share a parse)
// are shared with a worker thread: on GitHub's 2-core runners that is a
// quarter off at 10,000 documents, and nothing below WORKER_MIN_BYTES
// (docs/performance.md). The groups wait in a queue; the worker and this
// thread, once its own checks are done, each claim the next from a shared
// counter, so the work balances itself. The report is the same whichever
// thread ran what. This module is also the worker's entry.
import { setMaxListeners } from 'node:events';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ALL_CHECKS } from '../../checks/index.ts';
import type { GateConfig } from '../config/schema.ts';
import type { Check, CheckContext } from '../types.ts';
import type { Rendered } from '../workspace/render/index.ts';
import { Workspace } from '../workspace/workspace.ts';
import { type PreparedOutcome, prepareOutcome } from './findings.ts';
import type { Policy } from './policy.ts';
import { type CheckOutcome, failedCheck, runCheck } from './run-check.ts';

/** Below this many bytes in the tree, starting the worker costs what it saves (docs/performance.md). */
export const WORKER_MIN_BYTES = 32 * 1024 * 1024;

/** Groups the worker may run, costliest first, so the two threads end close together. */
const GROUP_ORDER = ['manifests', 'reports', 'secrets', 'supply', 'image'];

/** The worker's heap nursery: its groups parse large inputs, and the two heaps together otherwise near 1 GB. */
const YOUNG_GENERATION_MB = 8;

/** After the budget ends, a worker stuck in a loop gets this long to answer before it is terminated. */
const GRACE_MS = 1_000;

export interface RunChecksOptions {
  policy: Policy;
  /** Epoch ms at which the gate's time budget ends, and what a check still running then is told. */
  deadline: number;
  deadlineMessage: string;
  /** Share the groups with a worker thread; default: when the tree holds WORKER_MIN_BYTES or more. */
  thread?: boolean;
}

/** The outcome of every check, in the order given. Never rejects: what could not run is gate/check-failed. */
export async function runChecks(checks: readonly Check[], ctx: CheckContext, opts: RunChecksOptions): Promise<PreparedOutcome[]> {
  // Only registry checks can be found by id in the worker. A scanner runner is a function, which cannot
  // cross to it: a run that starts scanners (reports.run) stays on one thread, the scan dwarfs the gain.
  const movable = checks.filter((c) => c.workerGroup !== undefined && ALL_CHECKS.includes(c));
  const scans = ctx.runScanner !== undefined && (ctx.config.reports?.run?.length ?? 0) > 0;
  const thread = movable.length > 0 && !scans && (opts.thread ?? ctx.workspace.holdsBytes(WORKER_MIN_BYTES));
  if (!thread) return (await Promise.all(checks.map((c) => runCheck(c, ctx)))).map((o) => prepareOutcome(o, opts.policy));

  const groups = new Map<string, Check[]>();
  for (const c of movable) {
    const group = groups.get(c.workerGroup as string);
    if (group) group.push(c);
    else groups.set(c.workerGroup as string, [c]);
  }
  const rank = (group: string): number => (GROUP_ORDER.includes(group) ? GROUP_ORDER.indexOf(group) : GROUP_ORDER.length);
  const queue = [...groups.keys()].sort((a, b) => rank(a) - rank(b)).map((g) => groups.get(g) as Check[]);
  const { root, config, configFile, baseRef, now, env } = ctx;
  // The worker starts first, so that it boots and claims groups while this thread parses.
  const queued = runGroups({ groups: queue, ctx, job: { root, config, configFile, baseRef, now, env: { ...env }, rendered: ctx.workspace.rendered, deadline: opts.deadline, deadlineMessage: opts.deadlineMessage, policy: opts.policy } });
  const mainThread = Promise.all(checks.filter((c) => !movable.includes(c)).map((c) => runCheck(c, ctx))).then((outcomes) => {
    // The Kubernetes parse is done with: let it be collected while the queued groups run.
    ctx.workspace = ctx.workspace.fresh();
    return outcomes.map((o) => prepareOutcome(o, opts.policy));
  });
  const [onMain, fromQueue] = await Promise.all([mainThread, queued]);
  const byCheck = new Map<Check, PreparedOutcome>();
  for (const [i, group] of queue.entries()) for (const [j, c] of group.entries()) byCheck.set(c, fromQueue[i]?.[j] as PreparedOutcome);
  let next = 0;
  return checks.map((c) => byCheck.get(c) ?? (onMain[next++] as PreparedOutcome));
}

/** What the worker needs to build its own CheckContext and find its work. */
interface WorkerJob {
  kind: 'mcp-gate-checks';
  root: string;
  config: GateConfig;
  configFile: string | undefined;
  baseRef: string | undefined;
  now: Date;
  env: Record<string, string | undefined>;
  /** What helm and kustomize rendered (plain data; the worker does not render again). */
  rendered: Rendered;
  policy: Policy;
  deadline: number;
  deadlineMessage: string;
  /** Check ids per group, looked up in ALL_CHECKS by the worker. */
  groups: string[][];
  /** Shared counter: Atomics.add(claim, 0, 1) hands out the next group index. */
  claim: Int32Array;
}

/** One group's outcomes; the worker exits when no group is left to claim. */
interface WorkerMessage {
  group: number;
  outcomes: PreparedOutcome[];
}

export interface GroupRun {
  groups: readonly (readonly Check[])[];
  /** This thread's context: the groups it claims run with it. */
  ctx: CheckContext;
  job: Omit<WorkerJob, 'kind' | 'groups' | 'claim'>;
  /** Worker entry (tests start one that misbehaves). */
  entry?: URL;
  /** Claim groups on this thread too (default); false leaves them to the worker unless it is gone. */
  claimOnMain?: boolean;
}

/** The worker entry: this module in the sources, its own bundle in dist/. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL(import.meta.url) : new URL('./check-worker.js', import.meta.url);
}

/**
 * Runs every group, each exactly once, on the worker or here. Never
 * rejects: a worker that cannot start, crashes or overruns the budget turns
 * the checks it had claimed into gate/check-failed (fail closed), and the
 * groups nobody had claimed yet run here.
 */
export function runGroups({ groups, ctx, job, entry = workerUrl(), claimOnMain = true }: GroupRun): Promise<PreparedOutcome[][]> {
  const n = groups.length;
  const results: (PreparedOutcome[] | undefined)[] = new Array(n);
  const prepare = (o: CheckOutcome): PreparedOutcome => prepareOutcome(o, job.policy);
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const claimedHere = new Set<number>();
  const start = performance.now();
  const elapsed = (): number => Math.round(performance.now() - start);
  let left = n;
  return new Promise((resolve) => {
    if (n === 0) return resolve([]);
    let worker: Worker | undefined;
    let grace: NodeJS.Timeout | undefined;
    const finish = (): void => {
      clearTimeout(grace);
      ctx.signal.removeEventListener('abort', onAbort);
      const w = worker;
      worker = undefined;
      if (w) void w.terminate();
      resolve(results as PreparedOutcome[][]);
    };
    const deliver = (i: number, outcomes: PreparedOutcome[]): void => {
      if (results[i]) return;
      results[i] = outcomes;
      if (--left === 0) finish();
    };
    let claiming = false;
    const claimLoop = async (): Promise<void> => {
      if (claiming) return;
      claiming = true;
      for (let i = Atomics.add(claim, 0, 1); i < n; i = Atomics.add(claim, 0, 1)) {
        claimedHere.add(i);
        // A workspace of its own, as on the worker: a group shares no parse with this thread's checks.
        const groupCtx = { ...ctx, workspace: ctx.workspace.fresh() };
        const group = groups[i] ?? [];
        try {
          deliver(i, (await Promise.all(group.map((c) => runCheck(c, groupCtx)))).map(prepare));
        } catch (err) {
          // A finding that cannot be prepared (a rule id the catalog lacks): the group fails closed, the run goes on.
          deliver(i, group.map((c) => prepare(failedCheck(c.id, err, elapsed()))));
        }
      }
    };
    /** The worker is gone: what it had claimed and not reported fails closed; what nobody claimed runs here. */
    const lostWorker = (err: Error): void => {
      if (!worker) return;
      worker = undefined;
      const claimed = Math.min(Atomics.load(claim, 0), n);
      for (let i = 0; i < claimed; i++)
        if (!claimedHere.has(i)) deliver(i, (groups[i] ?? []).map((c) => prepare(failedCheck(c.id, err, elapsed()))));
      void claimLoop();
    };
    const onAbort = (): void => {
      worker?.postMessage('abort');
      grace = setTimeout(() => {
        const w = worker;
        lostWorker(ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error(String(ctx.signal.reason)));
        void w?.terminate();
      }, GRACE_MS);
    };
    try {
      const data: WorkerJob = { ...job, kind: 'mcp-gate-checks', groups: groups.map((g) => g.map((c) => c.id)), claim };
      const w = new Worker(entry, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker = w;
      w.on('message', (m: WorkerMessage) => deliver(m.group, m.outcomes));
      w.once('error', (err) => lostWorker(new Error(`check worker failed: ${err.message}`)));
      // Node delivers every message a worker posted before it emits 'exit'.
      w.once('exit', (code) => lostWorker(new Error(`check worker exited (code ${code}) before reporting`)));
    } catch {
      // No worker could start: every group runs here.
    }
    if (ctx.signal.aborted) onAbort();
    else ctx.signal.addEventListener('abort', onAbort, { once: true });
    // The caller starts its own checks right after this returns; their synchronous work (the
    // Kubernetes parse) runs before this thread claims a group, while the worker boots and claims.
    if (claimOnMain || !worker) setImmediate(() => void claimLoop());
  });
}

/** The worker: build a CheckContext from the job, claim groups from the shared counter, post each group's outcomes. */
async function workerMain(job: WorkerJob): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const controller = new AbortController();
  setMaxListeners(256, controller.signal);
  const timer = setTimeout(() => controller.abort(new Error(job.deadlineMessage)), Math.max(0, job.deadline - Date.now()));
  port.on('message', (m) => {
    if (m === 'abort') controller.abort(new Error(job.deadlineMessage));
  });
  const prepare = (o: CheckOutcome): PreparedOutcome => prepareOutcome(o, job.policy);
  const files = new Workspace(job.root);
  files.setRendered(job.rendered);
  const run = (id: string, ctx: CheckContext): Promise<CheckOutcome> => {
    const check = ALL_CHECKS.find((c) => c.id === id);
    return check ? runCheck(check, ctx) : Promise.resolve(failedCheck(id, new Error(`check worker: unknown check "${id}"`), 0));
  };
  const send = (m: WorkerMessage): void => {
    try {
      port.postMessage(m);
    } catch (err) {
      // A finding that is not plain data: the group fails closed instead of vanishing.
      const why = new Error(`check worker could not send its results: ${(err as Error).message}`);
      port.postMessage({ group: m.group, outcomes: m.outcomes.map((o) => prepare(failedCheck(o.run.id, why, o.run.durationMs))) });
    }
  };
  for (let i = Atomics.add(job.claim, 0, 1); i < job.groups.length; i = Atomics.add(job.claim, 0, 1)) {
    // A workspace per group, as on the main thread: what one group read is garbage once it is done.
    const ctx: CheckContext = {
      root: job.root,
      config: job.config,
      ...(job.configFile !== undefined ? { configFile: job.configFile } : {}),
      ...(job.baseRef !== undefined ? { baseRef: job.baseRef } : {}),
      workspace: files.fresh(),
      signal: controller.signal,
      now: job.now,
      env: job.env,
    };
    const outcomes = await Promise.all((job.groups[i] ?? []).map((id) => run(id, ctx)));
    send({ group: i, outcomes: outcomes.map(prepare) });
  }
  clearTimeout(timer);
  port.close();
}

const job = isMainThread ? undefined : (workerData as Partial<WorkerJob> | undefined);
if (job?.kind === 'mcp-gate-checks') await workerMain(job as WorkerJob);

