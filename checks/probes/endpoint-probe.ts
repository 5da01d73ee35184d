// The staging MCP endpoint probe (issue 9, seed 003 "Authentication &
// Transport" rows). Every step runs concurrently under one deadline; every
// connection goes through ProbeScope, limited to the endpoint's own host.
import type { SecureVersion } from 'node:tls';
import type { GateConfig } from '../../src/config/schema.ts';
import { isObj } from '../../src/workspace/kubernetes.ts';
import type { CheckContext, CheckResult, Location, RawFinding } from '../../src/types.ts';
import { bodySummary, configLocation, jsonOf, ProbeConfigError, probeTimeout, readCredential, readPem } from './common.ts';
import { DEFAULT_PROTOCOL_VERSION, firstRequest, jsonRpcMessage, parseWwwAuthenticate, sameResource, sseEventComplete, wellKnownMetadataUrl } from './mcp-protocol.ts';
import { describeUrl, garbageToken, type HandshakeResult, httpRequest, type HttpResponse, ProbeError, ProbeScope, portOf, tlsHandshake } from './net.ts';

export type EndpointConfig = NonNullable<NonNullable<GateConfig['probes']>['endpoint']>;

export const EXPIRY_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;
const VERSIONS: SecureVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

export interface EndpointProbeOptions {
  /** Extra plaintext port to try (default 80; null: none). Tests point it at a local listener. */
  plainPort?: number | null;
}

export async function probeEndpoint(ctx: CheckContext, cfg: EndpointConfig, opts: EndpointProbeOptions = {}): Promise<CheckResult> {
  const findings: RawFinding[] = [];
  const notes: string[] = [];
  let url: URL;
  try {
    url = new URL(cfg.url);
  } catch {
    return { findings: [{ ruleId: 'gate/check-failed', message: 'probes.endpoint.url is not a URL', location: configLocation(ctx, 'endpoint', 'url'), key: 'endpoint' }] };
  }
  const location: Location = { ...configLocation(ctx, 'endpoint', 'url'), resource: `McpEndpoint/${url.host}${url.pathname}` };
  const add = (f: Omit<RawFinding, 'location'>) => findings.push({ ...f, location });
  const failed = (key: string, message: string) => add({ ruleId: 'gate/check-failed', message: `endpoint probe: ${message}`, key });

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    failed('url', `unsupported scheme ${url.protocol} (expected https:)`);
    return { findings };
  }
  if (url.username || url.password) {
    failed('url', 'probes.endpoint.url must not carry credentials; use tokenEnv');
    return { findings };
  }
  const scope = new ProbeScope({ allowedHosts: [url.hostname], timeoutMs: probeTimeout(ctx), signal: ctx.signal });
  let ca: Buffer | undefined;
  let token: string | undefined;
  try {
    if (cfg.caFile) ca = readPem(ctx, cfg.caFile, 'probes.endpoint.caFile');
    if (cfg.tokenEnv) {
      token = readCredential(ctx, cfg.tokenEnv);
      scope.addSecret(token);
    }
  } catch (err) {
    if (!(err instanceof ProbeConfigError)) throw err;
    failed('config', err.message);
    return { findings };
  }

  const host = url.hostname;
  const port = portOf(url);
  const version = cfg.protocolVersion ?? DEFAULT_PROTOCOL_VERSION;
  const tasks: Promise<void>[] = [];

  if (url.protocol === 'http:') {
    add({ ruleId: 'tls/plaintext-accepted', message: `the MCP endpoint is configured as ${describeUrl(url)}: plaintext HTTP, no TLS at all`, key: 'url' });
  } else {
    tasks.push(probeVersions(scope, host, port, ca, add, failed, notes));
    tasks.push(probeCertificate(ctx, scope, host, port, ca, add, failed, notes));
    tasks.push(probePlaintext(scope, url, port, version, add, notes));
    const extra = opts.plainPort === undefined ? 80 : opts.plainPort;
    if (extra !== null && extra !== port) tasks.push(probePlaintext(scope, url, extra, version, add, notes));
  }
  tasks.push(probeAuth(scope, url, version, ca, token, add, failed, notes));
  await Promise.all(tasks);

  const hosts = [...new Set(scope.connections.map((c) => `${c.host}:${c.port}`))];
  // Texts the server wrote were quoted (redacted, then cut) where they were read; URLs it
  // named (redirects, resource_metadata) are redacted here with everything else.
  return {
    findings: findings.map((f) => ({ ...f, message: scope.redact(f.message) })),
    detail: scope.redact(`probed ${describeUrl(url)} (MCP ${version}); ${scope.connections.length} connections to ${hosts.join(', ')}${notes.length ? `; ${notes.join('; ')}` : ''}`),
  };
}

type Add = (f: Omit<RawFinding, 'location'>) => void;
type Failed = (key: string, message: string) => void;

async function probeVersions(scope: ProbeScope, host: string, port: number, ca: Buffer | undefined, add: Add, failed: Failed, notes: string[]): Promise<void> {
  const outcomes = await Promise.all(
    VERSIONS.map(async (v) => {
      try {
        const r = await tlsHandshake(scope, {
          host,
          port,
          minVersion: v,
          maxVersion: v,
          // OpenSSL 3 refuses TLS 1.0/1.1 at the default security level on the client side.
          ...(v === 'TLSv1' || v === 'TLSv1.1' ? { ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
          ...(ca ? { ca } : {}),
        });
        return { v, accepted: r.protocol === v };
      } catch (err) {
        if (err instanceof ProbeError && err.code === 'tls') return { v, accepted: false };
        return { v, error: err as Error };
      }
    }),
  );
  const firstError = outcomes.find((o) => o.error)?.error;
  if (firstError) {
    failed('tls-versions', `TLS version handshakes could not complete: ${firstError.message}`);
    return;
  }
  const accepted = outcomes.filter((o) => o.accepted).map((o) => o.v);
  notes.push(`TLS versions accepted: ${accepted.length ? accepted.join(', ') : 'none'}`);
  if (accepted.length === 0) {
    failed('tls-versions', `no TLS handshake with ${host}:${port} succeeded for any version (the port does not speak TLS?)`);
    return;
  }
  const weak = accepted.filter((v) => v !== 'TLSv1.3');
  if (weak.length > 0) {
    add({ ruleId: 'tls/weak-protocol', message: `${host}:${port} accepts ${weak.join(', ')} (only TLSv1.3 should be accepted)` });
  }
}

async function probeCertificate(
  ctx: CheckContext,
  scope: ProbeScope,
  host: string,
  port: number,
  ca: Buffer | undefined,
  add: Add,
  failed: Failed,
  notes: string[],
): Promise<void> {
  let r: HandshakeResult;
  try {
    r = await tlsHandshake(scope, { host, port, ...(ca ? { ca } : {}) });
  } catch (err) {
    failed('certificate', `cannot read the certificate: ${(err as Error).message}`);
    return;
  }
  if (!r.cert) {
    failed('certificate', `${host}:${port} presented no certificate`);
    return;
  }
  const trust = ca ? 'probes.endpoint.caFile' : 'the system trust store';
  const notAfter = new Date(r.cert.valid_to);
  if (Number.isNaN(notAfter.getTime())) {
    failed('certificate', `certificate has an unreadable expiry (${scope.quote(String(r.cert.valid_to), 60)})`);
    return;
  }
  const daysLeft = (notAfter.getTime() - ctx.now.getTime()) / DAY_MS;
  notes.push(`certificate expires ${notAfter.toISOString()} (${daysLeft.toFixed(1)} days)`);
  if (daysLeft <= 0 || r.authorizationError === 'CERT_HAS_EXPIRED') {
    add({ ruleId: 'tls/cert-expiring', message: `the certificate of ${host}:${port} expired on ${notAfter.toISOString()}` });
  } else if (daysLeft < EXPIRY_WINDOW_DAYS) {
    const rotation = scheduledRotation(ctx, host);
    if (rotation) notes.push(`certificate renewal scheduled by ${rotation}`);
    else {
      add({
        ruleId: 'tls/cert-expiring',
        message: `the certificate of ${host}:${port} expires on ${notAfter.toISOString()} (${daysLeft.toFixed(1)} days) and no cert-manager Certificate with renewBefore covers ${host} in the repository`,
      });
    }
  }
  if (r.authorizationError === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    failed('certificate-chain', `the certificate of ${host}:${port} does not name ${host} (ERR_TLS_CERT_ALTNAME_INVALID)`);
  } else if (r.authorizationError && r.authorizationError !== 'CERT_HAS_EXPIRED') {
    failed('certificate-chain', `the certificate chain of ${host}:${port} does not verify against ${trust} (${r.authorizationError})`);
  } else if (r.hostnameError) {
    failed('certificate-chain', `the certificate of ${host}:${port} does not match the host: ${r.hostnameError}`);
  }
}

/** `Certificate/ns/name` of a cert-manager Certificate for `host` with a renewal schedule. */
export function scheduledRotation(ctx: CheckContext, host: string): string | undefined {
  const h = host.toLowerCase();
  const covers = (name: unknown): boolean => {
    if (typeof name !== 'string') return false;
    const n = name.toLowerCase();
    if (n === h) return true;
    return n.startsWith('*.') && h.endsWith(n.slice(1)) && !h.slice(0, h.length - n.length + 1).includes('.');
  };
  for (const obj of ctx.workspace.kubernetes(ctx.config.kubernetes).objects) {
    if (obj.kind !== 'Certificate' || !obj.apiVersion.startsWith('cert-manager.io/')) continue;
    const spec = isObj(obj.raw.spec) ? obj.raw.spec : {};
    const renew = (typeof spec.renewBefore === 'string' && spec.renewBefore !== '') || typeof spec.renewBeforePercentage === 'number';
    if (!renew) continue;
    const names = [spec.commonName, ...(Array.isArray(spec.dnsNames) ? spec.dnsNames : []), ...(Array.isArray(spec.ipAddresses) ? spec.ipAddresses : [])];
    if (names.some(covers)) return obj.resource;
  }
  return undefined;
}

/** Statuses that show the MCP endpoint itself answered over plaintext. */
const SERVED = new Set([401, 403, 405, 406, 415]);

async function probePlaintext(scope: ProbeScope, url: URL, port: number, version: Parameters<typeof firstRequest>[0], add: Add, notes: string[]): Promise<void> {
  const plain = new URL(url.href);
  plain.protocol = 'http:';
  plain.port = port === 80 ? '' : String(port);
  const req = firstRequest(version);
  let res: HttpResponse;
  try {
    res = await httpRequest(scope, { url: plain, method: 'POST', headers: req.headers, body: req.body, redirects: 'none', maxBytes: 64 * 1024, retryOnReset: false });
  } catch (err) {
    // No HTTP answer in clear (refused, reset, TLS-only listener, silence until the deadline).
    notes.push(`plaintext ${plain.host}: not accepted (${err instanceof ProbeError ? err.code : 'error'})`);
    return;
  }
  const location = typeof res.headers.location === 'string' ? res.headers.location : '';
  if (res.status >= 300 && res.status < 400) {
    let target: URL | undefined;
    try {
      target = new URL(location, plain);
    } catch {}
    if (target?.protocol === 'https:') {
      notes.push(`plaintext ${plain.host}: redirects to HTTPS`);
      return;
    }
    add({ ruleId: 'tls/plaintext-accepted', message: `plain HTTP to ${describeUrl(plain)} answered ${res.status} redirecting to a non-HTTPS location`, key: `port-${port}` });
    return;
  }
  if ((res.status >= 200 && res.status < 300) || SERVED.has(res.status)) {
    add({
      ruleId: 'tls/plaintext-accepted',
      message: `plain HTTP ${req.method} to ${describeUrl(plain)} answered ${res.status}: the MCP endpoint is served without TLS${res.status === 401 ? ' (clients would send their tokens in clear)' : ''}`,
      key: `port-${port}`,
    });
    return;
  }
  notes.push(`plaintext ${plain.host}: answered ${res.status}, not the MCP endpoint`);
}

async function probeAuth(
  scope: ProbeScope,
  url: URL,
  version: Parameters<typeof firstRequest>[0],
  ca: Buffer | undefined,
  token: string | undefined,
  add: Add,
  failed: Failed,
  notes: string[],
): Promise<void> {
  const req = firstRequest(version);
  const bogus = garbageToken();
  // These two carry no credential, so they may run over a chain that does not verify (reported separately).
  const send = (headers: Record<string, string>, verify: boolean) =>
    httpRequest(scope, {
      url,
      method: 'POST',
      headers: { ...req.headers, ...headers },
      body: req.body,
      redirects: 'same-origin',
      rejectUnauthorized: verify,
      enough: sseEventComplete,
      ...(ca ? { ca } : {}),
    });
  const tasks: Promise<unknown>[] = [
    send({}, false).then(
      async (res) => {
        judgeUnauthorized(scope, res, 'no-credentials', `an unauthenticated ${req.method}`, add, failed);
        if (res.status === 401) await probeMetadata(scope, url, res, ca, add, failed, notes);
      },
      (err: Error) => failed('auth', `unauthenticated ${req.method}: ${err.message}`),
    ),
    send({ authorization: `Bearer ${bogus}` }, false).then(
      (res) => judgeUnauthorized(scope, res, 'invalid-token', `${req.method} with a made-up bearer token`, add, failed),
      (err: Error) => failed('auth-invalid-token', `${req.method} with a made-up token: ${err.message}`),
    ),
  ];
  if (token !== undefined) {
    if (url.protocol !== 'https:') {
      failed('auth-token', 'the token from tokenEnv is not sent over plaintext HTTP, so authenticated access cannot be verified');
    } else {
      tasks.push(
        send({ authorization: `Bearer ${token}` }, true).then(
          (res) => {
            const msg = res.status >= 200 && res.status < 300 ? jsonRpcMessage(res.body, res.headers['content-type']) : undefined;
            if (msg && 'result' in msg) notes.push(`authenticated ${req.method} succeeded`);
            else {
              failed(
                'auth-token',
                `the authenticated ${req.method} (token from tokenEnv) answered ${res.status}${msg && 'error' in msg ? ' with a JSON-RPC error' : ''}: the probe cannot tell whether authentication works`,
              );
            }
          },
          (err: Error) => failed('auth-token', `authenticated ${req.method}: ${err.message}`),
        ),
      );
    }
  }
  await Promise.all(tasks);
}

function judgeUnauthorized(scope: ProbeScope, res: HttpResponse, key: string, what: string, add: Add, failed: Failed): void {
  if (res.status === 401) return;
  const msg = jsonRpcMessage(res.body, res.headers['content-type']);
  const observed = msg && 'result' in msg ? 'a JSON-RPC result' : msg && 'error' in msg ? 'a JSON-RPC error' : bodySummary(scope, res.body, res.headers['content-type']);
  if (res.status >= 500 || res.status === 404) {
    // Broken or wrong URL: says nothing about authentication either way.
    failed(`auth-${key}`, `${what} to ${describeUrl(res.url)} answered ${res.status} with ${observed}: the probe cannot tell whether authentication is enforced`);
    return;
  }
  add({ ruleId: 'auth/not-enforced', message: `${what} to ${describeUrl(res.url)} answered ${res.status} with ${observed} (expected 401)`, key });
}

async function probeMetadata(scope: ProbeScope, url: URL, res401: HttpResponse, ca: Buffer | undefined, add: Add, failed: Failed, notes: string[]): Promise<void> {
  const header = res401.headers['www-authenticate'];
  const www = parseWwwAuthenticate(Array.isArray(header) ? header.join(', ') : header);
  if (!www.bearer) {
    add({
      ruleId: 'auth/not-enforced',
      message: `401 from ${describeUrl(url)} carries ${header ? 'a WWW-Authenticate header without the Bearer scheme' : 'no WWW-Authenticate header'} (MCP authorization requires Bearer with resource_metadata)`,
      key: 'www-authenticate',
    });
  }
  let metaUrl: URL;
  const advertised = www.params.resource_metadata;
  try {
    metaUrl = advertised ? new URL(advertised) : wellKnownMetadataUrl(url);
  } catch {
    add({ ruleId: 'auth/not-enforced', message: `WWW-Authenticate resource_metadata is not a URL`, key: 'resource-metadata' });
    return;
  }
  notes.push(`protected-resource metadata ${advertised ? 'advertised at' : 'looked up at'} ${describeUrl(metaUrl)}`);
  let res: HttpResponse;
  try {
    res = await httpRequest(scope, { url: metaUrl, method: 'GET', headers: { accept: 'application/json' }, redirects: 'same-origin', rejectUnauthorized: false, maxBytes: 256 * 1024, ...(ca ? { ca } : {}) });
  } catch (err) {
    failed('resource-metadata', `protected-resource metadata: ${(err as Error).message}`);
    return;
  }
  if (res.status !== 200) {
    add({ ruleId: 'auth/not-enforced', message: `no RFC 9728 protected-resource metadata: ${describeUrl(metaUrl)} answered ${res.status}`, key: 'resource-metadata' });
    return;
  }
  const meta = jsonOf(res.body);
  if (!isObj(meta)) {
    failed('resource-metadata', `protected-resource metadata at ${describeUrl(metaUrl)} is not a JSON object (${bodySummary(scope, res.body, res.headers['content-type'])})`);
    return;
  }
  const problems: string[] = [];
  if (typeof meta.resource !== 'string') problems.push('no "resource"');
  else if (!sameResource(meta.resource, url.href)) problems.push(`"resource" is "${scope.quote(meta.resource, 200)}", not ${url.href}`);
  const servers = meta.authorization_servers;
  if (!Array.isArray(servers) || servers.length === 0 || !servers.every((s) => typeof s === 'string' && s !== '')) problems.push('no "authorization_servers"');
  if (problems.length > 0) {
    add({ ruleId: 'auth/not-enforced', message: `protected-resource metadata at ${describeUrl(metaUrl)}: ${problems.join('; ')}`, key: 'resource-metadata' });
  }
}
