import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  checkCommand,
  oneOf
} from "./chunk-WMWPBA63.js";
import "./chunk-QXHT732P.js";
import "./chunk-NR2MLVLU.js";
import "./chunk-6UJEEJCJ.js";
import "./chunk-QDOWDREX.js";
import "./chunk-MJ6FTEKD.js";
import "./chunk-DOCCH4DD.js";
import "./chunk-632HPFIG.js";
import "./chunk-3VMLTOBS.js";
import "./chunk-UC7JH2YC.js";
import "./chunk-B7YCL4KC.js";
import "./chunk-5VFIXKI4.js";
import "./chunk-D7TF2GDY.js";
import "./chunk-XB5LMK5I.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-QLZP63XJ.js";
import "./chunk-NCVH2LUD.js";
import "./chunk-7DU3YBTW.js";
export {
  checkCommand,
  oneOf
};
