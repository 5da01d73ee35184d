// manifest/permissive-schema: untyped parameters, unbounded strings, open
// objects, missing required, untyped array items; on hand-written schemas and
// on the real captured servers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lintInputSchema, type SchemaProblem } from '../checks/manifests/schema-lint.ts';

const kinds = (ps: SchemaProblem[]) => ps.map((p) => `${p.kind}:${p.param}`).sort();

test('a tight schema has no problem', () => {
  assert.deepEqual(
    lintInputSchema({
      type: 'object',
      properties: {
        table: { type: 'string', enum: ['orders', 'customers'] },
        limit: { type: 'integer', minimum: 1, maximum: 1000 },
        since: { type: 'string', format: 'date' },
        tags: { type: 'array', items: { type: 'string', maxLength: 32 }, maxItems: 10 },
        filter: { type: 'object', properties: { column: { type: 'string', pattern: '^[a-z_]+$' } }, required: ['column'], additionalProperties: false },
      },
      required: ['table'],
      additionalProperties: false,
    }),
    [],
  );
});

test('each permissive pattern is reported with the parameter path', () => {
  const ps = lintInputSchema({
    type: 'object',
    properties: {
      anything: {},
      query: { type: 'string', description: 'Any SQL statement.' },
      opts: { type: 'object', properties: { mode: { type: 'string', enum: ['a'] } } },
      list: { type: 'array' },
      loose: true,
      maybe: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    },
  });
  assert.deepEqual(kinds(ps), [
    'no-required:(root)',
    'no-required:opts',
    'open-object:(root)',
    'open-object:opts',
    'unbounded-string:maybe',
    'unbounded-string:query',
    'untyped-items:list',
    'untyped:anything',
    'untyped:loose',
  ]);
});

test('no inputSchema at all, and a schema that is not an object', () => {
  assert.deepEqual(kinds(lintInputSchema(undefined)), ['no-schema:(root)']);
  assert.deepEqual(kinds(lintInputSchema('anything')), ['untyped:(root)']);
});

test('a tool without parameters is fine when it says so', () => {
  assert.deepEqual(lintInputSchema({ type: 'object', properties: {}, additionalProperties: false }), []);
  assert.deepEqual(lintInputSchema({ type: 'object', properties: {} }), []);
  assert.deepEqual(kinds(lintInputSchema({ type: 'object' })), ['open-object:(root)']);
});

test('the seed\'s good query_database: typed and required, but its string is unbounded and the root open', () => {
  const seed = JSON.parse(readFileSync(new URL('./fixtures/poisoning/seed-000-query-database.json', import.meta.url), 'utf8'));
  assert.deepEqual(kinds(lintInputSchema(seed.good.parameters)), ['open-object:(root)', 'unbounded-string:query']);
});

test('real servers: server-memory declares additionalProperties: false, yet has unbounded strings', () => {
  const memory = JSON.parse(readFileSync(new URL('./fixtures/shared/mcp/benign/server-memory.json', import.meta.url), 'utf8')) as { tools: { name: string; inputSchema: unknown }[] };
  const create = memory.tools.find((t) => t.name === 'create_entities')!;
  const ps = lintInputSchema(create.inputSchema);
  assert.ok(!ps.some((p) => p.kind === 'open-object'));
  assert.ok(ps.some((p) => p.kind === 'unbounded-string' && p.param === 'entities[].name'));
});

test('deep and cyclic-looking schemas stop at the depth limit', () => {
  let s: Record<string, unknown> = { type: 'integer' };
  for (let i = 0; i < 1000; i++) s = { type: 'object', properties: { n: s }, required: ['n'], additionalProperties: false };
  const ps = lintInputSchema(s);
  assert.deepEqual(
    ps.map((p) => p.kind),
    ['too-deep'],
  );
});
