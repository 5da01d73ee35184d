// What one string says on its own, before the tool and deployment it belongs
// to are known: its normalised form and hidden content, and where each
// signal family first matches, over the whole string and per sentence, and
// the words that may be tool references. score.ts adds the context (which
// names are tools, of which server) and scores. Nothing here depends on the
// tool or the deployment, so an analysis can be reused for every occurrence
// of the same string: deployments repeat parameter descriptions and copy
// whole tools.
import {
  CALL_BEFORE,
  CJK,
  CLAIM,
  COMMAND,
  COMPARISON,
  CONCEAL,
  DIRECTIVE,
  EMAIL,
  type Features,
  features,
  HTML_COMMENT,
  IMPERSONATION,
  INSTRUCTION_TAG,
  MESSAGE,
  MODEL_ADDRESS,
  mayMatchId,
  NECESSITY,
  OUT_OF_SCOPE,
  OVERRIDE,
  PHONE,
  PRETEXT,
  PROMOTION,
  preCheckIds,
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
import { decodedBlobs, isAscii, type Normalised, normalise, sentenceBounds, whitespaceRuns } from './text.ts';

/** A signal family: its patterns and their pre-check numbers. */
interface Family {
  res: readonly RegExp[];
  ids: Int16Array;
}
function family(res: readonly RegExp[]): Family {
  return { res, ids: preCheckIds(res) };
}

/** Whole-string patterns: every gap in them is bounded, and quotes may span sentence ends. */
/** `justifies`: a reason given for an extra step (see score.ts, framing). */
export const WHOLE: readonly { fam: Family; signal: SignalId; weight: number; justifies?: boolean }[] = [
  { fam: family(CONCEAL), signal: 'conceal-from-user', weight: 3 },
  { fam: family(OVERRIDE), signal: 'override', weight: 3 },
  { fam: family(MESSAGE), signal: 'message-injection', weight: 2 },
  { fam: family(TAMPER), signal: 'param-tampering', weight: 2 },
  { fam: family(REDIRECT), signal: 'tool-redirect', weight: 2 },
  { fam: family(URGENCY), signal: 'urgency', weight: 1 },
  { fam: family(NECESSITY), signal: 'urgency', weight: 1, justifies: true },
  { fam: family(PRETEXT), signal: 'pretext', weight: 1, justifies: true },
  { fam: family(THREAT), signal: 'threat', weight: 1, justifies: true },
  { fam: family(COMPARISON), signal: 'self-comparison', weight: 2 },
  { fam: family(OUT_OF_SCOPE), signal: 'out-of-scope-request', weight: 3 },
  { fam: family(CLAIM), signal: 'shadowing-claim', weight: 3 },
  { fam: family(IMPERSONATION), signal: 'user-impersonation', weight: 3 },
  { fam: family(MODEL_ADDRESS), signal: 'model-address', weight: 2 },
];
const F_PROMOTION = family(PROMOTION);
const F_SENSITIVE = family([SENSITIVE[0]!, SENSITIVE[1]!, SENSITIVE[3]!]);
const F_SECRET_WORDS = family([SENSITIVE[2]!]);
const F_COMMAND = family(COMMAND);
const F_CONTACT = family([EMAIL, PHONE]);
const F_URL = family([URL]);
const F_TRANSFER = family([TRANSFER]);
// Text addressed to the model ("note to any AI reading this: ...") directs it as a modal verb does.
const F_DIRECTIVE = family([...DIRECTIVE, ...MODEL_ADDRESS]);

/** Per-sentence object flags (Body.objects). */
export const SENSITIVE_OBJ = 1;
export const SECRET_WORD = 2;
export const COMMAND_OBJ = 4;
export const CONTACT_OBJ = 8;
export const URL_OBJ = 16;
export const TRANSFER_OBJ = 32;

export interface Analysis {
  norm: Normalised;
  ws: { longest: number; blankLines: number; longestToken: number };
  /** First instruction tag and first comment opener: [index, end], -1 when none. */
  tag: number;
  tagEnd: number;
  comment: number;
  commentEnd: number;
  /** decodedBlobs(norm.text), once asked for. */
  blobs?: ReturnType<typeof decodedBlobs>;
  /** /\s/ on the text, once asked for (property names without one are not read further). */
  spaced?: boolean;
  /** The signal matches, once asked for. */
  body?: Body;
}

/** Where the instruction signals of a string (at least 12 characters) match. */
export interface Body {
  /** UPPER_HEADER: [index, end], -1 when none. */
  header: number;
  headerEnd: number;
  /** For each WHOLE family k that matches, in order: k, then where its first matching pattern first matches: index, end. */
  whole: number[];
  /** For each CJK pattern k that matches (text with non-ASCII characters only): k, index, end. */
  cjk: number[];
  /** PROMOTION: the first match of its first matching pattern and how many patterns match (0: none). */
  promo: number;
  promoEnd: number;
  promoN: number;
  /** Sentences as [start, end) pairs. */
  bounds: number[];
  /** Per family, per sentence: the earliest match, [index, end] at 2j (see bucket). */
  strongAt: number[] | undefined;
  contactAt: number[] | undefined;
  urlAt: number[] | undefined;
  transferAt: number[] | undefined;
  directiveAt: number[] | undefined;
  /** Per sentence, *_OBJ flags; empty when no sentence has any. */
  objects: number[];
  /** Per sentence, tool-reference candidates once asked for; null: IDENT_SHAPE found nothing to look at. */
  candidates: (Candidate[] | null | undefined)[];
}

/** A word IDENT found; what decides whether it is a tool reference, apart from the deployment. */
export interface Candidate {
  word: string;
  lower: string;
  /** Position in the whole text. */
  index: number;
  end: number;
  identifierShaped: boolean;
  /** The sentence it is in ([start, end) of the text): its context is cut there. */
  sentStart: number;
  sentEnd: number;
  /** Set by resolveCandidate. */
  resolved: boolean;
  quoted: boolean;
  called: boolean;
  notATool: boolean;
  /** "call", "use", "invoke", "tool" or "function" around a quoted word. */
  callWordNear: boolean;
}

/** What every string is checked for: hidden text, padding, markup. */
export function analyse(value: string): Analysis {
  const norm = normalise(value);
  const { text, lower } = norm;
  const ws = whitespaceRuns(text);
  // A tag needs a "<"; a comment opener "<", "[" or "{".
  const tag = lower.includes('<') ? firstMatch(INSTRUCTION_TAG, lower) : null;
  const comment = lower.includes('<') || lower.includes('[') || lower.includes('{') ? firstMatch(HTML_COMMENT, lower) : null;
  return {
    norm,
    ws,
    tag: tag ? tag.index : -1,
    tagEnd: tag ? tag.index + tag[0].length : -1,
    comment: comment ? comment.index : -1,
    commentEnd: comment ? comment.index + comment[0].length : -1,
  };
}

export function blobsOf(a: Analysis): ReturnType<typeof decodedBlobs> {
  a.blobs ??= decodedBlobs(a.norm.text);
  return a.blobs;
}

// Patterns used in functions are constants: a regex literal is a new object each time it is evaluated.
const SPACE = /\s/;

export function spacedOf(a: Analysis): boolean {
  a.spaced ??= SPACE.test(a.norm.text);
  return a.spaced;
}

const NONE: number[] = [];

/** What a string long enough to carry an instruction is checked for, once. */
export function bodyOf(a: Analysis): Body {
  if (a.body) return a.body;
  const { text, lower } = a.norm;
  const feats = features(lower);
  // Every header ends with a colon.
  const header = text.includes(':') ? firstMatch(UPPER_HEADER, text) : null;
  let whole = NONE;
  for (let k = 0; k < WHOLE.length; k++) {
    const m = firstHit(WHOLE[k]!.fam, lower, feats);
    if (m) {
      if (whole === NONE) whole = [];
      whole.push(k, m.index, m.index + m[0].length);
    }
  }
  let cjk = NONE;
  if (!isAscii(lower))
    for (let k = 0; k < CJK.length; k++) {
      const m = firstMatch(CJK[k]!.re, lower);
      if (m) {
        if (cjk === NONE) cjk = [];
        cjk.push(k, m.index, m.index + m[0].length);
      }
    }
  const promo = countHits(F_PROMOTION, lower, feats);
  const bounds = sentenceBounds(text);
  const ns = bounds.length >> 1;
  // Each family runs once over the whole string; hits are bucketed by sentence.
  const strongAt = bucket(F_SENSITIVE, lower, bounds, feats);
  const weakAt = bucket(F_SECRET_WORDS, lower, bounds, feats);
  const cmdAt = bucket(F_COMMAND, lower, bounds, feats);
  const contactAt = lower.includes('@') || lower.includes('+') ? bucket(F_CONTACT, lower, bounds, undefined) : undefined;
  const urlAt = lower.includes('://') ? bucket(F_URL, lower, bounds, undefined) : undefined;
  const transferAt = contactAt !== undefined || urlAt !== undefined ? bucket(F_TRANSFER, lower, bounds, undefined) : undefined;
  const directiveAt = bucket(F_DIRECTIVE, lower, bounds, feats);
  let objects = NONE;
  if (strongAt || weakAt || cmdAt || contactAt || urlAt || transferAt) {
    objects = [];
    for (let i = 0; i < ns; i++) {
      objects.push(
        (found(strongAt, i) ? SENSITIVE_OBJ : 0) |
          (found(weakAt, i) ? SECRET_WORD : 0) |
          (found(cmdAt, i) ? COMMAND_OBJ : 0) |
          (found(contactAt, i) ? CONTACT_OBJ : 0) |
          (found(urlAt, i) ? URL_OBJ : 0) |
          (found(transferAt, i) ? TRANSFER_OBJ : 0),
      );
    }
  }
  a.body = {
    header: header ? header.index : -1,
    headerEnd: header ? header.index + header[0].length : -1,
    whole,
    cjk,
    promo: promo ? promo.index : -1,
    promoEnd: promo ? promo.end : -1,
    promoN: promo ? promo.n : 0,
    bounds,
    strongAt,
    contactAt,
    urlAt,
    transferAt,
    directiveAt,
    objects,
    candidates: [],
  };
  return a.body;
}

function found(at: number[] | undefined, i: number): boolean {
  return at !== undefined && at[2 * i]! >= 0;
}

/** The first match of `re` in `s`, or null. */
function firstMatch(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  const m = re.exec(s);
  re.lastIndex = 0;
  return m;
}

/** The first match of the first pattern of `fam` (in order) that matches `s`. */
function firstHit(fam: Family, s: string, f: Features): RegExpExecArray | null {
  for (let k = 0; k < fam.res.length; k++) {
    if (!mayMatchId(fam.ids[k]!, f)) continue;
    const m = firstMatch(fam.res[k]!, s);
    if (m) return m;
  }
  return null;
}

/** Like firstHit, and how many patterns of `fam` match. */
function countHits(fam: Family, s: string, f: Features): { index: number; end: number; n: number } | undefined {
  let first: { index: number; end: number; n: number } | undefined;
  for (let k = 0; k < fam.res.length; k++) {
    if (!mayMatchId(fam.ids[k]!, f)) continue;
    const re = fam.res[k]!;
    if (first) {
      re.lastIndex = 0;
      if (re.test(s)) first.n++;
      re.lastIndex = 0;
      continue;
    }
    const m = firstMatch(re, s);
    if (m) first = { index: m.index, end: m.index + m[0].length, n: 1 };
  }
  return first;
}

/**
 * First match of any pattern of `fam` in each sentence (`bounds`: [start,
 * end) pairs): [index, end] at 2j, 2j+1, -1 where none; undefined when
 * nothing matched at all. A match belongs to the last sentence starting at or
 * before it. At most 200 matches per pattern are looked at.
 */
function bucket(fam: Family, text: string, bounds: readonly number[], f: Features | undefined): number[] | undefined {
  let out: number[] | undefined;
  const n = bounds.length >> 1;
  for (let k = 0; k < fam.res.length; k++) {
    if (!mayMatchId(fam.ids[k]!, f)) continue;
    const re = fam.res[k]!;
    let j = 0;
    let count = 0;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const index = m.index;
      if (m[0].length === 0) re.lastIndex++;
      while (j + 1 < n && bounds[2 * (j + 1)]! <= index) j++;
      out ??= new Array<number>(Math.max(1, n) * 2).fill(-1);
      if (out[2 * j]! < 0 || index < out[2 * j]!) {
        out[2 * j] = index;
        out[2 * j + 1] = index + m[0].length;
      }
      if (++count >= 200) break;
    }
    re.lastIndex = 0;
  }
  return out;
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
/**
 * What IDENT's group 1 needs: [_-] between two letters or digits, or a
 * lower-case letter or digit before a capital. Every identifier-shaped word
 * has one. Without one, IDENT can only capture whole [A-Za-z0-9] runs
 * (groups 2 and 3: between quotes, or after a space and before a non-word
 * character), which are references only if they name a tool.
 */
const IDENT_SHAPE = /[A-Za-z0-9][_-][A-Za-z0-9]|[a-z0-9][A-Z]/;
const IDENTIFIER_SHAPED = /[a-z0-9][_-][a-z0-9]|[a-z][A-Z]/;
const CALL_WORD = /\b(?:call|use|invoke|tool|function)\b/;

/**
 * The candidates of sentence `i`, or null when the sentence has no
 * IDENT_SHAPE and none of its words names one of `tools`: then no candidate
 * could count. That answer depends on the deployment, so an analysis must
 * only ever be used with one `tools` (score.ts keeps analyses per
 * deployment index): it is kept, as an empty list.
 */
export function candidatesOf(a: Analysis, body: Body, i: number, tools: { namesToolIn(text: string, from: number, to: number): boolean }): Candidate[] | null {
  let c = body.candidates[i];
  const start = body.bounds[2 * i]!;
  const end = body.bounds[2 * i + 1]!;
  if (c === undefined) {
    const sentence = a.norm.text.slice(start, end);
    c = body.candidates[i] = IDENT_SHAPE.test(sentence) ? extract(sentence, start) : null;
  }
  if (c === null) {
    if (!tools.namesToolIn(a.norm.text, start, end)) {
      body.candidates[i] = NO_CANDIDATES;
      return null;
    }
    c = body.candidates[i] = extract(a.norm.text.slice(start, end), start);
  }
  return c === NO_CANDIDATES ? null : c;
}
/** A sentence where no candidate can name a tool of the deployment. */
const NO_CANDIDATES: Candidate[] = [];

/** Every IDENT match of `sentence` (which starts at `start` in the text), in order. */
function extract(sentence: string, start: number): Candidate[] {
  const out: Candidate[] = [];
  const sentEnd = start + sentence.length;
  IDENT.lastIndex = 0;
  for (let m = IDENT.exec(sentence); m !== null; m = IDENT.exec(sentence)) {
    const word = m[1] ?? m[2] ?? m[3] ?? '';
    const index = m.index + m[0].lastIndexOf(word);
    if (m[2] === undefined && m[3] !== undefined) IDENT.lastIndex = index; // let "call use_this" re-scan the word
    out.push({
      word,
      lower: word.toLowerCase(),
      index: start + index,
      end: start + index + word.length,
      identifierShaped: IDENTIFIER_SHAPED.test(word),
      sentStart: start,
      sentEnd,
      resolved: false,
      quoted: false,
      called: false,
      notATool: false,
      callWordNear: false,
    });
  }
  IDENT.lastIndex = 0;
  return out;
}

/** The text around a candidate, within its sentence: how it is introduced. */
export function resolveCandidate(c: Candidate, text: string): Candidate {
  if (c.resolved) return c;
  const before = text.slice(Math.max(c.sentStart, c.index - 30), c.index);
  const after = text.slice(c.end, Math.min(c.sentEnd, c.end + 24));
  c.quoted = QUOTES.includes(before.slice(-1)) && QUOTES.includes(after.slice(0, 1));
  c.called = CALL_BEFORE.test(before) || TOOL_AFTER.test(after);
  c.notATool = NOT_A_TOOL_AFTER.test(after);
  c.callWordNear = CALL_WORD.test(before + after);
  c.resolved = true;
  return c;
}
