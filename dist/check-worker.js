import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
} from "./chunk-3IQIDTOS.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-NZX64G7O.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-NEVJVTZS.js";
import "./chunk-SUVOHOKO.js";
import "./chunk-RL6DG25S.js";
import "./chunk-RJCN6M3C.js";
import "./chunk-SQCNUDAA.js";
import "./chunk-357DEUAJ.js";
import "./chunk-ELCXR4WP.js";
import "./chunk-XAOTV5DC.js";
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
