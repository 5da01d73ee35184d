import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  quoteUntrusted,
  redactSecrets
} from "./chunk-K4MPSSIE.js";

// checks/probes/net.ts
import { randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import tls from "node:tls";
var ProbeError = class extends Error {
  name = "ProbeError";
  code;
  constructor(code, message) {
    super(message);
    this.code = code;
  }
};
function isUnreachable(err) {
  return err instanceof ProbeError && ["timeout", "dns", "refused", "reset", "network"].includes(err.code);
}
var DEFAULT_MAX_BYTES = 1024 * 1024;
var ProbeScope = class {
  allowedHosts;
  deadline;
  signal;
  /** Every connection attempted, in order (the report detail and the tests use it). */
  connections = [];
  #secrets = [];
  constructor(opts) {
    this.allowedHosts = new Set([...opts.allowedHosts].map(normalizeHost));
    this.deadline = Date.now() + opts.timeoutMs;
    this.signal = opts.signal;
  }
  /** A value that must never appear in any message (tokens, keys). */
  addSecret(value) {
    if (value.length >= 4) this.#secrets.push(value);
  }
  /** `text` with the secrets and anything credential-looking replaced by *** (checks/common/redact.ts). */
  redact(text) {
    return redactSecrets(text, this.#secrets);
  }
  /** Text the server wrote, for a message: redacted before it is cut to `max` characters. */
  quote(text, max) {
    return quoteUntrusted(text, this.#secrets, max);
  }
  remainingMs() {
    return Math.max(0, this.deadline - Date.now());
  }
  /** Throws unless `host` is one of the configured hosts. Called before every connect. */
  assertAllowed(host, port, isTls) {
    const h = normalizeHost(host);
    if (!this.allowedHosts.has(h)) {
      throw new ProbeError("not-allowed", `refused to contact ${h}: probes only connect to the configured hosts (${[...this.allowedHosts].join(", ")})`);
    }
    if (this.signal?.aborted) throw new ProbeError("timeout", "gate time budget exhausted");
    if (this.remainingMs() === 0) throw new ProbeError("timeout", "probe time budget exhausted");
    this.connections.push({ host: h, port, tls: isTls });
  }
};
function normalizeHost(host) {
  const h = host.toLowerCase();
  return h.startsWith("[") && h.endsWith("]") ? h.slice(1, -1) : h;
}
function portOf(url) {
  if (url.port) return Number(url.port);
  return url.protocol === "http:" ? 80 : 443;
}
function describeNetError(err, where) {
  if (err instanceof ProbeError) return err;
  const e = err;
  const code = e?.code ?? "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_FAIL" || code === "EAI_NONAME") {
    return new ProbeError("dns", `${where}: host name does not resolve (${code})`);
  }
  if (code === "ECONNREFUSED") return new ProbeError("refused", `${where}: connection refused`);
  if (code === "ECONNRESET" || code === "EPIPE") return new ProbeError("reset", `${where}: connection reset by peer`);
  if (code === "ETIMEDOUT" || code === "ABORT_ERR") return new ProbeError("timeout", `${where}: timed out`);
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH" || code === "EADDRNOTAVAIL") return new ProbeError("network", `${where}: ${code}`);
  if (code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS") || /SSL|TLS|certificate|handshake/i.test(e?.message ?? "")) {
    return new ProbeError("tls", `${where}: TLS failure (${code || "handshake"}${e?.reason ? `: ${e.reason}` : ""})`);
  }
  if (code === "HPE_INVALID_CONSTANT" || code.startsWith("HPE_")) return new ProbeError("protocol", `${where}: the peer did not answer with HTTP (${code})`);
  return new ProbeError("network", `${where}: ${code || e?.message || String(err)}`);
}
async function httpRequest(scope, req) {
  let url = req.url;
  for (let hop = 0; ; hop++) {
    const res = await withResetRetry(() => requestOnce(scope, { ...req, url }), req.retryOnReset === false ? 0 : 2);
    const location = res.headers.location;
    if (res.status < 300 || res.status >= 400 || typeof location !== "string" || req.redirects === "none") return res;
    let next;
    try {
      next = new URL(location, url);
    } catch {
      throw new ProbeError("protocol", `${describeUrl(url)}: redirect with an invalid Location header`);
    }
    if (next.origin !== url.origin) {
      throw new ProbeError(
        "redirect-refused",
        `${describeUrl(url)} answered ${res.status} redirecting to ${describeUrl(next)}: not followed (probes never follow redirects to another host or scheme)`
      );
    }
    if (hop >= 2) throw new ProbeError("protocol", `${describeUrl(url)}: more than 3 redirects`);
    url = next;
  }
}
function describeUrl(url) {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
async function withResetRetry(fn, retries) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof ProbeError && err.code === "reset") || attempt >= retries) throw err;
    }
  }
}
function requestOnce(scope, req) {
  const url = req.url;
  const isTls = url.protocol === "https:";
  if (!isTls && url.protocol !== "http:") return Promise.reject(new ProbeError("protocol", `unsupported URL scheme ${url.protocol}`));
  const port = portOf(url);
  const where = `${req.method} ${describeUrl(url)}`;
  try {
    scope.assertAllowed(url.hostname, port, isTls);
  } catch (err) {
    return Promise.reject(err);
  }
  const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      scope.signal?.removeEventListener("abort", onAbort);
      r.destroy();
      if (err) reject(new ProbeError(err.code, scope.redact(err.message)));
      else resolve(value);
    };
    const onAbort = () => finish(new ProbeError("timeout", `${where}: gate time budget exhausted`));
    const timer = setTimeout(() => finish(new ProbeError("timeout", `${where}: no complete answer within the probe timeout`)), scope.remainingMs());
    const headers = { "user-agent": "mcp-gate-probe", ...req.headers ?? {} };
    if (req.body !== void 0) headers["content-length"] = String(Buffer.byteLength(req.body));
    const options = {
      host: normalizeHost(url.hostname),
      servername: isIpLiteral(url.hostname) ? void 0 : url.hostname,
      port,
      path: `${url.pathname}${url.search}`,
      method: req.method,
      headers,
      agent: false,
      maxHeaderSize: 64 * 1024,
      ...isTls ? {
        ...req.ca ? { ca: req.ca } : {},
        ...req.cert ? { cert: req.cert } : {},
        ...req.key ? { key: req.key } : {},
        rejectUnauthorized: req.rejectUnauthorized ?? true
      } : {}
    };
    const r = (isTls ? https : http).request(options, (res) => {
      const chunks = [];
      let size = 0;
      const done = () => finish(void 0, {
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: Buffer.concat(chunks),
        url,
        ...isTls ? { tlsProtocol: res.socket.getProtocol?.() ?? void 0 } : {}
      });
      res.on("data", (chunk) => {
        size += chunk.length;
        if (size > maxBytes) {
          finish(new ProbeError("too-large", `${where}: response body exceeds ${maxBytes} bytes; stopped reading`));
          return;
        }
        chunks.push(chunk);
        if (req.enough?.(Buffer.concat(chunks))) done();
      });
      res.on("end", done);
      res.on("error", (err) => finish(describeNetError(err, where)));
      res.on("aborted", () => finish(new ProbeError("reset", `${where}: connection closed mid-response`)));
    });
    r.on("error", (err) => finish(describeNetError(err, where)));
    if (scope.signal) {
      if (scope.signal.aborted) onAbort();
      else scope.signal.addEventListener("abort", onAbort, { once: true });
    }
    r.end(req.body);
  });
}
function isIpLiteral(host) {
  const h = normalizeHost(host);
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(h) || h.includes(":");
}
function tlsHandshake(scope, req) {
  const where = `TLS handshake with ${req.host}:${req.port}${req.maxVersion && req.maxVersion === req.minVersion ? ` (${req.maxVersion})` : ""}`;
  try {
    scope.assertAllowed(req.host, req.port, true);
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    let result;
    const finish = (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(lingerTimer);
      scope.signal?.removeEventListener("abort", onAbort);
      socket.destroy();
      if (err && !result) reject(new ProbeError(err.code, scope.redact(err.message)));
      else resolve(result);
    };
    const onAbort = () => finish(new ProbeError("timeout", `${where}: gate time budget exhausted`));
    const timer = setTimeout(() => finish(new ProbeError("timeout", `${where}: no handshake within the probe timeout`)), scope.remainingMs());
    let lingerTimer;
    const host = normalizeHost(req.host);
    const socket = tls.connect({
      host,
      port: req.port,
      servername: isIpLiteral(host) ? void 0 : host,
      rejectUnauthorized: false,
      ...req.minVersion ? { minVersion: req.minVersion } : {},
      ...req.maxVersion ? { maxVersion: req.maxVersion } : {},
      ...req.ciphers ? { ciphers: req.ciphers } : {},
      ...req.ca ? { ca: req.ca } : {},
      ...req.cert ? { cert: req.cert } : {},
      ...req.key ? { key: req.key } : {}
    });
    socket.on("secureConnect", () => {
      const cert = socket.getPeerCertificate(true);
      const hasCert = cert && Object.keys(cert).length > 0;
      const idError = hasCert ? tls.checkServerIdentity(host, cert) : new Error("no certificate");
      result = {
        protocol: socket.getProtocol(),
        authorized: socket.authorized,
        ...socket.authorizationError ? { authorizationError: String(socket.authorizationError) } : {},
        // Names from the server's certificate: its text, so quoted like any.
        ...idError ? { hostnameError: scope.quote(idError.message, 300) } : {},
        ...hasCert ? { cert } : {}
      };
      if (!req.lingerMs) {
        finish(void 0);
        return;
      }
      const closed = (why) => {
        if (result && !result.closedAfterHandshake) result.closedAfterHandshake = why;
        finish(void 0);
      };
      socket.on("end", () => closed("server closed the connection"));
      socket.on("close", () => closed("server closed the connection"));
      socket.removeAllListeners("error");
      socket.on("error", (err) => closed(describeNetError(err, where).message));
      lingerTimer = setTimeout(() => finish(void 0), Math.min(req.lingerMs, scope.remainingMs()));
      socket.resume();
    });
    socket.on("error", (err) => finish(describeNetError(err, where)));
    if (scope.signal) {
      if (scope.signal.aborted) onAbort();
      else scope.signal.addEventListener("abort", onAbort, { once: true });
    }
  });
}
function garbageToken() {
  return `mcp-gate-probe-${randomBytes(32).toString("base64url")}`;
}

export {
  ProbeError,
  isUnreachable,
  ProbeScope,
  portOf,
  httpRequest,
  describeUrl,
  tlsHandshake,
  garbageToken
};
