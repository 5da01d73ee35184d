// Scanner check ids that test exactly what a gate rule tests (the catalog's
// scannerIds), so a scanner finding and the gate's own finding on the same
// container are one finding (same rule, resource and container: the
// engine's fingerprint dedupe). Everything else stays under the scanner's
// own id (scanner/misconfiguration).
import { RULE_IDS, type RuleId, ruleRecord } from '../../src/rules/catalog.ts';

const BY_SCANNER_ID = new Map<string, RuleId>();
for (const id of RULE_IDS) for (const scannerId of ruleRecord(id).scannerIds ?? []) BY_SCANNER_ID.set(scannerId, id);

/** The gate rules a scanner finding can become. */
export const SCANNER_MAPPED_RULES: readonly RuleId[] = RULE_IDS.filter((id) => ruleRecord(id).scannerIds !== undefined);

/**
 * One spelling for trivy ids across the v0.69 change: KSV001, AVD-KSV-0001
 * and KSV-0001 are all `KSV-0001`; DS002 / DS-0002 -> `DS-0002`. Other ids
 * are returned as written.
 */
export function canonicalId(id: string): string {
  const m = /^(?:AVD-)?(KSV|KCV|DS|AVD)-?0*(\d{1,4})$/i.exec(id.trim());
  if (!m?.[1] || m[2] === undefined) return id.trim();
  return `${m[1].toUpperCase()}-${m[2].padStart(4, '0')}`;
}

/** The gate rule a scanner check id stands for, if any. */
export function gateRuleFor(id: string): RuleId | undefined {
  const c = canonicalId(id);
  const ckv = /^CKV_K8S_(\d+)$/.exec(c);
  return BY_SCANNER_ID.get(ckv?.[1] ? `CKV_K8S_${Number(ckv[1])}` : c);
}
