// On a Node older than package.json "engines", every subcommand of the
// built CLI says so in one line and exits 2 (Node 20 lacks APIs the gate
// uses). The old Node is the machine's own (the tests themselves run on the
// node@24 devDependency, first on PATH in npm scripts).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { test } from 'node:test';
import { nodeVersionProblem, REQUIRED_NODE_MAJOR } from '../src/main/node-version.ts';
import { REPO } from './cli-run.ts';

test('nodeVersionProblem names the running and the required version, and accepts the required major and later', () => {
  assert.equal(REQUIRED_NODE_MAJOR, 24);
  assert.match(nodeVersionProblem('20.20.2') ?? '', /^this is Node\.js v20\.20\.2; mcp-gate needs Node\.js >=24 \(package\.json "engines"\)/);
  assert.match(nodeVersionProblem('v18.0.0') ?? '', /v18\.0\.0/);
  assert.equal(nodeVersionProblem('24.0.0'), undefined);
  assert.equal(nodeVersionProblem('26.1.0'), undefined);
});

/** A `node` on PATH outside node_modules whose major version is below the required one. */
function olderNode(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir.includes('node_modules')) continue;
    const bin = join(dir, 'node');
    if (!existsSync(bin)) continue;
    const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
    if (Number(/^v(\d+)/.exec(version)?.[1]) < REQUIRED_NODE_MAJOR) return bin;
  }
  return undefined;
}

const old = olderNode();

test('on an older Node every subcommand prints the version message and exits 2', { skip: old ? false : 'no Node older than 24 on PATH outside node_modules' }, () => {
  const cli = join(REPO, 'dist/cli.js');
  const invocations = [
    ['check', 'examples/insecure'],
    ['check', '--base-ref', 'HEAD', 'examples/insecure'],
    ['rules'],
    ['manifest', 'pin', 'examples/hardened'],
    ['override', 'verify', 'examples/hardened'],
    ['override', 'new', '--help'],
    ['alerts', 'init', 'examples/hardened'],
    ['--help'],
    ['--version'],
    [],
  ];
  for (const args of invocations) {
    const r = spawnSync(old as string, [cli, ...args], { cwd: REPO, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.match(lines[0] ?? '', /^mcp-gate: this is Node\.js v\d+\.\d+\.\d+; mcp-gate needs Node\.js >=24/);
  }
});
