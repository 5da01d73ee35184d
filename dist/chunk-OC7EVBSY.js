import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  commandSource
} from "./chunk-RJCN6M3C.js";
import {
  ProbeScope,
  describeUrl,
  httpRequest
} from "./chunk-B5733PJO.js";
import {
  ProbeConfigError,
  configLocation,
  probeTimeout,
  readCredential,
  readPem
} from "./chunk-SQCNUDAA.js";
import "./chunk-357DEUAJ.js";
import {
  isObj
} from "./chunk-ELCXR4WP.js";
import "./chunk-XAOTV5DC.js";
import "./chunk-QFNJ2TLX.js";
import "./chunk-LAB7SYR4.js";
import "./chunk-K4MPSSIE.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";

// checks/probes/behaviour-payloads.ts
function toolInfo(raw) {
  if (!isObj(raw) || typeof raw.name !== "string" || raw.name === "") return void 0;
  const ann = isObj(raw.annotations) ? raw.annotations : {};
  return {
    name: raw.name,
    description: typeof raw.description === "string" ? raw.description : "",
    inputSchema: isObj(raw.inputSchema) ? raw.inputSchema : {},
    readOnly: ann.readOnlyHint === true,
    destructive: ann.destructiveHint === true
  };
}
var UP = 8;
var MISSING_FILE = "mcp-gate-probe-missing.txt";
function traversalPayloads(root) {
  const out = [
    { kind: "relative", value: `${"../".repeat(UP)}etc/passwd` },
    { kind: "url-encoded", value: `${"..%2f".repeat(UP)}etc%2fpasswd` },
    { kind: "absolute", value: "/etc/passwd" },
    { kind: "file-uri", value: "file:///etc/passwd" },
    { kind: "windows-relative", value: `${"..\\".repeat(UP)}etc\\passwd` },
    { kind: "windows-absolute", value: "C:\\Windows\\win.ini" }
  ];
  if (root) out.push({ kind: "root-prefixed", value: `${root.replace(/[\\/]+$/, "")}/${"../".repeat(UP)}etc/passwd` });
  return out;
}
var PATH_TOKENS = /* @__PURE__ */ new Set(["path", "paths", "file", "files", "filename", "filenames", "filepath", "dir", "dirs", "directory", "directories", "folder", "folders"]);
var PATH_FORMATS = /* @__PURE__ */ new Set(["uri", "uri-reference", "iri", "iri-reference", "path"]);
var PATH_WORDS = /\b(?:paths?|files?|file ?names?|director(?:y|ies)|folders?)\b/i;
function properties(schema) {
  const props = isObj(schema.properties) ? schema.properties : {};
  return Object.entries(props).filter((e) => isObj(e[1]));
}
function typeOf(prop) {
  const t = prop.type;
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return t.find((x) => typeof x === "string" && x !== "null");
  return void 0;
}
function required(schema) {
  return Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === "string") : [];
}
function pathParams(schema) {
  const out = [];
  for (const [name, prop] of properties(schema)) {
    const type = typeOf(prop);
    const items = isObj(prop.items) ? prop.items : {};
    const array = type === "array" && typeOf(items) === "string";
    if (type !== "string" && !array) continue;
    const tokens = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[^a-z0-9]+/);
    const described = typeof prop.description === "string" && PATH_WORDS.test(prop.description);
    const formatted = typeof prop.format === "string" && PATH_FORMATS.has(prop.format);
    if (tokens.some((t) => PATH_TOKENS.has(t)) || described || formatted) out.push({ name, array });
  }
  return out;
}
function validValue(name, prop, paths, depth) {
  if ("const" in prop) return prop.const;
  if (Array.isArray(prop.enum) && prop.enum.length > 0) return prop.enum[0];
  if ("default" in prop) return prop.default;
  switch (typeOf(prop)) {
    case "string": {
      let v = paths.has(name) ? MISSING_FILE : "mcp-gate-probe";
      if (typeof prop.minLength === "number" && v.length < prop.minLength) v = v.padEnd(Math.min(prop.minLength, 4096), "x");
      if (typeof prop.maxLength === "number" && v.length > prop.maxLength) v = v.slice(0, Math.max(0, prop.maxLength));
      return v;
    }
    case "integer":
    case "number": {
      const min = typeof prop.minimum === "number" ? prop.minimum : typeof prop.exclusiveMinimum === "number" ? prop.exclusiveMinimum + 1 : 1;
      return typeOf(prop) === "integer" ? Math.ceil(min) : min;
    }
    case "boolean":
      return false;
    case "array": {
      const n = typeof prop.minItems === "number" ? Math.min(prop.minItems, 8) : 0;
      const items = isObj(prop.items) ? prop.items : {};
      return Array.from({ length: n }, () => validValue(name, items, paths, depth + 1));
    }
    case "object":
      return depth >= 3 ? {} : baselineOf(prop, depth + 1);
    default:
      return "mcp-gate-probe";
  }
}
function baselineOf(schema, depth) {
  const paths = new Set(pathParams(schema).map((p) => p.name));
  const props = new Map(properties(schema));
  const out = {};
  for (const name of required(schema)) out[name] = validValue(name, props.get(name) ?? {}, paths, depth);
  return out;
}
function baselineArgs(schema) {
  return baselineOf(schema, 0);
}
function traversalCalls(tool, root) {
  const base = baselineArgs(tool.inputSchema);
  return pathParams(tool.inputSchema).flatMap(
    (p) => traversalPayloads(root).map((payload) => ({
      tool: tool.name,
      family: "traversal",
      kind: payload.kind,
      param: p.name,
      args: { ...base, [p.name]: p.array ? [payload.value] : payload.value }
    }))
  );
}
var WRONG = {
  string: 12345,
  integer: "mcp-gate-probe-not-a-number",
  number: "mcp-gate-probe-not-a-number",
  boolean: "mcp-gate-probe-not-a-boolean",
  array: "mcp-gate-probe-not-an-array",
  object: "mcp-gate-probe-not-an-object"
};
var MAX_LENGTH_PROBED = 65536;
var UNKNOWN_PROPERTY = "mcp_gate_probe_unexpected";
function validationCalls(tool) {
  const schema = tool.inputSchema;
  const base = baselineArgs(schema);
  const props = properties(schema);
  const req = required(schema);
  const ordered = [...props].sort((a, b) => Number(req.includes(b[0])) - Number(req.includes(a[0])));
  const calls = [];
  const add = (kind, param, args) => calls.push({ tool: tool.name, family: "validation", kind, ...param !== void 0 ? { param } : {}, args });
  const typed = ordered.find(([, p]) => typeof p.type === "string" && p.type in WRONG);
  if (typed) add("wrong-type", typed[0], { ...base, [typed[0]]: WRONG[typed[1].type] });
  const missing = req.find((r) => r in base);
  if (missing !== void 0) {
    const { [missing]: _, ...rest } = base;
    add("missing-required", missing, rest);
  }
  if (schema.additionalProperties === false) add("unknown-property", UNKNOWN_PROPERTY, { ...base, [UNKNOWN_PROPERTY]: true });
  const bounded = ordered.find(([, p]) => typeOf(p) === "string" && typeof p.maxLength === "number" && p.maxLength < MAX_LENGTH_PROBED && !Array.isArray(p.enum));
  if (bounded) add("too-long", bounded[0], { ...base, [bounded[0]]: "x".repeat(bounded[1].maxLength + 1) });
  const enumerated = ordered.find(([, p]) => Array.isArray(p.enum) && p.enum.length > 0);
  if (enumerated) {
    const values = enumerated[1].enum;
    add("outside-enum", enumerated[0], { ...base, [enumerated[0]]: values.every((v) => typeof v === "number") ? Math.max(...values) + 1 : "mcp-gate-probe-not-in-enum" });
  }
  return calls;
}
function describeArgs(args) {
  const text = JSON.stringify(args, (_k, v) => typeof v === "string" && v.length > 60 ? `${v.slice(0, 24)}\u2026(${v.length} chars)` : v);
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

// checks/probes/behaviour-verdicts.ts
import { posix } from "node:path";
var FRAGMENT = 8;
function answerText(outcome) {
  if (outcome.kind === "error") return [outcome.message, outcome.data === void 0 ? "" : JSON.stringify(outcome.data)].join("\n");
  const parts = [];
  const content = Array.isArray(outcome.result.content) ? outcome.result.content : [];
  for (const item of content) {
    if (!isObj(item)) continue;
    if (typeof item.text === "string") parts.push(item.text);
    const res = isObj(item.resource) ? item.resource : void 0;
    if (typeof res?.text === "string") parts.push(res.text);
    if (typeof res?.blob === "string") parts.push(Buffer.from(res.blob, "base64").toString("utf8"));
  }
  parts.push(JSON.stringify(outcome.result));
  return parts.join("\n");
}
function refused(outcome) {
  return outcome.kind === "error" || outcome.result.isError === true;
}
var FILE_MARKERS = [
  { re: /\broot:[x*!]?:0:0:/, what: "/etc/passwd content (root:x:0:0:)" },
  { re: /\bdaemon:[x*!]?:1:1:/, what: "/etc/passwd content (daemon:x:1:1:)" },
  { re: /\[fonts\]|; for 16-bit app support/i, what: "win.ini content ([fonts])" }
];
function fileContent(text) {
  return FILE_MARKERS.find((m) => m.re.test(text))?.what;
}
var STACK_TRACES = [
  { re: /^\s*at (?:.{1,200} \()?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^\s()]{0,300}:\d+:\d+\)?\s*$/m, what: "a Node.js stack trace" },
  { re: /Traceback \(most recent call last\)|^\s*File "[^"]{1,300}", line \d+/m, what: "a Python traceback" },
  { re: /\bat [\w$.]{1,200}\([\w$]{1,100}\.(?:java|kt|scala):\d+\)/, what: "a JVM stack trace" },
  { re: /goroutine \d+ \[running\]|\.go:\d+ \+0x[0-9a-f]+/, what: "a Go stack trace" },
  { re: /\.rb:\d+:in `/, what: "a Ruby backtrace" },
  { re: / in [A-Za-z]:\\[^\n]{1,300}:line \d+/, what: "a .NET stack trace" }
];
var POSIX_PATH = /(?<![\w.:/~%\\-])\/(?:[\w.@+-]+\/)+[\w.@+-]*/g;
var WINDOWS_PATH = /\b[A-Za-z]:\\(?:[^\\\s"'<>|:*?]+\\)+[^\\\s"'<>|:*?]*/g;
function errorLeak(text, sent, root) {
  for (const s of STACK_TRACES) {
    const m = s.re.exec(text);
    if (m) return { what: s.what, index: m.index };
  }
  const known = new Set(sent.flatMap(knownForms));
  const rootDir = root ? posix.normalize(root).replace(/\/+$/, "") : void 0;
  const excused = (p) => {
    const norm = p.includes("\\") ? p.toLowerCase() : posix.normalize(p);
    return known.has(norm) || rootDir !== void 0 && rootDir !== "" && (norm === rootDir || norm.startsWith(`${rootDir}/`));
  };
  for (const re of [POSIX_PATH, WINDOWS_PATH]) {
    for (const m of text.matchAll(re)) {
      const p = m[0].replace(/[.,;:)]+$/, "");
      if (!excused(p)) return { what: `an absolute path of the server (${p.length > 60 ? `${p.slice(0, 57)}...` : p})`, index: m.index ?? 0 };
    }
  }
  return void 0;
}
function knownForms(value) {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
  }
  const out = /* @__PURE__ */ new Set();
  for (const v of [value, decoded, decoded.replace(/^file:\/\//, "")]) {
    if (v.includes("\\")) out.add(v.toLowerCase());
    out.add(posix.resolve("/", v.replace(/\\/g, "/")));
  }
  return [...out];
}
function windows(secrets) {
  const out = /* @__PURE__ */ new Set();
  for (const s of secrets) {
    if (s.length <= FRAGMENT) out.add(s);
    else for (let i = 0; i + FRAGMENT <= s.length; i++) out.add(s.slice(i, i + FRAGMENT));
  }
  return out;
}
function secretRanges(text, wins) {
  const ranges = [];
  const lengths = [...new Set([...wins].map((w) => w.length))];
  for (let i = 0; i < text.length; i++) {
    for (const len of lengths) {
      if (!wins.has(text.slice(i, i + len))) continue;
      const last = ranges.at(-1);
      if (last && i <= last[1]) last[1] = Math.max(last[1], i + len);
      else ranges.push([i, i + len]);
    }
  }
  return ranges;
}
function secretFound(text, secret) {
  return secretRanges(text, windows([secret])).reduce((n, [a, b]) => Math.max(n, b - a), 0);
}
function redactor(secrets) {
  const wins = windows(secrets.filter((s) => s.length >= 4));
  if (wins.size === 0) return (t) => t;
  return (text) => {
    const ranges = secretRanges(text, wins);
    if (ranges.length === 0) return text;
    let out = "";
    let at = 0;
    for (const [a, b] of ranges) {
      out += `${text.slice(at, a)}[REDACTED]`;
      at = b;
    }
    return out + text.slice(at);
  };
}
function excerpt(text, index, width = 80) {
  const start = Math.max(0, index - 10);
  const cut = text.slice(start, start + width).replace(/\s+/g, " ").replace(/[^\x20-\x7e]/g, "?");
  return `"${start > 0 ? "\u2026" : ""}${cut}${start + width < text.length ? "\u2026" : ""}"`;
}

// checks/probes/mcp-fetch.ts
function scopedFetch(scope, opts = {}) {
  return async (input, init) => {
    const method = (init?.method ?? "GET").toUpperCase();
    if (method !== "POST") return new Response(null, { status: 405 });
    const headers = {};
    new Headers(init?.headers).forEach((v, k) => {
      headers[k] = v;
    });
    Object.assign(headers, opts.headers);
    const res = await httpRequest(scope, {
      url: new URL(String(input)),
      method: "POST",
      headers,
      body: typeof init?.body === "string" ? init.body : "",
      redirects: "none",
      // A tools/call is not repeated after a reset: the tool may have run.
      retryOnReset: false,
      ...opts.ca ? { ca: opts.ca } : {}
    });
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) for (const x of Array.isArray(v) ? v : v === void 0 ? [] : [v]) out.append(k, x);
    const empty = res.body.length === 0 || [204, 205, 304].includes(res.status);
    return new Response(empty ? null : new Uint8Array(res.body), { status: res.status, headers: out });
  };
}

// checks/probes/behaviour-probe.ts
var MAX_CALLS_PER_TOOL = 24;
var CONCURRENCY = 4;
async function probeBehaviour(ctx, entries, only) {
  const chosen = entries.flatMap((e, i) => only === void 0 || e.server === only ? [{ e, i }] : []);
  const outs = await Promise.all(chosen.map(({ e, i }) => probeServer(ctx, e, i)));
  return { findings: outs.flatMap((o) => o.findings), detail: outs.map((o) => o.detail).join(" | ") };
}
async function probeServer(ctx, entry, index) {
  const at = `probes.behaviour[${index}]`;
  const findings = [];
  const notes = [];
  const secrets = [];
  const base = { ...configLocation(ctx, "behaviour"), resource: `McpServer/${entry.server}` };
  const failed = (key, message) => findings.push({ ruleId: "gate/check-failed", message: `behaviour probe of server "${entry.server}": ${message}`, location: base, key: `behaviour-${key}` });
  const finish = (source) => {
    const redact = redactor(secrets);
    const clean = (f) => ({
      ...f,
      message: redact(f.message),
      location: { ...f.location, ...f.location.container !== void 0 ? { container: redact(f.location.container) } : {} },
      ...f.key !== void 0 ? { key: redact(f.key) } : {}
    });
    return { findings: findings.map(clean), detail: redact(`server "${entry.server}" (${source}): ${notes.join("; ")}`) };
  };
  const timeoutMs = probeTimeout(ctx);
  let target;
  try {
    target = resolveTarget(ctx, entry, at, timeoutMs, secrets);
  } catch (err) {
    if (!(err instanceof ProbeConfigError)) throw err;
    failed("config", err.message);
    notes.push("not probed");
    return finish("unresolved");
  }
  const canaries = (entry.canaries ?? []).map((c, j) => {
    const value = ctx.env[c.valueEnv];
    if (value === void 0 || value.trim() === "") failed(`canary-${j}`, `${at}.canaries[${j}].valueEnv: environment variable ${c.valueEnv} is not set or empty, so the canary call to "${c.tool}" was not made`);
    else if (value.trim().length < FRAGMENT) failed(`canary-${j}`, `${at}.canaries[${j}].valueEnv: the value of ${c.valueEnv} is shorter than ${FRAGMENT} characters, too short to be recognised in an answer`);
    else {
      secrets.push(value.trim());
      return { ...c, index: j, value: value.trim() };
    }
    return void 0;
  });
  let session;
  try {
    session = await target.open(secrets);
  } catch (err) {
    failed("connect", `${target.source}: ${err.message}`);
    notes.push("could not connect");
    return finish(target.source);
  }
  const t0 = performance.now();
  try {
    const tools = session.acquired.tools.map(toolInfo).filter((t) => t !== void 0);
    const byName = new Map(tools.map((t) => [t.name, t]));
    const listed = tools.length > 12 ? `${tools.length} tools` : tools.map((t) => t.name).join(", ") || "none";
    for (const name of entry.tools ?? []) {
      const t = byName.get(name);
      if (!t) failed(`tool-${name}`, `${at}.tools names "${name}", which the server does not list (it lists ${listed})`);
      else if (t.destructive) failed(`tool-${name}`, `${at}.tools names "${name}", which is annotated destructiveHint: true: the probe never calls a destructive tool`);
    }
    const allowed = tools.filter((t) => !t.destructive && (entry.tools ? entry.tools.includes(t.name) : t.readOnly));
    const skipped = tools.filter((t) => !allowed.includes(t)).map((t) => `${t.name} (${t.destructive ? "destructiveHint" : entry.tools ? "not in tools" : "not readOnlyHint"})`);
    notes.push(`MCP ${session.acquired.protocolVersion}, ${tools.length} tools; may call: ${allowed.map((t) => t.name).join(", ") || "none"}${skipped.length ? `; never called: ${skipped.join(", ")}` : ""}`);
    if (allowed.length === 0) {
      failed("no-tools", `no tool may be called: ${entry.tools ? `none of ${at}.tools is listed and non-destructive` : `none is annotated readOnlyHint: true; list the tools to test in ${at}.tools`}`);
    }
    const calls = [];
    for (const t of allowed) {
      const own = [...traversalCalls(t, entry.root), ...validationCalls(t)];
      if (own.length > MAX_CALLS_PER_TOOL) notes.push(`${t.name}: ${own.length - MAX_CALLS_PER_TOOL} of ${own.length} planned calls not made (at most ${MAX_CALLS_PER_TOOL} per tool)`);
      calls.push(...own.slice(0, MAX_CALLS_PER_TOOL));
    }
    for (const c of canaries) {
      if (!c) continue;
      const t = byName.get(c.tool);
      if (!t) failed(`canary-${c.index}`, `${at}.canaries[${c.index}].tool names "${c.tool}", which the server does not list (it lists ${listed})`);
      else if (!allowed.includes(t)) failed(`canary-${c.index}`, `${at}.canaries[${c.index}].tool "${c.tool}" may not be called (${t.destructive ? "annotated destructiveHint: true" : entry.tools ? `not in ${at}.tools` : "not annotated readOnlyHint: true"})`);
      else calls.push({ tool: c.tool, family: "canary", kind: `canary ${c.valueEnv}`, args: c.arguments ?? {}, canary: c.index });
    }
    const { done, failure } = await runCalls(session, calls);
    notes.push(`${done.length} of ${calls.length} calls in ${Math.round(performance.now() - t0)} ms`);
    if (failure) failed("call", `${target.source}: stopped after ${done.length} of ${calls.length} calls: ${failure}`);
    judge(entry, at, done, canaries.filter((c) => c !== void 0), base, findings, notes, redactor(secrets));
  } finally {
    await session.close();
  }
  return finish(target.source);
}
function resolveTarget(ctx, entry, at, timeoutMs, secrets) {
  const common = { timeoutMs, signal: ctx.signal };
  if (entry.server === "endpoint") {
    const ep = ctx.config.probes?.endpoint;
    if (!ep) throw new ProbeConfigError(`${at}.server is "endpoint", but probes.endpoint is not configured`);
    const url2 = new URL(ep.url);
    const scope2 = new ProbeScope({ allowedHosts: [url2.hostname], timeoutMs, signal: ctx.signal });
    const ca = ep.caFile ? readPem(ctx, ep.caFile, "probes.endpoint.caFile") : void 0;
    const headers = {};
    if (ep.tokenEnv) {
      if (url2.protocol !== "https:") throw new ProbeConfigError("the token from probes.endpoint.tokenEnv is not sent over plaintext HTTP");
      const token = readCredential(ctx, ep.tokenEnv);
      scope2.addSecret(token);
      secrets.push(token);
      headers.authorization = `Bearer ${token}`;
    }
    return {
      source: describeUrl(url2),
      open: async (s) => {
        const { openRemote } = await import("./chunk-I7K6SEUB.js");
        return openRemote({ url: url2.href, env: ctx.env, fetch: scopedFetch(scope2, { ...ca ? { ca } : {}, headers }) }, { ...common, secrets: s });
      }
    };
  }
  const server = (ctx.config.mcp?.servers ?? []).find((s) => s.id === entry.server);
  if (!server || server.command === void 0 && server.url === void 0) {
    throw new ProbeConfigError(
      `${at}.server: ${server ? `mcp.servers entry "${entry.server}" has no command or url` : `no live mcp.servers entry "${entry.server}" (an entry the change under review adds runs once it is on the base branch)`}, and it is not "endpoint"`
    );
  }
  if (server.command !== void 0) {
    const command = server.command;
    return {
      source: commandSource(command),
      open: async (s) => {
        const { openStdio } = await import("./chunk-I7K6SEUB.js");
        return openStdio({ command, cwd: ctx.root, env: ctx.env, ...server.env ? { envNames: server.env } : {} }, { ...common, secrets: s });
      }
    };
  }
  const url = new URL(server.url);
  const scope = new ProbeScope({ allowedHosts: [url.hostname], timeoutMs, signal: ctx.signal });
  return {
    source: describeUrl(url),
    open: async (s) => {
      const { openRemote } = await import("./chunk-I7K6SEUB.js");
      return openRemote({ url: url.href, env: ctx.env, ...server.headersEnv ? { headersEnv: server.headersEnv } : {}, fetch: scopedFetch(scope) }, { ...common, secrets: s });
    }
  };
}
async function runCalls(session, calls) {
  const done = [];
  let next = 0;
  let failure;
  const worker = async () => {
    while (failure === void 0 && next < calls.length) {
      const call = calls[next++];
      try {
        done.push({ call, outcome: await session.callTool(call.tool, call.args) });
      } catch (err) {
        failure ??= `${call.tool} ${describeArgs(call.args)}: ${err.message}`;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  done.sort((a, b) => calls.indexOf(a.call) - calls.indexOf(b.call));
  return failure === void 0 ? { done } : { done, failure };
}
function stringsIn(v) {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(stringsIn);
  if (typeof v === "object" && v !== null) return Object.values(v).flatMap(stringsIn);
  return [];
}
function judge(entry, at, done, canaries, base, findings, notes, redact) {
  const where = (tool) => ({ ...base, container: tool });
  const traversal = /* @__PURE__ */ new Map();
  const accepted = /* @__PURE__ */ new Map();
  const leaks = /* @__PURE__ */ new Map();
  const credentials = /* @__PURE__ */ new Map();
  const verdicts = [];
  for (const { call, outcome } of done) {
    const raw = answerText(outcome);
    const text = redact(raw);
    const no = refused(outcome);
    const said = [no ? `refused (${outcome.kind === "error" ? `JSON-RPC ${outcome.code}` : "isError"})` : "answered"];
    const content = call.family === "traversal" ? fileContent(raw) : void 0;
    if (content) {
      said.push(`with ${content}`);
      const k = `${call.tool}\0${call.param}`;
      const t = traversal.get(k);
      if (t) t.kinds.push(call.kind);
      else traversal.set(k, { call, what: content, kinds: [call.kind] });
    }
    if (call.family === "validation" && !no) {
      said.push("accepted an invalid call");
      accepted.set(call.tool, [...accepted.get(call.tool) ?? [], call]);
    }
    for (const c of canaries) {
      const n = secretFound(raw, c.value);
      if (n === 0) continue;
      said.push(`holds the canary of ${c.valueEnv}`);
      const k = `${call.tool}\0${c.valueEnv}`;
      const seen = credentials.get(k);
      if (!seen || call.family === "canary" && seen.call.family !== "canary") credentials.set(k, { call, env: c.valueEnv, verbatim: n >= c.value.length, n, count: (seen?.count ?? 0) + 1 });
      else seen.count++;
    }
    if (call.family === "canary" && no) {
      findings.push({
        ruleId: "gate/check-failed",
        message: `behaviour probe of server "${entry.server}": the canary call ${at}.canaries[${call.canary}] (${call.tool} ${describeArgs(call.args)}) was refused, so whether the credential reaches the model redacted cannot be told`,
        location: base,
        key: `behaviour-canary-${call.canary}`
      });
    } else if (call.family === "canary" && !said.some((s) => s.startsWith("holds"))) said.push("canary not in the answer");
    const leak = no ? errorLeak(text, stringsIn(call.args), entry.root) : void 0;
    if (leak) {
      said.push(`error holds ${leak.what.replace(/ \(.*$/, "")}`);
      const l = leaks.get(call.tool);
      if (l) l.count++;
      else leaks.set(call.tool, { call, what: leak.what, quote: excerpt(text, leak.index), count: 1 });
    }
    verdicts.push(`${call.tool} ${describeArgs(call.args)} \u2192 ${said.join(", ")}`);
  }
  for (const { call, what, kinds } of traversal.values()) {
    findings.push({
      ruleId: "runtime/path-traversal",
      message: `${call.tool} answered the traversal payload ${describeArgs(call.args)} in parameter "${call.param}" with ${what} instead of an error (payloads that got through: ${kinds.join(", ")})`,
      location: where(call.tool),
      key: call.param
    });
  }
  for (const { call, env, verbatim, n, count } of credentials.values()) {
    findings.push({
      ruleId: "runtime/credential-in-output",
      message: `${call.tool} ${describeArgs(call.args)} returned the canary credential of ${env} ${verbatim ? "verbatim" : `(a fragment of ${n} characters)`} instead of redacting it${count > 1 ? ` (${count} calls returned it)` : ""}`,
      location: where(call.tool),
      key: `canary-${env}`
    });
  }
  for (const [tool, calls] of accepted) {
    findings.push({
      ruleId: "runtime/input-not-validated",
      message: `${tool} accepted ${calls.length} call(s) that violate its declared inputSchema: ${calls.map((c) => `${c.kind}${c.param ? ` (${c.param})` : ""} ${describeArgs(c.args)}`).join("; ")}`,
      location: where(tool)
    });
  }
  for (const [tool, l] of leaks) {
    findings.push({
      ruleId: "runtime/error-detail-leak",
      message: `the error ${tool} returned for ${describeArgs(l.call.args)} holds ${l.what}: ${l.quote}${l.count > 1 ? ` (${l.count} refused calls leaked details)` : ""}`,
      location: where(tool)
    });
  }
  if (verdicts.length) notes.push(verdicts.join("; "));
}
export {
  MAX_CALLS_PER_TOOL,
  probeBehaviour
};
