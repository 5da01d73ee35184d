import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  USAGE
} from "./chunk-NHIOUD2A.js";
import {
  VERSION
} from "./chunk-PRI4NSAJ.js";
import "./chunk-OFTYJBCH.js";
import {
  UsageError
} from "./chunk-NCVH2LUD.js";
import "./chunk-7DU3YBTW.js";

// src/main/commands/index.ts
var COMMANDS = {
  check: { usage: USAGE.check, load: async () => (await import("./chunk-GU2G6FTA.js")).checkCommand },
  rules: { usage: USAGE.rules, load: async () => (await import("./chunk-SKMNJAHV.js")).rulesCommand },
  manifest: { usage: USAGE.manifest, load: async () => (await import("./chunk-2GBS6BC5.js")).manifestCommand },
  probe: { usage: USAGE.probe, load: async () => (await import("./chunk-TK4ZEZ5K.js")).probeCommand },
  alerts: { usage: USAGE.alerts, load: async () => (await import("./chunk-WBMJ3FBB.js")).alertsCommand },
  override: { usage: USAGE.override, load: async () => (await import("./chunk-6Y4FJAGQ.js")).overrideCommand }
};

// src/main/run-cli.ts
var USAGE2 = `mcp-gate ${VERSION} \u2014 pre-deployment security gate for MCP server deployments

Usage:
${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join("\n")}

Options of check:
  --config FILE       config file (default: DIR/.mcp-gate.yml when present)
  --mode warn|enforce
  --rollout 1|2|3     1: report only; 2: only the three critical rules block; 3: every BLOCK rule blocks
  --format text|json|sarif|markdown   (default text)
  --output FILE       write the report to FILE (atomically) instead of stdout
  --base-ref REF      the base revision: its config's policy and trusted signers apply, and its
                      tree is judged too, so each finding is marked new or existing
  --fail-on all|new   with --base-ref: new blocks only on findings the change introduced
                      (default: the config's failOn, else all)

Exit codes: 0 nothing blocks, 1 blocked, 2 the gate could not run as asked.
Run "mcp-gate rules" for the rule catalog.`;
async function main(argv, io) {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    io.stderr(`mcp-gate: ${errorMessage(err, io.env)}
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
  if (!command) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")})`);
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`Usage: ${command.usage}

${USAGE2.split("\n\n").slice(2).join("\n\n")}
`);
    return 0;
  }
  return (await command.load()).run(rest, io);
}
function errorMessage(err, env) {
  if (err instanceof UsageError) return err.message;
  if (err instanceof Error && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS")) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  return `internal error: ${msg}${env.MCP_GATE_DEBUG ? `
${err?.stack}` : " (set MCP_GATE_DEBUG=1 for details)"}`;
}
export {
  main
};
