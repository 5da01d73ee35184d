import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  FORMATS,
  emitReport
} from "./chunk-SVCG66OT.js";
import "./chunk-ZUHXMN4B.js";
import {
  oneOf
} from "./chunk-3WY4FX2R.js";
import {
  directoryArg
} from "./chunk-CXNZOHEU.js";
import {
  USAGE
} from "./chunk-NHIOUD2A.js";
import "./chunk-YEPENRWG.js";
import {
  runGate
} from "./chunk-T6WN2CHN.js";
import "./chunk-47KNJ7RI.js";
import {
  behaviourCheck
} from "./chunk-K2ONDIKV.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-YI42H3DU.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-NGJVHCJB.js";
import "./chunk-5VWST4G2.js";
import "./chunk-RL6DG25S.js";
import "./chunk-RJCN6M3C.js";
import "./chunk-PRI4NSAJ.js";
import "./chunk-OFTYJBCH.js";
import "./chunk-EBL7CXF3.js";
import {
  readConfig
} from "./chunk-OPDB72IL.js";
import "./chunk-T2RVKME7.js";
import "./chunk-LODCHWH7.js";
import "./chunk-J2SQ3CCH.js";
import "./chunk-DFKO45XE.js";
import {
  UsageError
} from "./chunk-NCVH2LUD.js";
import "./chunk-54HURLNQ.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";

// src/main/commands/probe.ts
import { resolve } from "node:path";
import { parseArgs } from "node:util";
var probeCommand = {
  usage: USAGE.probe,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        server: { type: "string" },
        config: { type: "string" },
        mode: { type: "string" },
        format: { type: "string", default: "text" },
        output: { type: "string", short: "o" }
      }
    });
    const [kind, dir, ...extra] = positionals;
    if (kind !== "behaviour") throw new UsageError(`unknown probe ${kind === void 0 ? "(none)" : `"${kind}"`} (expected: behaviour)`);
    if (extra.length > 0) throw new UsageError(`probe behaviour takes one DIR, got: ${positionals.slice(1).join(" ")}`);
    const id = values.server;
    if (!id) throw new UsageError('probe behaviour: --server ID is required (an mcp.servers id, or "endpoint")');
    const mode = oneOf(values.mode, ["warn", "enforce"], "--mode");
    const format = oneOf(values.format, FORMATS, "--format");
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
  probeCommand
};
