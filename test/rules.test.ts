// One record per rule (src/rules/catalog.ts), and the checks keep to it:
// every rule is declared and produced by some check, every check produces
// only the rules it declares, and each finding sits where its rule's scope
// says. The rule fixtures (test/fixtures/rules/<anchor>/) are the positive
// case of each rule that the repository alone can show.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_CHECKS } from '../checks/index.ts';
import { readConfig } from '../src/config/load.ts';
import { STAGE_RULES } from '../src/gate/engine.ts';
import { runCheck } from '../src/gate/run-check.ts';
import { docsAnchor, isRuleId, RULE_IDS, type RuleId, ruleRecord } from '../src/rules/catalog.ts';
import type { CheckContext, RawFinding } from '../src/types.ts';
import { Workspace } from '../src/workspace/workspace.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/rules');
const NOW = new Date('2026-12-01T00:00:00Z');

/** Rules only a live server, a signed override or a base revision can show, and the test that shows each. */
const SHOWN_ELSEWHERE: Partial<Record<RuleId, string>> = {
  'auth/not-enforced': 'probe-endpoint.test.ts',
  'tls/plaintext-accepted': 'probe-endpoint.test.ts',
  'tls/weak-protocol': 'probe-endpoint.test.ts',
  'tls/cert-expiring': 'probe-endpoint.test.ts',
  'netpol/not-deployed': 'netpol-live.test.ts',
  'runtime/path-traversal': 'probe-behaviour.test.ts',
  'runtime/input-not-validated': 'probe-behaviour.test.ts',
  'runtime/credential-in-output': 'probe-behaviour.test.ts',
  'runtime/error-detail-leak': 'probe-behaviour.test.ts',
  'override/invalid': 'overrides.test.ts',
  'override/expired': 'overrides.test.ts',
  'override/expiring': 'overrides.test.ts',
  'override/stale': 'overrides.test.ts',
  'gate/policy-changed': 'base-policy.test.ts',
};

/** Every check run on one fixture directory, each check's findings apart. */
async function runAll(dir: string): Promise<Map<string, RawFinding[]>> {
  const root = join(FIXTURES, dir);
  const { config, configFile } = readConfig(root);
  const ctx: CheckContext = { root, config, ...(configFile ? { configFile } : {}), workspace: new Workspace(root), signal: new AbortController().signal, now: NOW, env: {} };
  const out = new Map<string, RawFinding[]>();
  for (const check of ALL_CHECKS) out.set(check.id, (await runCheck(check, ctx)).findings);
  return out;
}

const fixtureDirs = readdirSync(FIXTURES).filter((d) => !d.includes('.'));

test('every rule is declared by a check or an engine stage, and every declared rule is in the catalog', () => {
  const declared = new Set<string>([...STAGE_RULES, ...ALL_CHECKS.flatMap((c) => c.rules)]);
  for (const id of declared) assert.ok(isRuleId(id), `${id} is not in the catalog`);
  assert.deepEqual(RULE_IDS.filter((id) => !declared.has(id)), []);
});

test('every rule has a fixture that produces it, or names the test that does', () => {
  for (const id of RULE_IDS) {
    const elsewhere = SHOWN_ELSEWHERE[id];
    const dir = docsAnchor(id);
    if (elsewhere) {
      assert.ok(!existsSync(join(FIXTURES, dir)), `${id}: both a fixture and ${elsewhere}`);
      assert.ok(readFileSync(join(import.meta.dirname, elsewhere), 'utf8').includes(`'${id}'`), `${elsewhere} does not test ${id}`);
    } else assert.ok(fixtureDirs.includes(dir), `${id}: no fixture directory test/fixtures/rules/${dir}`);
  }
});

for (const dir of fixtureDirs) {
  test(`fixture ${dir}: its rule is produced, by checks that declare it, where its scope says`, async () => {
    const byCheck = await runAll(dir);
    const produced = new Set<string>();
    for (const check of ALL_CHECKS) {
      for (const f of byCheck.get(check.id) ?? []) {
        produced.add(f.ruleId);
        assert.ok(check.rules.includes(f.ruleId), `check ${check.id} produced ${f.ruleId}, which it does not declare`);
        const { resource, container } = f.location;
        switch (ruleRecord(f.ruleId).scope) {
          case 'container':
            assert.ok(resource && container, `${f.ruleId} without resource and container`);
            break;
          case 'pod':
          case 'workload':
            assert.ok(resource && container === undefined, `${f.ruleId} should sit on the workload: ${JSON.stringify(f.location)}`);
            break;
          case 'server':
            assert.ok(resource?.startsWith('McpServer/'), `${f.ruleId}: ${JSON.stringify(f.location)}`);
            break;
          case 'tool':
            assert.ok(resource?.startsWith('McpServer/') && container, `${f.ruleId}: ${JSON.stringify(f.location)}`);
            break;
        }
      }
    }
    if (dir === 'k8s-hardened') {
      const hardening = [...produced].filter((r) => r.startsWith('k8s/') || r.startsWith('netpol/'));
      assert.deepEqual(hardening, [], 'the hardened workload and its policy pass every k8s and netpol rule');
    } else assert.ok(produced.has(dir.replace('-', '/')), `${dir} did not produce its rule; got ${[...produced].join(', ')}`);
  });
}
