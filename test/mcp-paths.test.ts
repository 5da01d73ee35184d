// mcp.paths: every manifest file found is a server of its own with a
// non-empty id (`<id>.tools.json` gives id, any other name its path), and two
// files that claim one id are a gate/check-failed, never one silently dropped.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { manifestLintCheck } from '../checks/manifests/lint-check.ts';
import { loadManifests, serverIdOf } from '../checks/manifests/manifests.ts';
import { runGate } from '../src/gate/engine.ts';
import type { CheckContext, Report } from '../src/types.ts';
import { Workspace } from '../src/workspace/workspace.ts';
import { tempRepo } from './temp-repo.ts';

const POISONED = readFileSync(new URL('fixtures/rules/manifest-poisoned/mcp/notes.tools.json', import.meta.url), 'utf8');
const CLEAN = JSON.stringify({ tools: [{ name: 'get_weather', description: 'Current weather for a city.', inputSchema: { type: 'object', properties: { city: { type: 'string', maxLength: 100 } }, required: ['city'], additionalProperties: false } }] });

async function servers(root: string, paths?: string[]) {
  const ctx = { root, config: paths ? { mcp: { paths } } : {}, workspace: new Workspace(root), signal: new AbortController().signal, now: new Date(), env: {} } as CheckContext;
  return loadManifests(ctx);
}

const lint = (root: string): Promise<Report> => runGate({ root, checks: [manifestLintCheck], env: {}, now: new Date('2026-11-21T00:00:00Z') });

test('mcp.paths naming mcp/a/tools.json and mcp/b/tools.json gives two servers, mcp/a and mcp/b, and the poisoned tool in b is reported', async () => {
  const root = tempRepo('mcp-paths', { 'mcp/a/tools.json': CLEAN, 'mcp/b/tools.json': POISONED, '.mcp-gate.yml': 'mcp:\n  paths: ["mcp/*/tools.json"]\n' });
  const set = await servers(root, ['mcp/*/tools.json']);
  assert.deepEqual(set.servers.map((s) => [s.id, s.file]), [['mcp/a', 'mcp/a/tools.json'], ['mcp/b', 'mcp/b/tools.json']]);
  assert.deepEqual(set.problems, []);
  const r = await lint(root);
  const poisoned = r.findings.filter((f) => f.ruleId === 'manifest/poisoned');
  assert.ok(poisoned.length >= 1);
  assert.ok(poisoned.every((f) => f.location.file === 'mcp/b/tools.json' && f.location.resource === 'McpServer/mcp/b'));
});

test('server ids: <id>.tools.json gives id; tools.json its directory; any other JSON its path without .json; never empty', () => {
  assert.equal(serverIdOf('mcp/weather.tools.json'), 'weather');
  assert.equal(serverIdOf('mcp/a/tools.json'), 'mcp/a');
  assert.equal(serverIdOf('mcp/a/.tools.json'), 'mcp/a');
  assert.equal(serverIdOf('tools.json'), 'tools');
  assert.equal(serverIdOf('.tools.json'), 'tools');
  assert.equal(serverIdOf('servers/github.json'), 'servers/github');
});

test('two manifests that claim one id: the second is a gate/check-failed naming both files, not dropped silently', async () => {
  const root = tempRepo('mcp-collide', { 'team-a/notes.tools.json': CLEAN, 'team-b/notes.tools.json': POISONED });
  const set = await servers(root);
  assert.deepEqual(set.servers.map((s) => s.file), ['team-a/notes.tools.json']);
  assert.equal(set.problems.length, 1);
  assert.equal(set.problems[0]?.ruleId, 'gate/check-failed');
  assert.equal(set.problems[0]?.location.file, 'team-b/notes.tools.json');
  assert.match(set.problems[0]?.message ?? '', /MCP server id "notes" of manifest team-b\/notes\.tools\.json is already taken by team-a\/notes\.tools\.json/);
});

test('a discovered manifest whose id a configured server already has is a collision too', async () => {
  const root = tempRepo('mcp-collide-config', { 'pinned/weather.json': CLEAN, 'mcp/weather.tools.json': POISONED });
  const ctx = {
    root,
    config: { mcp: { servers: [{ id: 'weather', manifest: 'pinned/weather.json' }] } },
    workspace: new Workspace(root),
    signal: new AbortController().signal,
    now: new Date(),
    env: {},
  } as CheckContext;
  const set = await loadManifests(ctx);
  assert.deepEqual(set.servers.map((s) => s.id), ['weather']);
  assert.match(set.problems[0]?.message ?? '', /"weather" of manifest mcp\/weather\.tools\.json is already taken by pinned\/weather\.json/);
});

test('a symlink to a manifest is the same server, not a collision', async () => {
  const root = tempRepo('mcp-symlink', { 'mcp/weather.tools.json': CLEAN });
  mkdirSync(join(root, 'alias'));
  symlinkSync('../mcp/weather.tools.json', join(root, 'alias/weather.tools.json'));
  const set = await servers(root);
  assert.deepEqual(set.servers.map((s) => s.file), ['alias/weather.tools.json']);
  assert.deepEqual(set.problems, []);
});

test('a configured manifest that is a symlink to /dev/zero is refused at once as gate/check-failed', async () => {
  const root = tempRepo('mcp-zero', {});
  mkdirSync(join(root, 'mcp'));
  symlinkSync('/dev/zero', join(root, 'mcp/zero.tools.json'));
  const ctx = {
    root,
    config: { mcp: { servers: [{ id: 'zero', manifest: 'mcp/zero.tools.json' }] } },
    workspace: new Workspace(root),
    signal: new AbortController().signal,
    now: new Date(),
    env: {},
  } as CheckContext;
  const start = performance.now();
  const set = await loadManifests(ctx);
  assert.ok(performance.now() - start < 10_000);
  assert.deepEqual(set.servers, []);
  assert.match(set.problems[0]?.message ?? '', /MCP server "zero": manifest mcp\/zero\.tools\.json: is a symlink that leaves the repository \(to \/dev\/zero\)/);
});
