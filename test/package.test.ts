// The npm package as a user gets it: `npm pack`, then `npm i -g` of the
// tarball into a temporary prefix, offline. dist/ is a self-contained bundle,
// so the package declares no runtime dependencies and installs nothing else.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { test } from 'node:test';
import { REPO } from './cli-run.ts';

// Node 24 (this test's own) first on PATH: npm and the installed bin run on it, not on the machine's older node.
const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${join(REPO, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' };

function run(cmd: string, args: string[], cwd = REPO): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout, stderr });
    });
  });
}

test('npm pack + npm i -g of the tarball gives a working mcp-gate with no dependency installed', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-gate-pack-'));
  const packed = await run('npm', ['pack', '--pack-destination', dir, '--json']);
  assert.equal(packed.code, 0, packed.stderr);
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const paths = new Set(info?.files.map((f) => f.path));
  for (const required of ['package.json', 'dist/cli.js', 'dist/index.js', 'action.yml', 'schema/mcp-gate.schema.json', 'README.md', 'LICENSE', 'CHANGELOG.md'])
    assert.ok(paths.has(required), `${required} is in the tarball`);
  for (const p of paths) assert.match(p, /^(dist\/|schema\/|action\.yml$|README\.md$|LICENSE$|CHANGELOG\.md$|package\.json$)/, `${p} is not shipped`);

  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  assert.equal(manifest.private, undefined, 'publishable');
  assert.deepEqual(manifest.dependencies ?? {}, {}, 'dist/ bundles everything it runs');
  assert.equal(manifest.bin['mcp-gate'], 'dist/cli.js');

  const prefix = join(dir, 'prefix');
  // --offline: the tarball needs nothing from a registry.
  const installed = await run('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(dir, info?.filename as string)]);
  assert.equal(installed.code, 0, installed.stderr);
  const pkgDir = join(prefix, 'lib/node_modules/mcp-gate');
  assert.equal(existsSync(join(pkgDir, 'node_modules')), false, 'no dependency was installed');
  assert.deepEqual(readdirSync(join(prefix, 'lib/node_modules')), ['mcp-gate']);

  const bin = join(prefix, 'bin/mcp-gate');
  const version = await run(bin, ['--version'], dir);
  assert.equal(version.code, 0, version.stderr);
  assert.equal(version.stdout, `${manifest.version}\n`);
  const check = await run(bin, ['check', join(REPO, 'examples/insecure')], dir);
  assert.equal(check.code, 1, check.stderr);
  assert.match(check.stdout, /^decision BLOCK: /m);
});
