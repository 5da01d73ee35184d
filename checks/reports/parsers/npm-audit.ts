// npm audit --json, auditReportVersion 2 (npm >= 7). One entry per
// (package, advisory): only `via` objects are advisories of that package;
// `via` strings say "vulnerable through that dependency" and are the
// dependency's own entries.
import * as z from 'zod';
import { type Entry, normalizeSeverity, type ParsedReport, validate } from './common.ts';

const advisory = z.object({
  source: z.union([z.number(), z.string()]).nullish(),
  name: z.string().nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  severity: z.string(),
  range: z.string().nullish(),
});

const vulnerability = z.object({
  name: z.string(),
  severity: z.string(),
  via: z.array(z.union([z.string(), advisory])),
  fixAvailable: z.union([z.boolean(), z.object({ name: z.string(), version: z.string(), isSemVerMajor: z.boolean().nullish() })]),
});

const npmAuditReport = z.object({
  auditReportVersion: z.literal(2, { error: 'unsupported auditReportVersion (supported: 2, npm >= 7)' }),
  vulnerabilities: z.record(z.string(), vulnerability),
});

export function parseNpmAudit(value: unknown, file: string): ParsedReport {
  const r = validate(npmAuditReport, value, file, 'npm audit JSON report');
  const entries: Entry[] = [];
  for (const v of Object.values(r.vulnerabilities)) {
    const fix = v.fixAvailable;
    const fixed = fix === false ? undefined : fix === true ? 'available (npm audit fix)' : `update ${fix.name} to ${fix.version}${fix.isSemVerMajor ? ' (semver-major)' : ''}`;
    for (const via of v.via) {
      if (typeof via === 'string') continue;
      const severity = normalizeSeverity(via.severity);
      entries.push({
        kind: 'vuln',
        id: advisoryId(via),
        pkg: v.name,
        ...(fixed ? { fixed } : {}),
        unfixed: fix === false,
        ...(severity ? { severity } : {}),
        target: 'package-lock.json',
      });
    }
  }
  return { tool: 'npm-audit', format: 'npm audit v2', entries };
}

function advisoryId(a: z.output<typeof advisory>): string {
  const ghsa = a.url ? /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/i.exec(a.url) : null;
  if (ghsa) return ghsa[0];
  const tail = a.url ? /\/advisories\/(\d+)/.exec(a.url)?.[1] : undefined;
  const id = tail ?? (a.source !== undefined && a.source !== null ? String(a.source) : undefined);
  return id ? `npm-advisory-${id}` : `npm:${a.title ?? 'advisory'}`;
}
