// Audit logging and behavioural alerting (seed 003 gate rows "Audit logging
// not configured — no SIEM destination reachable" and "No behavioral alert
// rules confirmed active in SIEM"). Without probes.siem the gate cannot see
// any audit destination, which is itself the BLOCK finding: fail closed.
import { ALERTS, DEFAULT_ALERTS_DIR, findAlertRules } from './sigma.ts';
import { configLocation } from './common.ts';
import type { Check, RawFinding } from '../../src/types.ts';

export const siemProbeCheck: Check = {
  id: 'siem',
  rules: ['siem/unreachable', 'siem/alert-rules-missing', 'gate/check-failed'],
  async run(ctx) {
    const findings: RawFinding[] = [];
    const notes: string[] = [];
    const cfg = ctx.config.probes?.siem;
    if (!cfg) {
      findings.push({
        ruleId: 'siem/unreachable',
        message: 'audit logging not configured: no SIEM destination in probes.siem, so no audit log destination can be shown to be reachable',
        location: { ...configLocation(ctx, 'siem'), resource: 'Siem/none' },
        key: 'siem',
      });
      notes.push('no probes.siem configured');
    } else {
      const { probeSiem } = await import('./siem-probe.ts'); // network code only when there is a SIEM to reach
      const outcome = await probeSiem(ctx, cfg);
      findings.push(...outcome.findings);
      notes.push(outcome.detail);
    }
    const { present, missing } = findAlertRules(ctx.workspace);
    for (const alert of missing) {
      findings.push({
        ruleId: 'siem/alert-rules-missing',
        message: `behavioural alert "${alert.title}" (a baseline-and-anomaly alert the security playbook asks for) has no Sigma rule in the repository (rule id ${alert.ids.join(' + ')}); run \`mcp-gate alerts init\` to write it to ${DEFAULT_ALERTS_DIR}/${alert.name}.yml`,
        location: { resource: 'Siem/alert-rules' },
        key: alert.name,
      });
    }
    notes.push(`alert rules found: ${present.size}/${ALERTS.length}${present.size ? ` (${[...present.values()].join(', ')})` : ''}`);
    return { findings, detail: notes.join('; ') };
  },
};
