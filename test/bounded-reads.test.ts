// Files the change under review controls and the manifest, probe and
// override families read: lockfile, snapshot, caFile/certFile, override
// files. A device, a FIFO, a symlink leaving the repository or an absolute
// path outside it is refused as gate/check-failed naming the file (and the
// config key), in bounded time, never read until killed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { manifestIntegrityCheck } from '../checks/manifests/integrity-check.ts';
import { hashTools, LOCKFILE, type Lockfile, SNAPSHOT_FILE, writePins } from '../checks/manifests/lockfile.ts';
import { parseToolsJson } from '../checks/manifests/manifests.ts';
import { probeEndpoint } from '../checks/probes/endpoint-probe.ts';
import { probeSiem } from '../checks/probes/siem-probe.ts';
import { listOverrideFiles } from '../src/overrides/evaluate.ts';
import { runGate } from '../src/gate/engine.ts';
import type { Finding } from '../src/types.ts';
import { runCli } from './cli-run.ts';
import { makeCtx } from './probe-support.ts';
import { tempRepo } from './temp-repo.ts';

// Only catches a read without end (10x margin over a few ms).
const HANG = { timeout: 10_000 };
const SERVER = readFileSync(join(import.meta.dirname, 'fixtures/shared/mcp/benign/server-memory.json'), 'utf8');

/** A repository with one pinned server (lockfile and snapshot written by the real writer). */
function pinnedRepo(): string {
  const root = tempRepo('bounded', { 'mcp/memory.tools.json': SERVER });
  const h = hashTools(parseToolsJson(SERVER, 'x'));
  const lock: Lockfile = { lockfileVersion: 1, servers: { memory: { source: 'mcp/memory.tools.json', sha256: h.sha256, tools: h.tools, pinnedAt: '2026-11-01T00:00:00.000Z' } } };
  writePins(root, lock, new Map([['memory', h.canonical]]));
  return root;
}

/** Replace `rel` with a symlink to `target`. */
function linkTo(root: string, rel: string, target: string): void {
  rmSync(join(root, rel), { force: true });
  symlinkSync(target, join(root, rel));
}

function fifoAt(root: string, rel: string): void {
  rmSync(join(root, rel), { force: true });
  execFileSync('mkfifo', [join(root, rel)]);
}

async function integrity(root: string): Promise<Finding[]> {
  return (await runGate({ root, checks: [manifestIntegrityCheck], env: {} })).findings;
}

function checkFailed(findings: Finding[], file: string): Finding {
  const f = findings.find((x) => x.ruleId === 'gate/check-failed' && x.location.file === file);
  assert.ok(f, `no gate/check-failed naming ${file}: ${JSON.stringify(findings.map((x) => [x.ruleId, x.message]))}`);
  return f;
}

describe('lockfile', () => {
  test('a committed symlink to /dev/zero as lockfile is gate/check-failed naming it, not read until killed', HANG, async () => {
    const root = pinnedRepo();
    linkTo(root, LOCKFILE, '/dev/zero');
    const f = checkFailed(await integrity(root), LOCKFILE);
    assert.match(f.message, /symlink that leaves the repository \(to \/dev\/zero\)/);
    assert.equal(f.severity, 'block');
  });

  test('variants: /dev/urandom, a FIFO with no writer, a symlink to a lockfile outside the repository', HANG, async () => {
    const root = pinnedRepo();
    linkTo(root, LOCKFILE, '/dev/urandom');
    assert.match(checkFailed(await integrity(root), LOCKFILE).message, /leaves the repository \(to \/dev\/urandom\)/);
    fifoAt(root, LOCKFILE);
    assert.match(checkFailed(await integrity(root), LOCKFILE).message, /is a FIFO, not a regular file; refused/);
    // A valid lockfile, pinning exactly these tools, but outside the repository: still refused.
    const outside = pinnedRepo();
    linkTo(root, LOCKFILE, join(outside, LOCKFILE));
    assert.match(checkFailed(await integrity(root), LOCKFILE).message, /leaves the repository/);
  });

  test('a dangling symlink as lockfile is refused, never taken for "no lockfile"; manifest diff says it in one line', HANG, async () => {
    const root = pinnedRepo();
    linkTo(root, LOCKFILE, 'missing.json');
    assert.match(checkFailed(await integrity(root), LOCKFILE).message, /does not exist/);
    // `manifest diff` says the same in one line, exit 1, no stack.
    linkTo(root, LOCKFILE, '/dev/zero');
    const r = await runCli(['manifest', 'diff', root]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^mcp-gate: \.mcp-gate\/manifests\.lock\.json: is a symlink that leaves the repository/);
  });
});

describe('snapshot', () => {
  test('a committed symlink to /dev/zero as snapshot is gate/check-failed naming it; the drift is still reported', HANG, async () => {
    const root = pinnedRepo();
    linkTo(root, SNAPSHOT_FILE, '/dev/zero');
    writeFileSync(join(root, 'mcp/memory.tools.json'), SERVER.replace('"name": "read_graph"', '"name": "read_graph2"'));
    const findings = await integrity(root);
    assert.match(checkFailed(findings, SNAPSHOT_FILE).message, /leaves the repository \(to \/dev\/zero\).*field-level diffs .* unavailable/);
    assert.ok(findings.some((f) => f.ruleId === 'manifest/tampered'));
    // manifest diff: one note on stderr, the tool-level diff on stdout.
    const r = await runCli(['manifest', 'diff', root]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /manifests\.snapshot\.json: is a symlink that leaves the repository/);
    assert.match(r.stdout, /added tool "read_graph2"/);
  });

  test('variant: a FIFO as snapshot', HANG, async () => {
    const root = pinnedRepo();
    fifoAt(root, SNAPSHOT_FILE);
    writeFileSync(join(root, 'mcp/memory.tools.json'), SERVER.replace('Read the entire', 'Read all of the'));
    assert.match(checkFailed(await integrity(root), SNAPSHOT_FILE).message, /is a FIFO/);
  });
});

describe('caFile and certFile', () => {
  const configFailure = (findings: readonly { ruleId: string; message: string }[]): string => {
    const f = findings.find((x) => x.ruleId === 'gate/check-failed');
    assert.ok(f, JSON.stringify(findings));
    return f.message;
  };

  test('caFile: a committed symlink to /dev/zero is refused naming probes.endpoint.caFile', HANG, async () => {
    const root = tempRepo('bounded-ca', {});
    symlinkSync('/dev/zero', join(root, 'ca.pem'));
    const r = await probeEndpoint(makeCtx(root, {}), { url: 'https://127.0.0.1:9/mcp', caFile: 'ca.pem' }, { plainPort: null });
    assert.match(configFailure(r.findings), /probes\.endpoint\.caFile ca\.pem is a symlink that leaves the repository \(to \/dev\/zero\)/);
  });

  test('an absolute caFile or certFile outside the repository is refused, even a real PEM', HANG, async () => {
    const outside = tempRepo('bounded-outside', { 'ca.pem': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' });
    const root = tempRepo('bounded-ca', {});
    const abs = join(outside, 'ca.pem');
    const ca = await probeSiem(makeCtx(root, {}), { kind: 'https', url: 'https://127.0.0.1:9/health', caFile: abs });
    assert.match(configFailure(ca.findings), new RegExp(`probes\\.siem\\.caFile ${abs.replace(/[.]/g, '\\.')} is outside the repository`));
    const cert = await probeSiem(makeCtx(root, {}), { kind: 'syslog-tls', url: '127.0.0.1:9', certFile: abs, keyFile: abs });
    assert.match(configFailure(cert.findings), /probes\.siem\.certFile .* is outside the repository/);
  });

  test('variants: certFile as a FIFO, caFile through ../ and as /dev/urandom', HANG, async () => {
    const root = tempRepo('bounded-ca', { 'key.pem': 'x' });
    execFileSync('mkfifo', [join(root, 'cert.pem')]);
    const fifo = await probeSiem(makeCtx(root, {}), { kind: 'syslog-tls', url: '127.0.0.1:9', certFile: 'cert.pem', keyFile: 'key.pem' });
    assert.match(configFailure(fifo.findings), /probes\.siem\.certFile cert\.pem is a FIFO, not a regular file/);
    const up = await probeSiem(makeCtx(root, {}), { kind: 'https', url: 'https://127.0.0.1:9/', caFile: '../../etc/ssl/certs/ca-certificates.crt' });
    assert.match(configFailure(up.findings), /probes\.siem\.caFile \.\.\/\.\.\/etc\/ssl\/certs\/ca-certificates\.crt is outside the repository/);
    const dev = await probeEndpoint(makeCtx(root, {}), { url: 'https://127.0.0.1:9/mcp', caFile: '/dev/urandom' }, { plainPort: null });
    assert.match(configFailure(dev.findings), /probes\.endpoint\.caFile \/dev\/urandom is outside the repository/);
  });
});

describe('override files and allowed_signers in the working tree', () => {
  test('an override file that is not valid UTF-8 or too large is a problem naming it (and the line of the bad byte)', HANG, () => {
    const root = tempRepo('bounded-ovr', {
      '.mcp-gate/overrides/ok.yaml': 'a: 1\n',
      '.mcp-gate/overrides/bad.yaml': 'a: 1\nb: 2\n',
      '.mcp-gate/overrides/big.yaml': `# ${'x'.repeat(70_000)}\n`,
    });
    writeFileSync(join(root, '.mcp-gate/overrides/bad.yaml'), Buffer.from('a: 1\nb: \xff\n', 'latin1'));
    const listed = listOverrideFiles(root);
    assert.deepEqual(listed?.files.map((f) => f.file), ['.mcp-gate/overrides/ok.yaml']);
    const byFile = new Map(listed?.problems.map((p) => [p.file, p]));
    assert.match(byFile.get('.mcp-gate/overrides/bad.yaml')?.reason ?? '', /malformed: is not valid UTF-8/);
    assert.equal(byFile.get('.mcp-gate/overrides/bad.yaml')?.line, 2);
    assert.match(byFile.get('.mcp-gate/overrides/big.yaml')?.reason ?? '', /above the 65536-byte limit/);
  });
});
