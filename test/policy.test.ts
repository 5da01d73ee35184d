import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULE_IDS, RULES } from '../src/rules/catalog.ts';
import { blocksUnder, decide, effectiveSeverity, exitCodeFor, flagNotes, resolvePolicy } from '../src/gate/policy.ts';
import type { Finding } from '../src/types.ts';

test('no config means warn mode, rollout 1', () => {
  assert.deepEqual(resolvePolicy({}), { mode: 'warn', rollout: 1, severities: {}, failOn: 'all' });
});

test('enforce defaults to rollout 3; flags win over the file', () => {
  assert.equal(resolvePolicy({ mode: 'enforce' }).rollout, 3);
  const p = resolvePolicy({ mode: 'enforce', rollout: 3 }, { rollout: 2 });
  assert.equal(p.rollout, 2);
  assert.equal(resolvePolicy({ mode: 'enforce' }, { mode: 'warn' }).mode, 'warn');
});

test('a blocking rollout phase without a mode implies enforce', () => {
  assert.equal(resolvePolicy({ rollout: 2 }).mode, 'enforce');
  assert.equal(resolvePolicy({ rollout: 1 }).mode, 'warn');
});

test('warn mode and rollout 1 block nothing', () => {
  for (const rule of RULE_IDS) {
    assert.equal(blocksUnder({ mode: 'warn', rollout: 3, severities: {}, failOn: 'all' }, rule), false);
    assert.equal(blocksUnder({ mode: 'enforce', rollout: 1, severities: {}, failOn: 'all' }, rule), false);
  }
});

test('rollout 2 blocks exactly the three critical rules, plus check-failed (fail closed)', () => {
  const p = { mode: 'enforce' as const, rollout: 2 as const, severities: {}, failOn: 'all' as const };
  const blocking = RULE_IDS.filter((r) => blocksUnder(p, r)).sort();
  assert.deepEqual(blocking, ['auth/not-enforced', 'gate/check-failed', 'k8s/run-as-root', 'secret/exposed']);
});

test('rollout 3 blocks every rule (severity decides)', () => {
  const p = { mode: 'enforce' as const, rollout: 3 as const, severities: {}, failOn: 'all' as const };
  assert.ok(RULE_IDS.every((r) => blocksUnder(p, r)));
});

test('per-rule severity from config, including off', () => {
  const p = resolvePolicy({ rules: { 'k8s/no-seccomp': { severity: 'block' }, 'k8s/privileged': { severity: 'off' } } });
  assert.equal(effectiveSeverity(p, 'k8s/no-seccomp', undefined), 'block');
  assert.equal(effectiveSeverity(p, 'k8s/privileged', undefined), undefined);
  assert.equal(effectiveSeverity(p, 'k8s/secret-in-env', 'warning'), 'warning');
  assert.equal(effectiveSeverity(p, 'k8s/run-as-root', undefined), RULES['k8s/run-as-root'].defaultSeverity);
});

test('decision and exit code', () => {
  const f = (over: Partial<Finding>): Finding => ({
    ruleId: 'k8s/privileged',
    severity: 'block',
    blocking: false,
    status: 'open',
    message: '',
    location: {},
    fingerprint: 'x',
    remediation: '',
    ...over,
  });
  assert.equal(decide([]), 'pass');
  assert.equal(decide([f({ status: 'overridden' })]), 'pass');
  assert.equal(decide([f({})]), 'warn');
  assert.equal(decide([f({}), f({ blocking: true })]), 'block');
  assert.equal(exitCodeFor('block'), 1);
  assert.equal(exitCodeFor('warn'), 0);
  assert.equal(exitCodeFor('pass'), 0);
});

test('a --rollout 2|3 flag wins over the config mode warn; --mode still wins over both', () => {
  assert.deepEqual(resolvePolicy({ mode: 'warn' }, { rollout: 2 }), { mode: 'enforce', rollout: 2, severities: {}, failOn: 'all' });
  assert.equal(resolvePolicy({ mode: 'warn' }, { rollout: 2, mode: 'warn' }).mode, 'warn');
  assert.equal(resolvePolicy({ mode: 'warn' }, { rollout: 1 }).mode, 'warn');
  assert.equal(resolvePolicy({ mode: 'enforce', rollout: 1 }, { mode: 'enforce' }).rollout, 1);
});

test('flagNotes names each flag that contradicts the config, and nothing otherwise', () => {
  assert.deepEqual(flagNotes({ mode: 'warn' }, { rollout: 3 }, 'c.yml'), ['--rollout 3 wins over mode: warn of c.yml: enforced at rollout 3 (add --mode warn to report only)']);
  assert.deepEqual(flagNotes({ mode: 'enforce', rollout: 3 }, { mode: 'warn', rollout: 2 }, 'c.yml'), ['--mode warn wins over mode: enforce of c.yml', '--rollout 2 wins over rollout: 3 of c.yml']);
  assert.deepEqual(flagNotes({ rollout: 1 }, { mode: 'enforce' }, 'c.yml'), ['--mode enforce keeps rollout: 1 of c.yml, which reports only: nothing blocks (add --rollout 2 or 3 to block)']);
  assert.deepEqual(flagNotes({ mode: 'enforce', rollout: 2 }, { mode: 'enforce', rollout: 2 }, 'c.yml'), []);
  assert.deepEqual(flagNotes({}, { rollout: 2 }, 'c.yml'), []);
});
