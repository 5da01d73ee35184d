// Apply verified overrides to normalised findings: a finding of the target
// rule on the exact resource (and container, when the override names one)
// becomes status "overridden", blocking false, with the override recorded
// for the audit trail. Overrides that match nothing are reported as stale.
import type { Finding, RawFinding } from '../types.ts';
import { partName } from '../reporters/location.ts';
import type { ApplicableOverride } from './evaluate.ts';

/** The resource an override names for a finding: its resource, or file:<path> when it has none. */
export function overrideResourceOf(f: Pick<Finding, 'location'>): string | undefined {
  return f.location.resource ?? (f.location.file !== undefined ? `file:${f.location.file}` : undefined);
}

export function overrideMatches(o: ApplicableOverride, f: Finding): boolean {
  return (
    f.ruleId === o.rule &&
    overrideResourceOf(f) === o.resource &&
    (o.container === undefined || f.location.container === o.container)
  );
}

/**
 * Mark covered findings (in place) and return stale-override findings.
 * `overrides` is sorted by id: when two overrides cover one finding, the
 * first one is recorded.
 */
export function applyOverrides(findings: Finding[], overrides: readonly ApplicableOverride[]): { stale: RawFinding[]; applied: number } {
  const stale: RawFinding[] = [];
  let applied = 0;
  for (const o of overrides) {
    let used = false;
    for (const f of findings) {
      if (!overrideMatches(o, f)) continue;
      used = true;
      if (f.status === 'overridden') continue;
      f.status = 'overridden';
      f.blocking = false;
      f.override = { ...o.applied };
      applied++;
    }
    if (!used)
      stale.push({
        ruleId: 'override/stale',
        message: `override ${o.id} (${o.rule} on ${o.resource}${o.container ? ` ${partName(o)} ${o.container}` : ''}) matches no finding: delete it, or check its target`,
        location: { file: o.file, line: o.line },
        key: o.id,
      });
  }
  return { stale, applied };
}
