import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CanonicalJsonError, canonicalJson, MAX_JSON_DEPTH } from '../src/util/canonical-json.ts';

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

/** The refusal canonicalJson must give: a CanonicalJsonError at `pointer` whose reason matches. */
function refuses(value: unknown, pointer: string, reason: RegExp): void {
  assert.throws(
    () => canonicalJson(value),
    (err: unknown) => err instanceof CanonicalJsonError && err.pointer === pointer && reason.test(err.reason),
  );
}

test('non-finite numbers are refused with the pointer of the field: 1e400 from JSON.parse, NaN and -Infinity from JS', () => {
  refuses(JSON.parse('{"schema": {"maximum": 1e400}}'), '/schema/maximum', /non-finite number Infinity/);
  refuses({ x: Number.NaN }, '/x', /non-finite number NaN/);
  refuses([1, { 'a/b~': [Number.NEGATIVE_INFINITY] }], '/1/a~1b~0/0', /non-finite number -Infinity/);
  refuses(JSON.parse('-1e400'), '', /non-finite/);
});

test('array holes are refused, not rendered empty (two different arrays would share a text)', () => {
  // biome-ignore lint/suspicious/noSparseArray: the hole is the point
  refuses([1, , 3], '/1', /array hole/);
  refuses({ a: Object.assign(new Array(3), { 0: 1, 2: 3 }) }, '/a/1', /array hole/);
  refuses({ tail: new Array(2) }, '/tail/0', /array hole/);
  // An element that is present but undefined is null, as JSON.stringify writes it.
  assert.equal(canonicalJson([undefined, null]), '[null,null]');
});

test('nesting is bounded: MAX_JSON_DEPTH levels pass, one more is refused, a cycle is refused', () => {
  const nest = (n: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = i % 2 ? [v] : { k: v };
    return v;
  };
  assert.ok(canonicalJson(nest(MAX_JSON_DEPTH)).length > MAX_JSON_DEPTH);
  assert.throws(() => canonicalJson(nest(MAX_JSON_DEPTH + 1)), (e: unknown) => e instanceof CanonicalJsonError && /nesting deeper than 512/.test(e.message) && /\(depth 512\)/.test(e.message));
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  assert.throws(() => canonicalJson(cyclic), (e: unknown) => e instanceof CanonicalJsonError && e.pointer.startsWith('/self/self/'));
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
  assert.throws(() => canonicalJson(deep), CanonicalJsonError);
  assert.equal(canonicalJson(JSON.parse('{"toJSON": "x", "b": [true]}')), '{"b":[true],"toJSON":"x"}');
  assert.equal(canonicalJson({ get g() { return 'g'; }, a: 1 }), '{"a":1,"g":"g"}');
  for (const v of [{ f: () => 1 }, { s: Symbol('s') }, { n: 10n }, undefined]) assert.throws(() => canonicalJson(v), (e: unknown) => e instanceof CanonicalJsonError && /cannot canonicalise/.test(e.message));
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
