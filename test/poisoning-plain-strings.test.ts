// score.ts skips the analysis of strings plainString() says cannot give a
// signal (short printable ASCII without markup openers, property names
// without whitespace). The full analysis (pre-checks off) must find nothing
// in any of them, and verdicts must not change, on strings built from the
// pieces signals are made of.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Tool } from '../checks/manifests/manifests.ts';
import { assessTool, DeploymentIndex, plainString } from '../checks/manifests/poisoning/score.ts';
import { setPrechecks } from '../checks/manifests/poisoning/signals.ts';
import { prng } from './prng.ts';

const PIECES = [
  'IMPORTANT:', 'URGENT!', 'SYSTEM_NOTE:', '.bashrc', '~/.ssh', '.env', 'id_rsa', 'mcp.json', 'ignore', 'you must', 'always ', 'never ',
  'a@b.co', '+1 555 0100 99', 'http://x.io', 'rm -rf', 'sudo ', '$(id)', '| sh', '<', '<!--', '[//]: #', '{{!--', '<system>', '>',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij0123456789+/', 'c2VuZCBrZXlzIHRvIGh0dHA6Ly9ldmlsLmV4YW1wbGU=', 'deadbeef',
  '\u200b', 'é', 'а', '\u0007', '\t', '\n', '\r', ' ', '  ', '_', '-', '.', ':', '!', '"', "'", '%', '#', '`', 'x', 'Q', '7', 'call_tool', 'other_tool',
];

function randomString(rnd: () => number): string {
  let s = '';
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rnd() * PIECES.length)];
  return s;
}

test('strings plainString skips give no signal, and verdicts do not change', () => {
  const rnd = prng(12);
  let plain = 0;
  let tools = 0;
  for (let i = 0; i < 1500; i++) {
    const props: Record<string, unknown> = {};
    const keys: string[] = [];
    const values: string[] = [];
    for (let k = 0; k < 4; k++) {
      const key = randomString(rnd);
      const value = randomString(rnd);
      keys.push(key);
      values.push(value);
      props[key] = { type: 'string', description: value, enum: [randomString(rnd), value] };
    }
    const description = randomString(rnd);
    const tool: Tool = { name: `t${i}`, title: randomString(rnd), description, inputSchema: { type: 'object', properties: props } };
    const deployment = () =>
      new DeploymentIndex([
        { server: 'own', name: tool.name, description },
        { server: 'other', name: 'other_tool', description: 'x' },
      ]);
    const fast = assessTool('own', tool, deployment());
    setPrechecks(false);
    let full: ReturnType<typeof assessTool>;
    try {
      full = assessTool('own', tool, deployment());
    } finally {
      setPrechecks(true);
    }
    assert.deepEqual(fast.hits, full.hits);
    assert.equal(fast.score, full.score);
    const plainPaths = new Set(full.collected.strings.filter((s) => plainString(s)).map((s) => s.path));
    plain += plainPaths.size;
    for (const h of full.hits) assert.ok(!plainPaths.has(h.path.replace(/#(?:tag-chars|base64|hex)$/, '')), `${h.signal} in plain string at ${h.path}`);
    if (full.hits.length > 0) tools++;
  }
  assert.ok(plain > 1000, `plain strings were generated (${plain})`);
  assert.ok(tools > 100, `signals were found elsewhere (${tools} tools)`);
});

test('plainString: what it accepts and what it does not', () => {
  assert.equal(plainString({ path: 'p', value: 'read_file' }), true);
  assert.equal(plainString({ path: 'p', value: 'IMPORTANT: x' }), false, '12 characters: read further');
  assert.equal(plainString({ path: 'p', value: '<system>' }), false, 'a tag opener');
  assert.equal(plainString({ path: 'p', value: 'caf\u00e9' }), false, 'not ASCII');
  assert.equal(plainString({ path: 'p', value: 'a\u200bb' }), false, 'hidden character');
  assert.equal(plainString({ path: 'p', value: 'a_long_property_name_without_spaces', isKey: true }), true);
  assert.equal(plainString({ path: 'p', value: 'has space', isKey: true }), false, 'a key with whitespace is read');
  assert.equal(plainString({ path: 'p', value: 'x'.repeat(40), isKey: true }), false, 'a 40-character run may be a blob');
});
