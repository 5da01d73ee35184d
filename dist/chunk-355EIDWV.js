import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  renderText
} from "./chunk-P3PCNTF5.js";
import {
  oneOf
} from "./chunk-3WY4FX2R.js";
import {
  directoryArg
} from "./chunk-2ZDTGKYM.js";
import {
  USAGE
} from "./chunk-QXHT732P.js";
import {
  renderJson,
  renderJsonChunks,
  renderMarkdown,
  renderSarif
} from "./chunk-JJUM3Y42.js";
import {
  runGate,
  runScanner
} from "./chunk-5XP3QRER.js";
import "./chunk-RQDQITCC.js";
import "./chunk-TUNKSRKY.js";
import {
  exitCodeFor
} from "./chunk-PF6CQRCA.js";
import "./chunk-IWBTSH6C.js";
import "./chunk-36IMKBUN.js";
import {
  writeFileAtomic
} from "./chunk-7VLSCK5A.js";
import "./chunk-PRI4NSAJ.js";
import "./chunk-OFTYJBCH.js";
import "./chunk-2MQRAJRN.js";
import "./chunk-RA2GW6FW.js";
import {
  UsageError
} from "./chunk-NCVH2LUD.js";
import "./chunk-7PN4WKJM.js";
import "./chunk-T2RVKME7.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-OWTEQC3U.js";
import "./chunk-RL6DG25S.js";
import "./chunk-OWMEW5IV.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-HAISQJ5Y.js";
import "./chunk-7DU3YBTW.js";

// src/main/commands/check.ts
import { resolve } from "node:path";
import { parseArgs } from "node:util";

// src/reporters/index.ts
var FORMATS = ["text", "json", "sarif", "markdown"];
function render(report, format, opts = {}) {
  switch (format) {
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report);
    case "markdown":
      return renderMarkdown(report);
    default:
      return renderText(report, opts.color === true);
  }
}
function renderPieces(report, format, opts = {}) {
  return format === "json" ? renderJsonChunks(report) : [render(report, format, opts)];
}

// src/main/commands/check.ts
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
        "base-ref": { type: "string" }
      }
    });
    if (positionals.length > 1) throw new UsageError(`check takes one DIR, got ${positionals.length}: ${positionals.join(" ")}`);
    const mode = oneOf(values.mode, ["warn", "enforce"], "--mode");
    const rolloutText = oneOf(values.rollout, ["1", "2", "3"], "--rollout");
    const format = oneOf(values.format, FORMATS, "--format");
    const root = directoryArg(positionals[0], io);
    const report = await runGate({
      root,
      ...values.config !== void 0 ? { configFile: resolve(io.cwd, values.config) } : {},
      ...mode ? { mode } : {},
      ...rolloutText ? { rollout: Number(rolloutText) } : {},
      ...values["base-ref"] ? { baseRef: values["base-ref"] } : {},
      env: io.env,
      runScanner
    });
    const color = !values.output && io.isTTY && !io.env.NO_COLOR;
    if (values.output) {
      writeFileAtomic(resolve(io.cwd, values.output), renderPieces(report, format, { color, root }));
      io.stderr(`mcp-gate: ${report.decision} (${report.summary.block} block, ${report.summary.warning} warning, ${report.summary.overridden} overridden); report written to ${values.output}
`);
    } else io.stdout(render(report, format, { color, root }));
    return exitCodeFor(report.decision);
  }
};
export {
  checkCommand
};
