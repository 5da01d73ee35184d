import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
} from "./chunk-6ZWDZRQS.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-DULI74QH.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-NCZYBTQ7.js";
import "./chunk-XJOZO3EX.js";
import "./chunk-RL6DG25S.js";
import "./chunk-RJCN6M3C.js";
import "./chunk-XMTCTCGL.js";
import "./chunk-SIWTDP57.js";
import "./chunk-T2RVKME7.js";
import "./chunk-VKK52XVY.js";
import "./chunk-VWCVZC5Y.js";
import "./chunk-DFKO45XE.js";
import "./chunk-NCVH2LUD.js";
import "./chunk-54HURLNQ.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";
export {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
};
