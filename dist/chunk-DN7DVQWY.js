import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  checkCommand,
  oneOf
} from "./chunk-5PBCCGRV.js";
import "./chunk-HJECAZCU.js";
import "./chunk-WP7FRHYT.js";
import "./chunk-NKGDAG6W.js";
import "./chunk-ZFCHJ2LA.js";
import "./chunk-MW3PGZVX.js";
import "./chunk-A32EB4YG.js";
import "./chunk-L5STNJMW.js";
import "./chunk-QHQIOUYT.js";
import "./chunk-N7C5EPZ6.js";
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
