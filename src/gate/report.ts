// The report from findings already under policy: deduplicated by
// fingerprint, overrides applied, sorted, counted, decided.
import { applyOverrides } from '../overrides/apply.ts';
import { NON_OVERRIDABLE } from '../overrides/document.ts';
import type { ApplicableOverride } from '../overrides/evaluate.ts';
import type { CheckRun, Finding, RawFinding, Report } from '../types.ts';
import { compareStrings } from '../util/order.ts';
import { VERSION } from '../util/version.ts';
import { prepareFindings, toFinding } from './findings.ts';
import { decide, type Policy } from './policy.ts';

export interface OverrideInput {
  /** Verified, unexpired overrides (src/overrides/evaluate.ts). */
  applicable: readonly ApplicableOverride[];
  /** The stage's entry in `checks`; its detail gains the applied and stale counts. */
  run?: CheckRun;
}

/** Normalise raw findings, apply overrides and policy. Exported for reporters' tests. */
export function buildReport(raw: readonly RawFinding[], checks: CheckRun[], policy: Policy, overrides?: OverrideInput): Report {
  return assembleReport(prepareFindings(raw, policy), checks, policy, overrides);
}

/** The report from findings already under policy (findings.ts): deduplicated, overridden, sorted. */
export function assembleReport(all: readonly Finding[], checks: CheckRun[], policy: Policy, overrides?: OverrideInput): Report {
  const byFingerprint = new Map<string, Finding>();
  const add = (f: Finding | undefined): void => {
    if (!f) return;
    const existing = byFingerprint.get(f.fingerprint);
    // The same problem reported twice (two scanners, or the gate and a
    // scanner) is one finding; keep the more severe report.
    if (existing && !(existing.severity === 'warning' && f.severity === 'block')) return;
    byFingerprint.set(f.fingerprint, f);
  };
  for (const f of all) add(f);
  if (overrides) {
    const candidates = [...byFingerprint.values()].filter((f) => !NON_OVERRIDABLE.has(f.ruleId));
    const { stale, applied } = applyOverrides(candidates, overrides.applicable);
    for (const r of stale) add(toFinding(r, policy));
    if (overrides.run && overrides.run.status !== 'failed')
      overrides.run.detail = `${overrides.run.detail ? `${overrides.run.detail}; ` : ''}${applied} finding(s) overridden, ${stale.length} stale override(s)`;
  }
  const findings = sortFindings([...byFingerprint.values()]);
  const open = findings.filter((f) => f.status === 'open');
  const block = open.filter((f) => f.severity === 'block').length;
  const warning = open.filter((f) => f.severity === 'warning').length;
  const overridden = findings.filter((f) => f.status === 'overridden').length;
  return {
    schemaVersion: 1,
    tool: { name: 'mcp-gate', version: VERSION },
    mode: policy.mode,
    rollout: policy.rollout,
    decision: decide(findings),
    findings,
    checks,
    summary: { block, warning, overridden },
  };
}

/** What the report order compares, computed once per finding (not in each of the ~n log n comparisons). */
interface SortKey {
  f: Finding;
  rank: number;
  file: string;
  line: number;
}

function sortKey(f: Finding): SortKey {
  return { f, rank: f.blocking ? 0 : f.status === 'overridden' ? 3 : f.severity === 'block' ? 1 : 2, file: f.location.file ?? '\uffff', line: f.location.line ?? 0 };
}

/** Most severe first, then by place, so every format lists findings the same way. */
function compareKeys(a: SortKey, b: SortKey): number {
  return a.rank - b.rank || compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.f.ruleId, b.f.ruleId) || compareStrings(a.f.fingerprint, b.f.fingerprint);
}

export function compareFindings(a: Finding, b: Finding): number {
  return compareKeys(sortKey(a), sortKey(b));
}

/** `findings`, sorted in place in compareFindings order (tens of thousands on a large repository). */
export function sortFindings(findings: Finding[]): Finding[] {
  const keys = findings.map(sortKey).sort(compareKeys);
  for (let i = 0; i < keys.length; i++) findings[i] = (keys[i] as SortKey).f;
  return findings;
}
