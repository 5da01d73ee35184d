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
  runScanner
} from "./chunk-OXVGEM3X.js";
import {
  runGate
} from "./chunk-T6WN2CHN.js";
import "./chunk-47KNJ7RI.js";
import "./chunk-K2ONDIKV.js";
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
import "./chunk-OPDB72IL.js";
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

// src/main/commands/check.ts
import { resolve } from "node:path";
import { parseArgs } from "node:util";
var checkCommand = {
  usage: USAGE.check,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        config: { type: "string" },
        mode: { type: "string" },
        rollout: { type: "string" },
        format: { type: "string", default: "text" },
        output: { type: "string", short: "o" },
        "base-ref": { type: "string" },
        "fail-on": { type: "string" }
      }
    });
    if (positionals.length > 1) throw new UsageError(`check takes one DIR, got ${positionals.length}: ${positionals.join(" ")}`);
    const mode = oneOf(values.mode, ["warn", "enforce"], "--mode");
    const rolloutText = oneOf(values.rollout, ["1", "2", "3"], "--rollout");
    const format = oneOf(values.format, FORMATS, "--format");
    const failOn = oneOf(values["fail-on"], ["all", "new"], "--fail-on");
    const root = directoryArg(positionals[0], io);
    const report = await runGate({
      root,
      ...values.config !== void 0 ? { configFile: resolve(io.cwd, values.config) } : {},
      ...mode ? { mode } : {},
      ...rolloutText ? { rollout: Number(rolloutText) } : {},
      ...values["base-ref"] ? { baseRef: values["base-ref"] } : {},
      ...failOn ? { failOn } : {},
      env: io.env,
      runScanner
    });
    return emitReport(report, { format, output: values.output, root }, io);
  }
};
export {
  checkCommand
};
