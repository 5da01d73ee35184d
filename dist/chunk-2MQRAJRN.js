import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  keyLine,
  parseYamlDocuments
} from "./chunk-HAISQJ5Y.js";

// checks/probes/common.ts
import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
var DEFAULT_TIMEOUT_MS = 1e4;
var MAX_PEM_BYTES = 1024 * 1024;
function probeTimeout(ctx) {
  return ctx.config.probes?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}
function configLocation(ctx, section, key) {
  if (!ctx.configFile) return {};
  try {
    const abs = isAbsolute(ctx.configFile) ? ctx.configFile : resolve(ctx.root, ctx.configFile);
    const doc = parseYamlDocuments(readFileSync(abs, "utf8"), ctx.configFile)[0]?.value;
    const probes = doc?.probes;
    const sec = probes?.[section];
    const line = (key ? keyLine(sec, key) : void 0) ?? keyLine(probes, section) ?? keyLine(doc, "probes") ?? 1;
    return { file: ctx.configFile, line };
  } catch {
    return { file: ctx.configFile, line: 1 };
  }
}
var ProbeConfigError = class extends Error {
  name = "ProbeConfigError";
};
function readPem(ctx, path, what) {
  const abs = isAbsolute(path) ? path : resolve(ctx.root, path);
  let data;
  try {
    data = readFileSync(abs);
  } catch (err) {
    throw new ProbeConfigError(`${what} ${path} cannot be read (${err.code ?? "error"})`);
  }
  if (data.length > MAX_PEM_BYTES) throw new ProbeConfigError(`${what} ${path} is larger than ${MAX_PEM_BYTES} bytes`);
  if (!data.includes("-----BEGIN ")) throw new ProbeConfigError(`${what} ${path} is not PEM`);
  return data;
}
function readCredential(ctx, name) {
  const value = ctx.env[name];
  if (value === void 0 || value.trim() === "") throw new ProbeConfigError(`environment variable ${name} (tokenEnv) is not set or empty`);
  return value.trim();
}
function jsonOf(body) {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return void 0;
  }
}
function bodySummary(body, contentType) {
  const text = body.subarray(0, 4096).toString("utf8");
  const title = /<title[^>]{0,200}>([^<]{0,200})<\/title>/i.exec(text)?.[1]?.trim();
  const kind = contentType ? contentType.split(";")[0]?.trim() : "no content type";
  if (title) return `${kind} page "${title}"`;
  const snippet = text.replace(/\s+/g, " ").trim().slice(0, 80).replace(/[^\x20-\x7e]/g, "?");
  return snippet ? `${kind}: "${snippet}${text.length > 80 ? "\u2026" : ""}"` : `${kind}, empty body`;
}

export {
  probeTimeout,
  configLocation,
  ProbeConfigError,
  readPem,
  readCredential,
  jsonOf,
  bodySummary
};
