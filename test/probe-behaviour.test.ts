// The runtime behaviour probe (checks/probes/behaviour-*.ts, issue 21)
// against real servers the tests start: a deliberately vulnerable one and a
// hardened one (test/fixtures/behaviour/), over stdio and over streamable
// HTTP with TLS and a bearer token, and @modelcontextprotocol/server-filesystem.
// Rules shown here: 'runtime/path-traversal', 'runtime/input-not-validated',
// 'runtime/credential-in-output', 'runtime/error-detail-leak'.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { behaviourProbeCheck } from '../checks/probes/behaviour-check.ts';
import { runGate } from '../src/gate/engine.ts';
import { annotationsFor } from '../src/reporters/annotations.ts';
import { FORMATS, render } from '../src/reporters/index.ts';
import { renderMarkdown } from '../src/reporters/markdown.ts';
import type { Finding, Report } from '../src/types.ts';
import { runCli } from './cli-run.ts';
import { hardenedServer } from './fixtures/behaviour/hardened-server.ts';
import { vulnerableServer } from './fixtures/behaviour/vulnerable-server.ts';
import { GOOD_TOKEN, makePki, type Pki, removeDir, startHttp, startMcpServer, tempDir } from './probe-support.ts';

const NODE = resolve('node_modules/.bin/node');
const VULNERABLE = resolve('test/fixtures/behaviour/vulnerable-server.ts');
const HARDENED = resolve('test/fixtures/behaviour/hardened-server.ts');
const EXITS = resolve('test/fixtures/behaviour/exits-on-call.ts');
const FAKE = resolve('test/fixtures/manifest/servers/fake-mcp-stdio.mjs');
const FILESYSTEM = resolve('node_modules/@modelcontextprotocol/server-filesystem/dist/index.js');
const RUNTIME = ['runtime/path-traversal', 'runtime/input-not-validated', 'runtime/credential-in-output', 'runtime/error-detail-leak'];
/** A fresh planted credential per run: nothing can hard-code it. */
const CANARY = `sk-live-${randomBytes(16).toString('hex')}`;

const dirs: string[] = [];
let pki: Pki;
before(async () => {
  pki = await makePki(dir('pki'));
});
after(() => {
  for (const d of dirs) removeDir(d);
});

function dir(prefix: string): string {
  const d = tempDir(`behaviour-${prefix}`);
  dirs.push(d);
  return d;
}

/** A repository with a config, a data directory the servers are rooted in, and where the destructive tool's marker would go. */
function repo(config: (r: { data: string; marker: string }) => string): { root: string; data: string; marker: string } {
  const root = dir('repo');
  const data = join(root, 'data');
  mkdirSync(data);
  writeFileSync(join(data, 'notes.txt'), 'quarterly numbers\n');
  const marker = join(root, 'DESTRUCTIVE_TOOL_CALLED');
  writeFileSync(join(root, '.mcp-gate.yml'), config({ data, marker }));
  return { root, data, marker };
}

const argv = (a: string[]) => `[${a.map((x) => JSON.stringify(x)).join(', ')}]`;
const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, CANARY_API_KEY: CANARY, MCP_TOKEN: GOOD_TOKEN };
const canaryConfig = '      canaries:\n        - tool: query\n          arguments: {sql: "select api_key from canary_accounts"}\n          valueEnv: CANARY_API_KEY\n';

async function gate(root: string, env: Record<string, string | undefined> = ENV): Promise<Report> {
  return runGate({ root, checks: [behaviourProbeCheck], env });
}

const rules = (fs: readonly Finding[]) => [...new Set(fs.map((f) => f.ruleId))].sort();
const detailOf = (r: Report) => r.checks.find((c) => c.id === 'behaviour')?.detail ?? '';

/** Every output the gate produces for a report: the four formats, the job summary and the annotations. */
function allOutputs(report: Report): string[] {
  return [...FORMATS.map((f) => render(report, f, { color: false })), renderMarkdown(report), JSON.stringify(annotationsFor(report))];
}

/** The canary, or any 8-character piece of it, in `text` (checked independently of the gate's own redactor). */
function holdsCanary(text: string): boolean {
  for (let i = 0; i + 8 <= CANARY.length; i++) if (text.includes(CANARY.slice(i, i + 8))) return true;
  return false;
}

function assertCanaryNowhere(report: Report): void {
  for (const out of allOutputs(report)) assert.ok(!holdsCanary(out), `canary fragment in an output: ${out.slice(0, 200)}`);
}

test('vulnerable server over stdio: all four runtime rules, the destructive tool never called, the canary in no output', async () => {
  const { root, marker } = repo(
    ({ data, marker }) =>
      `mcp:\n  servers:\n    - id: files\n      command: ${argv([NODE, VULNERABLE, data, marker])}\n      env: [CANARY_API_KEY]\nprobes:\n  behaviour:\n    - server: files\n      tools: [read_file, query]\n      root: ${JSON.stringify(data)}\n${canaryConfig}`,
  );
  const report = await gate(root);
  assert.deepEqual(rules(report.findings), [...RUNTIME].sort());
  for (const f of report.findings) {
    assert.equal(f.location.resource, 'McpServer/files');
    assert.equal(f.location.file, '.mcp-gate.yml');
    assert.equal(f.location.line, 7, 'points at probes.behaviour');
  }
  const by = (rule: string) => report.findings.filter((f) => f.ruleId === rule);
  const traversal = by('runtime/path-traversal');
  assert.equal(traversal.length, 1);
  assert.equal(traversal[0]!.location.container, 'read_file');
  assert.match(traversal[0]!.message, /\/etc\/passwd content \(root:x:0:0:\)/);
  assert.match(traversal[0]!.message, /payloads that got through: relative, url-encoded, absolute, file-uri, windows-relative, root-prefixed/);
  assert.equal(traversal[0]!.severity, 'block');
  const validation = by('runtime/input-not-validated');
  assert.deepEqual(validation.map((f) => f.location.container), ['query']);
  for (const kind of ['wrong-type (sql)', 'missing-required (sql)', 'unknown-property', 'too-long (sql)', 'outside-enum (format)']) assert.ok(validation[0]!.message.includes(kind), kind);
  assert.equal(validation[0]!.severity, 'warning');
  const credential = by('runtime/credential-in-output');
  assert.equal(credential.length, 1);
  assert.match(credential[0]!.message, /^query \{"sql":"select api_key from canary_accounts"\} returned the canary credential of CANARY_API_KEY verbatim/);
  const leak = by('runtime/error-detail-leak');
  assert.deepEqual(leak.map((f) => f.location.container), ['read_file']);
  assert.match(leak[0]!.message, /holds a Node\.js stack trace: "…/);
  // Each call and its verdict, for a reviewer to reproduce.
  const detail = detailOf(report);
  assert.match(detail, /read_file \{"path":"\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd"\} → answered, with \/etc\/passwd content/);
  assert.match(detail, /query \{"sql":12345\} → answered, accepted an invalid call/);
  assert.match(detail, /never called: delete_file \(destructiveHint\)/);
  // The query answer tells the caller to call delete_file: not followed.
  assert.ok(!existsSync(marker), 'the destructive tool was called');
  assertCanaryNowhere(report);
  assert.ok(!allOutputs(report).some((o) => o.includes('root:x:0:0:root')), 'tool output is never quoted verbatim');
});

test('hardened server over stdio: no runtime finding, the destructive tool never called', async () => {
  const { root, marker } = repo(
    ({ data, marker }) =>
      `mcp:\n  servers:\n    - id: files\n      command: ${argv([NODE, HARDENED, data, marker])}\nprobes:\n  behaviour:\n    - server: files\n      root: ${JSON.stringify(data)}\n${canaryConfig}`,
  );
  const report = await gate(root);
  assert.deepEqual(report.findings, []);
  const detail = detailOf(report);
  // The same calls as against the vulnerable server were made, and refused.
  assert.match(detail, /may call: read_file, query; never called: delete_file \(destructiveHint\); 17 of 17 calls/);
  assert.match(detail, /read_file \{"path":"\/etc\/passwd"\} → refused \(isError\)/);
  assert.match(detail, /query \{"sql":"select api_key from canary_accounts"\} → answered, canary not in the answer/);
  assert.ok(!existsSync(marker));
});

test('server-filesystem rooted in a temporary directory: no runtime finding, no destructive tool called', async () => {
  const { root, data } = repo(({ data }) => `mcp:\n  servers:\n    - id: fs\n      command: ${argv([NODE, FILESYSTEM, data])}\nprobes:\n  behaviour:\n    - server: fs\n      root: ${JSON.stringify(data)}\n`);
  const report = await gate(root);
  assert.deepEqual(report.findings, []);
  const detail = detailOf(report);
  assert.match(detail, /never called: write_file \(destructiveHint\), edit_file \(destructiveHint\), create_directory \(not readOnlyHint\), move_file \(destructiveHint\)/);
  assert.match(detail, /read_text_file \{"path":"\.\.%2f/);
  // write_file, edit_file, create_directory and move_file would all have changed the root.
  assert.deepEqual(readdirSync(data), ['notes.txt']);
});

test('vulnerable and hardened servers over streamable HTTP with TLS and a bearer token (server: endpoint)', async (t) => {
  for (const [name, make, expected] of [
    ['vulnerable', vulnerableServer, [...RUNTIME].sort()],
    ['hardened', hardenedServer, []],
  ] as const) {
    const data = dir(`${name}-data`);
    writeFileSync(join(data, 'notes.txt'), 'quarterly numbers\n');
    const marker = join(data, '..', `${name}-DESTRUCTIVE_TOOL_CALLED`);
    const server = await startMcpServer(pki.leaf('valid'), { auth: true, make: () => make({ root: data, marker, canary: CANARY }) });
    t.after(() => server.close());
    const { root } = repo(
      () =>
        `probes:\n  endpoint:\n    url: ${server.url}\n    caFile: ca.pem\n    tokenEnv: MCP_TOKEN\n  behaviour:\n    - server: endpoint\n      tools: [read_file, query]\n      root: ${JSON.stringify(data)}\n${canaryConfig}`,
    );
    // The CA is a file of the repository: the gate reads no caFile outside it.
    copyFileSync(pki.caFile, join(root, 'ca.pem'));
    const report = await gate(root);
    assert.deepEqual(rules(report.findings), expected, `${name}: ${report.findings.map((f) => f.message).join('\n')}`);
    for (const f of report.findings) assert.equal(f.location.resource, 'McpServer/endpoint');
    assert.match(detailOf(report), new RegExp(`server "endpoint" \\(https://127\\.0\\.0\\.1:${server.port}/mcp\\): MCP 2025-11-25, 3 tools`));
    assert.ok(!existsSync(marker), `${name}: the destructive tool was called`);
    assertCanaryNowhere(report);
    assert.ok(!allOutputs(report).some((o) => o.includes(GOOD_TOKEN)), 'the bearer token is never printed');
  }
});

test('mcp.servers url entry with a header from the environment: the same four rules over streamable HTTP', async (t) => {
  const data = dir('url-data');
  const marker = join(data, 'DESTRUCTIVE_TOOL_CALLED');
  const server = await startHttp(async (req, res) => {
    if (req.headers['x-api-key'] !== 'header-secret-5b1e') {
      res.writeHead(401).end();
      return;
    }
    const mcp = vulnerableServer({ root: data, marker, canary: CANARY });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => void mcp.close());
    await mcp.connect(transport);
    await transport.handleRequest(req, res);
  });
  t.after(() => server.close());
  const { root } = repo(
    () => `mcp:\n  servers:\n    - id: remote\n      url: ${server.url}/mcp\n      headersEnv: {x-api-key: API_KEY}\nprobes:\n  behaviour:\n    - server: remote\n      tools: [read_file, query]\n${canaryConfig}`,
  );
  const report = await gate(root, { ...ENV, API_KEY: 'header-secret-5b1e' });
  assert.deepEqual(rules(report.findings), [...RUNTIME].sort(), report.findings.map((f) => f.message).join('\n'));
  assert.ok(!existsSync(marker));
  assertCanaryNowhere(report);
  assert.ok(!allOutputs(report).some((o) => o.includes('header-secret-5b1e')));
});

test('HTTPS server whose certificate the configured CA does not sign: gate/check-failed, no call made', async (t) => {
  const data = dir('untrusted-data');
  const marker = join(data, 'DESTRUCTIVE_TOOL_CALLED');
  const server = await startMcpServer(pki.leaf('valid'), { auth: true, make: () => vulnerableServer({ root: data, marker, canary: CANARY }) });
  t.after(() => server.close());
  const { root } = repo(
    () => `probes:\n  endpoint:\n    url: ${server.url}\n    caFile: other-ca.pem\n    tokenEnv: MCP_TOKEN\n  behaviour:\n    - server: endpoint\n      tools: [read_file]\n`,
  );
  copyFileSync(pki.otherCaFile, join(root, 'other-ca.pem'));
  const report = await gate(root);
  assert.equal(report.findings.length, 1);
  assert.equal(report.findings[0]!.ruleId, 'gate/check-failed');
  assert.match(report.findings[0]!.message, /^behaviour probe of server "endpoint": https:\/\/127\.0\.0\.1:\d+\/mcp: .*TLS failure/);
  assert.ok(!report.findings[0]!.message.includes(GOOD_TOKEN));
});

test('20-tool server: the four rule families in under 5 s', async () => {
  const { root, marker } = repo(
    ({ data, marker }) =>
      `mcp:\n  servers:\n    - id: big\n      command: ${argv([NODE, VULNERABLE, data, marker, '17'])}\n      env: [CANARY_API_KEY]\nprobes:\n  behaviour:\n    - server: big\n      root: ${JSON.stringify(data)}\n${canaryConfig}`,
  );
  const t0 = performance.now();
  const report = await gate(root);
  const ms = Math.round(performance.now() - t0);
  assert.deepEqual(rules(report.findings), [...RUNTIME].sort());
  assert.match(detailOf(report), /MCP 2025-11-25, 20 tools/);
  assert.equal(report.findings.filter((f) => f.ruleId === 'runtime/path-traversal').length, 18, 'read_file and the 17 lookup tools');
  assert.ok(!existsSync(marker));
  console.log(`# 20-tool server, server start to report: ${ms} ms (${/(\d+) of \d+ calls in (\d+) ms/.exec(detailOf(report))?.slice(1).join(' calls, ')} ms of calls)`);
  // The figure is reported above; this bound only catches a hang (10x margin).
  assert.ok(ms < 50_000, `${ms} ms`);
});

test('a server that does not start, never answers, answers garbage or exits mid-call: one gate/check-failed naming it; the rest of the report stays', async () => {
  const cases: [string, string[], RegExp][] = [
    ['missing', ['./no/such/server'], /cannot start "\.\/no\/such\/server": ENOENT/],
    ['hang', [NODE, FAKE, 'hang'], /no complete answer within 5000 ms/],
    ['garbage', [NODE, FAKE, 'garbage'], /not JSON-RPC/],
    ['exits', [NODE, EXITS], /stopped after 0 of \d+ calls: read_file .*server process exited with code 7; stderr: fatal: cannot connect with api_key=\*\*\*\)?$/],
  ];
  for (const [id, command, why] of cases) {
    const { root, marker } = repo(
      ({ data, marker }) =>
        `mcp:\n  servers:\n    - id: ${id}\n      command: ${argv(command)}\n      env: [CANARY_API_KEY]\n    - id: good\n      command: ${argv([NODE, VULNERABLE, data, marker])}\n      env: [CANARY_API_KEY]\nprobes:\n  timeoutMs: 5000\n  behaviour:\n    - server: ${id}\n    - server: good\n      tools: [read_file]\n`,
    );
    const report = await gate(root);
    const failed = report.findings.filter((f) => f.ruleId === 'gate/check-failed');
    assert.equal(failed.length, 1, `${id}: ${failed.map((f) => f.message).join('\n')}`);
    assert.equal(failed[0]!.location.resource, `McpServer/${id}`);
    assert.match(failed[0]!.message, new RegExp(`^behaviour probe of server "${id}": `));
    assert.match(failed[0]!.message, why);
    assert.ok(report.findings.some((f) => f.ruleId === 'runtime/path-traversal' && f.location.resource === 'McpServer/good'), `${id}: the other server's findings stay`);
    assert.ok(!existsSync(marker));
    assertCanaryNowhere(report);
  }
});

test('config errors name the key: unknown server, unlisted or destructive tool, canary env var unset, empty or short', async () => {
  const { root } = repo(
    ({ data, marker }) =>
      `mcp:\n  servers:\n    - id: files\n      command: ${argv([NODE, HARDENED, data, marker])}\n    - id: pinned\n      manifest: pinned.tools.json\nprobes:\n  behaviour:\n    - server: nosuch\n    - server: pinned\n    - server: endpoint\n    - server: files\n      tools: [read_file, nosuch_tool, delete_file]\n      canaries:\n        - {tool: query, valueEnv: UNSET_CANARY}\n        - {tool: query, valueEnv: EMPTY_CANARY}\n        - {tool: query, valueEnv: SHORT_CANARY}\n        - {tool: read_file, arguments: {path: notes.txt}, valueEnv: CANARY_API_KEY}\n        - {tool: query, valueEnv: CANARY_API_KEY}\n`,
  );
  const report = await gate(root, { ...ENV, EMPTY_CANARY: ' ', SHORT_CANARY: 'abc' });
  const messages = report.findings.filter((f) => f.ruleId === 'gate/check-failed').map((f) => f.message);
  const expected = [
    /"nosuch": probes\.behaviour\[0\]\.server: no live mcp\.servers entry "nosuch"/,
    /"pinned": probes\.behaviour\[1\]\.server: mcp\.servers entry "pinned" has no command or url/,
    /"endpoint": probes\.behaviour\[2\]\.server is "endpoint", but probes\.endpoint is not configured/,
    /probes\.behaviour\[3\]\.tools names "nosuch_tool", which the server does not list \(it lists read_file, query, delete_file\)/,
    /probes\.behaviour\[3\]\.tools names "delete_file", which is annotated destructiveHint: true/,
    /probes\.behaviour\[3\]\.canaries\[0\]\.valueEnv: environment variable UNSET_CANARY is not set or empty/,
    /probes\.behaviour\[3\]\.canaries\[1\]\.valueEnv: environment variable EMPTY_CANARY is not set or empty/,
    /probes\.behaviour\[3\]\.canaries\[2\]\.valueEnv: the value of SHORT_CANARY is shorter than 8 characters/,
    /probes\.behaviour\[3\]\.canaries\[4\]\.tool "query" may not be called \(not in probes\.behaviour\[3\]\.tools\)/,
  ];
  for (const re of expected) assert.ok(messages.some((m) => re.test(m)), `${re}\n${messages.join('\n')}`);
  // canaries[3] (read_file, allowed) ran: the hardened server does not return the canary.
  assert.equal(messages.length, expected.length, messages.join('\n'));
  assert.match(detailOf(report), /read_file \{"path":"notes.txt"\} → answered, canary not in the answer/);
});

test('a live server entry the change edits is not started: the base revision\'s entry and probes run instead', async () => {
  const { root, data, marker } = repo(
    ({ data, marker }) => `mcp:\n  servers:\n    - id: files\n      command: ${argv([NODE, HARDENED, data, marker])}\nprobes:\n  behaviour:\n    - server: files\n`,
  );
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.mcp-gate.yml');
  git('commit', '-qm', 'base');
  const ran = join(root, 'HEAD_COMMAND_RAN');
  writeFileSync(
    join(root, '.mcp-gate.yml'),
    `mcp:\n  servers:\n    - id: files\n      command: ${argv([NODE, '-e', `require("fs").writeFileSync(${JSON.stringify(ran)}, "x")`])}\nprobes:\n  behaviour:\n    - server: files\n      tools: [delete_file]\n`,
  );
  const report = await runGate({ root, baseRef: 'HEAD', checks: [behaviourProbeCheck], env: ENV });
  assert.ok(!existsSync(ran), 'the command named by the change ran');
  assert.ok(!existsSync(marker), 'the probes key of the change (tools: [delete_file]) applied');
  const messages = report.findings.map((f) => `${f.ruleId} ${f.message}`);
  assert.ok(messages.some((m) => /^gate\/policy-changed .*"probes"/.test(m)), messages.join('\n'));
  // The base revision's entry (the hardened server) and its probes.behaviour ran instead.
  assert.match(detailOf(report), /server "files" \(stdio:.*hardened-server\.ts.*may call: read_file, query; never called: delete_file \(destructiveHint\)/);
  assert.deepEqual(messages.filter((m) => m.startsWith('runtime/')), []);
  assert.deepEqual(readdirSync(data), ['notes.txt']);
});

test('mcp-gate probe behaviour --server ID: the same report for that server alone; bad invocations exit 2 in one line', async () => {
  const { root, marker } = repo(
    ({ data, marker }) =>
      `mcp:\n  servers:\n    - id: files\n      command: ${argv([NODE, VULNERABLE, data, marker])}\n      env: [CANARY_API_KEY]\n    - id: other\n      command: ["./no/such/server"]\nprobes:\n  behaviour:\n    - server: other\n    - server: files\n      tools: [read_file, query]\n${canaryConfig}`,
  );
  const env = { CANARY_API_KEY: CANARY };
  const json = await runCli(['probe', 'behaviour', root, '--server', 'files', '--format', 'json'], { env });
  assert.equal(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout) as Report;
  assert.deepEqual(rules(report.findings), [...RUNTIME].sort(), 'only "files" ran: "other" would have failed');
  assert.deepEqual(report.checks.map((c) => c.id), ['behaviour']);
  const enforced = await runCli(['probe', 'behaviour', root, '--server', 'files', '--mode', 'enforce'], { env });
  assert.equal(enforced.code, 1);
  assert.match(enforced.stdout, /^BLOCK runtime\/path-traversal \.mcp-gate\.yml:9 \(McpServer\/files, tool read_file\)$/m);
  assert.ok(!holdsCanary(json.stdout + enforced.stdout + enforced.stderr));
  // A live server without a behaviour entry is probed with the defaults (readOnlyHint tools).
  const unlisted = repo(({ data, marker }) => `mcp:\n  servers:\n    - id: dev\n      command: ${argv([NODE, HARDENED, data, marker])}\n`);
  const dev = await runCli(['probe', 'behaviour', unlisted.root, '--server', 'dev'], { env });
  assert.equal(dev.code, 0, dev.stderr);
  assert.match(dev.stdout, /check behaviour: ran .*server "dev" .*may call: read_file, query/);
  assert.ok(!existsSync(marker) && !existsSync(unlisted.marker));
  for (const [args, msg] of [
    [['probe', 'behaviour', root], /--server ID is required/],
    [['probe', 'behaviour', root, '--server', 'nosuch'], /no live server "nosuch" in mcp\.servers/],
    [['probe', 'sideways', root, '--server', 'files'], /unknown probe "sideways"/],
    [['probe', 'behaviour', root, '--server', 'files', '--format', 'yaml'], /--format must be one of/],
  ] as const) {
    const r = await runCli([...args], { env });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, msg);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});
