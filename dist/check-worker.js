import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
} from "./chunk-VFU3FOQV.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-WSWQXRF4.js";
import "./chunk-OWTEQC3U.js";
import "./chunk-V6WEBK5K.js";
import "./chunk-UQ4VCZOW.js";
import "./chunk-RL6DG25S.js";
import "./chunk-EF55N23E.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-RJCN6M3C.js";
import "./chunk-2MQRAJRN.js";
import "./chunk-PAUPKDGY.js";
import "./chunk-HAISQJ5Y.js";
import "./chunk-NCVH2LUD.js";
import "./chunk-7DU3YBTW.js";
export {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
};
