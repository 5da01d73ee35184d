import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineIndex } from '../src/lines.ts';
import { keyLine, lineOf, parseYamlDocuments, YamlError } from '../src/yaml.ts';

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
