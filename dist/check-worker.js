import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
} from "./chunk-GXLCXPCQ.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-SWXOEFMJ.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-DQBVKTKJ.js";
import "./chunk-PPQE745W.js";
import "./chunk-RL6DG25S.js";
import "./chunk-RJCN6M3C.js";
import "./chunk-3TCBSURY.js";
import "./chunk-RZFBRPUZ.js";
import "./chunk-SHGVPSXL.js";
import "./chunk-2XMBYIBN.js";
import "./chunk-EXVNISWL.js";
import "./chunk-LAB7SYR4.js";
import "./chunk-K4MPSSIE.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";
export {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
};
