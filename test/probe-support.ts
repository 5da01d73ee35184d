// Shared by the probe tests: a throw-away PKI made with openssl, real servers
// on 127.0.0.1, and a CheckContext over a temporary repository.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecureVersion } from 'node:tls';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { getOAuthProtectedResourceMetadataUrl, mcpAuthMetadataRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { execa } from 'execa';
import type { GateConfig } from '../src/config/schema.ts';
import type { CheckContext } from '../src/types.ts';
import { Workspace } from '../src/workspace/workspace.ts';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `mcp-gate-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Pki {
  dir: string;
  ca: Buffer;
  caFile: string;
  otherCa: Buffer;
  otherCaFile: string;
  leaf: (name: string) => { cert: Buffer; key: Buffer; certFile: string; keyFile: string };
}

async function openssl(args: string[], cwd: string): Promise<void> {
  await execa('openssl', args, { cwd, timeout: 20_000 });
}

/**
 * A CA and leaf certificates for 127.0.0.1: valid (90 days), expiring (5
 * days), expired (notAfter yesterday), a client certificate for mutual TLS,
 * and a second CA nobody trusts.
 */
export async function makePki(dir: string): Promise<Pki> {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await openssl(['req', '-x509', ...ec, '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-subj', '/CN=mcp-gate test CA', '-days', '30'], dir);
  await openssl(['req', '-x509', ...ec, '-keyout', 'other-ca-key.pem', '-out', 'other-ca.pem', '-subj', '/CN=untrusted CA', '-days', '30'], dir);
  const leaves: Array<[string, string, string[]]> = [
    ['valid', '90', ['-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']],
    ['expiring', '5', ['-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']],
    ['expired', '-1', ['-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']],
    ['client', '30', ['-addext', 'extendedKeyUsage=clientAuth']],
  ];
  await Promise.all(
    leaves.map(async ([name, days, ext]) => {
      await openssl(['req', '-new', ...ec, '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', name === 'client' ? '/CN=mcp-gate-probe' : '/CN=127.0.0.1', ...ext], dir);
      await openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-days', days, '-copy_extensions', 'copy', '-out', `${name}.pem`], dir);
    }),
  );
  return {
    dir,
    ca: readFileSync(join(dir, 'ca.pem')),
    caFile: join(dir, 'ca.pem'),
    otherCa: readFileSync(join(dir, 'other-ca.pem')),
    otherCaFile: join(dir, 'other-ca.pem'),
    leaf: (name) => ({
      cert: readFileSync(join(dir, `${name}.pem`)),
      key: readFileSync(join(dir, `${name}-key.pem`)),
      certFile: join(dir, `${name}.pem`),
      keyFile: join(dir, `${name}-key.pem`),
    }),
  };
}

export interface Running {
  port: number;
  url: string;
  close(): Promise<void>;
}

function closer(server: net.Server): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      (server as http.Server).closeAllConnections?.();
      server.close(() => resolve());
    });
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

export interface TlsServerOptions {
  cert: Buffer;
  key: Buffer;
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  ciphers?: string;
}

export async function startHttps(tlsOpts: TlsServerOptions, handler: http.RequestListener): Promise<Running> {
  const server = https.createServer({ ...tlsOpts }, handler);
  const port = await listen(server);
  return { port, url: `https://127.0.0.1:${port}`, close: closer(server) };
}

export async function startHttp(handler: http.RequestListener): Promise<Running> {
  const server = http.createServer(handler);
  const port = await listen(server);
  return { port, url: `http://127.0.0.1:${port}`, close: closer(server) };
}

/** A raw TCP server whose sockets are all destroyed on close. */
async function startRaw(onSocket: (s: net.Socket) => void): Promise<Running> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
    onSocket(s);
  });
  const port = await listen(server);
  return {
    port,
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Accepts TCP connections and never answers. */
export function startSilent(): Promise<Running> {
  return startRaw(() => {});
}

/** Answers every connection with bytes that are neither TLS nor HTTP. */
export function startGarbage(): Promise<Running> {
  return startRaw((s) => s.end(Buffer.from('\x00\xff garbage \x15\x03\x03 not a protocol\r\n'.repeat(8), 'latin1')));
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const GOOD_TOKEN = 'good-token-7f3a9c1e5b';

/**
 * A real MCP server from @modelcontextprotocol/sdk (streamable HTTP,
 * stateless; an echo tool unless `make` builds another), over TLS. With
 * `auth`, the SDK's bearer middleware guards /mcp and the SDK's metadata
 * router serves RFC 9728 metadata.
 */
export async function startMcpServer(tlsOpts: TlsServerOptions, opts: { auth: boolean; make?: () => Server | McpServer }): Promise<Running> {
  const app = createMcpExpressApp({ host: '127.0.0.1' });
  const server = https.createServer({ ...tlsOpts }, app);
  const port = await listen(server);
  const resource = new URL(`https://127.0.0.1:${port}/mcp`);
  const handlers: unknown[] = [];
  if (opts.auth) {
    app.use(
      mcpAuthMetadataRouter({
        oauthMetadata: {
          issuer: 'https://auth.example.com',
          authorization_endpoint: 'https://auth.example.com/authorize',
          token_endpoint: 'https://auth.example.com/token',
          response_types_supported: ['code'],
        },
        resourceServerUrl: resource,
      }),
    );
    handlers.push(
      requireBearerAuth({
        verifier: {
          async verifyAccessToken(token: string) {
            if (token !== GOOD_TOKEN) {
              const { InvalidTokenError } = await import('@modelcontextprotocol/sdk/server/auth/errors.js');
              throw new InvalidTokenError('unknown token');
            }
            return { token, clientId: 'test', scopes: [], expiresAt: Math.floor(Date.now() / 1000) + 3600 };
          },
        },
        resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(resource),
      }),
    );
  }
  app.post('/mcp', ...handlers, async (req: http.IncomingMessage & { body?: unknown }, res: http.ServerResponse) => {
    const mcp = opts.make?.() ?? echoServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  return { port, url: resource.href, close: closer(server) };
}

function echoServer(): McpServer {
  const mcp = new McpServer({ name: 'probe-test-server', version: '1.0.0' });
  mcp.registerTool('echo', { description: 'Echo' }, async () => ({ content: [{ type: 'text', text: 'hi' }] }));
  return mcp;
}

export function writeRepoFile(root: string, file: string, text: string): void {
  const abs = join(root, file);
  mkdirSync(join(abs, '..'), { recursive: true });
  writeFileSync(abs, text);
}

export function makeCtx(root: string, config: GateConfig, env: Record<string, string | undefined> = {}, signal?: AbortSignal): CheckContext {
  return {
    root,
    config,
    workspace: new Workspace(root),
    signal: signal ?? new AbortController().signal,
    now: new Date(),
    env,
  };
}

/** rsyslogd, when installed (.ci/setup.d/probes.sh installs it in CI). */
export function rsyslogdPath(): string | undefined {
  for (const p of ['/usr/sbin/rsyslogd', '/sbin/rsyslogd', '/usr/local/sbin/rsyslogd']) if (existsSync(p)) return p;
  return undefined;
}

/**
 * A real rsyslogd receiving syslog over TLS (RFC 5425, imtcp with the
 * OpenSSL stream driver) on two loopback ports: `anonPort` needs no client
 * certificate, `mtlsPort` requires one signed by the test CA.
 */
export async function startRsyslog(pki: Pki): Promise<{ anonPort: number; mtlsPort: number; close(): Promise<void> }> {
  const bin = rsyslogdPath();
  if (!bin) throw new Error('rsyslogd not installed');
  const work = join(pki.dir, `rsyslog-${Date.now()}`);
  mkdirSync(work);
  const leaf = pki.leaf('valid');
  const [anonPort, mtlsPort] = [await closedPort(), await closedPort()];
  const conf = [
    `global(workDirectory="${work}" DefaultNetstreamDriver="ossl" DefaultNetstreamDriverCAFile="${pki.caFile}" DefaultNetstreamDriverCertFile="${leaf.certFile}" DefaultNetstreamDriverKeyFile="${leaf.keyFile}")`,
    'module(load="imtcp" StreamDriver.Name="ossl" StreamDriver.Mode="1" StreamDriver.AuthMode="anon")',
    `input(type="imtcp" port="${anonPort}" address="127.0.0.1")`,
    `input(type="imtcp" port="${mtlsPort}" address="127.0.0.1" streamDriver.authMode="x509/certvalid")`,
    `*.* action(type="omfile" file="${join(work, 'received.log')}")`,
    '',
  ].join('\n');
  writeFileSync(join(work, 'rsyslog.conf'), conf);
  const child = execa(bin, ['-n', '-iNONE', '-f', join(work, 'rsyslog.conf')], { reject: false, stdin: 'ignore', timeout: 120_000 });
  let exited = false;
  void child.then(() => {
    exited = true;
  });
  // Wait until both listeners accept connections.
  const deadline = Date.now() + 10_000;
  for (const port of [anonPort, mtlsPort]) {
    for (;;) {
      const up = await new Promise<boolean>((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      });
      if (up) break;
      if (Date.now() > deadline || exited) {
        child.kill();
        throw new Error(`rsyslogd did not start: ${(await child).stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    anonPort,
    mtlsPort,
    close: async () => {
      child.kill('SIGTERM');
      await child;
    },
  };
}
