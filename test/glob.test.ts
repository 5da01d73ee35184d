// Config globs (picomatch): what a user writes in kubernetes.paths, mcp.paths,
// images.paths, secrets.exclude and reports.* matches what a shell or a CI
// path filter would, against repository-relative paths.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { globMatcher, globProblem, MAX_WILDCARDS_PER_SEGMENT } from '../src/workspace/glob.ts';

function matches(glob: string, paths: readonly string[]): string[] {
  const m = globMatcher(glob);
  return paths.filter((p) => m(p));
}

const TREE = [
  'deploy/app.yaml',
  'deploy/app.yml',
  'deploy/app.json',
  'deploy/prod/db.yaml',
  'deploy/prod/.hidden.yaml',
  'deploy/.staging/web.yml',
  'deploy/v1.yaml',
  'deploy/v2.yaml',
  'deploy/vx.yaml',
  'deploy/foo.yaml',
  'mcp/a/tools.json',
  'mcp/b/tools.json',
  'test/fixtures/x/.npmrc',
  '.env',
];

test('kubernetes.paths "deploy/**/*.{yaml,yml}" matches every YAML file below deploy (braces were taken literally before)', () => {
  assert.deepEqual(matches('deploy/**/*.{yaml,yml}', TREE), [
    'deploy/app.yaml',
    'deploy/app.yml',
    'deploy/prod/db.yaml',
    'deploy/prod/.hidden.yaml',
    'deploy/.staging/web.yml',
    'deploy/v1.yaml',
    'deploy/v2.yaml',
    'deploy/vx.yaml',
    'deploy/foo.yaml',
  ]);
});

test('brace variants: nested, with a path, and a numeric range', () => {
  assert.deepEqual(matches('{deploy/prod,mcp/a}/*', TREE), ['deploy/prod/db.yaml', 'deploy/prod/.hidden.yaml', 'mcp/a/tools.json']);
  assert.deepEqual(matches('deploy/{app.{yaml,json},v1.yaml}', TREE), ['deploy/app.yaml', 'deploy/app.json', 'deploy/v1.yaml']);
  assert.deepEqual(matches('deploy/v{1..2}.yaml', TREE), ['deploy/v1.yaml', 'deploy/v2.yaml']);
});

test('? and [] classes, negated with ! or ^, never across a slash', () => {
  assert.deepEqual(matches('deploy/v?.yaml', TREE), ['deploy/v1.yaml', 'deploy/v2.yaml', 'deploy/vx.yaml']);
  assert.deepEqual(matches('deploy/v[0-9].yaml', TREE), ['deploy/v1.yaml', 'deploy/v2.yaml']);
  assert.deepEqual(matches('deploy/v[!0-9].yaml', TREE), ['deploy/vx.yaml']);
  assert.deepEqual(matches('deploy/v[^0-9].yaml', TREE), ['deploy/vx.yaml']);
  assert.deepEqual(matches('deploy?app.yaml', TREE), []);
});

test('extglobs: !(...) and @(...)', () => {
  assert.deepEqual(matches('deploy/!(foo).yaml', TREE), ['deploy/app.yaml', 'deploy/v1.yaml', 'deploy/v2.yaml', 'deploy/vx.yaml']);
  assert.deepEqual(matches('deploy/@(app|foo).yaml', TREE), ['deploy/app.yaml', 'deploy/foo.yaml']);
});

test('dotfiles under ** and * are matched (test/fixtures/** covers test/fixtures/x/.npmrc)', () => {
  assert.deepEqual(matches('test/fixtures/**', TREE), ['test/fixtures/x/.npmrc']);
  assert.deepEqual(matches('**', TREE), TREE);
  assert.deepEqual(matches('*', TREE), ['.env']);
  assert.deepEqual(matches('deploy/*/*.yml', TREE), ['deploy/.staging/web.yml']);
});

test('full repository-relative paths: * stays in one segment, leading ./ and / are dropped, a leading ! is a literal', () => {
  assert.deepEqual(matches('*.yaml', TREE), []);
  assert.deepEqual(matches('./deploy/app.yaml', TREE), ['deploy/app.yaml']);
  assert.deepEqual(matches('/deploy/app.yaml', TREE), ['deploy/app.yaml']);
  assert.deepEqual(matches('mcp/*/tools.json', TREE), ['mcp/a/tools.json', 'mcp/b/tools.json']);
  // "!x" in an inclusion list would otherwise mean "everything but x".
  assert.deepEqual(matches('!deploy/app.yaml', TREE), []);
});

test('a glob with more wildcards in one segment than matching can bear is refused and matches nothing, in bounded time', () => {
  const bad = `*a${'*a'.repeat(MAX_WILDCARDS_PER_SEGMENT)}*b`;
  assert.match(globProblem(bad) ?? '', /wildcards in the path segment/);
  const start = performance.now();
  assert.deepEqual(matches(bad, ['a'.repeat(255)]), []);
  assert.ok(performance.now() - start < 1000);
  // As many as allowed stay usable; ** segments do not count.
  assert.equal(globProblem('**/*-*-*.yaml'), undefined);
  assert.equal(globProblem('**/**/**/x'), undefined);
});
