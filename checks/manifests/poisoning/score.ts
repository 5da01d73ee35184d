// Scoring: signals found in a tool's strings, combined within a sentence
// (an instruction = directive + object in the same or the next sentence),
// plus deployment-level signals (references to other servers' tools,
// copycat names and cloned descriptions). Each category counts once, at its
// strongest hit; the sum decides: >= BLOCK_SCORE blocks, >= WARN_SCORE warns.
import { compareStrings } from '../../../src/util/order.ts';
import type { Tool } from '../manifests.ts';
import {
  type Analysis,
  analyse,
  type Body,
  blobsOf,
  bodyOf,
  COMMAND_OBJ,
  CONTACT_OBJ,
  candidatesOf,
  resolveCandidate,
  SECRET_WORD,
  SENSITIVE_OBJ,
  spacedOf,
  TRANSFER_OBJ,
  URL_OBJ,
  WHOLE,
} from './analysis.ts';
import { CJK, NAME_PROMO_AFFIX, type SignalId } from './signals.ts';
import { type Collected, collectWithOwnWords, type ToolString } from './strings.ts';
import { excerpt, isAscii } from './text.ts';

export const BLOCK_SCORE = 3;
export const WARN_SCORE = 2;
/** One string longer than this floods the model's context and hides text far from view. */
export const OVERSIZED_CHARS = 20_000;
const WHITESPACE_RUN = 80;
const BLANK_LINES = 12;

export interface Hit {
  signal: SignalId;
  weight: number;
  /** Field path of the string the hit is in. */
  path: string;
  /** Short quote of the matched span (normalised, control characters stripped). */
  quote: string;
}

export interface Verdict {
  score: number;
  severity: 'block' | 'warning' | undefined;
  /** Strongest hit per category, strongest first. */
  hits: Hit[];
  collected: Collected;
}

export interface DeploymentTool {
  server: string;
  name: string;
  description?: string;
}

/** What a tool needs to know about the rest of the deployment. */
export class DeploymentIndex {
  /** lower-cased tool name -> servers exposing it. */
  readonly byName = new Map<string, Set<string>>();
  /** separator/case-insensitive name -> [server, raw name]. */
  readonly byLooseName = new Map<string, [string, string][]>();
  /** Per description (id = position): its tokens as token ids, distinct, in order of first occurrence. */
  readonly #docs: { server: string; name: string; tokens: Int32Array }[] = [];
  /** Token id -> the token; with #hashes and #table, the token ids (see #tokenize). */
  readonly #words: string[] = [];
  /** Token id -> its hash (HASH_SEED, HASH_MUL). */
  #hashes = new Int32Array(1024);
  /** Open addressing on the hash: token id + 1 per slot, 0 when free; at most half full. */
  #table = new Int32Array(2048);
  /** The token ids of the description being tokenised. */
  #scratch = new Int32Array(256);
  /** Token id -> ids of the descriptions that contain it, ascending. */
  readonly #postings: number[][] = [];
  /** Token id -> the last tokenising pass (#stamp) that met it. */
  readonly #lastDoc: number[] = [];
  /**
   * Description id per server, per tool name: what a map on
   * `${server}\u0000${name}` gives, without building that key for every
   * look-up. Only while every server and name is a string without U+0000
   * (then the key splits one way only); otherwise that map (#flatIds).
   */
  readonly #idsByServer = new Map<string, Map<string, number>>();
  #flatIds: Map<string, number> | undefined;
  readonly #servers = new Set<string>();
  /** Lower-cased tool names that are one plain word, as IDENT's groups 2 and 3 capture them. */
  readonly #plainNames = new Set<string>();
  /** coreName -> [server, raw name] of the tools whose name reduces to it (built on first use). */
  #byCore: Map<string, [string, string, string][]> | undefined;
  /** [server, name, looseName(name)] of every tool, in order. */
  readonly #names: [string, string, string][] = [];
  /**
   * Whether a tool is pinned, unchanged, in the lockfile (the trusted
   * original of a look-alike pair); undefined when there is no lockfile.
   */
  pinned: ((server: string, name: string) => boolean) | undefined;

  constructor(tools: Iterable<DeploymentTool>) {
    // One call per tool rather than one long loop here: the call is optimised early.
    for (const t of tools) this.#add(t);
    this.#tokensOf.clear();
  }

  /** While indexing: the same description text has the same tokens (deployments repeat descriptions). */
  readonly #tokensOf = new Map<string, Int32Array>();

  #add(t: DeploymentTool): void {
    const lower = t.name.toLowerCase();
    let s = this.byName.get(lower);
    if (!s) this.byName.set(lower, (s = new Set()));
    s.add(t.server);
    if (PLAIN_WORD.test(lower)) this.#plainNames.add(lower);
    const loose = lower.replace(LOOSE_SEPARATORS, ''); // looseName(t.name)
    let l = this.byLooseName.get(loose);
    if (!l) this.byLooseName.set(loose, (l = []));
    l.push([t.server, t.name]);
    this.#servers.add(t.server);
    this.#names.push([t.server, t.name, loose]);
    if (typeof t.description !== 'string') return;
    let tokens = this.#tokensOf.get(t.description);
    if (tokens) this.#shared.add(tokens);
    else {
      tokens = this.#tokenize(t.description);
      this.#tokensOf.set(t.description, tokens);
    }
    const id = this.#docs.length;
    this.#setId(t.server, t.name, id);
    this.#docs.push({ server: t.server, name: t.name, tokens });
    // Indexed loops over the typed arrays here: for-of allocates an iterator result per token.
    for (let k = 0; k < tokens.length; k++) this.#postings[tokens[k]!]!.push(id);
  }

  /**
   * Distinct token ids in order of first occurrence (descTokens' order). Most
   * words of a description are already known: an ASCII text is scanned by
   * char code, hashing each word as it goes, and only a word not met before
   * is sliced out, so known words cost no string.
   */
  #tokenize(description: string): Int32Array {
    const stamp = ++this.#stamp;
    const text = description.length > 20_000 ? description.slice(0, 20_000) : description;
    if (isAscii(text)) return this.#scanAscii(text, stamp);
    const lower = text.toLowerCase();
    // Lower-casing may leave only ASCII (the Kelvin sign becomes "k").
    if (isAscii(lower)) return this.#scanAscii(lower, stamp);
    // The runs of 3 or more code points of [\p{L}\p{N}], as /[\p{L}\p{N}]{3,}/gu finds them.
    let n = 0;
    let start = -1;
    let cps = 0;
    for (let i = 0; i <= lower.length; ) {
      const cp = i < lower.length ? (lower.codePointAt(i) as number) : 0;
      const width = cp > 0xffff ? 2 : 1;
      if (letterOrNumber(cp)) {
        if (start < 0) {
          start = i;
          cps = 0;
        }
        cps++;
      } else if (start >= 0) {
        if (cps >= 3) {
          const w = lower.slice(start, i);
          let h = HASH_SEED;
          for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), HASH_MUL);
          const mask = this.#table.length - 1;
          let slot = h & mask;
          let tok = -1;
          for (let e = this.#table[slot]!; e !== 0; slot = (slot + 1) & mask, e = this.#table[slot]!) {
            if (this.#hashes[e - 1] === h && this.#words[e - 1] === w) {
              tok = e - 1;
              break;
            }
          }
          if (tok < 0) tok = this.#insert(w, h, slot);
          n = this.#note(tok, stamp, n);
        }
        start = -1;
      }
      i += width;
    }
    return this.#scratch.slice(0, n);
  }

  /** forEachToken's ASCII case over `s` (ASCII), lower-casing A-Z as it reads them. */
  #scanAscii(s: string, stamp: number): Int32Array {
    let n = 0;
    let start = -1;
    let h = HASH_SEED;
    for (let i = 0; i <= s.length; i++) {
      let c = i < s.length ? s.charCodeAt(i) : 0;
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
        if (start < 0) {
          start = i;
          h = HASH_SEED;
        }
        h = Math.imul(h ^ c, HASH_MUL);
      } else if (start >= 0) {
        const len = i - start;
        if (len >= 3) {
          const table = this.#table;
          const mask = table.length - 1;
          let slot = h & mask;
          let tok = -1;
          for (let e = table[slot]!; e !== 0; slot = (slot + 1) & mask, e = table[slot]!) {
            if (this.#hashes[e - 1] !== h) continue;
            const w = this.#words[e - 1]!;
            if (w.length !== len) continue;
            let k = 0;
            for (; k < len; k++) {
              let d = s.charCodeAt(start + k);
              if (d >= 0x41 && d <= 0x5a) d += 0x20;
              if (d !== w.charCodeAt(k)) break;
            }
            if (k === len) {
              tok = e - 1;
              break;
            }
          }
          if (tok < 0) tok = this.#insert(s.slice(start, i).toLowerCase(), h, slot);
          n = this.#note(tok, stamp, n);
        }
        start = -1;
      }
    }
    return this.#scratch.slice(0, n);
  }

  /** Adds token id `tok` to the scratch list (the first time this pass meets it); the new length. */
  #note(tok: number, stamp: number, n: number): number {
    if (this.#lastDoc[tok] === stamp) return n;
    this.#lastDoc[tok] = stamp;
    if (n === this.#scratch.length) {
      const grown = new Int32Array(n * 2);
      grown.set(this.#scratch);
      this.#scratch = grown;
    }
    this.#scratch[n] = tok;
    return n + 1;
  }

  /** A new token with hash `h`, at free `slot` of the table; its id. */
  #insert(w: string, h: number, slot: number): number {
    const tok = this.#postings.length;
    this.#postings.push([]);
    this.#lastDoc.push(0);
    this.#words.push(w);
    if (tok === this.#hashes.length) {
      const grown = new Int32Array(tok * 2);
      grown.set(this.#hashes);
      this.#hashes = grown;
    }
    this.#hashes[tok] = h;
    this.#table[slot] = tok + 1;
    if (2 * (tok + 1) > this.#table.length) {
      const table = new Int32Array(this.#table.length * 2);
      const mask = table.length - 1;
      for (let id = 0; id <= tok; id++) {
        let at = this.#hashes[id]! & mask;
        while (table[at] !== 0) at = (at + 1) & mask;
        table[at] = id + 1;
      }
      this.#table = table;
    }
    return tok;
  }

  /** The id of token `w`, -1 when no indexed description has it. */
  #tokenId(w: string): number {
    let h = HASH_SEED;
    for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), HASH_MUL);
    const mask = this.#table.length - 1;
    for (let slot = h & mask, e = this.#table[slot]!; e !== 0; slot = (slot + 1) & mask, e = this.#table[slot]!) {
      if (this.#hashes[e - 1] === h && this.#words[e - 1] === w) return e - 1;
    }
    return -1;
  }

  /** The tokens of an indexed description, in #docs order (test/poisoning-tokens.test.ts compares them with forEachToken's). */
  tokensOfDescription(server: string, name: string): string[] | undefined {
    const id = this.#idOf(server, name);
    return id === undefined ? undefined : Array.from(this.#docs[id]!.tokens, (tok) => this.#words[tok]!);
  }

  /** The token id `clones` gives a word of a description that is not indexed (-1: none). */
  tokenIdOf(word: string): number {
    return this.#tokenId(word);
  }

  /** Does a whole [A-Za-z0-9] run of text[from, to) name a tool when lower-cased? */
  namesToolIn(text: string, from: number, to: number): boolean {
    if (this.#plainNames.size === 0) return false;
    for (const [run] of text.slice(from, to).matchAll(ALNUM_RUN)) {
      if (run.length >= 2 && run.length <= 64 && this.#plainNames.has(run.toLowerCase())) return true;
    }
    return false;
  }

  #setId(server: string, name: string, id: number): void {
    if (this.#flatIds === undefined && typeof server === 'string' && typeof name === 'string' && !server.includes('\u0000') && !name.includes('\u0000')) {
      let m = this.#idsByServer.get(server);
      if (!m) this.#idsByServer.set(server, (m = new Map()));
      m.set(name, id);
      return;
    }
    if (this.#flatIds === undefined) {
      this.#flatIds = new Map();
      for (const [s, m] of this.#idsByServer) for (const [n, i] of m) this.#flatIds.set(`${s}\u0000${n}`, i);
    }
    this.#flatIds.set(`${server}\u0000${name}`, id);
  }

  #idOf(server: string, name: string): number | undefined {
    if (this.#flatIds !== undefined) return this.#flatIds.get(`${server}\u0000${name}`);
    // The key's parts, converted in its order; with a U+0000 in one, the key has two and matches none.
    const s = `${server}`;
    const n = `${name}`;
    if (s.includes('\u0000') || n.includes('\u0000')) return undefined;
    return this.#idsByServer.get(s)?.get(n);
  }

  /** Tool name -> what its words say (every name met, once). */
  #nameInfo: Map<string, NameInfo> | undefined;

  /** nameInfo of a tool name, computed once per distinct name. */
  nameOf(name: string): NameInfo {
    this.#nameInfo ??= new Map();
    let c = this.#nameInfo.get(name);
    if (c === undefined) this.#nameInfo.set(name, (c = nameInfo(name)));
    return c;
  }

  /** Tools whose name reduces to `core` (coreName): [server, name, looseName(name)]. */
  sameCore(core: string): readonly [string, string, string][] {
    if (!this.#byCore) {
      this.#byCore = new Map();
      for (let k = 0; k < this.#names.length; k++) {
        const entry = this.#names[k]!;
        if (typeof entry[1] !== 'string') continue;
        const c = this.nameOf(entry[1]).core;
        if (c === '') continue;
        let l = this.#byCore.get(c);
        if (!l) this.#byCore.set(c, (l = []));
        l.push(entry);
      }
    }
    return this.#byCore.get(core) ?? NO_CORES;
  }

  /** How many distinct words an indexed description has (undefined: not indexed). */
  descriptionSize(server: string, name: string): number | undefined {
    const id = this.#idOf(server, name);
    return id === undefined ? undefined : this.#docs[id]!.tokens.length;
  }

  /** Shared distinct words of two indexed descriptions over the smaller one's (0 when either is missing or empty). */
  overlap(a: [string, string], b: [string, string]): number {
    const ia = this.#idOf(a[0], a[1]);
    const ib = this.#idOf(b[0], b[1]);
    if (ia === undefined || ib === undefined) return 0;
    const ta = this.#docs[ia]!.tokens;
    const tb = this.#docs[ib]!.tokens;
    if (ta.length === 0 || tb.length === 0) return 0;
    if (ta === tb) return 1;
    if (this.#mark.length < this.#postings.length) this.#mark = new Int32Array(this.#postings.length);
    const stamp = ++this.#stamp;
    for (let k = 0; k < ta.length; k++) this.#mark[ta[k]!] = stamp;
    let inter = 0;
    for (let k = 0; k < tb.length; k++) if (this.#mark[tb[k]!] === stamp) inter++;
    return inter / Math.min(ta.length, tb.length);
  }

  /** Tools of OTHER servers whose description this one restates (token containment). */
  clones(server: string, name: string, description: string): { server: string; name: string; containment: number; jaccard: number }[] {
    const self = this.#idOf(server, name);
    // Words no indexed description has are -1: they count in the size, never in an intersection.
    const a = self !== undefined ? this.#docs[self]!.tokens : Int32Array.from(descTokens(description), (w) => this.#tokenId(w));
    if (a.length < MIN_CLONE_TOKENS || this.#servers.size < 2) return [];
    // Only shared token lists are kept; the others' candidates are built in scratch arrays.
    let c: Candidates;
    if (this.#shared.has(a)) {
      let kept = this.#candidateMemo.get(a);
      if (!kept) this.#candidateMemo.set(a, (kept = this.#candidates(a, true)));
      c = kept;
    } else c = this.#candidates(a, false);
    let marked = false;
    for (let k = 0; k < c.n; k++) {
      const id = c.touched[k]!;
      // Too few shared rare words, i.e. shared < min(considered, rare) / 2: tested first, as it
      // rules out most candidates without reading their description.
      const shared = c.shared[k]!;
      if (shared < c.considered * 0.5 && shared < this.#rareCount(id) * 0.5) continue;
      const b = this.#docs[id]!;
      // Same-server look-alikes are normal (list_directory vs list_directory_with_sizes).
      if (b.server === server || b.name === name || b.tokens.length < MIN_CLONE_TOKENS) continue;
      // The intersection is at most the shared rare words plus a's common ones: when even that
      // is under 90%, b cannot be a clone and its tokens need not be read (same division as below).
      if ((shared + c.common) / Math.min(a.length, b.tokens.length) < 0.9) continue;
      let inter = 0;
      if (b.tokens === a) inter = a.length; // the same text: every (distinct) token is shared
      else {
        if (!marked) {
          // a's tokens, marked once per call: the intersection with each candidate is one pass over it.
          if (this.#mark.length < this.#postings.length) this.#mark = new Int32Array(this.#postings.length);
          this.#stamp++;
          for (let k = 0; k < a.length; k++) if (a[k]! >= 0) this.#mark[a[k]!] = this.#stamp;
          marked = true;
        }
        for (let k = 0; k < b.tokens.length; k++) if (this.#mark[b.tokens[k]!] === this.#stamp) inter++;
      }
      const containment = inter / Math.min(a.length, b.tokens.length);
      // One clone is enough to report.
      if (containment >= 0.9) return [{ server: b.server, name: b.name, containment, jaccard: inter / (a.length + b.tokens.length - inter) }];
    }
    return [];
  }

  /**
   * Clone candidates of a description (its token ids): the descriptions that
   * share its rarer words, in the order first met, with how many rare words
   * each shares; `considered`: how many of its words are rare. Depends on the
   * tokens only, so it is kept for token lists that several tools share.
   */
  #candidates(a: Int32Array, keep: boolean): Candidates {
    // Candidates share the description's rarer words; words in many tools do not discriminate.
    if (this.#counts.length < this.#docs.length) {
      this.#counts = new Int32Array(this.#docs.length);
      // A description is touched at most once: the scratch lists never outgrow the descriptions.
      this.#touched = new Int32Array(this.#docs.length);
      this.#sharedCounts = new Int32Array(this.#docs.length);
    }
    const counts = this.#counts;
    const touched = this.#touched;
    let n = 0;
    let considered = 0;
    let common = 0;
    for (let k = 0; k < a.length; k++) {
      const tok = a[k]!;
      if (tok < 0) continue;
      const p = this.#postings[tok]!;
      if (p.length > RARE_POSTINGS) {
        common++;
        continue;
      }
      considered++;
      for (let q = 0; q < p.length; q++) {
        const id = p[q]!;
        if (counts[id]!++ === 0) touched[n++] = id;
      }
    }
    const shared = keep ? new Int32Array(n) : this.#sharedCounts;
    for (let k = 0; k < n; k++) {
      shared[k] = counts[touched[k]!]!;
      counts[touched[k]!] = 0;
    }
    return { touched: keep ? touched.slice(0, n) : touched, shared, n, considered, common };
  }

  /** Token lists of more than one description (the same text), and their clone candidates. */
  readonly #shared = new Set<Int32Array>();
  readonly #candidateMemo = new Map<Int32Array, Candidates>();
  #counts = new Int32Array(0);
  #touched = new Int32Array(0);
  #sharedCounts = new Int32Array(0);
  #mark = new Int32Array(0);
  #stamp = 0;
  /** Rare-token count per description id, -1 until computed. */
  #rare = new Int32Array(0);
  #rareCount(id: number): number {
    if (this.#rare.length < this.#docs.length) this.#rare = new Int32Array(this.#docs.length).fill(-1);
    let n = this.#rare[id]!;
    if (n < 0) {
      n = 0;
      const tokens = this.#docs[id]!.tokens;
      for (let k = 0; k < tokens.length; k++) if (this.#postings[tokens[k]!]!.length <= RARE_POSTINGS) n++;
      this.#rare[id] = n;
    }
    return n;
  }
}

/** Clone candidates (#candidates): the first n of touched and shared. */
interface Candidates {
  touched: Int32Array;
  shared: Int32Array;
  n: number;
  considered: number;
  /** How many of its words are indexed but not rare. */
  common: number;
}

const PLAIN_WORD = /^[a-z][a-z0-9]{1,63}$/;
/** Maximal runs of [A-Za-z0-9] (namesToolIn). */
const ALNUM_RUN = /[A-Za-z0-9]+/g;
/** FNV-1a over UTF-16 code units: the tokens' hash. */
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_MUL = 0x01000193;

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Per BMP code point: 0 not yet known, 1 in [\p{L}\p{N}], 2 not. */
const BMP_CLASS = new Uint8Array(0x10000);
function letterOrNumber(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  if (cp > 0xffff) return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
  let k = BMP_CLASS[cp]!;
  if (k === 0) BMP_CLASS[cp] = k = LETTER_OR_NUMBER.test(String.fromCharCode(cp)) ? 1 : 2;
  return k === 1;
}

/** Words found in more tool descriptions than this are not used to find clone candidates. */
const RARE_POSTINGS = 64;
const MIN_CLONE_TOKENS = 8;

/** Ordering words that make a tool reference a mandated call chain. */
const SEQUENCE = /\b(?:first|before|after|then|prior to|followed by|also|additionally|as well)\b/;
const FRAMING = new Set<SignalId>(['directive', 'urgency', 'pretext', 'threat', 'call-chain']);

function descTokens(s: string): Set<string> {
  const out = new Set<string>();
  forEachToken(s, (w) => out.add(w));
  return out;
}

/** The words of a description clones are found by, in order, repeats included. */
function forEachToken(s: string, fn: (word: string) => void): void {
  const text = s.length > 20_000 ? s.slice(0, 20_000) : s;
  const lower = text.toLowerCase();
  if (!isAscii(lower)) {
    for (const m of lower.matchAll(/[\p{L}\p{N}]{3,}/gu)) fn(m[0]);
    return;
  }
  // ASCII: the maximal runs of [a-z0-9] of 3 or more, as /[a-z0-9]{3,}/g finds them, without a match object each.
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= 3) fn(lower.slice(start, i));
      start = -1;
    }
  }
}

const LOOSE_SEPARATORS = /[\s_.-]+/g;
export function looseName(name: string): string {
  return name.toLowerCase().replace(LOOSE_SEPARATORS, '');
}

export function nameTokens(name: string): string[] {
  // Lower-casing may turn other characters into ASCII letters (the Kelvin sign): the general way then.
  if (!isAscii(name))
    return name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((t) => t !== '');
  // The same words in one pass: runs of letters and digits, split before a capital that follows a lower-case letter or digit.
  const out: string[] = [];
  let start = -1;
  let prev = 0;
  for (let i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : 0;
    const kind = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) ? 1 : c >= 0x41 && c <= 0x5a ? 2 : 0;
    if (kind === 0) {
      if (start >= 0) out.push(name.slice(start, i).toLowerCase());
      start = -1;
    } else if (start < 0) start = i;
    else if (kind === 2 && prev === 1) {
      out.push(name.slice(start, i).toLowerCase());
      start = i;
    }
    prev = kind;
  }
  return out;
}

/** Name words that do not change what a tool does: version marks, articles, "tool". */
const FILLER = new Set(['the', 'a', 'an', 'my', 'our', 'this', 'tool', 'tools', 'fn', 'func', 'function']);
const VERSION = /^v?\d{1,4}$/;

export interface NameInfo {
  /** The name's words once affixes that only make it look new or better are dropped (coreName). */
  core: string;
  /** One of its words is a promotional affix (premium_, _pro, best_). */
  promo: boolean;
  /** How many words it has (nameTokens). */
  words: number;
}

/**
 * What a name says: its core, once affixes that only make it look new or
 * better are dropped (promotional words, version marks, fillers, plural -s):
 * get_commands_history, get_the_current_directory_v1 and best_search reduce
 * to get_command_history, get_current_directory and search.
 */
export function nameInfo(name: string): NameInfo {
  const words = nameTokens(name);
  const out: string[] = [];
  let promo = false;
  for (const t of words) {
    if (NAME_PROMO_AFFIX.has(t)) promo = true;
    else if (FILLER.has(t) || VERSION.test(t)) continue;
    else out.push(t.length > 4 && t.endsWith('ies') ? `${t.slice(0, -3)}y` : t.length > 3 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t);
  }
  return { core: out.join('_'), promo, words: words.length };
}

export function coreName(name: string): string {
  return nameInfo(name).core;
}

interface Ctx {
  server: string;
  tool: Tool;
  index: DeploymentIndex;
  /** Property names and enum values of this tool: identifiers that are not tool references. */
  ownWords: Set<string>;
  analyses: AnalysisCache;
  /** The tool's name lower-cased, once needed. */
  own?: string;
  best: Map<SignalId, Best>;
  /** A pretext, threat or claim of necessity was found (framing that justifies an extra step). */
  justified: boolean;
}

/** The strongest hit of a signal so far; the quote is only cut for the hits that are reported. */
interface Best {
  signal: SignalId;
  weight: number;
  path: string;
  text: string;
  start: number;
  end: number;
}

function add(ctx: Ctx, signal: SignalId, weight: number, path: string, text: string, start: number, end: number): void {
  const prev = ctx.best.get(signal);
  if (prev && prev.weight >= weight) return;
  ctx.best.set(signal, { signal, weight, path, text, start, end });
}

interface ToolRef {
  name: string;
  kind: 'same' | 'other' | 'unknown';
  /** Introduced as a call ("call X", "use `X`", "X tool"). */
  called: boolean;
  index: number;
  end: number;
}

const NO_REFS: ToolRef[] = [];

/** Tool references in sentence `i`: the candidates that name a tool of this deployment, or look like one and are called. */
function toolRefs(ctx: Ctx, a: Analysis, body: Body, i: number): ToolRef[] {
  const own = (ctx.own ??= ctx.tool.name.toLowerCase());
  const candidates = candidatesOf(a, body, i, ctx.index);
  if (candidates === null) return NO_REFS;
  let out = NO_REFS;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    if (c.lower === own) continue;
    const servers = ctx.index.byName.get(c.lower);
    if (!servers && !c.identifierShaped) continue; // a plain word that names no tool
    const { quoted, called, notATool, callWordNear } = resolveCandidate(c, a.norm.text);
    if (notATool || ctx.ownWords.has(c.lower)) continue;
    let kind: ToolRef['kind'];
    if (servers) {
      // Plain words ("search", "fetch") count only when the text treats them as a tool.
      if (!c.identifierShaped && !quoted && !called) continue;
      kind = servers.has(ctx.server) ? 'same' : 'other';
    } else if (c.identifierShaped && (called || (quoted && callWordNear))) {
      kind = 'unknown';
    } else continue;
    if (out === NO_REFS) out = [];
    out.push({ name: c.word, kind, called, index: c.index, end: c.end });
    if (out.length >= 20) break;
  }
  return out;
}

/**
 * Analyses of the strings assessed with an index, per distinct string. A
 * string is kept from its second occurrence on: most strings occur once, and
 * keeping those would only cost memory. Bounded: past the limits a string is
 * analysed again each time, with the same result.
 */
class AnalysisCache {
  /** null: seen once. */
  readonly #map = new Map<string, Analysis | null>();
  #chars = 0;

  get(value: string): Analysis {
    if (typeof value !== 'string') return analyse(value); // throws as normalise does
    const cached = this.#map.get(value);
    if (cached) return cached;
    const a = analyse(value);
    if (value.length <= MAX_CACHED_STRING && this.#chars + value.length <= MAX_CACHED_CHARS) {
      this.#map.set(value, cached === null ? a : null);
      if (cached === null) this.#chars += value.length;
    }
    return a;
  }
}
const ANALYSES = new WeakMap<DeploymentIndex, AnalysisCache>();
const MAX_CACHED_CHARS = 16_000_000;
const MAX_CACHED_STRING = 20_000;

function analysisCache(index: DeploymentIndex): AnalysisCache {
  let cache = ANALYSES.get(index);
  if (!cache) ANALYSES.set(index, (cache = new AnalysisCache()));
  return cache;
}

/**
 * Strings that cannot give any signal, so need no analysis (nor a cache
 * look-up): printable ASCII, so nothing hidden or confusable, without the
 * "<", "[" and "{" every instruction tag or comment opener starts with, and
 * too short to be read further: under 12 characters, or a property name
 * without whitespace (only hidden-text checks) under 40 (no blob). Most enum
 * values and property names are such.
 */
const PLAIN_VALUE = /^[\t\n\r\x20-\x3b\x3d-\x5a\x5c-\x7a\x7c-\x7e]{0,11}$/;
const PLAIN_KEY = /^[\x21-\x3b\x3d-\x5a\x5c-\x7a\x7c-\x7e]{0,39}$/;

/** Can scanString find nothing in `str` without analysing it (see PLAIN_VALUE)? */
export function plainString(str: ToolString): boolean {
  return typeof str.value === 'string' && (str.isKey ? PLAIN_KEY : PLAIN_VALUE).test(str.value);
}

/** Signals of one string; `depth` > 0 for text decoded from a blob (not decoded again). */
function scanString(ctx: Ctx, str: ToolString, depth = 0): void {
  if (plainString(str)) return;
  const { path } = str;
  // Tool names are unique, or nearly: not worth keeping.
  const a = path === 'name' ? analyse(str.value) : ctx.analyses.get(str.value);
  const { norm, ws } = a;
  for (let k = 0; k < norm.hidden.length; k++) {
    const h = norm.hidden[k]!;
    const signal = h.kind;
    add(ctx, signal, 3, path, `${h.count} × ${h.codepoints.join(' ')}`, 0, 200);
  }
  if (norm.tagText.trim() !== '') scanString(ctx, { path: `${path}#tag-chars`, value: norm.tagText }, depth + 1);
  if (norm.confusables.length > 0) add(ctx, 'confusable', 2, path, `mixed-script word(s): ${norm.confusables.join(', ')}`, 0, 200);
  const { text } = norm;
  if (text.length > OVERSIZED_CHARS) add(ctx, 'oversized', 2, path, `${text.length} characters`, 0, 100);
  if (ws.longest >= WHITESPACE_RUN || ws.blankLines >= BLANK_LINES)
    add(ctx, 'whitespace-padding', 2, path, `run of ${ws.longest} whitespace characters / ${ws.blankLines} blank lines`, 0, 100);
  if (a.tag >= 0) add(ctx, 'hidden-markup', 3, path, text, a.tag, a.tagEnd);
  if (a.comment >= 0) add(ctx, 'hidden-markup', 2, path, text, a.comment, a.commentEnd + 40);
  if (depth === 0 && ws.longestToken >= 40) {
    const blobs = blobsOf(a);
    for (let k = 0; k < blobs.length; k++) {
      const b = blobs[k]!;
      add(ctx, 'encoded-text', 2, path, `${b.encoding} → "${b.decoded.slice(0, 60)}"`, 0, 200);
      scanString(ctx, { path: `${path}#${b.encoding}`, value: b.decoded }, depth + 1);
    }
  }
  // Tiny strings and single-word property names cannot carry an instruction: hidden-text checks only.
  // (Strings without spaces are still read: Chinese and Japanese text has none.)
  // A regex `pattern` without whitespace is structure too; one with a sentence in it is read.
  if (text.length < 12 || ((str.isKey || path.endsWith('.pattern')) && !spacedOf(a))) return;
  const body = bodyOf(a);
  if (body.header >= 0) add(ctx, 'urgency', 1, path, text, body.header, body.headerEnd);
  for (let x = 0; x < body.whole.length; x += 3) {
    const { signal, weight, justifies } = WHOLE[body.whole[x]!]!;
    add(ctx, signal, weight, path, text, body.whole[x + 1]!, body.whole[x + 2]!);
    if (justifies) ctx.justified = true;
  }
  for (let x = 0; x < body.cjk.length; x += 3) {
    const { signal, weight } = CJK[body.cjk[x]!]!;
    if (signal === 'pretext') ctx.justified = true;
    add(ctx, signal, weight, path, text, body.cjk[x + 1]!, body.cjk[x + 2]!);
  }
  if (body.promoN > 0) {
    const prev = ctx.best.get('promotion');
    const n = Math.min(3, Math.max(prev ? prev.weight : 0, body.promoN));
    ctx.best.delete('promotion');
    add(ctx, 'promotion', n, path, text, body.promo, body.promoEnd);
  }
  const { bounds, objects, strongAt, contactAt, urlAt, transferAt, directiveAt } = body;
  const ns = bounds.length >> 1;
  // A comment is hidden from rendered views: one carrying a shell command is an instruction, not a note.
  if (a.comment >= 0) for (let i = 0; i < ns; i++) if ((objects[i] ?? 0) & COMMAND_OBJ) add(ctx, 'hidden-markup', 3, path, text, a.comment, a.commentEnd + 80);
  let refsBySentence: ToolRef[][] | undefined;
  for (let i = 0; i < ns; i++) {
    const o = objects[i] ?? 0;
    if (o & SENSITIVE_OBJ) add(ctx, 'sensitive-path', 1, path, text, strongAt![2 * i]!, strongAt![2 * i + 1]!);
    if (o & CONTACT_OBJ) add(ctx, 'contact', 1, path, text, contactAt![2 * i]!, contactAt![2 * i + 1]!);
    if (o & TRANSFER_OBJ && o & (CONTACT_OBJ | URL_OBJ)) {
      const target = o & CONTACT_OBJ ? contactAt! : urlAt!;
      if (target[2 * i]! > transferAt![2 * i]!) add(ctx, 'exfiltration', 3, path, text, transferAt![2 * i]!, target[2 * i + 1]!);
    }
    const refs = toolRefs(ctx, a, body, i);
    if (refs !== NO_REFS) {
      refsBySentence ??= [];
      refsBySentence[i] = refs;
    }
    for (let k = 0; k < refs.length; k++) if (refs[k]!.kind === 'other') add(ctx, 'cross-server-ref', 2, path, text, refs[k]!.index, refs[k]!.end);
  }
  if (directiveAt === undefined) return;
  // Instructions: a directive plus an object in the same or the next sentence.
  for (let i = 0; i < ns; i++) {
    const dIndex = directiveAt[2 * i]!;
    if (dIndex < 0) continue;
    const dEnd = directiveAt[2 * i + 1]!;
    add(ctx, 'directive', 1, path, text, dIndex, dEnd);
    for (let j = i; j <= i + 1 && j < ns; j++) {
      const o = objects[j] ?? 0;
      const refs = refsBySentence?.[j] ?? NO_REFS;
      const from = j === i ? dIndex : bounds[2 * j]!;
      const to = j === i ? Math.min(bounds[2 * i + 1]!, dEnd + 120) : bounds[2 * j + 1]!;
      if (o & SENSITIVE_OBJ) add(ctx, 'instruction-sensitive', 3, path, text, from, to);
      if (o & SECRET_WORD && (refs.length > 0 || o & (TRANSFER_OBJ | URL_OBJ | CONTACT_OBJ))) add(ctx, 'instruction-sensitive', 3, path, text, from, to);
      if (o & COMMAND_OBJ) add(ctx, 'instruction-command', 3, path, text, from, to);
      if (o & CONTACT_OBJ) add(ctx, 'instruction-contact', 3, path, text, from, to);
      if (o & URL_OBJ) add(ctx, 'instruction-url', 2, path, text, from, to);
      for (let k = 0; k < refs.length; k++) {
        const r = refs[k]!;
        if (r.kind === 'other') add(ctx, 'instruction-other-tool', 3, path, text, from, to);
        else if (r.kind === 'unknown') add(ctx, 'unknown-tool-ref', 2, path, text, from, to);
        else if (r.called && SEQUENCE.test(norm.lower.slice(bounds[2 * j]!, bounds[2 * j + 1]!))) add(ctx, 'call-chain', 1, path, text, from, to);
      }
    }
  }
}

const LAST_WORD = /\s\S*$/;

/** The matched span with a little context, starting at a word boundary. */
function quoteOf(text: string, start: number, end: number): string {
  let s = Math.max(0, start - 12);
  const ws = text.slice(s, start).search(LAST_WORD);
  if (s > 0 && ws >= 0) s += ws + 1;
  return excerpt(text, s, end + 30);
}

const NO_NAMES: [string, string][] = [];
const NO_CORES: [string, string, string][] = [];
/** Signals by which a tool claims to be the one to pick. */
const CLAIMS: readonly SignalId[] = ['promotion', 'self-comparison', 'shadowing-claim', 'tool-redirect'];

/**
 * Of this tool and `other`, a look-alike or copy pair, is this one the
 * newcomer? The lockfile decides when it pins one of them unchanged and not
 * the other; otherwise the one whose name adds words to the other's, or whose
 * description adds to the other's, or that promotes itself. 'both' when
 * nothing tells them apart.
 */
function blame(ctx: Ctx, other: [string, string], by: 'name' | 'description'): 'self' | 'other' | 'both' {
  const { index, server, tool } = ctx;
  if (index.pinned) {
    const self = index.pinned(server, tool.name);
    const it = index.pinned(other[0], other[1]);
    if (self && !it) return 'other';
    if (it && !self) return 'self';
  }
  // A copy adds to the original: words to its name, words (a promotion, an instruction) to its description.
  const names = index.nameOf(tool.name).words - index.nameOf(other[1]).words;
  const words = (index.descriptionSize(server, tool.name) ?? 0) - (index.descriptionSize(other[0], other[1]) ?? 0);
  const first = by === 'name' ? names || words : words || names;
  if (first !== 0) return first > 0 ? 'self' : 'other';
  return CLAIMS.some((c) => ctx.best.has(c)) ? 'self' : 'both';
}

function nameSignals(ctx: Ctx): void {
  const { tool, index, server } = ctx;
  // Differing only in letter case is a deliberate look-alike, in any server;
  // differing in separator style (kebab vs camel) also arises between
  // independent authors, so it only warns, and only across servers.
  const lower = tool.name.toLowerCase();
  let caseOnly: [string, string] | undefined;
  let styled: [string, string] | undefined;
  const loose = looseName(tool.name);
  const alike = index.byLooseName.get(loose) ?? NO_NAMES;
  for (let k = 0; k < alike.length; k++) {
    const l = alike[k]!;
    if (l[1] === tool.name) continue;
    if (!caseOnly && l[1].toLowerCase() === lower) caseOnly = l;
    if (!styled && l[0] !== server) styled = l;
  }
  if (caseOnly || styled) {
    const [s, n] = (caseOnly ?? styled)!;
    if (index.pinned && blame(ctx, [s, n], 'name') === 'other') return;
    add(ctx, 'name-shadowing', caseOnly ? 3 : 2, 'name', `"${tool.name}" looks like "${n}" of ${s === server ? 'the same server' : `server ${s}`}`, 0, 200);
    return;
  }
  const { core, promo } = index.nameOf(tool.name);
  if (core === '') return;
  // A tool whose name reduces to the same core: another server's first.
  let target: [string, string] | undefined;
  const same = index.sameCore(core);
  for (let k = 0; k < same.length; k++) {
    const l = same[k]!;
    // The same tool, or a copy of it under its very name elsewhere (name-shadowing's case above).
    if (l[2] === loose) continue;
    if (!target || (target[0] === server && l[0] !== server)) target = [l[0], l[1]];
    if (target[0] !== server) break;
  }
  if (!target) {
    if (promo) add(ctx, 'name-promotion', 1, 'name', `promotional affix in "${tool.name}"`, 0, 200);
    return;
  }
  const [s, n] = target;
  const cross = s !== server;
  if (blame(ctx, target, 'name') === 'other') return;
  // A short description copied along: the clone index needs 8 words, a look-alike name needs fewer.
  const copied = index.overlap([server, tool.name], target) >= 0.9;
  if (copied) add(ctx, 'clone', 3, 'description', `restates "${n}" of ${cross ? `server ${s}` : 'the same server'} under a look-alike name`, 0, 200);
  // Same-server variants are normal ("search" and "advanced_search"); only a promotional affix warns there.
  if (!cross && !promo) return;
  // "premium_x" next to another server's "x" competes for selection; a version mark or
  // article ("x_v1", "get_the_x") only warns unless the description is copied too.
  const what = promo ? 'with a promotional affix' : 'reworded';
  add(ctx, 'name-shadowing', cross ? (promo ? 3 : 2) : 2, 'name', `"${tool.name}" is "${n}" of ${cross ? `server ${s}` : 'the same server'} ${what}`, 0, 200);
}

function byStrength(a: Hit, b: Hit): number {
  // Code-unit order, as every report ordering (src/util/order.ts); for the signal ids it is the order localeCompare gave.
  return b.weight - a.weight || compareStrings(a.signal, b.signal);
}

/** Assess one tool of `server` in the deployment. Never throws on odd input types. */
export function assessTool(server: string, tool: Tool, index: DeploymentIndex): Verdict {
  const { collected, ownWords } = collectWithOwnWords(tool);
  const ctx: Ctx = { server, tool, index, ownWords, analyses: analysisCache(index), best: new Map(), justified: false };
  const strings = collected.strings;
  for (let k = 0; k < strings.length; k++) scanString(ctx, strings[k]!);
  nameSignals(ctx);
  if (typeof tool.description === 'string') {
    const clone = index.clones(server, tool.name, tool.description)[0];
    // A copy on another server competes with the original for the model's choice; the original is not to blame.
    if (clone && blame(ctx, [clone.server, clone.name], 'description') !== 'other')
      add(ctx, 'clone', 3, 'description', `restates "${clone.name}" of server ${clone.server} (${Math.round(clone.containment * 100)}% of its words)`, 0, 200);
  }
  return verdictOf(ctx, collected);
}

/**
 * Assess a server-level string the client shows the model (its
 * `instructions`): the same text signals, without the tool-level ones (name
 * look-alikes, clones).
 */
export function assessServerText(server: string, path: string, value: string, index: DeploymentIndex): Verdict {
  const ctx: Ctx = { server, tool: { name: '' }, index, ownWords: new Set(), analyses: analysisCache(index), best: new Map(), justified: false };
  const str = { path, value };
  scanString(ctx, str);
  return verdictOf(ctx, { strings: [str], badFields: [], maxDepth: 0, truncated: false });
}

/** The hits kept in `ctx`, strongest first, their score and what it means. */
function verdictOf(ctx: Ctx, collected: Collected): Verdict {
  const hits: Hit[] = [];
  ctx.best.forEach((h) => {
    if (h.weight > 0) hits.push({ signal: h.signal, weight: h.weight, path: h.path, quote: quoteOf(h.text, h.start, h.end) });
  });
  // Strongest first, then by signal name. At most one hit per signal: an
  // insertion sort, stable like Array.prototype.sort, so the same order.
  for (let i = 1; i < hits.length; i++) {
    const h = hits[i]!;
    let j = i;
    for (; j > 0 && byStrength(hits[j - 1]!, h) > 0; j--) hits[j] = hits[j - 1]!;
    hits[j] = h;
  }
  const score = hits.reduce((n, h) => n + h.weight, 0);
  // Framing alone ("IMPORTANT: always use absolute paths") is common in honest
  // documentation: it warns only together with something it frames. Emphatic
  // routing between a server's own tools ("IMPORTANT: you MUST call X first")
  // is framing too: it blocks only with a reason given for the extra step
  // (a pretext, a threat, "it is critical to").
  const framingOnly = hits.every((h) => FRAMING.has(h.signal));
  const justified = ctx.justified;
  const severity =
    score >= BLOCK_SCORE && (!framingOnly || justified) ? 'block' : score >= BLOCK_SCORE || (score >= WARN_SCORE && !framingOnly) ? 'warning' : undefined;
  return { score, severity, hits, collected };
}
