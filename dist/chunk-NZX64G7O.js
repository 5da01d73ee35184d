import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  CanonicalJsonError,
  MAX_JSON_DEPTH,
  canonicalJson,
  escapePointerToken,
  shortPointer
} from "./chunk-4OVJG3E2.js";
import {
  MAX_MANIFEST_BYTES,
  writeFileAtomic
} from "./chunk-SUVOHOKO.js";
import {
  compareStrings
} from "./chunk-RL6DG25S.js";
import {
  commandSource
} from "./chunk-RJCN6M3C.js";
import {
  configDocument
} from "./chunk-357DEUAJ.js";
import {
  lineOf,
  readRegularText
} from "./chunk-XAOTV5DC.js";
import {
  InputError
} from "./chunk-LAB7SYR4.js";

// checks/manifests/lockfile.ts
import { hash } from "node:crypto";
import { lstatSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
var LOCKFILE = ".mcp-gate/manifests.lock.json";
var SNAPSHOT_FILE = ".mcp-gate/manifests.snapshot.json";
var LOCKFILE_VERSION = 1;
var MAX_LOCKFILE_BYTES = MAX_MANIFEST_BYTES;
var MAX_SNAPSHOT_BYTES = 4 * MAX_MANIFEST_BYTES;
var ToolJsonError = class extends Error {
  name = "ToolJsonError";
  tool;
  /** JSON pointer inside the tool. */
  pointer;
  constructor(tool, cause) {
    super(`tool ${JSON.stringify(tool.length > 80 ? `${tool.slice(0, 80)}\u2026` : tool)} cannot be hashed: ${cause.reason} at ${shortPointer(cause.pointer) || "/"}`);
    this.tool = tool;
    this.pointer = cause.pointer;
  }
};
function canonicalTool(t) {
  try {
    return canonicalJson(t);
  } catch (err) {
    throw err instanceof CanonicalJsonError ? new ToolJsonError(t.name, err) : err;
  }
}
var HEX64 = /^[0-9a-f]{64}$/;
function sha256Hex(text) {
  return hash("sha256", text, "hex");
}
function sortTools(tools) {
  return [...tools].sort((a, b) => compareStrings(a.name, b.name));
}
function hashTools(tools) {
  const c = canonicalTools(tools);
  return { sha256: c.sha256, tools: toolHashes(c), canonical: c.canonical };
}
function canonicalTools(tools) {
  const sorted = sortTools(tools);
  const names = [];
  const canonical = [];
  for (const t of sorted) {
    canonical.push(canonicalTool(t));
    names.push(t.name);
  }
  return { names, canonical, sha256: sha256Hex(`[${canonical.join(",")}]`) };
}
function toolHashes(c) {
  const perTool = {};
  for (let i = 0; i < c.names.length; i++) perTool[c.names[i]] = sha256Hex(c.canonical[i]);
  return perTool;
}
function present(root, rel) {
  return lstatSync(join(root, rel), { throwIfNoEntry: false }) !== void 0;
}
function readLockfile(root) {
  if (!present(root, LOCKFILE)) return void 0;
  return parseLockfile(readRegularText(LOCKFILE, { within: root, maxBytes: MAX_LOCKFILE_BYTES, display: LOCKFILE }));
}
function parseLockfile(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`lockfile is not valid JSON: ${err.message}`, LOCKFILE, 1);
  }
  const bad = (what) => {
    throw new InputError(`lockfile: ${what}`, LOCKFILE, 1);
  };
  if (!isRecord(doc)) return bad("expected a JSON object");
  if (doc.lockfileVersion !== LOCKFILE_VERSION) return bad(`unsupported lockfileVersion ${JSON.stringify(doc.lockfileVersion)} (expected 1)`);
  if (!isRecord(doc.servers)) return bad('"servers" must be an object');
  const servers = {};
  for (const [id, s] of Object.entries(doc.servers)) {
    if (!isRecord(s)) return bad(`servers.${id} must be an object`);
    if (typeof s.source !== "string") bad(`servers.${id}.source must be a string`);
    if (typeof s.sha256 !== "string" || !HEX64.test(s.sha256)) bad(`servers.${id}.sha256 must be 64 lowercase hex digits`);
    if (!isRecord(s.tools)) return bad(`servers.${id}.tools must be an object`);
    for (const [name, h] of Object.entries(s.tools))
      if (typeof h !== "string" || !HEX64.test(h)) bad(`servers.${id}.tools.${name} must be 64 lowercase hex digits`);
    if (typeof s.pinnedAt !== "string") bad(`servers.${id}.pinnedAt must be a string`);
    servers[id] = s;
  }
  return { lockfileVersion: 1, servers };
}
function serializeLockfile(lock) {
  const servers = {};
  for (const id of Object.keys(lock.servers).sort()) {
    const s = lock.servers[id];
    const tools = {};
    for (const name of Object.keys(s.tools).sort()) tools[name] = s.tools[name];
    servers[id] = { source: s.source, sha256: s.sha256, tools, pinnedAt: s.pinnedAt };
  }
  return `${JSON.stringify({ lockfileVersion: LOCKFILE_VERSION, servers }, null, 2)}
`;
}
var snapshotCache;
function snapshotServers(root) {
  if (!present(root, SNAPSHOT_FILE)) return void 0;
  const st = statSync(join(root, SNAPSHOT_FILE), { throwIfNoEntry: false });
  const key = `${root}\0${st?.size}\0${st?.mtimeMs}`;
  if (snapshotCache?.key !== key) {
    const text = readRegularText(SNAPSHOT_FILE, { within: root, maxBytes: MAX_SNAPSHOT_BYTES, display: SNAPSHOT_FILE });
    let doc;
    try {
      doc = JSON.parse(text);
    } catch {
      return void 0;
    }
    snapshotCache = { key, servers: isRecord(doc) && isRecord(doc.servers) ? doc.servers : {} };
  }
  return snapshotCache.servers;
}
function readSnapshot(root, id, pinnedSha, mask) {
  const entry = snapshotServers(root)?.[id];
  const tools = isRecord(entry) && Array.isArray(entry.tools) ? entry.tools : void 0;
  if (!tools?.every((t) => isRecord(t) && typeof t.name === "string")) return void 0;
  try {
    return canonicalTools(mask(tools)).sha256 === pinnedSha ? tools : void 0;
  } catch {
    return void 0;
  }
}
function serializeSnapshot(snapshots) {
  const ids = [...snapshots.keys()].sort();
  const servers = ids.map((id) => {
    const tools = snapshots.get(id);
    return `${JSON.stringify(id)}: {"tools": [${tools.length ? `
${tools.join(",\n")}
` : ""}]}`;
  });
  return `{"note": "Pinned tools lists, for review diffs only; the lockfile hashes are authoritative.",
"servers": {
${servers.join(",\n")}
}}
`;
}
function writePins(root, lock, snapshots) {
  const lockAbs = join(root, LOCKFILE);
  mkdirSync(dirname(lockAbs), { recursive: true });
  writeFileAtomic(join(root, SNAPSHOT_FILE), serializeSnapshot(snapshots));
  writeFileAtomic(lockAbs, serializeLockfile(lock));
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// checks/manifests/diff.ts
var DYNAMIC_PLACEHOLDER = "<mcp-gate:dynamic>";
function parsePointer(pointer) {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`JSON pointer must start with "/": ${pointer}`);
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function locate(root, tokens) {
  let cur = root;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (typeof cur !== "object" || cur === null) return void 0;
    if (Array.isArray(cur) && !/^(0|[1-9]\d*)$/.test(tok)) return void 0;
    if (!Object.hasOwn(cur, tok)) return void 0;
    if (i === tokens.length - 1) return { parent: cur, key: tok, value: cur[tok] };
    cur = cur[tok];
  }
  return void 0;
}
function rulesFor(rules, tool) {
  return rules.filter((r) => r.tool === "*" || r.tool === tool);
}
function maskDynamic(tools, rules) {
  if (!rules || rules.length === 0) return tools;
  return tools.map((t) => {
    const own = rulesFor(rules, t.name).filter((r) => r.field !== "" && r.field !== "/name");
    if (own.length === 0) return t;
    let copy;
    try {
      copy = structuredClone(t);
    } catch (err) {
      canonicalTool(t);
      throw err;
    }
    for (const r of own) {
      const f = locate(copy, parsePointer(r.field));
      if (f) f.parent[f.key] = DYNAMIC_PLACEHOLDER;
    }
    return copy;
  });
}
function dynamicViolations(tools, rules) {
  const out = [];
  for (const t of tools)
    for (const r of rulesFor(rules ?? [], t.name)) {
      if (!r.allowed) continue;
      const f = locate(t, parsePointer(r.field));
      if (!f) continue;
      let c;
      try {
        c = canonicalJson(f.value);
      } catch (err) {
        throw err instanceof CanonicalJsonError ? new ToolJsonError(t.name, new CanonicalJsonError(err.reason, `${r.field}${err.pointer}`)) : err;
      }
      if (!r.allowed.some((a) => canonicalJson(a) === c)) out.push({ tool: t.name, pointer: r.field, value: f.value, allowed: r.allowed });
    }
  return out;
}
function diffJson(a, b, path = "", out = [], depth = 0) {
  if (a === b) return out;
  if (depth >= MAX_JSON_DEPTH) {
    out.push({ path, old: a, new: b });
    return out;
  }
  const isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObj(a) && isObj(b)) {
    const keys = [.../* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const p = `${path}/${escapePointerToken(k)}`;
      if (!Object.hasOwn(b, k)) out.push({ path: p, old: a[k], new: void 0 });
      else if (!Object.hasOwn(a, k)) out.push({ path: p, old: void 0, new: b[k] });
      else diffJson(a[k], b[k], p, out, depth + 1);
    }
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const scalars = (x) => x.every((v) => v === null || typeof v !== "object");
    if (scalars(a) && scalars(b)) {
      if (!sameJson(a, b)) out.push({ path, old: a, new: b });
      return out;
    }
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}/${i}`;
      if (i >= b.length) out.push({ path: p, old: a[i], new: void 0 });
      else if (i >= a.length) out.push({ path: p, old: void 0, new: b[i] });
      else diffJson(a[i], b[i], p, out, depth + 1);
    }
    return out;
  }
  if (!sameJson(a, b)) out.push({ path, old: a, new: b });
  return out;
}
function sameJson(a, b) {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch (err) {
    if (err instanceof CanonicalJsonError) return false;
    throw err;
  }
}
function preview(v, max = 80) {
  if (v === void 0) return "(absent)";
  let s = JSON.stringify(v);
  if (s === void 0) s = String(v);
  s = s.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\u{e0000}-\u{e007f}]/gu, (c) => {
    const cp = c.codePointAt(0);
    return cp > 65535 ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, "0")}`;
  });
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}\u2026` : s;
}
function previewStrings(a, b, max = 80) {
  const x = [...a];
  const y = [...b];
  if (JSON.stringify(a).length <= max && JSON.stringify(b).length <= max) return [preview(a, max), preview(b, max)];
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let q = 0;
  while (q < x.length - p && q < y.length - p && x[x.length - 1 - q] === y[y.length - 1 - q]) q++;
  const context = 16;
  const cut = (chars) => {
    const from = Math.max(0, p - context);
    const to = Math.min(chars.length, chars.length - q + context);
    const body = preview(chars.slice(from, to).join(""), max);
    return `${from > 0 ? "\u2026" : ""}${body}${to < chars.length ? "\u2026" : ""}`;
  };
  return [cut(x), cut(y)];
}
function formatChange(c, max = 80) {
  if (c.old === void 0) return `${c.path || "/"}: added ${preview(c.new, max)}`;
  if (c.new === void 0) return `${c.path || "/"}: removed ${preview(c.old, max)}`;
  if (typeof c.old === "string" && typeof c.new === "string") {
    const [a, b] = previewStrings(c.old, c.new, max);
    return `${c.path || "/"}: ${a} -> ${b}`;
  }
  return `${c.path || "/"}: ${preview(c.old, max)} -> ${preview(c.new, max)}`;
}
function comparePin(current, pin, dynamic, pinnedTools) {
  let pinned;
  const masked = maskDynamic(current, dynamic);
  const h = canonicalTools(masked);
  const violations = dynamicViolations(current, dynamic);
  const tools = [];
  if (h.sha256 !== pin.sha256) {
    const hashes = toolHashes(h);
    pinned = typeof pinnedTools === "function" ? pinnedTools() : pinnedTools;
    const oldByName = new Map((pinned ? maskDynamic(pinned, dynamic) : []).map((t) => [t.name, t]));
    const names = [.../* @__PURE__ */ new Set([...Object.keys(pin.tools), ...Object.keys(hashes)])].sort();
    for (const name of names) {
      const before = pin.tools[name];
      const after = hashes[name];
      if (before === void 0) tools.push({ name, kind: "added" });
      else if (after === void 0) tools.push({ name, kind: "removed" });
      else if (before !== after) {
        const old = oldByName.get(name);
        const now = masked.find((t) => t.name === name);
        tools.push({ name, kind: "changed", ...old && now ? { changes: diffJson(old, now) } : {} });
      }
    }
  }
  return {
    expected: pin.sha256,
    actual: h.sha256,
    matches: h.sha256 === pin.sha256 && violations.length === 0,
    tools,
    violations,
    detailed: pinned !== void 0
  };
}
var MAX_CHANGES_PER_TOOL = 8;
var MAX_TOOLS_LISTED = 20;
function describeDeltas(c, opts = {}) {
  const maxChanges = opts.maxChanges ?? MAX_CHANGES_PER_TOOL;
  const maxTools = opts.maxTools ?? MAX_TOOLS_LISTED;
  const lines = [];
  for (const t of c.tools.slice(0, maxTools)) {
    if (t.kind !== "changed") {
      lines.push(`${t.kind} tool "${t.name}"`);
      continue;
    }
    if (!t.changes) {
      lines.push(`changed tool "${t.name}" (no trusted pinned snapshot: field-level diff unavailable)`);
      continue;
    }
    lines.push(`changed tool "${t.name}":`);
    for (const ch of t.changes.slice(0, maxChanges)) lines.push(`  ${formatChange(ch, opts.width)}`);
    if (t.changes.length > maxChanges) lines.push(`  \u2026 and ${t.changes.length - maxChanges} more field change(s)`);
  }
  if (c.tools.length > maxTools) lines.push(`\u2026 and ${c.tools.length - maxTools} more tool(s)`);
  for (const v of c.violations)
    lines.push(`dynamic field ${v.pointer} of tool "${v.tool}" is ${preview(v.value)}, not one of the allowed values ${preview(v.allowed)}`);
  return lines;
}

// checks/manifests/manifests.ts
import { realpathSync } from "node:fs";
import { isAbsolute, join as join2, normalize } from "node:path";
var TOOLS_SUFFIX = ".tools.json";
function parseManifestJson(text, file) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not valid JSON: ${jsonErrorText(err)}`, file, jsonErrorLine(text, err));
  }
  const tools = toolsOf(doc);
  if (!tools) throw new InputError('not a tools list: expected {"tools": [...]}, a JSON-RPC result wrapping it, or an array of tools', file, 1);
  const o = doc;
  const holder = Array.isArray(doc) ? void 0 : Array.isArray(o.tools) ? o : o.result;
  const instructions = holder?.instructions;
  return { tools: validateTools(tools, file), ...instructions !== void 0 && instructions !== null ? { instructions } : {} };
}
function toolsOf(doc) {
  if (Array.isArray(doc)) return doc;
  if (typeof doc !== "object" || doc === null) return void 0;
  const o = doc;
  if (Array.isArray(o.tools)) return o.tools;
  if (typeof o.result === "object" && o.result !== null && Array.isArray(o.result.tools))
    return o.result.tools;
  return void 0;
}
function validateTools(tools, file) {
  const seen = /* @__PURE__ */ new Set();
  tools.forEach((t, i) => {
    if (typeof t !== "object" || t === null || Array.isArray(t)) throw new InputError(`tools[${i}] is not an object`, file);
    const name = t.name;
    if (typeof name !== "string" || name === "") throw new InputError(`tools[${i}] has no string "name"`, file);
    if (seen.has(name)) throw new InputError(`duplicate tool name "${name}"`, file);
    seen.add(name);
  });
  return tools;
}
function jsonErrorText(err) {
  const msg = err.message;
  const cut = msg.indexOf(', "') >= 0 ? msg.indexOf(', "') : msg.indexOf(', ..."');
  return (cut >= 0 && msg.endsWith(" is not valid JSON") ? msg.slice(0, cut) : msg).slice(0, 200);
}
function jsonErrorLine(text, err) {
  const msg = err.message;
  const snippet = /, (?:\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(msg)?.[1];
  if (snippet) {
    const at = text.indexOf(snippet);
    if (at >= 0) return text.slice(0, at + snippet.length).split("\n").length;
  }
  const line = /\(line (\d+) column \d+\)/.exec(msg);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(msg);
  if (pos) return text.slice(0, Number(pos[1])).split("\n").length;
  return /end of JSON input/.test(msg) ? text.trimEnd().split("\n").length : void 0;
}
var NAME_PAIR = /"name"\s*:\s*("(?:[^"\\\n]|\\.)*")/g;
function toolLineFinder(text) {
  let index;
  return (name) => {
    if (!index) {
      index = /* @__PURE__ */ new Map();
      let line = 1;
      let pos = 0;
      NAME_PAIR.lastIndex = 0;
      for (let m = NAME_PAIR.exec(text); m !== null; m = NAME_PAIR.exec(text)) {
        for (let i = text.indexOf("\n", pos); i !== -1 && i < m.index; i = text.indexOf("\n", i + 1)) line++;
        pos = m.index;
        const literal = m[1];
        if (!index.has(literal)) index.set(literal, line);
      }
      NAME_PAIR.lastIndex = 0;
    }
    return index.get(JSON.stringify(name));
  };
}
var cache = /* @__PURE__ */ new WeakMap();
function loadManifests(ctx) {
  let p = cache.get(ctx.workspace);
  if (!p) {
    p = loadAllManifests(ctx);
    cache.set(ctx.workspace, p);
  }
  return p;
}
async function loadAllManifests(ctx) {
  const files = loadFileManifests(ctx);
  const live = await loadLiveManifests(ctx);
  const order = new Map((ctx.config.mcp?.servers ?? []).map((s, i) => [s.id, i]));
  const rank = (m) => order.get(m.id) ?? Number.MAX_SAFE_INTEGER;
  const servers = [...files.servers, ...live.servers].sort((a, b) => rank(a) - rank(b));
  return { servers, problems: [...files.problems, ...live.problems] };
}
function serverLines(ctx) {
  const out = /* @__PURE__ */ new Map();
  const doc = configDocument(ctx);
  const servers = doc?.mcp?.servers;
  for (const s of Array.isArray(servers) ? servers : []) {
    const id = s?.id;
    const line = lineOf(s);
    if (typeof id === "string" && line !== void 0) out.set(id, line);
  }
  return out;
}
async function loadLiveManifests(ctx) {
  const live = (ctx.config.mcp?.servers ?? []).filter((s) => s.command !== void 0 || s.url !== void 0);
  if (live.length === 0) return { servers: [], problems: [] };
  const lines = serverLines(ctx);
  const { acquireRemote, acquireStdio } = await import("./chunk-I7K6SEUB.js");
  const servers = [];
  const problems = [];
  await Promise.all(
    live.map(async (s) => {
      const source = s.command !== void 0 ? commandSource(s.command) : s.url;
      const line = lines.get(s.id);
      const where2 = { ...ctx.configFile ? { file: ctx.configFile } : {}, ...line ? { line } : {}, resource: `McpServer/${s.id}` };
      try {
        const common = { env: ctx.env, signal: ctx.signal, ...s.timeoutMs ? { timeoutMs: s.timeoutMs } : {} };
        const got = s.command !== void 0 ? await acquireStdio(s.command, { ...common, cwd: ctx.root, ...s.env ? { envNames: s.env } : {} }) : await acquireRemote(s.url, { ...common, ...s.headersEnv ? { headersEnv: s.headersEnv } : {} });
        const tools = validateTools(got.tools, ctx.configFile);
        servers.push({
          id: s.id,
          source,
          ...ctx.configFile ? { file: ctx.configFile } : {},
          tools,
          toolLine: () => line,
          kind: s.command !== void 0 ? "stdio" : "url",
          config: s,
          ...line ? { line } : {},
          protocolVersion: got.protocolVersion,
          ...got.instructions !== void 0 ? { instructions: got.instructions } : {}
        });
      } catch (err) {
        problems.push({
          ruleId: "gate/check-failed",
          message: `MCP server "${s.id}" (${source}${ctx.configFile ? `, configured in ${ctx.configFile}` : ""}): cannot acquire its tools: ${err.message}`,
          location: where2,
          key: "manifest-load"
        });
      }
    })
  );
  return { servers, problems };
}
function loadFileManifests(ctx) {
  const servers = [];
  const problems = [];
  const configured = ctx.config.mcp?.servers ?? [];
  const byId = new Map(configured.map((s) => [s.id, s]));
  const claimed = /* @__PURE__ */ new Set();
  const fromFile = (id, file) => {
    claimed.add(file);
    try {
      const text = ctx.workspace.read(file);
      const config = byId.get(id);
      const { tools, instructions } = parseManifestJson(text, file);
      servers.push({
        id,
        source: file,
        file,
        tools,
        ...instructions !== void 0 ? { instructions } : {},
        toolLine: toolLineFinder(text),
        kind: "file",
        ...config?.manifest !== void 0 ? { config } : {}
      });
    } catch (err) {
      const e = err instanceof InputError ? err : new InputError(`cannot read (${err.message})`, file);
      problems.push({
        ruleId: "gate/check-failed",
        message: `MCP server "${id}": manifest ${file}: ${e.message}`,
        location: { file, line: e.line ?? 1, resource: `McpServer/${id}` },
        key: "manifest-load"
      });
    }
  };
  for (const s of configured) {
    if (s.manifest === void 0) continue;
    const file = normalize(s.manifest).split("\\").join("/");
    if (isAbsolute(file) || file === ".." || file.startsWith("../")) {
      problems.push({
        ruleId: "gate/check-failed",
        message: `MCP server "${s.id}": manifest ${JSON.stringify(s.manifest)} is outside the repository; manifests are read from the repository only`,
        location: { ...ctx.configFile ? { file: ctx.configFile } : {}, resource: `McpServer/${s.id}` },
        key: "manifest-load"
      });
      continue;
    }
    fromFile(s.id, file);
  }
  const owners = new Map(configured.map((s) => [s.id, s.manifest !== void 0 ? normalize(s.manifest).split("\\").join("/") : `mcp.servers entry "${s.id}"`]));
  for (const file of ctx.workspace.select(ctx.config.mcp?.paths, (f) => f.endsWith(TOOLS_SUFFIX))) {
    if (claimed.has(file)) continue;
    const id = serverIdOf(file);
    const owner = owners.get(id);
    if (owner === void 0) {
      owners.set(id, file);
      fromFile(id, file);
    } else if (!sameFile(ctx.root, owner, file)) {
      problems.push({
        ruleId: "gate/check-failed",
        message: `MCP server id "${id}" of manifest ${file} is already taken by ${owner}: its tools are not reviewed; rename one of them, or list both in mcp.servers with distinct ids`,
        location: { file, line: 1, resource: `McpServer/${id}` },
        key: `manifest-id:${file}`
      });
    }
  }
  return { servers, problems };
}
function serverIdOf(file) {
  const slash = file.lastIndexOf("/");
  const base = file.slice(slash + 1);
  if (base.endsWith(TOOLS_SUFFIX) && base.length > TOOLS_SUFFIX.length) return base.slice(0, -TOOLS_SUFFIX.length);
  const stem = file.endsWith(".json") ? file.slice(0, -".json".length) : file;
  if (base === "tools.json" || base === TOOLS_SUFFIX) return slash > 0 ? file.slice(0, slash) : "tools";
  return stem;
}
function sameFile(root, a, b) {
  try {
    return realpathSync(join2(root, a)) === realpathSync(join2(root, b));
  } catch {
    return false;
  }
}

// checks/manifests/integrity-check.ts
var TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
var PREFIX_SEPARATOR = "__";
function where(m, tool, lineOfTool) {
  const at = tool ?? lineOfTool;
  const line = (at !== void 0 ? m.toolLine(at) : void 0) ?? m.line ?? (m.file ? 1 : void 0);
  return {
    ...m.file ? { file: m.file } : {},
    ...line ? { line } : {},
    resource: `McpServer/${m.id}`,
    ...tool !== void 0 ? { container: tool } : {}
  };
}
function dynamicRulesOf(ctx, id) {
  return ctx.config.mcp?.servers?.find((s) => s.id === id)?.dynamic;
}
function integrityFindings(ctx, servers, lock, snapshotOf = (id, sha, mask) => readSnapshot(ctx.root, id, sha, mask)) {
  const out = [];
  let snapshotRefused = false;
  const snapshot = (id, sha, mask) => {
    try {
      return snapshotOf(id, sha, mask);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      if (!snapshotRefused)
        out.push({
          ruleId: "gate/check-failed",
          message: `${SNAPSHOT_FILE}: ${err.message}; field-level diffs of changed tools are unavailable`,
          location: { file: SNAPSHOT_FILE, line: err.line ?? 1 },
          key: "snapshot"
        });
      snapshotRefused = true;
      return void 0;
    }
  };
  for (const m of servers) {
    const pin = lock?.servers[m.id];
    if (!pin) {
      out.push({
        ruleId: "manifest/unregistered",
        message: `MCP server "${m.id}" (${m.source}, ${m.tools.length} tool${m.tools.length === 1 ? "" : "s"}) has no pin in ${LOCKFILE}`,
        location: where(m)
      });
      continue;
    }
    const dynamic = dynamicRulesOf(ctx, m.id);
    let c;
    try {
      c = comparePin(m.tools, pin, dynamic, () => snapshot(m.id, pin.sha256, (t) => maskDynamic(t, dynamic)));
    } catch (err) {
      if (!(err instanceof ToolJsonError)) throw err;
      out.push({
        ruleId: "gate/check-failed",
        message: `MCP server "${m.id}" (${m.source}): ${err.message}; its pin cannot be verified`,
        location: where(m, err.tool),
        key: "unhashable"
      });
      continue;
    }
    if (c.matches) continue;
    const one = c.tools.length === 1 && c.violations.length === 0 ? c.tools[0]?.name : void 0;
    const oneViolation = c.tools.length === 0 && c.violations.length === 1 ? c.violations[0]?.tool : void 0;
    const tool = one ?? oneViolation;
    const summary = c.expected === c.actual ? `a dynamic field has a value the config does not allow` : `manifest hash differs from its pin: expected sha256:${c.expected.slice(0, 12)}\u2026, actual sha256:${c.actual.slice(0, 12)}\u2026`;
    const lines = describeDeltas(c);
    out.push({
      ruleId: "manifest/tampered",
      message: `MCP server "${m.id}" (${m.source}): ${summary}${lines.length ? `
${lines.join("\n")}` : ""}`,
      // One tool concerned (even a removed one): it is the container.
      // Several: no container; the line is that of the first changed tool still present.
      location: where(m, tool, c.tools.find((t) => t.kind !== "removed")?.name)
    });
  }
  return out;
}
function collisionFindings(ctx, servers) {
  const out = [];
  const prefix = ctx.config.mcp?.namespacing === "prefix";
  const exposed = /* @__PURE__ */ new Map();
  for (const m of servers)
    for (const t of m.tools) {
      const name = prefix ? `${m.id}${PREFIX_SEPARATOR}${t.name}` : t.name;
      if (prefix && !TOOL_NAME.test(name)) {
        out.push({
          ruleId: "manifest/name-collision",
          message: `MCP server "${m.id}": prefixed tool name ${JSON.stringify(name.length > 140 ? `${name.slice(0, 140)}\u2026` : name)} breaks the MCP tool-name rules (1-128 characters of A-Z, a-z, 0-9, _, -, .; it has ${name.length})`,
          location: where(m, t.name),
          key: "invalid-prefixed-name"
        });
      }
      const list = exposed.get(name) ?? [];
      list.push({ server: m, tool: t.name });
      exposed.set(name, list);
    }
  for (const [name, list] of exposed) {
    if (list.length < 2) continue;
    for (const { server, tool } of list) {
      const others = list.filter((o) => o.server !== server).map((o) => `"${o.server.id}"${o.tool !== tool ? ` (tool "${o.tool}")` : ""}`);
      out.push({
        ruleId: "manifest/name-collision",
        message: `tool "${name}" of MCP server "${server.id}" is also exposed by server ${others.join(", ")}: one can shadow the other${prefix ? " even with prefixed names" : ""}`,
        location: where(server, tool),
        key: "collision"
      });
    }
  }
  return out;
}
var manifestIntegrityCheck = {
  id: "manifest",
  rules: ["manifest/unregistered", "manifest/tampered", "manifest/name-collision", "gate/check-failed"],
  workerGroup: "manifests",
  async run(ctx) {
    const set = await loadManifests(ctx);
    const findings = [...set.problems];
    let lock;
    let lockProblem = false;
    try {
      lock = readLockfile(ctx.root);
    } catch (err) {
      const e = err instanceof InputError ? err : new InputError(err.message, LOCKFILE);
      lockProblem = true;
      findings.push({
        ruleId: "gate/check-failed",
        message: `${LOCKFILE}: ${e.message}; no manifest can be verified against its pin`,
        location: { file: LOCKFILE, ...e.line ? { line: e.line } : {} },
        key: "lockfile"
      });
    }
    if (set.servers.length === 0 && set.problems.length === 0 && !lockProblem)
      return { findings, skipped: true, detail: "no MCP tool manifests (*.tools.json or mcp.servers)" };
    if (!lockProblem) findings.push(...integrityFindings(ctx, set.servers, lock));
    findings.push(...collisionFindings(ctx, set.servers));
    const tools = set.servers.reduce((n, s) => n + s.tools.length, 0);
    const stale = lock ? Object.keys(lock.servers).filter((id) => !set.servers.some((s) => s.id === id) && !set.problems.some((p) => p.location.resource === `McpServer/${id}`)) : [];
    return {
      findings,
      detail: `${set.servers.length} server(s), ${tools} tool(s) checked against ${lock ? LOCKFILE : "no lockfile"}${stale.length ? `; pins without a server: ${stale.join(", ")}` : ""}`
    };
  }
};

export {
  LOCKFILE,
  SNAPSHOT_FILE,
  ToolJsonError,
  sha256Hex,
  hashTools,
  readLockfile,
  readSnapshot,
  writePins,
  maskDynamic,
  dynamicViolations,
  preview,
  comparePin,
  describeDeltas,
  loadManifests,
  dynamicRulesOf,
  manifestIntegrityCheck
};
