// `mcp-gate override new|sign|verify|list`: write a template for a finding
// of the current report, sign it with the engineer's SSH key (ssh-keygen
// -Y sign, key file or agent), verify and list overrides against the trusted
// signers of the base revision.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../../util/atomic.ts';
import { isRuleId } from '../../rules/catalog.ts';
import { readConfig } from '../../config/load.ts';
import { protectPolicy } from '../../config/base-policy.ts';
import { DEFAULT_CONFIG_FILE } from '../../config/schema.ts';
import { runGate } from '../../gate/engine.ts';
import { UsageError } from '../../util/errors.ts';
import { execFileSafe } from '../../util/exec.ts';
import { NON_OVERRIDABLE, OVERRIDES_DIR, parseDateValue, signedMessage } from '../../overrides/document.ts';
import { DEFAULT_MAX_LIFETIME_DAYS, type EvaluatedOverride, evaluateOverrides, signingProblems } from '../../overrides/evaluate.ts';
import { insertSignature, readForSigning, sshKeygenSign } from '../../overrides/sign.ts';
import { keyFingerprint, OVERRIDE_NAMESPACE, parseArmoredSignature, verifySignature } from '../../overrides/sshsig.ts';
import { formatLocation, partName } from '../../reporters/location.ts';
import { clean } from '../../reporters/text.ts';
import type { Finding } from '../../types.ts';
import { oneOf, parseFlags } from '../args.ts';
import { directoryArg } from '../directory.ts';
import type { CliIO } from '../io.ts';
import { runScanner } from '../scanners.ts';
import type { Command } from './command.ts';
import { USAGE } from './usage.ts';

const DAY_MS = 86_400_000;

export const overrideCommand: Command = {
  usage: USAGE.override,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'new') return overrideNew(rest, io);
    if (sub === 'sign') return overrideSign(rest, io);
    if (sub === 'verify') return overrideVerify(rest, io);
    if (sub === 'list') return overrideList(rest, io);
    throw new UsageError(`override needs a subcommand: new, sign, verify or list${sub ? ` (got "${sub}")` : ''}`);
  },
};

/**
 * overrides.maxLifetimeDays as the gate applies it: a policy key, so with a
 * base ref it comes from the base revision's config (as in check).
 */
async function maxLifetimeOf(root: string, file: string | undefined, baseRef: string | undefined, io: CliIO): Promise<number> {
  const loaded = readConfig(root, file === undefined ? undefined : resolve(io.cwd, file));
  const name = loaded.configFile ?? DEFAULT_CONFIG_FILE;
  const config = baseRef !== undefined && !isAbsolute(name) ? (await protectPolicy(root, baseRef, name, loaded.config)).config : loaded.config;
  return config.overrides?.maxLifetimeDays ?? DEFAULT_MAX_LIFETIME_DAYS;
}

const COMMON = { 'base-ref': { type: 'string' }, config: { type: 'string' } } as const;

/** The flags of each subcommand (explained in usage.ts OVERRIDE_HELP). */
export const OVERRIDE_OPTIONS = {
  new: {
    fingerprint: { type: 'string' },
    rule: { type: 'string' },
    resource: { type: 'string' },
    container: { type: 'string' },
    report: { type: 'string' },
    id: { type: 'string' },
    approver: { type: 'string' },
    expires: { type: 'string' },
    ticket: { type: 'string' },
    due: { type: 'string' },
    justification: { type: 'string' },
    force: { type: 'boolean', default: false },
    ...COMMON,
  },
  sign: { key: { type: 'string', short: 'f' }, agent: { type: 'boolean', default: false }, 'print-message': { type: 'boolean', default: false }, ...COMMON },
  verify: COMMON,
  list: { ...COMMON, format: { type: 'string' } },
} as const;

function rootOf(positionals: string[], what: string, io: CliIO): string {
  if (positionals.length > 1) throw new UsageError(`override ${what} takes one DIR, got ${positionals.length}`);
  return directoryArg(positionals[0], io);
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function checkDate(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && parseDateValue(value) === undefined) throw new UsageError(`${flag} must be a date YYYY-MM-DD or an RFC 3339 timestamp (got "${value}")`);
  return value;
}

// ---------------------------------------------------------------- new

async function overrideNew(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(args, OVERRIDE_OPTIONS.new, 'override new');
  const root = rootOf(positionals, 'new', io);
  if ((values.fingerprint === undefined) === (values.rule === undefined && values.resource === undefined))
    throw new UsageError('choose the finding with --fingerprint FP, or with --rule RULE --resource RESOURCE [--container NAME]');
  if (values.fingerprint === undefined && (values.rule === undefined || values.resource === undefined)) throw new UsageError('--rule and --resource go together');
  const maxDays = await maxLifetimeOf(root, values.config, values['base-ref'], io);
  checkDate(values.expires, '--expires');
  checkDate(values.due, '--due');

  const findings =
    values.report !== undefined
      ? readReportFindings(values.report, io)
      : (await runGate({ root, ...(values.config ? { configFile: resolve(io.cwd, values.config) } : {}), env: io.env, runScanner })).findings;
  let rule: string;
  let resource: string;
  let container: string | undefined;
  let matched: Finding | undefined;
  // The fingerprint addresses one finding; from a report it is the report's, else this run's.
  if (values.fingerprint !== undefined) {
    const fp = values.fingerprint;
    const hits = fp.length >= 8 ? findings.filter((f) => f.fingerprint.startsWith(fp)) : [];
    if (hits.length !== 1)
      throw new UsageError(hits.length ? `fingerprint prefix "${fp}" matches ${hits.length} findings; give more characters` : `no finding with fingerprint "${fp}" in the current report (need at least 8 characters)`);
    matched = hits[0] as Finding;
    rule = matched.ruleId;
    const res = matched.location.resource ?? (matched.location.file ? `file:${matched.location.file}` : undefined);
    if (!res) throw new UsageError(`finding ${fp} has neither a resource nor a file: it cannot be targeted by an override`);
    resource = res;
    container = values.container ?? matched.location.container;
  } else {
    rule = values.rule as string;
    resource = values.resource as string;
    container = values.container;
    if (!isRuleId(rule)) throw new UsageError(`unknown rule "${rule}" (see mcp-gate rules)`);
    matched = findings.find(
      (f) => f.ruleId === rule && (f.location.resource ?? `file:${f.location.file}`) === resource && (container === undefined || f.location.container === container),
    );
    if (!matched && !values.force) throw new UsageError(`no ${rule} finding on ${resource}${container ? ` ${partName({ resource })} ${container}` : ''} in the current report (--force writes the override anyway)`);
  }
  if (isRuleId(rule) && NON_OVERRIDABLE.has(rule)) throw new UsageError(`rule ${rule} cannot be overridden`);

  const now = new Date();
  const id = values.id ?? nextId(root, now);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id)) throw new UsageError(`--id "${id}": letters, digits, dot, dash, underscore`);
  const expires = values.expires ?? isoDate(new Date(now.getTime() + Math.min(30, maxDays) * DAY_MS));
  const approver = values.approver ?? (await gitEmail(root, io.env)) ?? 'TODO@example.com';
  const problems = await signingProblems({ root, ...(values['base-ref'] ? { baseRef: values['base-ref'] } : {}), env: io.env, now, maxLifetimeDays: maxDays, expires, approver });
  // A defaulted approver is a suggestion the engineer edits before signing; a named one must be trusted now.
  const refused = problems.filter((p) => p.kind !== 'approver' || values.approver !== undefined);
  if (refused.length > 0) throw new UsageError(`override new: refused, "override verify" would reject it: ${refused.map((p) => p.reason).join('; ')}`);
  for (const p of problems) io.stderr(`mcp-gate: warning: ${p.reason}; set approver to your own principal before signing\n`);
  const lines = [
    `# Override for ${rule} on ${resource}${container ? ` (${partName({ resource })} ${container})` : ''}.`,
    ...(matched ? [`# Finding: ${clean(matched.message).replace(/\n/g, ' ')}`] : []),
    '# Fill in every TODO, then sign: mcp-gate override sign <this file> --key ~/.ssh/id_ed25519',
    `# Any change after signing invalidates the signature. Expiry at most ${maxDays} days ahead (overrides.maxLifetimeDays).`,
    'apiVersion: mcp-gate/v1',
    'kind: Override',
    `id: ${id}`,
    'target:',
    `  rule: ${JSON.stringify(rule)}`,
    `  resource: ${JSON.stringify(resource)}`,
    ...(container !== undefined ? [`  container: ${JSON.stringify(container)}`] : []),
    `justification: ${JSON.stringify(values.justification ?? 'TODO: why this risk is accepted until the fix, and what limits it meanwhile')}`,
    `remediation: {ticket: ${JSON.stringify(values.ticket ?? 'TODO')}, due: ${values.due ?? expires}}`,
    `approver: ${JSON.stringify(approver)}`,
    `expires: ${expires}`,
    '',
  ];
  const dir = join(root, OVERRIDES_DIR);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${id}.yaml`);
  if (existsSync(file) && !values.force) throw new UsageError(`${relative(io.cwd, file)} exists (--force overwrites)`);
  writeFileAtomic(file, lines.join('\n'));
  io.stdout(`${relative(io.cwd, file) || file}\n`);
  if (matched) io.stderr(`mcp-gate: finding ${matched.fingerprint} (${rule} at ${clean(formatLocation(matched.location))})\n`);
  io.stderr(`mcp-gate: wrote override template ${id}; fill in the TODOs, then run: mcp-gate override sign ${relative(io.cwd, file)} --key KEYFILE\n`);
  return 0;
}

function readReportFindings(path: string, io: CliIO): Finding[] {
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(resolve(io.cwd, path), 'utf8'));
  } catch (err) {
    throw new UsageError(`${path}: cannot read a JSON report (${(err as Error).message})`);
  }
  const findings = (report as { findings?: unknown })?.findings;
  if (!Array.isArray(findings) || !findings.every((f) => f && typeof f.ruleId === 'string' && typeof f.fingerprint === 'string' && typeof f.location === 'object'))
    throw new UsageError(`${path}: not an mcp-gate JSON report (mcp-gate check --format json)`);
  return findings as Finding[];
}

function nextId(root: string, now: Date): string {
  const year = now.getUTCFullYear();
  let max = 0;
  const dir = join(root, OVERRIDES_DIR);
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      const m = new RegExp(`^OVR-${year}-(\\d+)\\.ya?ml$`).exec(name);
      if (m) max = Math.max(max, Number(m[1]));
    }
  }
  return `OVR-${year}-${String(max + 1).padStart(3, '0')}`;
}

async function gitEmail(root: string, env: CliIO['env']): Promise<string | undefined> {
  const r = await execFileSafe('git', ['config', 'user.email'], { cwd: root, env: { ...env }, extendEnv: false, reject: false, timeout: 5000 });
  const email = String(r.stdout ?? '').trim();
  return r.exitCode === 0 && email ? email : undefined;
}

// ---------------------------------------------------------------- sign

async function overrideSign(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(args, OVERRIDE_OPTIONS.sign, 'override sign');
  if (positionals.length === 0) throw new UsageError('override sign needs at least one override FILE');
  if (values['print-message']) {
    // The exact bytes to sign elsewhere: ssh-keygen -Y sign -n mcp-gate-override -f KEY < message
    if (positionals.length !== 1) throw new UsageError('--print-message takes exactly one FILE');
    const file = positionals[0] as string;
    io.stdout(signedMessage(readForSigning(readTextFile(file, io), file).raw));
    return 0;
  }
  if (!values.key) throw new UsageError('--key KEYFILE is required (the private key, or with --agent the public key whose private half ssh-agent holds)');
  const keyFile = resolve(io.cwd, values.key);
  if (!existsSync(keyFile)) throw new UsageError(`${values.key}: key file not found`);
  const now = new Date();
  for (const file of positionals) {
    const path = resolve(io.cwd, file);
    const text = readTextFile(file, io);
    const parsed = readForSigning(text, file);
    const message = signedMessage(parsed.raw);
    const armored = await sshKeygenSign(message, { keyFile, agent: values.agent, env: io.env });
    const sig = parseArmoredSignature(armored);
    await verifySignature(sig, message, OVERRIDE_NAMESPACE);
    // Checked before writing: a signature the gate would refuse is never written.
    const root = overrideRoot(path) ?? directoryArg(undefined, io);
    const maxDays = await maxLifetimeOf(root, values.config, values['base-ref'], io);
    const problems = await signingProblems({
      root,
      ...(values['base-ref'] ? { baseRef: values['base-ref'] } : {}),
      env: io.env,
      now,
      maxLifetimeDays: maxDays,
      expires: parsed.doc.expires,
      approver: parsed.doc.approver,
      key: sig.publicKey,
    });
    if (problems.length > 0) throw new UsageError(`${file}: not signed, "override verify" would reject it: ${problems.map((p) => p.reason).join('; ')}`);
    writeFileAtomic(path, insertSignature(text, file, armored));
    io.stdout(`signed ${file} (${parsed.doc.id}) as ${parsed.doc.approver} with key ${keyFingerprint(sig.publicKey)}\n`);
  }
  return 0;
}

/** The repository an override file belongs to: the directory holding its .mcp-gate/overrides/. */
function overrideRoot(path: string): string | undefined {
  const marker = `${sep}${OVERRIDES_DIR.split('/').join(sep)}${sep}`;
  const at = path.lastIndexOf(marker);
  return at < 0 ? undefined : path.slice(0, at) || sep;
}

function readTextFile(file: string, io: CliIO): string {
  try {
    return readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
}

// ---------------------------------------------------------------- verify / list

async function evaluate(args: string[], what: 'verify' | 'list', io: CliIO) {
  const { values, positionals } = parseFlags(args, OVERRIDE_OPTIONS[what], `override ${what}`);
  const root = rootOf(positionals, what, io);
  const evaluation = await evaluateOverrides({
    root,
    ...(values['base-ref'] ? { baseRef: values['base-ref'] } : {}),
    env: io.env,
    now: new Date(),
    maxLifetimeDays: await maxLifetimeOf(root, values.config, values['base-ref'], io),
  });
  return { evaluation, values: values as { format?: string } };
}

async function overrideVerify(args: string[], io: CliIO): Promise<number> {
  const { evaluation } = await evaluate(args, 'verify', io);
  if (!evaluation.present) {
    io.stdout(`no ${OVERRIDES_DIR} directory\n`);
    return 0;
  }
  let bad = 0;
  for (const f of evaluation.findings.filter((x) => x.ruleId === 'gate/check-failed')) {
    bad++;
    io.stdout(`FAILED  ${f.location.file ?? ''}${f.location.line ? `:${f.location.line}` : ''}  ${clean(f.message)}\n`);
  }
  for (const o of evaluation.overrides) {
    const where = `${o.file}:${o.line}`;
    if (o.status === 'valid' || o.status === 'expiring') io.stdout(`OK      ${where}  ${clean(o.id ?? '')} approved by ${clean(o.approver ?? '')} (key ${o.signer}), ${o.daysLeft} day(s) left\n`);
    else {
      bad++;
      io.stdout(`${o.status.toUpperCase().padEnd(7)} ${where}  ${clean(o.id ?? '')}: ${clean(o.reason ?? '')}\n`);
    }
  }
  io.stdout(`${evaluation.detail}\n`);
  return bad ? 1 : 0;
}

async function overrideList(args: string[], io: CliIO): Promise<number> {
  const { evaluation, values } = await evaluate(args, 'list', io);
  const format = oneOf(values.format ?? 'text', ['text', 'json'], '--format');
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ trust: evaluation.trust?.description ?? null, overrides: evaluation.overrides, problems: evaluation.findings.filter((f) => f.ruleId === 'gate/check-failed') }, null, 2)}\n`);
    return 0;
  }
  io.stdout(listTable(evaluation.overrides));
  for (const f of evaluation.findings.filter((x) => x.ruleId === 'gate/check-failed')) io.stderr(`mcp-gate: ${clean(f.message)}\n`);
  io.stdout(`${evaluation.detail}\n`);
  return 0;
}

export function listTable(overrides: readonly EvaluatedOverride[]): string {
  const header = ['ID', 'STATUS', 'DAYS LEFT', 'EXPIRES', 'APPROVER', 'RULE', 'RESOURCE', 'TICKET', 'FILE'];
  const rows = overrides.map((o) => [
    o.id ?? '-',
    o.status,
    o.daysLeft === undefined ? '-' : String(o.daysLeft),
    o.expires ?? '-',
    o.approver ?? '-',
    o.rule ?? '-',
    `${o.resource ?? '-'}${o.container ? ` (${o.container})` : ''}`,
    o.ticket ?? '-',
    `${o.file}:${o.line}`,
  ].map(clean));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ');
  const out = [fmt(header), ...rows.map(fmt)];
  const reasons = overrides.filter((o) => o.reason && o.status !== 'valid').map((o) => `  ${o.id ?? o.file}: ${clean(o.reason ?? '')}`);
  return `${out.join('\n')}\n${reasons.length ? `${reasons.join('\n')}\n` : ''}`;
}
