// The pure parts of the behaviour probe: which parameters get traversal
// payloads, which schema violations are sent, how answers are judged, and
// the redactor every string the probe emits goes through.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { baselineArgs, MISSING_FILE, pathParams, toolInfo, traversalCalls, validationCalls } from '../checks/probes/behaviour-payloads.ts';
import { answerText, errorLeak, excerpt, fileContent, redactor, refused, secretFound } from '../checks/probes/behaviour-verdicts.ts';

const CANARY = 'sk-live-7Qm2xR9vT4kW8nB3';

test('path parameters are found by name, description and format; other strings are not', () => {
  const schema = {
    type: 'object',
    properties: {
      path: { type: 'string' },
      sourceFile: { type: 'string' },
      out_dir: { type: 'string' },
      target: { type: 'string', description: 'Directory to list' },
      ref: { type: 'string', format: 'uri-reference' },
      paths: { type: 'array', items: { type: 'string' } },
      query: { type: 'string', description: 'SQL to run' },
      limit: { type: 'integer', description: 'How many files' },
      profile: { type: 'string' },
    },
  };
  assert.deepEqual(pathParams(schema), [
    { name: 'path', array: false },
    { name: 'sourceFile', array: false },
    { name: 'out_dir', array: false },
    { name: 'target', array: false },
    { name: 'ref', array: false },
    { name: 'paths', array: true },
  ]);
});

test('server-filesystem read_text_file (real tools/list entry): seven traversal payloads with a root, six without', () => {
  // From @modelcontextprotocol/server-filesystem 2026.8.31 tools/list.
  const tool = toolInfo({
    name: 'read_text_file',
    inputSchema: { type: 'object', properties: { path: { type: 'string' }, tail: { type: 'number' }, head: { type: 'number' } }, required: ['path'] },
    annotations: { readOnlyHint: true },
  })!;
  const calls = traversalCalls(tool, '/srv/data');
  assert.deepEqual(
    calls.map((c) => [c.kind, c.args.path]),
    [
      ['relative', '../../../../../../../../etc/passwd'],
      ['url-encoded', '..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd'],
      ['absolute', '/etc/passwd'],
      ['file-uri', 'file:///etc/passwd'],
      ['windows-relative', '..\\..\\..\\..\\..\\..\\..\\..\\etc\\passwd'],
      ['windows-absolute', 'C:\\Windows\\win.ini'],
      ['root-prefixed', '/srv/data/../../../../../../../../etc/passwd'],
    ],
  );
  assert.equal(traversalCalls(tool, undefined).length, 6);
  // No declared constraint but the type: only a wrong type and a missing required parameter can be tested.
  assert.deepEqual(
    validationCalls(tool).map((c) => [c.kind, c.args]),
    [
      ['wrong-type', { path: 12345 }],
      ['missing-required', {}],
    ],
  );
});

test('validation calls: one per testable constraint, the other arguments valid', () => {
  const tool = toolInfo({
    name: 'query',
    inputSchema: {
      type: 'object',
      properties: {
        limit: { type: 'integer', minimum: 5 },
        sql: { type: 'string', maxLength: 10, minLength: 2 },
        format: { type: 'string', enum: ['rows', 'csv'] },
        level: { type: 'number', enum: [1, 2, 3] },
        file: { type: 'string' },
      },
      required: ['sql', 'format', 'file'],
      additionalProperties: false,
    },
  })!;
  const base = { sql: 'mcp-gate-p', format: 'rows', file: MISSING_FILE };
  assert.deepEqual(baselineArgs(tool.inputSchema), base);
  assert.deepEqual(
    validationCalls(tool).map((c) => [c.kind, c.param, c.args]),
    [
      ['wrong-type', 'sql', { ...base, sql: 12345 }],
      ['missing-required', 'sql', { format: 'rows', file: MISSING_FILE }],
      ['unknown-property', 'mcp_gate_probe_unexpected', { ...base, mcp_gate_probe_unexpected: true }],
      ['too-long', 'sql', { ...base, sql: 'x'.repeat(11) }],
      ['outside-enum', 'format', { ...base, format: 'mcp-gate-probe-not-in-enum' }],
    ],
  );
});

test('a tool annotated destructive is recognised whatever else it says', () => {
  assert.equal(toolInfo({ name: 'rm', annotations: { readOnlyHint: true, destructiveHint: true } })?.destructive, true);
  assert.equal(toolInfo({ name: 'ls', annotations: { readOnlyHint: true } })?.destructive, false);
  assert.equal(toolInfo({ description: 'no name' }), undefined);
});

test('answers: file content recognised anywhere in the result, refusals by JSON-RPC error or isError', () => {
  const passwd = readFileSync('/etc/passwd', 'utf8');
  const ok = { kind: 'result' as const, result: { content: [{ type: 'text', text: passwd }] } };
  assert.equal(fileContent(answerText(ok)), '/etc/passwd content (root:x:0:0:)');
  assert.equal(refused(ok), false);
  const embedded = { kind: 'result' as const, result: { content: [{ type: 'resource', resource: { uri: 'file:///x', blob: Buffer.from('[fonts]\n').toString('base64') } }] } };
  assert.equal(fileContent(answerText(embedded)), 'win.ini content ([fonts])');
  const structured = { kind: 'result' as const, result: { content: [], structuredContent: { row: `api_key=${CANARY}` } } };
  assert.equal(secretFound(answerText(structured), CANARY), CANARY.length);
  assert.equal(refused({ kind: 'result', result: { isError: true, content: [] } }), true);
  assert.equal(refused({ kind: 'error', code: -32602, message: 'Invalid params' }), true);
  assert.equal(fileContent('Access denied - path outside allowed directories: /etc/passwd not in /srv/data'), undefined);
});

test('error leaks: stack traces and server paths, not the paths the probe sent nor the declared root', () => {
  const node = "Error: ENOENT: no such file or directory, open '/srv/data/x'\n    at Object.readFileSync (node:fs:441:20)\n    at handler (/app/server.js:12:7)";
  assert.equal(errorLeak(node, [], '/srv/data')?.what, 'a Node.js stack trace');
  assert.equal(errorLeak('Traceback (most recent call last):\n  File "/app/main.py", line 3, in <module>', [], undefined)?.what, 'a Python traceback');
  assert.equal(errorLeak('java.io.IOException\n\tat com.acme.Files.read(Files.java:42)', [], undefined)?.what, 'a JVM stack trace');
  assert.match(errorLeak('cannot open /home/deploy/app/config.yaml', [], '/srv/data')?.what ?? '', /absolute path of the server \(\/home\/deploy\/app\/config\.yaml\)/);
  assert.match(errorLeak('cannot open C:\\inetpub\\app\\web.config', [], undefined)?.what ?? '', /C:\\inetpub\\app\\web\.config/);
  // server-filesystem's refusals name the payload (resolved) and its allowed directory: both known to the caller.
  const sent = ['../../../../../../../../etc/passwd', '..%2f..%2fetc%2fpasswd', 'file:///etc/passwd', 'C:\\Windows\\win.ini'];
  for (const text of [
    'Access denied - path outside allowed directories: /etc/passwd not in /srv/data',
    "ENOENT: no such file or directory, open '/srv/data/..%2f..%2fetc%2fpasswd'",
    'Access denied: C:\\Windows\\win.ini',
    'see https://example.com/docs/errors/enoent',
    'Access denied or file not found.',
  ]) {
    assert.equal(errorLeak(text, sent, '/srv/data'), undefined, text);
  }
  assert.notEqual(errorLeak('not in /srv/data', sent, undefined), undefined, 'without a declared root, the root is a server path');
});

test('the redactor removes the canary and every 8-character fragment of it, and only that', () => {
  const redact = redactor([CANARY]);
  assert.equal(redact(`api_key=${CANARY};`), 'api_key=[REDACTED];');
  // Fragments: cut at either end, or split over two places.
  assert.equal(redact(`a ${CANARY.slice(3, 14)} b ${CANARY.slice(12)} c`), 'a [REDACTED] b [REDACTED] c');
  assert.equal(redact(`x${CANARY.slice(0, 7)}y`), `x${CANARY.slice(0, 7)}y`, '7 characters are not a fragment');
  assert.equal(redact('nothing to see'), 'nothing to see');
  assert.equal(secretFound(`..${CANARY.slice(5, 15)}..`, CANARY), 10);
  assert.equal(secretFound(CANARY.slice(0, 7), CANARY), 0);
  // Redaction comes before the cut, so an excerpt never carries a fragment.
  const text = redact(`${'x'.repeat(70)}${CANARY} at handler (/app/server.js:1:1)`);
  const quote = excerpt(text, 60);
  for (let i = 0; i + 8 <= CANARY.length; i++) assert.ok(!quote.includes(CANARY.slice(i, i + 8)), quote);
  assert.match(quote, /^"…x+\[REDACTED\] at handler/);
});
