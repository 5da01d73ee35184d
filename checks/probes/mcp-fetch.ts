// The fetch the MCP client uses when a probe talks to a remote server: every
// request goes through net.ts (configured host only, the probe's deadline,
// a byte cap, a trust anchor from the config, redacted errors).
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { httpRequest, type ProbeScope } from './net.ts';

export function scopedFetch(scope: ProbeScope, opts: { ca?: Buffer; headers?: Record<string, string> } = {}): FetchLike {
  return async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    // Only requests the probe sends: no server-initiated stream (GET) the server could push requests on, no DELETE.
    if (method !== 'POST') return new Response(null, { status: 405 });
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => {
      headers[k] = v;
    });
    Object.assign(headers, opts.headers);
    const res = await httpRequest(scope, {
      url: new URL(String(input)),
      method: 'POST',
      headers,
      body: typeof init?.body === 'string' ? init.body : '',
      redirects: 'none',
      // A tools/call is not repeated after a reset: the tool may have run.
      retryOnReset: false,
      ...(opts.ca ? { ca: opts.ca } : {}),
    });
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, x);
    const empty = res.body.length === 0 || [204, 205, 304].includes(res.status);
    return new Response(empty ? null : new Uint8Array(res.body), { status: res.status, headers: out });
  };
}
