// `mcp-gate override new|sign|verify|list` through the CLI (main() in-process),
// in a temporary git repository, with ssh-keygen keys (file and ssh-agent).
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Report } from '../src/types.ts';
import { type CliResult, runCli } from './cli-run.ts';
import { gitRepo, makeKey, type TestKey, tempDir, write } from './overrides-keys.ts';

const MANIFEST = readFileSync(new URL('./fixtures/shared/k8s/polaris/runAsRootAllowed/failure.yaml', import.meta.url), 'utf8');

function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, { cwd, env: { GITHUB_EVENT_NAME: '', ...env } });
}

const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+:\d+/, 'no stack trace');

describe('override CLI', () => {
  let dir: string;
  let arjun: TestKey;
  let root: string;
  let base: string;
  let agent: ChildProcess | undefined;

  before(() => {
    dir = tempDir('ovr-cli');
    arjun = makeKey(dir, 'arjun');
    ({ root, base } = gitRepo({
      '.mcp-gate/allowed_signers': `arjun@cloudcorp.example ${arjun.publicKey}\n`,
      '.mcp-gate.yml': 'mode: enforce\n',
      'deploy/nginx.yaml': MANIFEST,
    }));
  });
  after(() => {
    if (agent?.pid) process.kill(agent.pid);
  });

  it('new -> sign -> verify -> list -> check: the finding is overridden', async () => {
    const before = await cli(['check', '.', '--format', 'json', '--base-ref', base], root);
    assert.equal(before.code, 1, before.stderr);
    const report = JSON.parse(before.stdout) as Report;
    const target = report.findings.find((f) => f.ruleId === 'k8s/run-as-root' && f.location.container === 'nginx');
    assert.ok(target);

    const made = await cli(
      ['override', 'new', '.', '--fingerprint', target.fingerprint.slice(0, 12), '--approver', 'arjun@cloudcorp.example', '--ticket', 'SEC-77', '--justification', 'nginx master needs root; tracked in SEC-77'],
      root,
    );
    assert.equal(made.code, 0, made.stderr);
    const file = made.stdout.trim();
    assert.match(file, /^\.mcp-gate\/overrides\/OVR-\d{4}-001\.yaml$/);
    const template = readFileSync(join(root, file), 'utf8');
    assert.match(template, /resource: "Deployment\/default\/nginx"/);
    assert.match(template, /container: "nginx"/);
    assert.doesNotMatch(template, /signature:/);

    // Unsigned: verify says so and fails.
    const unsigned = await cli(['override', 'verify', '.', '--base-ref', base], root);
    assert.equal(unsigned.code, 1);
    assert.match(unsigned.stdout, /INVALID .*unsigned: no signature/);

    const signed = await cli(['override', 'sign', file, '--key', arjun.file], root);
    assert.equal(signed.code, 0, signed.stderr);
    assert.match(signed.stdout, /signed .* as arjun@cloudcorp.example with key SHA256:/);
    assert.match(readFileSync(join(root, file), 'utf8'), /^signature: \|\n {2}-----BEGIN SSH SIGNATURE-----/m);

    const verified = await cli(['override', 'verify', '.', '--base-ref', base], root);
    assert.equal(verified.code, 0, verified.stdout);
    assert.match(verified.stdout, /^OK .*approved by arjun@cloudcorp.example .*(29|30) day\(s\) left/m);

    const listed = await cli(['override', 'list', '.', '--base-ref', base], root);
    assert.equal(listed.code, 0);
    const [header, row] = listed.stdout.split('\n');
    assert.match(header ?? '', /^ID\s+STATUS\s+DAYS LEFT\s+EXPIRES\s+APPROVER\s+RULE\s+RESOURCE\s+TICKET\s+FILE/);
    assert.match(row ?? '', /^OVR-\d{4}-001\s+valid\s+(29|30)\s+\d{4}-\d{2}-\d{2}\s+arjun@cloudcorp.example\s+k8s\/run-as-root\s+Deployment\/default\/nginx \(nginx\)\s+SEC-77/);
    const json = JSON.parse((await cli(['override', 'list', '.', '--base-ref', base, '--format', 'json'], root)).stdout);
    assert.equal(json.overrides[0].status, 'valid');

    const after = await cli(['check', '.', '--format', 'json', '--base-ref', base], root);
    const covered = (JSON.parse(after.stdout) as Report).findings.find((f) => f.fingerprint === target.fingerprint);
    assert.equal(covered?.status, 'overridden');
    assert.equal(covered?.override?.ticket, 'SEC-77');

    // --print-message gives the exact signed bytes: signing them with plain ssh-keygen verifies too.
    const printed = await cli(['override', 'sign', file, '--print-message'], root);
    assert.equal(printed.code, 0, printed.stderr);
    assert.match(printed.stdout, /^\{"apiVersion":"mcp-gate\/v1","approver":"arjun@cloudcorp.example","expires":"\d{4}-\d{2}-\d{2}","id":"OVR-\d{4}-001","justification":/);
    assert.doesNotMatch(printed.stdout, /signature/);

    // Re-signing replaces the signature instead of adding a second one.
    const again = await cli(['override', 'sign', file, '--key', arjun.file], root);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(readFileSync(join(root, file), 'utf8').match(/BEGIN SSH SIGNATURE/g)?.length, 1);

    // Tampering after signing: verify names the reason and fails.
    write(root, file, readFileSync(join(root, file), 'utf8').replace('SEC-77', 'SEC-78'));
    const tampered = await cli(['override', 'verify', '.', '--base-ref', base], root);
    assert.equal(tampered.code, 1);
    assert.match(tampered.stdout, /INVALID .*bad signature/);
  });

  it('signs with a key held by ssh-agent', async () => {
    const sock = join(tempDir('agent'), 'agent.sock');
    agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    for (let i = 0; i < 50 && !existsSync(sock); i++) await new Promise((r) => setTimeout(r, 50));
    const mei = makeKey(dir, 'mei');
    const env = { SSH_AUTH_SOCK: sock };
    await new Promise<void>((resolve, reject) =>
      execFile('ssh-add', [mei.file], { env: { ...process.env, ...env }, timeout: 10_000 }, (err) => (err ? reject(err) : resolve())),
    );
    // mei is trusted by the working tree's allowed_signers only, not by the base revision's.
    const trusted = `arjun@cloudcorp.example ${arjun.publicKey}\n`;
    write(root, '.mcp-gate/allowed_signers', `${trusted}mei@cloudcorp.example ${mei.publicKey}\n`);
    try {
      const args = ['override', 'new', '.', '--rule', 'k8s/writable-root-fs', '--resource', 'Deployment/default/nginx', '--container', 'nginx', '--id', 'OVR-AGENT', '--approver', 'mei@cloudcorp.example', '--ticket', 'SEC-8', '--justification', 'x'];
      const refused = await cli([...args, '--base-ref', base], root);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /override new: refused, "override verify" would reject it: approver "mei@cloudcorp\.example" is not a principal of any key in \.mcp-gate\/allowed_signers of base revision/);
      const made = await cli(args, root);
      assert.equal(made.code, 0, made.stderr);
      const file = made.stdout.trim();
      const untrusted = await cli(['override', 'sign', file, '--key', `${mei.file}.pub`, '--agent', '--base-ref', base], root, env);
      assert.equal(untrusted.code, 2);
      assert.match(untrusted.stderr, /not signed, "override verify" would reject it: untrusted signer: the signing key is not in the trusted allowed_signers \(key SHA256:\S+; signers from base revision/);
      assert.doesNotMatch(readFileSync(join(root, file), 'utf8'), /signature:/, 'a refused signature is not written');
      const signed = await cli(['override', 'sign', file, '--key', `${mei.file}.pub`, '--agent'], root, env);
      assert.equal(signed.code, 0, signed.stderr);
      assert.match(readFileSync(join(root, file), 'utf8'), /^signature: \|/m);
      // The gate trusts the base only: verify with the base ref refuses what the working tree trusted.
      const verified = await cli(['override', 'verify', '.', '--base-ref', base], root);
      assert.match(verified.stdout, /INVALID .*OVR-AGENT: untrusted signer/);
    } finally {
      write(root, '.mcp-gate/allowed_signers', trusted);
    }
  });

  it('new and sign refuse what verify refuses: expired, lifetime over the limit (config or 90 days), untrusted approver; new prints the fingerprint', async () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const target = ['--rule', 'k8s/run-as-root', '--resource', 'Deployment/default/nginx', '--container', 'nginx', '--approver', 'arjun@cloudcorp.example', '--ticket', 'SEC-9', '--justification', 'y'];
    const expired = await cli(['override', 'new', '.', ...target, '--id', 'OVR-OLD', '--expires', '2020-01-01'], root);
    assert.equal(expired.code, 2);
    assert.equal(expired.stderr, 'mcp-gate: override new: refused, "override verify" would reject it: expired 2020-01-01\n');
    const long = await cli(['override', 'new', '.', ...target, '--id', 'OVR-LONG', '--expires', day(177)], root);
    assert.equal(long.code, 2);
    assert.match(long.stderr, new RegExp(`lifetime: expires ${day(177)}, 17[78] days from now, beyond overrides.maxLifetimeDays \\(90\\); sign a shorter override`));
    const stranger = await cli(['override', 'new', '.', ...target.slice(0, -6), '--approver', 'eve@elsewhere.example', '--id', 'OVR-EVE'], root);
    assert.equal(stranger.code, 2);
    assert.match(stranger.stderr, /approver "eve@elsewhere\.example" is not a principal of any key/);
    for (const id of ['OVR-OLD', 'OVR-LONG', 'OVR-EVE']) assert.equal(existsSync(join(root, `.mcp-gate/overrides/${id}.yaml`)), false, `${id} not written`);

    // overrides.maxLifetimeDays of the config applies (a policy key: the base revision's with --base-ref).
    const shortConfig = await cli(['override', 'new', '.', ...target, '--id', 'OVR-SHORT', '--expires', day(20), '--config', 'short.yml'], root);
    assert.equal(shortConfig.code, 2, 'short.yml is missing: a named config must exist');
    write(root, 'short.yml', 'overrides: {maxLifetimeDays: 10}\n');
    const short = await cli(['override', 'new', '.', ...target, '--id', 'OVR-SHORT', '--expires', day(20), '--config', 'short.yml'], root);
    assert.equal(short.code, 2);
    assert.match(short.stderr, /beyond overrides\.maxLifetimeDays \(10\)/);

    // Accepted: the template names the finding by its fingerprint.
    const report = JSON.parse((await cli(['check', '.', '--format', 'json'], root)).stdout) as Report;
    const finding = report.findings.find((f) => f.ruleId === 'k8s/run-as-root' && f.location.container === 'nginx');
    const made = await cli(['override', 'new', '.', ...target, '--id', 'OVR-OK', '--expires', day(20)], root);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stderr, new RegExp(`^mcp-gate: finding ${finding?.fingerprint} \\(k8s/run-as-root at deploy/nginx\\.yaml:\\d+ `, 'm'));

    // sign refuses a hand-written override that expired, and leaves it unsigned.
    write(root, '.mcp-gate/overrides/OVR-OLD.yaml', readFileSync(join(root, made.stdout.trim()), 'utf8').replace('id: OVR-OK', 'id: OVR-OLD').replace(/^expires: .*$/m, 'expires: 2020-01-01'));
    const signOld = await cli(['override', 'sign', '.mcp-gate/overrides/OVR-OLD.yaml', '--key', arjun.file], root);
    assert.equal(signOld.code, 2);
    assert.equal(signOld.stderr, 'mcp-gate: .mcp-gate/overrides/OVR-OLD.yaml: not signed, "override verify" would reject it: expired 2020-01-01\n');
    assert.doesNotMatch(readFileSync(join(root, '.mcp-gate/overrides/OVR-OLD.yaml'), 'utf8'), /signature:/);
    for (const id of ['OVR-OLD', 'OVR-OK']) rmSync(join(root, `.mcp-gate/overrides/${id}.yaml`));
  });

  it('usage errors: exit 2 with a message, no stack trace', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['override'], /override needs a subcommand/],
      [['override', 'new', '.'], /choose the finding with --fingerprint/],
      [['override', 'new', '.', '--rule', 'k8s/run-as-root', '--resource', 'Deployment/default/ghost'], /no k8s\/run-as-root finding on Deployment\/default\/ghost in the current report/],
      [['override', 'new', '.', '--fingerprint', 'deadbeefdeadbeef'], /no finding with fingerprint/],
      [['override', 'new', '.', '--rule', 'k8s/run-as-root', '--resource', 'x', '--expires', '31/12/2026'], /--expires must be a date/],
      [['override', 'sign', 'nope.yaml', '--key', 'nope'], /nope: key file not found/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, root);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, message);
      noStack(r.stderr);
    }
    // A template with TODO placeholders is not signed.
    const made = await cli(['override', 'new', '.', '--rule', 'k8s/privilege-escalation', '--resource', 'Deployment/default/nginx', '--id', 'OVR-TODO'], root);
    assert.equal(made.code, 0, made.stderr);
    const sign = await cli(['override', 'sign', made.stdout.trim(), '--key', arjun.file], root);
    assert.equal(sign.code, 2);
    assert.match(sign.stderr, /OVR-TODO\.yaml:\d+: justification still holds the TODO placeholder/);
  });

  it('check with a base ref that does not exist blocks with gate/check-failed', async () => {
    const r = await cli(['check', '.', '--format', 'json', '--base-ref', 'refs/heads/nope'], root);
    assert.equal(r.code, 1);
    const failed = (JSON.parse(r.stdout) as Report).findings.filter((f) => f.ruleId === 'gate/check-failed');
    assert.equal(failed.length, 1);
    assert.match(failed[0]?.message ?? '', /base ref "refs\/heads\/nope" does not exist/);
  });
});
