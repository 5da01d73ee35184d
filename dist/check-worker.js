import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
} from "./chunk-6BAO5FPG.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-7CVD2GEH.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-WM6CJCXM.js";
import "./chunk-6GEKPHW6.js";
import "./chunk-RL6DG25S.js";
import "./chunk-RJCN6M3C.js";
import "./chunk-OTOZFWGA.js";
import "./chunk-I37QCIAY.js";
import "./chunk-T2RVKME7.js";
import "./chunk-HICBG37Z.js";
import "./chunk-VWCVZC5Y.js";
import "./chunk-EF55N23E.js";
import "./chunk-NCVH2LUD.js";
import "./chunk-54HURLNQ.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";
export {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
};
