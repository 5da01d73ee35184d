// Live acquisition (checks/manifests/acquire*.ts through loadManifests): the real
// reference servers over stdio (server-everything, server-filesystem), an
// SDK streamable HTTP server on 127.0.0.1, the 2026-07-28 server/discover
// revision (stdio and HTTP), pagination, timeouts, bad servers, env limits.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { manifestIntegrityCheck } from '../checks/manifests/integrity-check.ts';
import { runGate } from '../src/gate/engine.ts';
import { acquireRemote, acquireStdio } from '../checks/common/mcp-client.ts';
import { hashTools, type Lockfile, writePins } from '../checks/manifests/lockfile.ts';
import { loadManifests, type Tool } from '../checks/manifests/manifests.ts';
import type { CheckContext, Finding } from '../src/types.ts';
import { Workspace } from '../src/workspace/workspace.ts';

const NODE = resolve('node_modules/.bin/node');
const EVERYTHING = resolve('node_modules/@modelcontextprotocol/server-everything/dist/index.js');
const FILESYSTEM = resolve('node_modules/@modelcontextprotocol/server-filesystem/dist/index.js');
const FAKE = resolve('test/fixtures/manifest/servers/fake-mcp-stdio.mjs');
const BENCH = JSON.parse(readFileSync('test/fixtures/shared/mcp/benign/livemcpbench-servers.json', 'utf8')) as { tools: Record<string, { tools: Tool[] }> }[];
/** The LiveMCPBench server with the most tools (real tools/list output). */
const BIG = BENCH.flatMap((e) => Object.entries(e.tools)).sort((a, b) => b[1].tools.length - a[1].tools.length)[0]!;
const BIG_TOOLS = BIG[1].tools;

const dirs: string[] = [];
let toolsFile = '';
before(() => {
  const d = mkdtempSync(join(tmpdir(), 'mcp-gate-acquire-'));
  dirs.push(d);
  toolsFile = join(d, 'tools.json');
  writeFileSync(toolsFile, JSON.stringify({ tools: BIG_TOOLS }));
});
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function repo(config: string): string {
  const root = mkdtempSync(join(tmpdir(), 'mcp-gate-acquire-'));
  dirs.push(root);
  writeFileSync(join(root, '.mcp-gate.yml'), config);
  return root;
}

const yamlList = (argv: string[]) => `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;

/** Through the engine: live acquisition (child processes, HTTP). */
async function gate(root: string, env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME }): Promise<Finding[]> {
  return (await runGate({ root, checks: [manifestIntegrityCheck], env })).findings;
}

function ctxFor(root: string, config: CheckContext['config'], env: CheckContext['env'] = process.env): CheckContext {
  return { root, config, configFile: '.mcp-gate.yml', workspace: new Workspace(root), signal: new AbortController().signal, now: new Date(), env };
}

function pin(root: string, servers: Record<string, { source: string; tools: Tool[] }>): void {
  const lock: Lockfile = { lockfileVersion: 1, servers: {} };
  for (const [id, s] of Object.entries(servers)) {
    const h = hashTools(s.tools);
    lock.servers[id] = { source: s.source, sha256: h.sha256, tools: h.tools, pinnedAt: 'now' };
  }
  writePins(root, lock, new Map(Object.entries(servers).map(([id, s]) => [id, hashTools(s.tools).canonical])));
}

test('server-everything and server-filesystem over stdio: acquired, pinned, verified, stable', async () => {
  const root = repo(
    `mcp:\n  namespacing: prefix\n  servers:\n    - id: everything\n      command: ${yamlList([NODE, EVERYTHING, 'stdio'])}\n    - id: filesystem\n      command: ${yamlList([NODE, FILESYSTEM, '.'])}\n`,
  );
  const t0 = performance.now();
  const set = await loadManifests(ctxFor(root, { mcp: { namespacing: 'prefix', servers: [{ id: 'everything', command: [NODE, EVERYTHING, 'stdio'] }, { id: 'filesystem', command: [NODE, FILESYSTEM, '.'] }] } }));
  const ms = Math.round(performance.now() - t0);
  assert.deepEqual(set.problems, []);
  const every = set.servers.find((s) => s.id === 'everything')!;
  const fs = set.servers.find((s) => s.id === 'filesystem')!;
  assert.ok(every.tools.some((t) => t.name === 'echo'), 'server-everything exposes echo');
  assert.ok(fs.tools.some((t) => t.name === 'read_text_file'), 'server-filesystem exposes read_text_file');
  assert.equal(every.kind, 'stdio');
  assert.equal(every.protocolVersion, '2025-11-25');
  assert.equal(every.file, '.mcp-gate.yml');
  assert.equal(every.line, 4);
  assert.match(every.source, /^stdio:.*server-everything\/dist\/index\.js stdio$/);
  process.stdout.write(`# stdio acquisition of server-everything + server-filesystem (concurrent): ${ms} ms\n`);
  // Fresh process, fresh run: the pinned hash is stable, so no finding.
  pin(root, { everything: every, filesystem: fs });
  assert.deepEqual(await gate(root), []);
  // A pin that differs from what the live server says (here: the pinned echo
  // description was benign, the live one is what it is) is a drift.
  const pinnedEvery = structuredClone(every.tools);
  const echo = pinnedEvery.find((t) => t.name === 'echo')!;
  echo.description = 'Echoes back the input';
  pin(root, { everything: { source: every.source, tools: pinnedEvery }, filesystem: fs });
  const f = await gate(root);
  assert.equal(f.length, 1, JSON.stringify(f));
  assert.equal(f[0]!.ruleId, 'manifest/tampered');
  assert.deepEqual(f[0]!.location, { file: '.mcp-gate.yml', line: 4, resource: 'McpServer/everything', container: 'echo' });
  assert.match(f[0]!.message, /changed tool "echo":\n {2}\/description: "Echoes back the input" -> /);
});

test('2025-11-25 server with tools/list pagination: every page followed', async () => {
  const got = await acquireStdio([NODE, FAKE, 'legacy', toolsFile, '3'], { cwd: process.cwd(), env: process.env });
  assert.equal(got.protocolVersion, '2025-11-25');
  assert.equal(got.tools.length, BIG_TOOLS.length);
  assert.equal(got.pages, Math.ceil(BIG_TOOLS.length / 3));
  assert.equal(hashTools(got.tools as Tool[]).sha256, hashTools(BIG_TOOLS).sha256, 'every field survives acquisition');
});

test('2026-07-28 server (server/discover, no initialize) over stdio, paginated', async () => {
  const got = await acquireStdio([NODE, FAKE, 'discover', toolsFile, '2'], { cwd: process.cwd(), env: process.env });
  assert.equal(got.protocolVersion, '2026-07-28');
  assert.equal(got.pages, Math.ceil(BIG_TOOLS.length / 2));
  assert.equal(hashTools(got.tools as Tool[]).sha256, hashTools(BIG_TOOLS).sha256);
});

test('server that never answers: gate/check-failed naming server and config file, within the timeout', async () => {
  const root = repo(`mcp:\n  servers:\n    - id: sleepy\n      command: ${yamlList([NODE, FAKE, 'hang'])}\n      timeoutMs: 400\n`);
  const t0 = performance.now();
  const f = await gate(root);
  const elapsed = performance.now() - t0;
  assert.equal(f.length, 1);
  assert.equal(f[0]!.ruleId, 'gate/check-failed');
  assert.deepEqual(f[0]!.location, { file: '.mcp-gate.yml', line: 3, resource: 'McpServer/sleepy' });
  assert.match(f[0]!.message, /MCP server "sleepy" \(stdio:.*fake-mcp-stdio\.mjs hang, configured in \.mcp-gate\.yml\): cannot acquire its tools: no complete answer within 400 ms/);
  // The 400 ms server timeout ended it, not the 120 s gate budget (about 0.4 s; the bound leaves 20x for load).
  assert.ok(elapsed < 10_000, `bounded: ${elapsed} ms`);
});

test('server that does not start, crashes, or talks garbage: gate/check-failed', async () => {
  const cases: [string[], RegExp][] = [
    [['./no/such/server'], /cannot start ".\/no\/such\/server": ENOENT/],
    [[NODE, '-e', 'process.stderr.write("fatal: no config"); process.exit(3)'], /exited with code 3; stderr: fatal: no config/],
    [[NODE, FAKE, 'garbage'], /no complete answer within 1500 ms|not JSON-RPC/],
  ];
  for (const [argv, why] of cases) {
    const root = repo(`mcp:\n  servers:\n    - id: broken\n      command: ${yamlList(argv)}\n      timeoutMs: 1500\n`);
    const f = await gate(root);
    assert.equal(f.length, 1, argv.join(' '));
    assert.equal(f[0]!.ruleId, 'gate/check-failed');
    assert.equal(f[0]!.location.file, '.mcp-gate.yml');
    assert.match(f[0]!.message, /MCP server "broken"/);
    assert.match(f[0]!.message, why);
  }
});

test('stdio server environment: PATH, HOME and the names the config lists, nothing else', async () => {
  const root = repo(`mcp:\n  servers:\n    - id: envy\n      command: ${yamlList([NODE, FAKE, 'env'])}\n      env: [API_TOKEN]\n`);
  const set = await loadManifests(
    ctxFor(root, { mcp: { servers: [{ id: 'envy', command: [NODE, FAKE, 'env'], env: ['API_TOKEN'] }] } }, { PATH: process.env.PATH, HOME: '/tmp', API_TOKEN: 't0ken', AWS_SECRET_ACCESS_KEY: 'nope', GITHUB_TOKEN: 'nope' }),
  );
  assert.deepEqual(set.problems, []);
  assert.equal(set.servers[0]!.tools[0]!.description, 'API_TOKEN,HOME,PATH');
});

// ---- remote servers ---------------------------------------------------------

let sdkServer: Server;
let sdkUrl = '';
let rawServer: Server;
let rawUrl = '';
let rawRequests: { method: string; version: string | undefined }[] = [];

function sdkMcp(): McpServer {
  const s = new McpServer({ name: 'remote-test', version: '1.0.0' });
  s.registerTool(
    'lookup_order',
    { title: 'Order lookup', description: 'Look up an order by id', inputSchema: { id: z.string().max(32) }, annotations: { readOnlyHint: true } },
    async () => ({ content: [] }),
  );
  s.registerTool('cancel_order', { description: 'Cancel an order', inputSchema: { id: z.string(), reason: z.enum(['fraud', 'customer']) } }, async () => ({ content: [] }));
  return s;
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** A 2026-07-28 server by hand: no initialize, server/discover, per-request _meta, paginated tools/list. */
async function raw2026(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(405).end();
    return;
  }
  const msg = (await body(req)) as { id?: number; method: string; params?: { cursor?: string; _meta?: Record<string, unknown> } };
  const version = req.headers['mcp-protocol-version'] as string | undefined;
  rawRequests.push({ method: msg.method, version });
  const reply = (status: number, payload: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  };
  if (msg.id === undefined) {
    res.writeHead(202).end();
    return;
  }
  const metaVersion = msg.params?._meta?.['io.modelcontextprotocol/protocolVersion'];
  if (msg.method === 'initialize' || metaVersion !== '2026-07-28' || version !== '2026-07-28')
    return reply(400, { jsonrpc: '2.0', id: msg.id, error: { code: -32022, message: 'Unsupported protocol version', data: { requested: metaVersion ?? null, supported: ['2026-07-28'] } } });
  if (msg.method === 'server/discover')
    return reply(200, { jsonrpc: '2.0', id: msg.id, result: { resultType: 'complete', supportedVersions: ['2026-07-28'], capabilities: { tools: {} }, ttlMs: 0, cacheScope: 'public' } });
  if (msg.method === 'tools/list') {
    const start = msg.params?.cursor ? Number(msg.params.cursor) : 0;
    const page = BIG_TOOLS.slice(start, start + 4);
    const next = start + 4 < BIG_TOOLS.length ? { nextCursor: String(start + 4) } : {};
    return reply(200, { jsonrpc: '2.0', id: msg.id, result: { resultType: 'complete', tools: page, ...next, ttlMs: 0, cacheScope: 'public' } });
  }
  return reply(200, { jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: 'Method not found' } });
}

before(async () => {
  sdkServer = createServer(async (req, res) => {
    if (req.headers.authorization !== 'Bearer s3cret-value') {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
      return;
    }
    const server = sdkMcp();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
  rawServer = createServer((req, res) => {
    raw2026(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((r) => sdkServer.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => rawServer.listen(0, '127.0.0.1', r));
  sdkUrl = `http://127.0.0.1:${(sdkServer.address() as AddressInfo).port}/mcp`;
  rawUrl = `http://127.0.0.1:${(rawServer.address() as AddressInfo).port}/mcp`;
});
after(async () => {
  sdkServer.closeAllConnections();
  rawServer.closeAllConnections();
  await new Promise((r) => sdkServer.close(r));
  await new Promise((r) => rawServer.close(r));
});

test('remote SDK server over streamable HTTP with a header from the environment: pinned, then a drift is caught', async () => {
  const got = await acquireRemote(sdkUrl, { env: { MCP_TOKEN: 'Bearer s3cret-value' }, headersEnv: { Authorization: 'MCP_TOKEN' }, timeoutMs: 5000 });
  assert.equal(got.protocolVersion, '2025-11-25');
  const names = (got.tools as Tool[]).map((t) => t.name).sort();
  assert.deepEqual(names, ['cancel_order', 'lookup_order']);
  const lookup = (got.tools as Tool[]).find((t) => t.name === 'lookup_order')!;
  assert.deepEqual(lookup.annotations, { readOnlyHint: true });
  assert.equal((lookup.inputSchema as { properties: { id: { maxLength: number } } }).properties.id.maxLength, 32);

  const root = repo(`mcp:\n  servers:\n    - id: orders\n      url: ${sdkUrl}\n      headersEnv: {Authorization: MCP_TOKEN}\n      timeoutMs: 5000\n`);
  const tools = structuredClone(got.tools as Tool[]);
  pin(root, { orders: { source: sdkUrl, tools } });
  assert.deepEqual(await gate(root, { MCP_TOKEN: 'Bearer s3cret-value' }), []);
  // The pin says maxLength 16: the live server's 32 is a drift.
  const older = structuredClone(tools);
  (older.find((t) => t.name === 'lookup_order')!.inputSchema as { properties: { id: { maxLength: number } } }).properties.id.maxLength = 16;
  pin(root, { orders: { source: sdkUrl, tools: older } });
  const [f] = await gate(root, { MCP_TOKEN: 'Bearer s3cret-value' });
  assert.equal(f!.ruleId, 'manifest/tampered');
  assert.equal(f!.location.container, 'lookup_order');
  assert.equal(f!.location.file, '.mcp-gate.yml');
  assert.match(f!.message, /\/inputSchema\/properties\/id\/maxLength: 16 -> 32/);
});

test('remote: missing credential env var or refused credential -> gate/check-failed, secret never printed', async () => {
  const root = repo(`mcp:\n  servers:\n    - id: orders\n      url: ${sdkUrl}\n      headersEnv: {Authorization: MCP_TOKEN}\n      timeoutMs: 3000\n`);
  let [f] = await gate(root, {});
  assert.equal(f!.ruleId, 'gate/check-failed');
  assert.match(f!.message, /environment variable MCP_TOKEN \(header Authorization\) is not set/);
  [f] = await gate(root, { MCP_TOKEN: 'Bearer wrong-secret-value' });
  assert.equal(f!.ruleId, 'gate/check-failed');
  assert.match(f!.message, /MCP server "orders"/);
  assert.ok(!f!.message.includes('wrong-secret-value'));
  // nothing listening
  const dead = repo(`mcp:\n  servers:\n    - id: gone\n      url: http://127.0.0.1:9/mcp\n      timeoutMs: 2000\n`);
  [f] = await gate(dead, {});
  assert.equal(f!.ruleId, 'gate/check-failed');
  assert.match(f!.message, /MCP server "gone" \(http:\/\/127\.0\.0\.1:9\/mcp/);
});

test('remote 2026-07-28 server: initialize refused, server/discover + paginated tools/list with the version header', async () => {
  rawRequests = [];
  const got = await acquireRemote(rawUrl, { env: {}, timeoutMs: 5000 });
  assert.equal(got.protocolVersion, '2026-07-28');
  assert.equal(got.pages, Math.ceil(BIG_TOOLS.length / 4));
  assert.equal(hashTools(got.tools as Tool[]).sha256, hashTools(BIG_TOOLS).sha256);
  assert.equal(rawRequests[0]!.method, 'initialize');
  const discover = rawRequests.find((r) => r.method === 'server/discover');
  assert.equal(discover?.version, '2026-07-28');
  assert.ok(rawRequests.filter((r) => r.method === 'tools/list').every((r) => r.version === '2026-07-28'));
});

test('a failing server that prints the credential it was given: the value never reaches the report', async () => {
  const root = repo(
    `mcp:\n  servers:\n    - id: leaky\n      command: ${yamlList([NODE, '-e', 'process.stderr.write("auth failed for token " + process.env.API_TOKEN); process.exit(1)'])}\n      env: [API_TOKEN]\n`,
  );
  const [f] = await gate(root, { PATH: process.env.PATH, API_TOKEN: 'tok_9f8e7d6c5b4a' });
  assert.equal(f!.ruleId, 'gate/check-failed');
  assert.match(f!.message, /auth failed for token \*\*\*/);
  assert.ok(!f!.message.includes('tok_9f8e7d6c5b4a'));
});
