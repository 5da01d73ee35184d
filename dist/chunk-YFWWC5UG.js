import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
} from "./chunk-XMZSVHWK.js";
import "./chunk-47KNJ7RI.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-RL6DG25S.js";
import "./chunk-T2RVKME7.js";
import "./chunk-J2SQ3CCH.js";
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
