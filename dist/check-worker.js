import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
} from "./chunk-D3PDGU7E.js";
import "./chunk-UIO5NOU4.js";
import "./chunk-MG53IPPM.js";
import "./chunk-Y46I4KYQ.js";
import "./chunk-IMA374AR.js";
import "./chunk-BGXWE6IX.js";
import "./chunk-NCVH2LUD.js";
import "./chunk-EOSEYLKD.js";
import "./chunk-OWMEW5IV.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-3PP7ZRBO.js";
import "./chunk-7DU3YBTW.js";
export {
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
};
