import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  checkCommand,
  oneOf
} from "./chunk-XWX6VMOH.js";
import "./chunk-HJECAZCU.js";
import "./chunk-D575EQA4.js";
import "./chunk-UCRDXPYV.js";
import "./chunk-D6O7T53T.js";
import "./chunk-WYQTBIYI.js";
import "./chunk-HVDJ3ZUE.js";
import "./chunk-L5STNJMW.js";
import "./chunk-QHQIOUYT.js";
import "./chunk-ZUNSKBVU.js";
import "./chunk-2JGJ6WIN.js";
import "./chunk-C6BPHTRH.js";
import "./chunk-KNLB5YWZ.js";
import "./chunk-B76MAFEM.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-PT5AC5ZC.js";
import "./chunk-PPHIJ3XX.js";
import "./chunk-7DU3YBTW.js";
export {
  checkCommand,
  oneOf
};
