// gitleaks JSON (array of findings; `[]` when clean). Secret and Match hold
// the credential in clear unless --redact was used: only secretKey(Secret)
// leaves this module.
import * as z from 'zod';
import { secretKey } from '../../common/credentials.ts';
import { type Entry, isRedacted, type ParsedReport, validate } from './common.ts';

const finding = z.object({
  RuleID: z.string().min(1),
  File: z.string(),
  StartLine: z.number().int().nullish(),
  Secret: z.string().nullish(),
  Commit: z.string().nullish(),
});

const gitleaksReport = z.array(finding);

export function parseGitleaks(value: unknown, file: string): ParsedReport {
  const findings = validate(gitleaksReport, value, file, 'gitleaks JSON report (expected an array of findings)');
  const entries: Entry[] = findings.map((f) => ({
    kind: 'secret',
    rule: f.RuleID,
    file: f.File,
    ...(f.StartLine ? { line: f.StartLine } : {}),
    ...(f.Secret && !isRedacted(f.Secret) ? { valueKey: secretKey(f.Secret) } : {}),
    ...(f.Commit && /^[0-9a-f]{7,40}$/i.test(f.Commit) && !/^0+$/.test(f.Commit) ? { note: `commit ${f.Commit.slice(0, 12)}` } : {}),
  }));
  return { tool: 'gitleaks', format: 'gitleaks JSON', entries };
}
