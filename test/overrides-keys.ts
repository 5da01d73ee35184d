// Test helper (not a test file): real OpenSSH keys and signatures made with
// ssh-keygen in a temporary directory, plus temporary git repositories.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { canonicalJson } from '../src/util/canonical-json.ts';

export interface TestKey {
  name: string;
  /** Private key file. */
  file: string;
  /** "type base64" of the public key. */
  publicKey: string;
}

export const KEY_TYPES: ReadonlyArray<{ name: string; args: string[] }> = [
  { name: 'ed25519', args: ['-t', 'ed25519'] },
  { name: 'ecdsa-p256', args: ['-t', 'ecdsa', '-b', '256'] },
  { name: 'ecdsa-p384', args: ['-t', 'ecdsa', '-b', '384'] },
  { name: 'ecdsa-p521', args: ['-t', 'ecdsa', '-b', '521'] },
  { name: 'rsa-3072', args: ['-t', 'rsa', '-b', '3072'] },
];

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `mcp-gate-${prefix}-`));
}

export function makeKey(dir: string, name: string, args: string[] = ['-t', 'ed25519']): TestKey {
  const file = join(dir, `key-${name}`);
  execFileSync('ssh-keygen', ['-q', ...args, '-N', '', '-C', `${name}@test`, '-f', file], { stdio: 'ignore' });
  const pub = readFileSync(`${file}.pub`, 'utf8').trim().split(/\s+/);
  return { name, file, publicKey: `${pub[0]} ${pub[1]}` };
}

/** ssh-keygen -Y sign over `message`; extra args such as ['-O', 'hashalg=sha256']. */
export function sshSign(key: TestKey, message: string, namespace = 'mcp-gate-override', extra: string[] = []): string {
  return execFileSync('ssh-keygen', ['-Y', 'sign', '-n', namespace, '-f', key.file, ...extra], {
    input: message,
    stdio: ['pipe', 'pipe', 'ignore'],
  })
    .toString()
    .trim();
}

/** ssh-keygen -Y verify: true when OpenSSH itself accepts the signature. */
export function sshVerify(allowedSigners: string, principal: string, namespace: string, message: string, signature: string, dir: string): boolean {
  const allowed = join(dir, `allowed-${Math.random().toString(36).slice(2)}`);
  const sigFile = `${allowed}.sig`;
  writeFileSync(allowed, allowedSigners);
  writeFileSync(sigFile, `${signature}\n`);
  try {
    execFileSync('ssh-keygen', ['-Y', 'verify', '-f', allowed, '-I', principal, '-n', namespace, '-s', sigFile], { input: message, stdio: ['pipe', 'ignore', 'ignore'] });
    return true;
  } catch {
    return false;
  }
}

export interface OverrideFields {
  id?: string;
  rule?: string;
  resource?: string;
  container?: string | undefined;
  justification?: string;
  ticket?: string;
  due?: string;
  approver?: string;
  expires?: string;
}

/** The document as an object (what is signed), with SPEC defaults. */
export function overrideDoc(f: OverrideFields = {}): Record<string, unknown> {
  const target: Record<string, string> = { rule: f.rule ?? 'k8s/run-as-root', resource: f.resource ?? 'StatefulSet/mcp/mcp-db' };
  const container = 'container' in f ? f.container : 'db';
  if (container !== undefined) target.container = container;
  return {
    apiVersion: 'mcp-gate/v1',
    kind: 'Override',
    id: f.id ?? 'OVR-2026-014',
    target,
    justification: f.justification ?? 'Vendor image needs root until 4.2; pod is isolated by NetworkPolicy.',
    remediation: { ticket: f.ticket ?? 'SEC-1234', due: f.due ?? '2026-12-15' },
    approver: f.approver ?? 'arjun@cloudcorp.example',
    expires: f.expires ?? '2026-12-31',
  };
}

/** YAML text of a document (block style, dates unquoted as users write them). */
export function toYaml(doc: Record<string, unknown>, signature?: string): string {
  const t = doc.target as Record<string, string>;
  const r = doc.remediation as Record<string, string>;
  const lines = [
    '# written by the test',
    `apiVersion: ${doc.apiVersion}`,
    `kind: ${doc.kind}`,
    `id: ${doc.id}`,
    'target:',
    `  rule: ${t.rule}`,
    `  resource: ${t.resource}`,
    ...(t.container !== undefined ? [`  container: ${t.container}`] : []),
    `justification: ${JSON.stringify(doc.justification)}`,
    `remediation: {ticket: ${JSON.stringify(r.ticket)}, due: ${r.due}}`,
    `approver: ${doc.approver}`,
    `expires: ${doc.expires}`,
  ];
  if (signature) lines.push('signature: |', ...signature.split('\n').map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
}

/** A signed override file's text. */
export function signedOverride(key: TestKey, f: OverrideFields = {}, namespace = 'mcp-gate-override'): string {
  const doc = overrideDoc(f);
  return toYaml(doc, sshSign(key, canonicalJson(doc), namespace));
}

export function write(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@test', '-c', 'user.name=test', '-c', 'commit.gpgsign=false', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
}

/** A git repository whose first commit (returned sha) holds `files`. */
export function gitRepo(files: Record<string, string>): { root: string; base: string } {
  const root = tempDir('repo');
  git(root, 'init', '-q', '-b', 'main');
  for (const [rel, text] of Object.entries(files)) write(root, rel, text);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  return { root, base: git(root, 'rev-parse', 'HEAD').trim() };
}
