// IPv4 / IPv6 addresses and CIDR blocks as integers, for NetworkPolicy
// ipBlock semantics (cidr minus except) computed on address sets, never on
// text. Parsing is strict: anything Kubernetes validation or a CNI might read
// two ways (leading zeros that some parsers take as octal, zone ids, missing
// prefix length) is rejected, so the caller fails closed on it.

export type Family = 4 | 6;

export interface Cidr {
  family: Family;
  /** Network address (host bits cleared). */
  base: bigint;
  prefix: number;
  /** The text as written (for messages). */
  text: string;
}

/** Closed interval of addresses of one family. */
export interface Range {
  family: Family;
  lo: bigint;
  hi: bigint;
}

export class CidrError extends Error {
  override name = 'CidrError';
}

export const BITS: Record<Family, number> = { 4: 32, 6: 128 };

const DEC_OCTET = /^(0|[1-9][0-9]{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Parse a dotted-quad IPv4 address; undefined when not one. */
export function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!DEC_OCTET.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

/** Parse an IPv6 address (with `::` and an optional trailing dotted quad); undefined when not one. */
export function parseIPv6(text: string): bigint | undefined {
  if (text.length === 0 || text.length > 45 || text.includes('%')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): bigint[] | undefined => {
    if (s === '') return [];
    const parts = s.split(':');
    const out: bigint[] = [];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as string;
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIPv4(p);
        if (v4 === undefined) return undefined;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (HEX_GROUP.test(p)) out.push(BigInt(Number.parseInt(p, 16)));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0] as string);
  const tail = halves.length === 2 ? groups(halves[1] as string) : [];
  if (!head || !tail) return undefined;
  // A dotted quad may only end the address.
  if (halves.length === 2 && (halves[0] as string).includes('.')) return undefined;
  let all: bigint[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return undefined;
    all = [...head, ...Array.from({ length: missing }, () => 0n), ...tail];
  } else {
    all = head;
  }
  if (all.length !== 8) return undefined;
  let v = 0n;
  for (const g of all) v = (v << 16n) | g;
  return v;
}

export function parseAddress(text: string): { family: Family; value: bigint } | undefined {
  const v4 = parseIPv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIPv6(text);
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

/** Parse `addr/prefix`. Host bits are cleared, as Kubernetes does. Throws CidrError. */
export function parseCidr(text: unknown): Cidr {
  if (typeof text !== 'string') throw new CidrError(`CIDR must be a string, got ${JSON.stringify(text) ?? typeof text}`);
  const slash = text.indexOf('/');
  if (slash === -1) throw new CidrError(`"${text}" is not a CIDR (no /prefix length)`);
  const addrText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const addr = parseAddress(addrText);
  if (!addr) throw new CidrError(`"${text}" is not a CIDR (bad address "${addrText}")`);
  const bits = BITS[addr.family];
  if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > bits)
    throw new CidrError(`"${text}" is not a CIDR (prefix length must be 0..${bits})`);
  const prefix = Number(prefixText);
  const hostBits = BigInt(bits - prefix);
  const base = (addr.value >> hostBits) << hostBits;
  return { family: addr.family, base, prefix, text };
}

export function rangeOf(c: Cidr): Range {
  const hostBits = BigInt(BITS[c.family] - c.prefix);
  return { family: c.family, lo: c.base, hi: c.base + (1n << hostBits) - 1n };
}

export function cidrContains(c: Cidr, family: Family, addr: bigint): boolean {
  if (c.family !== family) return false;
  const hostBits = BigInt(BITS[family] - c.prefix);
  return addr >> hostBits === c.base >> hostBits;
}

/** `inner` lies entirely inside `outer` (same family). */
export function cidrWithin(inner: Cidr, outer: Cidr): boolean {
  return inner.family === outer.family && inner.prefix >= outer.prefix && cidrContains(outer, inner.family, inner.base);
}

/** Sort and merge overlapping or adjacent ranges (per family). */
export function normalizeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.family - b.family || (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === r.family && r.lo <= last.hi + 1n) {
      if (r.hi > last.hi) last.hi = r.hi;
    } else out.push({ ...r });
  }
  return out;
}

/** `from` minus every range of `remove`. */
export function subtractRanges(from: readonly Range[], remove: readonly Range[]): Range[] {
  let cur = normalizeRanges(from);
  for (const x of normalizeRanges(remove)) {
    const next: Range[] = [];
    for (const r of cur) {
      if (r.family !== x.family || x.hi < r.lo || x.lo > r.hi) {
        next.push(r);
        continue;
      }
      if (x.lo > r.lo) next.push({ family: r.family, lo: r.lo, hi: x.lo - 1n });
      if (x.hi < r.hi) next.push({ family: r.family, lo: x.hi + 1n, hi: r.hi });
    }
    cur = next;
  }
  return cur;
}

/** Addresses of an ipBlock: cidr minus its excepts. */
export function ipBlockRanges(cidr: Cidr, except: readonly Cidr[]): Range[] {
  return subtractRanges([rangeOf(cidr)], except.map(rangeOf));
}

export function rangesContain(ranges: readonly Range[], family: Family, addr: bigint): boolean {
  return ranges.some((r) => r.family === family && r.lo <= addr && addr <= r.hi);
}

/** Number of addresses of `family` covered (ranges need not be normalized). */
export function rangeSize(ranges: readonly Range[], family: Family): bigint {
  let n = 0n;
  for (const r of normalizeRanges(ranges)) if (r.family === family) n += r.hi - r.lo + 1n;
  return n;
}

export function formatAddress(family: Family, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((value >> s) & 0xffffn).toString(16));
  return groups.join(':');
}

/** Cloud metadata services the gate checks reachability of (AWS IMDS IPv4 and IPv6; GCP, Azure, OpenStack use the IPv4 one). */
export const METADATA_ADDRESSES: readonly { family: Family; value: bigint; text: string }[] = [
  { family: 4, value: parseIPv4('169.254.169.254') as bigint, text: '169.254.169.254' },
  { family: 6, value: parseIPv6('fd00:ec2::254') as bigint, text: 'fd00:ec2::254' },
];
