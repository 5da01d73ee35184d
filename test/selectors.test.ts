// Property tests: selector matching and containment against a straightforward
// reference implementation, on random labels and selectors from a seeded PRNG
// (reproducible: the seed is printed in the test name).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isUnsatisfiable,
  type Labels,
  matches,
  type Operator,
  parseSelector,
  type Selector,
  SelectorError,
  selectorWithin,
} from '../checks/common/selectors.ts';
import { prng } from './prng.ts';


const KEYS = ['app', 'role', 'tier', 'team'];
const VALUES = ['a', 'b', 'c', 'agent-runtime'];
const OPS: Operator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

interface RawSel {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: Operator; values?: string[] }[];
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

function randomLabels(r: () => number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of KEYS) if (r() < 0.5) out[k] = pick(r, VALUES);
  return out;
}

function randomSelector(r: () => number): RawSel {
  const sel: RawSel = {};
  if (r() < 0.5) {
    sel.matchLabels = {};
    for (const k of KEYS) if (r() < 0.3) sel.matchLabels[k] = pick(r, VALUES);
  }
  if (r() < 0.7) {
    sel.matchExpressions = [];
    const n = Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      const operator = pick(r, OPS);
      const key = pick(r, KEYS);
      if (operator === 'In' || operator === 'NotIn') {
        const values = VALUES.filter(() => r() < 0.4);
        sel.matchExpressions.push({ key, operator, values: values.length ? values : [pick(r, VALUES)] });
      } else sel.matchExpressions.push({ key, operator });
    }
  }
  return sel;
}

/** Reference: the definition in the Kubernetes API docs, written as plainly as possible. */
function referenceMatches(sel: RawSel, labels: Labels): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const present = k(labels, e.key);
    if (e.operator === 'In' && !(present && (e.values ?? []).includes(labels[e.key] as string))) return false;
    if (e.operator === 'NotIn' && present && (e.values ?? []).includes(labels[e.key] as string)) return false;
    if (e.operator === 'Exists' && !present) return false;
    if (e.operator === 'DoesNotExist' && present) return false;
  }
  return true;
}
function k(labels: Labels, key: string): boolean {
  return Object.keys(labels).includes(key);
}

/** Every label set over KEYS x (VALUES + one value no selector names + absent). */
function allLabelSets(): Record<string, string>[] {
  const domain = [...VALUES, 'zz-other', undefined];
  let sets: Record<string, string>[] = [{}];
  for (const key of KEYS) {
    const next: Record<string, string>[] = [];
    for (const s of sets) for (const v of domain) next.push(v === undefined ? s : { ...s, [key]: v });
    sets = next;
  }
  return sets;
}

describe('label selectors', () => {
  const SEED = 20261121;
  it(`matches() agrees with the reference on 20,000 random (selector, labels) pairs (seed ${SEED})`, () => {
    const r = prng(SEED);
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      const raw = randomSelector(r);
      const labels = randomLabels(r);
      const got = matches(parseSelector(raw), labels);
      assert.equal(got, referenceMatches(raw, labels), JSON.stringify({ raw, labels }));
      if (got) matched++;
    }
    // Both outcomes must be well represented, or the property proves little.
    assert.ok(matched > 2000 && matched < 18_000, `matched ${matched}`);
  });

  const UNIVERSE = allLabelSets();
  it(`selectorWithin() is exact over a complete label universe (${UNIVERSE.length} label sets, seed ${SEED + 1})`, () => {
    const r = prng(SEED + 1);
    let contained = 0;
    for (let i = 0; i < 1500; i++) {
      const a = randomSelector(r);
      const b = r() < 0.3 ? a : randomSelector(r);
      // Brute force: a within b iff no label set matches a but not b. The universe holds
      // a value ("zz-other") that no selector names, standing for the unbounded value domain.
      const brute = UNIVERSE.every((l) => !referenceMatches(a, l) || referenceMatches(b, l));
      const got = selectorWithin(parseSelector(a), parseSelector(b));
      assert.equal(got, brute, JSON.stringify({ a, b }));
      if (got) contained++;
      const unsat = UNIVERSE.every((l) => !referenceMatches(a, l));
      assert.equal(isUnsatisfiable(parseSelector(a)), unsat, JSON.stringify(a));
    }
    assert.ok(contained > 100 && contained < 1400, `contained ${contained}`);
  });

  it('empty / null selector selects everything', () => {
    assert.ok(matches(parseSelector({}), { any: 'thing' }));
    assert.ok(matches(parseSelector(null), {}));
    assert.ok(selectorWithin(parseSelector({ matchLabels: { a: 'b' } }), parseSelector({})));
    assert.ok(!selectorWithin(parseSelector({}), parseSelector({ matchLabels: { a: 'b' } })));
  });

  it('rejects what the API server rejects', () => {
    const bad: unknown[] = [
      { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['x'] }] },
      { matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] },
      { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
      { matchExpressions: [{ key: 'a', operator: 'NotIn' }] },
      { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
      { matchExpressions: [{ operator: 'Exists' }] },
      { matchExpressions: { key: 'a' } },
      { matchLabels: ['a'] },
      { matchLabels: { a: { b: 1 } } },
      { matchLabel: { a: 'b' } },
      'app=x',
    ];
    for (const b of bad) assert.throws(() => parseSelector(b), SelectorError, JSON.stringify(b));
  });
});

describe('label selectors: remembered constraints', () => {
  it('selectorWithin and isUnsatisfiable answer the same for a selector reused across calls as for a fresh parse each time (seed 2027)', () => {
    const r = prng(2027);
    const raws = Array.from({ length: 40 }, () => randomSelector(r));
    const parsed = raws.map((raw) => parseSelector(raw));
    for (let i = 0; i < raws.length; i++) {
      assert.equal(isUnsatisfiable(parsed[i] as Selector), isUnsatisfiable(parseSelector(raws[i])));
      for (let j = 0; j < raws.length; j++)
        assert.equal(selectorWithin(parsed[i] as Selector, parsed[j] as Selector), selectorWithin(parseSelector(raws[i]), parseSelector(raws[j])), `${i} within ${j}`);
    }
  });
});
