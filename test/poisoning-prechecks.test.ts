// The poisoning linter's shortcuts change how results are computed, never
// what: pre-checks that skip work which cannot find anything, the per-string
// analysis cache, and the faster helpers are each pinned here, on seeded
// random input (test/prng.ts) and on the fixture corpus, to the plain
// version or definition they stand for: what a pre-check skips is run here
// and must find nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { benignDeployments, poisonedCases } from '../scripts/eval-poisoning.ts';
import type { Tool } from '../checks/manifests/manifests.ts';
import { analyse, bodyOf, candidatesOf } from '../checks/manifests/poisoning/analysis.ts';
import { assessTool, DeploymentIndex, looseName, type Verdict } from '../checks/manifests/poisoning/score.ts';
import { features, HTML_COMMENT, INSTRUCTION_TAG, mayMatch, NEEDS, SENSITIVE, UPPER_HEADER } from '../checks/manifests/poisoning/signals.ts';
import { collectStrings, collectWithOwnWords } from '../checks/manifests/poisoning/strings.ts';
import { excerpt, normalise, sentences } from '../checks/manifests/poisoning/text.ts';
import { prng } from './prng.ts';

const pick = <T>(rnd: () => number, a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;

// --- A sampler of strings a regex may match (the subset of syntax signals.ts uses).

type Node =
  | { t: 'alt'; opts: Node[] }
  | { t: 'seq'; items: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'set'; chars: string[]; negate: boolean }
  | { t: 'lit'; ch: string }
  | { t: 'none' };

const POOL = [..."abcdefghijklmnopqrstuvwxyz0123456789_ -.,:;!?'\"`/\\~$&|#%@+()[]{}<>\n\t=*‘’“”é"];
const CLASS: Record<string, string[]> = { s: [' ', ' ', '\t', '\n'], w: [...'abcdefghijklmnopqrstuvwxyz0123456789_'], d: [...'0123456789'] };

/** Parse a regex source; assertions (\b, lookarounds, ^, $) become nothing: whether a sample matches is asked of the regex itself. */
function parse(src: string): Node {
  let i = 0;
  const escaped = (c: string): Node => {
    if (CLASS[c]) return { t: 'set', chars: CLASS[c]!, negate: false };
    if (c === 'S') return { t: 'set', chars: CLASS.s!, negate: true };
    if (c === 'b') return { t: 'none' };
    if (c === 'n' || c === 't') return { t: 'lit', ch: c === 'n' ? '\n' : '\t' };
    return { t: 'lit', ch: c };
  };
  const alt = (): Node => {
    const opts = [seq()];
    while (src[i] === '|') {
      i++;
      opts.push(seq());
    }
    return { t: 'alt', opts };
  };
  const seq = (): Node => {
    const items: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      let n = atom();
      const q = /^(?:\?|\*|\+|\{(\d+)(?:(,)(\d*))?\})/.exec(src.slice(i));
      if (q) {
        i += q[0].length;
        const min = q[0] === '+' ? 1 : q[1] ? Number(q[1]) : 0;
        const max = q[0] === '?' ? 1 : q[1] && !q[2] ? min : q[3] ? Number(q[3]) : min + 3;
        n = { t: 'rep', node: n, min, max: Math.min(max, min + 6) };
      }
      items.push(n);
    }
    return { t: 'seq', items };
  };
  const atom = (): Node => {
    const c = src[i++]!;
    if (c === '\\') return escaped(src[i++]!);
    if (c === '^' || c === '$') return { t: 'none' };
    if (c === '(') {
      const look = /^\?<?[!=]/.exec(src.slice(i));
      if (src.startsWith('?:', i)) i += 2;
      else if (look) i += look[0].length;
      const n = alt();
      i++;
      return look ? { t: 'none' } : n;
    }
    if (c !== '[') return { t: 'lit', ch: c };
    const negate = src[i] === '^';
    if (negate) i++;
    const chars: string[] = [];
    while (src[i] !== ']') {
      let ch = src[i++]!;
      if (ch === '\\') {
        const e = escaped(src[i++]!);
        if (e.t === 'set') chars.push(...e.chars);
        else if (e.t === 'lit') ch = e.ch;
        if (e.t !== 'lit') continue;
      }
      if (src[i] === '-' && src[i + 1] !== ']') {
        const to = src[i + 1] === '\\' ? src[i + 2]! : src[i + 1]!;
        i += src[i + 1] === '\\' ? 3 : 2;
        for (let k = ch.codePointAt(0)!; k <= to.codePointAt(0)!; k++) chars.push(String.fromCodePoint(k));
      } else chars.push(ch);
    }
    i++;
    return { t: 'set', chars, negate };
  };
  return alt();
}

function sample(n: Node, rnd: () => number): string {
  switch (n.t) {
    case 'alt':
      return sample(pick(rnd, n.opts), rnd);
    case 'seq':
      return n.items.map((x) => sample(x, rnd)).join('');
    case 'rep': {
      let s = '';
      for (let k = n.min + Math.floor(rnd() * (n.max - n.min + 1)); k > 0; k--) s += sample(n.node, rnd);
      return s;
    }
    case 'set':
      if (!n.negate) return pick(rnd, n.chars);
      for (let tries = 0; tries < 50; tries++) {
        const ch = pick(rnd, POOL);
        if (!n.chars.includes(ch)) return ch;
      }
      return '';
    case 'lit':
      return n.ch;
    case 'none':
      return '';
  }
}

/** A few characters around a sample: letters glue onto its words, which a pre-check must allow for. */
function context(rnd: () => number): string {
  let s = '';
  for (let k = Math.floor(rnd() * 4); k > 0; k--) s += pick(rnd, POOL);
  return s;
}

test('pre-checks never rule out a pattern that matches (samples of every pattern, in random context)', () => {
  const rnd = prng(0x9e37);
  let matched = 0;
  for (const re of NEEDS.keys()) {
    const tree = parse(re.source);
    let hits = 0;
    for (let k = 0; k < 3000; k++) {
      const lower = (context(rnd) + sample(tree, rnd) + context(rnd) + (rnd() < 0.2 ? sample(tree, rnd) : '')).toLowerCase();
      re.lastIndex = 0;
      const m = re.exec(lower);
      re.lastIndex = 0;
      if (!m) continue;
      hits++;
      assert.ok(mayMatch(re, features(lower)), `${re.source.slice(0, 60)}… matches ${JSON.stringify(m[0])} in ${JSON.stringify(lower)}, but its pre-check rules it out`);
    }
    assert.ok(hits > 100, `${re.source.slice(0, 60)}…: only ${hits} of 3000 samples match; the sampler no longer covers it`);
    matched += hits;
  }
  assert.ok(matched > 50_000);
});

test('a sensitive path glued to a word still passes its pre-check (claude_desktop_config has no \\b in its pattern)', () => {
  const lower = 'copy ~/library/myclaude_desktop_config.json first';
  const re = SENSITIVE[1] as RegExp;
  re.lastIndex = 0;
  assert.ok(re.test(lower));
  re.lastIndex = 0;
  assert.ok(mayMatch(re, features(lower)));
});

/** The pre-check groups' definition: words are the maximal [a-z0-9] runs; punctuation is single characters. */
function mayMatchByWords(re: RegExp, lower: string): boolean {
  const words = new Set(lower.split(/[^a-z0-9]+/));
  return (NEEDS.get(re) ?? []).every((group) => [...group].some((w) => (/^[a-z0-9]+$/.test(w) ? words.has(w) : lower.includes(w))));
}

/** Random text from the pre-check words, glued or separated by spaces and punctuation. */
function soup(rnd: () => number, vocabulary: readonly string[], n: number): string {
  const seps = [' ', ' ', ' ', '', '_', '-', '.', ', ', ': ', '\n', "'", '"', '`', '/', '~/.', '\u00e9', '\u200b', 'X'];
  let s = '';
  for (let k = 0; k < n; k++) s += pick(rnd, vocabulary) + pick(rnd, seps);
  return s;
}
const VOCABULARY = [...new Set([...NEEDS.values()].flatMap((groups) => groups.flatMap((g) => [...g])))];

test('features: the one-pass trie finds exactly the groups a word split finds', () => {
  const rnd = prng(42);
  for (let k = 0; k < 4000; k++) {
    const lower = soup(rnd, VOCABULARY, 1 + Math.floor(rnd() * 12)).toLowerCase();
    const f = features(lower);
    for (const re of NEEDS.keys()) assert.equal(mayMatch(re, f), mayMatchByWords(re, lower), `${re.source.slice(0, 50)} on ${JSON.stringify(lower)}`);
  }
});

const summary = (v: Verdict): string => JSON.stringify({ ...v, collected: undefined });

/** Where `re` first matches `s`, -1 when it does not: running a pattern a pre-check may skip. */
function firstAt(re: RegExp, s: string): number {
  re.lastIndex = 0;
  const m = re.exec(s);
  re.lastIndex = 0;
  return m ? m.index : -1;
}

/** Every word of a sentence may name a tool: candidatesOf then extracts every sentence's candidates. */
const EVERY_WORD = { namesToolIn: () => true };

/**
 * The pre-checks of one string's analysis, each against running what it
 * skips: a pattern its word groups rule out does not match; the tag, comment
 * opener and header found are the first matches of their regexes; and a
 * sentence whose candidates are not extracted has none that could be a tool
 * reference of `index` (one that names a tool, or is identifier-shaped).
 */
function assertPrechecksSkipNothing(value: string, index: DeploymentIndex): void {
  const a = analyse(value);
  const { text, lower } = a.norm;
  const where = JSON.stringify(value.slice(0, 200));
  const f = features(lower);
  for (const re of NEEDS.keys()) if (!mayMatch(re, f)) assert.equal(firstAt(re, lower), -1, `${re.source.slice(0, 60)}… ruled out but matches ${where}`);
  assert.equal(a.tag, firstAt(INSTRUCTION_TAG, lower), where);
  assert.equal(a.comment, firstAt(HTML_COMMENT, lower), where);
  const body = bodyOf(a);
  assert.equal(body.header, firstAt(UPPER_HEADER, text), where);
  const whole = analyse(value);
  const wholeBody = bodyOf(whole);
  for (let i = 0; i < body.bounds.length >> 1; i++) {
    const every = candidatesOf(whole, wholeBody, i, EVERY_WORD) ?? [];
    const found = candidatesOf(a, body, i, index);
    if (found !== null) assert.deepEqual(found, every, where);
    else for (const c of every) assert.ok(!c.identifierShaped && !index.byName.has(c.lower), `${c.word} skipped in ${where}`);
  }
}

test('pre-checks on random text skip nothing that would match (patterns, headers, markup, tool references)', () => {
  const rnd = prng(7);
  // Tool names written in other case or separators: IDENT captures them without their being identifier-shaped.
  const extra = ['search', 'fetch', 'read_file', 'Read_File', 'READ-FILE', 'Wi-Fi', 'x1Y', 'getUser', 'Search', '`Fetch`', 'the', 'call', 'use', '`search`'];
  const markup = ['IMPORTANT', 'NOTE:', 'SECURITY NOTICE:', '<note>', '<IMPORTANT>', '</ system>', '<!--', '{{!--', '[//]: #', 'a@b.cc', 'https://x.y/z', '+1 555 123 4567'];
  const words = [...VOCABULARY, ...extra, ...extra, ...markup];
  const index = new DeploymentIndex([
    { server: 'a', name: 'search', description: 'Searches the web.' },
    { server: 'b', name: 'fetch' },
    { server: 'b', name: 'read_file' },
    { server: 'b', name: 'read-file' },
    { server: 'b', name: 'wi-fi' },
    { server: 'a', name: 'x1y' },
    { server: 'a', name: 'getUser' },
  ]);
  for (let k = 0; k < 1500; k++) assertPrechecksSkipNothing(soup(rnd, words, 2 + Math.floor(rnd() * 30)), index);
});

test('pre-checks on the fixture corpus skip nothing that would match', () => {
  const tools: Tool[] = benignDeployments().flatMap((d) => d.servers.flatMap((s) => s.tools));
  const records = (file: string) =>
    readFileSync(join(import.meta.dirname, 'fixtures/shared/mcp/poisoned', file), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { tool_name?: string; name?: string; description?: unknown });
  const poisoned = [...records('mcp-safetybench-dev.jsonl'), ...records('mcp_shield_examples.jsonl')];
  for (const r of poisoned) if (typeof r.description === 'string') tools.push({ name: r.tool_name ?? r.name ?? 'tool', description: r.description });
  const index = new DeploymentIndex(tools.map((t, k) => ({ server: `s${k % 7}`, name: t.name })));
  let strings = 0;
  for (const tool of tools) {
    for (const s of collectStrings(tool).strings) {
      if (typeof s.value !== 'string') continue;
      assertPrechecksSkipNothing(s.value, index);
      strings++;
    }
  }
  assert.ok(poisoned.length > 100 && strings > 5000, `${strings} strings`);
});

/** sentences() as it was written before it was split into bounds: the reference. */
function sentencesReference(text: string, lower: string): { text: string; lower: string; start: number }[] {
  const out: { text: string; lower: string; start: number }[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    if (raw.trim() !== '') out.push({ text: raw, lower: lower.slice(start, end), start });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const n = text[i + 1];
    if ((c === '.' || c === '!' || c === '?') && (n === undefined || n === ' ' || n === '\n' || n === '\t' || n === '\r')) push(i + 1);
    else if (c === '\n') {
      let j = i + 1;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      const d = text[j];
      if (d === '\n' || d === '-' || d === '*' || d === '•' || (d !== undefined && d >= '0' && d <= '9')) push(i + 1);
    }
  }
  push(text.length);
  return out;
}

test('sentences and excerpt: the same as their plain versions on random text', () => {
  const rnd = prng(11);
  const parts = ['a', 'Word', '.', '!', '?', ' ', ' ', '\n', '\r', '\t', '-', '*', '•', '7', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u000b', '\u0085', '…', 'é', '  '];
  const excerptReference = (t: string, start: number, end: number, max = 90): string => {
    const s = Math.max(0, start);
    const e = Math.min(t.length, Math.max(end, s + 1));
    let q = t.slice(s, e);
    if (q.length > max) q = `${q.slice(0, max - 1)}…`;
    q = q.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
    return q.replace(/[\u2028\u2029]/g, ' ');
  };
  for (let k = 0; k < 5000; k++) {
    let t = '';
    for (let n = Math.floor(rnd() * 40); n > 0; n--) t += pick(rnd, parts);
    assert.deepEqual(sentences(t, t.toLowerCase()), sentencesReference(t, t.toLowerCase()), JSON.stringify(t));
    const a = Math.floor(rnd() * (t.length + 2)) - 1;
    const b = a + Math.floor(rnd() * 100);
    const max = 1 + Math.floor(rnd() * 90);
    assert.equal(excerpt(t, a, b, max), excerptReference(t, a, b, max), JSON.stringify(t));
  }
});

test('normalise: printable ASCII text (with tabs and newlines) comes back as it is', () => {
  const rnd = prng(3);
  for (let k = 0; k < 2000; k++) {
    let t = '';
    for (let n = Math.floor(rnd() * 60); n > 0; n--) t += String.fromCharCode(rnd() < 0.1 ? pick(rnd, [9, 10, 13]) : 0x20 + Math.floor(rnd() * 95));
    assert.deepEqual(normalise(t), { text: t, lower: t.toLowerCase(), hidden: [], tagText: '', confusables: [] });
  }
});

test('own words (property names, enum/const/default values): the same as reading each path', () => {
  const rnd = prng(5);
  const keys = ['enum', 'const', 'default', 'a.const', 'x.enum', 'enum[3]', 'b.enum[12]', 'enum[', '[0]', '.enum', 'properties', 'items', 'type', 'required', 'Const', 'x.default', 'default.', 'enum[1a]', 'q', '$defs', 'anyOf'];
  const value = (d: number): unknown => {
    const r = rnd();
    if (d > 4 || r < 0.35) return pick(rnd, ['Str', 'Read_File', 'x', 'ENUM']);
    if (r < 0.45) return pick(rnd, [1, true, null]);
    if (r < 0.65) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(d + 1));
    const o: Record<string, unknown> = {};
    for (let n = Math.floor(rnd() * 4); n > 0; n--) o[pick(rnd, keys)] = value(d + 1);
    return o;
  };
  for (let k = 0; k < 3000; k++) {
    const tool: Tool = { name: 't', inputSchema: value(0), annotations: { [pick(rnd, keys)]: 'Note' } };
    const reference = new Set(collectStrings(tool).strings.filter((s) => s.isKey || /\.enum\[\d+\]$|\.const$|\.default$/.test(s.path)).map((s) => s.value.toLowerCase()));
    const { collected, ownWords } = collectWithOwnWords(tool);
    assert.deepEqual(collected, collectStrings(tool));
    assert.deepEqual([...ownWords].sort(), [...reference].sort(), JSON.stringify(tool));
  }
});

/** The clone search as first written (token sets, no memo): the reference for DeploymentIndex.clones. */
function clonesReference(tools: { server: string; name: string; description?: string }[], server: string, name: string, description: string) {
  const tokens = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []);
  const docs = tools.filter((t) => typeof t.description === 'string').map((t) => ({ ...t, tokens: tokens(t.description!) }));
  const postings = new Map<string, number[]>();
  docs.forEach((d, id) => {
    for (const tok of d.tokens) postings.set(tok, [...(postings.get(tok) ?? []), id]);
  });
  const selfId = docs.findLastIndex((d) => d.server === server && d.name === name);
  const a = selfId >= 0 ? docs[selfId]!.tokens : tokens(description);
  if (a.size < 8 || new Set(tools.map((t) => t.server)).size < 2) return [];
  const counts = new Map<number, number>();
  let considered = 0;
  for (const tok of a) {
    const p = postings.get(tok);
    if (!p || p.length > 64) continue;
    considered++;
    for (const id of p) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  for (const [id, rare] of counts) {
    const b = docs[id]!;
    if (b.server === server || b.name === name || b.tokens.size < 8) continue;
    const rareCount = [...b.tokens].filter((t) => postings.get(t)!.length <= 64).length;
    if (rare < Math.min(considered, rareCount) * 0.5) continue;
    const inter = [...a].filter((t) => b.tokens.has(t)).length;
    const containment = inter / Math.min(a.size, b.tokens.size);
    if (containment >= 0.9) return [{ server: b.server, name: b.name, containment, jaccard: inter / (a.size + b.tokens.size - inter) }];
  }
  return [];
}

test('clones: token ids, shared token lists and their memo find what plain token sets find', () => {
  const rnd = prng(13);
  const words = Array.from({ length: 60 }, (_, k) => `word${k}`);
  const text = () => Array.from({ length: 6 + Math.floor(rnd() * 14) }, () => pick(rnd, words)).join(' ');
  for (let round = 0; round < 40; round++) {
    const base = Array.from({ length: 12 }, text);
    const tools = Array.from({ length: 80 }, (_, k) => ({
      server: `s${Math.floor(rnd() * 5)}`,
      name: `tool_${k % 70}`,
      description: rnd() < 0.1 ? undefined : rnd() < 0.6 ? pick(rnd, base) : `${pick(rnd, base)} ${pick(rnd, words)}`,
    }));
    const index = new DeploymentIndex(tools);
    for (const t of [...tools, { server: 's9', name: 'new_tool', description: pick(rnd, base) }]) {
      const d = t.description ?? pick(rnd, base);
      for (let again = 0; again < 2; again++) assert.deepEqual(index.clones(t.server, t.name, d), clonesReference(tools, t.server, t.name, d), `${t.server}/${t.name}`);
    }
  }
});

test('the per-string analysis cache: assessing with a shared index gives what a fresh index gives, in any context', () => {
  const deployments = benignDeployments();
  const tools = deployments.flatMap((d) => d.servers.flatMap((s) => s.tools.map((t) => ({ server: s.id, tool: t }))));
  const entries = tools.map(({ server, tool }) => ({ server, name: tool.name, description: typeof tool.description === 'string' ? tool.description : undefined }));
  const shared = new DeploymentIndex(entries);
  // Each tool twice (second time from the cache), and once more under another server and name.
  for (const { server, tool } of tools.slice(0, 200)) {
    const fresh = summary(assessTool(server, tool, new DeploymentIndex(entries)));
    assert.equal(summary(assessTool(server, tool, shared)), fresh);
    assert.equal(summary(assessTool(server, tool, shared)), fresh);
    const moved = { ...tool, name: `${tool.name}_copy` };
    assert.equal(summary(assessTool('elsewhere', moved, shared)), summary(assessTool('elsewhere', moved, new DeploymentIndex(entries))));
  }
  assert.ok(poisonedCases().length > 100);
});

test('byLooseName: names that differ only in case and separators share one list', () => {
  const tools = [
    { server: 'a', name: 'read_file' },
    { server: 'b', name: 'ReadFile' },
    { server: 'b', name: 'read-file' },
    { server: 'c', name: 'read_file' },
    { server: 'c', name: 'other tool' },
  ];
  const index = new DeploymentIndex(tools);
  for (const name of ['read_file', 'ReadFile', 'read-file', 'READ.FILE']) assert.equal(index.byLooseName.get(looseName(name)), index.byLooseName.get('readfile'), name);
  assert.equal(index.byLooseName.get(looseName('missing')), undefined);
  assert.deepEqual(index.byLooseName.get(looseName('READ_FILE')), [['a', 'read_file'], ['b', 'ReadFile'], ['b', 'read-file'], ['c', 'read_file']]);
});
