// The performance changes of issue 11 (bench/run.ts) change how things are
// computed, never what: each test pins the new code to the plain version it
// replaced, on the shared real fixtures where there is input to read.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFileAtomic } from '../src/util/atomic.ts';
import { buildReport } from '../src/gate/report.ts';
import { fingerprintOf } from '../src/gate/fingerprint.ts';
import { canonicalJson } from '../src/util/canonical-json.ts';
import { parseToolsJson, toolLineFinder } from '../checks/manifests/manifests.ts';
import { normalise } from '../checks/manifests/poisoning/text.ts';
import { resolvePolicy } from '../src/gate/policy.ts';
import { renderPieces } from '../src/reporters/index.ts';
import { renderJson, renderJsonChunks } from '../src/reporters/json.ts';
import type { RawFinding } from '../src/types.ts';
import { keyLine, lineOf, parseYamlDocuments } from '../src/workspace/yaml.ts';

const shared = new URL('./fixtures/shared/', import.meta.url).pathname;

function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, suffix));
    else if (p.endsWith(suffix)) out.push(p);
  }
  return out.sort();
}

/** The per-tool search toolLineFinder used before it built one index per file. */
function toolLineBySearch(text: string, name: string): number | undefined {
  const needle = JSON.stringify(name);
  const re = new RegExp(`"name"\\s*:\\s*${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const m = re.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : undefined;
}

test('toolLineFinder: the one-pass index gives the lines the per-tool search gave', () => {
  const files = [...filesUnder(join(shared, 'mcp'), '.json'), ...filesUnder(new URL('./fixtures/poisoning/', import.meta.url).pathname, '.tools.json')];
  let compared = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let names: string[];
    try {
      names = parseToolsJson(text, file).map((t) => t.name);
    } catch {
      continue; // not a tools list (server catalogues, bad-input fixtures)
    }
    const find = toolLineFinder(text);
    for (const name of [...names, 'no-such-tool', 'a"quote', 'x\\y']) {
      assert.equal(find(name), toolLineBySearch(text, name), `${file}: ${name}`);
      compared++;
    }
  }
  assert.ok(compared > 50, `compared ${compared} tool lines`);
  // Escapes, repeated names (first wins), other spacing, a "name" that is not a string.
  const text = '{"tools": [\n {"name": 7},\n {"name" :  "a\\"b"},\n {"name": "dup"},\n {"name":"dup"},\n {"name": "\\u00e9"},\n {"name": "é"}\n]}';
  const find = toolLineFinder(text);
  for (const name of ['a"b', 'dup', 'é', '7', 'missing']) assert.equal(find(name), toolLineBySearch(text, name), name);
  assert.equal(find('dup'), 4);
  assert.equal(find('é'), 7);
});

test('YAML positions stay invisible: parsed values serialise, copy and compare as plain data', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: a}\nspec:\n  containers:\n    - name: c\n      image: i\n';
  const [doc] = parseYamlDocuments(text, 'p.yaml');
  const pod = doc?.value as { metadata: { labels: object }; spec: { containers: object[] } };
  const plain = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'i' }] } };
  assert.deepStrictEqual(pod, plain);
  assert.equal(JSON.stringify(pod), JSON.stringify(plain));
  assert.deepEqual(Object.keys(pod), ['apiVersion', 'kind', 'metadata', 'spec']);
  assert.deepEqual(Object.keys(pod.spec.containers), ['0']);
  assert.equal(canonicalJson(pod), canonicalJson(plain));
  // Copies carry no position; the parsed objects do, lines resolved on demand.
  assert.equal(lineOf({ ...pod }), undefined);
  assert.equal(lineOf(structuredClone(pod)), undefined);
  assert.equal(lineOf(Object.create(pod)), undefined);
  assert.equal(lineOf(pod), 1);
  assert.equal(keyLine(pod, 'spec'), 6);
  assert.equal(keyLine(pod.metadata, 'labels'), 5);
  assert.equal(lineOf(pod.spec.containers[0]), 8);
  assert.equal(keyLine(pod.spec.containers[0], 'image'), 9);
  assert.equal(keyLine(pod, 'absent'), 1);
});

test('YAML positions on the shared Kubernetes fixtures: every mapping key resolves to the line that names it', () => {
  let checked = 0;
  for (const file of filesUnder(join(shared, 'k8s'), '.yaml').slice(0, 80)) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    let docs: ReturnType<typeof parseYamlDocuments>;
    try {
      docs = parseYamlDocuments(text, file);
    } catch {
      continue;
    }
    const visit = (v: unknown): void => {
      if (typeof v !== 'object' || v === null) return;
      if (!Array.isArray(v)) {
        for (const k of Object.keys(v)) {
          const line = keyLine(v, k);
          assert.ok(line !== undefined && (lines[line - 1] ?? '').includes(k.slice(0, 20)) || !/^[\w.-]+$/.test(k), `${file}: key ${k} at line ${line}`);
          checked++;
        }
      }
      for (const c of Object.values(v)) visit(c);
    };
    for (const d of docs) visit(d.value);
  }
  assert.ok(checked > 500, `checked ${checked} keys`);
});

test('renderJsonChunks joins to exactly renderJson, and the file written from the pieces is the same bytes', () => {
  const policy = resolvePolicy({ mode: 'enforce' });
  const raw: RawFinding[] = Array.from({ length: 3000 }, (_, i) => ({
    ruleId: i % 2 ? 'k8s/privileged' : 'manifest/poisoned',
    // Non-Latin-1 text, quotes, backslashes and newlines in messages.
    message: `finding ${i}: "quoted" \\ back\nslash → ${'é😀'.repeat(i % 3)} ${'x'.repeat(i % 700)}`,
    location: { file: `deploy/f${i}.yaml`, line: i + 1, resource: `Deployment/mcp/app${i}`, container: 'c' },
  }));
  const dir = mkdtempSync(join(tmpdir(), 'mcp-gate-perf-'));
  for (const findings of [raw, raw.slice(0, 1), []]) {
    const report = buildReport(findings, [{ id: 'k8s', status: 'ran', durationMs: 1.5, detail: 'd' }], policy);
    const whole = renderJson(report);
    const pieces = renderJsonChunks(report);
    assert.equal(pieces.join(''), whole);
    if (findings.length === raw.length) assert.ok(pieces.length > 1, 'a large report comes in several pieces');
    assert.deepEqual(renderPieces(report, 'json'), pieces);
    const out = join(dir, 'report.json');
    writeFileAtomic(out, pieces);
    assert.equal(readFileSync(out, 'utf8'), whole);
    assert.deepEqual(readdirSync(dir), ['report.json'], 'no temporary file left behind');
    assert.equal(statSync(out).mode & 0o777, 0o644);
  }
});

test('fingerprints: SHA-256 of rule, resource, container and key joined by NUL, 32 hex digits', () => {
  const f: RawFinding = { ruleId: 'k8s/privileged', message: 'm', location: { resource: 'Deployment/ns/a', container: 'c' }, key: 'k' };
  assert.equal(fingerprintOf(f), createHash('sha256').update(['k8s/privileged', 'Deployment/ns/a', 'c', 'k'].join('\u0000')).digest('hex').slice(0, 32));
});

test('canonicalJson: same text as the map/join version, undefined included', () => {
  const reference = (v: unknown): string => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map((x) => reference(x === undefined ? null : x)).join(',')}]`;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(o[k])}`).join(',')}}`;
  };
  const values: unknown[] = [[undefined, null], { b: undefined, a: [{}], 'é': 1, '\u{1F600}': 2, A: 'x' }, [], {}, 'x', 1.5e-7];
  for (const v of values) assert.equal(canonicalJson(v), reference(v));
  const tools = JSON.parse(readFileSync(join(shared, 'mcp/benign/livemcpbench-servers.json'), 'utf8')) as unknown;
  assert.equal(canonicalJson(tools), reference(tools));
});

test('confusable folding: the pre-check skips only texts with nothing to fold', () => {
  assert.deepEqual(normalise('pаypal wallet').confusables, ['pаypal']);
  assert.equal(normalise('pаypal wallet').text, 'paypal wallet');
  assert.deepEqual(normalise('日本語のテキスト and café').confusables, []);
  assert.equal(normalise('日本語のテキスト and café').text, '日本語のテキスト and café');
  assert.deepEqual(normalise('Ѕеrvеr').confusables, ['Ѕеrvеr']);
});
