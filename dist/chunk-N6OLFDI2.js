import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
} from "./chunk-HC6G5SDP.js";
import "./chunk-7PN4WKJM.js";
import "./chunk-T2RVKME7.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-OWTEQC3U.js";
import "./chunk-RL6DG25S.js";
import "./chunk-EF55N23E.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-HAISQJ5Y.js";
import "./chunk-7DU3YBTW.js";
export {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
};
