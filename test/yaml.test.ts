import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { forwardLines, lineIndex } from '../src/workspace/lines.ts';
import { keyLine, lineOf, parseYamlDocuments, YamlError } from '../src/workspace/yaml.ts';

test('documents, objects and keys carry their source lines', () => {
  const text = 'a: 1\n---\n# comment\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: x\n      image: y\n    - {name: z}\n';
  const docs = parseYamlDocuments(text, 'f.yaml');
  assert.equal(docs.length, 2);
  assert.equal(docs[1]?.line, 4);
  const pod = docs[1]?.value as { spec: { containers: object[] } };
  assert.equal(lineOf(pod), 4);
  assert.equal(keyLine(pod, 'kind'), 5);
  assert.equal(keyLine(pod.spec, 'containers'), 7);
  assert.equal(lineOf(pod.spec.containers[0]), 8);
  assert.equal(keyLine(pod.spec.containers[0], 'image'), 9);
  assert.equal(lineOf(pod.spec.containers[1]), 10);
});

test('positions are invisible to the data: keys, JSON, copies and comparisons see plain values', () => {
  const [doc] = parseYamlDocuments('a:\n  b: [1, 2]\nc: {d: 1}\n', 'p.yaml');
  const value = doc?.value as { a: { b: number[] }; c: object };
  assert.equal(lineOf(value.a.b), 2);
  assert.deepEqual(Object.keys(value), ['a', 'c']);
  assert.equal(JSON.stringify(value), '{"a":{"b":[1,2]},"c":{"d":1}}');
  assert.deepStrictEqual(value, { a: { b: [1, 2] }, c: { d: 1 } });
  assert.equal(lineOf({ ...value }), undefined);
  assert.equal(lineOf(structuredClone(value)), undefined);
  assert.equal(lineOf([...value.a.b]), undefined);
});

test('core schema: dates and yes/no stay strings', () => {
  const [doc] = parseYamlDocuments('expires: 2026-12-31\nflag: yes\nn: 0o17\n', 'x.yaml');
  assert.deepEqual(doc?.value, { expires: '2026-12-31', flag: 'yes', n: 15 });
});

test('syntax errors carry the line', () => {
  assert.throws(
    () => parseYamlDocuments('a: 1\nb: [\nc: d\n', 'bad.yaml'),
    (err: unknown) => err instanceof YamlError && typeof err.line === 'number' && err.line >= 2,
  );
  assert.throws(() => parseYamlDocuments('a: 1\na: 2\n', 'dup.yaml'), (err: unknown) => err instanceof YamlError && err.line === 2);
});

test('alias bombs are refused, not expanded', () => {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 0; i < 20; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
  assert.throws(() => parseYamlDocuments(`${lines.join('\n')}\n`, 'bomb.yaml'), YamlError);
});

test('empty files and empty documents', () => {
  assert.deepEqual(parseYamlDocuments('', 'e.yaml'), []);
  const docs = parseYamlDocuments('---\n---\na: 1\n', 'e.yaml');
  assert.equal(docs.at(-1)?.line, 3);
});

test('lineIndex maps offsets to 1-based lines', () => {
  const at = lineIndex('ab\ncd\n\nef');
  assert.equal(at(0), 1);
  assert.equal(at(3), 2);
  assert.equal(at(6), 3);
  assert.equal(at(7), 4);
});

// ---- positions: every line lineOf and keyLine give, on every YAML file of the
// fixtures and examples and on edge cases, against the lines recorded before
// the position storage was compacted (UPDATE_GOLDEN=1 rewrites the record).

const EDGE_CASES: Record<string, string> = {
  'duplicate-keys': 'a: 1\nb: 2\na: 3\n',
  merge: 'base: &b {x: 1, y: [1, 2]}\nobj:\n  <<: *b\n  y: 2\n  z:\n    - *b\n',
  'complex-keys': '? [a, b]\n: 1\nc: 2\n? {k: v}\n: {d: 4}\ne: 5\n',
  flow: 'a: {b: {c: [1, {d: 2,\n  e: 3}]}, f: [\n  {g: h},\n  [i]]}\nj: {}\nk: []\n',
  crlf: 'a: 1\r\nb:\r\n  c: 2\r\n  d: [1,\r\n    2]\r\n---\r\ne: {f: 1}\r\n',
  anchors: 'x: &m {a: 1}\ny: &s [1, 2]\nz: [*m, *s, &n {b: 2}]\nw: *n\n',
  'block-scalars': 'a: |\n  line\n  line\nb: >-\n  folded\nc:\n  d: 1\n',
  'quoted-keys': '"a\\"b": 1\n\'c d\': 2\n"e\\nf": {g: 1}\n',
  'integer-keys': '80: http\n1: x\nname: n\n443: {tls: true}\n',
  'comments-and-docs': '# c\n\n---\n# c2\na: 1\n--- # x\n\n  b: 2\n...\n---\n- c\n- {d: 1}\n',
  'nested-sequences': '- - - a: 1\n      b: 2\n  - c: 3\n- d:\n  - e: [f, {g: h}]\n',
  'keys-after-deep': 'a:\n  b:\n    c:\n      d: 1\n  e: 2\nf: 3\n',
  unicode: 'é: 1\n"😀": {ü: 2}\nkey: "välüe"\n',
  'long-mapping': Array.from({ length: 40 }, (_, i) => `k${i}: {v: ${i}}`).join('\n'),
};

/** Every line the position API gives for the values of `text`, as one string. */
function positionRecord(text: string, file: string): string {
  let docs: ReturnType<typeof parseYamlDocuments>;
  try {
    docs = parseYamlDocuments(text, file);
  } catch (err) {
    return `error ${(err as Error).message}`;
  }
  const out: string[] = [];
  const seen = new Set<object>();
  const visit = (v: unknown, path: string): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    out.push(`${path} ${lineOf(v)} ${keyLine(v, '\u0000absent')}`);
    for (const k of Object.keys(v)) {
      out.push(`${path}.${k} ${keyLine(v, k)}`);
      visit((v as Record<string, unknown>)[k], `${path}.${k}`);
    }
  };
  for (const [i, d] of docs.entries()) {
    out.push(`doc${i} ${d.line}`);
    visit(d.value, `doc${i}`);
  }
  return out.join('\n');
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

test('positions: lineOf and keyLine give the recorded lines on every fixture and edge case', () => {
  const root = join(import.meta.dirname, '..');
  const inputs: [string, string][] = [
    ...[...yamlFiles(join(root, 'test/fixtures')), ...yamlFiles(join(root, 'examples'))].map((f): [string, string] => [relative(root, f), readFileSync(f, 'utf8')]),
    ...Object.entries(EDGE_CASES).map(([name, text]): [string, string] => [`edge:${name}`, text]),
  ];
  const record: Record<string, string> = {};
  for (const [name, text] of inputs) record[name] = createHash('sha256').update(positionRecord(text, name)).digest('hex').slice(0, 16);
  const golden = join(root, 'test/fixtures/yaml/positions.golden.json');
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden, `${JSON.stringify(record, null, 1)}\n`);
  const want = JSON.parse(readFileSync(golden, 'utf8')) as Record<string, string>;
  assert.ok(Object.keys(want).length > 300, 'the record covers the fixtures');
  for (const [name, hash] of Object.entries(want)) assert.equal(record[name], hash, `positions changed in ${name}`);
});

test('forwardLines gives lineIndex\'s lines, asked in order or not', () => {
  const texts = ['', 'x', '\n', 'ab\ncd\n\nef', '\n\n\na\n', 'a\r\nb\r\n', `${'line\n'.repeat(50)}end`];
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (const text of texts) {
    const want = lineIndex(text);
    const offsets = Array.from({ length: text.length + 2 }, (_, i) => i);
    const ordered = forwardLines(text);
    for (const o of offsets) assert.equal(ordered(o), want(o), `${JSON.stringify(text)} at ${o}`);
    const shuffled = forwardLines(text);
    for (let k = 0; k < 40; k++) {
      const o = rand(text.length + 2);
      assert.equal(shuffled(o), want(o), `${JSON.stringify(text)} at ${o} (out of order)`);
    }
  }
});
