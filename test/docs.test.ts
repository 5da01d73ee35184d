import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { z } from 'zod';
import { load } from 'js-yaml';
import { configSchema } from '../src/config/schema.ts';
import { withRulesTable } from '../scripts/gen-docs.ts';
import { rulesDocument } from '../src/rules/describe.ts';

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');

test("README's first code block is the demo and the test command", () => {
  const block = /^```\n([\s\S]*?)\n```/m.exec(read('README.md'))?.[1]?.split('\n');
  assert.deepEqual(block, ['node dist/cli.js check examples/insecure', 'npm ci && npm test']);
});

test('README rule table is generated from the catalog (npm run docs)', () => {
  const readme = read('README.md');
  assert.equal(readme, withRulesTable(readme));
});

test('docs/rules.md is generated from the catalog (npm run docs)', () => {
  assert.equal(read('docs/rules.md'), rulesDocument());
});

test('schema/mcp-gate.schema.json is generated from the config schema (npm run schema)', () => {
  const published = JSON.parse(read('schema/mcp-gate.schema.json'));
  const fresh = z.toJSONSchema(configSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  assert.deepEqual(published.properties, fresh.properties);
  assert.equal(published.additionalProperties, false);
});

test('action.yml declares the inputs and outputs of SPEC.md and runs on node24', () => {
  const action = load(read('action.yml')) as { inputs: object; outputs: object; runs: { using: string; main: string } };
  assert.equal(action.runs.using, 'node24');
  assert.equal(action.runs.main, 'dist/index.js');
  for (const input of ['path', 'config', 'mode', 'rollout', 'base-ref', 'sarif-file', 'json-file', 'comment', 'github-token', 'endpoint-token', 'siem-token', 'kubeconfig'])
    assert.ok(input in action.inputs, input);
  for (const output of ['decision', 'blocked', 'block-count', 'warning-count', 'overridden-count', 'sarif-file', 'json-file'])
    assert.ok(output in action.outputs, output);
});
