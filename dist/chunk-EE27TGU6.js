import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
} from "./chunk-5J6HM7Q4.js";
import "./chunk-HI232FWO.js";
import "./chunk-MOZBHLM4.js";
import "./chunk-KNLB5YWZ.js";
import "./chunk-NV7OCAHO.js";
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
