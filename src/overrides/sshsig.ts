// SSHSIG (OpenSSH PROTOCOL.sshsig) parsing and verification with node:crypto
// only: no ssh-keygen at gate time. Supported keys: ssh-ed25519,
// ecdsa-sha2-nistp256/384/521 and ssh-rsa (>= 2048 bits) with rsa-sha2-256
// or rsa-sha2-512 signatures. SHA-1 RSA signatures (ssh-rsa) are refused.
import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import { promisify } from 'node:util';

// The callback form of crypto.verify runs on libuv's thread pool: verifying
// many overrides at once uses every core instead of one.
const verifyAsync = promisify(verify) as (alg: string | null | undefined, data: Buffer, key: KeyObject | { key: KeyObject; dsaEncoding: 'ieee-p1363' }, sig: Buffer) => Promise<boolean>;

export const SSHSIG_MAGIC = 'SSHSIG';
export const OVERRIDE_NAMESPACE = 'mcp-gate-override';
const BEGIN = '-----BEGIN SSH SIGNATURE-----';
const END = '-----END SSH SIGNATURE-----';
const MIN_RSA_BITS = 2048;

/** A signature or key that cannot be used; the message says why, for the report. */
export class SshSigError extends Error {
  override name = 'SshSigError';
}

export interface SshSignature {
  /** Raw SSH wire-format public key blob of the signer. */
  publicKey: Buffer;
  /** Key type named inside the blob (ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, ...). */
  keyType: string;
  namespace: string;
  hashAlgorithm: 'sha256' | 'sha512';
  /** Signature algorithm name of the inner signature (ssh-ed25519, rsa-sha2-512, ...). */
  signatureAlgorithm: string;
  signature: Buffer;
}

/** Reads SSH wire-format values (RFC 4251 §5) with bounds checks. */
export class SshReader {
  readonly #buf: Buffer;
  #pos = 0;
  constructor(buf: Buffer) {
    this.#buf = buf;
  }
  get done(): boolean {
    return this.#pos === this.#buf.length;
  }
  bytes(n: number): Buffer {
    if (n < 0 || this.#pos + n > this.#buf.length) throw new SshSigError('truncated SSH data');
    const out = this.#buf.subarray(this.#pos, this.#pos + n);
    this.#pos += n;
    return out;
  }
  uint32(): number {
    return this.bytes(4).readUInt32BE(0);
  }
  string(): Buffer {
    return this.bytes(this.uint32());
  }
  text(): string {
    const b = this.string();
    const s = b.toString('utf8');
    if (!Buffer.from(s, 'utf8').equals(b)) throw new SshSigError('invalid UTF-8 in SSH string');
    return s;
  }
  /** A non-negative mpint, returned without leading zero bytes. */
  mpint(): Buffer {
    const b = this.string();
    if (b.length > 0 && (b[0] as number) & 0x80) throw new SshSigError('negative mpint');
    let i = 0;
    while (i < b.length && b[i] === 0) i++;
    return b.subarray(i);
  }
  end(what: string): void {
    if (!this.done) throw new SshSigError(`trailing bytes after ${what}`);
  }
}

function sshString(b: Buffer | string): Buffer {
  const body = typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length, 0);
  return Buffer.concat([len, body]);
}

/** Parse an armored `-----BEGIN SSH SIGNATURE-----` block. Throws SshSigError with the reason. */
export function parseArmoredSignature(armored: string): SshSignature {
  const lines = armored
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines[0] !== BEGIN) throw new SshSigError(`not an SSH signature: expected "${BEGIN}"`);
  if (lines[lines.length - 1] !== END || lines.length < 3) throw new SshSigError(`not an SSH signature: missing "${END}"`);
  const body = lines.slice(1, -1).join('');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) throw new SshSigError('SSH signature is not valid base64');
  return parseSignatureBlob(Buffer.from(body, 'base64'));
}

export function parseSignatureBlob(blob: Buffer): SshSignature {
  const r = new SshReader(blob);
  try {
    if (r.bytes(6).toString('latin1') !== SSHSIG_MAGIC) throw new SshSigError('not an SSH signature: missing SSHSIG preamble');
    const version = r.uint32();
    if (version !== 1) throw new SshSigError(`unsupported SSHSIG version ${version}`);
    const publicKey = r.string();
    const namespace = r.text();
    r.string(); // reserved
    const hash = r.text();
    const sigBlob = r.string();
    r.end('the SSH signature');
    if (hash !== 'sha256' && hash !== 'sha512') throw new SshSigError(`unsupported SSHSIG hash algorithm "${hash}"`);
    const keyType = new SshReader(publicKey).text();
    const sr = new SshReader(sigBlob);
    const signatureAlgorithm = sr.text();
    const signature = sr.string();
    sr.end('the signature blob');
    return { publicKey, keyType, namespace, hashAlgorithm: hash, signatureAlgorithm, signature };
  } catch (err) {
    if (err instanceof SshSigError) throw err;
    throw new SshSigError(`malformed SSH signature: ${(err as Error).message}`);
  }
}

interface ParsedKey {
  type: string;
  key: KeyObject;
  /** ECDSA: digest of the curve; RSA: modulus bits. */
  curveHash?: 'sha256' | 'sha384' | 'sha512';
  /** Size of r and s in bytes (ECDSA). */
  scalarBytes?: number;
  bits?: number;
}

const EC_CURVES: Record<string, { crv: string; hash: 'sha256' | 'sha384' | 'sha512'; bytes: number }> = {
  'ecdsa-sha2-nistp256': { crv: 'P-256', hash: 'sha256', bytes: 32 },
  'ecdsa-sha2-nistp384': { crv: 'P-384', hash: 'sha384', bytes: 48 },
  'ecdsa-sha2-nistp521': { crv: 'P-521', hash: 'sha512', bytes: 66 },
};

export const SUPPORTED_KEY_TYPES: readonly string[] = ['ssh-ed25519', 'ssh-rsa', ...Object.keys(EC_CURVES)];

const keyCache = new Map<string, ParsedKey>();

/** Turn an SSH public key blob into a node KeyObject (cached: verifying 1,000 overrides parses each key once). */
export function parsePublicKey(blob: Buffer): ParsedKey {
  const cacheKey = blob.toString('base64');
  const hit = keyCache.get(cacheKey);
  if (hit) return hit;
  const parsed = parsePublicKeyUncached(blob);
  if (keyCache.size > 10_000) keyCache.clear();
  keyCache.set(cacheKey, parsed);
  return parsed;
}

function parsePublicKeyUncached(blob: Buffer): ParsedKey {
  const r = new SshReader(blob);
  const type = r.text();
  try {
    if (type === 'ssh-ed25519') {
      const pk = r.string();
      r.end('the ed25519 key');
      if (pk.length !== 32) throw new SshSigError('ed25519 key is not 32 bytes');
      return { type, key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: pk.toString('base64url') }, format: 'jwk' }) };
    }
    const ec = EC_CURVES[type];
    if (ec) {
      const curveName = r.text();
      const q = r.string();
      r.end('the ECDSA key');
      if (`ecdsa-sha2-${curveName}` !== type) throw new SshSigError(`ECDSA key names curve ${curveName} but type ${type}`);
      if (q.length !== 1 + 2 * ec.bytes || q[0] !== 0x04) throw new SshSigError('ECDSA key is not an uncompressed point of its curve');
      const x = q.subarray(1, 1 + ec.bytes).toString('base64url');
      const y = q.subarray(1 + ec.bytes).toString('base64url');
      return { type, key: createPublicKey({ key: { kty: 'EC', crv: ec.crv, x, y }, format: 'jwk' }), curveHash: ec.hash, scalarBytes: ec.bytes };
    }
    if (type === 'ssh-rsa') {
      const e = r.mpint();
      const n = r.mpint();
      r.end('the RSA key');
      const bits = n.length * 8 - Math.clz32(n[0] ?? 0) + 24;
      if (bits < MIN_RSA_BITS) throw new SshSigError(`RSA key of ${bits} bits is below the ${MIN_RSA_BITS}-bit minimum`);
      return {
        type,
        key: createPublicKey({ key: { kty: 'RSA', n: n.toString('base64url'), e: e.toString('base64url') }, format: 'jwk' }),
        bits,
      };
    }
  } catch (err) {
    if (err instanceof SshSigError) throw err;
    throw new SshSigError(`invalid ${type} public key: ${(err as Error).message}`);
  }
  if (type.includes('-cert-v01@openssh.com')) throw new SshSigError(`SSH certificates (${type}) are not supported: sign with a plain key listed in allowed_signers`);
  throw new SshSigError(`unsupported key type "${type}" (supported: ${SUPPORTED_KEY_TYPES.join(', ')})`);
}

/** The bytes the inner signature covers (PROTOCOL.sshsig "signed data"). */
export function signedData(namespace: string, hashAlgorithm: 'sha256' | 'sha512', message: Buffer | string): Buffer {
  const digest = createHash(hashAlgorithm).update(message).digest();
  return Buffer.concat([Buffer.from(SSHSIG_MAGIC, 'latin1'), sshString(namespace), sshString(''), sshString(hashAlgorithm), sshString(digest)]);
}

/**
 * Verify `sig` over `message` under `namespace`. Returns nothing on success;
 * throws SshSigError naming the reason (namespace, algorithm, bad signature).
 */
export async function verifySignature(sig: SshSignature, message: Buffer | string, namespace: string): Promise<void> {
  if (sig.namespace !== namespace) throw new SshSigError(`signature namespace is "${sig.namespace}", expected "${namespace}" (sign with ssh-keygen -Y sign -n ${namespace})`);
  const key = parsePublicKey(sig.publicKey);
  const data = signedData(sig.namespace, sig.hashAlgorithm, message);
  let ok: boolean;
  try {
    ok = await verifyInner(key, sig, data);
  } catch (err) {
    if (err instanceof SshSigError) throw err;
    ok = false;
  }
  if (!ok) throw new SshSigError('bad signature: the signature does not match the document (content changed after signing, or another key)');
}

async function verifyInner(key: ParsedKey, sig: SshSignature, data: Buffer): Promise<boolean> {
  const alg = sig.signatureAlgorithm;
  if (key.type === 'ssh-ed25519') {
    if (alg !== 'ssh-ed25519') throw new SshSigError(`signature algorithm ${alg} does not match an ed25519 key`);
    if (sig.signature.length !== 64) return false;
    return verifyAsync(null, data, key.key, sig.signature);
  }
  if (key.type === 'ssh-rsa') {
    if (alg === 'ssh-rsa') throw new SshSigError('ssh-rsa (SHA-1) signatures are refused: sign with rsa-sha2-256 or rsa-sha2-512 (any current ssh-keygen does)');
    const hash = alg === 'rsa-sha2-256' ? 'sha256' : alg === 'rsa-sha2-512' ? 'sha512' : undefined;
    if (!hash) throw new SshSigError(`signature algorithm ${alg} does not match an RSA key`);
    return verifyAsync(hash, data, key.key, sig.signature);
  }
  // ECDSA: the signature is mpint r, mpint s; node wants r||s of fixed width.
  if (alg !== key.type) throw new SshSigError(`signature algorithm ${alg} does not match an ${key.type} key`);
  const sr = new SshReader(sig.signature);
  const r = sr.mpint();
  const s = sr.mpint();
  sr.end('the ECDSA signature');
  const width = key.scalarBytes as number;
  if (r.length > width || s.length > width) return false;
  const p1363 = Buffer.concat([Buffer.alloc(width - r.length), r, Buffer.alloc(width - s.length), s]);
  return verifyAsync(key.curveHash as string, data, { key: key.key, dsaEncoding: 'ieee-p1363' }, p1363);
}

/** `SHA256:...` fingerprint of a public key blob, as ssh-keygen -l prints it. */
export function keyFingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
