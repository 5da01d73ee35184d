// trufflehog v3 JSON output: JSON lines (the CLI's --json), a JSON array
// (post-processed), or an empty file (nothing found). Raw / RawV2 /
// Redacted / ExtraData may all hold the credential: only secretKey(Raw)
// leaves this module.
import * as z from 'zod';
import { InputError } from '../../../src/util/errors.ts';
import { secretKey } from '../../common/credentials.ts';
import { describeJsonError, type Entry, isRecord, isRedacted, type ParsedReport, validate } from './common.ts';

const source = z
  .object({ file: z.string().nullish(), line: z.number().int().nullish(), commit: z.string().nullish(), link: z.string().nullish() })
  .loose();

const finding = z.object({
  SourceMetadata: z.object({ Data: z.record(z.string(), source) }).nullish(),
  SourceName: z.string().nullish(),
  DetectorName: z.string().min(1),
  Verified: z.boolean().nullish(),
  Raw: z.string().nullish(),
});

type Finding = z.output<typeof finding>;

export function parseTrufflehog(text: string, file: string): ParsedReport {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trimStart();
  const findings: Finding[] = [];
  if (trimmed === '') return { tool: 'trufflehog', format: 'trufflehog (empty)', entries: [] };
  if (trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (err) {
      const { line, what } = describeJsonError(body, err);
      throw new InputError(`${file}${line ? `:${line}` : ''}: invalid JSON array: ${what}`, file, line);
    }
    findings.push(...validate(z.array(finding), value, file, 'trufflehog JSON array'));
  } else {
    let lineNo = 0;
    let start = 0;
    while (start <= body.length) {
      let end = body.indexOf('\n', start);
      if (end === -1) end = body.length;
      lineNo++;
      const line = body.slice(start, end).trim();
      start = end + 1;
      if (line === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        throw new InputError(`${file}:${lineNo}: invalid JSON line: ${describeJsonError(line, err).what}`, file, lineNo);
      }
      // trufflehog's log lines (level/msg) can end up in the same stream: not findings.
      if (isRecord(value) && !('DetectorName' in value) && ('level' in value || 'msg' in value)) continue;
      const r = finding.safeParse(value);
      if (!r.success) validate(finding, value, `${file}:${lineNo}`, 'trufflehog finding');
      else findings.push(r.data);
    }
  }
  const entries: Entry[] = findings.map((f) => {
    const [sourceKind, src] = Object.entries(f.SourceMetadata?.Data ?? {})[0] ?? [];
    const where = src?.file ? src.file.replaceAll('\\', '/') : undefined;
    const notes = [sourceKind ? `source ${sourceKind}` : undefined, f.Verified ? 'verified live' : undefined, src?.commit ? `commit ${src.commit.slice(0, 12)}` : undefined];
    return {
      kind: 'secret',
      rule: f.DetectorName,
      ...(where ? { file: where } : {}),
      ...(src?.line ? { line: src.line } : {}),
      ...(f.Raw && !isRedacted(f.Raw) ? { valueKey: secretKey(f.Raw) } : {}),
      note: notes.filter(Boolean).join(', '),
    };
  });
  return { tool: 'trufflehog', format: trimmed.startsWith('[') ? 'trufflehog JSON array' : 'trufflehog JSON lines', entries };
}
