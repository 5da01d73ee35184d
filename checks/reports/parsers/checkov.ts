// checkov JSON: an object for one framework, a list for several, and a bare
// summary ({passed, failed, ...}) when nothing was scanned. Severity is null
// unless a platform key was used; the check maps null to reports.defaultSeverity.
import * as z from 'zod';
import { InputError } from '../../../src/util/errors.ts';
import { type Entry, type K8sRef, normalizeSeverity, type ParsedReport, validate } from './common.ts';

const failed = z.object({
  check_id: z.string().min(1),
  check_name: z.string().nullish(),
  file_path: z.string().nullish(),
  repo_file_path: z.string().nullish(),
  file_line_range: z.array(z.number().int()).nullish(),
  resource: z.string().nullish(),
  severity: z.string().nullish(),
});

const framework = z.object({
  check_type: z.string(),
  results: z.object({ failed_checks: z.array(failed).nullish() }),
  summary: z.object({ failed: z.number().int().nonnegative() }).loose().nullish(),
});

const bareSummary = z.object({
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative().optional(),
  parsing_errors: z.number().int().nonnegative().optional(),
  resource_count: z.number().int().nonnegative().optional(),
  checkov_version: z.string().optional(),
});

const checkovReport = z.union([z.array(framework), framework]);

const K8S_KINDS = /^(Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|ReplicationController|Job|CronJob|DeploymentConfig|Rollout|ServiceAccount|Namespace|NetworkPolicy|Service|Role|ClusterRole|RoleBinding|ClusterRoleBinding|PodSecurityPolicy|Ingress|ConfigMap|Secret)$/;

export function parseCheckov(value: unknown, file: string): ParsedReport {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !('check_type' in value) && 'passed' in value) {
    const s = validate(bareSummary, value, file, 'checkov summary');
    if (s.failed > 0) throw new InputError(`${file}: checkov summary reports ${s.failed} failed checks but lists none (re-run checkov with -o json, not --compact summary)`, file);
    return { tool: 'checkov', format: 'checkov summary', entries: [] };
  }
  const parsed = validate(checkovReport, value, file, 'checkov JSON report');
  const frameworks = Array.isArray(parsed) ? parsed : [parsed];
  const entries: Entry[] = [];
  for (const fw of frameworks) {
    for (const c of fw.results.failed_checks ?? []) {
      const path = (c.repo_file_path ?? c.file_path ?? '').replace(/^\/+/, '');
      const k8s = fw.check_type === 'kubernetes' || fw.check_type === 'helm' || fw.check_type === 'kustomize' ? k8sRef(c.resource) : undefined;
      const severity = normalizeSeverity(c.severity);
      entries.push({
        kind: 'misconfig',
        id: c.check_id,
        title: c.check_name ?? c.check_id,
        ...(severity ? { severity } : {}),
        ...(path ? { file: path } : {}),
        ...(c.file_line_range?.[0] ? { line: c.file_line_range[0] } : {}),
        ...(k8s ? { k8s } : c.resource ? { resource: c.resource } : {}),
      });
    }
  }
  return { tool: 'checkov', format: Array.isArray(parsed) ? 'checkov JSON (list)' : 'checkov JSON', entries };
}

/** checkov names Kubernetes resources `Kind.namespace.name` (names may contain dots). */
export function k8sRef(resource: string | null | undefined): K8sRef | undefined {
  if (!resource) return undefined;
  const first = resource.indexOf('.');
  const second = first < 0 ? -1 : resource.indexOf('.', first + 1);
  if (first < 0 || second < 0) return undefined;
  const kind = resource.slice(0, first);
  if (!K8S_KINDS.test(kind)) return undefined;
  return { kind, namespace: resource.slice(first + 1, second), name: resource.slice(second + 1) };
}
