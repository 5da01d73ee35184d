import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  FORMATS,
  emitReport,
  outputFormat
} from "./chunk-WKXFXIFD.js";
import "./chunk-HBQI7AJB.js";
import {
  directoryArg
} from "./chunk-5GLAUDZZ.js";
import {
  oneOf,
  parseFlags
} from "./chunk-S53EXTFC.js";
import {
  USAGE
} from "./chunk-3JVBWD4V.js";
import "./chunk-RW2DQR6H.js";
import {
  runScanner
} from "./chunk-OXVGEM3X.js";
import {
  protectPolicy,
  runGate
} from "./chunk-ORGOXLHU.js";
import "./chunk-TIKVMUGU.js";
import {
  flagNotes
} from "./chunk-UMUOZDG6.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-NBOWROBP.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-TSA6GFL5.js";
import "./chunk-NNDE2F4S.js";
import "./chunk-RL6DG25S.js";
import "./chunk-RJCN6M3C.js";
import "./chunk-BLXERQGE.js";
import "./chunk-C7KT5PLB.js";
import "./chunk-JXATR37U.js";
import {
  readConfig
} from "./chunk-IMIZNQEL.js";
import {
  DEFAULT_CONFIG_FILE
} from "./chunk-KWR6CBRW.js";
import "./chunk-2XMBYIBN.js";
import "./chunk-QFNJ2TLX.js";
import {
  UsageError
} from "./chunk-LAB7SYR4.js";
import "./chunk-K4MPSSIE.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";

// src/main/commands/check.ts
import { isAbsolute, resolve } from "node:path";
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
    const report = await runGate({
      root,
      ...configFile !== void 0 ? { configFile } : {},
      ...flags,
      ...values["base-ref"] ? { baseRef: values["base-ref"] } : {},
      env: io.env,
      runScanner
    });
    for (const note of await policyNotes(root, configFile, values["base-ref"], flags)) io.stderr(`mcp-gate: ${note}
`);
    return emitReport(report, { format, output: values.output, root }, io);
  }
};
async function policyNotes(root, configFile, baseRef, flags) {
  if (flags.mode === void 0 && flags.rollout === void 0) return [];
  const loaded = readConfig(root, configFile);
  const name = loaded.configFile ?? DEFAULT_CONFIG_FILE;
  if (baseRef !== void 0 && !isAbsolute(name)) {
    const base = await protectPolicy(root, baseRef, name, loaded.config);
    return flagNotes(base.config, flags, `${name} at ${baseRef}`);
  }
  return flagNotes(loaded.config, flags, name);
}
export {
  CHECK_OPTIONS,
  checkCommand
};
