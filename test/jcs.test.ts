import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from '../src/util/canonical-json.ts';

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

test('odd inputs: deep nesting, __proto__ and digit keys, non-JSON values', () => {
  const deep: unknown[] = [];
  let cur = deep;
  for (let i = 0; i < 20_000; i++) {
    const next: unknown[] = [];
    cur.push(next);
    cur = next;
  }
  const proto = JSON.parse('{"__proto__": {"b": 1}, "a": [1, {"1": 2, "0": 1, "x": 3}]}');
  assert.equal(canonicalJson(proto), '{"__proto__":{"b":1},"a":[1,{"0":1,"1":2,"x":3}]}');
  assert.throws(() => canonicalJson(deep), RangeError);
  assert.equal(canonicalJson(Object.assign(new Array(3), { 0: 1, 2: 3 })), '[1,,3]');
  assert.equal(canonicalJson(JSON.parse('{"toJSON": "x", "b": [true]}')), '{"b":[true],"toJSON":"x"}');
  assert.equal(canonicalJson({ get g() { return 'g'; }, a: 1 }), '{"a":1,"g":"g"}');
  for (const v of [{ f: () => 1 }, { s: Symbol('s') }, { n: 10n }]) assert.throws(() => canonicalJson(v), /RFC 8785: cannot canonicalise/);
});

test('a toJSON on Object.prototype changes nothing', () => {
  const v = { b: { c: 1 }, a: [{ d: 2 }] };
  Object.defineProperty(Object.prototype, 'toJSON', { value: () => 'polluted', configurable: true, writable: true });
  try {
    assert.equal(canonicalJson(v), '{"a":[{"d":2}],"b":{"c":1}}');
  } finally {
    delete (Object.prototype as { toJSON?: unknown }).toJSON;
  }
});
