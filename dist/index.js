import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  require_tunnel,
  require_undici
} from "./chunk-ZR2AS7X5.js";
import {
  renderJsonChunks,
  renderMarkdown,
  renderSarif
} from "./chunk-IKYMJRJM.js";
import {
  runScanner
} from "./chunk-OXVGEM3X.js";
import {
  countsText,
  runGate
} from "./chunk-YKW7JSOZ.js";
import {
  formatLocation
} from "./chunk-BL2EWJM3.js";
import "./chunk-3IQIDTOS.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-NZX64G7O.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-NEVJVTZS.js";
import {
  writeFileAtomic
} from "./chunk-SUVOHOKO.js";
import {
  execFileSafe
} from "./chunk-RL6DG25S.js";
import "./chunk-RJCN6M3C.js";
import "./chunk-BLXERQGE.js";
import "./chunk-C7KT5PLB.js";
import "./chunk-SQCNUDAA.js";
import {
  readConfig
} from "./chunk-357DEUAJ.js";
import {
  configSchema
} from "./chunk-ELCXR4WP.js";
import "./chunk-XAOTV5DC.js";
import "./chunk-QFNJ2TLX.js";
import {
  UsageError
} from "./chunk-LAB7SYR4.js";
import "./chunk-K4MPSSIE.js";
import {
  ZodObject,
  ZodOptional
} from "./chunk-W4AQ4HPL.js";
import {
  __toESM
} from "./chunk-7DU3YBTW.js";

// src/main/action.ts
import { writeFileSync } from "node:fs";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel(), 1);
var import_undici = __toESM(require_undici(), 1);
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// src/reporters/annotations.ts
var ANNOTATION_LIMIT = 10;
function annotationsFor(report, slots = { error: ANNOTATION_LIMIT, warning: ANNOTATION_LIMIT }) {
  const rank = (f) => (f.blocking ? 0 : 2) + (f.new === false ? 1 : 0);
  const open2 = report.findings.filter((f) => f.status === "open").sort((a, b) => rank(a) - rank(b));
  const errors = open2.filter((f) => f.severity === "block");
  const warnings = open2.filter((f) => f.severity === "warning");
  const errorSlots = Math.max(0, slots.error);
  const warningSlots = Math.max(0, slots.warning);
  const pick = (list, level) => list.slice(0, level === "error" ? errorSlots : warningSlots).map((f) => ({
    level,
    title: `${f.blocking ? "BLOCK" : f.severity === "block" ? "BLOCK (not enforced)" : "WARNING"} ${f.ruleId}`,
    message: `${f.message}${f.location.file ? "" : ` ${formatLocation(f.location)}`}
Fix: ${f.remediation}`,
    ...f.location.file ? { file: f.location.file } : {},
    ...f.location.line ? { startLine: f.location.line } : {}
  }));
  const out = [...pick(errors, "error"), ...pick(warnings, "warning")];
  const rest = Math.max(0, errors.length - errorSlots) + Math.max(0, warnings.length - warningSlots);
  if (rest > 0)
    out.push({
      level: "notice",
      title: "mcp-gate: more findings",
      message: `${rest} more findings are not annotated (GitHub shows ${ANNOTATION_LIMIT} errors and ${ANNOTATION_LIMIT} warnings per step); see the job summary or the SARIF/JSON report.`
    });
  return out;
}

// src/main/github/comment.ts
var COMMENT_MARKER = "<!-- mcp-gate:sticky-comment -->";
var COMMENT_LIMIT = 65e3;
function commentBody(report, links) {
  if (report.findings.length === 0)
    return `${COMMENT_MARKER}
## \u2705 mcp-gate: all clear

No findings on the latest run (${report.checks.length} checks ran).
`;
  return renderMarkdown(report, { limit: COMMENT_LIMIT, marker: COMMENT_MARKER, ...links ? { links } : {} });
}
async function upsertComment(api, report, opts = {}) {
  const body = commentBody(report, opts.links);
  let existing;
  for (let page = 1; page <= 20 && !existing; page++) {
    const batch = await api.list(page);
    existing = batch.find((c) => c.body?.includes(COMMENT_MARKER));
    if (batch.length < 100) break;
  }
  if (!existing) {
    if (report.findings.length === 0 || opts.create === false) return "skipped";
    await api.create(body);
    return "created";
  }
  if (existing.body === body) return "unchanged";
  await api.update(existing.id, body);
  return "updated";
}

// src/main/github/event.ts
import { readFileSync } from "node:fs";
function readEvent(env) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return { name, fromFork: false, problem: "GITHUB_EVENT_PATH is not set (running outside GitHub Actions?)" };
  let payload;
  try {
    payload = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    return { name, fromFork: false, problem: `cannot read the event payload ${path}: ${err.message}` };
  }
  return eventInfo(name, payload);
}
var SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
function eventInfo(name, payload) {
  const p = obj(payload);
  const pr = obj(p.pull_request);
  const mg = obj(p.merge_group);
  const baseSha = str(obj(pr.base).sha) ?? str(mg.base_sha);
  const headSha = str(obj(pr.head).sha) ?? str(mg.head_sha);
  const pullNumber = typeof pr.number === "number" ? pr.number : void 0;
  const headRepo = str(obj(obj(pr.head).repo).full_name);
  const baseRepo = str(obj(obj(pr.base).repo).full_name);
  return {
    name,
    ...baseSha && SHA.test(baseSha) ? { baseSha } : {},
    ...headSha && SHA.test(headSha) ? { headSha } : {},
    ...pullNumber ? { pullNumber } : {},
    fromFork: headRepo !== void 0 && baseRepo !== void 0 && headRepo !== baseRepo
  };
}
function obj(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : {};
}
function str(v) {
  return typeof v === "string" && v !== "" ? v : void 0;
}

// src/main/action.ts
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// src/main/action-inputs.ts
function commentWhen(input) {
  const value = input.trim().toLowerCase();
  if (value === "" || value === "true" || value === "always") return "always";
  if (value === "false" || value === "never") return "never";
  if (value === "on-failure") return "on-failure";
  throw new UsageError(`input "comment" must be always, on-failure or never (true and false still mean always and never), got "${input}"`);
}
function skipPathsOf(input) {
  const out = [];
  let depth = 0;
  let current = "";
  for (const ch of input) {
    if (ch === "{") depth++;
    else if (ch === "}") depth = Math.max(0, depth - 1);
    if (ch === "\n" || ch === "\r" || ch === "," && depth === 0) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out.map((g) => g.trim()).filter((g) => g !== "");
}
var EXCLUSION_KEYS = Object.entries(configSchema.shape).flatMap(([section, schema]) => {
  const inner = schema instanceof ZodOptional ? schema.unwrap() : schema;
  return inner instanceof ZodObject && "exclude" in inner.shape ? [`${section}.exclude`] : [];
});
function withSkipPaths(config, globs) {
  if (globs.length === 0) return config;
  const out = { ...config };
  for (const key of EXCLUSION_KEYS) {
    const section = key.split(".")[0];
    const current = out[section] ?? {};
    out[section] = { ...current, exclude: [...current.exclude ?? [], ...globs.filter((g) => !current.exclude?.includes(g))] };
  }
  return out;
}

// src/main/action.ts
var CHANGE_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target", "merge_group"]);
var COMMENT_TIMEOUT_MS = Number(process.env.MCP_GATE_GITHUB_TIMEOUT_MS) || 3e4;
async function run() {
  const event = readEvent(process.env);
  if (event.problem) notice(`mcp-gate: ${event.problem}; trust roots come from --base-ref only.`);
  const root = getInput("path") || ".";
  const configInput = getInput("config");
  const mode = optional(getInput("mode"), ["warn", "enforce"], "mode");
  const rollout = optional(getInput("rollout"), ["1", "2", "3"], "rollout");
  const failOn = optional(getInput("fail-on"), ["all", "new"], "fail-on");
  const baseRef = getInput("base-ref") || event.baseSha;
  const commentMode = commentWhen(getInput("comment"));
  const skipPaths = skipPathsOf(getInput("skip-paths"));
  const baseUnavailable = !baseRef && CHANGE_EVENTS.has(event.name) ? `the ${event.name} event names no usable base revision (${event.problem ?? "no base sha in its payload"})` : void 0;
  if (baseRef) await ensureRevision(root, baseRef);
  const secretEnv = (config) => {
    const env = { ...process.env };
    const secretInputs = [
      ["endpoint-token", config.probes?.endpoint?.tokenEnv],
      ["siem-token", config.probes?.siem?.tokenEnv],
      ["kubeconfig", config.probes?.cluster?.kubeconfigEnv]
    ];
    for (const probe of config.probes?.behaviour ?? [])
      for (const canary of probe.canaries ?? []) {
        const value = env[canary.valueEnv];
        if (value) setSecret(value);
      }
    for (const [input, envName] of secretInputs) {
      const value = getInput(input);
      if (!value) continue;
      setSecret(value);
      if (envName) env[envName] = value;
      else warn(`mcp-gate: input "${input}" is set but the config names no environment variable for it; it is ignored.`);
    }
    return env;
  };
  const report = await runGate({
    root,
    // Named explicitly, the file must exist (readConfig refuses a missing one): never a silent fallback to defaults.
    ...configOptions(root, configInput, skipPaths),
    ...mode ? { mode } : {},
    ...rollout ? { rollout: Number(rollout) } : {},
    ...failOn ? { failOn } : {},
    ...baseRef ? { baseRef } : {},
    ...baseUnavailable ? { baseUnavailable } : {},
    env: secretEnv,
    runScanner
  });
  const outDir = process.env.RUNNER_TEMP ?? tmpdir();
  const sarifFile = getInput("sarif-file") || join(outDir, "mcp-gate.sarif");
  const jsonFile = getInput("json-file") || join(outDir, "mcp-gate.json");
  writeFileSync(sarifFile, renderSarif(report));
  writeFileAtomic(jsonFile, renderJsonChunks(report));
  const blocked = report.decision === "block";
  for (const a of annotationsFor(report, { error: ANNOTATION_LIMIT - (blocked ? 1 : 0), warning: budget.warnings - 1 })) {
    const props = { title: a.title, ...a.file ? { file: a.file } : {}, ...a.startLine ? { startLine: a.startLine } : {} };
    if (a.level === "error") error(a.message, props);
    else if (a.level === "warning") warn(a.message, props);
    else notice(a.message, props);
  }
  setOutput("decision", report.decision);
  setOutput("blocked", String(report.decision === "block"));
  setOutput("block-count", String(report.summary.block));
  setOutput("warning-count", String(report.summary.warning));
  setOutput("overridden-count", String(report.summary.overridden));
  setOutput("new-block-count", String(report.baseline?.new.block ?? report.summary.block));
  setOutput("new-warning-count", String(report.baseline?.new.warning ?? report.summary.warning));
  setOutput("sarif-file", sarifFile);
  setOutput("json-file", jsonFile);
  const headSha = event.headSha ?? process.env.GITHUB_SHA;
  const links = headSha ? { serverUrl: process.env.GITHUB_SERVER_URL ?? "https://github.com", repository: process.env.GITHUB_REPOSITORY ?? "", sha: headSha } : void 0;
  await writeSummary(report, links);
  await comment(report, event.pullNumber, commentMode, links);
  if (blocked)
    setFailed(`mcp-gate: ${countsText(report)} (mode ${report.mode}, rollout ${report.rollout}${report.baseline && !report.baseline.error ? `, fail on ${report.baseline.failOn}` : ""}).`);
}
async function writeSummary(report, links) {
  const markdown = renderMarkdown(report, links ? { links } : {});
  if (!process.env.GITHUB_STEP_SUMMARY) {
    info(markdown);
    return;
  }
  try {
    await summary.addRaw(markdown).write();
  } catch (err) {
    warn(`mcp-gate: could not write the job summary: ${err.message}`);
  }
}
async function comment(report, pullNumber, when, links) {
  const token = getInput("github-token");
  if (when === "never" || pullNumber === void 0 || !token) return;
  const repo = (process.env.GITHUB_REPOSITORY ?? "").split("/");
  if (repo.length !== 2) return;
  const [owner, name] = repo;
  const { getOctokit } = await import("./chunk-A4UT7LDU.js");
  const octokit = getOctokit(token);
  const signal = AbortSignal.timeout(COMMENT_TIMEOUT_MS);
  const request = { signal };
  const api = {
    list: async (page) => (await octokit.rest.issues.listComments({ owner, repo: name, issue_number: pullNumber, per_page: 100, page, request })).data,
    create: async (body) => {
      await octokit.rest.issues.createComment({ owner, repo: name, issue_number: pullNumber, body, request });
    },
    update: async (id, body) => {
      await octokit.rest.issues.updateComment({ owner, repo: name, comment_id: id, body, request });
    }
  };
  try {
    const outcome = await Promise.race([
      // on-failure: a new comment only when blocked; an existing one is always brought up to date (a fixed PR must not keep a stale "blocked").
      upsertComment(api, report, { create: when === "always" || report.decision === "block", ...links ? { links } : {} }),
      new Promise((_, reject) => {
        signal.addEventListener("abort", () => reject(new Error(`no answer from the GitHub API within ${COMMENT_TIMEOUT_MS / 1e3} s`)), { once: true });
      })
    ]);
    info(`mcp-gate: PR comment ${outcome}`);
  } catch (err) {
    const status = err.status;
    if (status === 403 || status === 401 || status === 404)
      notice(
        `mcp-gate: cannot comment on the pull request (HTTP ${status}); the findings are in the job summary and annotations. Grant "pull-requests: write" to the job (fork PRs never get it).`
      );
    else warn(`mcp-gate: PR comment failed: ${err.message}`);
  }
}
function configOptions(root, configInput, skipPaths) {
  if (skipPaths.length === 0) return configInput ? { configFile: configInput } : {};
  const loaded = readConfig(resolve(root), configInput || void 0);
  notice(`mcp-gate: skip-paths ${skipPaths.join(", ")} added to ${EXCLUSION_KEYS.join(" and ")}: the files they match are not reviewed.`);
  return { config: withSkipPaths(loaded.config, skipPaths), ...loaded.configFile ? { configFile: loaded.configFile } : {} };
}
async function ensureRevision(root, ref) {
  const opts = { cwd: root, reject: false, timeout: 3e4, env: { GIT_TERMINAL_PROMPT: "0" } };
  const present = await execFileSafe("git", ["cat-file", "-e", "--end-of-options", `${ref}^{commit}`], opts);
  if (present.exitCode === 0 || !/^[0-9a-f]{40}$/.test(ref)) return;
  const fetched = await execFileSafe("git", ["fetch", "--no-tags", "--depth=1", "origin", ref], opts);
  if (fetched.exitCode !== 0) notice(`mcp-gate: could not fetch the base revision ${ref.slice(0, 12)}; use actions/checkout with fetch-depth: 0.`);
}
var budget = { warnings: ANNOTATION_LIMIT };
function warn(message, props) {
  if (budget.warnings > 0) {
    budget.warnings--;
    warning(message, props);
  } else notice(message, props);
}
function optional(value, allowed, name) {
  if (!value) return void 0;
  if (!allowed.includes(value)) throw new UsageError(`input "${name}" must be one of ${allowed.join(", ")} (got "${value}")`);
  return value;
}
run().catch((err) => {
  setFailed(`mcp-gate: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
});
