import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, sign as cryptoSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import {
  keyFingerprint,
  OVERRIDE_NAMESPACE,
  parseArmoredSignature,
  SshSigError,
  signedData,
  verifySignature,
} from '../src/overrides/sshsig.ts';
import { KEY_TYPES, makeKey, sshSign, sshVerify, type TestKey, tempDir } from './overrides-keys.ts';

const MESSAGE = '{"apiVersion":"mcp-gate/v1","id":"OVR-1","kind":"Override"}';

function sshString(b: Buffer | string): Buffer {
  const body = typeof b === 'string' ? Buffer.from(b) : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

function armor(blob: Buffer): string {
  const b64 = blob.toString('base64').match(/.{1,70}/g) as string[];
  return ['-----BEGIN SSH SIGNATURE-----', ...b64, '-----END SSH SIGNATURE-----'].join('\n');
}

/** Rebuild an SSHSIG blob with chosen parts (for forged or odd signatures). */
function sshsigBlob(publicKey: Buffer, namespace: string, hash: string, sigAlg: string, sig: Buffer, version = 1): Buffer {
  const v = Buffer.alloc(4);
  v.writeUInt32BE(version);
  return Buffer.concat([Buffer.from('SSHSIG'), v, sshString(publicKey), sshString(namespace), sshString(''), sshString(hash), sshString(Buffer.concat([sshString(sigAlg), sshString(sig)]))]);
}

describe('SSHSIG verification with real ssh-keygen signatures', () => {
  const dir = tempDir('sshsig');
  const keys: TestKey[] = [];
  before(() => {
    for (const t of KEY_TYPES) keys.push(makeKey(dir, t.name, t.args));
  });

  for (const t of KEY_TYPES) {
    it(`${t.name}: verifies, and rejects a changed message, namespace or signature byte`, async () => {
      const key = keys.find((k) => k.name === t.name) as TestKey;
      for (const hashalg of ['sha512', 'sha256']) {
        const armored = sshSign(key, MESSAGE, OVERRIDE_NAMESPACE, ['-O', `hashalg=${hashalg}`]);
        const sig = parseArmoredSignature(armored);
        assert.equal(sig.hashAlgorithm, hashalg);
        assert.equal(sig.namespace, OVERRIDE_NAMESPACE);
        assert.equal(`${sig.keyType} ${sig.publicKey.toString('base64')}`, key.publicKey);
        await verifySignature(sig, MESSAGE, OVERRIDE_NAMESPACE);
        // OpenSSH agrees with us on the good signature.
        assert.ok(sshVerify(`x@y ${key.publicKey}\n`, 'x@y', OVERRIDE_NAMESPACE, MESSAGE, armored, dir));
        await assert.rejects(() => verifySignature(sig, `${MESSAGE} `, OVERRIDE_NAMESPACE), /bad signature/);
        await assert.rejects(() => verifySignature(sig, MESSAGE.replace('OVR-1', 'OVR-2'), OVERRIDE_NAMESPACE), /bad signature/);
        await assert.rejects(() => verifySignature(sig, MESSAGE, 'git'), /namespace is "mcp-gate-override", expected "git"/);
        const flipped = Buffer.from(sig.signature);
        flipped[flipped.length - 5] = (flipped[flipped.length - 5] as number) ^ 0x01;
        await assert.rejects(() => verifySignature({ ...sig, signature: flipped }, MESSAGE, OVERRIDE_NAMESPACE), /bad signature|trailing|mpint/);
      }
    });
  }

  it('a signature made in another namespace is refused even though it is cryptographically valid', async () => {
    const key = keys[0] as TestKey;
    const sig = parseArmoredSignature(sshSign(key, MESSAGE, 'git'));
    assert.equal(sig.namespace, 'git');
    await assert.rejects(() => verifySignature(sig, MESSAGE, OVERRIDE_NAMESPACE), /namespace is "git", expected "mcp-gate-override"/);
  });

  it('relabelling the namespace inside the blob breaks the signature', async () => {
    const key = keys[0] as TestKey;
    const sig = parseArmoredSignature(sshSign(key, MESSAGE, 'git'));
    await assert.rejects(() => verifySignature({ ...sig, namespace: OVERRIDE_NAMESPACE }, MESSAGE, OVERRIDE_NAMESPACE), /bad signature/);
  });

  it('a signature by one key does not verify under another key of the same type', async () => {
    const a = keys[0] as TestKey;
    const b = makeKey(dir, 'ed25519-b');
    const sigA = parseArmoredSignature(sshSign(a, MESSAGE));
    const sigB = parseArmoredSignature(sshSign(b, MESSAGE));
    await assert.rejects(() => verifySignature({ ...sigA, publicKey: sigB.publicKey }, MESSAGE, OVERRIDE_NAMESPACE), /bad signature/);
    assert.notEqual(keyFingerprint(sigA.publicKey), keyFingerprint(sigB.publicKey));
  });

  it('keyFingerprint matches ssh-keygen -l', async () => {
    const key = keys[0] as TestKey;
    const sig = parseArmoredSignature(sshSign(key, MESSAGE));
    const line = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${key.file}.pub`]).toString();
    assert.ok(line.includes(keyFingerprint(sig.publicKey)), line);
  });

  it('refuses ssh-rsa (SHA-1) signatures even when they are mathematically valid', async () => {
    const rsa = keys.find((k) => k.name === 'rsa-3072') as TestKey;
    // node cannot read OpenSSH private keys: convert a copy to PEM.
    const copy = join(dir, 'rsa-pem');
    execFileSync('cp', [rsa.file, copy]);
    execFileSync('ssh-keygen', ['-q', '-p', '-N', '', '-m', 'PEM', '-f', copy], { stdio: 'ignore' });
    const priv = createPrivateKey(readFileSync(copy, 'utf8'));
    const good = parseArmoredSignature(sshSign(rsa, MESSAGE));
    const data = signedData(OVERRIDE_NAMESPACE, 'sha512', MESSAGE);
    const sha1 = cryptoSign('sha1', data, priv);
    const forged = parseArmoredSignature(armor(sshsigBlob(good.publicKey, OVERRIDE_NAMESPACE, 'sha512', 'ssh-rsa', sha1)));
    await assert.rejects(() => verifySignature(forged, MESSAGE, OVERRIDE_NAMESPACE), /ssh-rsa \(SHA-1\) signatures are refused/);
    // The same construction with SHA-256 is accepted: the refusal is about SHA-1, not the construction.
    const sha256 = cryptoSign('sha256', data, priv);
    await verifySignature(parseArmoredSignature(armor(sshsigBlob(good.publicKey, OVERRIDE_NAMESPACE, 'sha512', 'rsa-sha2-256', sha256))), MESSAGE, OVERRIDE_NAMESPACE);
  });

  it('refuses RSA keys below 2048 bits', async () => {
    const small = makeKey(dir, 'rsa-1024', ['-t', 'rsa', '-b', '1024']);
    const sig = parseArmoredSignature(sshSign(small, MESSAGE));
    await assert.rejects(() => verifySignature(sig, MESSAGE, OVERRIDE_NAMESPACE), /1024 bits is below the 2048-bit minimum/);
  });

  it('a signature algorithm that does not fit the key is refused', async () => {
    const ed = parseArmoredSignature(sshSign(keys[0] as TestKey, MESSAGE));
    await assert.rejects(() => verifySignature({ ...ed, signatureAlgorithm: 'rsa-sha2-512' }, MESSAGE, OVERRIDE_NAMESPACE), /does not match an ed25519 key/);
    const ec = parseArmoredSignature(sshSign(keys[1] as TestKey, MESSAGE));
    await assert.rejects(() => verifySignature({ ...ec, signatureAlgorithm: 'ecdsa-sha2-nistp384' }, MESSAGE, OVERRIDE_NAMESPACE), /does not match/);
  });
});

describe('SSHSIG parsing of bad input', () => {
  const good = (() => {
    const dir = tempDir('sshsig-bad');
    const key = makeKey(dir, 'ed');
    return sshSign(key, MESSAGE);
  })();
  const blob = Buffer.from(good.split('\n').slice(1, -1).join(''), 'base64');

  it('a PGP signature block is not an SSH signature', async () => {
    const pgp = '-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAdFiEE\n-----END PGP SIGNATURE-----';
    assert.throws(() => parseArmoredSignature(pgp), (e: Error) => e instanceof SshSigError && /not an SSH signature/.test(e.message));
  });

  it('missing END line, bad base64, wrong magic, version, hash, truncation and trailing bytes', async () => {
    assert.throws(() => parseArmoredSignature(good.replace('-----END SSH SIGNATURE-----', '')), /missing "-----END SSH SIGNATURE-----"/);
    assert.throws(() => parseArmoredSignature(good.replace(/\n(.)/, '\n!$1')), /not valid base64/);
    const wrongMagic = Buffer.from(blob);
    wrongMagic.write('XXHSIG', 0, 'latin1');
    assert.throws(() => parseArmoredSignature(armor(wrongMagic)), /missing SSHSIG preamble/);
    const v2 = Buffer.from(blob);
    v2.writeUInt32BE(2, 6);
    assert.throws(() => parseArmoredSignature(armor(v2)), /unsupported SSHSIG version 2/);
    assert.throws(() => parseArmoredSignature(armor(blob.subarray(0, blob.length - 7))), /truncated/);
    assert.throws(() => parseArmoredSignature(armor(Buffer.concat([blob, Buffer.from([0])]))), /trailing bytes/);
    const sig = parseArmoredSignature(good);
    const md5 = sshsigBlob(sig.publicKey, sig.namespace, 'md5', sig.signatureAlgorithm, sig.signature);
    assert.throws(() => parseArmoredSignature(armor(md5)), /unsupported SSHSIG hash algorithm "md5"/);
  });

  it('a huge length prefix is a clean error, not an allocation', async () => {
    const huge = Buffer.from(blob);
    huge.writeUInt32BE(0xffffffff, 10); // public key length
    assert.throws(() => parseArmoredSignature(armor(huge)), /truncated/);
  });

  it('an unsupported or certificate key type is named', async () => {
    const sig = parseArmoredSignature(good);
    const sk = Buffer.concat([sshString('sk-ssh-ed25519@openssh.com'), sshString(Buffer.alloc(32)), sshString('ssh:')]);
    await assert.rejects(() => verifySignature({ ...sig, publicKey: sk, keyType: 'sk-ssh-ed25519@openssh.com' }, MESSAGE, OVERRIDE_NAMESPACE), /unsupported key type "sk-ssh-ed25519@openssh.com"/);
    const cert = Buffer.concat([sshString('ssh-ed25519-cert-v01@openssh.com'), sshString(Buffer.alloc(32))]);
    await assert.rejects(() => verifySignature({ ...sig, publicKey: cert }, MESSAGE, OVERRIDE_NAMESPACE), /certificates .* are not supported/);
  });
});
