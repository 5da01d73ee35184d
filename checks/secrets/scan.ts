// Secret detection over one text: well-known token formats, private keys,
// JWTs, passwords in connection strings, and high-entropy literals assigned
// to credential-named keys. Linear time: every pattern starts with a literal
// trigger found by one combined scan, and every quantifier is bounded, so a
// 100 MB single-line file costs one pass, never a backtracking blow-up.
import { lineIndex } from '../../src/workspace/lines.ts';
import { credentialNameStrength, isPlaceholderValue } from '../common/credentials.ts';
import { isDummyToken, looksLikeGeneratedSecret, looksLikeTokenUnderWeakName } from './values.ts';

export interface SecretHit {
  /** Detector id (github-pat, aws-access-key-id, generic-credential, ...). */
  rule: string;
  /** Human description of what was found; never contains the value. */
  kind: string;
  /** The secret itself: only for hashing (secretKey), never to print. */
  value: string;
  /** 1-based line of the start of the value. */
  line: number;
  /** Offset of the value in the text. */
  offset: number;
}

export interface TokenRule {
  id: string;
  /** Literal(s) the match starts with. */
  triggers: readonly string[];
  /** Sticky regex evaluated at the trigger's offset; group 1, when present, is the secret. */
  re: RegExp;
  kind: string | ((value: string) => string);
  validate?: (value: string) => boolean;
}

/** A name segment before `/` saying the value is a digest (checksum/secret, sha256/token). */
const HASH_PREFIX = /(?:checksum|hash|digest|sha\d*)$/i;
const GITHUB_KINDS: Record<string, string> = {
  ghp: 'GitHub personal access token',
  gho: 'GitHub OAuth access token',
  ghu: 'GitHub user-to-server token',
  ghs: 'GitHub app installation token',
  ghr: 'GitHub refresh token',
};

export const TOKEN_RULES: readonly TokenRule[] = [
  {
    id: 'github-token',
    triggers: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    re: /\bgh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/y,
    kind: (v) => GITHUB_KINDS[v.slice(0, 3)] ?? 'GitHub token',
  },
  {
    id: 'github-fine-grained-pat',
    triggers: ['github_pat_'],
    re: /\bgithub_pat_[A-Za-z0-9_]{82}(?![A-Za-z0-9_])/y,
    kind: 'GitHub fine-grained personal access token',
  },
  {
    id: 'aws-access-key-id',
    triggers: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    re: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/y,
    kind: 'AWS access key ID',
  },
  { id: 'gcp-api-key', triggers: ['AIza'], re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/y, kind: 'Google Cloud API key' },
  { id: 'gcp-oauth-client-secret', triggers: ['GOCSPX-'], re: /\bGOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/y, kind: 'Google OAuth client secret' },
  { id: 'slack-token', triggers: ['xox'], re: /\bxox[abposre]-(?:\d{8,14}-){0,3}[0-9A-Za-z-]{10,250}/y, kind: 'Slack token' },
  {
    id: 'slack-webhook',
    triggers: ['hooks.slack.com/'],
    re: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,150}/y,
    kind: 'Slack incoming webhook URL',
  },
  {
    id: 'stripe-secret-key',
    triggers: ['sk_', 'rk_'],
    re: /\b[sr]k_(?:live|test|prod)_[0-9A-Za-z]{10,99}(?![0-9A-Za-z])/y,
    kind: (v) => (v.startsWith('rk_') ? 'Stripe restricted API key' : 'Stripe secret API key'),
  },
  {
    id: 'anthropic-api-key',
    triggers: ['sk-ant-'],
    re: /\bsk-ant-(?:api|admin|oat)\d{2}-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])/y,
    kind: 'Anthropic API key',
  },
  {
    id: 'openai-api-key',
    triggers: ['sk-'],
    re: /\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|[A-Za-z0-9_-]{16,200}T3BlbkFJ[A-Za-z0-9_-]{16,200})(?![A-Za-z0-9_-])/y,
    kind: 'OpenAI API key',
  },
  { id: 'gitlab-pat', triggers: ['glpat-'], re: /\bglpat-[0-9A-Za-z_-]{20,64}(?![0-9A-Za-z_-])/y, kind: 'GitLab personal access token' },
  { id: 'npm-token', triggers: ['npm_'], re: /\bnpm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/y, kind: 'npm access token' },
  { id: 'pypi-token', triggers: ['pypi-AgEIcHlwaS5vcmc'], re: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}/y, kind: 'PyPI upload token' },
  {
    id: 'sendgrid-api-key',
    triggers: ['SG.'],
    re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/y,
    kind: 'SendGrid API key',
  },
  { id: 'openshift-user-token', triggers: ['sha256~'], re: /\bsha256~[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/y, kind: 'OpenShift user token' },
  { id: 'huggingface-token', triggers: ['hf_'], re: /\bhf_[A-Za-z0-9]{34}(?![A-Za-z0-9])/y, kind: 'Hugging Face access token' },
  {
    id: 'digitalocean-token',
    triggers: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    re: /\bdo[por]_v1_[a-f0-9]{64}(?![A-Za-z0-9])/y,
    kind: 'DigitalOcean token',
  },
  { id: 'shopify-token', triggers: ['shpat_', 'shpss_', 'shpca_', 'shppa_'], re: /\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}(?![A-Za-z0-9])/y, kind: 'Shopify access token' },
  { id: 'databricks-token', triggers: ['dapi'], re: /\bdapi[a-f0-9]{32}(?:-\d)?(?![A-Za-z0-9])/y, kind: 'Databricks access token' },
];

/** Candidate attempts per detector and file before it gives up (with a note): bounds pathological inputs. */
export const MAX_ATTEMPTS_PER_RULE = 10_000;
/** Secrets reported per file at most (with a note). */
export const MAX_HITS_PER_FILE = 1_000;

function isJwtHeader(token: string): boolean {
  const header = token.slice(0, token.indexOf('.'));
  try {
    const json = Buffer.from(header, 'base64url').toString('utf8');
    return /^\s*\{/.test(json) && /"(?:alg|typ|kid)"/.test(json);
  } catch {
    return false;
  }
}

const PRIVATE_KEY_BEGIN = /-----BEGIN[ A-Z0-9_-]{0,60}PRIVATE KEY(?: BLOCK)?-----/y;
const PRIVATE_KEY_END = /-----END[ A-Z0-9_-]{0,60}PRIVATE KEY(?: BLOCK)?-----/y;
/** A PEM block longer than this is not a key (and not worth hashing). */
const MAX_PEM = 32 * 1024;

const TRIGGERS = new Map<string, TokenRule[]>();
for (const r of TOKEN_RULES) for (const t of r.triggers) TRIGGERS.set(t, [...(TRIGGERS.get(t) ?? []), r]);
// Longer literals first so `sk-ant-` wins over `sk-`.
const TRIGGER_LIST = [...TRIGGERS.keys(), '-----BEGIN', '://', 'eyJ'].sort((a, b) => b.length - a.length);
const TRIGGER_RE = new RegExp(TRIGGER_LIST.map(escapeRegExp).join('|'), 'g');

// Case-insensitive keyword scan for credential names, as explicit classes
// (measurably faster than the `i` flag in V8).
const KEYWORDS = ['pass', 'pwd', 'secret', 'token', 'key', 'auth', 'cred', 'dsn', 'bearer'];
const KEYWORD_RE = new RegExp(
  KEYWORDS.map((k) => [...k].map((c) => `[${c}${c.toUpperCase()}]`).join('')).join('|'),
  'g',
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const SOURCE_EXT =
  /\.(?:[cm]?[jt]sx?|java|kts?|scala|groovy|py|rb|go|rs|c|h|cc|cpp|cxx|hpp|cs|php|swift|m|mm|dart|lua|pl|pm|r|ex|exs|erl|clj|vue|svelte|html?|xml|jsp|aspx?|sql|robot)$/i;

/** Source code needs quoted literals for the generic rule (an unquoted word is an identifier there). */
export function isSourceFile(file: string): boolean {
  return SOURCE_EXT.test(file);
}

const IDENT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  IDENT[c] = /[A-Za-z0-9_.-]/.test(ch) ? 1 : 0;
}
function isIdent(code: number): boolean {
  return code < 128 && IDENT[code] === 1;
}

/** Terminates an unquoted value. */
const UNQUOTED_STOP = new Set([...' \t\r\n\'"`,;#()[{}]<>'].map((c) => c.charCodeAt(0)));

const ALLOW_MARKERS = ['mcp-gate:allow', 'gitleaks:allow'];

export interface ScanTextOptions {
  /** Repository-relative path (decides source-code vs config handling). */
  file: string;
  /** Receives a note when a detector gives up or the hit cap is reached. */
  notes?: string[];
}

const WORD_CHAR = /[A-Za-z0-9_]/;

/**
 * JWTs, matched by hand in amortised linear time: the segment runs are
 * measured once per run, so `eyJeyJeyJ...` costs one pass, not one per
 * trigger. Same shape as gitleaks' jwt rule, so both report the same value.
 */
class JwtMatcher {
  #text: string;
  #runStart = -1;
  #runEnd = -1;
  constructor(text: string) {
    this.#text = text;
  }
  #run(from: number, cls: (c: number) => boolean): number {
    let i = from;
    while (i < this.#text.length && cls(this.#text.charCodeAt(i))) i++;
    return i;
  }
  match(at: number): string | undefined {
    const t = this.#text;
    if (!(at >= this.#runStart && at < this.#runEnd)) {
      this.#runStart = at;
      this.#runEnd = this.#run(at, isB64Url);
    }
    const headerEnd = this.#runEnd;
    const headerLen = headerEnd - at;
    if (headerLen < 17 || headerLen > 4003) return undefined;
    if (t.charCodeAt(headerEnd) !== 46 || !t.startsWith('eyJ', headerEnd + 1)) return undefined;
    const payloadEnd = this.#run(headerEnd + 1, isB64UrlOrSlash);
    const payloadLen = payloadEnd - headerEnd - 1;
    if (payloadLen < 17 || payloadLen > 16003 || t.charCodeAt(payloadEnd) !== 46) return undefined;
    let end = payloadEnd + 1;
    const sigEnd = this.#run(end, isB64UrlOrSlash);
    if (sigEnd - end >= 10 && sigEnd - end <= 4000) {
      end = sigEnd;
      let pad = 0;
      while (pad < 2 && t.charCodeAt(end) === 61) {
        end++;
        pad++;
      }
    }
    const token = t.slice(at, end);
    return isJwtHeader(token) ? token : undefined;
  }
}

function isB64Url(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}
function isB64UrlOrSlash(c: number): boolean {
  return isB64Url(c) || c === 47 || c === 92;
}

/** Every secret in `text`. Values are returned for hashing only: never print them. */
export function scanText(text: string, opts: ScanTextOptions): SecretHit[] {
  const hits: SecretHit[] = [];
  const taken: Array<[number, number]> = [];
  let lineOf: ((offset: number) => number) | undefined;
  const line = (offset: number): number => {
    lineOf ??= lineIndex(text);
    return lineOf(offset);
  };
  let full = false;
  const add = (rule: string, kind: string, value: string, offset: number): void => {
    if (full) return;
    if (isAllowed(text, offset)) return;
    if (hits.length >= MAX_HITS_PER_FILE) {
      full = true;
      opts.notes?.push(`${opts.file}: more than ${MAX_HITS_PER_FILE} secrets, only the first ${MAX_HITS_PER_FILE} reported`);
      return;
    }
    taken.push([offset, offset + value.length]);
    hits.push({ rule, kind, value, offset, line: line(offset) });
  };
  const attempts = new Map<string, number>();
  const budget = (rule: string): boolean => {
    const n = (attempts.get(rule) ?? 0) + 1;
    attempts.set(rule, n);
    // Credential-named identifiers are common in real code (a tokenizer, a bundle): a larger budget.
    const max = rule === 'generic-credential' ? 10 * MAX_ATTEMPTS_PER_RULE : MAX_ATTEMPTS_PER_RULE;
    if (n === max + 1) opts.notes?.push(`${opts.file}: detector ${rule} stopped after ${max} candidates (pathological input)`);
    return n <= max;
  };
  const jwt = new JwtMatcher(text);
  let pemEndSearchedFrom = -1;
  let pemEnd = -1;

  // 1. Precise formats, found from their literal triggers in one pass.
  TRIGGER_RE.lastIndex = 0;
  for (let m = TRIGGER_RE.exec(text); m !== null; m = TRIGGER_RE.exec(text)) {
    const at = m.index;
    const trig = m[0];
    if (trig === '-----BEGIN') {
      if (!budget('private-key')) continue;
      // One forward search for -----END serves every BEGIN before it (linear overall).
      if (pemEnd !== -1 ? pemEnd < at : pemEndSearchedFrom === -1 || pemEndSearchedFrom < at) {
        pemEndSearchedFrom = at;
        pemEnd = text.indexOf('-----END', at);
        if (pemEnd === -1) pemEndSearchedFrom = text.length;
      }
      if (pemEnd === -1) continue;
      const end = privateKeyAt(text, at, pemEnd);
      if (end !== undefined) {
        const value = text.slice(at, end);
        add('private-key', privateKeyKind(value), value, at);
        TRIGGER_RE.lastIndex = end;
      }
      continue;
    }
    if (trig === 'eyJ') {
      if (at > 0 && WORD_CHAR.test(text[at - 1] as string)) continue;
      if (!budget('jwt')) continue;
      const token = jwt.match(at);
      if (token && !isDummyToken(token)) {
        add('jwt', 'JSON Web Token', token, at);
        TRIGGER_RE.lastIndex = at + token.length;
      }
      continue;
    }
    if (trig === '://') {
      if (!budget('connection-string-password')) continue;
      const found = connectionPassword(text, at);
      if (found) add('connection-string-password', `password in a ${found.scheme}:// connection string`, found.value, found.offset);
      continue;
    }
    // Every token starts at a word boundary: a cheap test before the regex.
    if (at > 0 && WORD_CHAR.test(text[at - 1] as string) && trig !== 'hooks.slack.com/') continue;
    for (const rule of TRIGGERS.get(trig) ?? []) {
      if (!budget(rule.id)) continue;
      rule.re.lastIndex = at;
      const r = rule.re.exec(text);
      if (!r) continue;
      const value = r[0];
      if (isDummyToken(value) || (rule.validate && !rule.validate(value))) continue;
      add(rule.id, typeof rule.kind === 'string' ? rule.kind : rule.kind(value), value, at);
      TRIGGER_RE.lastIndex = at + value.length;
      break;
    }
  }

  // 2. Literals assigned to credential-named keys.
  const quotedOnly = isSourceFile(opts.file);
  KEYWORD_RE.lastIndex = 0;
  // Identifiers are measured once: the next search starts after this one, and
  // the left extension never goes back into text already consumed.
  let consumed = 0;
  for (let m = KEYWORD_RE.exec(text); m !== null; m = KEYWORD_RE.exec(text)) {
    let end = m.index + m[0].length;
    while (end < text.length && isIdent(text.charCodeAt(end))) end++;
    KEYWORD_RE.lastIndex = end;
    const leftLimit = consumed;
    consumed = end;
    // Cheap pre-test before looking at the name: an assignment operator must follow.
    if (!operatorFollows(text, end)) continue;
    let start = m.index;
    while (start > leftLimit && end - start <= 200 && isIdent(text.charCodeAt(start - 1))) start--;
    if (end - start > 200) continue; // not a name
    const name = text.slice(start, end).replace(/^[.-]+|[.-]+$/g, '');
    const strength = credentialNameStrength(name);
    if (!strength) continue;
    if (!budget('generic-credential')) break;
    // `?token=...` / `&api_key=...`: a query parameter inside a string is a literal even in source code.
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    const inQuery = before === 63 || before === 38;
    const quotedName = before === 34 || before === 39 || before === 96;
    // `checksum/secret: <sha256>` (Helm's roll-on-change pod annotation): the prefix says the value is a hash of the secret, not the secret.
    if (before === 47 && HASH_PREFIX.test(text.slice(Math.max(0, start - 24), start - 1))) continue;
    const v = assignedValue(text, end, quotedOnly && !inQuery, quotedName);
    // The value of a credential name is not itself searched for names.
    if (v) KEYWORD_RE.lastIndex = Math.max(KEYWORD_RE.lastIndex, v.offset + v.value.length);
    if (!v || !looksLikeGeneratedSecret(v.value)) continue;
    if (strength === 'weak' && !looksLikeTokenUnderWeakName(v.value)) continue;
    if (overlaps(taken, v.offset, v.offset + v.value.length)) continue;
    add('generic-credential', `high-entropy value assigned to "${shorten(name)}"`, v.value, v.offset);
  }
  return hits.sort((a, b) => a.offset - b.offset);
}

/** After a name: optional closing quote or `]`, up to 16 blanks, then one of = : , ! ? */
function operatorFollows(text: string, end: number): boolean {
  let i = end;
  let c = text.charCodeAt(i);
  if (c === 34 || c === 39 || c === 96) c = text.charCodeAt(++i);
  if (c === 93) c = text.charCodeAt(++i);
  for (let k = 0; k < 16 && (c === 32 || c === 9); k++) c = text.charCodeAt(++i);
  return c === 61 || c === 58 || c === 44 || c === 33 || c === 63;
}

function shorten(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}...` : name;
}

function overlaps(spans: Array<[number, number]>, a: number, b: number): boolean {
  for (const [s, e] of spans) if (a < e && s < b) return true;
  return false;
}

function isAllowed(text: string, offset: number): boolean {
  const ls = text.lastIndexOf('\n', offset) + 1;
  let le = text.indexOf('\n', offset);
  if (le === -1) le = text.length;
  // Bounded: an allow marker is looked for on the line, at most 4 KB around the value.
  const from = Math.max(ls, offset - 4096);
  const to = Math.min(le, offset + 4096);
  const lineText = text.slice(from, to);
  return ALLOW_MARKERS.some((m) => lineText.includes(m));
}

/** End offset of a PEM private key block starting at `at`, when it has a real body. */
function privateKeyAt(text: string, at: number, endAt: number): number | undefined {
  PRIVATE_KEY_BEGIN.lastIndex = at;
  const b = PRIVATE_KEY_BEGIN.exec(text);
  if (!b) return undefined;
  const bodyStart = at + b[0].length;
  if (endAt < bodyStart || endAt - bodyStart > MAX_PEM) return undefined;
  PRIVATE_KEY_END.lastIndex = endAt;
  const e = PRIVATE_KEY_END.exec(text);
  if (!e) return undefined;
  // Body: base64 once escaped newlines, quotes and concatenation are removed.
  const body = text.slice(bodyStart, endAt).replace(/\\[nr]/g, '');
  let b64 = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61) b64++;
  }
  if (b64 < 64) return undefined;
  const bodyText = body.replace(/[^A-Za-z0-9+/=]/g, '');
  if (isPlaceholderBody(bodyText)) return undefined;
  return endAt + e[0].length;
}

function isPlaceholderBody(b: string): boolean {
  return /^(?:x+|\.+|a+|0+)$/i.test(b) || /example|placeholder|yourkey|redacted/i.test(b) || new Set(b).size < 10;
}

function privateKeyKind(pem: string): string {
  const m = /^-----BEGIN ?([ A-Z0-9_-]*?) ?PRIVATE KEY/.exec(pem);
  const algo = m?.[1]?.trim();
  return algo ? `${algo} private key` : 'private key';
}

const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const USERINFO = /\/\/([^\s:@/'"`<>?#\\]{0,128}):([^\s@/'"`<>?#\\]{1,256})@(?=[A-Za-z0-9[_-])/y;

/** The password of `scheme://user:password@host` around a `://` at `at`. */
function connectionPassword(text: string, at: number): { scheme: string; value: string; offset: number } | undefined {
  let s = at;
  while (s > 0 && at - s < 32 && SCHEME_CHAR.test(text[s - 1] as string)) s--;
  const scheme = text.slice(s, at);
  if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme)) return undefined;
  USERINFO.lastIndex = at + 1;
  const m = USERINFO.exec(text);
  if (!m) return undefined;
  const user = m[1] as string;
  const password = m[2] as string;
  if (password === user || isPlaceholderValue(password) || /^%[sdv]$|^\{\d*\}$|^\?+$|^:/.test(password)) return undefined;
  if (password.length < 4) return undefined;
  return { scheme: scheme.toLowerCase(), value: password, offset: at + 1 + 2 + user.length + 1 };
}

/** The literal assigned right after a name ending at `end`: `: "v"`, `= v`, `=> 'v'`, `"name": "v"`. */
function assignedValue(text: string, end: number, quotedOnly: boolean, quotedName: boolean): { value: string; offset: number } | undefined {
  let i = end;
  const n = text.length;
  // Closing quote of a quoted key ("password": / 'password' =>), or `]` of a ["key"] index.
  const q = text.charCodeAt(i);
  if (q === 34 || q === 39 || q === 96) i++;
  if (text.charCodeAt(i) === 93) i++;
  i = skipSpaces(text, i);
  // Operator.
  const op = text.slice(i, i + 3);
  let opLen = 0;
  if (op.startsWith('===') || op.startsWith('!==')) opLen = 3;
  else if (op.startsWith(':=') || op.startsWith('=>') || op.startsWith('==') || op.startsWith('?=')) opLen = 2;
  else if (op[0] === '=' || op[0] === ':') opLen = 1;
  // A quoted name followed by a quoted value is a key/value pair: set('token', '...'), put("password", "...").
  else if (op[0] === ',' && quotedName) opLen = 1;
  if (opLen === 0) return undefined;
  // `::` is a scope operator (Class::KEY), not an assignment.
  if (op.startsWith('::')) return undefined;
  i = skipSpaces(text, i + opLen);
  if (i >= n) return undefined;
  const c = text.charCodeAt(i);
  if (op[0] === ',' && !(c === 34 || c === 39 || c === 96)) return undefined;
  if (c === 34 || c === 39 || c === 96) {
    const close = String.fromCharCode(c);
    const limit = Math.min(n, i + 1 + 1001);
    let j = i + 1;
    while (j < limit) {
      const d = text.charCodeAt(j);
      if (d === 10 || d === 13) return undefined;
      if (d === 92) {
        j += 2;
        continue;
      }
      if (text[j] === close) break;
      j++;
    }
    if (j >= limit) return undefined;
    return { value: text.slice(i + 1, j), offset: i + 1 };
  }
  if (quotedOnly) return undefined;
  // YAML block scalars, anchors, references and flow collections are not literals here.
  if (c === 124 || c === 62 || c === 38 || c === 42 || c === 123 || c === 91) return undefined;
  let j = i;
  const limit = Math.min(n, i + 1001);
  while (j < limit && !UNQUOTED_STOP.has(text.charCodeAt(j))) j++;
  if (j === limit && j < n && !UNQUOTED_STOP.has(text.charCodeAt(j))) return undefined;
  if (j === i) return undefined;
  return { value: text.slice(i, j), offset: i };
}

function skipSpaces(text: string, i: number): number {
  let k = i;
  while (k < text.length && k - i < 16 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  return k;
}

