// CIDR parsing and containment, IPv4 and IPv6: fixed cases plus property
// tests against a reference that works on bit strings (seeded PRNG).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CidrError,
  cidrContains,
  cidrWithin,
  formatAddress,
  ipBlockRanges,
  METADATA_ADDRESSES,
  parseCidr,
  parseIPv6,
  rangeSize,
  rangesContain,
} from '../checks/netpol/cidr.ts';
import { prng } from './prng.ts';


function randomBits(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += r() < 0.5 ? '0' : '1';
  return s;
}

/** Reference containment: the first `prefix` bits are equal. */
function refContains(netBits: string, prefix: number, addrBits: string): boolean {
  return netBits.slice(0, prefix) === addrBits.slice(0, prefix);
}

function v4Text(bits: string): string {
  return [0, 8, 16, 24].map((i) => String(Number.parseInt(bits.slice(i, i + 8), 2))).join('.');
}

function v6Text(bits: string, r: () => number): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number.parseInt(bits.slice(i * 16, i * 16 + 16), 2).toString(16));
  // Sometimes compress the longest zero run with ::, sometimes write it out, sometimes upper-case.
  let text = groups.join(':');
  if (r() < 0.5) text = formatCompressed(groups);
  return r() < 0.2 ? text.toUpperCase() : text;
}

function formatCompressed(groups: string[]): string {
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
  }
  if (bestLen < 2) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/** Bias addresses toward the network so both outcomes occur often. */
function nearby(r: () => number, net: string, prefix: number): string {
  const keep = Math.max(0, prefix - (r() < 0.5 ? 0 : Math.floor(r() * 3) + 1));
  return net.slice(0, keep) + randomBits(r, net.length - keep);
}

describe('CIDR', () => {
  it('parses and masks IPv4 and IPv6 blocks', () => {
    assert.equal(formatAddress(4, parseCidr('10.1.2.3/8').base), '10.0.0.0');
    assert.equal(parseCidr('0.0.0.0/0').prefix, 0);
    assert.equal(formatAddress(6, parseCidr('fd00:ec2::254/64').base), 'fd00:ec2:0:0:0:0:0:0');
    assert.equal(parseIPv6('::ffff:169.254.169.254'), 0xffffa9fea9fen);
    assert.equal(parseIPv6('::'), 0n);
    assert.equal(parseIPv6('1::'), 1n << 112n);
    assert.equal(parseCidr('::/0').family, 6);
  });

  it('rejects malformed CIDRs', () => {
    const bad = [
      '10.0.0.0', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0/8', '10.0.0.0.0/8', '256.0.0.0/8', '010.0.0.0/8',
      '10.0.0.0/08', ' 10.0.0.0/8', '10.0.0.0/8 ', 'fd00::/129', 'fd00:::1/64', '1::2::3/64', 'fe80::1%eth0/64',
      '12345::/16', '1:2:3:4:5:6:7:8:9/64', '1:2:3:4:5:6:7/64', '::1.2.3/96', '1.2.3.4::/64', 'g::/16', '', '/8', 10,
    ];
    for (const b of bad) assert.throws(() => parseCidr(b), CidrError, String(b));
  });

  const SEED = 1121;
  it(`containment matches the bit-string reference, IPv4 (seed ${SEED})`, () => {
    const r = prng(SEED);
    let hits = 0;
    for (let i = 0; i < 20_000; i++) {
      const prefix = Math.floor(r() * 33);
      const net = randomBits(r, 32);
      const addr = nearby(r, net, prefix);
      const c = parseCidr(`${v4Text(net)}/${prefix}`);
      const want = refContains(net, prefix, addr);
      assert.equal(cidrContains(c, 4, BigInt(`0b${addr}`)), want, `${c.text} ${v4Text(addr)}`);
      if (want) hits++;
    }
    assert.ok(hits > 4000 && hits < 16_000, `hits ${hits}`);
  });

  it(`containment matches the bit-string reference, IPv6 (seed ${SEED + 1})`, () => {
    const r = prng(SEED + 1);
    let hits = 0;
    for (let i = 0; i < 20_000; i++) {
      const prefix = Math.floor(r() * 129);
      const net = randomBits(r, 128).replace(/^(.{16})(.{48})/, (_, a, b) => (r() < 0.5 ? a + '0'.repeat(48) : a + b));
      const addr = nearby(r, net, prefix);
      const c = parseCidr(`${v6Text(net, r)}/${prefix}`);
      const want = refContains(net, prefix, addr);
      assert.equal(cidrContains(c, 6, BigInt(`0b${addr}`)), want, `${c.text}`);
      assert.equal(parseIPv6(v6Text(addr, r)), BigInt(`0b${addr}`));
      if (want) hits++;
    }
    assert.ok(hits > 4000 && hits < 16_000, `hits ${hits}`);
    assert.ok(!cidrContains(parseCidr('::/0'), 4, 0n), 'families never mix');
  });

  it(`ipBlock minus excepts equals the reference set (seed ${SEED + 2})`, () => {
    const r = prng(SEED + 2);
    for (let i = 0; i < 2000; i++) {
      const family = r() < 0.5 ? 4 : 6;
      const width = family === 4 ? 32 : 128;
      const prefix = Math.floor(r() * 10) + (family === 4 ? 16 : 112);
      const net = randomBits(r, width);
      const text = (bits: string, p: number) => `${family === 4 ? v4Text(bits) : v6Text(bits, r)}/${p}`;
      const cidr = parseCidr(text(net, prefix));
      const excepts = Array.from({ length: Math.floor(r() * 4) }, () => {
        const p = prefix + 1 + Math.floor(r() * (width - prefix));
        return { bits: net.slice(0, prefix) + randomBits(r, width - prefix), p };
      });
      const ranges = ipBlockRanges(cidr, excepts.map((e) => parseCidr(text(e.bits, e.p))));
      for (let j = 0; j < 20; j++) {
        const addr = r() < 0.5 && excepts.length ? nearby(r, (excepts[0] as { bits: string }).bits, (excepts[0] as { p: number }).p) : nearby(r, net, prefix);
        const want = refContains(net, prefix, addr) && !excepts.some((e) => refContains(e.bits, e.p, addr));
        assert.equal(rangesContain(ranges, family, BigInt(`0b${addr}`)), want);
      }
      assert.ok(cidrWithin(parseCidr(text(net, width)), cidr));
    }
  });

  it('metadata addresses against common blocks', () => {
    const [v4, v6] = METADATA_ADDRESSES;
    const reach = (cidr: string, except: string[] = []) => {
      const c = parseCidr(cidr);
      const m = c.family === 4 ? v4 : v6;
      return rangesContain(ipBlockRanges(c, except.map(parseCidr)), m?.family ?? 4, m?.value ?? 0n);
    };
    assert.ok(reach('0.0.0.0/0', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']));
    assert.ok(!reach('0.0.0.0/0', ['169.254.0.0/16']));
    assert.ok(!reach('0.0.0.0/0', ['169.254.169.254/32']));
    assert.ok(reach('169.254.169.254/32'));
    assert.ok(!reach('169.254.169.0/24', ['169.254.169.254/31']));
    assert.ok(reach('::/0'));
    assert.ok(reach('fd00:ec2::/32'));
    assert.ok(!reach('fd00:ec2::/32', ['fd00:ec2::254/128']));
    assert.ok(!reach('fd00:ec3::/32'));
    assert.equal(rangeSize(ipBlockRanges(parseCidr('10.0.0.0/8'), [parseCidr('10.1.0.0/16')]), 4), (1n << 24n) - (1n << 16n));
  });
});
