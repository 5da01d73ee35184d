import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
} from "./chunk-2IWH6MHJ.js";
import "./chunk-2DMMKSTQ.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-RL6DG25S.js";
import "./chunk-T2RVKME7.js";
import "./chunk-VWCVZC5Y.js";
import "./chunk-DFKO45XE.js";
import "./chunk-NCVH2LUD.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";
export {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
};
