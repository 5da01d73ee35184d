import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson, canonicalJsonReference } from '../src/util/canonical-json.ts';
import { prng } from './prng.ts';

// Examples from RFC 8785 §3.2.2 / appendix B.
test('RFC 8785 sorting and number serialisation', () => {
  const input = JSON.parse(
    '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
  );
  assert.equal(
    canonicalJson(input),
    '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
  );
});

test('keys sort by UTF-16 code units, recursively', () => {
  const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
  // Read the values in output order (JSON.parse would reorder integer-like keys).
  const values = [...canonicalJson(input).matchAll(/:"([^"]*)"/g)].map((m) => m[1]);
  // RFC 8785 §3.2.3 expected order
  assert.deepEqual(values, [
    'Carriage Return',
    'One',
    'Control',
    'Latin Small Letter O With Diaeresis',
    'Euro Sign',
    'Emoji: Grinning Face',
    'Hebrew Letter Dalet With Dagesh',
  ]);
  assert.equal(canonicalJson({ b: { d: 1, c: 2 }, a: [] }), '{"a":[],"b":{"c":2,"d":1}}');
});

test('whitespace and key order do not change the canonical form', () => {
  assert.equal(canonicalJson(JSON.parse('{ "b" : 1,\n "a":2 }')), canonicalJson(JSON.parse('{"a":2,"b":1}')));
});

test('non-finite numbers are rejected', () => {
  assert.throws(() => canonicalJson({ x: Number.NaN }), /non-finite/);
});

// canonicalJson serialises a key-sorted copy and falls back to the reference
// for what a copy cannot represent: both must give the same text, or throw
// the same error, on any value.
const KEYS = ['a', 'b', 'B', 'ab', 'name', 'type', '', ' ', '0', '1', '10', '9', '01', '-1', '1.5', '4294967295', '2fa', '__proto__', 'toJSON', '\u20ac', '\ud83d\ude00', '\ud800', 'é', 'constructor'];
const LEAVES: unknown[] = ['', 'x', 'a"b\\c', '\u0000\n\u2028', '\ud800', 0, -0, 1.5, 1e21, 333333333.3333333, 2 ** -1074, true, false, null, undefined, Number.NaN, Number.POSITIVE_INFINITY];

function randomValue(rnd: () => number, depth: number): unknown {
  const r = rnd();
  if (depth > 3 || r < 0.4) return LEAVES[Math.floor(rnd() * LEAVES.length)];
  if (r < 0.6) {
    const a: unknown[] = [];
    const n = Math.floor(rnd() * 5);
    for (let i = 0; i < n; i++) a.push(randomValue(rnd, depth + 1));
    if (rnd() < 0.1) a.length += 2; // holes
    return a;
  }
  const o: Record<string, unknown> = {};
  // Up to 17 keys: both of sortKeys' paths (insertion sort, Array.prototype.sort above 16).
  const n = Math.floor(rnd() * (rnd() < 0.1 ? 18 : 6));
  // defineProperty: "__proto__" becomes an own key, as JSON.parse makes it.
  for (let i = 0; i < n; i++) Object.defineProperty(o, KEYS[Math.floor(rnd() * KEYS.length)]!, { value: randomValue(rnd, depth + 1), enumerable: true, configurable: true, writable: true });
  return o;
}

function outcome(f: (v: unknown) => string, v: unknown): string {
  try {
    return `ok ${f(v)}`;
  } catch (err) {
    return `throws ${(err as Error).name}: ${(err as Error).message}`;
  }
}

test('canonicalJson equals the reference on random values (seeded)', () => {
  const rnd = prng(8785);
  let fast = 0;
  for (let i = 0; i < 20_000; i++) {
    const v = randomValue(rnd, 0);
    const want = outcome(canonicalJsonReference, v);
    assert.equal(outcome(canonicalJson, v), want, want);
    if (want.startsWith('ok ')) fast++;
  }
  assert.ok(fast > 5_000, 'most values serialise');
});

test('canonicalJson equals the reference on odd inputs', () => {
  const deep: unknown[] = [];
  let cur = deep;
  for (let i = 0; i < 20_000; i++) {
    const next: unknown[] = [];
    cur.push(next);
    cur = next;
  }
  const proto = JSON.parse('{"__proto__": {"b": 1}, "a": [1, {"1": 2, "0": 1, "x": 3}]}');
  const values: unknown[] = [
    deep,
    proto,
    new Date(0),
    new Map([['a', 1]]),
    new String('ab'),
    new Number(1),
    Object.create({ inherited: 1 }),
    { f: () => 1 },
    { s: Symbol('s') },
    { n: 10n },
    Object.assign(new Array(3), { 0: 1, 2: 3 }), // a hole at 1
    JSON.parse('{"toJSON": "not a function", "b": [true]}'),
    { get g() { return 'getter'; }, a: 1 },
  ];
  for (const v of values) assert.equal(outcome(canonicalJson, v), outcome(canonicalJsonReference, v));
  assert.equal(canonicalJson(proto), '{"__proto__":{"b":1},"a":[1,{"0":1,"1":2,"x":3}]}');
});

test('a toJSON on Object.prototype changes nothing', () => {
  const v = { b: { c: 1 }, a: [{ d: 2 }] };
  const want = canonicalJsonReference(v);
  Object.defineProperty(Object.prototype, 'toJSON', { value: () => 'polluted', configurable: true, writable: true });
  try {
    assert.equal(canonicalJson(v), want);
  } finally {
    delete (Object.prototype as { toJSON?: unknown }).toJSON;
  }
});
