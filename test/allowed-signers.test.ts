import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import {
  findSigner,
  matchPattern,
  matchPatternList,
  parseAllowedSigners,
  parseSshTime,
} from '../src/overrides/allowed-signers.ts';
import { OVERRIDE_NAMESPACE, parseArmoredSignature } from '../src/overrides/sshsig.ts';
import { makeKey, sshSign, sshVerify, type TestKey, tempDir } from './overrides-keys.ts';

const FIXTURE = new URL('./fixtures/overrides/allowed_signers', import.meta.url);

describe('allowed_signers parser', () => {
  it('reads the fixture: principals, options, comments; refuses cert-authority with a clear message', () => {
    const { signers, problems } = parseAllowedSigners(readFileSync(FIXTURE, 'utf8'));
    assert.deepEqual(
      signers.map((s) => [s.line, s.principals, s.keyType, s.namespaces ?? null]),
      [
        [3, 'arjun@cloudcorp.example', 'ssh-ed25519', null],
        [5, 'mei@cloudcorp.example,lead@cloudcorp.example', 'ecdsa-sha2-nistp256', 'mcp-gate-override'],
        [7, '*@sec.cloudcorp.example,!intern@sec.cloudcorp.example', 'ssh-ed25519', 'git,mcp-gate-*'],
        [9, 'tom@cloudcorp.example', 'ssh-ed25519', null],
      ],
    );
    const tom = signers.find((s) => s.line === 9);
    assert.equal(tom?.validAfter?.toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(tom?.validBefore?.toISOString(), '2027-01-01T12:30:00.000Z');
    assert.deepEqual(
      problems.map((p) => p.line),
      [11, 13, 15, 17, 19],
    );
    assert.match(problems[0]?.message ?? '', /cert-authority entries are not supported/);
    assert.match(problems[1]?.message ?? '', /not valid base64/);
    assert.match(problems[2]?.message ?? '', /unknown option "permit-pty"/);
    assert.match(problems[3]?.message ?? '', /key type "ssh-rsa" does not match the key blob \("ssh-ed25519"\)/);
    assert.match(problems[4]?.message ?? '', /missing base64 key/);
  });

  it('quoted principals, quoted options with commas and spaces, CRLF', () => {
    const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBp2j5CwvnK7P9wyr5tFkvvGuqcWzAx0zDjT0vLD5d6b';
    const { signers, problems } = parseAllowedSigners(`"a@x,b@x" namespaces="one,two" ${key} comment here\r\n`);
    assert.deepEqual(problems, []);
    assert.equal(signers[0]?.principals, 'a@x,b@x');
    assert.equal(signers[0]?.namespaces, 'one,two');
    const bad = parseAllowedSigners(`a@x namespaces=mcp-gate-override ${key}\n"unterminated ${key}\na@x valid-after="20261301" ${key}\na@x valid-after="20270101Z",valid-before="20260101Z" ${key}\n`);
    assert.deepEqual(
      bad.problems.map((p) => [p.line, /double-quoted|unterminated|not a valid date|not after/.test(p.message)]),
      [
        [1, true],
        [2, true],
        [3, true],
        [4, true],
      ],
    );
  });

  it('times: YYYYMMDD[HHMM[SS]][Z]', () => {
    assert.equal(parseSshTime('20261231Z').toISOString(), '2026-12-31T00:00:00.000Z');
    assert.equal(parseSshTime('202612311530Z').toISOString(), '2026-12-31T15:30:00.000Z');
    assert.equal(parseSshTime('20261231153005Z').toISOString(), '2026-12-31T15:30:05.000Z');
    assert.throws(() => parseSshTime('2026-12-31'), /not YYYYMMDD/);
    assert.throws(() => parseSshTime('20260230Z'), /not a valid date/);
  });
});

describe('OpenSSH pattern lists', () => {
  it('* and ? wildcards, negation', () => {
    assert.ok(matchPattern('arjun@cloudcorp.example', '*@cloudcorp.example'));
    assert.ok(matchPattern('ab', 'a?'));
    assert.ok(!matchPattern('abc', 'a?'));
    assert.ok(matchPattern('', '*'));
    assert.ok(!matchPattern('arjun@cloudcorp.example.evil', '*@cloudcorp.example'));
    assert.ok(matchPatternList('mei@sec.x', '*@sec.x,!intern@sec.x'));
    assert.ok(!matchPatternList('intern@sec.x', '*@sec.x,!intern@sec.x'));
    assert.ok(!matchPatternList('intern@sec.x', '!intern@sec.x'));
  });

  it('does not backtrack exponentially', () => {
    const start = performance.now();
    assert.ok(!matchPattern('a'.repeat(5000), `${'*a'.repeat(200)}b`));
    assert.ok(performance.now() - start < 2000);
  });
});

describe('findSigner agrees with ssh-keygen -Y verify', () => {
  const dir = tempDir('signers');
  let a: TestKey;
  let b: TestKey;
  let sigA: string;
  const message = '{"id":"OVR-1"}';
  before(() => {
    a = makeKey(dir, 'a');
    b = makeKey(dir, 'b', ['-t', 'ecdsa', '-b', '384']);
    sigA = sshSign(a, message);
  });

  const now = new Date();
  const cases: Array<{ name: string; line: (a: TestKey, b: TestKey) => string; principal: string; ok: boolean; reason?: RegExp }> = [
    { name: 'exact principal', line: (a) => `arjun@cc.example ${a.publicKey}`, principal: 'arjun@cc.example', ok: true },
    { name: 'other principal', line: (a) => `mei@cc.example ${a.publicKey}`, principal: 'arjun@cc.example', ok: false, reason: /approver mismatch/ },
    { name: 'wildcard principal', line: (a) => `*@cc.example ${a.publicKey}`, principal: 'arjun@cc.example', ok: true },
    { name: 'negated principal', line: (a) => `*@cc.example,!arjun@cc.example ${a.publicKey}`, principal: 'arjun@cc.example', ok: false, reason: /approver mismatch/ },
    { name: 'other key', line: (_a, b) => `arjun@cc.example ${b.publicKey}`, principal: 'arjun@cc.example', ok: false, reason: /untrusted signer/ },
    { name: 'namespace allowed', line: (a) => `arjun@cc.example namespaces="git,mcp-gate-override" ${a.publicKey}`, principal: 'arjun@cc.example', ok: true },
    { name: 'namespace wildcard', line: (a) => `arjun@cc.example namespaces="mcp-gate-*" ${a.publicKey}`, principal: 'arjun@cc.example', ok: true },
    { name: 'namespace excluded', line: (a) => `arjun@cc.example namespaces="git" ${a.publicKey}`, principal: 'arjun@cc.example', ok: false, reason: /namespace/ },
    { name: 'not yet valid', line: (a) => `arjun@cc.example valid-after="20990101Z" ${a.publicKey}`, principal: 'arjun@cc.example', ok: false, reason: /not valid at/ },
    { name: 'no longer valid', line: (a) => `arjun@cc.example valid-before="20200101Z" ${a.publicKey}`, principal: 'arjun@cc.example', ok: false, reason: /not valid at/ },
    { name: 'inside the window', line: (a) => `arjun@cc.example valid-after="20200101Z",valid-before="20990101Z" ${a.publicKey}`, principal: 'arjun@cc.example', ok: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const text = `${c.line(a, b)}\n`;
      const { signers, problems } = parseAllowedSigners(text);
      assert.deepEqual(problems, []);
      const sig = parseArmoredSignature(sigA);
      const verdict = findSigner(signers, sig.publicKey, c.principal, OVERRIDE_NAMESPACE, now);
      assert.equal(verdict.ok, c.ok, JSON.stringify(verdict));
      if (!verdict.ok && c.reason) assert.match(verdict.reason, c.reason);
      assert.equal(sshVerify(text, c.principal, OVERRIDE_NAMESPACE, message, sigA, dir), c.ok, 'ssh-keygen -Y verify disagrees');
    });
  }
});
