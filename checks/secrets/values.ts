// What a credential value looks like, and what is only a placeholder,
// example or reference to one. Shared by the repository secret scan and the
// Dockerfile check so both judge a value the same way.

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

/** References to a credential held elsewhere: templating, env, secret managers. */
const REFERENCE =
  /^(?:\$\{[^}]*\}?|\$\([^)]*\)?|\$[A-Za-z_][A-Za-z0-9_]*|%\{[^}]*\}|%\([^)]*\)s|\{\{.*\}\}|\{%.*%\}|<%.*%>|#\{[^}]*\}|@Value\(.*|(?:vault|awssm|aws-sm|gcpsm|azkv|op|doppler|infisical|sm|ssm|secretsmanager|keyvault|env|file|ref|arn):.*|ENC\[.*|AQICA.*|projects\/[^/]+\/secrets\/.*)$/i;

/** Words that mark an obviously fake value. Matched against the lower-cased value. */
const DUMMY_WORDS = [
  'changeme',
  'change-me',
  'change_me',
  'changeit',
  'placeholder',
  'example',
  'sample',
  'dummy',
  'fake',
  'redacted',
  'replace',
  'your-',
  'your_',
  'yourkey',
  'yourtoken',
  'yoursecret',
  'yourpassword',
  'insert',
  'notasecret',
  'not-a-secret',
  'not_a_secret',
  'todo',
  'fixme',
  'xxxx',
  '****',
  '....',
  '____',
  '----',
  'secretkeyref',
  'valuefrom',
  'keyvault',
  'lorem',
  'ipsum',
  'foobar',
  'abcdef',
  'abc123',
  '123456',
  'qwerty',
  'password',
  'passw0rd',
  'p@ssw0rd',
  'secret',
  'letmein',
  'hunter2',
  'test-key',
  'test_key',
  'testkey',
  'testtoken',
  'test-token',
  'test_token',
  'mytoken',
  'mysecret',
  'mypassword',
  'token',
  'test',
  'invalid',
  'wrong',
  'bogus',
  'mock',
  'stub',
];

const DUMMY_RE = new RegExp(DUMMY_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** Whole values that are never credentials. */
const DUMMY_VALUES = new Set([
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'none',
  'null',
  'nil',
  'undefined',
  'empty',
  'required',
  'optional',
  'string',
  'secret',
  'token',
  'password',
  'test',
  'admin',
  'root',
  'user',
  'default',
]);

/**
 * True for a value that is a placeholder, an example, or a reference to a
 * credential stored elsewhere (changeme, <your-key>, ${VAR}, vault://...,
 * secretKeyRef, xxxxx, the AWS documentation key ...EXAMPLE).
 */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  const lower = v.toLowerCase();
  if (DUMMY_VALUES.has(lower)) return true;
  if (REFERENCE.test(v)) return true;
  // <your-key>, [token], {secret}
  if (/^[<[{(].*[>\]})]$/.test(v)) return true;
  if (v.includes('${') || v.includes('{{') || v.includes('<%') || /<[A-Za-z_][A-Za-z0-9 _-]*>/.test(v)) return true;
  if (DUMMY_RE.test(lower)) return true;
  // One repeated character (aaaaaaaa, 00000000) or few distinct characters.
  if (new Set(v).size <= 3) return true;
  if (isSequential(lower) || hasTypedPattern(v)) return true;
  return false;
}

/**
 * Typed patterns: abcdefghijklmnop, 9f8e7d6c5b4a, a1b2c3d4e5f6 — runs where
 * the characters (or every other character) step by +-1. Generated values
 * essentially never contain 8 such characters in a row.
 */
export function hasTypedPattern(s: string): boolean {
  for (const stride of [1, 2]) {
    for (const dir of [1, -1]) {
      for (let phase = 0; phase < stride; phase++) {
        let run = 1;
        for (let i = phase + stride; i < s.length; i += stride) {
          run = s.charCodeAt(i) - s.charCodeAt(i - stride) === dir ? run + 1 : 1;
          // 8 stepping characters for stride 1; 5+5 interleaved for stride 2.
          if ((stride === 1 && run >= 8) || (stride === 2 && run >= 5 && interleavedToo(s, i, stride, phase, dir))) return true;
        }
      }
    }
  }
  return false;
}

/** The other phase of a stride-2 pattern steps too over the same span. */
function interleavedToo(s: string, end: number, stride: number, phase: number, dir: number): boolean {
  const other = phase === 0 ? 1 : -1;
  let run = 1;
  for (let i = end - 4 * stride + other + stride; i <= end + other && i < s.length; i += stride) {
    if (i - stride < 0) continue;
    run = s.charCodeAt(i) - s.charCodeAt(i - stride) === dir ? run + 1 : 1;
  }
  return run >= 4;
}

/** 0123456789, abcdefgh, 1234abcd: runs of consecutive characters are typed, not generated. */
function isSequential(s: string): boolean {
  let run = 1;
  let best = 1;
  for (let i = 1; i < s.length; i++) {
    run = s.charCodeAt(i) === s.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best >= 6 && best >= s.length / 2;
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

// Words of an identifier that make it a credential name. Checked per word so
// `bypass` or `keyboard` are not credentials but `db_password`, `apiKey`,
// `GITHUB_TOKEN` and `client-secret` are.
const CREDENTIAL_WORDS = new Set<string>([
  'password',
  'passwd',
  'pass',
  'pwd',
  'passphrase',
  'passcode',
  'secret',
  'secrets',
  'token',
  'apikey',
  'key',
  'credential',
  'credentials',
  'creds',
  'auth',
  'dsn',
  'privatekey',
  'accesskey',
  'secretkey',
  'clientsecret',
  'apitoken',
  'authtoken',
  'accesstoken',
  'refreshtoken',
  'bearer',
]);

/** A last word that turns the name into a reference to a credential, not the credential. */
const REFERENCE_WORDS = new Set([
  'file',
  'files',
  'path',
  'paths',
  'dir',
  'url',
  'uri',
  'endpoint',
  'host',
  'hostname',
  'port',
  'name',
  'names',
  'ttl',
  'timeout',
  'expiry',
  'expires',
  'expiration',
  'header',
  'type',
  'types',
  'enabled',
  'enable',
  'disabled',
  'required',
  'length',
  'len',
  'size',
  'count',
  'id',
  'ids',
  'ref',
  'env',
  'var',
  'field',
  'pattern',
  'regex',
  'format',
  'prefix',
  'suffix',
  'version',
  'algorithm',
  'alg',
  'policy',
  'mode',
  'kind',
  'label',
  'index',
  'location',
  'provider',
  'source',
  'store',
  'method',
  'scheme',
  'usage',
  'hint',
  'min',
  'max',
  'limit',
  'level',
  'class',
  'schema',
  'selector',
  'hash',
  'digest',
  'fingerprint',
  'checksum',
  'issuer',
  'audience',
  'scope',
  'scopes',
  'user',
  'username',
  'login',
  'mount',
  'volume',
  'command',
  'cmd',
  'key',
  'keys',
  'status',
  'state',
  'flag',
  'option',
  'options',
  'config',
  'template',
  'address',
  'addr',
]);

/** Words that make the whole name non-secret whatever else it says. */
const NON_SECRET_WORDS = new Set(['gpg', 'pgp', 'gnupg', 'topology', 'public', 'pub', 'publishable', 'primary', 'foreign', 'sort', 'partition', 'cache', 'idempotency', 'i18n', 'translation', 'next', 'page', 'csrf', 'xsrf', 'max', 'tokens', 'tokenizer']);

/** Split an identifier into lower-case words (camelCase, snake_case, kebab-case, dotted). */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Two-word credential names: api key, private key, client secret ... */
const STRONG_PAIRS = new Set(['api key', 'private key', 'access key', 'secret key', 'signing key', 'encryption key', 'master key', 'auth key', 'client secret', 'auth token', 'access token', 'refresh token', 'session key', 'account key', 'storage key', 'license key', 'hmac key', 'jwt key', 'shared key']);

export type NameStrength = 'strong' | 'weak';

/**
 * How surely a name holds a credential value. strong: DB_PASSWORD, apiKey,
 * client-secret, GITHUB_TOKEN, private_key. weak: a bare `key` or `auth`
 * (also sort keys, label keys, auth settings). undefined: not a credential
 * name, or a reference to one (TOKEN_FILE, passwordRef, keyId), a public key,
 * a counter (max_tokens).
 */
const strengthCache = new Map<string, NameStrength | undefined>();

export function credentialNameStrength(name: string): NameStrength | undefined {
  let r = strengthCache.get(name);
  if (r === undefined && !strengthCache.has(name)) {
    r = computeStrength(name);
    if (strengthCache.size > 50_000) strengthCache.clear();
    strengthCache.set(name, r);
  }
  return r;
}

function computeStrength(name: string): NameStrength | undefined {
  const words = identifierWords(name);
  if (words.length === 0) return undefined;
  let strong = false;
  let weak = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (NON_SECRET_WORDS.has(w)) return undefined;
    if (w === 'key' || w === 'auth') {
      weak = true;
      if (i > 0 && STRONG_PAIRS.has(`${words[i - 1]} ${w}`)) strong = true;
    } else if (CREDENTIAL_WORDS.has(w)) strong = true;
    if (i > 0 && STRONG_PAIRS.has(`${words[i - 1]} ${w}`)) strong = true;
  }
  if (!strong && !weak) return undefined;
  const last = words[words.length - 1] as string;
  if (last !== 'key' && last !== 'keys' && REFERENCE_WORDS.has(last)) return undefined;
  return strong ? 'strong' : 'weak';
}

/** True for a name that holds a credential value (strong or weak). */
export function isCredentialName(name: string): boolean {
  return credentialNameStrength(name) !== undefined;
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
