// The Kubernetes workload check: every catalog rule of scope container or
// pod (checks/k8s/rules.ts) on every workload of the parsed manifests.
import { InputError } from '../../src/util/errors.ts';
import { ruleRecord, rulesOfScope } from '../../src/rules/catalog.ts';
import type { K8sObject } from '../../src/workspace/kubernetes.ts';
import { podTemplateIn, unevaluatedWorkload } from '../../src/workspace/operators.ts';
import { parseProblemFindings } from '../common/parse-problems.ts';
import type { Check, CheckContext, CheckResult, Location, RawFinding } from '../../src/types.ts';
import { keyLine } from '../../src/workspace/yaml.ts';
import { configSelector, EVERYTHING, type Selector } from '../common/selectors.ts';
import { containersOf } from './containers.ts';
import { defaultCredentialFindings } from './default-credentials.ts';
import { rbacIndex, unjudgedBindings } from './rbac.ts';
import { CONTAINER_RULES, type ContainerRuleId, POD_RULES, type PodRuleContext, type PodRuleId, type Violation } from './rules.ts';

const CONTAINER_RULE_IDS = rulesOfScope('container').filter((id): id is ContainerRuleId => id in CONTAINER_RULES);
const POD_RULE_IDS = rulesOfScope('pod').filter((id): id is PodRuleId => id in POD_RULES);

/** Findings for one workload object (exported for tests and the conformance suite). */
export function evaluateWorkload(obj: K8sObject, ctx: PodRuleContext): RawFinding[] | undefined {
  const pod = podTemplateIn(obj, ctx.objects);
  if (!pod) return undefined;
  // A Rollout's workloadRef: the lines are in the referenced object's file.
  const file = pod.file ?? obj.file;
  const findings: RawFinding[] = [];
  if (pod.incomplete)
    findings.push({
      ruleId: 'gate/check-failed',
      message: `${obj.resource}: malformed workload: ${pod.incomplete} (a kustomize patch? point kubernetes.paths at rendered manifests)`,
      location: { file, line: keyLine(pod.spec, 'containers') ?? pod.line, resource: obj.resource },
      key: 'k8s-malformed',
    });
  for (const c of containersOf(pod)) {
    for (const rule of CONTAINER_RULE_IDS) {
      if (c.windows && ruleRecord(rule).linuxOnly) continue;
      for (const v of CONTAINER_RULES[rule](c))
        findings.push(findingOf(rule, `${obj.resource} ${c.kind} "${c.name}": ${v.message}`, { file, line: v.line ?? c.line, resource: obj.resource, container: c.name }, v));
    }
  }
  for (const rule of POD_RULE_IDS)
    for (const v of POD_RULES[rule](obj, pod, ctx)) findings.push(findingOf(rule, `${obj.resource}: ${v.message}`, { file, line: v.line ?? pod.line, resource: obj.resource }, v));
  return findings;
}

function findingOf(ruleId: ContainerRuleId | PodRuleId, message: string, location: Location, v: Violation): RawFinding {
  return { ruleId, message, location, ...(v.severity ? { severity: v.severity } : {}), ...(v.key ? { key: v.key } : {}) };
}

export function podRuleContext(objects: readonly K8sObject[], mcpWorkloads: Selector = EVERYTHING): PodRuleContext {
  const serviceAccountAutomount = new Map<string, unknown>();
  for (const o of objects)
    if (o.kind === 'ServiceAccount') serviceAccountAutomount.set(`${o.namespace}/${o.name}`, o.raw.automountServiceAccountToken);
  return { serviceAccountAutomount, rbac: rbacIndex(objects), mcpWorkloads, objects };
}

export const k8sWorkloadCheck: Check = {
  id: 'k8s',
  rules: [...CONTAINER_RULE_IDS, ...POD_RULE_IDS, 'secret/exposed', 'gate/check-failed'],
  async run(ctx: CheckContext): Promise<CheckResult> {
    const { objects, problems, notes } = ctx.workspace.kubernetes(ctx.config.kubernetes);
    const findings: RawFinding[] = parseProblemFindings(problems);
    const mcpWorkloads = configSelector(ctx.config.kubernetes?.mcpWorkloads, EVERYTHING, 'mcpWorkloads', ctx.configFile);
    const podContext = podRuleContext(objects, mcpWorkloads);
    let workloads = 0;
    const notEvaluated: string[] = [];
    for (const obj of objects) {
      try {
        const found = evaluateWorkload(obj, podContext);
        if (found) {
          workloads++;
          findings.push(...found);
        } else {
          const why = unevaluatedWorkload(obj);
          if (why) notEvaluated.push(`${obj.resource} (${obj.file}:${obj.line}, ${why})`);
        }
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        findings.push({
          ruleId: 'gate/check-failed',
          message: err.message,
          location: { file: err.file ?? obj.file, line: err.line ?? obj.line, resource: obj.resource },
          key: 'k8s-malformed',
        });
      }
    }
    findings.push(...defaultCredentialFindings(objects, { files: ctx.workspace.files(), readText: (f) => ctx.workspace.read(f), ...(ctx.config.kubernetes?.helm ? { helm: ctx.config.kubernetes.helm } : {}) }));
    const unjudged = unjudgedBindings(podContext.rbac);
    return {
      findings,
      detail: [
        `${objects.length} Kubernetes objects, ${workloads} workloads${problems.length ? `, ${problems.length} files not parsed` : ''}` +
          (notEvaluated.length ? `; not evaluated (kinds the gate does not know to run pods): ${notEvaluated.join(', ')}` : '') +
          (unjudged.length ? `; RBAC not judged: ${unjudged.join('; ')}` : ''),
        ...notes,
      ].join('\n'),
      skipped: objects.length === 0 && problems.length === 0,
    };
  },
};

