import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  checkCommand,
  oneOf
} from "./chunk-QWQGMFIS.js";
import "./chunk-HJECAZCU.js";
import "./chunk-5JJX4SRN.js";
import "./chunk-HU6DAJGX.js";
import "./chunk-FM5IXLEJ.js";
import "./chunk-KL52SZHC.js";
import "./chunk-27ZWC7JL.js";
import "./chunk-L5STNJMW.js";
import "./chunk-QHQIOUYT.js";
import "./chunk-ON3BZVUA.js";
import "./chunk-YE2GYCX6.js";
import "./chunk-35D22KSK.js";
import "./chunk-KNLB5YWZ.js";
import "./chunk-7JW4BNH6.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-PT5AC5ZC.js";
import "./chunk-PPHIJ3XX.js";
import "./chunk-7DU3YBTW.js";
export {
  checkCommand,
  oneOf
};
