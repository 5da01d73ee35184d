// Live manifest acquisition: a stdio server (`command`) or a remote server
// (`url`, streamable HTTP), through @modelcontextprotocol/sdk's Client,
// following tools/list pagination, within one deadline per server.
//
// Protocol revisions. The installed SDK (1.32) speaks up to 2025-11-25 and
// knows nothing of 2026-07-28, which replaces `initialize` with the
// stateless `server/discover` plus per-request `_meta` (protocol version and
// client capabilities on every request). We first connect with the SDK
// (initialize handshake); if the server answers that with a protocol error
// (method not found, invalid request, unsupported protocol version, HTTP
// 400/404/405), we retry by hand on a fresh transport: server/discover,
// then tools/list with the 2026-07-28 `_meta`, over the same transports.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { VERSION } from '../../src/util/version.ts';
import { ExecaStdioTransport, serverEnv } from './acquire-stdio.ts';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const REVISION_2026 = '2026-07-28';
const MAX_PAGES = 1000;
const MAX_TOOLS = 10_000;

export interface Acquired {
  tools: unknown[];
  /** Protocol revision the server spoke. */
  protocolVersion: string;
  pages: number;
  /** The server's `instructions`, when it gave any (any type: the linter reports a wrong one). */
  instructions?: unknown;
}

export interface AcquireOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export class AcquireError extends Error {
  override name = 'AcquireError';
}

const CLIENT_INFO = { name: 'mcp-gate', version: VERSION };

// Every field of every tool is kept: the SDK's own ListToolsResultSchema
// strips unknown tool fields, which would hide them from the hash.
const looseToolsPage = z.looseObject({
  tools: z.array(z.unknown()),
  nextCursor: z.string().optional(),
});

type TransportFactory = () => Transport;

export async function acquireStdio(
  command: readonly string[],
  opts: AcquireOptions & { cwd: string; env: Readonly<Record<string, string | undefined>>; envNames?: readonly string[] },
): Promise<Acquired> {
  const env = serverEnv(opts.env, opts.envNames);
  // Values the server was given may come back in its stderr: never print them.
  const secrets = (opts.envNames ?? []).map((n) => env[n]).filter((v): v is string => v !== undefined);
  return acquire(() => new ExecaStdioTransport({ command, cwd: opts.cwd, env }), { ...opts, secrets });
}

export async function acquireRemote(
  url: string,
  opts: AcquireOptions & { env: Readonly<Record<string, string | undefined>>; headersEnv?: Readonly<Record<string, string>> },
): Promise<Acquired> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AcquireError(`invalid URL ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new AcquireError(`unsupported URL scheme ${parsed.protocol}`);
  const headers: Record<string, string> = {};
  for (const [header, envName] of Object.entries(opts.headersEnv ?? {})) {
    const v = opts.env[envName];
    if (v === undefined || v === '') throw new AcquireError(`environment variable ${envName} (header ${header}) is not set`);
    headers[header] = v;
  }
  return acquire(() => new StreamableHTTPClientTransport(parsed, { requestInit: { headers, redirect: 'error' } }), { ...opts, secrets: Object.values(headers) });
}

/** Replace every secret value (and its longest tokens, e.g. after "Bearer ") in a message. */
export function redact(message: string, secrets: readonly string[]): string {
  let out = message;
  const parts = secrets.flatMap((s) => [s, ...s.split(/\s+/).filter((p) => p.length >= 8)]).filter((s) => s.length >= 4);
  for (const p of parts.sort((a, b) => b.length - a.length)) out = out.split(p).join('***');
  return out;
}

async function acquire(factory: TransportFactory, opts: AcquireOptions & { secrets?: readonly string[] }): Promise<Acquired> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timeoutError = new AcquireError(`no complete answer within ${timeoutMs} ms`);
  const timer = setTimeout(() => controller.abort(timeoutError), timeoutMs);
  const onOuterAbort = () => controller.abort(opts.signal?.reason ?? new AcquireError('aborted'));
  if (opts.signal?.aborted) onOuterAbort();
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const open = new Set<Transport>();
  const make = (): Transport => {
    const t = factory();
    open.add(t);
    return t;
  };
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(controller.signal.reason);
    if (controller.signal.aborted) fail();
    controller.signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => {});
  try {
    return await Promise.race([negotiate(make, controller.signal, timeoutMs), aborted]);
  } catch (err) {
    throw new AcquireError(redact(err instanceof Error ? err.message : String(err), opts.secrets ?? []));
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
    await Promise.all([...open].map((t) => t.close().catch(() => {})));
  }
}

async function negotiate(make: () => Transport, signal: AbortSignal, timeoutMs: number): Promise<Acquired> {
  const first = make();
  try {
    return await viaInitialize(first, signal, timeoutMs);
  } catch (err) {
    if (signal.aborted) throw signal.reason;
    if (first instanceof ExecaStdioTransport && first.spawnFailed) throw err;
    if (!rejectsInitialize(err)) throw new AcquireError(withExit(first, `initialize failed: ${errorText(err)}`));
    await first.close().catch(() => {});
    const second = make();
    try {
      return await viaDiscover(second, signal);
    } catch (err2) {
      if (signal.aborted) throw signal.reason;
      throw new AcquireError(withExit(second, `initialize failed (${errorText(err)}), and server/discover failed: ${errorText(err2)}`));
    }
  }
}

function withExit(t: Transport, message: string): string {
  return t instanceof ExecaStdioTransport && t.exitReason ? `${message} (${t.exitReason})` : message;
}

/** The server answered, but not to a 2025-11-25 initialize: try the 2026-07-28 revision. */
function rejectsInitialize(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  const name = (err as Error).name;
  const msg = (err as Error).message ?? '';
  if (name === 'McpError' && (code === -32601 || code === -32600 || code === -32602 || code === -32022)) return true;
  if (msg.includes("protocol version is not supported")) return true;
  return msg.startsWith('Streamable HTTP error') && (code === 400 || code === 404 || code === 405);
}

async function viaInitialize(transport: Transport, signal: AbortSignal, timeoutMs: number): Promise<Acquired> {
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  const reqOpts = { signal, timeout: timeoutMs, maxTotalTimeout: timeoutMs };
  await client.connect(transport, reqOpts);
  const protocolVersion = (transport as { protocolVersion?: string }).protocolVersion ?? '2025-11-25';
  const instructions = client.getInstructions();
  const extra = instructions !== undefined ? { instructions } : {};
  if (!client.getServerCapabilities()?.tools) return { tools: [], protocolVersion, pages: 0, ...extra };
  return { ...(await paginate((cursor) => client.request({ method: 'tools/list', params: cursor === undefined ? {} : { cursor } }, looseToolsPage, reqOpts), protocolVersion)), ...extra };
}

async function paginate(page: (cursor: string | undefined) => Promise<unknown>, protocolVersion: string): Promise<Acquired> {
  const tools: unknown[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const r = looseToolsPage.safeParse(await page(cursor));
    if (!r.success) throw new AcquireError(`tools/list result is not a tools list (${r.error.issues[0]?.message ?? 'invalid'})`);
    const rt = (r.data as { resultType?: unknown }).resultType;
    if (rt !== undefined && rt !== 'complete') throw new AcquireError(`tools/list returned resultType ${JSON.stringify(rt)}, expected "complete"`);
    tools.push(...r.data.tools);
    pages++;
    cursor = r.data.nextCursor;
    if (cursor !== undefined) {
      if (seen.has(cursor)) throw new AcquireError(`tools/list pagination loops (cursor ${JSON.stringify(cursor.slice(0, 40))} repeated)`);
      seen.add(cursor);
    }
    if (pages >= MAX_PAGES || tools.length > MAX_TOOLS) throw new AcquireError(`tools/list did not end within ${MAX_PAGES} pages / ${MAX_TOOLS} tools`);
  } while (cursor !== undefined);
  return { tools, protocolVersion, pages };
}

// ---- 2026-07-28 by hand ---------------------------------------------------

function requestMeta(): Record<string, unknown> {
  return {
    'io.modelcontextprotocol/protocolVersion': REVISION_2026,
    'io.modelcontextprotocol/clientCapabilities': {},
    'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
  };
}

/** Minimal JSON-RPC requester over an SDK transport (no initialize). */
class RawRpc {
  readonly #transport: Transport;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #next = 1;

  constructor(transport: Transport, signal: AbortSignal) {
    this.#transport = transport;
    const failAll = (e: Error) => {
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
    };
    transport.onmessage = (msg: JSONRPCMessage) => {
      const m = msg as { id?: unknown; result?: unknown; error?: { code?: number; message?: string; data?: unknown }; method?: unknown };
      if (typeof m.id !== 'number' || m.method !== undefined) return; // notifications and server requests are ignored
      const p = this.#pending.get(m.id);
      if (!p) return;
      this.#pending.delete(m.id);
      if (m.error) {
        const e = new Error(`MCP error ${m.error.code}: ${String(m.error.message ?? '').slice(0, 200)}`);
        (e as Error & { code?: number }).code = m.error.code;
        p.reject(e);
      } else p.resolve(m.result);
    };
    transport.onclose = () => failAll(new Error('connection closed'));
    transport.onerror = (e) => failAll(e);
    signal.addEventListener('abort', () => failAll(signal.reason as Error), { once: true });
  }

  request(method: string, params: Record<string, unknown>): Promise<unknown> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#transport.send({ jsonrpc: '2.0', id, method, params } as JSONRPCMessage).catch((e: unknown) => {
        this.#pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      });
    });
  }
}

async function viaDiscover(transport: Transport, signal: AbortSignal): Promise<Acquired> {
  transport.setProtocolVersion?.(REVISION_2026);
  const rpc = new RawRpc(transport, signal);
  await transport.start();
  const discovered = (await rpc.request('server/discover', { _meta: requestMeta() })) as Record<string, unknown> | undefined;
  if (typeof discovered !== 'object' || discovered === null) throw new AcquireError('server/discover returned no result object');
  const versions = discovered.supportedVersions;
  if (!Array.isArray(versions) || !versions.includes(REVISION_2026))
    throw new AcquireError(`server/discover: the server supports ${JSON.stringify(versions)}, not ${REVISION_2026}`);
  const caps = discovered.capabilities as Record<string, unknown> | undefined;
  const extra = discovered.instructions !== undefined && discovered.instructions !== null ? { instructions: discovered.instructions } : {};
  if (typeof caps !== 'object' || caps === null || !caps.tools) return { tools: [], protocolVersion: REVISION_2026, pages: 0, ...extra };
  return {
    ...(await paginate(
      (cursor) => rpc.request('tools/list', { _meta: requestMeta(), ...(cursor === undefined ? {} : { cursor }) }),
      REVISION_2026,
    )),
    ...extra,
  };
}

function errorText(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ').slice(0, 400);
}
