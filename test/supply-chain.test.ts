// The `supply` check (checks/supply/check.ts): package.json ranges and tags,
// manifests without a lockfile (npm, pnpm, yarn; workspace roots), pip
// requirements without == pins, go.mod without go.sum.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { checkPackageJson, npmUnpinnedReason, supplyChainCheck } from '../checks/supply/check.ts';
import { runGate } from '../src/gate/engine.ts';
import type { Report } from '../src/types.ts';

const DIR = fileURLToPath(new URL('fixtures/supply/', import.meta.url));
const REPO = fileURLToPath(new URL('..', import.meta.url));

let cached: Report | undefined;
async function report(): Promise<Report> {
  cached ??= await runGate({ root: DIR, config: {}, env: {}, checks: [supplyChainCheck] });
  return cached;
}
const at = (r: Report, dir: string) =>
  r.findings
    .filter((f) => f.location.file?.startsWith(dir))
    .map((f) => `${f.ruleId === 'supply/unpinned-dependency' ? '' : `${f.ruleId} `}${f.location.file?.slice(dir.length)}:${f.location.line}`)
    .sort();

test('package.json: ranges, wildcards, tags, git without commit, URLs and aliases are reported with their line', async () => {
  const r = await report();
  assert.deepEqual(at(r, 'npm-ranges/'), [
    'package.json:1', // no lockfile
    'package.json:10',
    'package.json:11',
    'package.json:13',
    'package.json:14',
    'package.json:20',
    'package.json:5',
    'package.json:6',
    'package.json:7',
    'package.json:8',
    'package.json:9',
  ]);
  const byKey = new Map(r.findings.map((f) => [f.message.split('"')[1], f]));
  assert.match(byKey.get('@modelcontextprotocol/sdk')?.message ?? '', /is a range \(\^\)/);
  assert.match(byKey.get('debug')?.message ?? '', /the tag "latest"/);
  assert.match(byKey.get('left-pad')?.message ?? '', /git reference without a full commit hash/);
  assert.equal(r.findings.every((f) => f.severity === 'warning' || f.ruleId === 'gate/check-failed'), true);
  // peerDependencies are not installed by this package: not reported.
  assert.ok(!r.findings.some((f) => f.message.includes('"react"')));
});

test('exact pins with a lockfile pass; pnpm, yarn and workspace-root lockfiles count', async () => {
  const r = await report();
  for (const d of ['npm-pinned/', 'pnpm/', 'yarn/', 'monorepo/', 'go-ok/', 'go-norequire/']) assert.deepEqual(at(r, d), [], d);
  // The lockfile of an ancestor that is not a workspace root does not cover a nested project.
  assert.deepEqual(at(r, 'nested-project/'), ['tools/helper/package.json:1']);
});

test('requirements.txt: only == pins pass (hashes, markers, includes and options understood)', async () => {
  const r = await report();
  assert.deepEqual(at(r, 'python/'), ['requirements-dev.txt:2', 'requirements.txt:10', 'requirements.txt:11', 'requirements.txt:12', 'requirements.txt:13', 'requirements.txt:14', 'requirements.txt:9']);
});

test('go.mod without go.sum; broken manifest is gate/check-failed with the file', async () => {
  const r = await report();
  assert.deepEqual(at(r, 'go-nosum/'), ['go.mod:5']);
  assert.deepEqual(at(r, 'invalid/'), ['gate/check-failed package.json:1']);
  assert.match(r.checks[0]?.detail ?? '', /9 package\.json, 2 requirements file\(s\), 3 go\.mod checked/);
});

test('version spec classification', () => {
  for (const s of ['1.2.3', '=1.2.3', 'v1.2.3', '1.2.3-rc.1', '1.0.0+build.5', 'file:../x', 'workspace:*', 'npm:foo@2.0.0', 'github:a/b#0123456789abcdef0123456789abcdef01234567']) {
    assert.equal(npmUnpinnedReason(s), undefined, s);
  }
  for (const s of ['^1.2.3', '~1.2.3', '*', 'x', '1.x', '1.2.x', '>=1', '1 - 2', '1 || 2', 'latest', 'next', '', '1', '1.2', 'a/b', 'git+https://x/y.git#main', 'https://x/y.tgz']) {
    assert.notEqual(npmUnpinnedReason(s), undefined, s);
  }
});

test('real manifests: this repository passes; third-party package.json files in node_modules use ranges', async (t) => {
  const own = await runGate({ root: REPO, config: {}, env: {}, checks: [supplyChainCheck] });
  assert.deepEqual(
    own.findings.filter((f) => !f.location.file?.startsWith('test/fixtures/') && !f.location.file?.startsWith('examples/insecure/')).map((f) => `${f.location.file}:${f.location.line} ${f.message}`),
    [],
  );
  // Real published manifests (read-only): the detector on code nobody here wrote.
  const nm = fileURLToPath(new URL('../node_modules/', import.meta.url));
  let manifests = 0;
  let ranged = 0;
  let findings = 0;
  for (const name of readdirSync(nm)) {
    const paths = name.startsWith('@') ? readdirSync(nm + name).map((n) => `${name}/${n}`) : [name];
    for (const p of paths) {
      let text: string;
      try {
        text = readFileSync(`${nm}${p}/package.json`, 'utf8');
      } catch {
        continue;
      }
      manifests++;
      const fs = checkPackageJson(`${p}/package.json`, text, new Set()).filter((f) => f.key !== 'npm:lockfile');
      if (fs.length) ranged++;
      findings += fs.length;
      for (const f of fs) assert.equal(f.ruleId, 'supply/unpinned-dependency');
    }
  }
  t.diagnostic(`node_modules: ${manifests} package.json, ${ranged} with ranges, ${findings} unpinned dependencies`);
  assert.ok(manifests > 50 && ranged > 10);
});
