#!/usr/bin/env node
import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  package_default
} from "./chunk-C7KT5PLB.js";
import "./chunk-7DU3YBTW.js";

// src/main/node-version.ts
var REQUIRED_NODE_MAJOR = Number(/(\d+)/.exec(package_default.engines.node)?.[1] ?? 0);
function nodeVersionProblem(version) {
  const major = Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
  if (major >= REQUIRED_NODE_MAJOR) return void 0;
  return `this is Node.js ${version.replace(/^v?/, "v")}; mcp-gate needs Node.js ${package_default.engines.node} (package.json "engines"). Install Node ${REQUIRED_NODE_MAJOR} or newer.`;
}

// src/main/cli.ts
var problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`mcp-gate: ${problem}
`);
  process.exitCode = 2;
} else {
  process.stdout.on("error", (err) => {
    if (err.code !== "EPIPE") process.stderr.write(`mcp-gate: cannot write the output: ${err.message}
`);
    process.exit(err.code === "EPIPE" ? process.exitCode ?? 0 : 2);
  });
  if (!("union" in Set.prototype)) await import("./chunk-AKERIFBM.js");
  const { main } = await import("./chunk-PFNZPNQQ.js");
  main(process.argv.slice(2), {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    env: process.env,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`mcp-gate: internal error: ${err instanceof Error ? err.message : String(err)}
`);
      process.exitCode = 2;
    }
  );
}
