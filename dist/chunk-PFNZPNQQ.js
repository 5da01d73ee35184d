import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  HELP,
  OVERRIDE_HELP,
  USAGE
} from "./chunk-3JVBWD4V.js";
import {
  VERSION
} from "./chunk-BLXERQGE.js";
import "./chunk-C7KT5PLB.js";
import {
  UsageError,
  didYouMean
} from "./chunk-LAB7SYR4.js";
import "./chunk-7DU3YBTW.js";

// src/main/commands/index.ts
var COMMANDS = {
  check: { usage: USAGE.check, load: async () => (await import("./chunk-3VBXQXMX.js")).checkCommand },
  rules: { usage: USAGE.rules, load: async () => (await import("./chunk-VIZAFUVW.js")).rulesCommand },
  manifest: { usage: USAGE.manifest, load: async () => (await import("./chunk-T3IRMVW2.js")).manifestCommand },
  probe: { usage: USAGE.probe, load: async () => (await import("./chunk-LJS3KOTN.js")).probeCommand },
  alerts: { usage: USAGE.alerts, load: async () => (await import("./chunk-KZGSKT5T.js")).alertsCommand },
  override: { usage: USAGE.override, load: async () => (await import("./chunk-G4OYYZQI.js")).overrideCommand }
};

// src/main/run-cli.ts
var USAGE2 = `mcp-gate ${VERSION} \u2014 pre-deployment security gate for MCP server deployments

Usage:
${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join("\n")}

"mcp-gate COMMAND --help" explains a command and each of its options.
Exit codes: 0 nothing blocks, 1 blocked, 2 the gate could not run as asked.
Run "mcp-gate rules" for the rule catalog.`;
async function main(argv, io) {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    const message = errorMessage(err, io.env);
    io.stderr(err instanceof UsageError ? `${message.split("\n").map((line) => `mcp-gate: ${line}`).join("\n")}
` : `mcp-gate: ${message}
`);
    return 2;
  }
}
async function dispatch(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout(`${USAGE2}
`);
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version" || name === "-V") {
    io.stdout(`${VERSION}
`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : void 0;
  if (!command) {
    const hint = didYouMean(name, Object.keys(COMMANDS));
    throw new UsageError(`unknown command "${name}"${hint ? ` (did you mean "${hint}"?)` : ""}; commands: ${Object.keys(COMMANDS).join(", ")}`);
  }
  const flags = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (flags.includes("--help") || flags.includes("-h")) {
    io.stdout(`Usage: ${helpOf(name, rest[0])}
`);
    return 0;
  }
  return (await command.load()).run(rest, io);
}
function helpOf(command, sub) {
  if (command === "override" && sub !== void 0 && Object.hasOwn(OVERRIDE_HELP, sub)) return OVERRIDE_HELP[sub];
  return HELP[command];
}
function errorMessage(err, env) {
  if (err instanceof UsageError) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  return `internal error: ${msg}${env.MCP_GATE_DEBUG ? `
${err?.stack}` : " (set MCP_GATE_DEBUG=1 for details)"}`;
}
export {
  main
};
