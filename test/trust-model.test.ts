// The trust model (docs/policy.md): with a base revision nothing the change
// controls decides or runs; without a usable base the run fails closed and
// contacts nothing; scope edits are visible. Real git repositories, a real
// TCP listener on 127.0.0.1 standing for the probe targets.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runGate } from '../src/gate/engine.ts';
import { gitRepo } from './temp-repo.ts';
import type { Report } from '../src/types.ts';
import { REPO, runCli, STACK_FRAME } from './cli-run.ts';

// Every connection to the probe targets is counted: "contacted" means any TCP connection at all.
let listener: Server;
let port = 0;
let connections = 0;
before(async () => {
  listener = createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
  port = (listener.address() as { port: number }).port;
});
after(() => listener.close());

/** A config that would contact the listener (endpoint and SIEM probe, with a token) and execute a command. */
function hostileConfig(marker: string, extra = ''): string {
  return `mode: warn
probes:
  timeoutMs: 2000
  endpoint: {url: "http://127.0.0.1:${port}/mcp", tokenEnv: ENDPOINT_TOKEN}
  siem: {kind: https, url: "https://127.0.0.1:${port}/collect", tokenEnv: SIEM_TOKEN}
mcp:
  servers:
    - id: pwn
      command: ${touch(marker)}
${extra}`;
}

/** A command (JSON is YAML) that leaves a marker file when it runs. */
function touch(marker: string): string {
  return JSON.stringify([process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`]);
}

// Assembled here so the gate's scan of its own repository does not report it.
const FAKE_GITHUB_TOKEN = ['ghp', 'R7kq2Zp9XwV4sT8yL1mN6bC3dF5gH0jK2aQe'].join('_');

const ENV = { ENDPOINT_TOKEN: 'endpoint-token-0123456789abcdef', SIEM_TOKEN: 'siem-token-0123456789abcdefghijklmnop' };

function assertFailedClosed(report: Report, marker: string, reason: RegExp): void {
  assert.equal(report.mode, 'enforce');
  assert.equal(report.decision, 'block');
  const failed = report.findings.filter((f) => f.ruleId === 'gate/check-failed');
  assert.equal(failed.length, 1, JSON.stringify(failed.map((f) => f.message)));
  assert.match(failed[0]?.message ?? '', reason);
  assert.equal(failed[0]?.blocking, true);
  assert.equal(existsSync(marker), false, "the change's command was never executed");
  assert.equal(report.checks.find((c) => c.id === 'endpoint')?.status, 'skipped', 'no endpoint probe configured once the change\'s config is dropped');
}

test('control: with a readable base that names them, the probes contact their targets and the server command runs', async () => {
  const { dir, commit } = gitRepo('trust');
  const marker = join(dir, 'ran');
  writeFileSync(join(dir, '.mcp-gate.yml'), hostileConfig(marker));
  const base = commit('base names the probes and the server');
  const before = connections;
  await runGate({ root: dir, baseRef: base, env: ENV });
  assert.ok(connections > before, 'the listener was contacted');
  assert.equal(existsSync(marker), true, 'the base\'s command ran');
});

test('an unreadable base revision (shallow clone): the change\'s probes are not contacted, its command not run, the run enforced', async () => {
  const { dir, commit } = gitRepo('trust');
  writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: enforce\n');
  commit('base');
  const marker = join(dir, 'ran');
  writeFileSync(join(dir, '.mcp-gate.yml'), hostileConfig(marker));
  commit('head');
  const before = connections;
  for (const ref of ['f'.repeat(40), 'no-such-branch', '--output=/tmp/x']) {
    const report = await runGate({ root: dir, baseRef: ref, env: ENV });
    assertFailedClosed(report, marker, /base revision cannot be read/);
  }
  assert.equal(connections, before, 'no connection to the change\'s probe targets');
});

test('an invalid base config fails closed the same way (the change\'s whole config does not apply)', async () => {
  for (const broken of ['mode: [unclosed\n', 'mode: sometimes\n', 'rules:\n  k8s/no-such-rule: {severity: off}\n']) {
    const { dir, commit } = gitRepo('trust');
    writeFileSync(join(dir, '.mcp-gate.yml'), broken);
    const base = commit('base with a broken config');
    const marker = join(dir, 'ran');
    writeFileSync(join(dir, '.mcp-gate.yml'), hostileConfig(marker));
    commit('head');
    const before = connections;
    const report = await runGate({ root: dir, baseRef: base, env: ENV });
    assertFailedClosed(report, marker, /base revision's config is invalid/);
    assert.equal(connections, before);
  }
});

test('a base config path that is a directory at the base fails closed', async () => {
  const { dir, commit } = gitRepo('trust');
  mkdirSync(join(dir, '.mcp-gate.yml'));
  writeFileSync(join(dir, '.mcp-gate.yml', 'x'), '');
  const base = commit('base: a directory where the config goes');
  execFileSync('git', ['rm', '-rq', '.mcp-gate.yml'], { cwd: dir });
  const marker = join(dir, 'ran');
  writeFileSync(join(dir, '.mcp-gate.yml'), hostileConfig(marker));
  commit('head');
  assertFailedClosed(await runGate({ root: dir, baseRef: base, env: ENV }), marker, /not a file/);
});

test('a pull request event without a base (baseUnavailable) fails closed without any base ref', async () => {
  const { dir, commit } = gitRepo('trust');
  const marker = join(dir, 'ran');
  writeFileSync(join(dir, '.mcp-gate.yml'), hostileConfig(marker));
  commit('only');
  const before = connections;
  const report = await runGate({ root: dir, baseUnavailable: 'the pull_request event names no usable base revision (no base sha in its payload)', env: ENV });
  assertFailedClosed(report, marker, /no usable base revision/);
  assert.equal(connections, before);
});

test('policy keys beyond mode and rules come from the base: secrets.scan, reports.vulnThreshold, kubernetes.agentRuntime', async () => {
  const { dir, commit } = gitRepo('trust');
  writeFileSync(join(dir, '.env'), `GITHUB_TOKEN=${FAKE_GITHUB_TOKEN}\n`);
  writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: enforce\n');
  const base = commit('base');
  writeFileSync(
    join(dir, '.mcp-gate.yml'),
    'mode: enforce\nsecrets: {scan: false}\nreports: {vulnThreshold: critical}\nkubernetes: {agentRuntime: {matchLabels: {any: thing}}}\n',
  );
  commit('head: switch the secret scan off, raise the threshold, widen the agent runtime');
  const report = await runGate({ root: dir, baseRef: base });
  assert.ok(report.findings.some((f) => f.ruleId === 'secret/exposed'), 'the base\'s secret scan still ran');
  const changed = report.findings.filter((f) => f.ruleId === 'gate/policy-changed').map((f) => f.message);
  for (const key of ['secrets.scan', 'reports.vulnThreshold', 'kubernetes.agentRuntime'])
    assert.ok(changed.some((m) => m.includes(`"${key}" of the gate's policy`) && m.includes('base revision\'s value applies')), key);
});

test('scope edits are visible: each changed scope key is a gate/policy-changed warning with base and change values, and applies', async () => {
  const { dir, commit } = gitRepo('trust');
  cpSync(join(REPO, 'examples/insecure/deploy'), join(dir, 'deploy'), { recursive: true });
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'other/x.yaml'), 'a: 1\n');
  writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: enforce\nkubernetes: {paths: ["deploy/**"]}\n');
  const base = commit('base');
  writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: enforce\nkubernetes: {paths: ["other/**"]}\nimages: {paths: ["nothing/Dockerfile"]}\nreports: {trivy: ["scans/*.json"]}\n');
  commit('head: move the scope');
  const report = await runGate({ root: dir, baseRef: base });
  const changed = report.findings.filter((f) => f.ruleId === 'gate/policy-changed');
  const byKey = (k: string) => changed.find((f) => f.message.includes(`scope "${k}"`));
  assert.match(byKey('kubernetes.paths')?.message ?? '', /base: \["deploy\/\*\*"\], change: \["other\/\*\*"\]/);
  assert.match(byKey('images.paths')?.message ?? '', /base: \(unset\), change: \["nothing\/Dockerfile"\]/);
  assert.match(byKey('reports.trivy')?.message ?? '', /base: \(unset\)/);
  assert.ok(changed.every((f) => f.severity === 'warning'));
  assert.equal(report.findings.some((f) => f.location.file?.startsWith('deploy/') && f.ruleId.startsWith('k8s/')), false, 'the change\'s scope applies');
});

test('an exclusion that empties a scope the base left non-empty blocks (secrets.exclude: ["**"] and variants)', async () => {
  for (const exclude of ['["**"]', '["*", "**/*"]', '["**/*", ".*"]']) {
    const { dir, commit } = gitRepo('trust');
    writeFileSync(join(dir, '.env'), `GITHUB_TOKEN=${FAKE_GITHUB_TOKEN}\n`);
    writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: enforce\n');
    const base = commit('base');
    writeFileSync(join(dir, '.mcp-gate.yml'), `mode: enforce\nsecrets: {exclude: ${exclude}}\n`);
    commit('head: exclude everything');
    const report = await runGate({ root: dir, baseRef: base });
    const emptied = report.findings.find((f) => f.ruleId === 'gate/check-failed' && f.message.includes('"secrets.exclude"'));
    assert.ok(emptied, exclude);
    assert.equal(emptied.blocking, true);
    assert.match(emptied.message, /excludes every file it would read, where the base revision's value left \d+ to read/);
    assert.ok(report.findings.some((f) => f.ruleId === 'gate/policy-changed' && f.message.includes('scope "secrets.exclude"')));
  }
});

test('a live server the change removes still runs as the base names it', async () => {
  const { dir, commit } = gitRepo('trust');
  const marker = join(dir, 'base-server-ran');
  writeFileSync(
    join(dir, '.mcp-gate.yml'),
    `mcp:\n  servers:\n    - id: staging\n      timeoutMs: 5000\n      command: ${touch(marker)}\n`,
  );
  const base = commit('base');
  writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: warn\n');
  commit('head: drop the server');
  const report = await runGate({ root: dir, baseRef: base });
  assert.equal(existsSync(marker), true, 'the base\'s server entry was run');
  assert.ok(report.findings.some((f) => f.ruleId === 'gate/policy-changed' && f.message.includes('"mcp.servers[staging]"')));
});

test('run from a subdirectory, check reviews the repository root with its config', async () => {
  const { dir, commit } = gitRepo('trust');
  cpSync(join(REPO, 'examples/insecure/deploy'), join(dir, 'deploy'), { recursive: true });
  writeFileSync(join(dir, '.mcp-gate.yml'), 'mode: enforce\n');
  commit('repo');
  const r = await runCli(['check', '--format', 'json'], { cwd: join(dir, 'deploy') });
  assert.equal(r.code, 1);
  assert.equal(JSON.parse(r.stdout).mode, 'enforce');
  assert.match(r.stderr, /reviewing the repository root/);
  // Naming the subdirectory reviews just it, and says which config applies.
  const sub = await runCli(['check', 'deploy', '--format', 'json'], { cwd: dir });
  assert.match(sub.stderr, /deploy has no \.mcp-gate\.yml, so the defaults apply to it, not \.mcp-gate\.yml of its repository/);
  assert.equal(JSON.parse(sub.stdout).mode, 'warn');
});

test('a config that is a symlink to a device, a FIFO or out of the repository is refused in one line (exit 2), without reading it', async () => {
  const cases: Array<[string, (path: string) => void, RegExp]> = [
    ['/dev/zero', (p) => symlinkSync('/dev/zero', p), /leaves the repository/],
    ['/dev/urandom', (p) => symlinkSync('/dev/urandom', p), /leaves the repository/],
    ['a FIFO', (p) => execFileSync('mkfifo', [p]), /is a FIFO, not a regular file/],
    ['/etc/hostname', (p) => symlinkSync('/etc/hostname', p), /leaves the repository/],
    ['a dangling link', (p) => symlinkSync('missing.yml', p), /does not exist/],
  ];
  for (const [name, make, message] of cases) {
    const { dir } = gitRepo('trust');
    make(join(dir, '.mcp-gate.yml'));
    const started = Date.now();
    const r = await runCli(['check', dir]);
    assert.equal(r.code, 2, name);
    assert.match(r.stderr, message, name);
    assert.equal(r.stderr.trim().split('\n').length, 1, name);
    assert.doesNotMatch(r.stderr, STACK_FRAME);
    assert.ok(Date.now() - started < 10_000, `${name}: no read without end`);
  }
});

test('a symlinked config inside the repository is followed, as git checks it out', async () => {
  const { dir } = gitRepo('trust');
  writeFileSync(join(dir, 'gate.yml'), 'mode: enforce\n');
  symlinkSync('gate.yml', join(dir, '.mcp-gate.yml'));
  const r = await runCli(['check', dir, '--format', 'json']);
  assert.equal(JSON.parse(r.stdout).mode, 'enforce');
});
