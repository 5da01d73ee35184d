import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  FORMATS,
  emitReport,
  outputFormat
} from "./chunk-BRTEKENH.js";
import "./chunk-PVVDXCAZ.js";
import {
  directoryArg
} from "./chunk-POZA5NS5.js";
import {
  oneOf,
  parseFlags
} from "./chunk-S53EXTFC.js";
import {
  USAGE
} from "./chunk-3JVBWD4V.js";
import "./chunk-IKYMJRJM.js";
import {
  runGate
} from "./chunk-YKW7JSOZ.js";
import "./chunk-BL2EWJM3.js";
import {
  behaviourCheck
} from "./chunk-3IQIDTOS.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-NZX64G7O.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-NEVJVTZS.js";
import "./chunk-SUVOHOKO.js";
import "./chunk-RL6DG25S.js";
import "./chunk-RJCN6M3C.js";
import "./chunk-BLXERQGE.js";
import "./chunk-C7KT5PLB.js";
import "./chunk-SQCNUDAA.js";
import {
  readConfig
} from "./chunk-357DEUAJ.js";
import "./chunk-ELCXR4WP.js";
import "./chunk-XAOTV5DC.js";
import "./chunk-QFNJ2TLX.js";
import {
  UsageError
} from "./chunk-LAB7SYR4.js";
import "./chunk-K4MPSSIE.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";

// src/main/commands/probe.ts
import { resolve } from "node:path";
var PROBE_OPTIONS = {
  server: { type: "string" },
  config: { type: "string" },
  mode: { type: "string" },
  format: { type: "string" },
  output: { type: "string", short: "o" }
};
var probeCommand = {
  usage: USAGE.probe,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, PROBE_OPTIONS, "probe");
    const [kind, dir, ...extra] = positionals;
    if (kind !== "behaviour") throw new UsageError(`unknown probe ${kind === void 0 ? "(none)" : `"${kind}"`} (expected: behaviour)`);
    if (extra.length > 0) throw new UsageError(`probe behaviour takes one DIR, got: ${positionals.slice(1).join(" ")}`);
    const id = values.server;
    if (!id) throw new UsageError('probe behaviour: --server ID is required (an mcp.servers id, or "endpoint")');
    const mode = oneOf(values.mode, ["warn", "enforce"], "--mode");
    const format = outputFormat(oneOf(values.format, FORMATS, "--format"), values.output, io);
    const root = directoryArg(dir, io);
    const { config, configFile } = readConfig(root, values.config === void 0 ? void 0 : resolve(io.cwd, values.config));
    const entries = config.probes?.behaviour ?? [];
    const live = id === "endpoint" ? config.probes?.endpoint !== void 0 : (config.mcp?.servers ?? []).some((s) => s.id === id && (s.command !== void 0 || s.url !== void 0));
    if (!live && !entries.some((e) => e.server === id)) {
      throw new UsageError(`no live server "${id}" in mcp.servers (command or url)${id === "endpoint" ? " and no probes.endpoint" : ""}`);
    }
    const behaviour = entries.some((e) => e.server === id) ? entries : [...entries, { server: id }];
    const report = await runGate({
      root,
      config: { ...config, probes: { ...config.probes, behaviour } },
      ...configFile !== void 0 ? { configFile } : {},
      ...mode ? { mode } : {},
      checks: [behaviourCheck(id)],
      env: io.env
    });
    return emitReport(report, { format, output: values.output, root }, io);
  }
};
export {
  PROBE_OPTIONS,
  probeCommand
};
