// SARIF 2.1.0 from trivy, grype, gitleaks, checkov, or any other tool.
// Each run is read by its driver name: trivy/grype results are
// vulnerabilities (or trivy misconfigurations/secrets, by rule tags),
// gitleaks results are secrets (the snippet is the secret: only its
// secretKey leaves this module; gitleaks sets no level), checkov and other
// tools' results are misconfigurations with the severity from
// security-severity, else the level.
import * as z from 'zod';
import { secretKey } from '../../common/credentials.ts';
import { k8sRef } from './checkov.ts';
import { type Entry, isRedacted, normalizeSeverity, type ParsedReport, type ScanSeverity, severityFromScore, validate } from './common.ts';

const text = z.object({ text: z.string().nullish() }).loose().nullish();

const rule = z
  .object({
    id: z.string(),
    name: z.string().nullish(),
    shortDescription: text,
    help: text,
    defaultConfiguration: z.object({ level: z.string().nullish() }).loose().nullish(),
    properties: z.record(z.string(), z.unknown()).nullish(),
  })
  .loose();

const location = z
  .object({
    physicalLocation: z
      .object({
        artifactLocation: z.object({ uri: z.string().nullish() }).loose().nullish(),
        region: z.object({ startLine: z.number().int().nullish(), snippet: text }).loose().nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();

const result = z
  .object({
    ruleId: z.string().nullish(),
    ruleIndex: z.number().int().nullish(),
    level: z.enum(['none', 'note', 'warning', 'error']).nullish(),
    message: z.object({ text: z.string().nullish() }).loose(),
    locations: z.array(location).nullish(),
    properties: z.record(z.string(), z.unknown()).nullish(),
  })
  .loose();

const run = z
  .object({
    tool: z.object({ driver: z.object({ name: z.string(), rules: z.array(rule).nullish() }).loose() }).loose(),
    results: z.array(result).nullish(),
  })
  .loose();

const sarifLog = z.object({
  version: z.literal('2.1.0', { error: 'unsupported SARIF version (supported: 2.1.0)' }),
  runs: z.array(run),
});

type Rule = z.output<typeof rule>;
type Result = z.output<typeof result>;

const LEVEL: Record<string, ScanSeverity> = { error: 'high', warning: 'medium', note: 'low', none: 'info' };

export function parseSarif(value: unknown, file: string): ParsedReport {
  const log = validate(sarifLog, value, file, 'SARIF 2.1.0 log');
  const entries: Entry[] = [];
  const tools = new Set<string>();
  for (const r of log.runs) {
    const driver = r.tool.driver.name;
    const tool = toolName(driver);
    tools.add(tool);
    const rules = new Map<string, Rule>();
    for (const ru of r.tool.driver.rules ?? []) rules.set(ru.id, ru);
    const ruleList = r.tool.driver.rules ?? [];
    for (const res of r.results ?? []) {
      const ru = (res.ruleId ? rules.get(res.ruleId) : undefined) ?? (res.ruleIndex != null ? ruleList[res.ruleIndex] : undefined);
      const ruleId = res.ruleId ?? ru?.id ?? '(no rule id)';
      const phys = res.locations?.[0]?.physicalLocation;
      const uri = phys?.artifactLocation?.uri ?? undefined;
      const line = phys?.region?.startLine ?? undefined;
      const where = { ...(uri ? { file: decodeUri(uri) } : {}), ...(line ? { line } : {}) };
      const tags = Array.isArray(ru?.properties?.tags) ? (ru.properties.tags as unknown[]).map(String) : [];
      if (tool === 'gitleaks' || tags.includes('secret')) {
        const snippet = tool === 'gitleaks' ? phys?.region?.snippet?.text : undefined;
        entries.push({ kind: 'secret', rule: ruleId, ...where, ...(snippet && !isRedacted(snippet) ? { valueKey: secretKey(snippet) } : {}) });
        continue;
      }
      const isVuln = tool === 'grype' || tags.includes('vulnerability') || (tool !== 'checkov' && /^(CVE|GHSA)-/i.test(ruleId));
      if (isVuln) {
        entries.push(vulnEntry(tool, ruleId, res, ru, uri));
        continue;
      }
      const severity = sarifSeverity(tool, res, ru);
      const resource = tool === 'checkov' ? /Resource: (\S+)/.exec(ru?.help?.text ?? '')?.[1] : undefined;
      // checkov names the resource in the rule's help, i.e. only for the first result of that rule.
      const k8s = tool === 'checkov' && (r.results ?? []).filter((x) => x.ruleId === ruleId).length === 1 ? k8sRef(resource) : undefined;
      entries.push({
        kind: 'misconfig',
        id: ruleId,
        title: ru?.shortDescription?.text ?? ru?.name ?? res.message.text ?? ruleId,
        ...(severity ? { severity } : {}),
        ...where,
        ...(k8s ? { k8s } : {}),
      });
    }
  }
  const names = [...tools];
  return { tool: names.length === 1 ? (names[0] as string) : names.join('+') || 'sarif', format: 'SARIF 2.1.0', entries };
}

function vulnEntry(tool: string, ruleId: string, res: Result, ru: Rule | undefined, uri: string | undefined): Entry {
  const msg = res.message.text ?? '';
  const help = ru?.help?.text ?? '';
  const field = (name: string) => new RegExp(`^${name}: ?(.*)$`, 'm').exec(msg)?.[1]?.trim() || new RegExp(`^${name}: ?(.*)$`, 'm').exec(help)?.[1]?.trim() || undefined;
  let id = ruleId;
  let pkg = field('Package');
  if (tool === 'grype') {
    // grype rule ids are `<vuln>-<package>`; the help names both.
    id = /^Vulnerability (\S+)/m.exec(help)?.[1] ?? ruleId;
    pkg = pkg ?? (ruleId.startsWith(`${id}-`) ? ruleId.slice(id.length + 1) : undefined);
  }
  pkg = pkg ?? (typeof res.properties?.packageName === 'string' ? res.properties.packageName : undefined) ?? '(package not named)';
  const installed = field('Installed Version') ?? field('Version');
  const fixedRaw = field('Fixed Version') ?? field('Fix Version');
  const fixed = fixedRaw && fixedRaw !== '' ? fixedRaw : undefined;
  const severity = normalizeSeverity(field('Severity')) ?? sarifSeverity(tool, res, ru);
  return {
    kind: 'vuln',
    id,
    pkg,
    ...(installed ? { installed } : {}),
    ...(fixed ? { fixed } : {}),
    unfixed: !fixed,
    ...(severity ? { severity } : {}),
    ...(uri ? { target: decodeUri(uri) } : {}),
  };
}

function sarifSeverity(tool: string, res: Result, ru: Rule | undefined): ScanSeverity | undefined {
  const score = Number(ru?.properties?.['security-severity'] ?? res.properties?.['security-severity']);
  if (tool !== 'grype' && Number.isFinite(score) && (ru?.properties?.['security-severity'] ?? res.properties?.['security-severity']) !== undefined) return severityFromScore(score);
  // checkov marks every failed check "error" whatever its severity: the level says nothing there.
  if (tool === 'checkov') return undefined;
  const level = res.level ?? ru?.defaultConfiguration?.level ?? 'warning';
  return LEVEL[level];
}

function toolName(driver: string): string {
  const d = driver.toLowerCase();
  for (const t of ['trivy', 'grype', 'gitleaks', 'checkov', 'trufflehog']) if (d.includes(t)) return t;
  return driver.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 40) || 'sarif';
}

function decodeUri(uri: string): string {
  let u = uri.replace(/^file:\/\//, '');
  try {
    u = decodeURIComponent(u);
  } catch {
    // keep it as written
  }
  return u.replace(/^\.\//, '');
}
