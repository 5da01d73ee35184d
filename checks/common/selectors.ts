// Kubernetes label selectors (metav1.LabelSelector): validation, matching,
// and exact containment ("every label set selected by A is selected by B"),
// which the NetworkPolicy audit needs to decide whether an allowed peer lies
// inside the agent-runtime selector.
import type { LabelSelector } from '../../src/config/schema.ts';
import { InputError } from '../../src/util/errors.ts';
import { isObj } from '../../src/workspace/kubernetes.ts';

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
export const OPERATORS: readonly Operator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** A validated selector: the AND of its requirements (matchLabels become `In [v]`). Empty = everything. */
export interface Selector {
  requirements: Requirement[];
}

export type Labels = Readonly<Record<string, string>>;

/** A selector that does not validate; `node` is the parsed YAML value to take a line from. */
export class SelectorError extends Error {
  override name = 'SelectorError';
  readonly node: unknown;
  readonly key: string | undefined;
  constructor(message: string, node: unknown, key?: string) {
    super(message);
    this.node = node;
    this.key = key;
  }
}

export const EVERYTHING: Selector = { requirements: [] };

// Label values are strings only: the API server refuses a number or a
// boolean there (kubectl reads `app: yes` as true), so such a policy never
// exists in the cluster and must not count as protecting anything.
function scalar(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

const QUOTE_IT = 'quote it: the API server refuses a number or boolean there';

/**
 * Validate a LabelSelector as the API server would (operators, values present
 * exactly for In/NotIn). `null`/absent is the empty selector. Throws SelectorError.
 */
export function parseSelector(raw: unknown): Selector {
  if (raw === undefined || raw === null) return EVERYTHING;
  if (!isObj(raw)) throw new SelectorError('selector is not a mapping', raw);
  const requirements: Requirement[] = [];
  for (const k of Object.keys(raw))
    if (k !== 'matchLabels' && k !== 'matchExpressions') throw new SelectorError(`unknown selector field "${k}"`, raw, k);
  const ml = raw.matchLabels;
  if (ml !== undefined && ml !== null) {
    if (!isObj(ml)) throw new SelectorError('matchLabels is not a mapping', raw, 'matchLabels');
    for (const [key, v] of Object.entries(ml)) {
      const value = scalar(v);
      if (value === undefined) throw new SelectorError(`matchLabels.${key} is not a string (${QUOTE_IT})`, ml, key);
      requirements.push({ key, operator: 'In', values: [value] });
    }
  }
  const me = raw.matchExpressions;
  if (me !== undefined && me !== null) {
    if (!Array.isArray(me)) throw new SelectorError('matchExpressions is not a list', raw, 'matchExpressions');
    me.forEach((e, i) => {
      if (!isObj(e)) throw new SelectorError(`matchExpressions[${i}] is not a mapping`, me);
      if (typeof e.key !== 'string' || e.key === '') throw new SelectorError(`matchExpressions[${i}].key is missing`, e, 'key');
      const op = e.operator;
      if (typeof op !== 'string' || !OPERATORS.includes(op as Operator))
        throw new SelectorError(
          `matchExpressions[${i}].operator ${JSON.stringify(op) ?? 'missing'} is not one of ${OPERATORS.join(', ')}`,
          e,
          'operator',
        );
      const rawValues = e.values ?? [];
      if (!Array.isArray(rawValues)) throw new SelectorError(`matchExpressions[${i}].values is not a list`, e, 'values');
      const values = rawValues.map((v) => {
        const s = scalar(v);
        if (s === undefined) throw new SelectorError(`matchExpressions[${i}].values holds a non-string (${QUOTE_IT})`, e, 'values');
        return s;
      });
      if ((op === 'In' || op === 'NotIn') && values.length === 0)
        throw new SelectorError(`matchExpressions[${i}]: operator ${op} needs at least one value`, e, 'operator');
      if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0)
        throw new SelectorError(`matchExpressions[${i}]: operator ${op} takes no values`, e, 'values');
      requirements.push({ key: e.key, operator: op as Operator, values });
    });
  }
  return { requirements };
}

export function requirementMatches(r: Requirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  switch (r.operator) {
    case 'In':
      return has && r.values.includes(labels[r.key] as string);
    case 'NotIn':
      return !has || !r.values.includes(labels[r.key] as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

export function matches(sel: Selector, labels: Labels): boolean {
  for (const r of sel.requirements) if (!requirementMatches(r, labels)) return false;
  return true;
}

export function isEverything(sel: Selector): boolean {
  return sel.requirements.length === 0;
}

/**
 * What one key may be under a selector: absent or not, and a finite set of
 * values (`in`) or everything but a finite set (`notIn`). Label values form
 * an unbounded domain, so a co-finite set is never inside a finite one.
 */
interface KeyConstraint {
  absentOk: boolean;
  kind: 'in' | 'notIn';
  values: Set<string>;
}

function constraintOf(r: Requirement): KeyConstraint {
  switch (r.operator) {
    case 'In':
      return { absentOk: false, kind: 'in', values: new Set(r.values) };
    case 'NotIn':
      return { absentOk: true, kind: 'notIn', values: new Set(r.values) };
    case 'Exists':
      return { absentOk: false, kind: 'notIn', values: new Set() };
    case 'DoesNotExist':
      return { absentOk: true, kind: 'in', values: new Set() };
  }
}

function intersect(a: KeyConstraint, b: KeyConstraint): KeyConstraint {
  const absentOk = a.absentOk && b.absentOk;
  if (a.kind === 'in' && b.kind === 'in') return { absentOk, kind: 'in', values: new Set([...a.values].filter((v) => b.values.has(v))) };
  if (a.kind === 'notIn' && b.kind === 'notIn') return { absentOk, kind: 'notIn', values: new Set([...a.values, ...b.values]) };
  const [fin, cof] = a.kind === 'in' ? [a, b] : [b, a];
  return { absentOk, kind: 'in', values: new Set([...fin.values].filter((v) => !cof.values.has(v))) };
}

function isEmptyConstraint(c: KeyConstraint): boolean {
  return !c.absentOk && c.kind === 'in' && c.values.size === 0;
}

function constraintWithin(a: KeyConstraint, b: KeyConstraint): boolean {
  if (a.absentOk && !b.absentOk) return false;
  if (a.kind === 'in') {
    for (const v of a.values) if (b.kind === 'in' ? !b.values.has(v) : b.values.has(v)) return false;
    return true;
  }
  if (b.kind === 'in') return false; // co-finite never inside finite
  for (const v of b.values) if (!a.values.has(v)) return false;
  return true;
}

/**
 * Constraints already computed, by selector. Selectors are never modified
 * after parsing, and callers only read the map: the NetworkPolicy audit asks
 * for the same agent-runtime selector, and each peer's selector twice
 * (containment, then satisfiability), for every ingress peer.
 */
const constraintCache = new WeakMap<Selector, Map<string, KeyConstraint>>();

function constraints(sel: Selector): Map<string, KeyConstraint> {
  let known = constraintCache.get(sel);
  if (!known) constraintCache.set(sel, (known = computeConstraints(sel)));
  return known;
}

function computeConstraints(sel: Selector): Map<string, KeyConstraint> {
  const out = new Map<string, KeyConstraint>();
  for (const r of sel.requirements) {
    const c = constraintOf(r);
    const prev = out.get(r.key);
    out.set(r.key, prev ? intersect(prev, c) : c);
  }
  return out;
}

/** The selector matches no label set at all (e.g. `a=x` and `a=y`). */
export function isUnsatisfiable(sel: Selector): boolean {
  for (const c of constraints(sel).values()) if (isEmptyConstraint(c)) return true;
  return false;
}

/**
 * Every label set `inner` matches is matched by `outer` (exact: keys are
 * independent, so containment holds iff it holds key by key, or `inner`
 * matches nothing).
 */
export function selectorWithin(inner: Selector, outer: Selector): boolean {
  const ci = constraints(inner);
  for (const c of ci.values()) if (isEmptyConstraint(c)) return true;
  for (const [key, co] of constraints(outer)) {
    const c = ci.get(key) ?? { absentOk: true, kind: 'notIn' as const, values: new Set<string>() };
    if (!constraintWithin(c, co)) return false;
  }
  return true;
}

/** Human form, close to kubectl's `-l` syntax. */
export function formatSelector(sel: Selector): string {
  if (sel.requirements.length === 0) return '{} (everything)';
  return sel.requirements
    .map((r) => {
      if (r.operator === 'Exists') return r.key;
      if (r.operator === 'DoesNotExist') return `!${r.key}`;
      if (r.operator === 'In' && r.values.length === 1) return `${r.key}=${r.values[0]}`;
      return `${r.key} ${r.operator.toLowerCase()} (${r.values.join(',')})`;
    })
    .join(',');
}

/** A selector from the gate's config (kubernetes.<name>), or `fallback` when it is not set; invalid ones are config errors. */
export function configSelector(cfg: LabelSelector | undefined, fallback: Selector, name: string, configFile: string | undefined): Selector {
  if (cfg === undefined) return fallback;
  try {
    return parseSelector(cfg);
  } catch (err) {
    if (err instanceof SelectorError) throw new InputError(`config kubernetes.${name}: ${err.message}`, configFile);
    throw err;
  }
}
