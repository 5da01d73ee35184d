// NetworkPolicy audit (seed 003 HD-01, gate row "Network policy deployed and
// validated") of the repository's manifests: policies as Kubernetes reads
// them (policy.ts), audited against what the seed allows (audit.ts).
import type { Check, CheckContext, CheckResult, RawFinding } from '../../src/types.ts';
import { parseProblemFindings } from '../common/parse-problems.ts';
import { auditObjects, NETPOL_RULES } from './audit.ts';

export const netpolCheck: Check = {
  id: 'netpol',
  rules: NETPOL_RULES,
  async run(ctx: CheckContext): Promise<CheckResult> {
    const { objects, problems } = ctx.workspace.kubernetes(ctx.config.kubernetes);
    const findings: RawFinding[] = parseProblemFindings(problems);
    const result = auditObjects(objects, ctx.config, ctx.configFile);
    findings.push(...result.findings);
    const { model, audited, dangling } = result;
    return {
      findings,
      detail:
        `${audited} MCP workloads of ${model.workloads.length}, ${model.policies.length} NetworkPolicies` +
        (dangling.length ? `, ${dangling.length} selecting no workload (${dangling.map((p) => `${p.namespace}/${p.name}`).join(', ')})` : '') +
        (model.failures.length ? `, ${model.failures.length} objects not evaluated` : ''),
      skipped: model.workloads.length === 0 && model.policies.length === 0 && problems.length === 0 && model.failures.length === 0,
    };
  },
};

