import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
} from "./chunk-Q56K6ZEY.js";
import "./chunk-HMOQCLHW.js";
import "./chunk-HHT5TYVO.js";
import "./chunk-J2L3CJT7.js";
import "./chunk-BC65K547.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-POP5MWQD.js";
import "./chunk-PPHIJ3XX.js";
import "./chunk-7DU3YBTW.js";
export {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
};
