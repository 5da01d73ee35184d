import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  ProbeError,
  ProbeScope,
  describeUrl,
  httpRequest,
  isUnreachable,
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

// checks/probes/siem-probe.ts
var SYSLOG_LINGER_MS = 750;
var Verdict = class extends Error {
  kind;
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
};
var unreachable = (m) => new Verdict("unreachable", m);
var cannotTell = (m) => new Verdict("failed", m);
async function probeSiem(ctx, cfg) {
  const location = { ...configLocation(ctx, "siem", "url"), resource: `Siem/${cfg.kind}` };
  const finding = (ruleId, message) => ({
    findings: [{ ruleId, message, location, key: "siem" }],
    detail: `SIEM ${cfg.kind}: ${message}`
  });
  let target;
  try {
    target = parseTarget(cfg);
  } catch (err) {
    return finding("gate/check-failed", `SIEM probe: ${err.message}`);
  }
  const scope = new ProbeScope({ allowedHosts: [target.host], timeoutMs: probeTimeout(ctx), signal: ctx.signal });
  try {
    const material = loadMaterial(ctx, cfg, scope);
    const ok = await PROBES[cfg.kind](scope, cfg, target, material);
    return { findings: [], detail: `SIEM ${cfg.kind} at ${target.url ? describeUrl(target.url) : `${target.host}:${target.port}`}: ${ok}` };
  } catch (err) {
    if (err instanceof ProbeConfigError) return finding("gate/check-failed", `SIEM probe: ${err.message}`);
    if (err instanceof Verdict) {
      return err.kind === "unreachable" ? finding("siem/unreachable", `SIEM ${cfg.kind}: ${scope.redact(err.message)}`) : finding("gate/check-failed", `SIEM probe (${cfg.kind}): ${scope.redact(err.message)}`);
    }
    if (isUnreachable(err)) return finding("siem/unreachable", `SIEM ${cfg.kind} not reachable: ${err.message}`);
    if (err instanceof ProbeError) return finding("gate/check-failed", `SIEM probe (${cfg.kind}): ${err.message}`);
    throw err;
  }
}
function parseTarget(cfg) {
  if (cfg.kind === "syslog-tls") {
    const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(\[[0-9a-fA-F:.]+\]|[^:/\s]+)(?::(\d{1,5}))?\/?$/.exec(cfg.url);
    if (!m) throw new Error(`probes.siem.url "${cfg.url.slice(0, 100)}" is not host:port`);
    const host = m[1].replace(/^\[|\]$/g, "");
    const port = m[2] ? Number(m[2]) : 6514;
    if (port < 1 || port > 65535) throw new Error(`probes.siem.url port ${port} out of range`);
    return { host, port };
  }
  let url;
  try {
    url = new URL(cfg.url);
  } catch {
    throw new Error("probes.siem.url is not a URL");
  }
  if (url.username || url.password) throw new Error("probes.siem.url must not carry credentials; use tokenEnv");
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`probes.siem.url has unsupported scheme ${url.protocol}`);
  return { url, host: url.hostname, port: url.port ? Number(url.port) : url.protocol === "http:" ? 80 : 443 };
}
var NEEDS_TOKEN = /* @__PURE__ */ new Set(["splunk-hec", "elastic", "datadog"]);
function loadMaterial(ctx, cfg, scope) {
  const m = {};
  if (cfg.tokenEnv) {
    m.token = readCredential(ctx, cfg.tokenEnv);
    scope.addSecret(m.token);
  } else if (NEEDS_TOKEN.has(cfg.kind)) {
    throw new ProbeConfigError(`probes.siem.tokenEnv is required for kind ${cfg.kind} (the probe must prove the credential is accepted)`);
  }
  if (cfg.caFile) m.ca = readPem(ctx, cfg.caFile, "probes.siem.caFile");
  if (cfg.certFile === void 0 !== (cfg.keyFile === void 0)) throw new ProbeConfigError("probes.siem.certFile and keyFile go together");
  if (cfg.certFile) m.cert = readPem(ctx, cfg.certFile, "probes.siem.certFile");
  if (cfg.keyFile) m.key = readPem(ctx, cfg.keyFile, "probes.siem.keyFile");
  if (cfg.kind === "elastic" && !cfg.index) throw new ProbeConfigError("probes.siem.index is required for kind elastic (the index audit events are written to)");
  return m;
}
function endpoint(base, path) {
  const u = new URL(base.href);
  u.pathname = `${base.pathname.replace(/\/+$/, "")}${path}`;
  u.search = "";
  return u;
}
function tlsOptions(m) {
  return { ...m.ca ? { ca: m.ca } : {}, ...m.cert ? { cert: m.cert } : {}, ...m.key ? { key: m.key } : {} };
}
function rejected(res, what) {
  return unreachable(`${what} rejected the credential from tokenEnv (HTTP ${res.status})`);
}
function expectJson(scope, res, what) {
  const value = jsonOf(res.body);
  if (!isObj(value)) throw cannotTell(`${what} answered ${res.status} with ${bodySummary(scope, res.body, res.headers["content-type"])}, not the documented JSON`);
  return value;
}
var PROBES = {
  // https://docs.splunk.com/Documentation/Splunk/latest/Data/TroubleshootHTTPEventCollector
  // An empty event POST is answered 400 {"text":"No data","code":5} once the token is accepted.
  "splunk-hec": async (scope, _cfg, t, m) => {
    const url = endpoint(t.url, "/services/collector/event");
    const res = await httpRequest(scope, { url, method: "POST", headers: { authorization: `Splunk ${m.token}` }, body: "", redirects: "same-origin", ...tlsOptions(m) });
    if (res.status === 401 || res.status === 403) throw rejected(res, "Splunk HEC");
    const body = expectJson(scope, res, "Splunk HEC");
    if (res.status === 400 && (body.code === 5 || body.text === "No data")) return 'token accepted (empty event answered "No data")';
    if (body.code === 2 || body.code === 3 || body.code === 4 || body.code === 1) throw unreachable(`Splunk HEC rejected the token: ${scope.quote(String(body.text), 100)} (code ${scope.quote(String(body.code), 20)})`);
    if (body.code === 9 || res.status === 503) throw unreachable(`Splunk HEC is not accepting events: ${scope.quote(String(body.text), 100)}`);
    throw cannotTell(`Splunk HEC answered ${res.status} with code ${scope.quote(JSON.stringify(body.code) ?? "none", 40)}, not the documented "No data"`);
  },
  // https://www.elastic.co/docs/api/doc/elasticsearch/operation/operation-security-authenticate
  // and .../operation-security-has-privileges (create_doc on the audit index).
  elastic: async (scope, cfg, t, m) => {
    const token = m.token;
    const authorization = /^(ApiKey|Basic|Bearer) /.test(token) ? token : `ApiKey ${token}`;
    const auth = await httpRequest(scope, {
      url: endpoint(t.url, "/_security/_authenticate"),
      method: "GET",
      headers: { authorization, accept: "application/json" },
      redirects: "same-origin",
      ...tlsOptions(m)
    });
    if (auth.status === 401 || auth.status === 403) throw rejected(auth, "Elasticsearch");
    const who = expectJson(scope, auth, "Elasticsearch _security/_authenticate");
    if (auth.status !== 200 || typeof who.username !== "string") throw cannotTell(`Elasticsearch _security/_authenticate answered ${auth.status} without a username`);
    const priv = await httpRequest(scope, {
      url: endpoint(t.url, "/_security/user/_has_privileges"),
      method: "POST",
      headers: { authorization, accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({ index: [{ names: [cfg.index], privileges: ["create_doc"] }] }),
      redirects: "same-origin",
      ...tlsOptions(m)
    });
    if (priv.status === 401 || priv.status === 403) throw rejected(priv, "Elasticsearch _has_privileges");
    const has = expectJson(scope, priv, "Elasticsearch _security/user/_has_privileges");
    if (priv.status !== 200 || typeof has.has_all_requested !== "boolean") throw cannotTell(`Elasticsearch _has_privileges answered ${priv.status} without has_all_requested`);
    if (!has.has_all_requested) throw unreachable(`the Elasticsearch credential may not write (create_doc) to index ${cfg.index}`);
    return `credential accepted, create_doc on ${cfg.index} granted`;
  },
  // https://docs.datadoghq.com/api/latest/authentication/#validate-api-key
  datadog: async (scope, _cfg, t, m) => {
    const res = await httpRequest(scope, {
      url: endpoint(t.url, "/api/v1/validate"),
      method: "GET",
      headers: { "dd-api-key": m.token, accept: "application/json" },
      redirects: "same-origin",
      ...tlsOptions(m)
    });
    if (res.status === 401 || res.status === 403) throw rejected(res, "Datadog");
    const body = expectJson(scope, res, "Datadog /api/v1/validate");
    if (res.status === 200 && body.valid === true) return "API key valid";
    throw cannotTell(`Datadog /api/v1/validate answered ${res.status} without "valid": true`);
  },
  // https://opentelemetry.io/docs/specs/otlp/#otlphttp-request : an empty ExportLogsServiceRequest
  // writes nothing and is answered 200 (ExportLogsServiceResponse, possibly empty).
  "otlp-http": async (scope, _cfg, t, m) => {
    const res = await httpRequest(scope, {
      url: endpoint(t.url, "/v1/logs"),
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...m.token ? { authorization: `Bearer ${m.token}` } : {} },
      body: '{"resourceLogs":[]}',
      redirects: "same-origin",
      ...tlsOptions(m)
    });
    if (res.status === 401 || res.status === 403) throw rejected(res, "OTLP collector");
    if (res.status !== 200) {
      if (res.status >= 500) throw unreachable(`OTLP collector answered ${res.status}`);
      throw cannotTell(`OTLP /v1/logs answered ${res.status} with ${bodySummary(scope, res.body, res.headers["content-type"])}`);
    }
    if (res.body.length > 0) expectJson(scope, res, "OTLP /v1/logs");
    return "empty export accepted";
  },
  // RFC 5425: syslog over TLS. A handshake (mutual when certFile/keyFile are set), then close: nothing is logged.
  "syslog-tls": async (scope, _cfg, t, m) => {
    let r;
    try {
      r = await tlsHandshake(scope, { host: t.host, port: t.port, ...tlsOptions(m), lingerMs: SYSLOG_LINGER_MS });
    } catch (err) {
      if (err instanceof ProbeError && err.code === "tls") throw cannotTell(`${err.message}: not a TLS syslog listener?`);
      if (err instanceof ProbeError && err.code === "reset")
        throw unreachable(`the syslog server reset the connection during the TLS handshake${m.cert ? ": client certificate rejected?" : ": it probably requires a client certificate (certFile/keyFile)"}`);
      throw err;
    }
    if (r.authorizationError) throw unreachable(`the syslog server's certificate does not verify against ${m.ca ? "probes.siem.caFile" : "the system store"} (${r.authorizationError}); a log shipper would refuse it`);
    if (r.hostnameError) throw unreachable(`the syslog server's certificate does not match ${t.host}: ${r.hostnameError}`);
    if (r.closedAfterHandshake) {
      throw unreachable(`the syslog server closed the connection right after the handshake (${r.closedAfterHandshake})${m.cert ? ": client certificate rejected?" : ": it probably requires a client certificate (certFile/keyFile)"}`);
    }
    return `${r.protocol} handshake${m.cert ? " with client certificate" : ""} accepted`;
  },
  https: async (scope, _cfg, t, m) => {
    const url = t.url;
    if (url.protocol !== "https:") throw cannotTell("kind https needs an https:// health URL");
    const res = await httpRequest(scope, { url, method: "GET", headers: { ...m.token ? { authorization: `Bearer ${m.token}` } : {} }, redirects: "same-origin", ...tlsOptions(m) });
    if (res.status === 401 || res.status === 403) throw rejected(res, "the SIEM health URL");
    if (res.status >= 200 && res.status < 300) return `health URL answered ${res.status}`;
    throw unreachable(`the SIEM health URL answered ${res.status} (${bodySummary(scope, res.body, res.headers["content-type"])})`);
  }
};
export {
  probeSiem
};
