// Scanner check ids that test exactly what a gate rule tests, so a scanner
// finding and the gate's own finding on the same container are one finding
// (same rule, resource and container: the engine's fingerprint dedupe).
// Everything else stays under the scanner's own id (scanner/misconfiguration).
import type { RuleId } from '../../src/rules/catalog.ts';

/** trivy KSV number -> gate rule. */
const KSV: Record<number, RuleId> = {
  1: 'k8s/privilege-escalation', // allowPrivilegeEscalation not false
  3: 'k8s/capabilities-not-dropped', // ALL not dropped
  4: 'k8s/capabilities-not-dropped', // no capability dropped
  5: 'k8s/capabilities-not-dropped', // SYS_ADMIN added
  8: 'k8s/host-namespaces', // hostIPC
  9: 'k8s/host-namespaces', // hostNetwork
  10: 'k8s/host-namespaces', // hostPID
  12: 'k8s/run-as-root', // runAsNonRoot not true
  14: 'k8s/writable-root-fs', // readOnlyRootFilesystem not true
  17: 'k8s/privileged', // privileged: true
  22: 'k8s/capabilities-not-dropped', // non-default capabilities added
  30: 'k8s/no-seccomp', // RuntimeDefault seccomp not set
  36: 'k8s/sa-token-automount', // service account token mounted
  104: 'k8s/no-seccomp', // seccomp policies disabled
  105: 'k8s/run-as-root', // runAsUser 0
  106: 'k8s/capabilities-not-dropped', // only NET_BIND_SERVICE may be added, ALL dropped
};

/** checkov CKV_K8S number -> gate rule (pod and container checks; PSP checks stay scanner-only). */
const CKV_K8S: Record<number, RuleId> = {
  16: 'k8s/privileged',
  17: 'k8s/host-namespaces', // hostPID
  18: 'k8s/host-namespaces', // hostIPC
  19: 'k8s/host-namespaces', // hostNetwork
  20: 'k8s/privilege-escalation',
  22: 'k8s/writable-root-fs',
  23: 'k8s/run-as-root',
  25: 'k8s/capabilities-not-dropped', // capabilities added
  28: 'k8s/capabilities-not-dropped', // NET_RAW not dropped
  31: 'k8s/no-seccomp',
  37: 'k8s/capabilities-not-dropped', // capabilities assigned (ALL not dropped)
  38: 'k8s/sa-token-automount',
  39: 'k8s/capabilities-not-dropped', // SYS_ADMIN
};

/** Rules the gate evaluates on the pod, not per container (no `container` in their location). */
export const POD_LEVEL = new Set<RuleId>(['k8s/host-namespaces', 'k8s/sa-token-automount']);

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
  const ksv = /^KSV-(\d{4})$/.exec(c);
  if (ksv?.[1]) return KSV[Number(ksv[1])];
  if (c === 'DS-0002') return 'image/runs-as-root';
  const ckv = /^CKV_K8S_(\d+)$/.exec(c);
  if (ckv?.[1]) return CKV_K8S[Number(ckv[1])];
  return undefined;
}
