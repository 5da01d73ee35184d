// Scoring: signals found in a tool's strings, combined within a sentence
// (an instruction = directive + object in the same or the next sentence),
// plus deployment-level signals (references to other servers' tools,
// copycat names and cloned descriptions). Each category counts once, at its
// strongest hit; the sum decides: >= BLOCK_SCORE blocks, >= WARN_SCORE warns.
import type { Tool } from '../manifests.ts';
import {
  CALL_BEFORE,
  COMMAND,
  COMPARISON,
  CONCEAL,
  DIRECTIVE,
  EMAIL,
  HTML_COMMENT,
  INSTRUCTION_TAG,
  MESSAGE,
  type Features,
  features,
  matches,
  mayMatch,
  NAME_PROMO_AFFIX,
  OVERRIDE,
  PHONE,
  PRETEXT,
  PROMOTION,
  REDIRECT,
  SENSITIVE,
  type SignalId,
  TAMPER,
  THREAT,
  TOOL_AFTER,
  TRANSFER,
  UPPER_HEADER,
  URGENCY,
  URL,
} from './signals.ts';
import { type Collected, collectStrings, type ToolString } from './strings.ts';
import { decodedBlobs, excerpt, normalise, sentences, whitespaceRuns } from './text.ts';

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
  /** Where the quote comes from; the quote is only cut for the hits that are reported. */
  span?: { text: string; start: number; end: number };
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
  readonly #descTokens: { server: string; name: string; tokens: Set<string> }[] = [];
  readonly #postings = new Map<string, number[]>();
  readonly #ids = new Map<string, number>();
  readonly #servers = new Set<string>();

  constructor(tools: Iterable<DeploymentTool>) {
    for (const t of tools) {
      const lower = t.name.toLowerCase();
      let s = this.byName.get(lower);
      if (!s) this.byName.set(lower, (s = new Set()));
      s.add(t.server);
      const loose = looseName(t.name);
      let l = this.byLooseName.get(loose);
      if (!l) this.byLooseName.set(loose, (l = []));
      l.push([t.server, t.name]);
      this.#servers.add(t.server);
      if (typeof t.description === 'string') {
        const tokens = descTokens(t.description);
        const id = this.#descTokens.length;
        this.#ids.set(`${t.server}\u0000${t.name}`, id);
        this.#descTokens.push({ server: t.server, name: t.name, tokens });
        for (const tok of tokens) {
          let p = this.#postings.get(tok);
          if (!p) this.#postings.set(tok, (p = []));
          p.push(id);
        }
      }
    }
  }

  /** Tools of OTHER servers whose description this one restates (token containment). */
  clones(server: string, name: string, description: string): { server: string; name: string; containment: number; jaccard: number }[] {
    const self = this.#ids.get(`${server}\u0000${name}`);
    const a = self !== undefined ? this.#descTokens[self]!.tokens : descTokens(description);
    if (a.size < MIN_CLONE_TOKENS || this.#servers.size < 2) return [];
    // Candidates share the description's rarer words; words in many tools do not discriminate.
    if (this.#counts.length < this.#descTokens.length) this.#counts = new Int32Array(this.#descTokens.length);
    const counts = this.#counts;
    const touched: number[] = [];
    let considered = 0;
    for (const tok of a) {
      const p = this.#postings.get(tok);
      if (!p || p.length > RARE_POSTINGS) continue;
      considered++;
      for (const id of p) if (counts[id]!++ === 0) touched.push(id);
    }
    const out: { server: string; name: string; containment: number; jaccard: number }[] = [];
    for (const id of touched) {
      const rare = counts[id]!;
      counts[id] = 0;
      const b = this.#descTokens[id]!;
      // Same-server look-alikes are normal (list_directory vs list_directory_with_sizes).
      if (b.server === server || b.name === name || b.tokens.size < MIN_CLONE_TOKENS) continue;
      if (rare < Math.min(considered, this.#rareCount(id)) * 0.5) continue;
      let inter = 0;
      const [small, large] = a.size <= b.tokens.size ? [a, b.tokens] : [b.tokens, a];
      for (const tok of small) if (large.has(tok)) inter++;
      const containment = inter / small.size;
      const jaccard = inter / (a.size + b.tokens.size - inter);
      if (containment >= 0.9) {
        out.push({ server: b.server, name: b.name, containment, jaccard });
        break; // one clone is enough to report
      }
    }
    for (const id of touched) counts[id] = 0;
    return out;
  }

  #counts = new Int32Array(0);
  /** Rare-token count per description id, -1 until computed. */
  #rare = new Int32Array(0);
  #rareCount(id: number): number {
    if (this.#rare.length < this.#descTokens.length) this.#rare = new Int32Array(this.#descTokens.length).fill(-1);
    let n = this.#rare[id]!;
    if (n < 0) {
      n = 0;
      for (const tok of this.#descTokens[id]!.tokens) if ((this.#postings.get(tok)?.length ?? 0) <= RARE_POSTINGS) n++;
      this.#rare[id] = n;
    }
    return n;
  }
}

/** Words found in more tool descriptions than this are not used to find clone candidates. */
const RARE_POSTINGS = 64;
const MIN_CLONE_TOKENS = 8;

/** Ordering words that make a tool reference a mandated call chain. */
const SEQUENCE = /\b(?:first|before|after|then|prior to|followed by)\b/;
const FRAMING = new Set<SignalId>(['directive', 'urgency', 'pretext', 'threat', 'call-chain']);

function descTokens(s: string): Set<string> {
  const out = new Set<string>();
  const text = s.length > 20_000 ? s.slice(0, 20_000) : s;
  const lower = text.toLowerCase();
  if (/[^\u0000-\u007f]/.test(lower)) {
    for (const m of lower.matchAll(/[\p{L}\p{N}]{3,}/gu)) out.add(m[0]);
    return out;
  }
  // ASCII: the maximal runs of [a-z0-9] of 3 or more, as /[a-z0-9]{3,}/g finds them, without a match object each.
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= 3) out.add(lower.slice(start, i));
      start = -1;
    }
  }
  return out;
}

export function looseName(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]+/g, '');
}

export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

interface Ctx {
  server: string;
  tool: Tool;
  index: DeploymentIndex;
  /** Property names and enum values of this tool: identifiers that are not tool references. */
  ownWords: Set<string>;
  best: Map<SignalId, Hit>;
}

function add(ctx: Ctx, signal: SignalId, weight: number, path: string, text: string, start: number, end: number): void {
  const prev = ctx.best.get(signal);
  if (prev && prev.weight >= weight) return;
  ctx.best.set(signal, { signal, weight, path, quote: '', span: { text, start, end } });
}

interface ToolRef {
  name: string;
  kind: 'same' | 'other' | 'unknown';
  /** Introduced as a call ("call X", "use `X`", "X tool"). */
  called: boolean;
  index: number;
  end: number;
}

/**
 * Tool-reference candidates: identifier-shaped words (snake_case, kebab-case,
 * camelCase), quoted words, and plain words introduced as tools ("call X",
 * "the X tool"). Group 1, 2 or 3 holds the word.
 */
const IDENT =
  /\b([A-Za-z][A-Za-z0-9]{0,63}(?:[_-][A-Za-z0-9]{1,63}){1,8}|[a-z][a-z0-9]{0,63}[A-Z][A-Za-z0-9]{0,63})|[`'"‘“]([A-Za-z][A-Za-z0-9]{1,63})[`'"’”]|\b(?:call|calls|calling|invoke|invoking|use|using|run|via|the)\s{1,4}([a-z][a-z0-9]{1,63})\b/g;
const QUOTES = '`\'"‘’“”';
const NOT_A_TOOL_AFTER = /^[`'"’”]?\s*(?:parameter|param|field|argument|arg|property|option|key|column|value|values|type|format|flag|header|variable|attribute|setting)s?\b/;

function toolRefs(ctx: Ctx, text: string): ToolRef[] {
  const out: ToolRef[] = [];
  const own = ctx.tool.name.toLowerCase();
  IDENT.lastIndex = 0;
  for (let m = IDENT.exec(text); m !== null; m = IDENT.exec(text)) {
    const word = m[1] ?? m[2] ?? m[3] ?? '';
    const index = m.index + m[0].lastIndexOf(word);
    if (m[2] === undefined && m[3] !== undefined) IDENT.lastIndex = index; // let "call use_this" re-scan the word
    const lower = word.toLowerCase();
    if (lower === own) continue;
    const servers = ctx.index.byName.get(lower);
    const identifierShaped = /[a-z0-9][_-][a-z0-9]|[a-z][A-Z]/.test(word);
    if (!servers && !identifierShaped) continue; // a plain word that names no tool
    const before = text.slice(Math.max(0, index - 30), index);
    const after = text.slice(index + word.length, index + word.length + 24);
    const quoted = QUOTES.includes(before.slice(-1)) && QUOTES.includes(after.slice(0, 1));
    const called = CALL_BEFORE.test(before) || TOOL_AFTER.test(after);
    if (NOT_A_TOOL_AFTER.test(after) || ctx.ownWords.has(lower)) continue;
    if (servers) {
      // Plain words ("search", "fetch") count only when the text treats them as a tool.
      if (!identifierShaped && !quoted && !called) continue;
      out.push({ name: word, kind: servers.has(ctx.server) ? 'same' : 'other', called, index, end: index + word.length });
    } else if (identifierShaped && (called || (quoted && /\b(?:call|use|invoke|tool|function)\b/.test(before + after)))) {
      out.push({ name: word, kind: 'unknown', called, index, end: index + word.length });
    }
    if (out.length >= 20) break;
  }
  IDENT.lastIndex = 0;
  return out;
}

/** First match of any of `res` in each sentence (index = sentence number), positions in `text`. */
function bucket(res: readonly RegExp[], text: string, starts: readonly number[], f?: Features): ({ index: number; end: number } | undefined)[] {
  const out: ({ index: number; end: number } | undefined)[] = [];
  for (const re of res) {
    if (!mayMatch(re, f)) continue;
    let j = 0;
    for (const m of matches(re, text, 200)) {
      while (j + 1 < starts.length && starts[j + 1]! <= m.index) j++;
      const prev = out[j];
      if (!prev || m.index < prev.index) out[j] = m;
    }
  }
  return out;
}

function firstHit(res: readonly RegExp[], s: string, f?: Features): { index: number; end: number; n: number } | undefined {
  let first: { index: number; end: number; n: number } | undefined;
  let n = 0;
  for (const re of res) {
    if (!mayMatch(re, f)) continue;
    re.lastIndex = 0;
    const m = re.exec(s);
    re.lastIndex = 0;
    if (m) {
      n++;
      if (!first) first = { index: m.index, end: m.index + m[0].length, n: 0 };
    }
  }
  if (first) first.n = n;
  return first;
}

/** Signals of one string; `depth` > 0 for text decoded from a blob (not decoded again). */
function scanString(ctx: Ctx, str: ToolString, depth = 0): void {
  const { path } = str;
  const raw = str.value;
  const norm = normalise(raw);
  for (const h of norm.hidden) {
    const signal = h.kind;
    add(ctx, signal, 3, path, `${h.count} × ${h.codepoints.join(' ')}`, 0, 200);
  }
  if (norm.tagText.trim() !== '') scanString(ctx, { path: `${path}#tag-chars`, value: norm.tagText }, depth + 1);
  if (norm.confusables.length > 0) add(ctx, 'confusable', 2, path, `mixed-script word(s): ${norm.confusables.join(', ')}`, 0, 200);
  const { text, lower } = norm;
  if (text.length > OVERSIZED_CHARS) add(ctx, 'oversized', 2, path, `${text.length} characters`, 0, 100);
  const ws = whitespaceRuns(text);
  if (ws.longest >= WHITESPACE_RUN || ws.blankLines >= BLANK_LINES)
    add(ctx, 'whitespace-padding', 2, path, `run of ${ws.longest} whitespace characters / ${ws.blankLines} blank lines`, 0, 100);
  for (const m of matches(INSTRUCTION_TAG, lower, 1)) add(ctx, 'hidden-markup', 3, path, text, m.index, m.end);
  for (const m of matches(HTML_COMMENT, lower, 1)) add(ctx, 'hidden-markup', 2, path, text, m.index, m.end + 40);
  if (depth === 0 && ws.longestToken >= 40) {
    for (const b of decodedBlobs(text)) {
      add(ctx, 'encoded-text', 2, path, `${b.encoding} → "${b.decoded.slice(0, 60)}"`, 0, 200);
      scanString(ctx, { path: `${path}#${b.encoding}`, value: b.decoded }, depth + 1);
    }
  }
  // Tiny strings and single-word property names cannot carry an instruction: hidden-text checks only.
  // (Strings without spaces are still read: Chinese and Japanese text has none.)
  if (text.length < 12 || (str.isKey && !/\s/.test(text))) return;
  const feats = features(lower);
  for (const m of matches(UPPER_HEADER, text, 1)) add(ctx, 'urgency', 1, path, text, m.index, m.end);
  {
    // Whole-string patterns: every gap in them is bounded, and quotes may span sentence ends.
    const at = (m: { index: number; end: number }, sig: SignalId, w: number): void => add(ctx, sig, w, path, text, m.index, m.end);
    let m = firstHit(CONCEAL, lower, feats);
    if (m) at(m, 'conceal-from-user', 3);
    if ((m = firstHit(OVERRIDE, lower, feats))) at(m, 'override', 3);
    if ((m = firstHit(MESSAGE, lower, feats))) at(m, 'message-injection', 2);
    if ((m = firstHit(TAMPER, lower, feats))) at(m, 'param-tampering', 2);
    if ((m = firstHit(REDIRECT, lower, feats))) at(m, 'tool-redirect', 2);
    if ((m = firstHit(URGENCY, lower, feats))) at(m, 'urgency', 1);
    if ((m = firstHit(PRETEXT, lower, feats))) at(m, 'pretext', 1);
    if ((m = firstHit(THREAT, lower, feats))) at(m, 'threat', 1);
    if ((m = firstHit(COMPARISON, lower, feats))) at(m, 'self-comparison', 2);
    const promo = firstHit(PROMOTION, lower, feats);
    if (promo) {
      const prev = ctx.best.get('promotion');
      const n = Math.min(3, Math.max(prev ? prev.weight : 0, promo.n));
      ctx.best.delete('promotion');
      add(ctx, 'promotion', n, path, text, promo.index, promo.end);
    }
  }
  const sents = sentences(text, lower);
  const starts = sents.map((x) => x.start);
  // Each family runs once over the whole string; hits are bucketed by sentence.
  const strongAt = bucket([...SENSITIVE.slice(0, 2), SENSITIVE[3]!], lower, starts, feats);
  const weakAt = bucket([SENSITIVE[2]!], lower, starts, feats);
  const cmdAt = bucket(COMMAND, lower, starts, feats);
  const contactAt = lower.includes('@') || lower.includes('+') ? bucket([EMAIL, PHONE], lower, starts) : [];
  const urlAt = lower.includes('://') ? bucket([URL], lower, starts) : [];
  const transferAt = contactAt.length > 0 || urlAt.length > 0 ? bucket([TRANSFER], lower, starts) : [];
  const directiveAt = bucket(DIRECTIVE, lower, starts, feats);
  const refsBySentence: ToolRef[][] = [];
  const objects: { sensitive: boolean; weakSecret: boolean; command: boolean; contact: boolean; url: boolean; transfer: boolean }[] = [];
  sents.forEach((s, i) => {
    const at = (m: { index: number; end: number }, sig: SignalId, w: number): void => add(ctx, sig, w, path, text, m.index, m.end);
    const strong = strongAt[i];
    const cmd = cmdAt[i];
    const contact = contactAt[i];
    const url = urlAt[i];
    const transfer = transferAt[i];
    if (strong) at(strong, 'sensitive-path', 1);
    if (contact) at(contact, 'contact', 1);
    if (transfer && (contact || url)) {
      const target = contact ?? url!;
      if (target.index > transfer.index) at({ index: transfer.index, end: target.end }, 'exfiltration', 3);
    }
    const refs = toolRefs(ctx, s.text).map((r) => ({ ...r, index: r.index + s.start, end: r.end + s.start }));
    refsBySentence.push(refs);
    for (const r of refs) if (r.kind === 'other') at(r, 'cross-server-ref', 2);
    objects.push({
      sensitive: strong !== undefined,
      weakSecret: weakAt[i] !== undefined,
      command: cmd !== undefined,
      contact: contact !== undefined,
      url: url !== undefined,
      transfer: transfer !== undefined,
    });
  });
  // Instructions: a directive plus an object in the same or the next sentence.
  sents.forEach((s, i) => {
    const d = directiveAt[i];
    if (!d) return;
    add(ctx, 'directive', 1, path, text, d.index, d.end);
    const span = { index: d.index, end: Math.min(s.start + s.text.length, d.end + 120) };
    for (const j of [i, i + 1]) {
      const o = objects[j];
      const refs = refsBySentence[j] ?? [];
      if (!o) continue;
      const spanJ = j === i ? span : { index: sents[j]!.start, end: sents[j]!.start + sents[j]!.text.length };
      if (o.sensitive) add(ctx, 'instruction-sensitive', 3, path, text, spanJ.index, spanJ.end);
      if (o.weakSecret && (refs.length > 0 || o.transfer || o.url || o.contact)) add(ctx, 'instruction-sensitive', 3, path, text, spanJ.index, spanJ.end);
      if (o.command) add(ctx, 'instruction-command', 3, path, text, spanJ.index, spanJ.end);
      if (o.contact) add(ctx, 'instruction-contact', 3, path, text, spanJ.index, spanJ.end);
      if (o.url) add(ctx, 'instruction-url', 2, path, text, spanJ.index, spanJ.end);
      for (const r of refs) {
        if (r.kind === 'other') add(ctx, 'instruction-other-tool', 3, path, text, spanJ.index, spanJ.end);
        else if (r.kind === 'unknown') add(ctx, 'unknown-tool-ref', 2, path, text, spanJ.index, spanJ.end);
        else if (r.called && SEQUENCE.test(sents[j]!.lower)) add(ctx, 'call-chain', 1, path, text, spanJ.index, spanJ.end);
      }
    }
  });
}

/** The matched span with a little context, starting at a word boundary. */
function quoteOf(text: string, start: number, end: number): string {
  let s = Math.max(0, start - 12);
  const ws = text.slice(s, start).search(/\s\S*$/);
  if (s > 0 && ws >= 0) s += ws + 1;
  return excerpt(text, s, end + 30);
}

function nameSignals(ctx: Ctx): void {
  const { tool, index, server } = ctx;
  const loose = looseName(tool.name);
  const lookalikes = (index.byLooseName.get(loose) ?? []).filter(([, n]) => n !== tool.name);
  // Differing only in letter case is a deliberate look-alike, in any server;
  // differing in separator style (kebab vs camel) also arises between
  // independent authors, so it only warns, and only across servers.
  const caseOnly = lookalikes.find(([, n]) => n.toLowerCase() === tool.name.toLowerCase());
  const styled = lookalikes.find(([s]) => s !== server);
  if (caseOnly || styled) {
    const [s, n] = (caseOnly ?? styled)!;
    add(ctx, 'name-shadowing', caseOnly ? 3 : 2, 'name', `"${tool.name}" looks like "${n}" of ${s === server ? 'the same server' : `server ${s}`}`, 0, 200);
    return;
  }
  const toks = nameTokens(tool.name);
  const core = toks.filter((t) => !NAME_PROMO_AFFIX.has(t));
  if (core.length === toks.length || core.length === 0) return;
  const targets = index.byLooseName.get(core.join('')) ?? [];
  const target = targets.find(([s]) => s !== server) ?? targets[0];
  if (target) {
    // "premium_x" next to another server's "x" competes for selection; next to
    // its own server's "x" it may be a legitimate variant ("advanced_search").
    const [s, n] = target;
    add(ctx, 'name-shadowing', s !== server ? 3 : 2, 'name', `"${tool.name}" is "${n}" of ${s === server ? 'the same server' : `server ${s}`} with a promotional affix`, 0, 200);
  } else add(ctx, 'name-promotion', 1, 'name', `promotional affix in "${tool.name}"`, 0, 200);
}

/** Assess one tool of `server` in the deployment. Never throws on odd input types. */
export function assessTool(server: string, tool: Tool, index: DeploymentIndex): Verdict {
  const collected = collectStrings(tool);
  const ownWords = new Set<string>();
  for (const s of collected.strings) {
    if (s.isKey || /\.enum\[\d+\]$|\.const$|\.default$/.test(s.path)) ownWords.add(s.value.toLowerCase());
  }
  const ctx: Ctx = { server, tool, index, ownWords, best: new Map() };
  for (const s of collected.strings) scanString(ctx, s);
  nameSignals(ctx);
  if (typeof tool.description === 'string') {
    const clone = index.clones(server, tool.name, tool.description)[0];
    // A copy on another server competes with the original for the model's choice.
    if (clone) add(ctx, 'clone', 3, 'description', `restates "${clone.name}" of server ${clone.server} (${Math.round(clone.containment * 100)}% of its words)`, 0, 200);
  }
  const hits = [...ctx.best.values()]
    .filter((h) => h.weight > 0)
    .map(({ span, ...h }) => (span ? { ...h, quote: quoteOf(span.text, span.start, span.end) } : h)).sort((a, b) => b.weight - a.weight || a.signal.localeCompare(b.signal));
  const score = hits.reduce((n, h) => n + h.weight, 0);
  // Framing alone ("IMPORTANT: always use absolute paths") is common in honest
  // documentation: it warns only together with something it frames.
  const framingOnly = hits.every((h) => FRAMING.has(h.signal));
  const severity = score >= BLOCK_SCORE ? 'block' : score >= WARN_SCORE && !framingOnly ? 'warning' : undefined;
  return { score, severity, hits, collected };
}
