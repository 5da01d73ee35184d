// What a generated secret value looks like, for the repository secret scan
// (names and placeholders: checks/common/credentials.ts).
import { hasTypedPattern, isPlaceholderValue } from '../common/credentials.ts';

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** NonSharedBuffer, RSAPrivateKey, privateKeyEncoding: letters that split into words of 2+ letters. */
function isIdentifierWords(s: string): boolean {
  if (s.split(/(?=[A-Z][a-z])/).every((w) => /^(?:[A-Z]?[a-z]{2,}|[A-Z]{2,})$/.test(w))) return true;
  // getURLSearchParameter, collectASequenceOfBytes: mostly lower case (random letters are half upper case).
  let upper = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 97) upper++;
  return upper / s.length < 0.3;
}

/** Number of character classes present: lower, upper, digit, other. */
export function charClasses(s: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

const EXAMPLE_SEGMENTS = new Set(['example', 'examples', 'sample', 'samples', 'template', 'templates', 'tmpl', 'tpl']);

/** Files that by name hold examples or templates, not real values: .env.example, values.sample.yaml, app.env.dist. */
export function isExampleFile(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  const segments = base.split('.');
  return segments.some((s, i) => EXAMPLE_SEGMENTS.has(s) || (i > 0 && s === 'dist'));
}

/**
 * A match of a precise token format that is still a documentation value:
 * AKIAIOSFODNN7EXAMPLE, ghp_xxxxxxxx..., sk_test_<key>.
 */
export function isDummyToken(token: string): boolean {
  if (/example|xxxxx|00000000|\.\.\.|<|>|\$\{|\{\{/i.test(token)) return true;
  if (hasTypedPattern(token)) return true;
  // The jwt.io sample token ("John Doe"), in countless READMEs and tests.
  if (token.endsWith('.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c')) return true;
  return new Set(token).size <= 6;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Domain names, label keys and paths: kubernetes.io/hostname, node-role.kubernetes.io/master. */
const DOMAIN_OR_PATH = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[A-Za-z0-9._~-]*)*$/;

/**
 * A literal under a weakly named key (`key`, `auth`) must look like a token:
 * token alphabet only, no UUID, letters and digits, at least 16 characters.
 */
export function looksLikeTokenUnderWeakName(value: string): boolean {
  // Pure hex of digest length under a bare `key` is a fingerprint or digest (GPG key 9554F04D...).
  if (/^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9A-F]{32}|[0-9A-F]{40}|[0-9A-F]{64})$/.test(value)) return false;
  return value.length >= 16 && /^[A-Za-z0-9+/=_-]+$/.test(value) && !UUID.test(value) && /[0-9]/.test(value) && /[A-Za-z]/.test(value) && shannonEntropy(value) >= 3.5;
}

/** camelCase or snake/kebab/SCREAMING words: an identifier or a message, not generated. */
const WORDY = /^(?:[a-z]+(?:[A-Z][a-z]+)+|[A-Z]?[a-z]+(?:[_.-][A-Za-z]+)+|[A-Z]+(?:_[A-Z]+)+)$/;
/** Words with a short number: handler-64, summer_2024, release.1. */
/** Lower-case words with optional version digits: base64-encoded-public-key, sha256-digest-v2. */
const LOWER_WORDS = /^[a-z]{2,}\d*(?:[_.-][a-z]{2,}\d*)+$/;
const WORDS_AND_NUMBER = /^[A-Za-z]+(?:[_.-][A-Za-z]+)*[_.-]?\d{1,4}$/;
/** A dotted or called expression: process.env.TOKEN, config.get(...). */
const EXPRESSION = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+(?:\(.*)?$|^[A-Za-z_$][\w$]*\(.*$/;
/** Code or pattern syntax: regex classes, calls, templates, escapes. */
const SYNTAX_CHARS = /[[\](){}|^\\]/g;
/** A capitalised or lower-case word: Configures, Unauthorized. */
const SINGLE_WORD = /^[A-Z]?[a-z]+$/;

/**
 * A literal assigned to a credential name that looks generated: long enough,
 * high entropy, not a word, an expression, a path, a URL or a placeholder.
 */
export function looksLikeGeneratedSecret(value: string): boolean {
  if (value.length < 12 || value.length > 1000) return false;
  const first = value.charCodeAt(0);
  if (first === 36 || first === 60 || first === 123 || first === 37) return false; // $ < { %: references and templates
  if (/\s/.test(value)) return false;
  if (charClasses(value) < 2) return false;
  if (isPlaceholderValue(value)) return false;
  if (/^[0-9.:_-]+$/.test(value)) return false; // numbers, versions, times
  if (DOMAIN_OR_PATH.test(value)) return false;
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|\/|\.\/|\.\.\/|~\/|[A-Za-z]:\\)/i.test(value)) return false; // URL or path
  if (/^(?:sha(?:1|256|384|512)[:-]|md5:|\$2[aby]\$|\$argon2|\$6\$|\$5\$)/i.test(value)) return false; // digests, password hashes
  if (WORDY.test(value) || WORDS_AND_NUMBER.test(value) || EXPRESSION.test(value) || SINGLE_WORD.test(value) || LOWER_WORDS.test(value)) return false;
  if ((value.match(SYNTAX_CHARS)?.length ?? 0) >= 2) return false;
  if (/^[A-Za-z]+$/.test(value) && isIdentifierWords(value)) return false; // PascalCase identifiers, type names
  if (isDummyToken(value)) return false;
  if (charClasses(value) < 2) return false;
  return shannonEntropy(value) >= 3.0;
}
