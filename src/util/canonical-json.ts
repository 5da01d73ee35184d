// RFC 8785 JSON Canonicalization Scheme. ECMAScript's JSON.stringify already
// serialises numbers and strings the way RFC 8785 requires (it is defined
// in terms of ES Number.prototype.toString); what it lacks is the key order:
// object members sorted by their UTF-16 code units, recursively.

/**
 * The canonical text of `value`. A copy with every object's keys inserted
 * in sorted order, serialised by one JSON.stringify call, gives the same
 * text as canonicalJsonReference (JSON.stringify writes non-index keys in
 * insertion order) at a fraction of the cost and garbage: this runs over
 * every pinned tool on every check. Whatever the copy cannot represent
 * exactly (see sortedCopy) is left to the reference, as is every error.
 */
export function canonicalJson(value: unknown): string {
  // A toJSON inherited by the copies would be called by JSON.stringify (never by the reference).
  if (value !== null && typeof value === 'object' && !('toJSON' in Object.prototype) && !('toJSON' in Array.prototype)) {
    try {
      const copy = sortedCopy(value);
      if (copy !== UNREPRESENTABLE) return JSON.stringify(copy);
    } catch {
      // Too deep for this path, or a throwing getter: the reference decides.
    }
  }
  return canonicalJsonReference(value);
}

const UNREPRESENTABLE = Symbol('unrepresentable');

/**
 * `v` with object keys in code-unit order, or UNREPRESENTABLE where
 * JSON.stringify of the copy could differ from the reference or the
 * reference throws: a key that V8 would order before the others (an array
 * index: one starting with a digit, to be safe) or that assignment treats
 * specially (`__proto__`); an undefined, function, symbol or bigint value, a
 * non-finite number; an array hole or undefined element.
 */
function sortedCopy(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) {
    if (typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : UNREPRESENTABLE;
    return UNREPRESENTABLE;
  }
  if (Array.isArray(v)) {
    const n = v.length;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const e = v[i];
      if (e === undefined) return UNREPRESENTABLE;
      const c = sortedCopy(e);
      if (c === UNREPRESENTABLE) return c;
      out[i] = c;
    }
    return out;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  keys.sort(); // code-unit order, as RFC 8785 wants
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const c0 = k.charCodeAt(0);
    if ((c0 >= 0x30 && c0 <= 0x39) || k === '__proto__') return UNREPRESENTABLE;
    const c = sortedCopy(o[k]);
    if (c === UNREPRESENTABLE) return c;
    out[k] = c;
  }
  return out;
}

/** RFC 8785 by definition: the specification canonicalJson is tested against, and its fallback. */
export function canonicalJsonReference(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('RFC 8785: non-finite number');
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
      throw new TypeError(`RFC 8785: cannot canonicalise ${typeof value}`);
    return JSON.stringify(value);
  }
  // Plain loops and one string per level.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      // A hole of a sparse array renders empty, as Array.prototype.join did before.
      out += (i === 0 ? '' : ',') + (v === undefined ? (i in value ? 'null' : '') : canonicalJsonReference(v));
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
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJsonReference(v)}`;
    first = false;
  }
  return `${out}}`;
}
