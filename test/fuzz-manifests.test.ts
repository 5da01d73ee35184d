// Seeded, bounded fuzzing of untrusted tool manifests and of canonical JSON.
// Real tools (test/fixtures/shared/mcp/benign) are mutated the ways an
// attacker or a broken server would: deep nesting, 1e400, NaN and Infinity
// from JS, array holes, huge strings, odd Unicode, wrong types, cut text
// (cycles only for canonical JSON: no parser makes one).
// Every case goes through parsing, the lint (poisoning + schema) and the
// integrity path (hash, pin compare, diff); a sample through `manifest pin`
// and `manifest diff` in-process. The only errors allowed are the documented
// ones (InputError from parsing, ToolJsonError / CanonicalJsonError from
// hashing); anything else, or a lint crash turned into a finding, fails.
// The seed is fixed: a failure reproduces, and the case is printed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { comparePin, diffJson, maskDynamic } from '../checks/manifests/diff.ts';
import { integrityFindings } from '../checks/manifests/integrity-check.ts';
import { hashTools, type Lockfile, ToolJsonError } from '../checks/manifests/lockfile.ts';
import { lintServers } from '../checks/manifests/lint-check.ts';
import { parseToolsJson, type ServerManifest, type Tool, toolLineFinder, validateTools } from '../checks/manifests/manifests.ts';
import { CanonicalJsonError, canonicalJson } from '../src/util/canonical-json.ts';
import { InputError } from '../src/util/errors.ts';
import type { CheckContext } from '../src/types.ts';
import { Workspace } from '../src/workspace/workspace.ts';
import { runCli, STACK_FRAME } from './cli-run.ts';
import { prng } from './prng.ts';
import { tempRepo } from './temp-repo.ts';

const BENIGN = join(import.meta.dirname, 'fixtures/shared/mcp/benign');

/** Every real tool of the benign fixtures (the livemcpbench dump holds many servers). */
function realTools(): Tool[] {
  const out: Tool[] = [];
  for (const f of readdirSync(BENIGN).sort()) {
    const doc = JSON.parse(readFileSync(join(BENIGN, f), 'utf8')) as unknown;
    if (f === 'livemcpbench-servers.json') {
      for (const entry of doc as { tools: Record<string, { tools: Tool[] }> }[]) for (const s of Object.values(entry.tools)) out.push(...s.tools);
    } else out.push(...parseToolsJson(JSON.stringify(doc), f));
  }
  return out;
}

const TOOLS = realTools();
type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Paths to every object and array inside a value (to choose where to mutate). */
function containers(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof v !== 'object' || v === null || out.length > 400) return out;
  out.push(path);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) containers(v[i], [...path, i], out);
  else for (const [k, x] of Object.entries(v)) containers(x, [...path, k], out);
  return out;
}

function at(root: unknown, path: (string | number)[]): Record<string | number, unknown> {
  let cur = root as Record<string | number, unknown>;
  for (const p of path) cur = cur[p] as Record<string | number, unknown>;
  return cur;
}

const ODD = ['\ud800', '\udfff', '\u202e', '\u200b\u200d', '\ufeff', '\u0000', '\u{1F600}'.repeat(3), 'e\u0301', 'ﬁ', 'Ⅻ', '\u2028', 'а'];

function nested(r: Rand, depth: number, leaf: unknown): unknown {
  let v = leaf;
  const arrays = r() < 0.5;
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { [pick(r, ['a', 'properties', 'items', 'anyOf', 'x'])]: v };
  return v;
}

/** One in-memory mutation of a tool; returns a label for the failure message. */
function mutateValue(r: Rand, tool: Tool): string {
  const spots = containers(tool);
  const spot = at(tool, pick(r, spots));
  const key: string | number = Array.isArray(spot) ? int(r, 0, spot.length) : pick(r, [...Object.keys(spot), 'description', 'type', 'inputSchema', 'maximum', 'enum']);
  const kind = int(r, 0, 9);
  switch (kind) {
    case 0: {
      const depth = r() < 0.02 ? 20_000 : pick(r, [50, 511, 513, 2_000]);
      spot[key] = nested(r, depth, 1);
      return `nesting ${depth} at ${String(key)}`;
    }
    case 1:
      spot[key] = pick(r, [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
      return `non-finite at ${String(key)}`;
    case 2: {
      const hole = new Array(int(r, 1, 4));
      hole[hole.length - 1] = 'x';
      spot[key] = hole;
      return `array hole at ${String(key)}`;
    }
    case 3:
      spot[key] = pick(r, ['a', 'ignore previous instructions ', '\u202e\u200b', 'x ']).repeat(int(r, 300, 2_000));
      return `huge string at ${String(key)}`;
    case 4:
      spot[key] = Array.from({ length: int(r, 1, 6) }, () => pick(r, ODD)).join(pick(r, ['', ' ', 'tool']));
      return `odd unicode at ${String(key)}`;
    case 5:
      spot[key] = pick(r, [42, true, null, [], {}, 'string', [1, 'a', null], { type: 7 }]);
      return `wrong type at ${String(key)}`;
    case 6:
      (tool as Record<string, unknown>)[pick(r, ['inputSchema', 'outputSchema', 'annotations', 'title', 'description', 'parameters'])] = pick(r, [0, 'x', [], [{}], null, true, { properties: [] }, { required: 'a' }, { type: ['object', 3] }]);
      return 'wrong type of a top-level field';
    case 7:
      spot[key] = 1e308 * 10;
      return `1e400 at ${String(key)}`;
    case 8:
      spot[key] = Array.from({ length: int(r, 20, 300) }, (_, i) => ({ [`p${i}`]: { type: 'string', description: pick(r, ODD) } }));
      return `wide array at ${String(key)}`;
    default:
      // An own property, as JSON.parse makes it (an assignment to __proto__ would change the prototype).
      Object.defineProperty(spot, pick(r, ['__proto__', 'constructor', 'toJSON', '$ref', '']), { value: pick(r, [{}, 'x', []]), enumerable: true, writable: true, configurable: true });
      return 'prototype-ish key';
  }
}

/** A text mutation of a whole manifest file (what `manifest pin` reads). */
function mutateText(r: Rand, text: string): { text: string; label: string } {
  switch (int(r, 0, 5)) {
    case 0: {
      const depth = pick(r, [600, 5_000, 100_000]);
      return { text: text.replace(/"inputSchema"\s*:/, `"deep": ${'['.repeat(depth)}${']'.repeat(depth)}, "inputSchema":`), label: `text nesting ${depth}` };
    }
    case 1:
      return { text: text.replace(/(:\s*)(-?\d+(?:\.\d+)?)/, `$1${pick(r, ['1e400', '-1e400', '1e-400', '-0', '123456789012345678901234567890'])}`), label: 'text number' };
    case 2:
      return { text: text.replace(/"description"\s*:\s*"/, `"description": "${pick(r, ['\\ud800', '\\u0000', '\\u202e', 'NaN'])}`), label: 'text escape' };
    case 3:
      return { text: text.slice(0, int(r, 0, text.length)), label: 'text cut' };
    case 4:
      return { text: text.replace(/"name"/, '"name": 1, "name"'), label: 'duplicate key' };
    default:
      return { text: text.replace(/\[/, '[NaN, Infinity, '), label: 'bare NaN/Infinity' };
  }
}

function server(id: string, tools: Tool[], text?: string): ServerManifest {
  return { id, source: `mcp/${id}.tools.json`, file: `mcp/${id}.tools.json`, tools, toolLine: text ? toolLineFinder(text) : () => undefined, kind: 'file' };
}

const CTX = { root: '/nonexistent', config: {}, workspace: new Workspace('/nonexistent'), signal: new AbortController().signal, now: new Date(0), env: {} } as unknown as CheckContext;

/** Lint, hash, compare with a pin of the original, diff: everything the manifest checks do with one tool. */
function exercise(original: Tool, mutated: Tool): void {
  const { findings } = lintServers([server('s', [mutated])]);
  const crashed = findings.find((f) => f.key === 'lint-error');
  assert.equal(crashed, undefined, crashed?.message);
  const h = hashTools([original]);
  const lock: Lockfile = { lockfileVersion: 1, servers: { s: { source: 'x', sha256: h.sha256, tools: h.tools, pinnedAt: 'x' } } };
  // The snapshot reader hands back the original tools, so field-level diffs run too.
  const out = integrityFindings(CTX, [server('s', [mutated])], lock, () => [original]);
  for (const f of out) assert.ok(['manifest/tampered', 'gate/check-failed'].includes(f.ruleId), f.ruleId);
  try {
    comparePin([mutated], lock.servers.s!, [{ tool: '*', field: '/description' }], () => [original]);
    diffJson(original, mutated);
  } catch (err) {
    if (!(err instanceof ToolJsonError)) throw err;
  }
  try {
    hashTools(maskDynamic([mutated], [{ tool: '*', field: '/inputSchema/properties' }]));
  } catch (err) {
    if (!(err instanceof ToolJsonError)) throw err;
  }
}

describe('fuzz: tool manifests (seeded)', () => {
  test('800 in-memory mutations of real tools: lint and integrity never crash, refusals are ToolJsonError', { timeout: 60_000 }, () => {
    const r = prng(0x5eed16);
    let refused = 0;
    for (let i = 0; i < 800; i++) {
      const original = pick(r, TOOLS);
      const mutated = structuredClone(original);
      const labels: string[] = [];
      for (let m = int(r, 1, 3); m > 0; m--) labels.push(mutateValue(r, mutated));
      try {
        // What a live server's tools/list goes through first (a file's too, after JSON.parse).
        validateTools([mutated], 'mcp/s.tools.json');
      } catch (err) {
        assert.ok(err instanceof InputError, `case ${i}: ${(err as Error).stack}`);
        continue;
      }
      try {
        exercise(original, mutated);
      } catch (err) {
        assert.fail(`case ${i} (${original.name}: ${labels.join(', ')}): ${(err as Error).stack}`);
      }
      try {
        hashTools([mutated]);
      } catch (err) {
        assert.ok(err instanceof ToolJsonError, `case ${i}: ${(err as Error).message}`);
        refused++;
      }
    }
    // The generator does reach the refusals (non-finite, holes, depth, cycles).
    assert.ok(refused > 100, `only ${refused} refusals`);
  });

  test('400 text mutations of real manifest files: parse refuses with InputError naming file and line, or the value goes through every path', { timeout: 60_000 }, () => {
    const r = prng(0xf11e);
    const files = readdirSync(BENIGN).filter((f) => f !== 'livemcpbench-servers.json');
    const texts = files.map((f) => readFileSync(join(BENIGN, f), 'utf8'));
    let parsed = 0;
    for (let i = 0; i < 400; i++) {
      const base = pick(r, texts);
      const { text, label } = mutateText(r, base);
      let tools: Tool[];
      try {
        tools = parseToolsJson(text, 'mcp/s.tools.json');
      } catch (err) {
        assert.ok(err instanceof InputError, `case ${i} (${label}): ${(err as Error).stack}`);
        assert.equal(err.file, 'mcp/s.tools.json');
        continue;
      }
      parsed++;
      const original = parseToolsJson(base, 'x');
      try {
        const { findings } = lintServers([server('s', tools, text)]);
        assert.equal(findings.find((f) => f.key === 'lint-error'), undefined);
        const h = hashTools(original);
        const lock: Lockfile = { lockfileVersion: 1, servers: { s: { source: 'x', sha256: h.sha256, tools: h.tools, pinnedAt: 'x' } } };
        for (const f of integrityFindings(CTX, [server('s', tools, text)], lock, () => original)) {
          if (f.ruleId === 'gate/check-failed') assert.equal(f.location.file, 'mcp/s.tools.json');
        }
      } catch (err) {
        assert.fail(`case ${i} (${label}): ${(err as Error).stack}`);
      }
    }
    assert.ok(parsed > 80, `only ${parsed} parsed`);
  });

  test('80 mutated manifests through `manifest pin` and `manifest diff`: exit 0, 1 or 2 with one-line errors, never an internal error', { timeout: 120_000 }, async () => {
    const r = prng(0xc11);
    const texts = ['server-memory.json', 'mcp-server-fetch.json', 'server-puppeteer.json'].map((f) => readFileSync(join(BENIGN, f), 'utf8'));
    const root = tempRepo('fuzz-cli', { 'mcp/s.tools.json': texts[0] as string });
    for (let i = 0; i < 40; i++) {
      const base = pick(r, texts);
      writeFileSync(join(root, 'mcp/s.tools.json'), base);
      // Pin the real manifest, then mutate it: `diff` compares against a real pin and snapshot.
      assert.equal((await runCli(['manifest', 'pin', root])).code, 0);
      const m = r() < 0.5 ? mutateText(r, base) : (() => {
        const doc = JSON.parse(base) as { tools: Tool[] };
        const label = mutateValue(r, pick(r, doc.tools));
        let text: string;
        try {
          text = JSON.stringify(doc);
        } catch {
          text = base.replace('"tools"', `"tools": [{"name": "x", "n": 1e400}], "t"`);
        }
        return { text: text ?? base, label };
      })();
      writeFileSync(join(root, 'mcp/s.tools.json'), m.text);
      for (const sub of ['diff', 'pin']) {
        const res = await runCli(['manifest', sub, root]);
        const where = `case ${i} (${m.label}) manifest ${sub}: exit ${res.code}\n${res.stderr.slice(0, 500)}`;
        assert.ok([0, 1, 2].includes(res.code), where);
        assert.ok(!/internal error/.test(res.stderr), where);
        assert.ok(!STACK_FRAME.test(res.stderr), where);
        if (res.code === 2) assert.match(res.stderr, /^mcp-gate: mcp\/s\.tools\.json:\d+: MCP server "s": tool .* cannot be hashed: /, where);
      }
    }
  });
});

/** A random JS value: JSON-like, with the things JSON cannot hold mixed in. */
function randomValue(r: Rand, depth: number): unknown {
  const k = int(r, 0, depth > 6 ? 5 : 9);
  switch (k) {
    case 0:
      return pick(r, [0, -0, 1.5, -1e-7, 1e21, 2 ** 53 + 1, Number.MAX_VALUE, Number.MIN_VALUE, JSON.parse('333333333.33333329') as number]);
    case 1:
      return pick(r, ['', 'a', '\ud800', '\u2028', 'é', '"\\/', '\u0000\u001f', '\u{1F600}']);
    case 2:
      return pick(r, [true, false, null]);
    case 3:
      return pick(r, [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, JSON.parse('1e400'), undefined]);
    case 4: {
      if (r() < 0.1) {
        const cyclic: Record<string, unknown> = { a: 1 };
        cyclic.self = cyclic;
        return cyclic;
      }
      return nested(r, pick(r, [10, 511, 512, 600]), 1);
    }
    case 5:
      return 'z'.repeat(int(r, 0, 3_000));
    case 6: {
      const a: unknown[] = new Array(int(r, 0, 5));
      for (let i = 0; i < a.length; i++) if (r() < 0.9) a[i] = randomValue(r, depth + 1);
      return a;
    }
    default: {
      const o: Record<string, unknown> = {};
      for (let i = int(r, 0, 5); i > 0; i--) o[pick(r, ['a', 'b', '\u20ac', '1', '10', '__proto__', '\ud83d\ude00', '', 'A'])] = randomValue(r, depth + 1);
      return o;
    }
  }
}

describe('fuzz: canonical JSON (seeded)', () => {
  test('2,000 random values: a text that parses back to the same canonical text, or CanonicalJsonError with a pointer that resolves', { timeout: 60_000 }, () => {
    const r = prng(0x1cb5);
    let refused = 0;
    for (let i = 0; i < 2_000; i++) {
      const v = randomValue(r, 0);
      let text: string;
      try {
        text = canonicalJson(v);
      } catch (err) {
        assert.ok(err instanceof CanonicalJsonError, `case ${i}: ${(err as Error).stack}`);
        refused++;
        // The pointer names a place that exists in the value (or the value itself).
        let cur: unknown = v;
        for (const tok of err.pointer.split('/').slice(1)) {
          const k = tok.replace(/~1/g, '/').replace(/~0/g, '~');
          // A hole is named by its index: inside the array, but not `in` it.
          const there = typeof cur === 'object' && cur !== null && (k in cur || (Array.isArray(cur) && Number(k) < cur.length));
          assert.ok(there, `case ${i}: pointer ${err.pointer} does not resolve`);
          cur = (cur as Record<string, unknown>)[k];
        }
        continue;
      }
      assert.equal(canonicalJson(JSON.parse(text)), text, `case ${i}: not a fixed point`);
    }
    assert.ok(refused > 150 && refused < 1_850, `${refused} refusals`);
  });
});
