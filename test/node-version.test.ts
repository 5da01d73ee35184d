// The CLI runs on every Node that package.json "engines" allows (20 and
// later: the README demo runs on what a fresh machine has; the Action runs on
// 24). On the machine's own older Node, the built CLI must give the same
// reports as on the node@24 devDependency the tests run on; below the
// engines range every subcommand says so in one line and exits 2.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { test } from 'node:test';
import { nodeVersionProblem, REQUIRED_NODE_MAJOR } from '../src/main/node-version.ts';
import { REPO } from './cli-run.ts';

test('nodeVersionProblem names the running and the required version, and accepts the engines range', () => {
  assert.equal(REQUIRED_NODE_MAJOR, 20);
  assert.match(nodeVersionProblem('18.20.4') ?? '', /^this is Node\.js v18\.20\.4; mcp-gate needs Node\.js >=20 \(package\.json "engines"\)/);
  assert.match(nodeVersionProblem('v16.0.0') ?? '', /v16\.0\.0/);
  assert.equal(nodeVersionProblem('20.20.2'), undefined);
  assert.equal(nodeVersionProblem('24.21.0'), undefined);
});

/** A `node` on PATH outside node_modules older than the one running the tests (the machine's own). */
function olderNode(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir.includes('node_modules')) continue;
    const bin = join(dir, 'node');
    if (!existsSync(bin)) continue;
    const major = Number(/^v(\d+)/.exec(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim())?.[1]);
    if (major < Number(process.versions.node.split('.')[0])) return bin;
  }
  return undefined;
}

const old = olderNode();
const CLI = join(REPO, 'dist/cli.js');

/** The report with durations masked: the only part that differs between two runs. */
function masked(stdout: string): string {
  return stdout.replace(/"durationMs": [\d.]+/g, '"durationMs": 0');
}

test('on the machine\'s older Node the built CLI gives the same results as on Node 24, with no internal error', { skip: old ? false : 'no older Node on PATH outside node_modules' }, () => {
  const invocations: Array<[string[], number]> = [
    [['check', 'examples/insecure', '--format', 'json'], 1],
    [['check', '--base-ref', 'HEAD', 'examples/insecure', '--format', 'json'], 1],
    [['check', 'test/fixtures/render', '--format', 'json'], 0],
    [['rules', '--format', 'json'], 0],
    [['manifest', 'diff', 'examples/hardened'], 0],
    [['override', 'verify', 'examples/hardened'], 0],
    [['--version'], 0],
  ];
  for (const [args, code] of invocations) {
    const run = (node: string) => spawnSync(node, [CLI, ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
    const older = run(old as string);
    const current = run(process.execPath);
    assert.equal(older.status, code, `${args.join(' ')}: ${older.stderr}`);
    assert.equal(current.status, code, args.join(' '));
    assert.doesNotMatch(older.stderr, /internal error/, args.join(' '));
    assert.equal(masked(older.stdout), masked(current.stdout), args.join(' '));
  }
});
