// The MCP requests the endpoint probe sends: the first request of a session
// for each supported protocol revision, and how to read the answer (JSON or
// a text/event-stream carrying one JSON-RPC message).
import { VERSION } from '../../src/util/version.ts';

export type McpProtocolVersion = '2025-11-25' | '2026-07-28';
export const DEFAULT_PROTOCOL_VERSION: McpProtocolVersion = '2025-11-25';

const CLIENT_INFO = { name: 'mcp-gate-probe', version: VERSION };

/** `initialize` (2025-11-25) or `server/discover` (2026-07-28): read-only, no tool is called. */
export function firstRequest(version: McpProtocolVersion): { method: string; body: string; headers: Record<string, string> } {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
  };
  if (version === '2026-07-28') {
    headers['mcp-protocol-version'] = version;
    const body = {
      jsonrpc: '2.0',
      id: 1,
      method: 'server/discover',
      params: {
        _meta: {
          'io.modelcontextprotocol/protocolVersion': version,
          'io.modelcontextprotocol/clientCapabilities': {},
          'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
        },
      },
    };
    return { method: 'server/discover', body: JSON.stringify(body), headers };
  }
  const body = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: version, capabilities: {}, clientInfo: CLIENT_INFO },
  };
  return { method: 'initialize', body: JSON.stringify(body), headers };
}

/** The JSON-RPC message in a response body (plain JSON or the first SSE event), or undefined. */
export function jsonRpcMessage(body: Buffer, contentType: string | undefined): Record<string, unknown> | undefined {
  const text = body.toString('utf8');
  let payload = text;
  if ((contentType ?? '').toLowerCase().startsWith('text/event-stream')) {
    const data: string[] = [];
    for (const line of text.split(/\r?\n/)) {
      if (line === '' && data.length > 0) break;
      if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    payload = data.join('\n');
  }
  try {
    const msg = JSON.parse(payload) as unknown;
    return typeof msg === 'object' && msg !== null && !Array.isArray(msg) && (msg as { jsonrpc?: unknown }).jsonrpc === '2.0'
      ? (msg as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Stop reading an SSE stream once its first event is complete. */
export function sseEventComplete(body: Buffer): boolean {
  const text = body.toString('utf8');
  const i = text.indexOf('data:');
  return i !== -1 && /\r?\n\r?\n/.test(text.slice(i));
}

/** `Bearer ..., resource_metadata="..."` parsed loosely (RFC 9110 auth-params). */
export function parseWwwAuthenticate(header: string | undefined): { bearer: boolean; params: Record<string, string> } {
  if (!header) return { bearer: false, params: {} };
  const bearer = /(^|,)\s*bearer(\s|$|,)/i.test(header);
  const params: Record<string, string> = {};
  const re = /([A-Za-z_][A-Za-z0-9_-]{0,63})\s*=\s*(?:"((?:[^"\\]|\\.){0,2048})"|([^\s,"]{0,2048}))/g;
  for (let m = re.exec(header); m; m = re.exec(header)) {
    const key = (m[1] as string).toLowerCase();
    if (!(key in params)) params[key] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return { bearer, params };
}

/** RFC 9728 section 3: the well-known metadata URL for a resource URL. */
export function wellKnownMetadataUrl(resource: URL): URL {
  const path = resource.pathname === '/' ? '' : resource.pathname;
  return new URL(`/.well-known/oauth-protected-resource${path}`, resource.origin);
}

/** RFC 9728 compares resource identifiers as strings; ignore a fragment and one trailing slash. */
export function sameResource(a: string, b: string): boolean {
  const norm = (s: string) => {
    const hash = s.indexOf('#');
    return (hash === -1 ? s : s.slice(0, hash)).replace(/\/$/, '');
  };
  return norm(a) === norm(b);
}
