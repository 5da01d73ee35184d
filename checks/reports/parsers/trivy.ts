// trivy JSON (SchemaVersion 2): `trivy image|fs|repo|config` layout
// (Results[]), `trivy k8s` layout (Resources[] each with Results[]), and
// the k8s summary id list. Vulnerabilities, misconfigurations (both the
// pre-v0.69 KSV001+AVDID ids and the KSV-0001 ids) and secrets (trivy
// always redacts the match, so no value key).
import * as z from 'zod';
import { InputError } from '../../../src/util/errors.ts';
import { type Entry, hint, isRecord, type K8sRef, normalizeSeverity, type ParsedReport, validate } from './common.ts';

const str = z.string();
const optStr = z.string().nullish();

const vulnerability = z.object({
  VulnerabilityID: str.min(1),
  PkgName: str,
  PkgPath: optStr,
  InstalledVersion: optStr,
  FixedVersion: optStr,
  Status: optStr,
  Severity: optStr,
});

const misconfiguration = z.object({
  ID: str.min(1),
  AVDID: optStr,
  Title: optStr,
  Message: optStr,
  Severity: optStr,
  Status: optStr,
  CauseMetadata: z
    .object({ Resource: optStr, StartLine: z.number().int().nullish() })
    .nullish(),
});

const secret = z.object({
  RuleID: str.min(1),
  Category: optStr,
  Severity: optStr,
  Title: optStr,
  StartLine: z.number().int().nullish(),
});

const result = z.object({
  Target: str,
  Class: optStr,
  Type: optStr,
  Vulnerabilities: z.array(vulnerability).nullish(),
  Misconfigurations: z.array(misconfiguration).nullish(),
  Secrets: z.array(secret).nullish(),
});

const artifactReport = z.object({
  SchemaVersion: z.literal(2, { error: 'unsupported trivy SchemaVersion (supported: 2)' }),
  ArtifactName: optStr,
  ArtifactType: optStr,
  Results: z.array(result).nullish(),
});

const k8sReport = z.object({
  SchemaVersion: z.literal(2, { error: 'unsupported trivy SchemaVersion (supported: 2)' }).optional(),
  ClusterName: str,
  Resources: z
    .array(
      z.object({
        Namespace: optStr,
        Kind: str,
        Name: str,
        Results: z.array(result).nullish(),
      }),
    )
    .nullish(),
});

const summaryIds = z.object({
  vulnerabilities: z.array(str).nullish(),
  misconfigurations: z.array(str).nullish(),
});

type TrivyResult = z.output<typeof result>;

/** "Container 'nginx' of Deployment 'web' should ..." (trivy's KSV messages). */
const CONTAINER_OF = /Container '([^']{1,253})' of ([A-Za-z]{1,63}) '([^']{1,253})'/;
/** "Deployment 'web' should not ..." for pod-level checks. */
const KIND_NAME = /^([A-Z][A-Za-z]{1,62}) '([^']{1,253})'/;

export function parseTrivy(value: unknown, file: string): ParsedReport {
  if (!isRecord(value)) throw new InputError(`${file}: not a valid trivy JSON report: expected an object with SchemaVersion and Results${hint(value, 'trivy')}`, file);
  const entries: Entry[] = [];
  if ('ClusterName' in value || 'Resources' in value) {
    const r = validate(k8sReport, value, file, 'trivy k8s JSON report');
    for (const res of r.Resources ?? []) {
      const ref: K8sRef = { kind: res.Kind, name: res.Name, ...(res.Namespace ? { namespace: res.Namespace } : {}) };
      for (const rr of res.Results ?? []) addResult(rr, entries, ref);
    }
    return { tool: 'trivy', format: 'trivy k8s JSON', entries };
  }
  if (!('SchemaVersion' in value) && ('vulnerabilities' in value || 'misconfigurations' in value)) {
    const r = validate(summaryIds, value, file, 'trivy k8s summary id list');
    for (const id of new Set(r.vulnerabilities ?? []))
      entries.push({ kind: 'vuln', id, pkg: '(not named by the summary)', unfixed: false });
    for (const id of new Set(r.misconfigurations ?? [])) entries.push({ kind: 'misconfig', id, title: id });
    return { tool: 'trivy', format: 'trivy k8s summary', entries };
  }
  const r = validate(artifactReport, value, file, 'trivy JSON report');
  for (const rr of r.Results ?? []) addResult(rr, entries, undefined);
  return { tool: 'trivy', format: 'trivy JSON', entries };
}

function addResult(rr: TrivyResult, entries: Entry[], k8s: K8sRef | undefined): void {
  for (const v of rr.Vulnerabilities ?? []) {
    if (v.Status === 'not_affected') continue;
    entries.push({
      kind: 'vuln',
      id: v.VulnerabilityID,
      pkg: v.PkgName,
      unfixed: !v.FixedVersion,
      target: rr.Target,
      ...(v.InstalledVersion ? { installed: v.InstalledVersion } : {}),
      ...(v.FixedVersion ? { fixed: v.FixedVersion } : {}),
      ...sev(v.Severity),
    });
  }
  for (const m of rr.Misconfigurations ?? []) {
    if (m.Status && m.Status !== 'FAIL') continue;
    const line = m.CauseMetadata?.StartLine ?? undefined;
    const ref = k8s ? { ...k8s } : fromMessage(m.Message ?? '');
    const container = CONTAINER_OF.exec(m.Message ?? '');
    if (ref && container?.[1] && ref.container === undefined) ref.container = container[1];
    entries.push({
      kind: 'misconfig',
      id: m.ID,
      title: m.Title ?? m.ID,
      ...sev(m.Severity),
      file: k8s ? undefined : targetFile(rr.Target),
      ...(line ? { line } : {}),
      ...(ref ? { k8s: ref } : {}),
      ...(!ref && m.CauseMetadata?.Resource ? { resource: m.CauseMetadata.Resource } : {}),
    });
  }
  for (const s of rr.Secrets ?? []) {
    entries.push({
      kind: 'secret',
      rule: s.RuleID,
      file: targetFile(rr.Target),
      ...(s.StartLine ? { line: s.StartLine } : {}),
      ...(k8s ? { note: `in ${k8s.kind}/${k8s.namespace ?? 'default'}/${k8s.name}` } : {}),
    });
  }
}

function fromMessage(message: string): K8sRef | undefined {
  const c = CONTAINER_OF.exec(message);
  if (c?.[2] && c[3]) return { kind: c[2], name: c[3] };
  const k = KIND_NAME.exec(message);
  if (k?.[1] && k[2] && k[1] !== 'Container') return { kind: k[1], name: k[2] };
  return undefined;
}

/** Helm targets are `chart.tgz:templates/x.yaml`; image targets `name (alpine 3.10)`. */
function targetFile(target: string): string {
  return target;
}

function sev(s: string | null | undefined): { severity?: ReturnType<typeof normalizeSeverity> } {
  const n = normalizeSeverity(s);
  return n ? { severity: n } : {};
}
