// What the gate calls a credential, in one place for every family that asks
// (k8s env vars, Dockerfile ENV/ARG, the secret scan, scanner reports): which
// names hold one, which values are only placeholders, and the fingerprint
// key of a leaked value.
import { createHash } from 'node:crypto';

/**
 * Fingerprint key for a secret/exposed finding: a short hash of the secret
 * value, never the value. The gate's own scanner and ingested scanner
 * reports (gitleaks, trufflehog, trivy) use the same key, so one leaked
 * credential found by several tools is one finding.
 */
export function secretKey(value: string): string {
  return `secret:${createHash('sha256').update(value).digest('hex').slice(0, 16)}`;
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

/** Words that make the whole name non-secret whatever else it says (hashed_secret holds a digest, as detect-secrets baselines do). */
const NON_SECRET_WORDS = new Set(['hashed', 'gpg', 'pgp', 'gnupg', 'topology', 'public', 'pub', 'publishable', 'primary', 'foreign', 'sort', 'partition', 'cache', 'idempotency', 'i18n', 'translation', 'next', 'page', 'csrf', 'xsrf', 'max', 'tokens', 'tokenizer']);

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
const STRONG_PAIRS = new Set(['connection string', 'api key', 'private key', 'access key', 'secret key', 'signing key', 'encryption key', 'master key', 'auth key', 'client secret', 'auth token', 'access token', 'refresh token', 'session key', 'account key', 'storage key', 'license key', 'hmac key', 'jwt key', 'shared key']);

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
