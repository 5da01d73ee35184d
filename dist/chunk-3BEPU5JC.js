import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
} from "./chunk-2TEJ6K5L.js";
import "./chunk-YE2GYCX6.js";
import "./chunk-35D22KSK.js";
import "./chunk-KNLB5YWZ.js";
import "./chunk-7JW4BNH6.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-PT5AC5ZC.js";
import "./chunk-PPHIJ3XX.js";
import "./chunk-7DU3YBTW.js";
export {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
};
