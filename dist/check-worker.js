import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
} from "./chunk-PF6CQRCA.js";
import "./chunk-IWBTSH6C.js";
import "./chunk-36IMKBUN.js";
import "./chunk-7VLSCK5A.js";
import "./chunk-2MQRAJRN.js";
import "./chunk-RA2GW6FW.js";
import "./chunk-NCVH2LUD.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-OWTEQC3U.js";
import "./chunk-RL6DG25S.js";
import "./chunk-OWMEW5IV.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-HAISQJ5Y.js";
import "./chunk-7DU3YBTW.js";
export {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
};
