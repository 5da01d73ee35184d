// Signing side (CLI only, never at gate time): ssh-keygen -Y sign over the
// canonical message, with a key file or a key held by ssh-agent, then the
// armored signature is written into the override file.
import { UsageError } from '../util/errors.ts';
import { execFileSafe } from '../util/exec.ts';
import { type ParsedOverride, parseOverrideText, signedMessage } from './document.ts';
import { OVERRIDE_NAMESPACE } from './sshsig.ts';

export interface SignOptions {
  /** Private key file, or (with agent) the public key whose private half is in ssh-agent. */
  keyFile: string;
  agent?: boolean;
  sshKeygen?: string;
  env?: Record<string, string | undefined>;
}

/** Sign `message` in the override namespace; returns the armored SSHSIG. */
export async function sshKeygenSign(message: string, opts: SignOptions): Promise<string> {
  const args = ['-Y', 'sign', '-n', OVERRIDE_NAMESPACE, '-f', opts.keyFile, ...(opts.agent ? ['-U'] : [])];
  const r = await execFileSafe(opts.sshKeygen ?? 'ssh-keygen', args, {
    input: message,
    reject: false,
    timeout: 120_000,
    ...(opts.env ? { env: opts.env } : {}),
  });
  if (r.exitCode !== 0 || !String(r.stdout).includes('-----BEGIN SSH SIGNATURE-----')) {
    const why = r.exitCode === undefined ? (r.shortMessage ?? 'ssh-keygen could not run') : String(r.stderr).trim().split('\n').pop();
    throw new UsageError(`ssh-keygen -Y sign failed: ${why}`);
  }
  return String(r.stdout).trim();
}

/**
 * Replace (or add) the top-level `signature:` block of an override file,
 * keeping every other line (comments included) as written. The result is
 * re-parsed and must carry exactly the same signed message.
 */
export function insertSignature(text: string, file: string, armored: string): string {
  const before = parseOverrideText(text, file);
  if (!('doc' in before)) throw new UsageError(`${before.file}:${before.line}: ${before.reason}`);
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^signature\s*:/.test(line)) {
      while (i + 1 < lines.length && (/^\s/.test(lines[i + 1] as string) || lines[i + 1] === '')) i++;
      continue;
    }
    out.push(line);
  }
  while (out.length && (out[out.length - 1] as string).trim() === '') out.pop();
  const block = ['signature: |', ...armored.trim().split('\n').map((l) => `  ${l.trim()}`)];
  const result = `${[...out, ...block].join('\n')}\n`;
  const after = parseOverrideText(result, file);
  if (!('doc' in after) || signedMessage(after.raw) !== signedMessage(before.raw) || after.doc.signature?.trim() !== armored.trim())
    throw new UsageError(`${file}: cannot place the signature: write the override as a top-level YAML block mapping (no flow style, no document markers around signature)`);
  return result;
}

/** Parse an override for signing: every field valid, no placeholder left. */
export function readForSigning(text: string, file: string): ParsedOverride {
  const p = parseOverrideText(text, file);
  if (!('doc' in p)) throw new UsageError(`${p.file}:${p.line}: ${p.reason}`);
  for (const [key, value] of [
    ['justification', p.doc.justification],
    ['remediation.ticket', p.doc.remediation.ticket],
    ['approver', p.doc.approver],
  ] as const)
    if (/\bTODO\b/.test(value)) throw new UsageError(`${file}:${p.lineOfKey(key)}: ${key} still holds the TODO placeholder`);
  return p;
}
