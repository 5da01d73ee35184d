import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
} from "./chunk-UMUOZDG6.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-NBOWROBP.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-TSA6GFL5.js";
import "./chunk-NNDE2F4S.js";
import "./chunk-RL6DG25S.js";
import "./chunk-RJCN6M3C.js";
import "./chunk-JXATR37U.js";
import "./chunk-IMIZNQEL.js";
import "./chunk-KWR6CBRW.js";
import "./chunk-2XMBYIBN.js";
import "./chunk-QFNJ2TLX.js";
import "./chunk-LAB7SYR4.js";
import "./chunk-K4MPSSIE.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";
export {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
};
