import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
} from "./chunk-JXRXM6CN.js";
import "./chunk-CGHOQIPV.js";
import "./chunk-T2RVKME7.js";
import "./chunk-EOSEYLKD.js";
import "./chunk-OWMEW5IV.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-3PP7ZRBO.js";
import "./chunk-7DU3YBTW.js";
export {
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  listOverrideFiles
};
