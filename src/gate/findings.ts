// From what a check reports (RawFinding) to what the report holds (Finding):
// policy applied (severity, blocking), fingerprinted, remediation filled in.
import { RULES } from '../rules/catalog.ts';
import { fingerprintOf } from './fingerprint.ts';
import { blocksUnder, effectiveSeverity, type Policy } from './policy.ts';
import type { CheckRun, Finding, RawFinding } from '../types.ts';

/** The Finding for `r` under `policy`; undefined when its rule is switched off. */
export function toFinding(r: RawFinding, policy: Policy): Finding | undefined {
  const severity = effectiveSeverity(policy, r.ruleId, r.severity);
  if (!severity) return undefined;
  return {
    ruleId: r.ruleId,
    severity,
    blocking: severity === 'block' && blocksUnder(policy, r.ruleId),
    status: 'open',
    message: r.message,
    location: r.location,
    fingerprint: fingerprintOf(r),
    remediation: r.remediation ?? RULES[r.ruleId].remediation,
    ...(r.source ? { source: r.source } : {}),
  };
}

/** A check's outcome as the report takes it: findings under policy, fingerprinted. */
export interface PreparedOutcome {
  run: CheckRun;
  findings: Finding[];
}

export function prepareOutcome(o: { run: CheckRun; findings: readonly RawFinding[] }, policy: Policy): PreparedOutcome {
  return { run: o.run, findings: prepareFindings(o.findings, policy) };
}

/** The findings of `raw` under `policy`, in order; rules switched off are dropped. */
export function prepareFindings(raw: readonly RawFinding[], policy: Policy): Finding[] {
  const findings: Finding[] = [];
  for (const r of raw) {
    const f = toFinding(r, policy);
    if (f) findings.push(f);
  }
  return findings;
}
