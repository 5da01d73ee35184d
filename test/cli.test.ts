// The CLI in-process through main(argv, io); a few end-to-end runs of the
// built dist/cli.js (npm run build) for what only a real process shows:
// exit codes, one-line errors, a reader that closes the pipe early.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../src/main/run-cli.ts';
import { REPO, runCli, STACK_FRAME } from './cli-run.ts';

const DIST = join(REPO, 'dist/cli.js');

function dist(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [DIST, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout, stderr });
    });
  });
}

const noStack = (s: string) => assert.doesNotMatch(s, STACK_FRAME, 'no stack trace');

// ---------------------------------------------------------------- end to end (dist/cli.js)

test('end to end: a reader that closes the pipe early (mcp-gate rules | head -1): no error, no stack trace', { timeout: 60_000 }, async () => {
  // Whether the write outlives the reader is a race (about 1 run in 3 hit EPIPE before the fix): run it 12 times.
  const once = (): Promise<{ code: number | null; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [DIST, 'rules'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += String(d);
      });
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });
  for (const r of await Promise.all(Array.from({ length: 12 }, once))) assert.deepEqual(r, { code: 0, stderr: '' });
});

test('end to end: the README command (node dist/cli.js check examples/insecure) blocks with exit 1, the same findings as in-process', async () => {
  const [text, json, inProcess] = await Promise.all([
    dist(['check', 'examples/insecure']),
    dist(['check', 'examples/insecure', '--format', 'json']),
    runCli(['check', 'examples/insecure', '--format', 'json']),
  ]);
  assert.equal(text.code, 1, text.stderr);
  assert.match(text.stdout, /decision BLOCK/);
  assert.equal(json.code, inProcess.code);
  const fingerprints = (s: string) => JSON.parse(s).findings.map((f: { fingerprint: string }) => f.fingerprint);
  assert.deepEqual(fingerprints(json.stdout), fingerprints(inProcess.stdout));
});

test('end to end: bad input exits 2 with one line on stderr and no stack trace', async () => {
  for (const args of [['--bogus'], ['check', 'no/such/dir'], ['check', '.', '--bogus']]) {
    const r = await dist(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^mcp-gate: [^\n]+\n$/);
    assert.equal(r.stdout, '');
  }
});

// ---------------------------------------------------------------- in-process

test('insecure example: enforce mode blocks with exit 1', async () => {
  const r = await runCli(['check', 'examples/insecure']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /decision BLOCK/);
  assert.match(r.stdout, /k8s\/run-as-root deploy\/mcp-servers\.yaml:\d+ \(StatefulSet\/mcp\/mcp-db, container init-perms\)/);
});

test('relative paths resolve against io.cwd; colour only on a TTY without NO_COLOR', async () => {
  const r = await runCli(['check', 'insecure', '--format', 'json'], { cwd: join(REPO, 'examples') });
  assert.equal(r.code, 1, r.stderr);
  assert.ok(JSON.parse(r.stdout).findings.length > 0);
  const ESC = '\u001b[';
  const tty = await runCli(['check', 'examples/insecure'], { isTTY: true, env: { NO_COLOR: undefined } });
  assert.ok(tty.stdout.includes(ESC), 'colour on a TTY');
  assert.ok(!(await runCli(['check', 'examples/insecure'], { isTTY: true })).stdout.includes(ESC), 'NO_COLOR');
  assert.ok(!(await runCli(['check', 'examples/insecure'], { env: { NO_COLOR: undefined } })).stdout.includes(ESC), 'not a TTY');
});

test('--mode warn overrides the config: exit 0, findings still reported', async () => {
  const r = await runCli(['check', 'examples/insecure', '--mode', 'warn', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.mode, 'warn');
  assert.equal(report.decision, 'warn');
  assert.ok(report.findings.length > 0);
  assert.ok(report.findings.every((f: { blocking: boolean }) => f.blocking === false));
});

test('--rollout 2 blocks only the critical rules', async () => {
  const r = await runCli(['check', 'examples/insecure', '--rollout', '2', '--format', 'json']);
  const report = JSON.parse(r.stdout);
  assert.equal(r.code, 1);
  const blockingRules = new Set(report.findings.filter((f: { blocking: boolean }) => f.blocking).map((f: { ruleId: string }) => f.ruleId));
  for (const rule of blockingRules) assert.ok(['k8s/run-as-root', 'secret/exposed', 'auth/not-enforced', 'gate/check-failed'].includes(rule as string), `${rule} blocked under rollout 2`);
  assert.ok(blockingRules.has('k8s/run-as-root'));
});

test('hardened example passes k8s hardening', async () => {
  const r = await runCli(['check', 'examples/hardened', '--format', 'json']);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('k8s/')), []);
});

test('unparseable and malformed manifests are findings; the rest of the report still appears', async () => {
  const r = await runCli(['check', 'test/fixtures/engine/broken', '--mode', 'enforce', '--format', 'json']);
  assert.equal(r.code, 1);
  noStack(r.stderr);
  const report = JSON.parse(r.stdout);
  const failed = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'gate/check-failed');
  const bad = failed.find((f: { location: { file: string } }) => f.location.file === 'deploy/bad.yaml');
  assert.ok(bad, 'invalid YAML reported');
  assert.ok(bad.location.line >= 8);
  const malformed = failed.find((f: { location: { file: string } }) => f.location.file === 'deploy/malformed.yaml');
  assert.equal(malformed.location.line, 9);
  assert.match(malformed.message, /containers is not a list/);
  assert.ok(report.findings.some((f: { ruleId: string; location: { resource: string } }) => f.ruleId === 'k8s/run-as-root' && f.location.resource === 'Pod/default/rooty'));
});

test('bad input exits 2 with one line and no stack trace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-gate-cli-'));
  writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: enforce\nrolout: 3\n');
  const cases: Array<[string[], RegExp]> = [
    [['check', dir], /^mcp-gate: \.mcp-gate\.yml:2: unknown key "rolout" \(did you mean "rollout"\?\)\n$/],
    [['check', 'no/such/dir'], /^mcp-gate: no\/such\/dir: no such directory\n$/],
    [['check', '.', '--mode', 'strict'], /--mode must be one of warn, enforce/],
    [['check', '.', '--bogus'], /^mcp-gate: check: unknown option --bogus; see "mcp-gate check --help"\n$/],
    [['check', '.', '--config', 'missing.yml'], /config file not found/],
    [['rules', '--format', 'yaml'], /--format must be one of text, json, markdown/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['toString'], /unknown command "toString"/],
  ];
  for (const [args, re] of cases) {
    const r = await runCli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, re);
    assert.match(r.stderr, /^mcp-gate: [^\n]+\n$/, 'one line');
    assert.equal(r.stdout, '');
  }
});

test('an internal error is one line and exit 2; the stack only with MCP_GATE_DEBUG', async () => {
  const run = async (env: Record<string, string | undefined>) => {
    let stderr = '';
    const code = await main(['--version'], {
      stdout: () => {
        throw new Error('disk on fire');
      },
      stderr: (s) => {
        stderr += s;
      },
      env,
      cwd: REPO,
      isTTY: false,
    });
    return { code, stderr };
  };
  const plain = await run({});
  assert.equal(plain.code, 2);
  assert.equal(plain.stderr, 'mcp-gate: internal error: disk on fire (set MCP_GATE_DEBUG=1 for details)\n');
  const debug = await run({ MCP_GATE_DEBUG: '1' });
  assert.equal(debug.code, 2);
  assert.match(debug.stderr, /^mcp-gate: internal error: disk on fire\nError: disk on fire\n\s+at /);
});

test('--output writes the report atomically and leaves stdout empty', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-gate-out-'));
  // --output FILE is relative to io.cwd, like DIR.
  const ok = await runCli(['check', join(REPO, 'examples/insecure'), '--format', 'sarif', '--output', 'report.sarif'], { cwd: dir });
  const out = join(dir, 'report.sarif');
  assert.equal(ok.code, 1);
  assert.equal(ok.stdout, '');
  assert.match(ok.stderr, /^mcp-gate: block: \d+ blocking, \d+ warning, 0 overridden; sarif report written to report\.sarif\n$/);
  const sarif = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(sarif.version, '2.1.0');
});

test('rules lists every catalog rule; --version and --help work', async () => {
  const rules = await runCli(['rules', '--format', 'json']);
  const list = JSON.parse(rules.stdout);
  assert.ok(list.some((r: { id: string }) => r.id === 'netpol/metadata-reachable'));
  const version = await runCli(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\S+\n$/);
  const help = await runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /mcp-gate check \[DIR\]/);
  const none = await runCli([]);
  assert.equal(none.code, 2, 'no command: usage, exit 2');
  assert.equal(none.stdout, help.stdout);
  const manifestHelp = await runCli(['manifest', '--help']);
  assert.equal(manifestHelp.code, 0);
  assert.match(manifestHelp.stdout, /^Usage: mcp-gate manifest pin\|diff \[DIR\]/);
});
