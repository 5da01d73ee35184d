import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-NCVH2LUD.js";

// src/main/args.ts
function oneOf(value, allowed, flag) {
  if (value === void 0) return void 0;
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
  return value;
}

export {
  oneOf
};
