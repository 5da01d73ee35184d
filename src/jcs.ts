// RFC 8785 JSON Canonicalization Scheme. ECMAScript's JSON.stringify already
// serialises numbers and strings the way RFC 8785 requires (it is defined
// in terms of ES Number.prototype.toString); what it lacks is the key order:
// object members sorted by their UTF-16 code units, recursively.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('RFC 8785: non-finite number');
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
      throw new TypeError(`RFC 8785: cannot canonicalise ${typeof value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
  // Default sort compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks.
  keys.sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}
