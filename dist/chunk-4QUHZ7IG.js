import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
} from "./chunk-XTOILGJK.js";
import "./chunk-B7YCL4KC.js";
import "./chunk-5VFIXKI4.js";
import "./chunk-D7TF2GDY.js";
import "./chunk-XB5LMK5I.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-QLZP63XJ.js";
import "./chunk-NCVH2LUD.js";
import "./chunk-7DU3YBTW.js";
export {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
};
