import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  checkCommand,
  oneOf
} from "./chunk-TQS5RNQZ.js";
import "./chunk-HJECAZCU.js";
import "./chunk-VKJS6DOZ.js";
import "./chunk-D6SEZOII.js";
import "./chunk-2KXQG2RY.js";
import "./chunk-IBOJTPYK.js";
import "./chunk-HV7LNPFH.js";
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
