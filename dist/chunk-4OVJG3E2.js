import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);

// src/util/canonical-json.ts
var MAX_JSON_DEPTH = 512;
var CanonicalJsonError = class extends Error {
  name = "CanonicalJsonError";
  reason;
  pointer;
  constructor(reason, pointer) {
    super(`RFC 8785: ${reason} at ${pointer === "" ? "/ (the value itself)" : shortPointer(pointer)}`);
    this.reason = reason;
    this.pointer = pointer;
  }
};
function shortPointer(pointer) {
  if (pointer.length <= 120) return pointer;
  const depth = pointer.split("/").length - 1;
  return `${pointer.slice(0, 56)}\u2026${pointer.slice(-56)} (depth ${depth})`;
}
function canonicalJson(value) {
  try {
    return write(value, 0);
  } catch (err) {
    if (err !== REFUSED && !(err instanceof RangeError)) throw err;
    throw locateProblem(value) ?? new CanonicalJsonError(`cannot canonicalise (${err.message ?? "refused"})`, "");
  }
}
var REFUSED = /* @__PURE__ */ Symbol("refused");
function write(value, depth) {
  if (value === null || typeof value !== "object") {
    if (value === null || typeof value === "string" || typeof value === "boolean" || typeof value === "number" && Number.isFinite(value)) return JSON.stringify(value);
    throw REFUSED;
  }
  if (depth >= MAX_JSON_DEPTH) throw REFUSED;
  if (Array.isArray(value)) {
    let out2 = "[";
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (v === void 0 && !(i in value)) throw REFUSED;
      out2 += (i === 0 ? "" : ",") + (v === void 0 ? "null" : write(v, depth + 1));
    }
    return `${out2}]`;
  }
  const o = value;
  const keys = Object.keys(o);
  keys.sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = o[k];
    if (v === void 0) continue;
    out += `${first ? "" : ","}${JSON.stringify(k)}:${write(v, depth + 1)}`;
    first = false;
  }
  return `${out}}`;
}
function problemOf(v, present, depth) {
  if (!present) return "array hole (sparse array)";
  if (v === null || v === void 0) return void 0;
  if (typeof v === "number") return Number.isFinite(v) ? void 0 : `non-finite number ${v} (JSON has no ${v}; a literal such as 1e400 overflows to it)`;
  if (typeof v === "function" || typeof v === "symbol" || typeof v === "bigint") return `cannot canonicalise ${typeof v}`;
  if (typeof v === "object" && depth >= MAX_JSON_DEPTH) return `nesting deeper than ${MAX_JSON_DEPTH} levels`;
  return void 0;
}
function escapePointerToken(token) {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
function locateProblem(root) {
  if (root === void 0) return new CanonicalJsonError("cannot canonicalise undefined", "");
  const stack = [{ v: root, path: "", depth: 0, present: true }];
  while (stack.length > 0) {
    const { v, path, depth, present } = stack.pop();
    const problem = problemOf(v, present, depth);
    if (problem) return new CanonicalJsonError(problem, path);
    if (typeof v !== "object" || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}/${i}`, depth: depth + 1, present: i in v });
      continue;
    }
    const o = v;
    const keys = Object.keys(o).sort();
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i];
      if (o[k] !== void 0) stack.push({ v: o[k], path: `${path}/${escapePointerToken(k)}`, depth: depth + 1, present: true });
    }
  }
  return void 0;
}

export {
  MAX_JSON_DEPTH,
  CanonicalJsonError,
  shortPointer,
  canonicalJson,
  escapePointerToken
};
