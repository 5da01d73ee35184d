// Nothing unread passes: the workspace walk follows symlinks inside the
// repository (files and directories, loops cut), and everything it cannot
// list as a readable file (a link that dangles or leaves the repository, a
// FIFO, a socket, an unreadable file or directory) is a gate/check-failed
// naming the path; a configured glob that matches nothing is one too.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { k8sWorkloadCheck } from '../checks/k8s/check.ts';
import { secretsScanCheck } from '../checks/secrets/check.ts';
import { configGlobs, workspaceCheck } from '../checks/workspace/check.ts';
import type { GateConfig } from '../src/config/schema.ts';
import { runGate } from '../src/gate/engine.ts';
import type { Check, Finding, Report } from '../src/types.ts';
import { MAX_PATHS_PER_DIRECTORY, Workspace } from '../src/workspace/workspace.ts';
import { tempRepo } from './temp-repo.ts';

const PRIVILEGED_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n      securityContext:\n        privileged: true\n';
const AS_ROOT = process.getuid?.() === 0;
const ROOT_SKIP = AS_ROOT ? 'running as root: root reads every file and directory whatever its mode' : false;

function gate(root: string, checks: Check[], config?: GateConfig): Promise<Report> {
  return runGate({ root, checks, env: {}, now: new Date('2026-11-21T00:00:00Z'), ...(config ? { config } : {}) });
}

const failedFor = (r: Report, file: string): Finding[] => r.findings.filter((f) => f.ruleId === 'gate/check-failed' && f.location.file === file);
const privilegedFiles = (r: Report): string[] => r.findings.filter((f) => f.ruleId === 'k8s/privileged').map((f) => f.location.file ?? '');

test('a manifest that is a symlink to another file in the repository is read, as kubectl follows it', async () => {
  const root = tempRepo('walk-link', { 'base/pod.yaml': PRIVILEGED_POD, '.mcp-gate.yml': 'kubernetes:\n  paths: ["deploy/**"]\n' });
  mkdirSync(join(root, 'deploy'));
  symlinkSync('../base/pod.yaml', join(root, 'deploy/pod.yaml'));
  const r = await gate(root, [workspaceCheck, k8sWorkloadCheck]);
  assert.deepEqual(privilegedFiles(r), ['deploy/pod.yaml']);
  assert.ok(!r.findings.some((f) => f.ruleId === 'gate/check-failed'), JSON.stringify(r.findings));
});

test('a symlinked directory is walked (relative and absolute links inside the repository)', async () => {
  const root = tempRepo('walk-dirlink', { 'manifests/prod/pod.yaml': PRIVILEGED_POD, '.mcp-gate.yml': 'kubernetes:\n  paths: ["deploy/**"]\n' });
  symlinkSync('manifests/prod', join(root, 'deploy'));
  symlinkSync(join(root, 'manifests'), join(root, 'abs'));
  const r = await gate(root, [workspaceCheck, k8sWorkloadCheck]);
  assert.deepEqual(privilegedFiles(r), ['deploy/pod.yaml']);
  assert.deepEqual(new Workspace(root).files(), ['.mcp-gate.yml', 'abs/prod/pod.yaml', 'deploy/pod.yaml', 'manifests/prod/pod.yaml']);
});

test('symlink loops end: a link to an ancestor is listed once, links to each other are a symlink loop', async () => {
  const root = tempRepo('walk-loop', { 'a/x.yaml': 'k: v\n' });
  symlinkSync('..', join(root, 'a/up'));
  symlinkSync('.', join(root, 'self'));
  symlinkSync('ping', join(root, 'pong'));
  symlinkSync('pong', join(root, 'ping'));
  const ws = new Workspace(root);
  assert.deepEqual(ws.files(), ['a/x.yaml']);
  assert.deepEqual(ws.loops(), ['a/up', 'self']);
  assert.deepEqual(ws.problems().map((p) => `${p.path}: ${p.message}`), ['ping: symlink cannot be resolved: symlink loop', 'pong: symlink cannot be resolved: symlink loop']);
  const r = await gate(root, [workspaceCheck]);
  assert.match(r.checks[0]?.detail ?? '', /not followed round: a\/up, self/);
  assert.equal(failedFor(r, 'ping').length, 1);
});

test('symlinks that fan out to one directory stop after a bounded number of paths (no 2^depth listing)', () => {
  const root = tempRepo('walk-fanout', { 'l6/leaf.txt': 'x\n' });
  for (let i = 5; i >= 0; i--) {
    mkdirSync(join(root, `l${i}`), { recursive: true });
    symlinkSync(`../l${i + 1}`, join(root, `l${i}`, 'a'));
    symlinkSync(`../l${i + 1}`, join(root, `l${i}`, 'b'));
  }
  const ws = new Workspace(root);
  assert.ok(ws.files().length < 200, `${ws.files().length} files listed`);
  assert.ok(ws.problems().some((p) => p.directory && p.message.includes(`more than ${MAX_PATHS_PER_DIRECTORY} symlinked paths`)));
});

test('a committed symlink to /dev/zero as a manifest is refused at once, never read until killed', async () => {
  const root = tempRepo('walk-zero', { '.mcp-gate.yml': 'kubernetes:\n  paths: ["deploy/**"]\n', 'deploy/ok.yaml': PRIVILEGED_POD });
  symlinkSync('/dev/zero', join(root, 'deploy/zero.yaml'));
  const start = performance.now();
  const r = await gate(root, [workspaceCheck, k8sWorkloadCheck, secretsScanCheck]);
  assert.ok(performance.now() - start < 20_000);
  const [f] = failedFor(r, 'deploy/zero.yaml');
  assert.match(f?.message ?? '', /deploy\/zero\.yaml: is a symlink that leaves the repository \(to \/dev\/zero\)/);
  assert.equal(f?.location.line, 1);
  assert.deepEqual(privilegedFiles(r), ['deploy/ok.yaml']);
});

test('links to /dev/null and to a FIFO in the repository, a FIFO and a socket are refused by name', async () => {
  const root = tempRepo('walk-special', { 'deploy/ok.yaml': PRIVILEGED_POD });
  symlinkSync('/dev/null', join(root, 'deploy/null.yaml'));
  execFileSync('mkfifo', [join(root, 'fifo')]);
  symlinkSync('../fifo', join(root, 'deploy/pipe.yaml'));
  const server = createServer();
  await new Promise<void>((done) => server.listen(join(root, 'deploy/sock.yaml'), done));
  try {
    const r = await gate(root, [workspaceCheck, k8sWorkloadCheck]);
    assert.match(failedFor(r, 'deploy/null.yaml')[0]?.message ?? '', /leaves the repository \(to \/dev\/null\)/);
    assert.match(failedFor(r, 'fifo')[0]?.message ?? '', /fifo: is a FIFO, not a regular file/);
    assert.match(failedFor(r, 'deploy/pipe.yaml')[0]?.message ?? '', /is a symlink to a FIFO/);
    assert.match(failedFor(r, 'deploy/sock.yaml')[0]?.message ?? '', /is a socket/);
    assert.equal(r.decision, 'warn'); // mode warn: reported, and BLOCK severity
    assert.ok(r.findings.filter((f) => f.ruleId === 'gate/check-failed').every((f) => f.severity === 'block'));
  } finally {
    server.close();
  }
});

test('a dangling symlink and a link that leaves the repository are gate/check-failed naming them', async () => {
  const root = tempRepo('walk-dangling', { 'x.txt': 'x\n' });
  const outside = tempRepo('walk-outside', { 'secret.env': 'A=1\n' });
  symlinkSync('missing.yaml', join(root, 'dangling.yaml'));
  symlinkSync(outside, join(root, 'elsewhere'));
  const r = await gate(root, [workspaceCheck]);
  assert.match(failedFor(r, 'dangling.yaml')[0]?.message ?? '', /is a dangling symlink \(to missing\.yaml\)/);
  assert.match(failedFor(r, 'elsewhere')[0]?.message ?? '', /leaves the repository/);
});

test('a directory the process cannot read is a gate/check-failed, not a silent pass', { skip: ROOT_SKIP }, async () => {
  const root = tempRepo('walk-unreadable-dir', { 'deploy/pod.yaml': PRIVILEGED_POD, 'ok.txt': 'x\n' });
  chmodSync(join(root, 'deploy'), 0o000);
  try {
    const r = await gate(root, [workspaceCheck, k8sWorkloadCheck]);
    const [f] = failedFor(r, 'deploy');
    assert.match(f?.message ?? '', /deploy: directory cannot be read: permission denied/);
    assert.equal(f?.severity, 'block');
  } finally {
    chmodSync(join(root, 'deploy'), 0o755);
  }
});

test('an unreadable file and a directory without search permission name each file', { skip: ROOT_SKIP }, async () => {
  const root = tempRepo('walk-unreadable-file', { 'secret.env': 'A=1\n', 'locked/inner.yaml': 'k: v\n' });
  chmodSync(join(root, 'secret.env'), 0o000);
  chmodSync(join(root, 'locked'), 0o644); // read, no search: names listable, files not
  try {
    const r = await gate(root, [workspaceCheck]);
    assert.match(failedFor(r, 'secret.env')[0]?.message ?? '', /cannot be read: permission denied/);
    assert.match(failedFor(r, 'locked/inner.yaml')[0]?.message ?? '', /cannot be read: permission denied/);
  } finally {
    chmodSync(join(root, 'secret.env'), 0o644);
    chmodSync(join(root, 'locked'), 0o755);
  }
});

test('invalid UTF-8 in a Kubernetes YAML file is a gate/check-failed with file and line, as kubectl rejects it', async () => {
  const root = tempRepo('walk-utf8', {});
  writeFileSync(join(root, 'pod.yaml'), Buffer.concat([Buffer.from('apiVersion: v1\nkind: Pod\nmetadata:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
  const r = await gate(root, [k8sWorkloadCheck]);
  const [f] = failedFor(r, 'pod.yaml');
  assert.match(f?.message ?? '', /not valid UTF-8/);
  assert.equal(f?.location.line, 4);
});

test('kubernetes.paths "deploy/**/*.{yaml,yml}" on the insecure example keeps every BLOCK finding', async () => {
  const example = resolve('examples/insecure');
  const plain = await runGate({ root: example, env: {}, now: new Date('2026-11-21T00:00:00Z') });
  const config = { ...(await import('../src/config/load.ts')).readConfig(example).config, kubernetes: { paths: ['deploy/**/*.{yaml,yml}'] } };
  const braced = await runGate({ root: example, env: {}, config, now: new Date('2026-11-21T00:00:00Z') });
  const blocks = (r: Report) => r.findings.filter((f) => f.severity === 'block' && f.ruleId !== 'gate/check-failed').map((f) => f.fingerprint).sort();
  assert.ok(blocks(plain).length >= 30, `${blocks(plain).length} BLOCK findings`);
  assert.deepEqual(blocks(braced), blocks(plain));
  assert.ok(!braced.findings.some((f) => f.ruleId === 'gate/check-failed' && f.message.includes('matches no file')));
});

test('a configured inclusion glob that matches nothing is a BLOCK naming the key, the glob and the line of the key', async () => {
  const root = tempRepo('walk-nomatch', {
    'deploy/pod.yaml': PRIVILEGED_POD,
    '.mcp-gate.yml': 'mode: enforce\nkubernetes:\n  paths:\n    - "deploy/**"\n    - "deploi/**"\nmcp:\n  paths: ["servers/*.json"]\nimages:\n  paths: ["docker/Dockerfile"]\n',
  });
  const r = await gate(root, [workspaceCheck]);
  const failed = r.findings.filter((f) => f.ruleId === 'gate/check-failed');
  assert.deepEqual(
    failed.map((f) => `${f.location.file}:${f.location.line} ${f.message}`),
    [
      '.mcp-gate.yml:3 kubernetes.paths: "deploi/**" matches no file: nothing it names is reviewed; fix the glob or remove it',
      '.mcp-gate.yml:7 mcp.paths: "servers/*.json" matches no file: nothing it names is reviewed; fix the glob or remove it',
      '.mcp-gate.yml:9 images.paths: "docker/Dockerfile" matches no file: nothing it names is reviewed; fix the glob or remove it',
    ],
  );
  assert.equal(r.decision, 'block');
  assert.match(r.checks[0]?.detail ?? '', /kubernetes\.paths 1, mcp\.paths 0, images\.paths 0/);
});

test('an exclusion glob that matches nothing is a line in the secret scan detail, not a finding', async () => {
  const root = tempRepo('walk-exclude', { 'app.env': 'A=1\n', 'fixtures/x.env': 'B=2\n' });
  const r = await gate(root, [workspaceCheck, secretsScanCheck], { secrets: { exclude: ['fixtures/**', 'tset/**'] } });
  assert.equal(r.findings.length, 0);
  const detail = r.checks.find((c) => c.id === 'secrets')?.detail ?? '';
  assert.match(detail, /secrets\.exclude "tset\/\*\*" matches no file/);
  assert.doesNotMatch(detail, /"fixtures\/\*\*" matches no file/);
});

test('a config glob too costly to match is refused as gate/check-failed naming key and glob', async () => {
  const root = tempRepo('walk-costly', { 'a.yaml': 'k: v\n' });
  const r = await gate(root, [workspaceCheck], { secrets: { exclude: ['*a*a*a*a*b'] } });
  assert.match(r.findings[0]?.message ?? '', /^secrets\.exclude: "\*a\*a\*a\*a\*b" has 5 wildcards/);
});

test('configGlobs lists every glob-valued key of the published config schema', () => {
  const schema = JSON.parse(readFileSync(resolve('schema/mcp-gate.schema.json'), 'utf8'));
  const found: string[] = [];
  const walk = (node: Record<string, unknown>, path: string[]): void => {
    const items = node.items as Record<string, unknown> | undefined;
    if (node.type === 'array' && items?.type === 'string' && items.minLength === 1) found.push(path.join('.'));
    for (const [k, v] of Object.entries((node.properties as Record<string, Record<string, unknown>>) ?? {})) walk(v, [...path, k]);
  };
  walk(schema, []);
  const merged: Record<string, Record<string, string[]>> = {};
  for (const k of found) {
    const [section, key] = k.split('.') as [string, string];
    merged[section] = { ...merged[section], [key]: ['x'] };
  }
  assert.ok(found.length >= 12, found.join(', '));
  assert.deepEqual(configGlobs(merged as GateConfig).map((g) => g.key).sort(), found.sort());
});
