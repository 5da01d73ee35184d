// RFC 8785 JSON Canonicalization Scheme. ECMAScript's JSON.stringify already
// serialises numbers and strings the way RFC 8785 requires (it is defined
// in terms of ES Number.prototype.toString); what it lacks is the key order:
// object members sorted by their UTF-16 code units, recursively.
//
// What has no JSON text is refused, never rendered as something else: a
// non-finite number (JSON.parse turns 1e400 into Infinity), an array hole,
// a function, symbol or bigint, and nesting deeper than MAX_JSON_DEPTH
// (which also ends a cycle). Hashes and pins rest on this text, so two
// different values must never share it.

/** Deepest nesting accepted (objects and arrays); far beyond any real tool definition, far below the stack limit. */
export const MAX_JSON_DEPTH = 512;

/** A value canonicalJson refuses; `pointer` (RFC 6901) says where in it. */
export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
  readonly reason: string;
  readonly pointer: string;
  constructor(reason: string, pointer: string) {
    super(`RFC 8785: ${reason} at ${pointer === '' ? '/ (the value itself)' : shortPointer(pointer)}`);
    this.reason = reason;
    this.pointer = pointer;
  }
}

/** A JSON pointer for a message: a deep one keeps its ends and says how deep it is. */
export function shortPointer(pointer: string): string {
  if (pointer.length <= 120) return pointer;
  const depth = pointer.split('/').length - 1;
  return `${pointer.slice(0, 56)}…${pointer.slice(-56)} (depth ${depth})`;
}

/** The canonical text of `value` (RFC 8785). Throws CanonicalJsonError for what JSON cannot hold. */
export function canonicalJson(value: unknown): string {
  try {
    return write(value, 0);
  } catch (err) {
    // The hot path only signals; the pointer is searched for once, here.
    if (err !== REFUSED && !(err instanceof RangeError)) throw err;
    // A RangeError with nothing refused: a caller already deep in its own stack, or a text above V8's string limit.
    throw locateProblem(value) ?? new CanonicalJsonError(`cannot canonicalise (${(err as Error).message ?? 'refused'})`, '');
  }
}

/** Thrown inside write(): no allocation, no path bookkeeping on the hot path. */
const REFUSED = Symbol('refused');

function write(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object') {
    if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return JSON.stringify(value);
    throw REFUSED;
  }
  if (depth >= MAX_JSON_DEPTH) throw REFUSED;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (v === undefined && !(i in value)) throw REFUSED;
      // An undefined element is null, as JSON.stringify writes it.
      out += (i === 0 ? '' : ',') + (v === undefined ? 'null' : write(v, depth + 1));
    }
    return `${out}]`;
  }
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  // Default sort compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks.
  keys.sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = o[k];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${write(v, depth + 1)}`;
    first = false;
  }
  return `${out}}`;
}

function problemOf(v: unknown, present: boolean, depth: number): string | undefined {
  if (!present) return 'array hole (sparse array)';
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : `non-finite number ${v} (JSON has no ${v}; a literal such as 1e400 overflows to it)`;
  if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return `cannot canonicalise ${typeof v}`;
  if (typeof v === 'object' && depth >= MAX_JSON_DEPTH) return `nesting deeper than ${MAX_JSON_DEPTH} levels`;
  return undefined;
}

/** One RFC 6901 reference token. */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The first refused value, in write() order, as an error with its JSON pointer. Iterative: the value may be deep. */
function locateProblem(root: unknown): CanonicalJsonError | undefined {
  if (root === undefined) return new CanonicalJsonError('cannot canonicalise undefined', '');
  const stack: { v: unknown; path: string; depth: number; present: boolean }[] = [{ v: root, path: '', depth: 0, present: true }];
  while (stack.length > 0) {
    const { v, path, depth, present } = stack.pop()!;
    const problem = problemOf(v, present, depth);
    if (problem) return new CanonicalJsonError(problem, path);
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}/${i}`, depth: depth + 1, present: i in v });
      continue;
    }
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      if (o[k] !== undefined) stack.push({ v: o[k], path: `${path}/${escapePointerToken(k)}`, depth: depth + 1, present: true });
    }
  }
  return undefined;
}
