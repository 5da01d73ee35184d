import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  checkCommand,
  oneOf
} from "./chunk-S7JB3GP3.js";
import "./chunk-HJECAZCU.js";
import "./chunk-5OZLWKUC.js";
import "./chunk-YIAZKD63.js";
import "./chunk-X5TAQBPR.js";
import "./chunk-ETRZJU5X.js";
import "./chunk-I5PNR73Y.js";
import "./chunk-L5STNJMW.js";
import "./chunk-BZL6NXF3.js";
import "./chunk-PWEWOKW3.js";
import "./chunk-HMOQCLHW.js";
import "./chunk-HHT5TYVO.js";
import "./chunk-J2L3CJT7.js";
import "./chunk-BC65K547.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-POP5MWQD.js";
import "./chunk-PPHIJ3XX.js";
import "./chunk-7DU3YBTW.js";
export {
  checkCommand,
  oneOf
};
