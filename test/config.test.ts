import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseConfigText } from '../src/config/load.ts';
import { didYouMean } from '../src/util/did-you-mean.ts';
import { UsageError } from '../src/util/errors.ts';

const fixture = (name: string) => readFileSync(new URL(`fixtures/config/${name}`, import.meta.url), 'utf8');

function errorOf(name: string): string {
  try {
    parseConfigText(fixture(name), name);
  } catch (err) {
    assert.ok(err instanceof UsageError, `expected UsageError, got ${err}`);
    assert.ok(!err.message.includes('\n'), 'one line');
    return err.message;
  }
  assert.fail(`${name} was accepted`);
}

test('a valid config parses with every section', () => {
  const c = parseConfigText(fixture('valid.yml'), 'valid.yml');
  assert.equal(c.mode, 'enforce');
  assert.equal(c.rollout, 2);
  assert.deepEqual(c.kubernetes?.paths, ['deploy/**/*.yaml']);
  assert.equal(c.mcp?.servers?.[0]?.id, 'filesystem');
  assert.equal(c.rules?.['k8s/sa-token-automount']?.severity, 'off');
});

test('an unknown key names file, line and key, with a suggestion', () => {
  assert.equal(errorOf('typo-key.yml'), 'typo-key.yml:3: unknown key "kubernetes.agentRuntme" (did you mean "agentRuntime"?)');
});

test('a wrong type names the key and its line', () => {
  const msg = errorOf('wrong-type.yml');
  assert.match(msg, /^wrong-type\.yml:2: rollout: /);
});

test('a bad enum value suggests the closest one', () => {
  assert.equal(errorOf('bad-enum.yml'), 'bad-enum.yml:1: mode: expected one of "warn", "enforce" (did you mean "enforce"?)');
});

test('an unknown rule id is rejected with a suggestion', () => {
  const msg = errorOf('bad-rule.yml');
  assert.match(msg, /^bad-rule\.yml:2: unknown rule "rules\.k8s\/run-as-rot" \(did you mean "k8s\/run-as-root"\?\)$/);
});

test('invalid YAML names file and line', () => {
  assert.match(errorOf('bad-yaml.yml'), /^bad-yaml\.yml:\d+: invalid YAML: /);
});

test('a server with two sources is rejected', () => {
  assert.match(errorOf('server-two-sources.yml'), /^server-two-sources\.yml:\d+: mcp\.servers\.0: a server needs exactly one of manifest, command, url$/);
});

test('an empty config is the default config', () => {
  assert.deepEqual(parseConfigText('', 'empty.yml'), {});
  assert.deepEqual(parseConfigText('# only a comment\n', 'c.yml'), {});
});

test('a config that is not a mapping is rejected', () => {
  assert.throws(() => parseConfigText('- a\n- b\n', 'list.yml'), /list\.yml:1: \(root\): /);
});

test('didYouMean only suggests close matches', () => {
  assert.equal(didYouMean('rollot', ['mode', 'rollout']), 'rollout');
  assert.equal(didYouMean('zzzzzz', ['mode', 'rollout']), undefined);
});

test('every problem of a config is reported in one run, in file order, each with file:line and key', () => {
  let message = '';
  try {
    parseConfigText(fixture('many-problems.yml'), 'many-problems.yml');
  } catch (err) {
    assert.ok(err instanceof UsageError);
    message = err.message;
  }
  assert.deepEqual(message.split('\n'), [
    'many-problems.yml:1: mode: expected one of "warn", "enforce" (did you mean "enforce"?)',
    'many-problems.yml:2: rollout: Invalid input',
    'many-problems.yml:4: unknown key "kubernetes.pahts" (did you mean "paths"?)',
    'many-problems.yml:5: unknown key "kubernetes.exlude" (did you mean "exclude"?)',
    'many-problems.yml:7: secrets.scan: Invalid input: expected boolean, received string',
    'many-problems.yml:9: unknown rule "rules.k8s/run-as-rot" (did you mean "k8s/run-as-root"?)',
  ]);
});
