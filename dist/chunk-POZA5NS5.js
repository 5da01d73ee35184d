import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  DEFAULT_CONFIG_FILE
} from "./chunk-ELCXR4WP.js";
import {
  UsageError
} from "./chunk-LAB7SYR4.js";

// src/main/directory.ts
import { existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
function directoryArg(dir, io) {
  const root = resolve(io.cwd, dir ?? ".");
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${dir ?? "."}: no such directory`);
  const repo = repositoryRoot(root);
  if (repo === void 0 || repo === root) return root;
  if (dir === void 0) {
    io.stderr(`mcp-gate: reviewing the repository root ${repo} (the working directory is inside it; pass a DIR to review only part of it)
`);
    return repo;
  }
  if (!existsSync(join(root, DEFAULT_CONFIG_FILE)) && existsSync(join(repo, DEFAULT_CONFIG_FILE)))
    io.stderr(
      `mcp-gate: ${dir} has no ${DEFAULT_CONFIG_FILE}, so the defaults apply to it, not ${relative(io.cwd, join(repo, DEFAULT_CONFIG_FILE)) || DEFAULT_CONFIG_FILE} of its repository (review the repository root, or pass --config)
`
    );
  return root;
}
function repositoryRoot(dir) {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, ".git"))) return d;
    if (dirname(d) === d) return void 0;
  }
}

export {
  directoryArg
};
