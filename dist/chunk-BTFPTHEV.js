import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-NCVH2LUD.js";

// src/main/args.ts
import { statSync } from "node:fs";
import { resolve } from "node:path";
function oneOf(value, allowed, flag) {
  if (value === void 0) return void 0;
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
  return value;
}
function directoryArg(dir, io) {
  const root = resolve(io.cwd, dir ?? ".");
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${dir ?? "."}: no such directory`);
  return root;
}

export {
  oneOf,
  directoryArg
};
