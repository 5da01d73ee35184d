import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  ALL_CHECKS,
  failedCheck,
  prepareOutcome,
  runCheck
} from "./chunk-6UJEEJCJ.js";
import "./chunk-QDOWDREX.js";
import "./chunk-MJ6FTEKD.js";
import {
  Workspace
} from "./chunk-DOCCH4DD.js";
import "./chunk-3VMLTOBS.js";
import "./chunk-UC7JH2YC.js";
import "./chunk-D7TF2GDY.js";
import "./chunk-XB5LMK5I.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-QLZP63XJ.js";
import "./chunk-NCVH2LUD.js";
import "./chunk-7DU3YBTW.js";

// src/gate/check-worker.ts
import { setMaxListeners } from "node:events";
import { parentPort, workerData } from "node:worker_threads";
var port = parentPort;
if (!port) throw new Error("check-worker runs only as a worker thread");
var job = workerData;
var controller = new AbortController();
setMaxListeners(256, controller.signal);
var timer = setTimeout(() => controller.abort(new Error(job.deadlineMessage)), Math.max(0, job.deadline - Date.now()));
port.on("message", (m) => {
  if (m === "abort") controller.abort(new Error(job.deadlineMessage));
});
var base = {
  root: job.root,
  config: job.config,
  ...job.configFile !== void 0 ? { configFile: job.configFile } : {},
  workspace: new Workspace(job.root),
  ...job.baseRef !== void 0 ? { baseRef: job.baseRef } : {},
  signal: controller.signal,
  now: job.now,
  env: job.env
};
function run(id, ctx) {
  const check = ALL_CHECKS.find((c) => c.id === id);
  return check ? runCheck(check, ctx) : Promise.resolve(failedCheck(id, new Error(`check worker: unknown check "${id}"`), 0));
}
function send(m) {
  try {
    port?.postMessage(m);
  } catch (err) {
    const why = new Error(`check worker could not send its results: ${err.message}`);
    port?.postMessage({ group: m.group, outcomes: m.outcomes.map((o) => prepareOutcome(failedCheck(o.run.id, why, o.run.durationMs), job.policy, job.json)) });
  }
}
for (let i = Atomics.add(job.claim, 0, 1); i < job.groups.length; i = Atomics.add(job.claim, 0, 1)) {
  const ctx = { ...base, workspace: base.workspace.fresh() };
  const outcomes = await Promise.all((job.groups[i] ?? []).map((id) => run(id, ctx)));
  send({ group: i, outcomes: outcomes.map((o) => prepareOutcome(o, job.policy, job.json)) });
}
clearTimeout(timer);
port.close();
