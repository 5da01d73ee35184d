// Entry of the check worker thread (src/check-thread.ts starts it): build a
// CheckContext from the job, claim groups of checks from the shared counter
// and run them as the engine would, posting each group's outcomes back.
import { setMaxListeners } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { ALL_CHECKS } from '../../checks/index.ts';
import type { WorkerJob, WorkerMessage } from './check-thread.ts';
import { prepareOutcome } from './findings.ts';
import { type CheckOutcome, failedCheck, runCheck } from './run-check.ts';
import type { CheckContext } from '../types.ts';
import { Workspace } from '../workspace/workspace.ts';

const port = parentPort;
if (!port) throw new Error('check-worker runs only as a worker thread');
const job = workerData as WorkerJob;
const controller = new AbortController();
setMaxListeners(256, controller.signal);
const timer = setTimeout(() => controller.abort(new Error(job.deadlineMessage)), Math.max(0, job.deadline - Date.now()));
port.on('message', (m) => {
  if (m === 'abort') controller.abort(new Error(job.deadlineMessage));
});

const base: CheckContext = {
  root: job.root,
  config: job.config,
  ...(job.configFile !== undefined ? { configFile: job.configFile } : {}),
  workspace: new Workspace(job.root),
  ...(job.baseRef !== undefined ? { baseRef: job.baseRef } : {}),
  signal: controller.signal,
  now: job.now,
  env: job.env,
};

function run(id: string, ctx: CheckContext): Promise<CheckOutcome> {
  const check = ALL_CHECKS.find((c) => c.id === id);
  return check ? runCheck(check, ctx) : Promise.resolve(failedCheck(id, new Error(`check worker: unknown check "${id}"`), 0));
}

function send(m: WorkerMessage): void {
  try {
    port?.postMessage(m);
  } catch (err) {
    // A finding that is not plain data: the group fails closed instead of vanishing.
    const why = new Error(`check worker could not send its results: ${(err as Error).message}`);
    port?.postMessage({ group: m.group, outcomes: m.outcomes.map((o) => prepareOutcome(failedCheck(o.run.id, why, o.run.durationMs), job.policy, job.json)) });
  }
}

for (let i = Atomics.add(job.claim, 0, 1); i < job.groups.length; i = Atomics.add(job.claim, 0, 1)) {
  // A workspace per group, as on the main thread: groups share no parse, so what one read is garbage once it is done.
  const ctx = { ...base, workspace: base.workspace.fresh() };
  const outcomes = await Promise.all((job.groups[i] ?? []).map((id) => run(id, ctx)));
  send({ group: i, outcomes: outcomes.map((o) => prepareOutcome(o, job.policy, job.json)) });
}
clearTimeout(timer);
port.close();
