// The secret scan reads bytes and what git tracks: a token beside a byte that
// is not UTF-8 is found on its line, and a committed file that .gitignore
// lists (git add -f) is scanned; untracked ignored files stay skipped.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { secretsScanCheck } from '../checks/secrets/check.ts';
import { runGate } from '../src/gate/engine.ts';
import type { Report } from '../src/types.ts';
import { tempRepo } from './temp-repo.ts';

// Built at run time so this file holds no token literal.
const GITHUB = ['ghp', '_', 'Zq8Lm3Xv7Rt2Wp9Kd4Fh6Jb1Nc5Gs0Ty8Ua3'].join('');
const AWS = ['AKIA', 'Z7Q4MXN2KD5RBW3H'].join('');
const PEM = [`-----BEGIN RSA ${'PRIVATE'} KEY-----`, 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun', 'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK', `-----END RSA ${'PRIVATE'} KEY-----`].join('\n');
const BAD = Buffer.from([0xff, 0xfe, 0xc3]);

function gate(root: string): Promise<Report> {
  return runGate({ root, checks: [secretsScanCheck], env: {}, now: new Date('2026-11-21T00:00:00Z') });
}

const secretsAt = (r: Report) => r.findings.filter((f) => f.ruleId === 'secret/exposed').map((f) => `${f.location.file}:${f.location.line} ${f.message.split(' in ')[0]}`);

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-C', root, '-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { stdio: 'ignore' });
}

test('a .env with a GitHub token and one invalid UTF-8 byte is scanned, and the token reported on its line', async () => {
  const root = tempRepo('bytes-env', {});
  writeFileSync(join(root, '.env'), Buffer.concat([Buffer.from('# caf'), BAD.subarray(0, 1), Buffer.from(`\nAPP=1\nGITHUB_TOKEN=${GITHUB}\n`)]));
  const r = await gate(root);
  assert.deepEqual(secretsAt(r), ['.env:3 GitHub personal access token']);
  assert.match(r.checks[0]?.detail ?? '', /scanned byte for byte 1 not valid UTF-8: \.env/);
});

test('an AWS key and a private key beside invalid bytes are found on their lines', async () => {
  const root = tempRepo('bytes-formats', {});
  writeFileSync(join(root, 'aws.ini'), Buffer.concat([BAD, Buffer.from(`\n[default]\naws_access_key_id = ${AWS}`), BAD, Buffer.from('\n')]));
  writeFileSync(join(root, 'deploy.key'), Buffer.concat([Buffer.from('garbage '), BAD, Buffer.from(`\n\n${PEM}\n`), BAD]));
  const r = await gate(root);
  assert.deepEqual(secretsAt(r).sort(), ['aws.ini:3 AWS access key ID', 'deploy.key:3 RSA private key']);
});

test('a git-tracked file listed in .gitignore (git add -f) is scanned; an untracked ignored one is not', async () => {
  const root = tempRepo('bytes-tracked', { '.gitignore': '*.env\nbuild/\n', 'prod.env': `TOKEN=${GITHUB}\n`, 'local.env': `TOKEN=${GITHUB}\n` });
  git(root, 'init', '-q');
  git(root, 'add', '.gitignore');
  git(root, 'add', '-f', 'prod.env');
  git(root, 'commit', '-qm', 'x');
  const r = await gate(root);
  assert.deepEqual(secretsAt(r), ['prod.env:1 GitHub personal access token']);
  const detail = r.checks[0]?.detail ?? '';
  assert.match(detail, /1 by \.gitignore/);
  assert.match(detail, /scanned 1 tracked by git although \.gitignore lists them/);
});

test('a tracked file under an ignored directory and in a nested .gitignore is scanned, from a subdirectory root too', async () => {
  const root = tempRepo('bytes-tracked-dir', {
    'svc/.gitignore': 'dist/\nsecrets.yaml\n',
    'svc/dist/bundle.js': `const t = "${GITHUB}";\n`,
    'svc/secrets.yaml': `aws_access_key_id: ${AWS}\n`,
    'svc/dist/untracked.js': `const t = "${GITHUB}";\n`,
  });
  git(root, 'init', '-q');
  git(root, 'add', 'svc/.gitignore');
  git(root, 'add', '-f', 'svc/dist/bundle.js', 'svc/secrets.yaml');
  git(root, 'commit', '-qm', 'x');
  assert.deepEqual(secretsAt(await gate(root)).sort(), ['svc/dist/bundle.js:1 GitHub personal access token', 'svc/secrets.yaml:1 AWS access key ID']);
  // Reviewing the subdirectory: git lists its files relative to it.
  assert.deepEqual(secretsAt(await gate(join(root, 'svc'))).sort(), ['dist/bundle.js:1 GitHub personal access token', 'secrets.yaml:1 AWS access key ID']);
});

test('outside a git repository .gitignore alone decides, as before', async () => {
  const root = tempRepo('bytes-nogit', { '.gitignore': '*.env\n', 'prod.env': `TOKEN=${GITHUB}\n`, 'app.yaml': `token: ${GITHUB}\n` });
  const r = await gate(root);
  assert.deepEqual(secretsAt(r), ['app.yaml:1 GitHub personal access token']);
  assert.doesNotMatch(r.checks[0]?.detail ?? '', /git could not list/);
});
