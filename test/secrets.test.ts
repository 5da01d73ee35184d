// Unit tests of the secret detectors (checks/secrets/scan.ts, values.ts):
// every format on generated (not real) credentials, placeholders and
// references never reported, linear time on pathological input.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MAX_HITS_PER_FILE, scanText } from '../checks/secrets/scan.ts';
import { credentialNameStrength, isPlaceholderValue } from '../checks/common/credentials.ts';
import { isExampleFile, looksLikeGeneratedSecret, shannonEntropy } from '../checks/secrets/values.ts';

const FIX = new URL('fixtures/secrets/', import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, FIX), 'utf8');

test('every generated credential in fixtures/secrets/positive is found with its rule and line', () => {
  const expected = JSON.parse(read('positive/expected.json')) as Array<{ file: string; line: number; rule: string }>;
  const files = new Set(expected.map((e) => e.file));
  const found: Array<{ file: string; line: number; rule: string }> = [];
  for (const file of files) for (const h of scanText(read(file), { file })) found.push({ file, line: h.line, rule: h.rule });
  const key = (e: { file: string; line: number; rule: string }) => `${e.file}:${e.line}:${e.rule}`;
  assert.deepEqual(found.map(key).sort(), expected.map(key).sort());
  assert.ok(expected.length >= 24);
});

test('placeholders, references, public keys and identifiers in fixtures/secrets/negative are not secrets', () => {
  const dir = new URL('negative/', FIX);
  const names = readdirSync(dir);
  assert.ok(names.length >= 6);
  for (const name of names) {
    const hits = scanText(readFileSync(new URL(name, dir), 'utf8'), { file: `negative/${name}` });
    assert.deepEqual(
      hits.map((h) => `${h.rule}@${h.line}`),
      [],
      `${name}: false positive`,
    );
  }
});

test('kinds say what was found and never contain the value', () => {
  const text = read('positive/app.env') + read('positive/claude_desktop_config.json') + read('positive/id_rsa');
  const hits = scanText(text, { file: 'mixed.env' });
  assert.ok(hits.length >= 7);
  for (const h of hits) {
    assert.ok(!h.kind.includes(h.value), h.rule);
    assert.ok(!h.kind.includes(h.value.slice(0, 8)), h.rule);
  }
  const kinds = hits.map((h) => h.kind);
  assert.ok(kinds.includes('GitHub personal access token'));
  assert.ok(kinds.includes('AWS access key ID'));
  assert.ok(kinds.includes('Anthropic API key'));
  assert.ok(kinds.includes('RSA private key'));
  assert.ok(kinds.includes('password in a postgres:// connection string'));
});

test('an allow marker on the line suppresses a hit (mcp-gate:allow, gitleaks:allow)', () => {
  const token = `ghp_${'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'}`;
  assert.equal(scanText(`TOKEN=${token}\n`, { file: 'a.env' }).length, 1);
  assert.equal(scanText(`TOKEN=${token} # mcp-gate:allow test value\n`, { file: 'a.env' }).length, 0);
  assert.equal(scanText(`const t = '${token}'; // gitleaks:allow\n`, { file: 'a.ts' }).length, 0);
});

test('source code needs a quoted literal; config files accept bare values', () => {
  const v = 'Qm9vTr4pX2kLw8ZsYc1VbN7d';
  assert.equal(scanText(`password = ${v}\n`, { file: 'app.py' }).length, 0, 'bare word in code is an identifier');
  assert.equal(scanText(`password = "${v}"\n`, { file: 'app.py' }).length, 1);
  assert.equal(scanText(`password = ${v}\n`, { file: 'app.ini' }).length, 1);
  assert.equal(scanText(`password: ${v}\n`, { file: 'values.yaml' }).length, 1);
  // A query parameter inside a string literal of source code.
  assert.equal(scanText(`fetch("https://api.example.invalid/v1?api_key=${v}")\n`, { file: 'a.js' }).length, 1);
});

test('credential names: strong, weak, references and non-secrets', () => {
  assert.equal(credentialNameStrength('DB_PASSWORD'), 'strong');
  assert.equal(credentialNameStrength('apiKey'), 'strong');
  assert.equal(credentialNameStrength('client-secret'), 'strong');
  assert.equal(credentialNameStrength('GITHUB_PERSONAL_ACCESS_TOKEN'), 'strong');
  assert.equal(credentialNameStrength('spring.datasource.password'), 'strong');
  assert.equal(credentialNameStrength('key'), 'weak');
  assert.equal(credentialNameStrength('auth'), 'weak');
  for (const n of ['hashed_secret', 'hashedPassword', 'TOKEN_FILE', 'passwordRef', 'keyId', 'secretKeyRef', 'public_key', 'max_tokens', 'bypass', 'keyboard', 'GPG_KEY', 'topologyKey', 'PASSWORD_MIN_LENGTH']) {
    assert.equal(credentialNameStrength(n), undefined, n);
  }
});

test('a detect-secrets baseline (hashed_secret: <sha1>) holds digests, not secrets', () => {
  const baseline = '{\n  "results": {\n    ".env.example": [\n      {\n        "hashed_secret": "aa91e9f973a0fc76e4c2c303ec788f7b6c22a318",\n        "is_verified": false,\n        "line_number": 45\n      }\n    ]\n  }\n}\n';
  assert.deepEqual(scanText(baseline, { file: '.secrets.baseline' }), []);
  // The same value under a credential name is still found.
  assert.equal(scanText(baseline.replace('hashed_secret', 'client_secret'), { file: '.secrets.baseline' }).length, 1);
});

test('placeholder and dummy values', () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder value under test
  for (const v of ['changeme', '<your-key>', '${VAR}', '$(cat /run/secrets/x)', 'vault://kv/app#token', '{{ .Values.x }}', 'xxxxxxxxxxxx', '************', 'AKIAIOSFODNN7EXAMPLE', 'REPLACE_ME_WITH_TOKEN', 'abcdef123456']) {
    assert.ok(isPlaceholderValue(v), v);
  }
  for (const v of ['Qm9vTr4pX2kLw8ZsYc1VbN7d', 'f3Kx9-pQ2_mZ7vL1']) assert.ok(!isPlaceholderValue(v), v);
  assert.ok(isExampleFile('config/.env.example'));
  assert.ok(isExampleFile('values.sample.yaml'));
  assert.ok(isExampleFile('app.env.dist'));
  assert.ok(!isExampleFile('dist.js'));
});

test('generated-looking values: entropy, shape, identifiers', () => {
  assert.ok(shannonEntropy('aaaa') === 0);
  assert.ok(shannonEntropy('abcd') === 2);
  assert.ok(looksLikeGeneratedSecret('Qm9vTr4pX2kLw8ZsYc1VbN7d'));
  for (const v of ['handler-64', 'NonSharedBuffer', 'getURLSearchParameter', 'kubernetes.io/hostname', 'sha256:0123abcd0123abcd', 'process.env.TOKEN', 'base64-encoded-public-key', 'Configures', 'x'.repeat(40), '1234567890123']) {
    assert.ok(!looksLikeGeneratedSecret(v), v);
  }
});

test('the JWT rule validates the header and skips the jwt.io sample token', () => {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const jwt = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'u-81723', iat: 1700000000 })}.Zk3lP0q9xV2mN8rT6yB4cW1hJ7sD5fG3aQ0eL9uK2iO`;
  assert.equal(scanText(`Authorization: Bearer ${jwt}\n`, { file: 'a.txt' })[0]?.value, jwt);
  const notJwt = `${b64({ hello: 'world', n: 1 })}.${b64({ sub: 'u-81723', iat: 1700000000 })}.Zk3lP0q9xV2mN8rT6yB4cW1hJ7sD5fG3aQ0eL9uK2iO`;
  assert.equal(scanText(notJwt, { file: 'a.txt' }).length, 0);
  const sample = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
  assert.equal(scanText(sample, { file: 'README.md' }).length, 0);
});

test('pathological inputs stay linear: 8 MB each in well under a second, with a note when a detector gives up', () => {
  const N = 8 * 1024 * 1024;
  const cases: Record<string, string> = {
    'eyJ run': 'eyJ'.repeat(N / 3),
    'JWT-like segments': `eyJ${'a'.repeat(20)}.`.repeat(N / 24),
    'sk- run': 'sk-'.repeat(N / 3),
    'BEGIN without END': '-----BEGIN RSA PRIVATE KEY-----'.repeat(N / 31),
    'password= chain': 'password='.repeat(N / 9),
    'unterminated quotes': 'password: "'.repeat(N / 11),
    'one identifier': 'tokentokentoken'.repeat(N / 15),
    'userinfo chain': 'a://b:c@'.repeat(N / 8),
    'one long line': 'x'.repeat(N),
    'xox run': 'xoxb-'.repeat(N / 5),
  };
  for (const [name, text] of Object.entries(cases)) {
    const notes: string[] = [];
    const start = performance.now();
    scanText(text, { file: 'big.env', notes });
    const ms = performance.now() - start;
    // A hang bound, not a speed test: the slowest case takes about 1.1 s on a loaded 2-CPU machine; quadratic work would take minutes.
    assert.ok(ms < 15_000, `${name}: ${ms.toFixed(0)} ms`);
    for (const n of notes) assert.match(n, /stopped after|only the first/);
  }
  const many = `GITHUB_TOKEN=ghp_${'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'}\n`.repeat(MAX_HITS_PER_FILE + 10);
  const notes: string[] = [];
  assert.equal(scanText(many, { file: 'many.env', notes }).length, MAX_HITS_PER_FILE);
  assert.match(notes[0] ?? '', /more than 1000 secrets/);
});
