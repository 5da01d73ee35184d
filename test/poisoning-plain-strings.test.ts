// score.ts skips the analysis of strings plainString() says cannot give a
// signal (short printable ASCII without markup openers, property names
// without whitespace). Their full analysis, run here, must find nothing a
// signal is reported from, on strings built from the pieces signals are made
// of.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Tool } from '../checks/manifests/manifests.ts';
import { analyse, spacedOf } from '../checks/manifests/poisoning/analysis.ts';
import { assessTool, DeploymentIndex, OVERSIZED_CHARS, plainString } from '../checks/manifests/poisoning/score.ts';
import type { ToolString } from '../checks/manifests/poisoning/strings.ts';
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

/**
 * What a string's own analysis gives scanString to report: hidden or
 * confusable characters, size, padding, markup, a blob to decode, or text
 * long enough (and, for a property name, spaced) to be read for instructions.
 */
function findings(str: ToolString): string[] {
  const a = analyse(str.value);
  const { norm, ws } = a;
  const out: string[] = [];
  if (norm.hidden.length > 0 || norm.tagText !== '') out.push('hidden');
  if (norm.confusables.length > 0) out.push('confusable');
  if (norm.text.length > OVERSIZED_CHARS) out.push('oversized');
  if (ws.longest >= 80 || ws.blankLines >= 12) out.push('whitespace');
  if (a.tag >= 0 || a.comment >= 0) out.push('markup');
  if (ws.longestToken >= 40) out.push('blob');
  if (norm.text.length >= 12 && !(str.isKey && !spacedOf(a))) out.push('read');
  return out;
}

test('strings plainString skips give no signal: their full analysis finds nothing to report', () => {
  const rnd = prng(12);
  let plain = 0;
  let found = 0;
  for (let i = 0; i < 1500; i++) {
    const props: Record<string, unknown> = {};
    for (let k = 0; k < 4; k++) {
      const value = randomString(rnd);
      props[randomString(rnd)] = { type: 'string', description: value, enum: [randomString(rnd), value] };
    }
    const description = randomString(rnd);
    const tool: Tool = { name: `t${i}`, title: randomString(rnd), description, inputSchema: { type: 'object', properties: props } };
    const { collected } = assessTool('own', tool, new DeploymentIndex([{ server: 'own', name: tool.name, description }]));
    for (const s of collected.strings) {
      if (plainString(s)) {
        assert.deepEqual(findings(s), [], JSON.stringify(s));
        plain++;
      } else if (findings(s).length > 0) found++;
    }
  }
  assert.ok(plain > 1000, `plain strings were generated (${plain})`);
  assert.ok(found > 1000, `the other strings have findings (${found})`);
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
