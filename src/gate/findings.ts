// From what a check reports (RawFinding) to what the report holds (Finding):
// policy applied (severity, blocking), fingerprinted, remediation filled in.
// Done on the thread that ran the check, and for a JSON report each finding
// is serialised there too, so the main thread only merges, sorts and
// writes (src/check-thread.ts).
import { RULES } from '../rules/catalog.ts';
import { fingerprintOf } from './fingerprint.ts';
import { blocksUnder, effectiveSeverity, type Policy } from './policy.ts';
import { findingJson } from '../reporters/json.ts';
import type { CheckRun, Finding, RawFinding } from '../types.ts';

/** The Finding for `r` under `policy`; undefined when its rule is switched off. */
export function toFinding(r: RawFinding, policy: Policy): Finding | undefined {
  const severity = effectiveSeverity(policy, r.ruleId, r.severity);
  if (!severity) return undefined;
  const f: Finding = {
    ruleId: r.ruleId,
    severity,
    blocking: severity === 'block' && blocksUnder(policy, r.ruleId),
    status: 'open',
    message: r.message,
    location: r.location,
    fingerprint: fingerprintOf(r),
    remediation: r.remediation ?? RULES[r.ruleId].remediation,
  };
  // Assigned, not spread: once per finding; `source` stays the last key, as in the report.
  if (r.source) f.source = r.source;
  return f;
}

export interface PreparedFindings {
  findings: Finding[];
  /** findingJson of each finding, when the caller writes a JSON report. */
  json?: string[];
}

export function prepareFindings(raw: readonly RawFinding[], policy: Policy, json: boolean): PreparedFindings {
  const findings: Finding[] = [];
  for (let i = 0; i < raw.length; i++) {
    const f = toFinding(raw[i] as RawFinding, policy);
    if (f) findings.push(f);
  }
  return { findings, ...(json ? { json: findings.map(findingJson) } : {}) };
}

/** A check's outcome as the report takes it. */
export interface PreparedOutcome extends PreparedFindings {
  run: CheckRun;
}

export function prepareOutcome(o: { run: CheckRun; findings: readonly RawFinding[] }, policy: Policy, json: boolean): PreparedOutcome {
  return { run: o.run, ...prepareFindings(o.findings, policy, json) };
}
