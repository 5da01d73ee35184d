// grype JSON (-o json): matches[] with capitalised severities (Critical,
// High, Medium, Low, Negligible, Unknown) and fix.state/fix.versions.
import * as z from 'zod';
import { type Entry, normalizeSeverity, type ParsedReport, validate } from './common.ts';

const match = z.object({
  vulnerability: z.object({
    id: z.string().min(1),
    severity: z.string().nullish(),
    fix: z.object({ versions: z.array(z.string()).nullish(), state: z.string().nullish() }).nullish(),
  }),
  artifact: z.object({
    name: z.string(),
    version: z.string().nullish(),
    locations: z.array(z.object({ path: z.string().nullish() }).loose()).nullish(),
  }),
});

const grypeReport = z.object({
  matches: z.array(match),
  descriptor: z.object({ name: z.literal('grype', { error: 'expected descriptor.name "grype"' }) }).loose(),
});

export function parseGrype(value: unknown, file: string): ParsedReport {
  const r = validate(grypeReport, value, file, 'grype JSON report');
  const entries: Entry[] = r.matches.map((m) => {
    const versions = m.vulnerability.fix?.versions ?? [];
    const fixed = m.vulnerability.fix?.state === 'fixed' && versions.length ? versions.join(', ') : undefined;
    const severity = normalizeSeverity(m.vulnerability.severity);
    const loc = m.artifact.locations?.[0]?.path;
    return {
      kind: 'vuln',
      id: m.vulnerability.id,
      pkg: m.artifact.name,
      ...(m.artifact.version ? { installed: m.artifact.version } : {}),
      ...(fixed ? { fixed } : {}),
      unfixed: !fixed,
      ...(severity ? { severity } : {}),
      ...(loc ? { target: loc } : {}),
    };
  });
  return { tool: 'grype', format: 'grype JSON', entries };
}
