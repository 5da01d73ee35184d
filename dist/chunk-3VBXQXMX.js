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
  runScanner
} from "./chunk-OXVGEM3X.js";
import {
  runGate
} from "./chunk-YKW7JSOZ.js";
import "./chunk-BL2EWJM3.js";
import {
  flagNotes
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
import "./chunk-357DEUAJ.js";
import {
  DEFAULT_CONFIG_FILE
} from "./chunk-ELCXR4WP.js";
import "./chunk-XAOTV5DC.js";
import "./chunk-QFNJ2TLX.js";
import {
  UsageError
} from "./chunk-LAB7SYR4.js";
import "./chunk-K4MPSSIE.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";

// src/main/commands/check.ts
import { relative, resolve } from "node:path";
var CHECK_OPTIONS = {
  config: { type: "string" },
  mode: { type: "string" },
  rollout: { type: "string" },
  format: { type: "string" },
  output: { type: "string", short: "o" },
  "base-ref": { type: "string" },
  "fail-on": { type: "string" }
};
var checkCommand = {
  usage: USAGE.check,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, CHECK_OPTIONS, "check");
    if (positionals.length > 1) throw new UsageError(`check takes one DIR, got ${positionals.length}: ${positionals.join(" ")}`);
    const mode = oneOf(values.mode, ["warn", "enforce"], "--mode");
    const rolloutText = oneOf(values.rollout, ["1", "2", "3"], "--rollout");
    const failOn = oneOf(values["fail-on"], ["all", "new"], "--fail-on");
    const format = outputFormat(oneOf(values.format, FORMATS, "--format"), values.output, io);
    const root = directoryArg(positionals[0], io);
    const flags = { ...mode ? { mode } : {}, ...rolloutText ? { rollout: Number(rolloutText) } : {}, ...failOn ? { failOn } : {} };
    const configFile = values.config !== void 0 ? resolve(io.cwd, values.config) : void 0;
    const baseRef = values["base-ref"];
    let applied = {};
    const report = await runGate({
      root,
      ...configFile !== void 0 ? { configFile } : {},
      ...flags,
      ...baseRef ? { baseRef } : {},
      env: (config) => {
        applied = config;
        return io.env;
      },
      runScanner
    });
    const name = `${configFile ? relative(root, configFile) || configFile : DEFAULT_CONFIG_FILE}${baseRef ? ` at ${baseRef}` : ""}`;
    for (const note of flagNotes(applied, flags, name)) io.stderr(`mcp-gate: ${note}
`);
    return emitReport(report, { format, output: values.output, root }, io);
  }
};
export {
  CHECK_OPTIONS,
  checkCommand
};
