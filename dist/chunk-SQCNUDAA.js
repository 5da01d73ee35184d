import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  configDocument
} from "./chunk-357DEUAJ.js";
import {
  keyLine,
  readRegularFile
} from "./chunk-XAOTV5DC.js";
import {
  InputError
} from "./chunk-LAB7SYR4.js";

// checks/probes/common.ts
var DEFAULT_TIMEOUT_MS = 1e4;
var MAX_PEM_BYTES = 1024 * 1024;
function probeTimeout(ctx) {
  return ctx.config.probes?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}
function configLocation(ctx, section, key) {
  if (!ctx.configFile) return {};
  try {
    const doc = configDocument(ctx);
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
  let data;
  try {
    data = readRegularFile(path, { within: ctx.root, maxBytes: MAX_PEM_BYTES, display: path });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new ProbeConfigError(`${what} ${path} ${err.message}`);
  }
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
function bodySummary(scope, body, contentType) {
  const text = scope.redact(body.toString("utf8"));
  const title = /<title[^>]{0,200}>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
  const kind = contentType ? scope.quote(contentType.split(";")[0] ?? "", 60) : "no content type";
  if (title) return `${kind} page "${scope.quote(title, 120)}"`;
  const snippet = scope.quote(text, 80);
  return snippet ? `${kind}: "${snippet}"` : `${kind}, empty body`;
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
