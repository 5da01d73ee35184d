import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  canonicalJson
} from "./chunk-4OVJG3E2.js";
import {
  YamlError,
  keyLine,
  lineOf,
  parseYamlDocuments
} from "./chunk-XAOTV5DC.js";
import {
  didYouMean
} from "./chunk-LAB7SYR4.js";
import {
  literal,
  strictObject,
  string
} from "./chunk-W4AQ4HPL.js";

// src/reporters/location.ts
function formatLocation(loc) {
  const place = loc.file ? `${loc.file}${loc.line ? `:${loc.line}` : ""}` : "";
  const what = [loc.resource, loc.container ? `${partName(loc)} ${loc.container}` : void 0].filter(Boolean).join(", ");
  return [place, what && `(${what})`].filter(Boolean).join(" ");
}
function partName(loc) {
  return loc.resource?.startsWith("McpServer/") ? "tool" : "container";
}

// src/overrides/document.ts
var OVERRIDES_DIR = ".mcp-gate/overrides";
var NON_OVERRIDABLE = /* @__PURE__ */ new Set(["gate/check-failed", "override/invalid", "override/expired", "override/expiring", "override/stale"]);
var ALLOWED_SIGNERS_FILE = ".mcp-gate/allowed_signers";
var DATE = /^\d{4}-\d{2}-\d{2}$/;
var TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
var dateText = string().refine((s) => (DATE.test(s) || TIMESTAMP.test(s)) && parseDateValue(s) !== void 0, {
  message: "expected a date YYYY-MM-DD or an RFC 3339 timestamp with time zone"
});
var nonEmpty = string().refine((s) => s.trim() !== "", { message: "must not be empty" });
var overrideSchema = strictObject({
  apiVersion: literal("mcp-gate/v1"),
  kind: literal("Override"),
  id: string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, "letters, digits, dot, dash, underscore (at most 128)"),
  target: strictObject({
    rule: string().min(1),
    resource: nonEmpty.describe("Kind/namespace/name, McpServer/<id>, or file:<path> for findings without a resource; exact, no wildcards"),
    container: nonEmpty.optional().describe("Container or tool name; omitted = every container of the resource")
  }),
  justification: nonEmpty,
  remediation: strictObject({ ticket: nonEmpty, due: dateText }),
  approver: nonEmpty.describe("Must equal a principal of the signing key in allowed_signers"),
  expires: dateText,
  signature: string().optional()
});
function parseDateValue(s, endOfDay = true) {
  if (DATE.test(s)) {
    const [y2, m2, d2] = s.split("-").map(Number);
    const start = new Date(Date.UTC(y2, m2 - 1, d2));
    if (start.getUTCFullYear() !== y2 || start.getUTCMonth() !== m2 - 1 || start.getUTCDate() !== d2) return void 0;
    return endOfDay ? new Date(start.getTime() + 864e5 - 1) : start;
  }
  if (!TIMESTAMP.test(s)) return void 0;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return void 0;
  const [y, m, d] = s.slice(0, 10).split("-").map(Number);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return void 0;
  return new Date(t);
}
function signedMessage(doc) {
  const { signature: _omit, ...rest } = doc;
  return canonicalJson(rest);
}
function parseOverrideText(text, file) {
  let docs;
  try {
    docs = parseYamlDocuments(text, file);
  } catch (err) {
    if (err instanceof YamlError) return { file, line: err.line ?? 1, reason: `malformed: invalid YAML: ${err.message}` };
    return { file, line: 1, reason: `malformed: ${err.message}` };
  }
  const nonEmptyDocs = docs.filter((d) => d.value !== null && d.value !== void 0);
  if (nonEmptyDocs.length === 0) return { file, line: 1, reason: "malformed: the file holds no override document" };
  if (nonEmptyDocs.length > 1) return { file, line: nonEmptyDocs[1]?.line ?? 1, reason: "malformed: one override per file; this file holds several YAML documents" };
  const { value, line } = nonEmptyDocs[0];
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { file, line, reason: "malformed: the override must be a YAML mapping" };
  const raw = value;
  const id = typeof raw.id === "string" ? raw.id : void 0;
  const result = overrideSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const { where, lineNo } = locateIssue(issue, raw, line);
    return { file, line: lineNo, ...id ? { id } : {}, reason: `malformed: ${where}: ${describe(issue)}` };
  }
  return {
    file,
    line,
    doc: result.data,
    raw,
    lineOfKey(path) {
      let obj = raw;
      let parent = raw;
      const segs = path.split(".");
      for (const seg of segs) {
        parent = obj;
        obj = obj && typeof obj === "object" ? obj[seg] : void 0;
      }
      return keyLine(parent, segs[segs.length - 1]) ?? line;
    }
  };
}
function locateIssue(issue, root, docLine) {
  const path = issue.path.map(String);
  let container = root;
  let parent = root;
  for (const seg of path) {
    if (container === null || typeof container !== "object") break;
    parent = container;
    container = container[seg];
  }
  if (issue.code === "unrecognized_keys") {
    const key = String(issue.keys[0]);
    const obj = container ?? parent;
    return { where: [...path, key].join("."), lineNo: keyLine(obj, key) ?? lineOf(obj) ?? docLine };
  }
  const last = path[path.length - 1];
  if (container === void 0 && path.length >= 2) {
    let grand = root;
    for (const seg of path.slice(0, -2)) grand = grand && typeof grand === "object" ? grand[seg] : void 0;
    const line = keyLine(grand, path[path.length - 2]);
    if (line !== void 0) return { where: path.join("."), lineNo: line };
  }
  return { where: path.join(".") || "(document)", lineNo: (last !== void 0 ? keyLine(parent, last) : void 0) ?? lineOf(container) ?? docLine };
}
function describe(issue) {
  if (issue.code === "unrecognized_keys") {
    const key = String(issue.keys[0]);
    const hint = didYouMean(key, [...Object.keys(overrideSchema.shape), "rule", "resource", "container", "ticket", "due"]);
    return `unknown field${hint && hint !== key ? ` (did you mean "${hint}"?)` : ""}`;
  }
  if (issue.code === "invalid_type" && issue.input === void 0) return "required field is missing";
  if (issue.code === "invalid_value" && "values" in issue) return `expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
  return issue.message;
}

export {
  formatLocation,
  partName,
  OVERRIDES_DIR,
  NON_OVERRIDABLE,
  ALLOWED_SIGNERS_FILE,
  parseDateValue,
  signedMessage,
  parseOverrideText
};
