import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  expiryProblem,
  listOverrideFiles,
  signingProblems
} from "./chunk-5FTVMKFX.js";
import "./chunk-BL2EWJM3.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-RL6DG25S.js";
import "./chunk-XAOTV5DC.js";
import "./chunk-QFNJ2TLX.js";
import "./chunk-LAB7SYR4.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";
export {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  expiryProblem,
  listOverrideFiles,
  signingProblems
};
