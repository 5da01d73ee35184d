// Text normalisation for the poisoning linter: what a model "sees" is not what
// a reviewer sees. Before any phrase is matched, a string is
//   1. checked for hidden content (invisible format characters, Unicode tag
//      characters, stray variation selectors, controls, lone surrogates),
//   2. stripped of those characters (so "ig\u200Bnore" matches "ignore"),
//   3. NFKC-normalised (fullwidth and compatibility forms),
//   4. folded for confusables inside mixed-script words ("pаssword" with a
//      Cyrillic а), while words written wholly in another script are left
//      alone: non-English text is normal.
// Every loop here is a single pass over the string; no regex can backtrack
// beyond a fixed bound.

export interface HiddenFinding {
  /** Signal id: hidden-chars, tag-chars, controls, lone-surrogate. */
  kind: 'hidden-chars' | 'tag-chars' | 'controls' | 'lone-surrogate';
  /** Code points found (deduplicated, at most 8), as U+XXXX. */
  codepoints: string[];
  count: number;
}

export interface Normalised {
  /** NFKC, hidden characters removed, confusables folded in mixed-script words. */
  text: string;
  /** `text` lower-cased (same length in practice; used for matching). */
  lower: string;
  hidden: HiddenFinding[];
  /** Text smuggled in Unicode tag characters (U+E0020..U+E007E), decoded. */
  tagText: string;
  /** Mixed-script words that were folded, original spelling (at most 5). */
  confusables: string[];
}

const ZWJ = 0x200d;
const ZWNJ = 0x200c;

/** Invisible / format characters with no business in tool documentation. */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xfff9 && cp <= 0xfffb) ||
    (cp >= 0x1d173 && cp <= 0x1d17a) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

function isTag(cp: number): boolean {
  return cp >= 0xe0000 && cp <= 0xe007f;
}

function isControl(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f);
}

const PICTO = /\p{Extended_Pictographic}|\p{Emoji_Presentation}/u;
const EMOJI = /\p{Emoji}/u;
const NON_LATIN_LETTER = /[\p{L}\p{M}]/u;
const LATIN = /\p{Script=Latin}/u;

function cpAt(s: string, i: number): string {
  return String.fromCodePoint(s.codePointAt(i) ?? 0);
}

function prevChar(s: string, i: number): string {
  if (i <= 0) return '';
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return s.slice(i - 2, i);
  return s[i - 1] ?? '';
}

/**
 * Legitimate uses of otherwise invisible characters: ZWJ inside emoji
 * sequences, emoji variation selectors, ZWNJ/ZWJ in scripts that need them
 * for shaping (Persian, Indic).
 */
function legitimateInvisible(s: string, i: number, cp: number): boolean {
  const prev = prevChar(s, i);
  const next = i + 1 < s.length ? cpAt(s, i + 1) : '';
  if (cp === 0xfe0f || cp === 0xfe0e) return prev !== '' && EMOJI.test(prev);
  if (cp === ZWJ && PICTO.test(prev) && PICTO.test(next)) return true;
  if ((cp === ZWJ || cp === ZWNJ) && prev && NON_LATIN_LETTER.test(prev) && !LATIN.test(prev)) return true;
  return false;
}

const CONFUSABLE: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ё: 'e',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S',
  // Greek
  α: 'a', ο: 'o', ν: 'v', ρ: 'p', ι: 'i', κ: 'k', υ: 'u', ϲ: 'c',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  // Latin look-alikes outside ASCII that NFKC keeps
  ı: 'i', ɡ: 'g', ɑ: 'a', ʏ: 'y',
};

/** Any character CONFUSABLE maps: a text without one has nothing to fold. */
const ANY_CONFUSABLE = new RegExp(
  `[${Object.keys(CONFUSABLE)
    .map((ch) => `\\u{${(ch.codePointAt(0) as number).toString(16)}}`)
    .join('')}]`,
  'u',
);
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
const ASCII_LETTER = /[A-Za-z]/;

function foldConfusables(text: string, found: string[]): string {
  return text.replace(WORD, (w) => {
    if (!ASCII_LETTER.test(w)) return w; // wholly non-Latin word: a real language, leave it
    let mixed = false;
    let out = '';
    for (const ch of w) {
      const f = CONFUSABLE[ch];
      if (f !== undefined) {
        mixed = true;
        out += f;
      } else out += ch;
    }
    if (!mixed) return w;
    if (found.length < 5) found.push(w);
    return out;
  });
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** No character above U+007F. A regex for strings (it scans in native code); other input types keep the loop and its errors. */
export function isAscii(s: string): boolean {
  if (typeof s === 'string') return !NON_ASCII.test(s);
  const other = s as { length: number; charCodeAt(i: number): number };
  for (let i = 0; i < other.length; i++) if (other.charCodeAt(i) > 0x7f) return false;
  return true;
}

function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Any character but printable ASCII, tab, LF and CR. */
const UNCLEAN = /[^\t\n\r\x20-\x7e]/;

/** The loop UNCLEAN replaces, for other input types: the parameter keeps its name, which their error messages quote. */
function firstUnclean(input: string): number {
  let i = 0;
  for (; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0x20 ? c >= 0x7f : c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
  }
  return i;
}

/** Normalise one string a model sees; never throws. */
export function normalise(input: string): Normalised {
  // Most documentation is printable ASCII plus tab/newline: nothing to remove,
  // NFKC and confusable folding leave it as is, so the result is the input.
  // A regex finds the first other character faster than a loop over char
  // codes; other input types keep the loop (and its errors).
  let i = typeof input === 'string' ? input.search(UNCLEAN) : 0;
  if (i < 0) return { text: input, lower: input.toLowerCase(), hidden: [], tagText: '', confusables: [] };
  if (typeof input !== 'string') i = firstUnclean(input);
  const hidden = new Map<HiddenFinding['kind'], { cps: Set<string>; count: number }>();
  const note = (kind: HiddenFinding['kind'], cp: number): void => {
    let h = hidden.get(kind);
    if (!h) hidden.set(kind, (h = { cps: new Set(), count: 0 }));
    h.count++;
    if (h.cps.size < 8) h.cps.add(hex(cp));
  };
  // Only the removed/replaced characters cost work: kept runs are copied as slices.
  let out = '';
  let kept = 0;
  let tagText = '';
  let dirty = false;
  const drop = (i: number, width: number, replacement = ''): void => {
    out += input.slice(kept, i) + replacement;
    kept = i + width;
    dirty = true;
  };
  // The clean prefix found above needs no second look.
  for (; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue; // printable ASCII: the common case
    // Lone surrogates: a high surrogate not followed by a low one, or a stray low one.
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = input.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) {
        note('lone-surrogate', c);
        drop(i, 1);
        continue;
      }
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      if (isTag(cp)) {
        note('tag-chars', cp);
        if (cp >= 0xe0020 && cp <= 0xe007e) tagText += String.fromCharCode(cp - 0xe0000);
        drop(i, 2);
      } else if (isInvisible(cp) && !legitimateInvisible(input, i, cp)) {
        note('hidden-chars', cp);
        drop(i, 2);
      }
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      note('lone-surrogate', c);
      drop(i, 1);
      continue;
    }
    if (isControl(c)) {
      note('controls', c);
      drop(i, 1, ' ');
      continue;
    }
    if (isInvisible(c) && !legitimateInvisible(input, i, c)) {
      note('hidden-chars', c);
      drop(i, 1);
    }
  }
  if (dirty) out += input.slice(kept);
  const base = dirty ? out : input;
  const nfkc = isAscii(base) ? base : base.normalize('NFKC');
  const confusables: string[] = [];
  const text = !isAscii(nfkc) && ANY_CONFUSABLE.test(nfkc) ? foldConfusables(nfkc, confusables) : nfkc;
  return {
    text,
    lower: text.toLowerCase(),
    hidden: [...hidden].map(([kind, h]) => ({ kind, codepoints: [...h.cps], count: h.count })),
    tagText,
    confusables,
  };
}

const BASE64_BLOB = /[A-Za-z0-9+/_-]{40,}={0,2}/g;
const HEX_BLOB = /\b(?:[0-9a-fA-F]{2}){24,}\b/g;

/** Base64 or hex runs that decode to readable text (smuggled instructions). */
export function decodedBlobs(text: string): { encoding: 'base64' | 'hex'; blob: string; decoded: string }[] {
  const out: { encoding: 'base64' | 'hex'; blob: string; decoded: string }[] = [];
  for (const m of text.matchAll(BASE64_BLOB)) {
    if (out.length >= 8) break;
    const blob = m[0];
    if (/^[0-9a-fA-F]+$/.test(blob)) continue; // hex, handled below
    if (!/[0-9+/_-]/.test(blob) && !(/[A-Z]/.test(blob) && /[a-z]/.test(blob))) continue; // a long plain word
    const decoded = Buffer.from(blob.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
    if (readable(decoded)) out.push({ encoding: 'base64', blob, decoded });
  }
  for (const m of text.matchAll(HEX_BLOB)) {
    if (out.length >= 8) break;
    const decoded = Buffer.from(m[0], 'hex').toString('latin1');
    if (readable(decoded)) out.push({ encoding: 'hex', blob: m[0], decoded });
  }
  return out;
}

/** Mostly printable ASCII with words and spaces: natural-language text, not binary. */
function readable(s: string): boolean {
  if (s.length < 16) return false;
  let printable = 0;
  let letters = 0;
  let spaces = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x09) printable++;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    if (c === 0x20) spaces++;
  }
  return printable / s.length > 0.95 && letters / s.length > 0.5 && spaces >= 2;
}

/** Longest run of whitespace (spaces, tabs, newlines), and the longest run of blank lines. */
export function whitespaceRuns(text: string): { longest: number; blankLines: number; longestToken: number } {
  let longest = 0;
  let run = 0;
  let token = 0;
  let longestToken = 0;
  let newlines = 0;
  let blankLines = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)) {
      run++;
      if (c === 0x0a) newlines++;
      if (run > longest) longest = run;
      if (newlines - 1 > blankLines) blankLines = newlines - 1;
      token = 0;
    } else {
      run = 0;
      newlines = 0;
      if (++token > longestToken) longestToken = token;
    }
  }
  return { longest, blankLines, longestToken };
}

export interface Sentence {
  text: string;
  lower: string;
  start: number;
}

/**
 * Split into sentences: at . ! ? followed by whitespace, at blank lines and
 * at line starts that open a list item. One linear pass.
 */
export function sentences(text: string, lower: string): Sentence[] {
  const b = sentenceBounds(text);
  const out: Sentence[] = [];
  for (let k = 0; k < b.length; k += 2) out.push({ text: text.slice(b[k]!, b[k + 1]!), lower: lower.slice(b[k]!, b[k + 1]!), start: b[k]! });
  return out;
}

/** Is text[start, end) empty after trim()? Only non-ASCII text pays for the slice. */
function blank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    if (c < 0x80) return false;
    return text.slice(start, end).trim() === '';
  }
  return true;
}

const CUT_CANDIDATE = /[.!?\n]/g;

/** The sentences of `sentences` as [start, end) pairs, without slicing them. */
export function sentenceBounds(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  const n = text.length;
  // Only . ! ? and LF can end a sentence: the (global) regex jumps from one
  // to the next in native code, and test() allocates no match.
  CUT_CANDIDATE.lastIndex = 0;
  while (CUT_CANDIDATE.test(text)) {
    const i = CUT_CANDIDATE.lastIndex - 1;
    const c = text.charCodeAt(i);
    let cut = false;
    if (c === 0x2e || c === 0x21 || c === 0x3f) {
      // . ! ? then whitespace or the end
      const d = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      cut = d === -1 || d === 0x20 || d === 0x0a || d === 0x09 || d === 0x0d;
    } else if (c === 0x0a) {
      let j = i + 1;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e !== 0x20 && e !== 0x09 && e !== 0x0d) break;
        j++;
      }
      // a blank line, or a list item: - * • or a digit
      const d = j < n ? text.charCodeAt(j) : -1;
      cut = d === 0x0a || d === 0x2d || d === 0x2a || d === 0x2022 || (d >= 0x30 && d <= 0x39);
    }
    if (cut) {
      if (!blank(text, start, i + 1)) out.push(start, i + 1);
      start = i + 1;
    }
  }
  CUT_CANDIDATE.lastIndex = 0;
  if (!blank(text, start, n)) out.push(start, n);
  return out;
}

/** Printable ASCII or "…", no two spaces in a row, none at either end: what excerpt's clean-up leaves as it is. */
function plain(q: string): boolean {
  let prev = 0x20;
  for (let i = 0; i < q.length; i++) {
    const c = q.charCodeAt(i);
    if (c === 0x20 ? prev === 0x20 : (c < 0x20 || c > 0x7e) && c !== 0x2026) return false;
    prev = c;
  }
  return prev !== 0x20;
}

/** A short, single-line, control-free excerpt for a finding message. */
export function excerpt(text: string, start: number, end: number, max = 90): string {
  const s = Math.max(0, start);
  const e = Math.min(text.length, Math.max(end, s + 1));
  let q = text.slice(s, e);
  if (q.length > max) q = `${q.slice(0, max - 1)}…`;
  if (plain(q)) return q;
  q = q.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
  return q.replace(/[\u2028\u2029]/g, ' ');
}
