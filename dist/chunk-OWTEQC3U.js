import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);

// src/util/canonical-json.ts
function canonicalJson(value) {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("RFC 8785: non-finite number");
    if (value === void 0 || typeof value === "function" || typeof value === "symbol" || typeof value === "bigint")
      throw new TypeError(`RFC 8785: cannot canonicalise ${typeof value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out2 = "[";
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      out2 += (i === 0 ? "" : ",") + (v === void 0 ? i in value ? "null" : "" : canonicalJson(v));
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
    out += `${first ? "" : ","}${JSON.stringify(k)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

export {
  canonicalJson
};
