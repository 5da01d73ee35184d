import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  renderText
} from "./chunk-ZUHXMN4B.js";
import {
  renderJson,
  renderJsonChunks,
  renderMarkdown,
  renderSarif
} from "./chunk-YEPENRWG.js";
import {
  exitCodeFor
} from "./chunk-K2ONDIKV.js";
import {
  writeFileAtomic
} from "./chunk-5VWST4G2.js";

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

// src/main/commands/report-output.ts
import { resolve } from "node:path";
function emitReport(report, opts, io) {
  const color = !opts.output && io.isTTY && !io.env.NO_COLOR;
  if (opts.output) {
    writeFileAtomic(resolve(io.cwd, opts.output), renderPieces(report, opts.format, { color, root: opts.root }));
    io.stderr(
      `mcp-gate: ${report.decision} (${report.summary.block} block, ${report.summary.warning} warning, ${report.summary.overridden} overridden); report written to ${opts.output}
`
    );
  } else io.stdout(render(report, opts.format, { color, root: opts.root }));
  return exitCodeFor(report.decision);
}

export {
  FORMATS,
  emitReport
};
