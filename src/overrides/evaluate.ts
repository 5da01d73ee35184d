// The override stage: read every file under .mcp-gate/overrides/, verify its
// SSHSIG signature against the base revision's allowed_signers, check
// approver, lifetime and expiry. Produces the overrides that may be applied
// and the findings about overrides (invalid, expired, expiring, trust
// problems). Never throws for bad input: every problem is a finding with
// file and line.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isRuleId, RULE_IDS, type RuleId } from '../rules/catalog.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import type { AppliedOverride, RawFinding } from '../types.ts';
import { type AllowedSigner, findSigner, matchPatternList, parseAllowedSigners, type SignersProblem } from './allowed-signers.ts';
import {
  ALLOWED_SIGNERS_FILE,
  NON_OVERRIDABLE,
  OVERRIDES_DIR,
  type OverrideProblem,
  type ParsedOverride,
  parseDateValue,
  parseOverrideText,
  signedMessage,
} from './document.ts';
import { keyFingerprint, OVERRIDE_NAMESPACE, parseArmoredSignature, SshSigError, verifySignature } from './sshsig.ts';
import { BaseRefError, readTrustSource, type TrustSource } from './trust.ts';
import { compareStrings } from '../util/order.ts';
import { InputError } from '../util/errors.ts';
import { readRegularText } from '../workspace/read-file.ts';
import { partName } from '../reporters/location.ts';

export const DEFAULT_MAX_LIFETIME_DAYS = 90;
/** An override this close to expiry (or its remediation due date) gets a warning. */
export const DUE_SOON_DAYS = 7;
const DAY_MS = 86_400_000;
const MAX_OVERRIDE_BYTES = 64 * 1024;
const MAX_OVERRIDE_FILES = 10_000;

/** A verified, unexpired override, ready to be matched against findings. */
export interface ApplicableOverride {
  id: string;
  file: string;
  line: number;
  rule: RuleId;
  resource: string;
  container?: string;
  expiresAt: Date;
  applied: AppliedOverride;
}

export type OverrideStatus = 'valid' | 'expiring' | 'expired' | 'invalid';

export interface EvaluatedOverride {
  file: string;
  line: number;
  id?: string;
  status: OverrideStatus;
  reason?: string;
  rule?: string;
  resource?: string;
  container?: string;
  approver?: string;
  expires?: string;
  /** Whole days until expiry (negative once expired). */
  daysLeft?: number;
  ticket?: string;
  due?: string;
  /** Fingerprint of the signing key, when the signature parsed. */
  signer?: string;
}

export interface OverrideEvaluation {
  /** False when there is no .mcp-gate/overrides directory: the stage did not run. */
  present: boolean;
  overrides: EvaluatedOverride[];
  applicable: ApplicableOverride[];
  findings: RawFinding[];
  trust?: TrustSource;
  detail: string;
}

export interface EvaluateOptions {
  root: string;
  baseRef?: string;
  env: Readonly<Record<string, string | undefined>>;
  now: Date;
  maxLifetimeDays?: number;
  /** Evaluate these texts instead of reading the directory (tests, benchmark). */
  files?: ReadonlyArray<{ file: string; text: string }>;
  /** Use these signers instead of reading them (benchmark). */
  trust?: TrustSource;
}

export async function evaluateOverrides(opts: EvaluateOptions): Promise<OverrideEvaluation> {
  const findings: RawFinding[] = [];
  const listed = opts.files ? { files: [...opts.files], problems: [] } : listOverrideFiles(opts.root);
  if (!listed) return { present: false, overrides: [], applicable: [], findings, detail: 'no .mcp-gate/overrides directory' };
  const parsed: Array<ParsedOverride | OverrideProblem> = [...listed.problems];
  for (const { file, text } of listed.files) parsed.push(parseOverrideText(text, file));
  if (parsed.length === 0) return { present: true, overrides: [], applicable: [], findings, detail: 'no override files' };

  let trust: TrustSource;
  try {
    trust = opts.trust ?? (await readTrustSource(opts.root, opts.baseRef, opts.env));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const failed = err instanceof BaseRefError ? reason : `cannot read trusted signers: ${reason}`;
    findings.push({
      ruleId: 'gate/check-failed',
      message: `overrides could not be verified, so none of the ${parsed.length} override file(s) is applied: ${failed}`,
      // Line 1: the trust file as a whole (annotations need a line).
      location: { file: ALLOWED_SIGNERS_FILE, line: 1 },
      key: 'overrides',
    });
    const overrides = parsed.map((p) => ({ file: p.file, line: p.line, ...('doc' in p ? { id: p.doc.id } : p.id ? { id: p.id } : {}), status: 'invalid' as const, reason: failed }));
    return { present: true, overrides, applicable: [], findings, detail: `not verified: ${failed}` };
  }

  const { signers, problems, noTrust } = trustedSigners(trust);
  for (const p of problems)
    findings.push({
      ruleId: 'gate/check-failed',
      message: `${ALLOWED_SIGNERS_FILE} line ${p.line} (${trust.description}) does not parse and grants no trust: ${p.message}`,
      location: { file: ALLOWED_SIGNERS_FILE, line: p.line },
      key: `allowed_signers:${p.line}`,
    });

  const idCount = new Map<string, string[]>();
  for (const p of parsed) if ('doc' in p) idCount.set(p.doc.id, [...(idCount.get(p.doc.id) ?? []), p.file]);

  const maxDays = opts.maxLifetimeDays ?? DEFAULT_MAX_LIFETIME_DAYS;
  const overrides: EvaluatedOverride[] = [];
  const applicable: ApplicableOverride[] = [];
  const results = await Promise.all(
    parsed.map(async (p) => {
      if (!('doc' in p)) return { evaluated: { file: p.file, line: p.line, ...(p.id ? { id: p.id } : {}), status: 'invalid' as const, reason: p.reason } };
      return verifyOne(p, { signers, noTrust, now: opts.now, maxDays, duplicates: idCount.get(p.doc.id) ?? [] });
    }),
  );
  for (const r of results) {
    overrides.push(r.evaluated);
    if (r.applicable) applicable.push(r.applicable);
  }
  overrides.sort((a, b) => compareStrings(a.file, b.file));
  applicable.sort((a, b) => compareStrings(a.id, b.id) || compareStrings(a.file, b.file));

  for (const o of overrides) findings.push(...findingsFor(o, opts.now));
  const count = (s: OverrideStatus) => overrides.filter((o) => o.status === s).length;
  const detail =
    `${overrides.length} override file(s): ${count('valid') + count('expiring')} valid, ${count('invalid')} invalid, ${count('expired')} expired; ` +
    `trusted signers from ${trust.description}${trust.origin === 'working-tree' ? ' — trust NOT from a protected base: pass --base-ref in CI' : ''}` +
    (trust.text !== undefined ? ` (${signers.length} key line(s))` : '');
  return { present: true, overrides, applicable, findings, trust, detail };
}

/** The keys a trust source lists, its unparseable lines, and why nobody is trusted (when so). */
function trustedSigners(trust: TrustSource): { signers: AllowedSigner[]; problems: SignersProblem[]; noTrust: string | undefined } {
  const { signers, problems } = trust.text !== undefined ? parseAllowedSigners(trust.text) : { signers: [], problems: [] };
  const noTrust =
    trust.refusal ??
    (trust.text === undefined
      ? `untrusted signer: ${trust.description} has no ${ALLOWED_SIGNERS_FILE}, so no key is trusted`
      : signers.length === 0
        ? `untrusted signer: ${ALLOWED_SIGNERS_FILE} in ${trust.description} lists no usable key`
        : undefined);
  return { signers, problems, noTrust };
}

/**
 * Why an override expiring at `expires` does not apply at `now`: expired, or
 * reaching beyond maxDays. Plain SSH signatures carry no creation time (and
 * certificates are refused), so the lifetime is counted from now: at every
 * run the override may reach at most maxDays ahead. A date-only expiry
 * counts whole days.
 */
export function expiryProblem(expires: string, now: Date, maxDays: number): { status: 'expired' | 'invalid'; reason: string } | undefined {
  const expiresAt = parseDateValue(expires) as Date;
  if (expiresAt.getTime() <= now.getTime()) return { status: 'expired', reason: `expired ${expires}` };
  const lifetimeDays = /T/.test(expires)
    ? (expiresAt.getTime() - now.getTime()) / DAY_MS
    : Math.round((parseDateValue(expires, false) as Date).getTime() / DAY_MS) - Math.floor(now.getTime() / DAY_MS);
  if (lifetimeDays > maxDays)
    return { status: 'invalid', reason: `lifetime: expires ${expires}, ${Math.ceil(lifetimeDays)} days from now, beyond overrides.maxLifetimeDays (${maxDays}); sign a shorter override` };
  return undefined;
}

export interface SigningCheck {
  root: string;
  baseRef?: string;
  env: Readonly<Record<string, string | undefined>>;
  now: Date;
  maxLifetimeDays?: number;
  expires: string;
  approver: string;
  /** The signing key, once known (sign); without it (new) the approver must be a principal of some trusted key. */
  key?: Buffer;
}

export interface SigningProblem {
  kind: 'expiry' | 'trust' | 'approver';
  reason: string;
}

/**
 * What the gate would refuse in an override about to be written (override
 * new) or signed (override sign), by the same rules and trust roots as
 * evaluateOverrides, apart from the signature itself.
 */
export async function signingProblems(c: SigningCheck): Promise<SigningProblem[]> {
  const out: SigningProblem[] = [];
  const expiry = expiryProblem(c.expires, c.now, c.maxLifetimeDays ?? DEFAULT_MAX_LIFETIME_DAYS);
  if (expiry) out.push({ kind: 'expiry', reason: expiry.reason });
  let trust: TrustSource;
  try {
    trust = await readTrustSource(c.root, c.baseRef, c.env);
  } catch (err) {
    out.push({ kind: 'trust', reason: `trusted signers cannot be read: ${err instanceof Error ? err.message : String(err)}` });
    return out;
  }
  const { signers, noTrust } = trustedSigners(trust);
  if (noTrust) out.push({ kind: 'trust', reason: noTrust });
  else if (c.key) {
    const verdict = findSigner(signers, c.key, c.approver, OVERRIDE_NAMESPACE, c.now);
    if (!verdict.ok) out.push({ kind: verdict.kind === 'approver' ? 'approver' : 'trust', reason: `${verdict.reason} (key ${keyFingerprint(c.key)}; signers from ${trust.description})` });
  } else if (!signers.some((s) => matchPatternList(c.approver, s.principals)))
    out.push({ kind: 'approver', reason: `approver "${c.approver}" is not a principal of any key in ${ALLOWED_SIGNERS_FILE} of ${trust.description}` });
  return out;
}

interface VerifyContext {
  signers: readonly AllowedSigner[];
  noTrust: string | undefined;
  now: Date;
  maxDays: number;
  duplicates: string[];
}

async function verifyOne(p: ParsedOverride, ctx: VerifyContext): Promise<{ evaluated: EvaluatedOverride; applicable?: ApplicableOverride }> {
  const d = p.doc;
  const expiresAt = parseDateValue(d.expires) as Date;
  const base: EvaluatedOverride = {
    file: p.file,
    line: p.line,
    id: d.id,
    status: 'invalid',
    rule: d.target.rule,
    resource: d.target.resource,
    ...(d.target.container !== undefined ? { container: d.target.container } : {}),
    approver: d.approver,
    expires: d.expires,
    daysLeft: Math.floor((expiresAt.getTime() - ctx.now.getTime()) / DAY_MS),
    ticket: d.remediation.ticket,
    due: d.remediation.due,
  };
  const invalid = (reason: string, key: string) => ({ evaluated: { ...base, line: p.lineOfKey(key), reason } });

  if (ctx.duplicates.length > 1) {
    const others = ctx.duplicates.filter((f) => f !== p.file);
    return invalid(`duplicate id "${d.id}" (also in ${others.join(', ') || 'this file'}): ids must be unique, so neither override applies`, 'id');
  }
  if (!isRuleId(d.target.rule)) {
    const hint = didYouMean(d.target.rule, RULE_IDS);
    return invalid(`unknown rule "${d.target.rule}"${hint ? ` (did you mean "${hint}"?)` : ''}`, 'target.rule');
  }
  const rule: RuleId = d.target.rule;
  if (NON_OVERRIDABLE.has(rule)) return invalid(`rule ${rule} cannot be overridden`, 'target.rule');
  if (d.signature === undefined || d.signature.trim() === '')
    return invalid('unsigned: no signature (sign it with "mcp-gate override sign")', 'id');

  let signer: string | undefined;
  try {
    const sig = parseArmoredSignature(d.signature);
    signer = keyFingerprint(sig.publicKey);
    await verifySignature(sig, signedMessage(p.raw), OVERRIDE_NAMESPACE);
    if (ctx.noTrust) return { evaluated: { ...base, signer, line: p.lineOfKey('signature'), reason: ctx.noTrust } };
    const verdict = findSigner(ctx.signers, sig.publicKey, d.approver, OVERRIDE_NAMESPACE, ctx.now);
    if (!verdict.ok) return { evaluated: { ...base, signer, line: p.lineOfKey(verdict.kind === 'approver' ? 'approver' : 'signature'), reason: `${verdict.reason} (key ${signer})` } };
  } catch (err) {
    const message = err instanceof SshSigError ? err.message : `signature could not be checked: ${(err as Error).message}`;
    return { evaluated: { ...base, ...(signer ? { signer } : {}), line: p.lineOfKey('signature'), reason: message } };
  }
  base.signer = signer;

  const expiry = expiryProblem(d.expires, ctx.now, ctx.maxDays);
  if (expiry?.status === 'expired') return { evaluated: { ...base, line: p.lineOfKey('expires'), status: 'expired', reason: expiry.reason } };
  if (expiry) return invalid(expiry.reason, 'expires');

  const dueSoon = expiresAt.getTime() - ctx.now.getTime() <= DUE_SOON_DAYS * DAY_MS || (parseDateValue(d.remediation.due) as Date).getTime() - ctx.now.getTime() <= DUE_SOON_DAYS * DAY_MS;
  const evaluated: EvaluatedOverride = { ...base, status: dueSoon ? 'expiring' : 'valid' };
  return {
    evaluated,
    applicable: {
      id: d.id,
      file: p.file,
      line: p.line,
      rule,
      resource: d.target.resource,
      ...(d.target.container !== undefined ? { container: d.target.container } : {}),
      expiresAt,
      applied: {
        id: d.id,
        approver: d.approver,
        expires: d.expires,
        justification: d.justification,
        ticket: d.remediation.ticket,
        due: d.remediation.due,
        file: p.file,
      },
    },
  };
}

function target(o: EvaluatedOverride): string {
  return `${o.rule} on ${o.resource}${o.container ? ` (${partName(o)} ${o.container})` : ''}`;
}

function findingsFor(o: EvaluatedOverride, now: Date): RawFinding[] {
  const name = o.id ? `override ${o.id}` : `override file ${o.file}`;
  const location = { file: o.file, line: o.line };
  if (o.status === 'invalid')
    return [{ ruleId: 'override/invalid', message: `${name} is invalid and covers nothing: ${o.reason}`, location, key: o.id ?? '' }];
  if (o.status === 'expired')
    return [{ ruleId: 'override/expired', message: `${name} (${target(o)}, approved by ${o.approver}) expired ${o.expires}; the finding it covered counts again`, location, key: o.id ?? '' }];
  if (o.status !== 'expiring') return [];
  const parts: string[] = [];
  const expiresAt = parseDateValue(o.expires as string) as Date;
  const dueAt = parseDateValue(o.due as string) as Date;
  if (expiresAt.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY_MS) parts.push(`expires ${o.expires} (${describeDays(expiresAt, now)})`);
  if (dueAt.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY_MS)
    parts.push(dueAt.getTime() < now.getTime() ? `remediation ${o.ticket} was due ${o.due} (${describeDays(dueAt, now)})` : `remediation ${o.ticket} is due ${o.due} (${describeDays(dueAt, now)})`);
  return [{ ruleId: 'override/expiring', message: `${name} (${target(o)}, approved by ${o.approver}) ${parts.join('; ')}`, location, key: o.id ?? '' }];
}

function describeDays(at: Date, now: Date): string {
  const ms = at.getTime() - now.getTime();
  const days = Math.floor(Math.abs(ms) / DAY_MS);
  if (ms < 0) return days === 0 ? 'today' : `${days} day(s) ago`;
  return days === 0 ? 'within a day' : `in ${days} day(s)`;
}

interface Listed {
  files: Array<{ file: string; text: string }>;
  problems: OverrideProblem[];
}

/** Files under .mcp-gate/overrides/ (recursively, symlinks not followed). undefined: no directory. */
export function listOverrideFiles(root: string): Listed | undefined {
  const abs = join(root, OVERRIDES_DIR);
  let st: import('node:fs').Stats;
  let parent: import('node:fs').Stats;
  try {
    st = lstatSync(abs);
    parent = lstatSync(join(root, '.mcp-gate'));
  } catch {
    return undefined;
  }
  const out: Listed = { files: [], problems: [] };
  if (!st.isDirectory() || !parent.isDirectory()) {
    out.problems.push({ file: OVERRIDES_DIR, line: 1, reason: 'malformed: .mcp-gate/overrides (or .mcp-gate) is not a directory (symlinks are not followed); no override is read' });
    return out;
  }
  const walk = (rel: string): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name));
    } catch (err) {
      out.problems.push({ file: rel, line: 1, reason: `malformed: directory cannot be read (${(err as NodeJS.ErrnoException).code ?? err})` });
      return;
    }
    for (const e of entries) {
      const file = `${rel}/${e.name}`;
      if (out.files.length + out.problems.length >= MAX_OVERRIDE_FILES) {
        out.problems.push({ file: OVERRIDES_DIR, line: 1, reason: `malformed: more than ${MAX_OVERRIDE_FILES} files under ${OVERRIDES_DIR}; the rest are not read` });
        return;
      }
      if (e.isDirectory()) walk(file);
      else if (!/\.ya?ml$/i.test(e.name) && (e.name.startsWith('.') || /\.(md|txt)$/i.test(e.name))) {
        // .gitkeep, README.md: documentation, not overrides
      } else if (e.isSymbolicLink()) out.problems.push({ file, line: 1, reason: 'malformed: symbolic link; overrides must be regular files' });
      else if (!/\.ya?ml$/i.test(e.name)) out.problems.push({ file, line: 1, reason: 'malformed: not a .yaml/.yml file; every file here must be an override' });
      else if (!e.isFile()) out.problems.push({ file, line: 1, reason: 'malformed: not a regular file' });
      else {
        try {
          out.files.push({ file, text: readRegularText(file, { within: root, maxBytes: MAX_OVERRIDE_BYTES, display: file }) });
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          out.problems.push({ file, line: err.line ?? 1, reason: `malformed: ${err.message}` });
        }
      }
    }
  };
  walk(OVERRIDES_DIR);
  return out;
}
