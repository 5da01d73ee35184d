import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
} from "./chunk-AZWDKQJQ.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-CETON6UU.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-QQJKQJ3G.js";
import "./chunk-ACHY6GHP.js";
import "./chunk-RL6DG25S.js";
import "./chunk-RJCN6M3C.js";
import "./chunk-REQN5Y5Z.js";
import "./chunk-JXRT4HPH.js";
import "./chunk-IWR6NKGP.js";
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
