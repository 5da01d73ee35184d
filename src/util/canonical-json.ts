// RFC 8785 JSON Canonicalization Scheme. ECMAScript's JSON.stringify already
// serialises numbers and strings the way RFC 8785 requires (it is defined
// in terms of ES Number.prototype.toString); what it lacks is the key order:
// object members sorted by their UTF-16 code units, recursively.

/** The canonical text of `value` (RFC 8785). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('RFC 8785: non-finite number');
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
      throw new TypeError(`RFC 8785: cannot canonicalise ${typeof value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      // A hole of a sparse array renders empty, as Array.prototype.join did before.
      out += (i === 0 ? '' : ',') + (v === undefined ? (i in value ? 'null' : '') : canonicalJson(v));
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
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}
