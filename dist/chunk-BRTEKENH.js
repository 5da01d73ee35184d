import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  renderText
} from "./chunk-PVVDXCAZ.js";
import {
  renderJson,
  renderJsonChunks,
  renderMarkdown,
  renderSarif
} from "./chunk-IKYMJRJM.js";
import {
  countsText
} from "./chunk-YKW7JSOZ.js";
import {
  exitCodeFor
} from "./chunk-3IQIDTOS.js";
import {
  writeFileAtomic
} from "./chunk-SUVOHOKO.js";

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
import { extname, resolve } from "node:path";
var EXTENSION_FORMATS = { ".json": "json", ".sarif": "sarif", ".md": "markdown", ".markdown": "markdown" };
function outputFormat(explicit, output, io) {
  const inferred = output === void 0 ? void 0 : EXTENSION_FORMATS[extname(output).toLowerCase()];
  if (explicit === void 0) return inferred ?? "text";
  if (inferred !== void 0 && inferred !== explicit) io.stderr(`mcp-gate: --format ${explicit} wins over the ${extname(output)} extension of ${output}
`);
  return explicit;
}
function emitReport(report, opts, io) {
  const color = !opts.output && io.isTTY && !io.env.NO_COLOR;
  if (opts.output) {
    writeFileAtomic(resolve(io.cwd, opts.output), renderPieces(report, opts.format, { color, root: opts.root }));
    io.stderr(`mcp-gate: ${report.decision}: ${countsText(report)}; ${opts.format} report written to ${opts.output}
`);
  } else io.stdout(render(report, opts.format, { color, root: opts.root }));
  return exitCodeFor(report.decision);
}

export {
  FORMATS,
  outputFormat,
  emitReport
};
