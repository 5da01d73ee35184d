import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
} from "./chunk-K2ONDIKV.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-YI42H3DU.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-NGJVHCJB.js";
import "./chunk-5VWST4G2.js";
import "./chunk-RL6DG25S.js";
import "./chunk-RJCN6M3C.js";
import "./chunk-EBL7CXF3.js";
import "./chunk-OPDB72IL.js";
import "./chunk-T2RVKME7.js";
import "./chunk-LODCHWH7.js";
import "./chunk-J2SQ3CCH.js";
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
