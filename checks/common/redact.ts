// Text a remote party wrote (an error page, a JSON error body, a TLS or API
// server's reason) can echo the credential the gate sent, or another one.
// Such text is redacted BEFORE it is cut or quoted: a cut made first leaves
// a prefix of the secret that no exact match finds any more.
import { isCredentialName } from './credentials.ts';

export const REDACTED = '***';

/** Values shorter than this are not searched for (they would match ordinary words). */
const MIN_SECRET_CHARS = 4;
/** A word of a secret ("<scheme> <token>") is searched for on its own from this length. */
const MIN_WORD_CHARS = 8;

/** Every form in which a secret may come back: itself, its long words, JSON-escaped, URL-encoded; longest first. */
function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    for (const v of [s, ...s.split(/\s+/).filter((w) => w.length >= MIN_WORD_CHARS)]) {
      forms.add(v);
      forms.add(JSON.stringify(v).slice(1, -1));
      forms.add(encodeURIComponent(v));
    }
  }
  return [...forms].filter((f) => f.length >= MIN_SECRET_CHARS).sort((a, b) => b.length - a.length);
}

// "Bearer <token>", "Basic <b64>", "Splunk <token>", "ApiKey <key>" ...: the value after an authorization scheme.
const SCHEMES = 'Bearer|Basic|Token|ApiKey|Splunk|Digest|Negotiate|DSN';
const AUTH_SCHEME = new RegExp(`\\b(${SCHEMES})(\\s{1,8})([A-Za-z0-9._~+/=-]{8,})`, 'gi');
const SCHEME_WORD = new RegExp(`^(?:${SCHEMES})$`, 'i');
// name = value, name: value, "name": "value" where the name holds a credential (access_token, api-key, password, ...).
// The lookbehind starts a name only at its first character: linear on a megabyte of letters.
const NAMED_VALUE = /(["']?)(?<![A-Za-z0-9_.-])([A-Za-z_][A-Za-z0-9_.-]{0,63})\1(\s{0,8}[:=]\s{0,8})(["']?)([^\s"'&,;<>{}[\]]{4,})/g;
// A long run of token characters; replaced only when it looks generated (below).
const TOKEN_RUN = /[A-Za-z0-9_~+/=.-]{20,}/g;

/** Mixed upper, lower and digits (a random token, base64, a JWT), or a long hex string (a key, an HMAC). */
function looksGenerated(run: string): boolean {
  const digit = /[0-9]/.test(run);
  if (!digit) return false;
  if (/[a-z]/.test(run) && /[A-Z]/.test(run)) return true;
  return run.length >= 32 && /^[0-9a-fA-F]+$/.test(run);
}

/**
 * `text` with credentials replaced by ***: the given secret values (in every
 * form they may come back in), the value after an authorization scheme, the
 * value of a credential-named field, and long generated-looking tokens.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const f of secretForms(secrets)) out = out.split(f).join(REDACTED);
  out = out.replace(AUTH_SCHEME, (_m, scheme: string, gap: string) => `${scheme}${gap}${REDACTED}`);
  // The value of `"auth": "Bearer ***"` is the scheme word: already handled above.
  out = out.replace(NAMED_VALUE, (m, q: string, name: string, sep: string, q2: string, value: string) =>
    isCredentialName(name) && !SCHEME_WORD.test(value) ? `${q}${name}${q}${sep}${q2}${REDACTED}` : m,
  );
  return out.replace(TOKEN_RUN, (run) => (looksGenerated(run) ? REDACTED : run));
}

/**
 * Untrusted text for a one-line message: redacted first, then whitespace
 * folded, anything outside printable ASCII shown as ?, cut to `max`
 * characters with "…".
 */
export function quoteUntrusted(text: string, secrets: readonly string[], max: number): string {
  const clean = redactSecrets(text, secrets)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[^\x20-\x7e]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
