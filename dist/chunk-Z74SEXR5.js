import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  checkCommand,
  oneOf
} from "./chunk-HDJDE2NZ.js";
import "./chunk-HJECAZCU.js";
import "./chunk-YTVW5JOF.js";
import "./chunk-HSMIJFN6.js";
import "./chunk-ROUARLWU.js";
import "./chunk-IBOJTPYK.js";
import "./chunk-HV7LNPFH.js";
import "./chunk-L5STNJMW.js";
import "./chunk-BZL6NXF3.js";
import "./chunk-PWEWOKW3.js";
import "./chunk-HI232FWO.js";
import "./chunk-MOZBHLM4.js";
import "./chunk-KNLB5YWZ.js";
import "./chunk-NV7OCAHO.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-POP5MWQD.js";
import "./chunk-PPHIJ3XX.js";
import "./chunk-7DU3YBTW.js";
export {
  checkCommand,
  oneOf
};
