// Pure policy: which findings count toward the decision, given mode,
// rollout and per-rule severity. No I/O, so every case is unit-tested.
import { RULES, type RuleId } from '../rules/catalog.ts';
import type { GateConfig } from '../config/schema.ts';
import type { Decision, Finding, Mode, Rollout, Severity } from '../types.ts';

export type FailOn = 'all' | 'new';

export interface Policy {
  mode: Mode;
  rollout: Rollout;
  severities: Partial<Record<RuleId, Severity | 'off'>>;
  /** new: only findings the change introduced block (applied once the baseline is known: gate/engine.ts). */
  failOn: FailOn;
}

export interface PolicyFlags {
  mode?: Mode;
  rollout?: Rollout;
  failOn?: FailOn;
}

/**
 * Effective mode and rollout. Flags win over the config file. Without a
 * mode, a rollout phase of 2 or 3 implies enforce (naming a blocking phase
 * is asking for enforcement); otherwise the default is warn (SPEC.md). A
 * `--rollout 2|3` flag without `--mode` wins over the config's `mode: warn`
 * for the same reason (flagNotes says so).
 */
export function resolvePolicy(config: GateConfig, flags: PolicyFlags = {}): Policy {
  const rolloutSet = flags.rollout ?? config.rollout;
  const flagImpliesEnforce = flags.rollout !== undefined && flags.rollout > 1;
  const mode: Mode = flags.mode ?? (flagImpliesEnforce ? 'enforce' : undefined) ?? config.mode ?? (rolloutSet !== undefined && rolloutSet > 1 ? 'enforce' : 'warn');
  const rollout: Rollout = rolloutSet ?? (mode === 'enforce' ? 3 : 1);
  const severities: Policy['severities'] = {};
  for (const [rule, v] of Object.entries(config.rules ?? {})) if (v) severities[rule as RuleId] = v.severity;
  return { mode, rollout, severities, failOn: flags.failOn ?? config.failOn ?? 'all' };
}

/**
 * One line per policy flag that changes what the config says, naming which
 * wins, so a flag never silently contradicts the file (`configName`: where
 * the config's policy keys came from).
 */
export function flagNotes(config: GateConfig, flags: PolicyFlags, configName: string): string[] {
  const notes: string[] = [];
  if (flags.mode !== undefined && config.mode !== undefined && flags.mode !== config.mode) notes.push(`--mode ${flags.mode} wins over mode: ${config.mode} of ${configName}`);
  if (flags.rollout !== undefined && config.rollout !== undefined && flags.rollout !== config.rollout)
    notes.push(`--rollout ${flags.rollout} wins over rollout: ${config.rollout} of ${configName}`);
  if (flags.mode === undefined && flags.rollout !== undefined && flags.rollout > 1 && config.mode === 'warn')
    notes.push(`--rollout ${flags.rollout} wins over mode: warn of ${configName}: enforced at rollout ${flags.rollout} (add --mode warn to report only)`);
  if (flags.mode === 'enforce' && flags.rollout === undefined && config.rollout === 1)
    notes.push(`--mode enforce keeps rollout: 1 of ${configName}, which reports only: nothing blocks (add --rollout 2 or 3 to block)`);
  return notes;
}

/** Severity after config; undefined when the rule is switched off. */
export function effectiveSeverity(policy: Policy, rule: RuleId, fromCheck: Severity | undefined): Severity | undefined {
  const configured = policy.severities[rule];
  if (configured === 'off') return undefined;
  return configured ?? fromCheck ?? RULES[rule].defaultSeverity;
}

/**
 * Whether an open BLOCK finding of `rule` blocks under this policy.
 * Rollout 2 blocks the three critical rules and also gate/check-failed:
 * a check that could not run may be hiding a critical finding, and the
 * gate fails closed (documented in docs/policy.md).
 */
export function blocksUnder(policy: Policy, rule: RuleId): boolean {
  if (policy.mode === 'warn' || policy.rollout === 1) return false;
  if (policy.rollout === 3) return true;
  return ('critical' in RULES[rule] && RULES[rule].critical === true) || rule === 'gate/check-failed';
}

export function decide(findings: readonly Finding[]): Decision {
  if (findings.some((f) => f.blocking)) return 'block';
  if (findings.some((f) => f.status === 'open')) return 'warn';
  return 'pass';
}

export function exitCodeFor(decision: Decision): 0 | 1 {
  return decision === 'block' ? 1 : 0;
}
