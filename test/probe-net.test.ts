// The bounded client under every probe: host allowlist (also for redirect
// targets), same-origin redirects only, ECONNRESET-only retries, read cap.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { httpRequest, type ProbeError, ProbeScope } from '../checks/probes/net.ts';
import { closedPort, removeDir, startHttp, tempDir } from './probe-support.ts';

let dir: string;
before(() => {
  dir = tempDir('net');
});
after(() => removeDir(dir));

const scope = (timeoutMs = 3000) => new ProbeScope({ allowedHosts: ['127.0.0.1'], timeoutMs });

test('a redirect to the metadata service is refused before any connection to it', async () => {
  const srv = await startHttp((_req, res) => {
    res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
  });
  try {
    const s = scope();
    await assert.rejects(httpRequest(s, { url: new URL(`${srv.url}/x`), method: 'GET' }), (err: ProbeError) => {
      assert.equal(err.code, 'redirect-refused');
      assert.match(err.message, /redirecting to http:\/\/169\.254\.169\.254\/latest\/meta-data\/: not followed/);
      return true;
    });
    assert.deepEqual(s.connections, [{ host: '127.0.0.1', port: srv.port, tls: false }]);
    // Even asked directly, the scope refuses a host that is not configured.
    await assert.rejects(httpRequest(s, { url: new URL('http://169.254.169.254/'), method: 'GET' }), /refused to contact 169\.254\.169\.254/);
    assert.equal(s.connections.length, 1);
  } finally {
    await srv.close();
  }
});

test('same-origin redirects are followed (at most 3)', async () => {
  const srv = await startHttp((req, res) => {
    if (req.url === '/a') res.writeHead(307, { location: '/b' }).end();
    else if (req.url === '/loop') res.writeHead(307, { location: '/loop' }).end();
    else res.writeHead(200).end('done');
  });
  try {
    const r = await httpRequest(scope(), { url: new URL(`${srv.url}/a`), method: 'GET' });
    assert.equal(r.status, 200);
    assert.equal(r.url.pathname, '/b');
    await assert.rejects(httpRequest(scope(), { url: new URL(`${srv.url}/loop`), method: 'GET' }), /more than 3 redirects/);
  } finally {
    await srv.close();
  }
});

test('retried on ECONNRESET only', async () => {
  let n = 0;
  const server = net.createServer((sock) => {
    n++;
    if (n === 1) {
      sock.resetAndDestroy();
      return;
    }
    sock.on('data', () => sock.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  try {
    const s = scope();
    const r = await httpRequest(s, { url: new URL(`http://127.0.0.1:${port}/`), method: 'GET' });
    assert.equal(r.body.toString(), 'ok');
    assert.equal(s.connections.length, 2);
    const refused = scope();
    await assert.rejects(httpRequest(refused, { url: new URL(`http://127.0.0.1:${await closedPort()}/`), method: 'GET' }), /connection refused/);
    assert.equal(refused.connections.length, 1);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test('reads stop at the byte cap', async () => {
  const srv = await startHttp((_req, res) => {
    res.writeHead(200);
    res.on('error', () => {});
    const chunk = Buffer.alloc(16 * 1024);
    const pump = () => {
      while (!res.destroyed) if (!res.write(chunk)) return void res.once('drain', pump);
    };
    pump();
  });
  try {
    await assert.rejects(httpRequest(scope(), { url: new URL(`${srv.url}/`), method: 'GET', maxBytes: 100_000 }), /exceeds 100000 bytes/);
  } finally {
    await srv.close();
  }
});
