// DeploymentIndex.namesToolIn against its definition, written out as a loop
// over char codes, on random text and ranges.
import assert from 'node:assert/strict';
import test from 'node:test';
import { DeploymentIndex } from '../checks/manifests/poisoning/score.ts';

/** namesToolIn's definition: maximal [A-Za-z0-9] runs of text[from, to), 2 to 64 long, lower-cased, in `names`. */
function reference(names: Set<string>, text: string, from: number, to: number): boolean {
  if (names.size === 0) return false;
  let start = -1;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 0;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= 2 && i - start <= 64 && names.has(text.slice(start, i).toLowerCase())) return true;
      start = -1;
    }
  }
  return false;
}

test('namesToolIn: as the char-code loop on random text, ranges and run lengths', () => {
  let seed = 7;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const names = ['search', 'fetch', 'ab', 'q1', 'x'.repeat(64), 'k9k'];
  const tools = [...names.map((name) => ({ server: 's1', name })), { server: 's2', name: 'Not_Plain-name' }, { server: 's2', name: 'x'.repeat(65) }];
  const index = new DeploymentIndex(tools);
  const plain = new Set(names);
  const pieces = ['search', 'SEARCH', 'Fetch', 'ab', 'AB', 'q1', 'k9k', 'x'.repeat(64), 'x'.repeat(65), 'fetcher', 'a', ' ', '.', '_', '-', '\n', 'é', 'K', '\u212a9k', '1', 'İ'];
  let agreed = 0;
  for (let n = 0; n < 20_000; n++) {
    let text = '';
    const parts = 1 + rnd(8);
    for (let p = 0; p < parts; p++) text += pieces[rnd(pieces.length)]!;
    const from = rnd(text.length + 1);
    const to = from + rnd(text.length - from + 1);
    const want = reference(plain, text, from, to);
    assert.equal(index.namesToolIn(text, from, to), want, JSON.stringify([text, from, to]));
    if (want) agreed++;
  }
  assert.ok(agreed > 500, `only ${agreed} positive cases`);
  // Calls are independent of each other.
  assert.equal(index.namesToolIn('use search now', 0, 14), true);
  assert.equal(index.namesToolIn('use search now', 4, 8), false);
});

test('namesToolIn: no plain tool names, never', () => {
  const index = new DeploymentIndex([{ server: 's', name: 'get_thing' }]);
  assert.equal(index.namesToolIn('search fetch get_thing', 0, 22), false);
});
