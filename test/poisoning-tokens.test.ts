// The clone index's tokenizer (DeploymentIndex: char-code scan with an
// open-addressing table of token ids) against the plain definition it
// replaces: the distinct maximal runs of [a-z0-9] (ASCII text) or of
// [\p{L}\p{N}] (otherwise) of 3 or more, of the lower-cased text, in order of
// first occurrence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeploymentIndex } from '../checks/manifests/poisoning/score.ts';
import { prng } from './prng.ts';

function reference(s: string): string[] {
  const lower = (s.length > 20_000 ? s.slice(0, 20_000) : s).toLowerCase();
  const re = /[^\u0000-\u007f]/.test(lower) ? /[\p{L}\p{N}]{3,}/gu : /[a-z0-9]{3,}/g;
  return [...new Set(lower.match(re) ?? [])];
}

// Pieces that stress the tokenizer: case, digits, separators, characters whose
// lower case is ASCII (Kelvin sign) or longer (İ), final sigma, astral letters,
// digits of other scripts, combining marks, emoji, lone surrogates.
const PIECES = [
  'a', 'b', 'z', 'A', 'Q', 'Z', '0', '7', '9', ' ', '_', '-', '.', "'", '\n', '\t', '@', '/',
  'K', 'İ', 'Σ', 'σ', 'ς', 'é', 'É', 'ß', 'ǅ', '𝐀', '𝟗', '٣', '\u0301', '😀', '\ud800', '\udc00', '中', 'ｆ', 'ﬁ',
  'the', 'The', 'THE', 'file', 'File', 'path', 'read', 'READ', 'x9y', '123',
];

function randomText(rnd: () => number, ascii: boolean): string {
  let s = '';
  const n = Math.floor(rnd() * 80);
  for (let i = 0; i < n; i++) {
    const p = PIECES[Math.floor(rnd() * PIECES.length)]!;
    if (ascii && /[^\u0000-\u007f]/.test(p)) continue;
    s += p;
  }
  return s;
}

test('DeploymentIndex tokens equal the reference on random text (seeded)', () => {
  for (const seed of [1, 2, 3]) {
    const rnd = prng(seed);
    const tools = [];
    // Enough distinct words to grow the token table several times.
    for (let i = 0; i < 3000; i++) {
      const d = randomText(rnd, rnd() < 0.5) + (rnd() < 0.5 ? ` w${Math.floor(rnd() * 5000)}x` : '');
      tools.push({ server: `s${i % 7}`, name: `t${i}`, description: d });
    }
    const index = new DeploymentIndex(tools);
    for (const t of tools) assert.deepEqual(index.tokensOfDescription(t.server, t.name), reference(t.description), JSON.stringify(t.description));
    // Words of text that is not indexed are found when (and only when) some description has them.
    const known = new Set(tools.flatMap((t) => reference(t.description)));
    for (let i = 0; i < 2000; i++) {
      for (const w of reference(randomText(rnd, rnd() < 0.5))) assert.equal(index.tokenIdOf(w) >= 0, known.has(w), w);
    }
  }
});

test('a description longer than 20,000 characters is tokenised on its first 20,000', () => {
  const d = `${'abc '.repeat(4999)}abcd efgh`;
  const index = new DeploymentIndex([{ server: 's', name: 't', description: d }]);
  assert.deepEqual(index.tokensOfDescription('s', 't'), reference(d));
});

test('description ids by server and name, as a map on server NUL name would give them', () => {
  const tools = [
    { server: 'a', name: 'x', description: 'first description of x' },
    { server: 'a', name: 'x', description: 'second description of x' },
    { server: 'b', name: 'x', description: 'another server entirely here' },
  ];
  const index = new DeploymentIndex(tools);
  assert.deepEqual(index.tokensOfDescription('a', 'x'), reference('second description of x'));
  assert.deepEqual(index.tokensOfDescription('b', 'x'), reference('another server entirely here'));
  assert.equal(index.tokensOfDescription('a\u0000x', ''), undefined);
  // With a NUL in a name the keys may split two ways: the later one wins, as in a single map.
  const odd = new DeploymentIndex([
    { server: 'a\u0000b', name: 'c', description: 'one two three' },
    { server: 'a', name: 'b\u0000c', description: 'four five six' },
  ]);
  assert.deepEqual(odd.tokensOfDescription('a\u0000b', 'c'), reference('four five six'));
  assert.deepEqual(odd.tokensOfDescription('a', 'b\u0000c'), reference('four five six'));
});
