// OpenSSH allowed_signers (ssh-keygen(1) "ALLOWED SIGNERS"):
//   principals [options] keytype base64-key [comment]
// principals is a comma-separated pattern list (* and ?, ! negates);
// options: namespaces="list", valid-after="time", valid-before="time",
// cert-authority. Certificate authorities are refused: every engineer's key
// is listed on its own so each approval names a person's key.
import { SshReader, SUPPORTED_KEY_TYPES } from './sshsig.ts';

export interface AllowedSigner {
  /** 1-based line in the allowed_signers file. */
  line: number;
  /** Pattern list as written (comma-separated). */
  principals: string;
  namespaces?: string;
  validAfter?: Date;
  validBefore?: Date;
  keyType: string;
  /** Wire-format public key blob. */
  key: Buffer;
}

export interface SignersProblem {
  line: number;
  message: string;
}

export interface ParsedSigners {
  signers: AllowedSigner[];
  /** Lines that do not parse. They grant no trust; the caller reports each. */
  problems: SignersProblem[];
}

const KNOWN_KEY_TYPE = /^(ssh-|ecdsa-|sk-|rsa-)/;

export function parseAllowedSigners(text: string): ParsedSigners {
  const signers: AllowedSigner[] = [];
  const problems: SignersProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).replace(/\r$/, '');
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    try {
      signers.push(parseLine(trimmed, i + 1));
    } catch (err) {
      problems.push({ line: i + 1, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { signers, problems };
}

function parseLine(line: string, lineNo: number): AllowedSigner {
  let rest = line;
  let principals: string;
  if (rest.startsWith('"')) {
    const close = rest.indexOf('"', 1);
    if (close < 0) throw new Error('unterminated quoted principals');
    principals = rest.slice(1, close);
    rest = rest.slice(close + 1);
    if (rest !== '' && !/^\s/.test(rest)) throw new Error('expected whitespace after quoted principals');
  } else {
    const m = /^\S+/.exec(rest) as RegExpExecArray;
    principals = m[0];
    rest = rest.slice(principals.length);
  }
  rest = rest.trimStart();
  if (principals === '' || principals.split(',').some((p) => p === '' || p === '!')) throw new Error('empty principal in the principals list');
  const signer: Partial<AllowedSigner> = { line: lineNo, principals };
  // Options are present when the next token is not a key type.
  const firstToken = /^\S*/.exec(rest)?.[0] ?? '';
  if (firstToken === '') throw new Error('missing key after the principals');
  if (!KNOWN_KEY_TYPE.test(firstToken) || firstToken.includes('=') || firstToken === 'cert-authority') {
    const { options, after } = splitOptions(rest);
    applyOptions(signer, options);
    rest = after.trimStart();
  }
  const tokens = rest.split(/\s+/);
  const keyType = tokens[0] ?? '';
  const b64 = tokens[1];
  if (!keyType) throw new Error('missing key type');
  if (b64 === undefined || b64 === '') throw new Error(`missing base64 key after "${keyType}"`);
  if (!SUPPORTED_KEY_TYPES.includes(keyType)) {
    if (keyType.includes('-cert-v01@openssh.com')) throw new Error(`certificate key type ${keyType} is not supported: list the engineer's plain public key`);
    throw new Error(`unsupported key type "${keyType}" (supported: ${SUPPORTED_KEY_TYPES.join(', ')})`);
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) throw new Error('key is not valid base64');
  const key = Buffer.from(b64, 'base64');
  let inner: string;
  try {
    inner = new SshReader(key).text();
  } catch (err) {
    throw new Error(`malformed key blob: ${(err as Error).message}`);
  }
  if (inner !== keyType) throw new Error(`key type "${keyType}" does not match the key blob ("${inner}")`);
  if (signer.validAfter && signer.validBefore && signer.validBefore <= signer.validAfter) throw new Error('valid-before is not after valid-after');
  return { ...(signer as AllowedSigner), keyType, key };
}

/** Split `opt,opt="x,y",opt` from the front of `s`; quoted values may hold commas and spaces. */
function splitOptions(s: string): { options: string[]; after: string } {
  const options: string[] = [];
  let cur = '';
  let quoted = false;
  let i = 0;
  for (; i < s.length; i++) {
    const ch = s[i] as string;
    if (quoted) {
      if (ch === '\\' && s[i + 1] === '"') {
        cur += '"';
        i++;
        continue;
      }
      if (ch === '"') quoted = false;
      cur += ch;
      continue;
    }
    if (ch === '"') {
      quoted = true;
      cur += ch;
    } else if (ch === ',') {
      options.push(cur);
      cur = '';
    } else if (/\s/.test(ch)) break;
    else cur += ch;
  }
  if (quoted) throw new Error('unterminated quote in options');
  options.push(cur);
  return { options, after: s.slice(i) };
}

function applyOptions(signer: Partial<AllowedSigner>, options: string[]): void {
  const seen = new Set<string>();
  for (const opt of options) {
    const eq = opt.indexOf('=');
    const name = (eq < 0 ? opt : opt.slice(0, eq)).toLowerCase();
    if (seen.has(name)) throw new Error(`option ${name} given twice`);
    seen.add(name);
    if (name === 'cert-authority') {
      throw new Error(
        'cert-authority entries are not supported: mcp-gate trusts individual keys only, so every override names the engineer whose key signed it; list each approver\'s public key instead',
      );
    }
    if (eq < 0) throw new Error(`unknown option "${opt}" (supported: namespaces=, valid-after=, valid-before=)`);
    const rawValue = opt.slice(eq + 1);
    if (!(rawValue.length >= 2 && rawValue.startsWith('"') && rawValue.endsWith('"'))) throw new Error(`option ${name} needs a double-quoted value`);
    const value = rawValue.slice(1, -1);
    if (name === 'namespaces') {
      if (value === '') throw new Error('namespaces is empty');
      signer.namespaces = value;
    } else if (name === 'valid-after') signer.validAfter = parseSshTime(value, name);
    else if (name === 'valid-before') signer.validBefore = parseSshTime(value, name);
    else throw new Error(`unknown option "${name}" (supported: namespaces=, valid-after=, valid-before=)`);
  }
}

/**
 * OpenSSH absolute time: YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, in UTC
 * when suffixed with Z, else in the system's local time zone (as ssh-keygen).
 */
export function parseSshTime(value: string, what = 'time'): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(Z?)$/i.exec(value);
  if (!m) throw new Error(`${what} "${value}" is not YYYYMMDD[HHMM[SS]][Z]`);
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  const utc = m[7] !== '';
  const date = utc
    ? new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s))
    : new Date(y as number, (mo as number) - 1, d, h, mi, s);
  const back = utc
    ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
    : [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
  if (back.join() !== [y, mo, d, h, mi, s].join()) throw new Error(`${what} "${value}" is not a valid date`);
  return date;
}

/**
 * OpenSSH match_pattern: `*` any run, `?` any one character. Iterative with a
 * single backtrack point, so O(len(s) * len(pattern)) at worst, never exponential.
 */
export function matchPattern(s: string, pattern: string): boolean {
  let si = 0;
  let pi = 0;
  let star = -1;
  let mark = 0;
  while (si < s.length) {
    const pc = pattern[pi];
    if (pc === '*') {
      star = pi++;
      mark = si;
    } else if (pc !== undefined && (pc === '?' || pc === s[si])) {
      si++;
      pi++;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++mark;
    } else return false;
  }
  while (pattern[pi] === '*') pi++;
  return pi === pattern.length;
}

/** OpenSSH match_pattern_list: true when some pattern matches and no negated (`!`) one does. */
export function matchPatternList(s: string, list: string): boolean {
  let matched = false;
  for (const raw of list.split(',')) {
    const negated = raw.startsWith('!');
    const pattern = negated ? raw.slice(1) : raw;
    if (matchPattern(s, pattern)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

export type TrustVerdict = { ok: true; signer: AllowedSigner } | { ok: false; reason: string; kind: 'untrusted' | 'approver' | 'namespace' | 'validity' };

/**
 * Is `key` trusted to sign for `principal` in `namespace` at `at`? Mirrors
 * ssh-keygen -Y verify: some line must list this key, match the principal,
 * allow the namespace and be valid at that time. The reason names the
 * closest miss.
 */
export function findSigner(signers: readonly AllowedSigner[], key: Buffer, principal: string, namespace: string, at: Date): TrustVerdict {
  const sameKey = signers.filter((s) => s.key.equals(key));
  if (sameKey.length === 0) return { ok: false, kind: 'untrusted', reason: 'untrusted signer: the signing key is not in the trusted allowed_signers' };
  const forPrincipal = sameKey.filter((s) => matchPatternList(principal, s.principals));
  if (forPrincipal.length === 0) {
    const listed = sameKey.map((s) => s.principals).join('; ');
    return { ok: false, kind: 'approver', reason: `approver mismatch: approver "${principal}" is not a principal of the signing key (allowed_signers lists it for ${listed})` };
  }
  const inNamespace = forPrincipal.filter((s) => s.namespaces === undefined || matchPatternList(namespace, s.namespaces));
  if (inNamespace.length === 0)
    return { ok: false, kind: 'namespace', reason: `namespace: the signing key is not allowed to sign in namespace "${namespace}" (allowed_signers line ${forPrincipal[0]?.line} restricts namespaces)` };
  const valid = inNamespace.find((s) => (!s.validAfter || at >= s.validAfter) && (!s.validBefore || at < s.validBefore));
  if (!valid) {
    const s = inNamespace[0] as AllowedSigner;
    const window = `${s.validAfter ? `valid-after ${s.validAfter.toISOString()}` : ''}${s.validAfter && s.validBefore ? ', ' : ''}${s.validBefore ? `valid-before ${s.validBefore.toISOString()}` : ''}`;
    return { ok: false, kind: 'validity', reason: `untrusted signer: the signing key is not valid at ${at.toISOString()} (allowed_signers line ${s.line}: ${window})` };
  }
  return { ok: true, signer: valid };
}
