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
 * is asking for enforcement); otherwise the default is warn (SPEC.md).
 */
export function resolvePolicy(config: GateConfig, flags: PolicyFlags = {}): Policy {
  const rolloutSet = flags.rollout ?? config.rollout;
  const mode: Mode = flags.mode ?? config.mode ?? (rolloutSet !== undefined && rolloutSet > 1 ? 'enforce' : 'warn');
  const rollout: Rollout = rolloutSet ?? (mode === 'enforce' ? 3 : 1);
  const severities: Policy['severities'] = {};
  for (const [rule, v] of Object.entries(config.rules ?? {})) if (v) severities[rule as RuleId] = v.severity;
  return { mode, rollout, severities, failOn: flags.failOn ?? config.failOn ?? 'all' };
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
