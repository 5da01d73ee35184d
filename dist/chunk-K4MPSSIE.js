import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);

// checks/common/credentials.ts
import { createHash } from "node:crypto";
function secretKey(value) {
  return `secret:${createHash("sha256").update(value).digest("hex").slice(0, 16)}`;
}
var CREDENTIAL_WORDS = /* @__PURE__ */ new Set([
  "password",
  "passwd",
  "pass",
  "pwd",
  "passphrase",
  "passcode",
  "secret",
  "secrets",
  "token",
  "apikey",
  "key",
  "credential",
  "credentials",
  "creds",
  "auth",
  "dsn",
  "privatekey",
  "accesskey",
  "secretkey",
  "clientsecret",
  "apitoken",
  "authtoken",
  "accesstoken",
  "refreshtoken",
  "bearer"
]);
var REFERENCE_WORDS = /* @__PURE__ */ new Set([
  "file",
  "files",
  "path",
  "paths",
  "dir",
  "url",
  "uri",
  "endpoint",
  "host",
  "hostname",
  "port",
  "name",
  "names",
  "ttl",
  "timeout",
  "expiry",
  "expires",
  "expiration",
  "header",
  "type",
  "types",
  "enabled",
  "enable",
  "disabled",
  "required",
  "length",
  "len",
  "size",
  "count",
  "id",
  "ids",
  "ref",
  "env",
  "var",
  "field",
  "pattern",
  "regex",
  "format",
  "prefix",
  "suffix",
  "version",
  "algorithm",
  "alg",
  "policy",
  "mode",
  "kind",
  "label",
  "index",
  "location",
  "provider",
  "source",
  "store",
  "method",
  "scheme",
  "usage",
  "hint",
  "min",
  "max",
  "limit",
  "level",
  "class",
  "schema",
  "selector",
  "hash",
  "digest",
  "fingerprint",
  "checksum",
  "issuer",
  "audience",
  "scope",
  "scopes",
  "user",
  "username",
  "login",
  "mount",
  "volume",
  "command",
  "cmd",
  "key",
  "keys",
  "status",
  "state",
  "flag",
  "option",
  "options",
  "config",
  "template",
  "address",
  "addr"
]);
var NON_SECRET_WORDS = /* @__PURE__ */ new Set(["hashed", "gpg", "pgp", "gnupg", "topology", "public", "pub", "publishable", "primary", "foreign", "sort", "partition", "cache", "idempotency", "i18n", "translation", "next", "page", "csrf", "xsrf", "max", "tokens", "tokenizer"]);
function identifierWords(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}
var STRONG_PAIRS = /* @__PURE__ */ new Set(["connection string", "api key", "private key", "access key", "secret key", "signing key", "encryption key", "master key", "auth key", "client secret", "auth token", "access token", "refresh token", "session key", "account key", "storage key", "license key", "hmac key", "jwt key", "shared key"]);
var strengthCache = /* @__PURE__ */ new Map();
function credentialNameStrength(name) {
  let r = strengthCache.get(name);
  if (r === void 0 && !strengthCache.has(name)) {
    r = computeStrength(name);
    if (strengthCache.size > 5e4) strengthCache.clear();
    strengthCache.set(name, r);
  }
  return r;
}
function computeStrength(name) {
  const words = identifierWords(name);
  if (words.length === 0) return void 0;
  let strong = false;
  let weak = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (NON_SECRET_WORDS.has(w)) return void 0;
    if (w === "key" || w === "auth") {
      weak = true;
      if (i > 0 && STRONG_PAIRS.has(`${words[i - 1]} ${w}`)) strong = true;
    } else if (CREDENTIAL_WORDS.has(w)) strong = true;
    if (i > 0 && STRONG_PAIRS.has(`${words[i - 1]} ${w}`)) strong = true;
  }
  if (!strong && !weak) return void 0;
  const last = words[words.length - 1];
  if (last !== "key" && last !== "keys" && REFERENCE_WORDS.has(last)) return void 0;
  return strong ? "strong" : "weak";
}
function isCredentialName(name) {
  return credentialNameStrength(name) !== void 0;
}
var REFERENCE = /^(?:\$\{[^}]*\}?|\$\([^)]*\)?|\$[A-Za-z_][A-Za-z0-9_]*|%\{[^}]*\}|%\([^)]*\)s|\{\{.*\}\}|\{%.*%\}|<%.*%>|#\{[^}]*\}|@Value\(.*|(?:vault|awssm|aws-sm|gcpsm|azkv|op|doppler|infisical|sm|ssm|secretsmanager|keyvault|env|file|ref|arn):.*|ENC\[.*|AQICA.*|projects\/[^/]+\/secrets\/.*)$/i;
var DUMMY_WORDS = [
  "changeme",
  "change-me",
  "change_me",
  "changeit",
  "placeholder",
  "example",
  "sample",
  "dummy",
  "fake",
  "redacted",
  "replace",
  "your-",
  "your_",
  "yourkey",
  "yourtoken",
  "yoursecret",
  "yourpassword",
  "insert",
  "notasecret",
  "not-a-secret",
  "not_a_secret",
  "todo",
  "fixme",
  "xxxx",
  "****",
  "....",
  "____",
  "----",
  "secretkeyref",
  "valuefrom",
  "keyvault",
  "lorem",
  "ipsum",
  "foobar",
  "abcdef",
  "abc123",
  "123456",
  "qwerty",
  "password",
  "passw0rd",
  "p@ssw0rd",
  "secret",
  "letmein",
  "hunter2",
  "test-key",
  "test_key",
  "testkey",
  "testtoken",
  "test-token",
  "test_token",
  "mytoken",
  "mysecret",
  "mypassword",
  "token",
  "test",
  "invalid",
  "wrong",
  "bogus",
  "mock",
  "stub"
];
var DUMMY_RE = new RegExp(DUMMY_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
var DUMMY_VALUES = /* @__PURE__ */ new Set([
  "true",
  "false",
  "yes",
  "no",
  "on",
  "off",
  "none",
  "null",
  "nil",
  "undefined",
  "empty",
  "required",
  "optional",
  "string",
  "secret",
  "token",
  "password",
  "test",
  "admin",
  "root",
  "user",
  "default"
]);
function isPlaceholderValue(value) {
  const v = value.trim();
  if (v.length === 0) return true;
  const lower = v.toLowerCase();
  if (DUMMY_VALUES.has(lower)) return true;
  if (REFERENCE.test(v)) return true;
  if (/^[<[{(].*[>\]})]$/.test(v)) return true;
  if (v.includes("${") || v.includes("{{") || v.includes("<%") || /<[A-Za-z_][A-Za-z0-9 _-]*>/.test(v)) return true;
  if (DUMMY_RE.test(lower)) return true;
  if (new Set(v).size <= 3) return true;
  if (isSequential(lower) || hasTypedPattern(v)) return true;
  return false;
}
function hasTypedPattern(s) {
  for (const stride of [1, 2]) {
    for (const dir of [1, -1]) {
      for (let phase = 0; phase < stride; phase++) {
        let run = 1;
        for (let i = phase + stride; i < s.length; i += stride) {
          run = s.charCodeAt(i) - s.charCodeAt(i - stride) === dir ? run + 1 : 1;
          if (stride === 1 && run >= 8 || stride === 2 && run >= 5 && interleavedToo(s, i, stride, phase, dir)) return true;
        }
      }
    }
  }
  return false;
}
function interleavedToo(s, end, stride, phase, dir) {
  const other = phase === 0 ? 1 : -1;
  let run = 1;
  for (let i = end - 4 * stride + other + stride; i <= end + other && i < s.length; i += stride) {
    if (i - stride < 0) continue;
    run = s.charCodeAt(i) - s.charCodeAt(i - stride) === dir ? run + 1 : 1;
  }
  return run >= 4;
}
function isSequential(s) {
  let run = 1;
  let best = 1;
  for (let i = 1; i < s.length; i++) {
    run = s.charCodeAt(i) === s.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best >= 6 && best >= s.length / 2;
}

// checks/common/redact.ts
var REDACTED = "***";
var MIN_SECRET_CHARS = 4;
var MIN_WORD_CHARS = 8;
function secretForms(secrets) {
  const forms = /* @__PURE__ */ new Set();
  for (const s of secrets) {
    for (const v of [s, ...s.split(/\s+/).filter((w) => w.length >= MIN_WORD_CHARS)]) {
      forms.add(v);
      forms.add(JSON.stringify(v).slice(1, -1));
      forms.add(encodeURIComponent(v));
    }
  }
  return [...forms].filter((f) => f.length >= MIN_SECRET_CHARS).sort((a, b) => b.length - a.length);
}
var SCHEMES = "Bearer|Basic|Token|ApiKey|Splunk|Digest|Negotiate|DSN";
var AUTH_SCHEME = new RegExp(`\\b(${SCHEMES})(\\s{1,8})([A-Za-z0-9._~+/=-]{8,})`, "gi");
var SCHEME_WORD = new RegExp(`^(?:${SCHEMES})$`, "i");
var NAMED_VALUE = /(["']?)(?<![A-Za-z0-9_.-])([A-Za-z_][A-Za-z0-9_.-]{0,63})\1(\s{0,8}[:=]\s{0,8})(["']?)([^\s"'&,;<>{}[\]]{4,})/g;
var TOKEN_RUN = /[A-Za-z0-9_~+/=.-]{20,}/g;
function looksGenerated(run) {
  const digit = /[0-9]/.test(run);
  if (!digit) return false;
  if (/[a-z]/.test(run) && /[A-Z]/.test(run)) return true;
  return run.length >= 32 && /^[0-9a-fA-F]+$/.test(run);
}
function redactSecrets(text, secrets) {
  let out = text;
  for (const f of secretForms(secrets)) out = out.split(f).join(REDACTED);
  out = out.replace(AUTH_SCHEME, (_m, scheme, gap) => `${scheme}${gap}${REDACTED}`);
  out = out.replace(
    NAMED_VALUE,
    (m, q, name, sep, q2, value) => isCredentialName(name) && !SCHEME_WORD.test(value) ? `${q}${name}${q}${sep}${q2}${REDACTED}` : m
  );
  return out.replace(TOKEN_RUN, (run) => looksGenerated(run) ? REDACTED : run);
}
function quoteUntrusted(text, secrets, max) {
  const clean = redactSecrets(text, secrets).replace(/\s+/g, " ").trim().replace(/[^\x20-\x7e]/g, "?");
  return clean.length > max ? `${clean.slice(0, max)}\u2026` : clean;
}

export {
  secretKey,
  credentialNameStrength,
  isCredentialName,
  isPlaceholderValue,
  hasTypedPattern,
  redactSecrets,
  quoteUntrusted
};
