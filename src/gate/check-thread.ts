// Checks that need only the repository, the config and the environment (the
// MCP manifests and their lint, the secret scan, scanner reports, images,
// supply chain) also run on a worker thread, so that on the 2-core runners
// GitHub provides the gate costs little more than reading its inputs
// (docs/performance.md). They are grouped (checks sharing a parse stay
// together) and queued; the worker and the main thread, once its own
// checks are done, each claim the next group from a shared counter, so the
// work balances itself whatever the repository holds. Results come back as
// data (findings are plain objects) and the engine merges them in report
// order: a report is the same whichever thread ran what.
import { Worker } from 'node:worker_threads';
import type { GateConfig } from '../config/schema.ts';
import { type PreparedOutcome, prepareOutcome } from './findings.ts';
import type { Policy } from './policy.ts';
import { failedCheck, runCheck } from './run-check.ts';
import type { Check, CheckContext } from '../types.ts';

/** What the worker needs to build its own CheckContext and find its work. */
export interface WorkerJob {
  root: string;
  config: GateConfig;
  configFile?: string;
  baseRef?: string;
  now: Date;
  env: Record<string, string | undefined>;
  /** Check ids per group, looked up in ALL_CHECKS by the worker. */
  groups: string[][];
  /** Shared counter: Atomics.add(claim, 0, 1) hands out the next group index. */
  claim: Int32Array;
  /** Epoch ms at which the gate's time budget ends, and the message then. */
  deadline: number;
  deadlineMessage: string;
  /** Findings are prepared (policy, fingerprint, JSON text when `json`) where their check ran. */
  policy: Policy;
  json: boolean;
}

/** One group's outcomes; the worker exits when no group is left to claim. */
export interface WorkerMessage {
  group: number;
  outcomes: PreparedOutcome[];
}

/** Young generation of the worker's heap (see runShared). */
const YOUNG_GENERATION_MB = 8;

/** After the budget ends, a worker stuck in a loop gets this long to answer before it is terminated. */
const GRACE_MS = 1_000;

/** The worker entry: beside this module in the bundle (dist/), and in the sources. */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './check-worker.ts' : './check-worker.js', import.meta.url);
}

export interface SharedRun {
  groups: readonly (readonly Check[])[];
  /** The main thread's context (its checks and the groups it claims run with it). */
  ctx: CheckContext;
  job: Omit<WorkerJob, 'groups' | 'claim'>;
  /** Worker entry (tests start one that misbehaves). */
  entry?: URL;
  /** Claim groups here too (default); false leaves them to the worker unless it is gone. */
  claimHere?: boolean;
}

/**
 * Runs every group, each exactly once, on the worker or here. Never
 * rejects: a worker that cannot start, crashes or overruns the budget turns
 * the checks it had claimed into gate/check-failed (fail closed), and the
 * groups nobody had claimed yet run here.
 */
export function runShared({ groups, ctx, job, entry = workerUrl(), claimHere = true }: SharedRun): Promise<PreparedOutcome[][]> {
  const n = groups.length;
  const results: (PreparedOutcome[] | undefined)[] = new Array(n);
  const prepare = (o: Parameters<typeof prepareOutcome>[0]): PreparedOutcome => prepareOutcome(o, job.policy, job.json);
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const claimedHere = new Set<number>();
  const start = performance.now();
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
        // Its own workspace, as on the worker: a group shares no parse with this thread's checks.
        const groupCtx = { ...ctx, workspace: ctx.workspace.fresh() };
        const group = groups[i] ?? [];
        try {
          deliver(i, (await Promise.all(group.map((c) => runCheck(c, groupCtx)))).map(prepare));
        } catch (err) {
          // A finding that cannot be prepared (a rule id the catalog lacks): the group fails closed, the run goes on.
          deliver(i, group.map((c) => prepare(failedCheck(c.id, err, Math.round(performance.now() - start)))));
        }
      }
    };
    /** The worker is gone: what it had claimed and not reported fails closed; what nobody claimed runs here. */
    const lostWorker = (err: Error): void => {
      if (!worker) return;
      worker = undefined;
      const claimed = Math.min(Atomics.load(claim, 0), n);
      for (let i = 0; i < claimed; i++)
        if (!claimedHere.has(i)) deliver(i, (groups[i] ?? []).map((c) => prepare(failedCheck(c.id, err, Math.round(performance.now() - start)))));
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
      const data: WorkerJob = { ...job, groups: groups.map((g) => g.map((c) => c.id)), claim };
      // A small nursery for the worker: its groups parse large inputs (reports of 100 MB, thousands of
      // tool manifests), and with V8's default young generation the two threads' heaps together
      // neared 1 GB of RSS on the benchmark's largest repository (about 100 MB less with this, same time).
      const w = new Worker(entry, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker = w;
      w.on('message', (m: WorkerMessage) => deliver(m.group, m.outcomes));
      w.once('error', (err) => lostWorker(new Error(`check worker failed: ${err.message}`)));
      // Node delivers every message a worker posted before it emits 'exit'.
      w.once('exit', (code) => lostWorker(new Error(`check worker exited (code ${code}) before reporting`)));
    } catch {
      // No worker (none could start): every group runs here.
    }
    if (ctx.signal.aborted) onAbort();
    else ctx.signal.addEventListener('abort', onAbort, { once: true });
    // The caller starts its own checks right after this returns; their synchronous work (the
    // Kubernetes parse) runs before this thread claims a group, while the worker boots and claims.
    if (claimHere || !worker) setImmediate(() => void claimLoop());
  });
}
