// `-o FILE` picks the report format from the extension unless --format is
// given; a --format that contradicts the extension wins and says so.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO, runCli } from './cli-run.ts';

const EXAMPLE = join(REPO, 'examples/insecure');

test('-o infers json, sarif, markdown from the extension and text otherwise', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-gate-ext-'));
  const cases: Array<[string, string, (text: string) => void]> = [
    ['report.json', 'json', (t) => assert.equal(JSON.parse(t).schemaVersion, 1)],
    ['report.JSON', 'json', (t) => assert.equal(JSON.parse(t).schemaVersion, 1)],
    ['report.sarif', 'sarif', (t) => assert.equal(JSON.parse(t).version, '2.1.0')],
    ['report.md', 'markdown', (t) => assert.match(t, /^#+ /m)],
    ['report.markdown', 'markdown', (t) => assert.match(t, /^#+ /m)],
    ['report.txt', 'text', (t) => assert.match(t, /^decision BLOCK: /m)],
    ['report', 'text', (t) => assert.match(t, /^decision BLOCK: /m)],
  ];
  for (const [file, format, check] of cases) {
    const r = await runCli(['check', EXAMPLE, '-o', file], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^mcp-gate: block: \\d+ blocking, \\d+ warning, 0 overridden; ${format} report written to ${file.replace('.', '\\.')}\\n$`));
    check(readFileSync(join(dir, file), 'utf8'));
  }
});

test('an explicit --format wins over the extension, with one line on stderr; a matching one says nothing more', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-gate-ext-'));
  const r = await runCli(['check', EXAMPLE, '--format', 'text', '-o', 'report.json'], { cwd: dir });
  assert.equal(r.code, 1);
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines[0], 'mcp-gate: --format text wins over the .json extension of report.json');
  assert.match(lines[1] ?? '', /text report written to report\.json$/);
  assert.equal(lines.length, 2);
  assert.throws(() => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')), SyntaxError);
  const same = await runCli(['check', EXAMPLE, '--format', 'json', '-o', 'same.json'], { cwd: dir });
  assert.equal(same.stderr.trimEnd().split('\n').length, 1);
});

test('-o report.json alone writes JSON, which override new --report reads (it was text: "Unexpected token")', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-gate-ext-'));
  await runCli(['check', EXAMPLE, '-o', 'report.json'], { cwd: dir });
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  assert.ok(Array.isArray(report.findings) && report.findings.length > 0);
});
