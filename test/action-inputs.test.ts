// The Action inputs comment and skip-paths, parsed without a runner; and
// action.yml declares exactly the inputs action.ts reads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { load } from 'js-yaml';
import { commentWhen, EXCLUSION_KEYS, skipPathsOf, withSkipPaths } from '../src/main/action-inputs.ts';
import { UsageError } from '../src/util/errors.ts';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

test('comment: always, on-failure, never; the old true/false are aliases; anything else is refused', () => {
  for (const [input, want] of [
    ['', 'always'],
    ['always', 'always'],
    ['true', 'always'],
    ['TRUE', 'always'],
    ['on-failure', 'on-failure'],
    ['never', 'never'],
    ['false', 'never'],
  ] as const)
    assert.equal(commentWhen(input), want, input);
  assert.throws(() => commentWhen('sometimes'), (err: unknown) => err instanceof UsageError && /input "comment" must be always, on-failure or never/.test(err.message));
});

test('skip-paths: newline- or comma-separated globs, braces kept whole, blanks dropped', () => {
  assert.deepEqual(skipPathsOf('docs/**, examples/*.yaml\n  fixtures/{a,b}/**  \n\n'), ['docs/**', 'examples/*.yaml', 'fixtures/{a,b}/**']);
  assert.deepEqual(skipPathsOf(''), []);
  assert.deepEqual(skipPathsOf('a\r\nb'), ['a', 'b']);
});

test('skip-paths joins every exclusion list of the schema, keeping what the config had', () => {
  assert.deepEqual(EXCLUSION_KEYS, ['kubernetes.exclude', 'secrets.exclude']);
  const config = withSkipPaths({ mode: 'enforce', kubernetes: { paths: ['deploy/**'], exclude: ['deploy/old/**'] } }, ['docs/**', 'deploy/old/**']);
  assert.deepEqual(config, { mode: 'enforce', kubernetes: { paths: ['deploy/**'], exclude: ['deploy/old/**', 'docs/**'] }, secrets: { exclude: ['docs/**', 'deploy/old/**'] } });
  const same = { mode: 'warn' as const };
  assert.equal(withSkipPaths(same, []), same);
});

test('action.yml declares exactly the inputs action.ts reads, each with a description', () => {
  const declared = load(read('action.yml')) as { inputs: Record<string, { description?: string }> };
  const read_ = new Set([...read('src/main/action.ts').matchAll(/core\.getInput\('([^']+)'/g)].map((m) => m[1] as string));
  for (const secret of ['endpoint-token', 'siem-token', 'kubeconfig']) read_.add(secret); // read through a table
  assert.deepEqual([...read_].sort(), Object.keys(declared.inputs).sort());
  for (const [name, input] of Object.entries(declared.inputs)) assert.ok((input.description ?? '').length > 20, `${name} is described`);
  assert.match(declared.inputs.comment?.description ?? '', /always.*on-failure.*never/);
});
