import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  package_default
} from "./chunk-C7KT5PLB.js";

// src/util/version.ts
var VERSION = package_default.version;

export {
  VERSION
};
