// An MCP client session with a live server: a stdio server (`command`) or a
// remote server (`url`, streamable HTTP), through @modelcontextprotocol/sdk's
// Client, following tools/list pagination, within one deadline per session.
// The manifest checks only list tools; the behaviour probe also calls them.
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
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { VERSION } from '../../src/util/version.ts';
import { ExecaStdioTransport, serverEnv } from './mcp-stdio.ts';
import { redactSecrets } from './redact.ts';

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

export type StdioTarget = { command: readonly string[]; cwd: string; env: Readonly<Record<string, string | undefined>>; envNames?: readonly string[] };
export type RemoteTarget = { url: string; env: Readonly<Record<string, string | undefined>>; headersEnv?: Readonly<Record<string, string>>; fetch?: FetchLike };

export async function acquireStdio(command: readonly string[], opts: AcquireOptions & Omit<StdioTarget, 'command'>): Promise<Acquired> {
  return listAndClose(await openStdio({ ...opts, command }, opts));
}

export async function acquireRemote(url: string, opts: AcquireOptions & Omit<RemoteTarget, 'url'>): Promise<Acquired> {
  return listAndClose(await openRemote({ ...opts, url }, opts));
}

async function listAndClose(session: McpSession): Promise<Acquired> {
  await session.close();
  return session.acquired;
}

/** What a tools/call came back with: a result (isError or not) or a JSON-RPC error. Transport failures throw. */
export type CallOutcome = { kind: 'result'; result: Record<string, unknown> } | { kind: 'error'; code: number; message: string; data?: unknown };

/**
 * A connected MCP session: the tools it listed, and tools/call under the
 * session's deadline. The caller closes it. Server-initiated requests
 * (sampling, elicitation, roots) are answered "method not found": the
 * client declares no capability, so a server cannot make it act.
 */
export interface McpSession {
  readonly acquired: Acquired;
  callTool(name: string, args: Record<string, unknown>): Promise<CallOutcome>;
  close(): Promise<void>;
}

/** Start a stdio server and list its tools; the session lives until close() or the deadline. */
export async function openStdio(target: StdioTarget, opts: AcquireOptions & { secrets?: readonly string[] } = {}): Promise<McpSession> {
  const env = serverEnv(target.env, target.envNames);
  // Values the server was given may come back in its stderr: never print them.
  const given = (target.envNames ?? []).map((n) => env[n]).filter((v): v is string => v !== undefined);
  const secrets = [...given, ...(opts.secrets ?? [])];
  return open(() => new ExecaStdioTransport({ command: target.command, cwd: target.cwd, env, secrets }), { ...opts, secrets });
}

/** Connect to a streamable HTTP server and list its tools. */
export async function openRemote(target: RemoteTarget, opts: AcquireOptions & { secrets?: readonly string[] } = {}): Promise<McpSession> {
  let parsed: URL;
  try {
    parsed = new URL(target.url);
  } catch {
    throw new AcquireError(`invalid URL ${JSON.stringify(target.url)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new AcquireError(`unsupported URL scheme ${parsed.protocol}`);
  const headers: Record<string, string> = {};
  for (const [header, envName] of Object.entries(target.headersEnv ?? {})) {
    const v = target.env[envName];
    if (v === undefined || v === '') throw new AcquireError(`environment variable ${envName} (header ${header}) is not set`);
    headers[header] = v;
  }
  const transportOpts = { requestInit: { headers, redirect: 'error' as const }, ...(target.fetch ? { fetch: target.fetch } : {}) };
  return open(() => new StreamableHTTPClientTransport(parsed, transportOpts), { ...opts, secrets: [...Object.values(headers), ...(opts.secrets ?? [])] });
}

async function open(factory: TransportFactory, opts: AcquireOptions & { secrets?: readonly string[] }): Promise<McpSession> {
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
  const deadline = Date.now() + timeoutMs;
  // Redacted first, then cut: a cut never leaves a fragment of a secret unredacted.
  const failure = (err: unknown) => new AcquireError(cutAfterRedacting(err instanceof Error ? err.message : String(err), opts.secrets ?? []));
  const close = async () => {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
    await Promise.all([...open].map((t) => t.close().catch(() => {})));
  };
  let negotiated: Negotiated;
  try {
    negotiated = await Promise.race([negotiate(make, controller.signal, timeoutMs), aborted]);
  } catch (err) {
    await close();
    throw failure(err);
  }
  return {
    acquired: negotiated.acquired,
    async callTool(name, args) {
      try {
        return await Promise.race([negotiated.call(name, args, Math.max(1, deadline - Date.now())), aborted]);
      } catch (err) {
        throw failure(err);
      }
    },
    close,
  };
}

interface Negotiated {
  acquired: Acquired;
  /** tools/call; a JSON-RPC error answer resolves, anything else rejects. */
  call(name: string, args: Record<string, unknown>, timeoutMs: number): Promise<CallOutcome>;
}

async function negotiate(make: () => Transport, signal: AbortSignal, timeoutMs: number): Promise<Negotiated> {
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

const looseResult = z.looseObject({});

async function viaInitialize(transport: Transport, signal: AbortSignal, timeoutMs: number): Promise<Negotiated> {
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  const reqOpts = { signal, timeout: timeoutMs, maxTotalTimeout: timeoutMs };
  // A stdio server writing lines that are not JSON-RPC fails the session at once instead of at the deadline.
  const broken = brokenBy(transport);
  await Promise.race([client.connect(transport, reqOpts), broken]);
  const protocolVersion = (transport as { protocolVersion?: string }).protocolVersion ?? '2025-11-25';
  const instructions = client.getInstructions();
  const listed = client.getServerCapabilities()?.tools
    ? await Promise.race([paginate((cursor) => client.request({ method: 'tools/list', params: cursor === undefined ? {} : { cursor } }, looseToolsPage, reqOpts), protocolVersion), broken])
    : { tools: [], protocolVersion, pages: 0 };
  const acquired: Acquired = instructions !== undefined ? { ...listed, instructions } : listed;
  return {
    acquired,
    async call(name, args, callTimeoutMs) {
      try {
        const opts = { signal, timeout: callTimeoutMs, maxTotalTimeout: callTimeoutMs };
        return { kind: 'result', result: await Promise.race([client.request({ method: 'tools/call', params: { name, arguments: args } }, looseResult, opts), broken]) };
      } catch (err) {
        const e = err as { name?: string; code?: unknown; message?: string; data?: unknown };
        // The SDK reports its own timeouts (-32001) and a closed connection (-32000) as McpErrors: those are transport failures.
        const local = e.code === -32001 || (e.code === -32000 && /^MCP error -32000: Connection closed/.test(e.message ?? ''));
        if (e.name !== 'McpError' || typeof e.code !== 'number' || local || signal.aborted) throw new AcquireError(withExit(transport, errorText(err)));
        return { kind: 'error', code: e.code, message: e.message ?? '', ...(e.data !== undefined ? { data: e.data } : {}) };
      }
    },
  };
}

/** Rejects when a stdio transport reports a line that is not JSON-RPC. */
function brokenBy(transport: Transport): Promise<never> {
  const p = new Promise<never>((_, reject) => {
    if (transport instanceof ExecaStdioTransport) transport.onGarbage = reject;
  });
  p.catch(() => {});
  return p;
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
      if (seen.has(cursor)) throw new AcquireError(`tools/list pagination loops (cursor of ${cursor.length} characters repeated after ${pages} page(s))`);
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

/** A JSON-RPC error answer (as opposed to a transport failure). */
class RpcError extends Error {
  override name = 'RpcError';
  readonly code: number | undefined;
  readonly data: unknown;
  /** The server's message, without the "MCP error" prefix or truncation. */
  readonly rawMessage: string;
  constructor(code: number | undefined, message: string, data: unknown) {
    // Not cut here: the session's failure() redacts the server's words before it cuts them.
    super(`MCP error ${code}: ${message}`);
    this.code = code;
    this.data = data;
    this.rawMessage = message;
  }
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
      if (m.error) p.reject(new RpcError(m.error.code, String(m.error.message ?? ''), m.error.data));
      else p.resolve(m.result);
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

async function viaDiscover(transport: Transport, signal: AbortSignal): Promise<Negotiated> {
  transport.setProtocolVersion?.(REVISION_2026);
  const rpc = new RawRpc(transport, signal);
  await transport.start();
  const discovered = (await rpc.request('server/discover', { _meta: requestMeta() })) as Record<string, unknown> | undefined;
  if (typeof discovered !== 'object' || discovered === null) throw new AcquireError('server/discover returned no result object');
  const versions = discovered.supportedVersions;
  if (!Array.isArray(versions) || !versions.includes(REVISION_2026))
    throw new AcquireError(`server/discover: the server supports ${JSON.stringify(versions)}, not ${REVISION_2026}`);
  const caps = discovered.capabilities as Record<string, unknown> | undefined;
  const listed =
    typeof caps !== 'object' || caps === null || !caps.tools
      ? { tools: [], protocolVersion: REVISION_2026, pages: 0 }
      : await paginate((cursor) => rpc.request('tools/list', { _meta: requestMeta(), ...(cursor === undefined ? {} : { cursor }) }), REVISION_2026);
  const acquired: Acquired = discovered.instructions !== undefined && discovered.instructions !== null ? { ...listed, instructions: discovered.instructions } : listed;
  return {
    acquired,
    async call(name, args) {
      let result: unknown;
      try {
        result = await rpc.request('tools/call', { _meta: requestMeta(), name, arguments: args });
      } catch (err) {
        if (!(err instanceof RpcError) || typeof err.code !== 'number') throw new AcquireError(withExit(transport, errorText(err)));
        return { kind: 'error', code: err.code, message: err.rawMessage, ...(err.data !== undefined ? { data: err.data } : {}) };
      }
      if (typeof result !== 'object' || result === null || Array.isArray(result)) throw new AcquireError('tools/call returned no result object');
      return { kind: 'result', result: result as Record<string, unknown> };
    },
  };
}

const MAX_ERROR_CHARS = 1000;

function cutAfterRedacting(text: string, secrets: readonly string[]): string {
  const clean = redactSecrets(text, secrets);
  return clean.length > MAX_ERROR_CHARS ? `${clean.slice(0, MAX_ERROR_CHARS)}…` : clean;
}

/** An error's words on one line, uncut: failure() redacts, then cuts. */
function errorText(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ');
}
