// Redact before you cut: a SIEM that echoes the credential (or another one)
// in a long error page. The text was cut to 80 characters before redaction,
// so up to 35 of a 36-character token reached every report. Now no 8-character
// fragment of any of these secrets appears in text, JSON, SARIF, Markdown or
// the annotations. A real HTTP server on 127.0.0.1, the real CLI in-process.
import assert from 'node:assert/strict';
import type http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { resolve } from 'node:path';
import { acquireStdio } from '../checks/common/mcp-client.ts';
import { probeEndpoint } from '../checks/probes/endpoint-probe.ts';
import { siemProbeCheck } from '../checks/probes/siem-check.ts';
import { quoteUntrusted, redactSecrets } from '../checks/common/redact.ts';
import { runGate } from '../src/gate/engine.ts';
import { annotationsFor } from '../src/reporters/annotations.ts';
import { runCli } from './cli-run.ts';
import { makeCtx, type Running, startHttp } from './probe-support.ts';
import { prng } from './prng.ts';
import { tempRepo } from './temp-repo.ts';

// The secrets are made at run time: the gate scans its own repository, and
// a literal token in this file would be a finding there.
const r = prng(36);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const random = (n: number) => Array.from({ length: n }, () => ALNUM[Math.floor(r() * ALNUM.length)]).join('');
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
// 36 characters, like the token of the original report.
const TOKEN = `hec-${random(32)}`;
// Secrets the SIEM volunteers that the gate never sent: other formats.
const JWT = [b64({ alg: 'HS256' }), b64({ sub: 'siem-admin' }), random(43)].join('.');
const GITHUB = `ghp${'_'}${random(36)}`;
const STRIPE_LIKE_ACCESS = random(13);
assert.equal(TOKEN.length, 36);

type Mode = 'page' | 'title' | 'json-text' | 'bearer-json' | 'github-page';
let mode: Mode = 'page';
let server: Running;

const prose = 'The indexer cluster refused the request because';

const handler: http.RequestListener = (req, res) => {
  req.resume();
  req.on('end', () => {
    const sent = String(req.headers.authorization ?? '').replace(/^Splunk /, '');
    switch (mode) {
      case 'page':
        // No title: the body's first characters are quoted; the token straddles character 80.
        return void res.writeHead(502, { 'content-type': 'text/html' }).end(`<html><body><p>${prose} header Splunk ${sent} was not accepted. ${'Retry later. '.repeat(200)}</p></body></html>`);
      case 'title':
        return void res.writeHead(502, { 'content-type': 'text/html' }).end(`<html><head><title>${prose} of credential ${sent} at the edge proxy, see logs</title></head></html>`);
      case 'json-text':
        // Splunk's documented error shape; `text` is quoted (it was cut to 100 first).
        return void res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ text: `${prose} the token ${sent} is disabled`, code: 4 }));
      case 'bearer-json':
        return void res
          .writeHead(502, { 'content-type': 'application/json' })
          .end(`[{"error":"upstream","auth":"Bearer ${JWT}","access_token":"${STRIPE_LIKE_ACCESS}","echo":"${sent}"}]`);
      case 'github-page':
        return void res.writeHead(500, { 'content-type': 'text/plain' }).end(`clone failed: remote https://x-access:${GITHUB}@github.example/org/repo.git answered 403 ${'.'.repeat(500)}`);
    }
  });
};

before(async () => {
  server = await startHttp(handler);
});
after(async () => {
  await server.close();
});

function repo(): string {
  return tempRepo('redact', { '.mcp-gate.yml': `probes:\n  timeoutMs: 4000\n  siem:\n    kind: splunk-hec\n    url: ${server.url}\n    tokenEnv: SIEM_TOKEN\n` });
}

/** Every 8-character piece of `secret` that appears in `text`. */
function fragments(text: string, secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) if (text.includes(secret.slice(i, i + 8))) out.push(secret.slice(i, i + 8));
  return out;
}

function assertNoFragment(where: string, text: string): void {
  for (const secret of [TOKEN, JWT, GITHUB]) assert.deepEqual(fragments(text, secret), [], `${where}: a fragment of ${secret.slice(0, 4)}… leaked`);
  assert.ok(!text.includes(STRIPE_LIKE_ACCESS), `${where}: access_token value leaked`);
}

async function everyFormat(root: string): Promise<Record<string, string>> {
  const env = { SIEM_TOKEN: TOKEN };
  const out: Record<string, string> = {};
  for (const format of ['text', 'json', 'sarif', 'markdown']) {
    const r = await runCli(['check', root, '--format', format], { env });
    assert.equal(r.stderr.includes('internal error'), false, r.stderr);
    out[format] = r.stdout + r.stderr;
  }
  const report = await runGate({ root, checks: [siemProbeCheck], env });
  out.annotations = JSON.stringify(annotationsFor(report));
  out.messages = report.findings.map((f) => f.message).join('\n');
  return out;
}

describe('a SIEM error page echoing the token: redacted before it is cut, in every output format', () => {
  const cases: Array<{ mode: Mode; shows: RegExp }> = [
    { mode: 'page', shows: /answered 502 with text\/html: "<html><body><p>The indexer cluster refused the request because header Splunk \*\*\*/ },
    { mode: 'title', shows: /text\/html page "The indexer cluster refused the request because of credential \*\*\* at the edge proxy, see logs"/ },
    { mode: 'json-text', shows: /Splunk HEC rejected the token: .* the token \*\*\* is disabled \(code 4\)/ },
    { mode: 'bearer-json', shows: /"auth":"Bearer \*\*\*"/ },
    { mode: 'github-page', shows: /clone failed: remote https:\/\/x-access:\*\*\*@github\.example/ },
  ];
  for (const c of cases) {
    test(`${c.mode}: no 8-character fragment of any secret in text, JSON, SARIF, Markdown, annotations`, { timeout: 30_000 }, async () => {
      mode = c.mode;
      const outputs = await everyFormat(repo());
      // The finding is there and says what came back, minus the secrets.
      assert.match(outputs.messages ?? '', c.shows);
      for (const [format, text] of Object.entries(outputs)) assertNoFragment(format, text);
    });
  }
});

describe('the same helper in the other families that quote a server', () => {
  test('endpoint probe: an MCP endpoint answering 200 with a page holding a token is auth/not-enforced, the token redacted', { timeout: 30_000 }, async () => {
    const open = await startHttp((_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(`debug build; deploy key ${GITHUB} ${'.'.repeat(300)}`));
    try {
      const r = await probeEndpoint(makeCtx(repo(), {}), { url: `${open.url}/mcp` }, { plainPort: null });
      const f = r.findings.find((x) => x.ruleId === 'auth/not-enforced');
      assert.match(f?.message ?? '', /answered 200 with text\/plain: "debug build; deploy key \*\*\* \.\.\./);
      assertNoFragment('endpoint', JSON.stringify(r));
    } finally {
      await open.close();
    }
  });

  test('stdio MCP server: its stderr tail is redacted before it is cut to 300 characters', { timeout: 30_000 }, async () => {
    // The token ends 5 characters inside the last 300: cut first, its last 31 characters were shown.
    const script = `process.stderr.write("auth failed for " + process.env.API_TOKEN + " " + "e".repeat(294)); process.exit(1)`;
    await assert.rejects(acquireStdio([resolve('node_modules/.bin/node'), '-e', script], { cwd: process.cwd(), env: { API_TOKEN: TOKEN }, envNames: ['API_TOKEN'] }), (err: Error) => {
      assert.match(err.message, /exited with code 1; stderr: …r \*\*\* e+\)$/);
      assertNoFragment('stderr', err.message);
      return true;
    });
  });
});

describe('the one helper: redactSecrets / quoteUntrusted', () => {
  test('configured secrets in the forms they come back in: as is, JSON-escaped, URL-encoded, the word after a scheme', () => {
    const secret = `Sp/ec"ial+${random(8)}=`;
    const text = `raw ${secret} json ${JSON.stringify(secret)} url ${encodeURIComponent(secret)} word abcdefgh12 whole ApiKey abcdefgh12`;
    const out = redactSecrets(text, [secret, 'ApiKey abcdefgh12']);
    assert.equal(out, 'raw *** json "***" url *** word *** whole ***');
  });

  test('credential-looking text nobody configured: credential-named fields, schemes, generated tokens; ordinary words, UUIDs, dates kept', () => {
    const text = 'password=hunter2! api_key: "abcd1234" Authorization: Basic dXNlcjpwYXNz token AbCdEf0123456789XyZ0 at 2026-11-01T00:00:00Z id 123e4567-e89b-12d3-a456-426614174000 host siem-prod-01.example.com';
    assert.equal(
      redactSecrets(text, []),
      'password=*** api_key: "***" Authorization: Basic *** token *** at 2026-11-01T00:00:00Z id 123e4567-e89b-12d3-a456-426614174000 host siem-prod-01.example.com',
    );
  });

  test('a 1 MiB error page (the probe body cap) is redacted in linear time: letters, token characters, key=value pairs', () => {
    for (const page of ['a'.repeat(1 << 20), 'Ab1'.repeat(350_000), 'token: abc '.repeat(95_000), `x${' '.repeat(1 << 20)}=`]) {
      const t = performance.now();
      redactSecrets(page, [TOKEN]);
      // Only catches a backtracking blow-up (seconds); a linear pass takes tens of milliseconds.
      assert.ok(performance.now() - t < 1_500, `${page.slice(0, 12)}…: ${(performance.now() - t).toFixed(0)} ms`);
    }
  });

  test('quoteUntrusted cuts after redacting: a secret straddling the cut leaves nothing', () => {
    const secret = 'k'.repeat(10) + 'Z9'.repeat(13);
    const q = quoteUntrusted(`${'x '.repeat(35)}${secret} tail`, [secret], 80);
    assert.equal(q, `${'x '.repeat(35)}*** tail`);
    assert.deepEqual(fragments(quoteUntrusted(`${'y'.repeat(70)} ${secret}`, [secret], 80), secret), []);
    // Control characters and non-ASCII are shown as ?, whitespace folded, and the cut is marked.
    assert.equal(quoteUntrusted('a\u0007b\n\n\tc\u00e9', [], 80), 'a?b c?');
    assert.equal(quoteUntrusted('z'.repeat(100), [], 10), `${'z'.repeat(10)}…`);
  });
});
