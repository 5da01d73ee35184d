import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-BLXERQGE.js";
import "./chunk-C7KT5PLB.js";
import {
  ProbeError,
  ProbeScope,
  describeUrl,
  garbageToken,
  httpRequest,
  portOf,
  tlsHandshake
} from "./chunk-B5733PJO.js";
import {
  ProbeConfigError,
  bodySummary,
  configLocation,
  jsonOf,
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

// checks/probes/mcp-protocol.ts
var DEFAULT_PROTOCOL_VERSION = "2025-11-25";
var CLIENT_INFO = { name: "mcp-gate-probe", version: VERSION };
function firstRequest(version) {
  const headers = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream"
  };
  if (version === "2026-07-28") {
    headers["mcp-protocol-version"] = version;
    const body2 = {
      jsonrpc: "2.0",
      id: 1,
      method: "server/discover",
      params: {
        _meta: {
          "io.modelcontextprotocol/protocolVersion": version,
          "io.modelcontextprotocol/clientCapabilities": {},
          "io.modelcontextprotocol/clientInfo": CLIENT_INFO
        }
      }
    };
    return { method: "server/discover", body: JSON.stringify(body2), headers };
  }
  const body = {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: version, capabilities: {}, clientInfo: CLIENT_INFO }
  };
  return { method: "initialize", body: JSON.stringify(body), headers };
}
function jsonRpcMessage(body, contentType) {
  const text = body.toString("utf8");
  let payload = text;
  if ((contentType ?? "").toLowerCase().startsWith("text/event-stream")) {
    const data = [];
    for (const line of text.split(/\r?\n/)) {
      if (line === "" && data.length > 0) break;
      if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    payload = data.join("\n");
  }
  try {
    const msg = JSON.parse(payload);
    return typeof msg === "object" && msg !== null && !Array.isArray(msg) && msg.jsonrpc === "2.0" ? msg : void 0;
  } catch {
    return void 0;
  }
}
function sseEventComplete(body) {
  const text = body.toString("utf8");
  const i = text.indexOf("data:");
  return i !== -1 && /\r?\n\r?\n/.test(text.slice(i));
}
function parseWwwAuthenticate(header) {
  if (!header) return { bearer: false, params: {} };
  const bearer = /(^|,)\s*bearer(\s|$|,)/i.test(header);
  const params = {};
  const re = /([A-Za-z_][A-Za-z0-9_-]{0,63})\s*=\s*(?:"((?:[^"\\]|\\.){0,2048})"|([^\s,"]{0,2048}))/g;
  for (let m = re.exec(header); m; m = re.exec(header)) {
    const key = m[1].toLowerCase();
    if (!(key in params)) params[key] = (m[2] ?? m[3] ?? "").replace(/\\(.)/g, "$1");
  }
  return { bearer, params };
}
function wellKnownMetadataUrl(resource) {
  const path = resource.pathname === "/" ? "" : resource.pathname;
  return new URL(`/.well-known/oauth-protected-resource${path}`, resource.origin);
}
function sameResource(a, b) {
  const norm = (s) => {
    const hash = s.indexOf("#");
    return (hash === -1 ? s : s.slice(0, hash)).replace(/\/$/, "");
  };
  return norm(a) === norm(b);
}

// checks/probes/endpoint-probe.ts
var EXPIRY_WINDOW_DAYS = 14;
var DAY_MS = 864e5;
var VERSIONS = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];
async function probeEndpoint(ctx, cfg, opts = {}) {
  const findings = [];
  const notes = [];
  let url;
  try {
    url = new URL(cfg.url);
  } catch {
    return { findings: [{ ruleId: "gate/check-failed", message: "probes.endpoint.url is not a URL", location: configLocation(ctx, "endpoint", "url"), key: "endpoint" }] };
  }
  const location = { ...configLocation(ctx, "endpoint", "url"), resource: `McpEndpoint/${url.host}${url.pathname}` };
  const add = (f) => findings.push({ ...f, location });
  const failed = (key, message) => add({ ruleId: "gate/check-failed", message: `endpoint probe: ${message}`, key });
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    failed("url", `unsupported scheme ${url.protocol} (expected https:)`);
    return { findings };
  }
  if (url.username || url.password) {
    failed("url", "probes.endpoint.url must not carry credentials; use tokenEnv");
    return { findings };
  }
  const scope = new ProbeScope({ allowedHosts: [url.hostname], timeoutMs: probeTimeout(ctx), signal: ctx.signal });
  let ca;
  let token;
  try {
    if (cfg.caFile) ca = readPem(ctx, cfg.caFile, "probes.endpoint.caFile");
    if (cfg.tokenEnv) {
      token = readCredential(ctx, cfg.tokenEnv);
      scope.addSecret(token);
    }
  } catch (err) {
    if (!(err instanceof ProbeConfigError)) throw err;
    failed("config", err.message);
    return { findings };
  }
  const host = url.hostname;
  const port = portOf(url);
  const version = cfg.protocolVersion ?? DEFAULT_PROTOCOL_VERSION;
  const tasks = [];
  if (url.protocol === "http:") {
    add({ ruleId: "tls/plaintext-accepted", message: `the MCP endpoint is configured as ${describeUrl(url)}: plaintext HTTP, no TLS at all`, key: "url" });
  } else {
    tasks.push(probeVersions(scope, host, port, ca, add, failed, notes));
    tasks.push(probeCertificate(ctx, scope, host, port, ca, add, failed, notes));
    tasks.push(probePlaintext(scope, url, port, version, add, notes));
    const extra = opts.plainPort === void 0 ? 80 : opts.plainPort;
    if (extra !== null && extra !== port) tasks.push(probePlaintext(scope, url, extra, version, add, notes));
  }
  tasks.push(probeAuth(scope, url, version, ca, token, add, failed, notes));
  await Promise.all(tasks);
  const hosts = [...new Set(scope.connections.map((c) => `${c.host}:${c.port}`))];
  return {
    findings: findings.map((f) => ({ ...f, message: scope.redact(f.message) })),
    detail: scope.redact(`probed ${describeUrl(url)} (MCP ${version}); ${scope.connections.length} connections to ${hosts.join(", ")}${notes.length ? `; ${notes.join("; ")}` : ""}`)
  };
}
async function probeVersions(scope, host, port, ca, add, failed, notes) {
  const outcomes = await Promise.all(
    VERSIONS.map(async (v) => {
      try {
        const r = await tlsHandshake(scope, {
          host,
          port,
          minVersion: v,
          maxVersion: v,
          // OpenSSL 3 refuses TLS 1.0/1.1 at the default security level on the client side.
          ...v === "TLSv1" || v === "TLSv1.1" ? { ciphers: "DEFAULT@SECLEVEL=0" } : {},
          ...ca ? { ca } : {}
        });
        return { v, accepted: r.protocol === v };
      } catch (err) {
        if (err instanceof ProbeError && err.code === "tls") return { v, accepted: false };
        return { v, error: err };
      }
    })
  );
  const firstError = outcomes.find((o) => o.error)?.error;
  if (firstError) {
    failed("tls-versions", `TLS version handshakes could not complete: ${firstError.message}`);
    return;
  }
  const accepted = outcomes.filter((o) => o.accepted).map((o) => o.v);
  notes.push(`TLS versions accepted: ${accepted.length ? accepted.join(", ") : "none"}`);
  if (accepted.length === 0) {
    failed("tls-versions", `no TLS handshake with ${host}:${port} succeeded for any version (the port does not speak TLS?)`);
    return;
  }
  const weak = accepted.filter((v) => v !== "TLSv1.3");
  if (weak.length > 0) {
    add({ ruleId: "tls/weak-protocol", message: `${host}:${port} accepts ${weak.join(", ")} (only TLSv1.3 should be accepted)` });
  }
}
async function probeCertificate(ctx, scope, host, port, ca, add, failed, notes) {
  let r;
  try {
    r = await tlsHandshake(scope, { host, port, ...ca ? { ca } : {} });
  } catch (err) {
    failed("certificate", `cannot read the certificate: ${err.message}`);
    return;
  }
  if (!r.cert) {
    failed("certificate", `${host}:${port} presented no certificate`);
    return;
  }
  const trust = ca ? "probes.endpoint.caFile" : "the system trust store";
  const notAfter = new Date(r.cert.valid_to);
  if (Number.isNaN(notAfter.getTime())) {
    failed("certificate", `certificate has an unreadable expiry (${scope.quote(String(r.cert.valid_to), 60)})`);
    return;
  }
  const daysLeft = (notAfter.getTime() - ctx.now.getTime()) / DAY_MS;
  notes.push(`certificate expires ${notAfter.toISOString()} (${daysLeft.toFixed(1)} days)`);
  if (daysLeft <= 0 || r.authorizationError === "CERT_HAS_EXPIRED") {
    add({ ruleId: "tls/cert-expiring", message: `the certificate of ${host}:${port} expired on ${notAfter.toISOString()}` });
  } else if (daysLeft < EXPIRY_WINDOW_DAYS) {
    const rotation = scheduledRotation(ctx, host);
    if (rotation) notes.push(`certificate renewal scheduled by ${rotation}`);
    else {
      add({
        ruleId: "tls/cert-expiring",
        message: `the certificate of ${host}:${port} expires on ${notAfter.toISOString()} (${daysLeft.toFixed(1)} days) and no cert-manager Certificate with renewBefore covers ${host} in the repository`
      });
    }
  }
  if (r.authorizationError === "ERR_TLS_CERT_ALTNAME_INVALID") {
    failed("certificate-chain", `the certificate of ${host}:${port} does not name ${host} (ERR_TLS_CERT_ALTNAME_INVALID)`);
  } else if (r.authorizationError && r.authorizationError !== "CERT_HAS_EXPIRED") {
    failed("certificate-chain", `the certificate chain of ${host}:${port} does not verify against ${trust} (${r.authorizationError})`);
  } else if (r.hostnameError) {
    failed("certificate-chain", `the certificate of ${host}:${port} does not match the host: ${r.hostnameError}`);
  }
}
function scheduledRotation(ctx, host) {
  const h = host.toLowerCase();
  const covers = (name) => {
    if (typeof name !== "string") return false;
    const n = name.toLowerCase();
    if (n === h) return true;
    return n.startsWith("*.") && h.endsWith(n.slice(1)) && !h.slice(0, h.length - n.length + 1).includes(".");
  };
  for (const obj of ctx.workspace.kubernetes(ctx.config.kubernetes).objects) {
    if (obj.kind !== "Certificate" || !obj.apiVersion.startsWith("cert-manager.io/")) continue;
    const spec = isObj(obj.raw.spec) ? obj.raw.spec : {};
    const renew = typeof spec.renewBefore === "string" && spec.renewBefore !== "" || typeof spec.renewBeforePercentage === "number";
    if (!renew) continue;
    const names = [spec.commonName, ...Array.isArray(spec.dnsNames) ? spec.dnsNames : [], ...Array.isArray(spec.ipAddresses) ? spec.ipAddresses : []];
    if (names.some(covers)) return obj.resource;
  }
  return void 0;
}
var SERVED = /* @__PURE__ */ new Set([401, 403, 405, 406, 415]);
async function probePlaintext(scope, url, port, version, add, notes) {
  const plain = new URL(url.href);
  plain.protocol = "http:";
  plain.port = port === 80 ? "" : String(port);
  const req = firstRequest(version);
  let res;
  try {
    res = await httpRequest(scope, { url: plain, method: "POST", headers: req.headers, body: req.body, redirects: "none", maxBytes: 64 * 1024, retryOnReset: false });
  } catch (err) {
    notes.push(`plaintext ${plain.host}: not accepted (${err instanceof ProbeError ? err.code : "error"})`);
    return;
  }
  const location = typeof res.headers.location === "string" ? res.headers.location : "";
  if (res.status >= 300 && res.status < 400) {
    let target;
    try {
      target = new URL(location, plain);
    } catch {
    }
    if (target?.protocol === "https:") {
      notes.push(`plaintext ${plain.host}: redirects to HTTPS`);
      return;
    }
    add({ ruleId: "tls/plaintext-accepted", message: `plain HTTP to ${describeUrl(plain)} answered ${res.status} redirecting to a non-HTTPS location`, key: `port-${port}` });
    return;
  }
  if (res.status >= 200 && res.status < 300 || SERVED.has(res.status)) {
    add({
      ruleId: "tls/plaintext-accepted",
      message: `plain HTTP ${req.method} to ${describeUrl(plain)} answered ${res.status}: the MCP endpoint is served without TLS${res.status === 401 ? " (clients would send their tokens in clear)" : ""}`,
      key: `port-${port}`
    });
    return;
  }
  notes.push(`plaintext ${plain.host}: answered ${res.status}, not the MCP endpoint`);
}
async function probeAuth(scope, url, version, ca, token, add, failed, notes) {
  const req = firstRequest(version);
  const bogus = garbageToken();
  const send = (headers, verify) => httpRequest(scope, {
    url,
    method: "POST",
    headers: { ...req.headers, ...headers },
    body: req.body,
    redirects: "same-origin",
    rejectUnauthorized: verify,
    enough: sseEventComplete,
    ...ca ? { ca } : {}
  });
  const tasks = [
    send({}, false).then(
      async (res) => {
        judgeUnauthorized(scope, res, "no-credentials", `an unauthenticated ${req.method}`, add, failed);
        if (res.status === 401) await probeMetadata(scope, url, res, ca, add, failed, notes);
      },
      (err) => failed("auth", `unauthenticated ${req.method}: ${err.message}`)
    ),
    send({ authorization: `Bearer ${bogus}` }, false).then(
      (res) => judgeUnauthorized(scope, res, "invalid-token", `${req.method} with a made-up bearer token`, add, failed),
      (err) => failed("auth-invalid-token", `${req.method} with a made-up token: ${err.message}`)
    )
  ];
  if (token !== void 0) {
    if (url.protocol !== "https:") {
      failed("auth-token", "the token from tokenEnv is not sent over plaintext HTTP, so authenticated access cannot be verified");
    } else {
      tasks.push(
        send({ authorization: `Bearer ${token}` }, true).then(
          (res) => {
            const msg = res.status >= 200 && res.status < 300 ? jsonRpcMessage(res.body, res.headers["content-type"]) : void 0;
            if (msg && "result" in msg) notes.push(`authenticated ${req.method} succeeded`);
            else {
              failed(
                "auth-token",
                `the authenticated ${req.method} (token from tokenEnv) answered ${res.status}${msg && "error" in msg ? " with a JSON-RPC error" : ""}: the probe cannot tell whether authentication works`
              );
            }
          },
          (err) => failed("auth-token", `authenticated ${req.method}: ${err.message}`)
        )
      );
    }
  }
  await Promise.all(tasks);
}
function judgeUnauthorized(scope, res, key, what, add, failed) {
  if (res.status === 401) return;
  const msg = jsonRpcMessage(res.body, res.headers["content-type"]);
  const observed = msg && "result" in msg ? "a JSON-RPC result" : msg && "error" in msg ? "a JSON-RPC error" : bodySummary(scope, res.body, res.headers["content-type"]);
  if (res.status >= 500 || res.status === 404) {
    failed(`auth-${key}`, `${what} to ${describeUrl(res.url)} answered ${res.status} with ${observed}: the probe cannot tell whether authentication is enforced`);
    return;
  }
  add({ ruleId: "auth/not-enforced", message: `${what} to ${describeUrl(res.url)} answered ${res.status} with ${observed} (expected 401)`, key });
}
async function probeMetadata(scope, url, res401, ca, add, failed, notes) {
  const header = res401.headers["www-authenticate"];
  const www = parseWwwAuthenticate(Array.isArray(header) ? header.join(", ") : header);
  if (!www.bearer) {
    add({
      ruleId: "auth/not-enforced",
      message: `401 from ${describeUrl(url)} carries ${header ? "a WWW-Authenticate header without the Bearer scheme" : "no WWW-Authenticate header"} (MCP authorization requires Bearer with resource_metadata)`,
      key: "www-authenticate"
    });
  }
  let metaUrl;
  const advertised = www.params.resource_metadata;
  try {
    metaUrl = advertised ? new URL(advertised) : wellKnownMetadataUrl(url);
  } catch {
    add({ ruleId: "auth/not-enforced", message: `WWW-Authenticate resource_metadata is not a URL`, key: "resource-metadata" });
    return;
  }
  notes.push(`protected-resource metadata ${advertised ? "advertised at" : "looked up at"} ${describeUrl(metaUrl)}`);
  let res;
  try {
    res = await httpRequest(scope, { url: metaUrl, method: "GET", headers: { accept: "application/json" }, redirects: "same-origin", rejectUnauthorized: false, maxBytes: 256 * 1024, ...ca ? { ca } : {} });
  } catch (err) {
    failed("resource-metadata", `protected-resource metadata: ${err.message}`);
    return;
  }
  if (res.status !== 200) {
    add({ ruleId: "auth/not-enforced", message: `no RFC 9728 protected-resource metadata: ${describeUrl(metaUrl)} answered ${res.status}`, key: "resource-metadata" });
    return;
  }
  const meta = jsonOf(res.body);
  if (!isObj(meta)) {
    failed("resource-metadata", `protected-resource metadata at ${describeUrl(metaUrl)} is not a JSON object (${bodySummary(scope, res.body, res.headers["content-type"])})`);
    return;
  }
  const problems = [];
  if (typeof meta.resource !== "string") problems.push('no "resource"');
  else if (!sameResource(meta.resource, url.href)) problems.push(`"resource" is "${scope.quote(meta.resource, 200)}", not ${url.href}`);
  const servers = meta.authorization_servers;
  if (!Array.isArray(servers) || servers.length === 0 || !servers.every((s) => typeof s === "string" && s !== "")) problems.push('no "authorization_servers"');
  if (problems.length > 0) {
    add({ ruleId: "auth/not-enforced", message: `protected-resource metadata at ${describeUrl(metaUrl)}: ${problems.join("; ")}`, key: "resource-metadata" });
  }
}
export {
  EXPIRY_WINDOW_DAYS,
  probeEndpoint,
  scheduledRotation
};
