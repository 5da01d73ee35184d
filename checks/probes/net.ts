// Bounded network client for the live probes. Every connection a probe makes
// goes through here, so the guarantees live in one place:
// - only hosts named in the config are contacted (checked before any DNS
//   lookup or connect, also for redirect targets and metadata URLs);
// - one deadline per probe run (the config's timeoutMs), enforced on every
//   socket, plus the engine's abort signal;
// - response bodies are read up to a byte cap, then the socket is destroyed;
// - redirects are followed only within the same origin, never to another host;
// - a request is retried only when the connection was reset (ECONNRESET);
// - credentials never appear in errors: every message is redacted.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { SecureVersion } from 'node:tls';
import tls from 'node:tls';
import { quoteUntrusted, redactSecrets } from '../common/redact.ts';

export type ProbeErrorCode =
  | 'not-allowed'
  | 'redirect-refused'
  | 'timeout'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'tls'
  | 'too-large'
  | 'protocol'
  | 'network';

export class ProbeError extends Error {
  override name = 'ProbeError';
  readonly code: ProbeErrorCode;
  constructor(code: ProbeErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Network failures that mean "could not reach it" (as opposed to "it answered something unusable"). */
export function isUnreachable(err: unknown): boolean {
  return err instanceof ProbeError && ['timeout', 'dns', 'refused', 'reset', 'network'].includes(err.code);
}

/** Largest response body a probe reads; anything above is an error, not a truncated success. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

export interface Connection {
  host: string;
  port: number;
  tls: boolean;
}

/** What one probe run may do: where, until when, and with which secrets to hide. */
export class ProbeScope {
  readonly allowedHosts: ReadonlySet<string>;
  readonly deadline: number;
  readonly signal: AbortSignal | undefined;
  /** Every connection attempted, in order (the report detail and the tests use it). */
  readonly connections: Connection[] = [];
  #secrets: string[] = [];

  constructor(opts: { allowedHosts: Iterable<string>; timeoutMs: number; signal?: AbortSignal }) {
    this.allowedHosts = new Set([...opts.allowedHosts].map(normalizeHost));
    this.deadline = Date.now() + opts.timeoutMs;
    this.signal = opts.signal;
  }

  /** A value that must never appear in any message (tokens, keys). */
  addSecret(value: string): void {
    if (value.length >= 4) this.#secrets.push(value);
  }

  /** `text` with the secrets and anything credential-looking replaced by *** (checks/common/redact.ts). */
  redact(text: string): string {
    return redactSecrets(text, this.#secrets);
  }

  /** Text the server wrote, for a message: redacted before it is cut to `max` characters. */
  quote(text: string, max: number): string {
    return quoteUntrusted(text, this.#secrets, max);
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - Date.now());
  }

  /** Throws unless `host` is one of the configured hosts. Called before every connect. */
  assertAllowed(host: string, port: number, isTls: boolean): void {
    const h = normalizeHost(host);
    if (!this.allowedHosts.has(h)) {
      throw new ProbeError('not-allowed', `refused to contact ${h}: probes only connect to the configured hosts (${[...this.allowedHosts].join(', ')})`);
    }
    if (this.signal?.aborted) throw new ProbeError('timeout', 'gate time budget exhausted');
    if (this.remainingMs() === 0) throw new ProbeError('timeout', 'probe time budget exhausted');
    this.connections.push({ host: h, port, tls: isTls });
  }
}

export function normalizeHost(host: string): string {
  const h = host.toLowerCase();
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

export function portOf(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'http:' ? 80 : 443;
}

/** Translate a Node socket/TLS error into a ProbeError with a readable message. */
export function describeNetError(err: unknown, where: string): ProbeError {
  if (err instanceof ProbeError) return err;
  const e = err as NodeJS.ErrnoException & { reason?: string };
  const code = e?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME') {
    return new ProbeError('dns', `${where}: host name does not resolve (${code})`);
  }
  if (code === 'ECONNREFUSED') return new ProbeError('refused', `${where}: connection refused`);
  if (code === 'ECONNRESET' || code === 'EPIPE') return new ProbeError('reset', `${where}: connection reset by peer`);
  if (code === 'ETIMEDOUT' || code === 'ABORT_ERR') return new ProbeError('timeout', `${where}: timed out`);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') return new ProbeError('network', `${where}: ${code}`);
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /SSL|TLS|certificate|handshake/i.test(e?.message ?? '')) {
    return new ProbeError('tls', `${where}: TLS failure (${code || 'handshake'}${e?.reason ? `: ${e.reason}` : ''})`);
  }
  if (code === 'HPE_INVALID_CONSTANT' || code.startsWith('HPE_')) return new ProbeError('protocol', `${where}: the peer did not answer with HTTP (${code})`);
  return new ProbeError('network', `${where}: ${code || e?.message || String(err)}`);
}

export interface HttpRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** PEM trust anchors (default: the system store). */
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  /** false only for requests that carry no credential (the chain is reported separately). */
  rejectUnauthorized?: boolean;
  maxBytes?: number;
  /** 'same-origin': follow up to 3 redirects within the origin, refuse others; 'none': return 3xx as is. */
  redirects?: 'same-origin' | 'none';
  /** Retry after ECONNRESET (default true; off where a reset is the expected answer). */
  retryOnReset?: boolean;
  /** Stop reading once the body so far satisfies this (a complete SSE event). */
  enough?: (body: Buffer) => boolean;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Final URL after same-origin redirects. */
  url: URL;
  /** Negotiated TLS version for https. */
  tlsProtocol?: string;
}

/** One HTTP(S) request under the scope's rules. */
export async function httpRequest(scope: ProbeScope, req: HttpRequest): Promise<HttpResponse> {
  let url = req.url;
  for (let hop = 0; ; hop++) {
    const res = await withResetRetry(() => requestOnce(scope, { ...req, url }), req.retryOnReset === false ? 0 : 2);
    const location = res.headers.location;
    if (res.status < 300 || res.status >= 400 || typeof location !== 'string' || req.redirects === 'none') return res;
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new ProbeError('protocol', `${describeUrl(url)}: redirect with an invalid Location header`);
    }
    if (next.origin !== url.origin) {
      throw new ProbeError(
        'redirect-refused',
        `${describeUrl(url)} answered ${res.status} redirecting to ${describeUrl(next)}: not followed (probes never follow redirects to another host or scheme)`,
      );
    }
    if (hop >= 2) throw new ProbeError('protocol', `${describeUrl(url)}: more than 3 redirects`);
    url = next;
  }
}

/** URL without credentials, query or fragment (safe to print). */
export function describeUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

async function withResetRetry<T>(fn: () => Promise<T>, retries: number): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof ProbeError && err.code === 'reset') || attempt >= retries) throw err;
    }
  }
}

function requestOnce(scope: ProbeScope, req: HttpRequest): Promise<HttpResponse> {
  const url = req.url;
  const isTls = url.protocol === 'https:';
  if (!isTls && url.protocol !== 'http:') return Promise.reject(new ProbeError('protocol', `unsupported URL scheme ${url.protocol}`));
  const port = portOf(url);
  const where = `${req.method} ${describeUrl(url)}`;
  try {
    scope.assertAllowed(url.hostname, port, isTls);
  } catch (err) {
    return Promise.reject(err);
  }
  const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const finish = (err: ProbeError | undefined, value?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      scope.signal?.removeEventListener('abort', onAbort);
      // The socket is never reused (agent: false): close it whether or not the body was read to the end.
      r.destroy();
      if (err) reject(new ProbeError(err.code, scope.redact(err.message)));
      else resolve(value as HttpResponse);
    };
    const onAbort = () => finish(new ProbeError('timeout', `${where}: gate time budget exhausted`));
    const timer = setTimeout(() => finish(new ProbeError('timeout', `${where}: no complete answer within the probe timeout`)), scope.remainingMs());
    const headers: Record<string, string> = { 'user-agent': 'mcp-gate-probe', ...(req.headers ?? {}) };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const options: https.RequestOptions = {
      host: normalizeHost(url.hostname),
      servername: isIpLiteral(url.hostname) ? undefined : url.hostname,
      port,
      path: `${url.pathname}${url.search}`,
      method: req.method,
      headers,
      agent: false,
      maxHeaderSize: 64 * 1024,
      ...(isTls
        ? {
            ...(req.ca ? { ca: req.ca } : {}),
            ...(req.cert ? { cert: req.cert } : {}),
            ...(req.key ? { key: req.key } : {}),
            rejectUnauthorized: req.rejectUnauthorized ?? true,
          }
        : {}),
    };
    const r = (isTls ? https : http).request(options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        finish(undefined, {
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          url,
          ...(isTls ? { tlsProtocol: (res.socket as tls.TLSSocket).getProtocol?.() ?? undefined } : {}),
        } as HttpResponse);
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          finish(new ProbeError('too-large', `${where}: response body exceeds ${maxBytes} bytes; stopped reading`));
          return;
        }
        chunks.push(chunk);
        if (req.enough?.(Buffer.concat(chunks))) done();
      });
      res.on('end', done);
      res.on('error', (err) => finish(describeNetError(err, where)));
      res.on('aborted', () => finish(new ProbeError('reset', `${where}: connection closed mid-response`)));
    });
    r.on('error', (err) => finish(describeNetError(err, where)));
    if (scope.signal) {
      if (scope.signal.aborted) onAbort();
      else scope.signal.addEventListener('abort', onAbort, { once: true });
    }
    r.end(req.body);
  });
}

export function isIpLiteral(host: string): boolean {
  const h = normalizeHost(host);
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(h) || h.includes(':');
}

export interface HandshakeRequest {
  host: string;
  port: number;
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  ciphers?: string;
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  /** After the handshake, wait this long for the server to close (TLS 1.3 reports a rejected client cert only then). */
  lingerMs?: number;
}

export interface HandshakeResult {
  protocol: string | null;
  authorized: boolean;
  authorizationError?: string;
  /** Hostname check against the certificate (undefined when it matches). */
  hostnameError?: string;
  cert?: tls.DetailedPeerCertificate;
  /** The server closed or failed the connection during the linger window. */
  closedAfterHandshake?: string;
}

/** A bare TLS handshake (nothing is sent after it). Chain problems are reported, not thrown. */
export function tlsHandshake(scope: ProbeScope, req: HandshakeRequest): Promise<HandshakeResult> {
  const where = `TLS handshake with ${req.host}:${req.port}${req.maxVersion && req.maxVersion === req.minVersion ? ` (${req.maxVersion})` : ''}`;
  try {
    scope.assertAllowed(req.host, req.port, true);
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise<HandshakeResult>((resolve, reject) => {
    let settled = false;
    let result: HandshakeResult | undefined;
    const finish = (err: ProbeError | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(lingerTimer);
      scope.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (err && !result) reject(new ProbeError(err.code, scope.redact(err.message)));
      else resolve(result as HandshakeResult);
    };
    const onAbort = () => finish(new ProbeError('timeout', `${where}: gate time budget exhausted`));
    const timer = setTimeout(() => finish(new ProbeError('timeout', `${where}: no handshake within the probe timeout`)), scope.remainingMs());
    let lingerTimer: NodeJS.Timeout | undefined;
    const host = normalizeHost(req.host);
    const socket = tls.connect({
      host,
      port: req.port,
      servername: isIpLiteral(host) ? undefined : host,
      rejectUnauthorized: false,
      ...(req.minVersion ? { minVersion: req.minVersion } : {}),
      ...(req.maxVersion ? { maxVersion: req.maxVersion } : {}),
      ...(req.ciphers ? { ciphers: req.ciphers } : {}),
      ...(req.ca ? { ca: req.ca } : {}),
      ...(req.cert ? { cert: req.cert } : {}),
      ...(req.key ? { key: req.key } : {}),
    });
    socket.on('secureConnect', () => {
      const cert = socket.getPeerCertificate(true);
      const hasCert = cert && Object.keys(cert).length > 0;
      const idError = hasCert ? tls.checkServerIdentity(host, cert) : new Error('no certificate');
      result = {
        protocol: socket.getProtocol(),
        authorized: socket.authorized,
        ...(socket.authorizationError ? { authorizationError: String(socket.authorizationError) } : {}),
        // Names from the server's certificate: its text, so quoted like any.
        ...(idError ? { hostnameError: scope.quote(idError.message, 300) } : {}),
        ...(hasCert ? { cert } : {}),
      };
      if (!req.lingerMs) {
        finish(undefined);
        return;
      }
      const closed = (why: string) => {
        if (result && !result.closedAfterHandshake) result.closedAfterHandshake = why;
        finish(undefined);
      };
      socket.on('end', () => closed('server closed the connection'));
      socket.on('close', () => closed('server closed the connection'));
      socket.removeAllListeners('error');
      socket.on('error', (err) => closed(describeNetError(err, where).message));
      lingerTimer = setTimeout(() => finish(undefined), Math.min(req.lingerMs, scope.remainingMs()));
      // Reading is needed to receive the server's alert.
      socket.resume();
    });
    socket.on('error', (err) => finish(describeNetError(err, where)));
    if (scope.signal) {
      if (scope.signal.aborted) onAbort();
      else scope.signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

/** A bearer token nobody issued (32 random bytes). */
export function garbageToken(): string {
  return `mcp-gate-probe-${randomBytes(32).toString('base64url')}`;
}
