// Tool manifests no canonical JSON can hold (test/fixtures/manifest/bounds):
// 1e400 (Infinity after JSON.parse), nesting beyond 512 levels. Before,
// `manifest pin|diff` ended with "internal error" and `check` lost the whole
// manifest check without file or line. Now: one line and exit 2 naming file,
// line, tool and field; in `check` one gate/check-failed for that tool while
// the other servers are still verified against their pins.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { manifestIntegrityCheck } from '../checks/manifests/integrity-check.ts';
import { LOCKFILE } from '../checks/manifests/lockfile.ts';
import { runGate } from '../src/gate/engine.ts';
import type { Finding } from '../src/types.ts';
import { runCli, STACK_FRAME } from './cli-run.ts';
import { tempRepo } from './temp-repo.ts';

const BOUNDS = resolve('test/fixtures/manifest/bounds');
const fixture = (f: string) => readFileSync(join(BOUNDS, f), 'utf8');
const memory = readFileSync(resolve('test/fixtures/shared/mcp/benign/server-memory.json'), 'utf8');

/** The one-line refusal: no stack, no "internal error", exit 2. */
function assertRefused(r: { code: number; stderr: string }, line: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  assert.doesNotMatch(r.stderr, /internal error/);
  assert.doesNotMatch(r.stderr, STACK_FRAME);
  assert.match(r.stderr.trimEnd(), line);
}

test('a tool manifest with 1e400: manifest pin exits 2 naming file, line, tool and field, and writes nothing', async () => {
  const root = tempRepo('bounds', { 'mcp/catalogue.tools.json': fixture('non-finite.json'), 'mcp/memory.tools.json': memory });
  const r = await runCli(['manifest', 'pin', root]);
  assertRefused(
    r,
    /^mcp-gate: mcp\/catalogue\.tools\.json:4: MCP server "catalogue": tool "search" cannot be hashed: non-finite number Infinity .* at \/inputSchema\/properties\/limit\/maximum; nothing written$/,
  );
  assert.equal(existsSync(join(root, LOCKFILE)), false);
});

test('a tool manifest nested 600 deep: manifest pin and manifest diff exit 2 with the pointer shortened', async () => {
  const root = tempRepo('bounds', { 'mcp/nest.tools.json': fixture('deep.json') });
  const line = /^mcp-gate: mcp\/nest\.tools\.json:2: MCP server "nest": tool "nest" cannot be hashed: nesting deeper than 512 levels at \/annotations\/meta(\/x)+\/…(\/x)+ \(depth 512\)/;
  assertRefused(await runCli(['manifest', 'pin', root]), line);
  // diff against a real pin of an earlier, valid version.
  writeFileSync(join(root, 'mcp/nest.tools.json'), '{"tools": [{"name": "nest", "description": "Deeply nested."}]}');
  assert.equal((await runCli(['manifest', 'pin', root])).code, 0);
  writeFileSync(join(root, 'mcp/nest.tools.json'), fixture('deep.json'));
  const d = await runCli(['manifest', 'diff', root]);
  assertRefused(d, line);
  assert.doesNotMatch(d.stderr, /nothing written/);
});

test('variants: -1e400 in an enum and arrays nested 5,000 deep name the element', async () => {
  const enumRoot = tempRepo('bounds', { 'mcp/rank.tools.json': fixture('negative-infinity-enum.json') });
  assertRefused(await runCli(['manifest', 'pin', enumRoot]), /tool "rank" cannot be hashed: non-finite number -Infinity .* at \/inputSchema\/properties\/order\/enum\/1;/);
  const arrays = tempRepo('bounds', { 'mcp/arrays.tools.json': fixture('deep-array.json') });
  assertRefused(await runCli(['manifest', 'pin', arrays]), /^mcp-gate: mcp\/arrays\.tools\.json:3: MCP server "arrays": tool "arrays" cannot be hashed: nesting deeper than 512 levels at \/_meta\/0\/0\//);
});

async function check(root: string): Promise<Finding[]> {
  return (await runGate({ root, checks: [manifestIntegrityCheck], env: {} })).findings;
}

test('check: a pinned server whose manifest now holds 1e400 is one gate/check-failed at its file, line and tool; the other server is still verified', async () => {
  const root = tempRepo('bounds', { 'mcp/catalogue.tools.json': fixture('non-finite.json').replace('1e400', '100'), 'mcp/memory.tools.json': memory });
  assert.equal((await runCli(['manifest', 'pin', root])).code, 0);
  writeFileSync(join(root, 'mcp/catalogue.tools.json'), fixture('non-finite.json'));
  // The other server drifts too: it must still be reported.
  writeFileSync(join(root, 'mcp/memory.tools.json'), memory.replace('Read the entire knowledge graph', 'Read the whole knowledge graph'));
  const findings = await check(root);
  const failed = findings.filter((f) => f.ruleId === 'gate/check-failed');
  assert.equal(failed.length, 1, JSON.stringify(failed));
  assert.deepEqual(failed[0]?.location, { file: 'mcp/catalogue.tools.json', line: 4, resource: 'McpServer/catalogue', container: 'search' });
  assert.match(failed[0]?.message ?? '', /tool "search" cannot be hashed: non-finite number Infinity .* at \/inputSchema\/properties\/limit\/maximum; its pin cannot be verified/);
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'manifest/tampered').map((f) => f.location.resource),
    ['McpServer/memory'],
  );
});

test('check variants: nesting in a dynamic field with allowed values, and a deep tool beside a clean one', async () => {
  const root = tempRepo('bounds', {
    '.mcp-gate.yml': 'mcp:\n  servers:\n    - id: rank\n      manifest: mcp/rank.tools.json\n      dynamic:\n        - tool: rank\n          field: /inputSchema/properties/order/enum\n          allowed: [[1, -1]]\n',
    'mcp/rank.tools.json': fixture('negative-infinity-enum.json').replace('-1e400', '-1'),
  });
  assert.equal((await runCli(['manifest', 'pin', root])).code, 0);
  writeFileSync(join(root, 'mcp/rank.tools.json'), fixture('negative-infinity-enum.json'));
  const [f] = (await runGate({ root, checks: [manifestIntegrityCheck], env: {} })).findings;
  assert.equal(f?.ruleId, 'gate/check-failed');
  assert.match(f?.message ?? '', /tool "rank" cannot be hashed: non-finite number -Infinity .* at \/inputSchema\/properties\/order\/enum\/1/);
  assert.equal(f?.location.container, 'rank');

  const two = tempRepo('bounds', { 'mcp/arrays.tools.json': fixture('deep-array.json').replace(/\[+\]+/, '[]') });
  assert.equal((await runCli(['manifest', 'pin', two])).code, 0);
  writeFileSync(join(two, 'mcp/arrays.tools.json'), fixture('deep-array.json'));
  const found = await check(two);
  assert.deepEqual(found.map((x) => `${x.ruleId} ${x.location.container ?? ''}`), ['gate/check-failed arrays']);
});
