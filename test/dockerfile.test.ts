// The `image` check (checks/image/check.ts) on written fixtures and on real
// third-party Dockerfiles (test/fixtures/dockerfile/real, see SOURCES.md).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { checkDockerfile, dockerfileCheck, isDockerfile, isMinimalBase } from '../checks/image/check.ts';
import { secretsScanCheck } from '../checks/secrets/check.ts';
import { supplyChainCheck } from '../checks/supply/check.ts';
import { runGate } from '../src/gate/engine.ts';
import type { RawFinding } from '../src/types.ts';

const DIR = fileURLToPath(new URL('fixtures/dockerfile/', import.meta.url));
const check = (name: string, requireDistroless = false): RawFinding[] => checkDockerfile(name, readFileSync(join(DIR, name), 'utf8'), { requireDistroless });
const summary = (fs: RawFinding[]) => fs.map((f) => `${f.ruleId}@${f.location.line}`).sort();

test('a hardened multi-stage build (digests, distroless nonroot, USER, heredocs) has no finding', () => {
  assert.deepEqual(check('multistage-hardened.Dockerfile', true), []);
  assert.deepEqual(check('scratch-final.Dockerfile', true), []);
});

test('image/runs-as-root: no USER, USER root last, USER from an ARG, unresolvable USER', () => {
  assert.deepEqual(summary(check('root-unpinned.Dockerfile')), ['image/runs-as-root@1', 'image/unpinned-base@1']);
  assert.deepEqual(summary(check('user-root-last.Dockerfile')), ['image/runs-as-root@5']);
  const arg = check('arg-user.Dockerfile');
  assert.deepEqual(summary(arg), ['image/runs-as-root@3']);
  assert.match(arg[0]?.message ?? '', /USER 0:0/);
  const unresolved = check('arg-user-unresolved.Dockerfile');
  assert.deepEqual(summary(unresolved), ['image/runs-as-root@3']);
  assert.match(unresolved[0]?.message ?? '', /cannot be verified/);
  // USER inherited from an earlier stage.
  assert.deepEqual(check('inherit-user.Dockerfile'), []);
  // Windows: ContainerUser is not an administrator.
  assert.deepEqual(summary(check('escape-backtick.Dockerfile')), ['image/unpinned-base@2']);
  assert.deepEqual(summary(checkDockerfile('w', 'FROM mcr.microsoft.com/windows/nanoserver@sha256:' + 'ab'.repeat(32) + '\nUSER ContainerAdministrator\n', { requireDistroless: false })), ['image/runs-as-root@2']);
});

test('image/unpinned-base: every external stage, scratch and stage references are fine', () => {
  const fs = checkDockerfile('x', 'FROM golang:1.22 AS build\nFROM build AS test\nFROM scratch\nCOPY --from=build /a /a\nUSER 1\n', { requireDistroless: false });
  assert.deepEqual(summary(fs), ['image/unpinned-base@1']);
  assert.match(fs[0]?.message ?? '', /build stage build/);
  assert.equal(fs[0]?.key, 'base:golang:1.22');
});

test('secret/exposed for credential literals in ENV and ARG (value never shown; same key as the secret scan)', async () => {
  const fs = check('env-secrets.Dockerfile');
  assert.deepEqual(summary(fs), ['secret/exposed@3', 'secret/exposed@4', 'secret/exposed@5', 'secret/exposed@6']);
  const text = readFileSync(join(DIR, 'env-secrets.Dockerfile'), 'utf8');
  const apiKey = /API_KEY=(\S+)/.exec(text)?.[1] as string;
  for (const f of fs) {
    assert.ok(!f.message.includes(apiKey));
    assert.match(f.key ?? '', /^secret:[0-9a-f]{16}$/);
  }
  // Through the engine with the repository scan: ENV API_KEY=... is one finding, not two.
  const d = mkdtempSync(join(tmpdir(), 'mcp-gate-dockerfile-'));
  try {
    cpSync(join(DIR, 'env-secrets.Dockerfile'), join(d, 'Dockerfile'));
    const report = await runGate({ root: d, config: {}, env: {}, checks: [dockerfileCheck, secretsScanCheck] });
    const secrets = report.findings.filter((f) => f.ruleId === 'secret/exposed');
    assert.deepEqual(secrets.map((f) => f.location.line).sort(), [3, 4, 5, 6]);
    assert.ok(!JSON.stringify(report).includes(apiKey));
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('40 self-doubling Dockerfile ARGs: one gate/check-failed at the ARG that overflows, the rest of the Dockerfile still checked', async () => {
  const fs = check('bounds/doubling-args.Dockerfile');
  assert.deepEqual(summary(fs), ['gate/check-failed@18', 'image/runs-as-root@43', 'image/unpinned-base@42', 'secret/exposed@44']);
  assert.match(fs.find((f) => f.ruleId === 'gate/check-failed')?.message ?? '', /^bounds\/doubling-args\.Dockerfile:18: ARG A16 expands to more than 65536 characters/);
  // Through the engine: the image check runs (it was lost to "Invalid string length").
  const d = mkdtempSync(join(tmpdir(), 'mcp-gate-dockerfile-'));
  try {
    cpSync(join(DIR, 'bounds/doubling-args.Dockerfile'), join(d, 'Dockerfile'));
    const report = await runGate({ root: d, config: {}, env: {}, checks: [dockerfileCheck] });
    assert.deepEqual(report.findings.map((f) => `${f.ruleId}@${f.location.line}`).sort(), ['gate/check-failed@18', 'image/runs-as-root@43', 'image/unpinned-base@42', 'secret/exposed@44']);
    assert.ok(!report.findings.some((f) => /could not run|Invalid string length/.test(f.message)));
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('doubling variants: ENV inside a stage taints the USER built from it; T built from T, T:-x and T:+T taints FROM; never read as an empty value', () => {
  const env = check('bounds/doubling-env-user.Dockerfile');
  assert.deepEqual(summary(env), ['gate/check-failed@18', 'image/runs-as-root@23', 'image/unpinned-base@1']);
  assert.match(env.find((f) => f.ruleId === 'image/runs-as-root')?.message ?? '', /USER \$P uses P .*cannot be verified as non-root/);
  const from = check('bounds/doubling-from.Dockerfile');
  assert.deepEqual(summary(from), ['gate/check-failed@11', 'image/unpinned-base@14']);
  assert.match(from.find((f) => f.ruleId === 'image/unpinned-base')?.message ?? '', /FROM registry\.example\.com\/\$T: T has no default/);
  // A USER that overflows by itself names the refused expansion.
  const direct = checkDockerfile('d', `FROM alpine@sha256:${'ab'.repeat(32)}\nARG U=${'u'.repeat(40_000)}\nUSER $U$U\n`, { requireDistroless: false });
  assert.deepEqual(summary(direct), ['gate/check-failed@3', 'image/runs-as-root@3']);
  assert.match(direct[1]?.message ?? '', /uses \(an expansion over 65536 characters\)/);
});

test('image/non-minimal-base only when images.requireDistroless', () => {
  assert.deepEqual(summary(check('user-root-last.Dockerfile', true)), ['image/non-minimal-base@1', 'image/runs-as-root@5']);
  assert.ok(isMinimalBase('gcr.io/distroless/static-debian12:nonroot'));
  assert.ok(isMinimalBase('cgr.dev/chainguard/node:latest@sha256:' + '0'.repeat(64)));
  assert.ok(isMinimalBase('scratch'));
  assert.ok(!isMinimalBase('node:20-alpine'));
  assert.ok(!isMinimalBase('debian:bookworm-slim'));
});

test('real third-party Dockerfiles (pyenv, Google Cloud SDK) give the documented verdicts', () => {
  assert.deepEqual(summary(check('real/pyenv-test.Dockerfile')), ['image/runs-as-root@9', 'image/unpinned-base@3', 'image/unpinned-base@9']);
  const pyenv = check('real/pyenv-test.Dockerfile');
  assert.match(pyenv.find((f) => f.location.line === 9 && f.ruleId === 'image/unpinned-base')?.message ?? '', /FROM bash:\$BASH: BASH has no default/);
  for (const f of ['real/gcloud-go.Dockerfile', 'real/gcloud-nodejs.Dockerfile']) assert.deepEqual(summary(check(f)), ['image/runs-as-root@3', 'image/unpinned-base@3'], f);
});

test('discovery, broken Dockerfiles and the check\'s detail', async () => {
  for (const f of ['Dockerfile', 'Containerfile', 'api.Dockerfile', 'docker/Dockerfile.prod', 'x.containerfile']) assert.ok(isDockerfile(f), f);
  for (const f of ['checks/dockerfile.ts', 'infra/Containerfile.dockerignore', 'Dockerfile.dockerignore', 'Dockerfile.json.golden', 'docs/Dockerfile.md', 'Dockerfiles/README']) assert.ok(!isDockerfile(f), f);
  const d = mkdtempSync(join(tmpdir(), 'mcp-gate-dockerfile-'));
  try {
    for (const f of readdirSync(DIR)) if (f.endsWith('.Dockerfile')) cpSync(join(DIR, f), join(d, f));
    writeFileSync(join(d, 'empty.Dockerfile'), '# nothing\n');
    writeFileSync(join(d, 'binary.Dockerfile'), Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01]));
    const report = await runGate({ root: d, config: { images: { requireDistroless: false } }, env: {}, checks: [dockerfileCheck] });
    const run = report.checks[0];
    assert.equal(run?.status, 'ran');
    assert.match(run?.detail ?? '', /^11 of 12 Dockerfile\(s\) checked$/);
    const failed = report.findings.filter((f) => f.ruleId === 'gate/check-failed').map((f) => `${f.location.file}:${f.location.line ?? ''}`).sort();
    assert.deepEqual(failed, ['binary.Dockerfile:', 'empty.Dockerfile:1', 'unterminated-heredoc.Dockerfile:2']);
    assert.equal(report.decision, 'warn');
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
  const none = mkdtempSync(join(tmpdir(), 'mcp-gate-dockerfile-none-'));
  try {
    const report = await runGate({ root: none, config: {}, env: {}, checks: [dockerfileCheck] });
    assert.equal(report.checks[0]?.status, 'skipped');
  } finally {
    rmSync(none, { recursive: true, force: true });
  }
});

test('examples: the insecure demo gets the image, secret and supply findings; the hardened one none', async () => {
  const root = fileURLToPath(new URL('../examples/', import.meta.url));
  const checks = [dockerfileCheck, secretsScanCheck, supplyChainCheck];
  const insecure = await runGate({ root: join(root, 'insecure'), env: {}, checks });
  const got = insecure.findings.map((f) => `${f.ruleId} ${f.location.file}`).sort();
  for (const want of [
    'image/runs-as-root Dockerfile',
    'image/unpinned-base Dockerfile',
    'image/non-minimal-base Dockerfile',
    'secret/exposed deploy/mcp-servers.yaml',
    'supply/unpinned-dependency package.json',
  ])
    assert.ok(got.includes(want), want);
  assert.equal(insecure.decision, 'block');
  const hardened = await runGate({ root: join(root, 'hardened'), env: {}, checks });
  assert.deepEqual(hardened.findings, []);
  assert.deepEqual(hardened.checks.map((c) => c.status), ['ran', 'ran', 'ran']);
});
