// Shared model of the report parsers: what each parser extracts from a
// scanner report (entries), severity normalisation, bounded file reading
// and zod error formatting. Parsers never keep a secret value: they turn it
// into secretKey(value) on the spot.
import type { z } from 'zod';
import { InputError } from '../../../src/util/errors.ts';
import { readRegularFile } from '../../../src/workspace/read-file.ts';

/** Reports above this size are refused (gate/check-failed), never read into memory. */
export const MAX_REPORT_BYTES = 128 * 1024 * 1024;

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type ScanSeverity = (typeof SEVERITIES)[number];

/** Rank for threshold comparisons: critical 4 ... info 0. */
export function severityRank(s: ScanSeverity): number {
  return 4 - SEVERITIES.indexOf(s);
}

/**
 * One spelling per severity across tools: trivy CRITICAL, grype Critical /
 * Negligible, npm audit moderate, SARIF-ish error/warning/note. Returns
 * undefined for null / UNKNOWN / anything unrecognised, so the caller applies
 * reports.defaultSeverity.
 */
export function normalizeSeverity(v: unknown): ScanSeverity | undefined {
  if (typeof v !== 'string') return undefined;
  switch (v.trim().toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
    case 'important':
      return 'high';
    case 'medium':
    case 'moderate':
      return 'medium';
    case 'low':
    case 'minor':
      return 'low';
    case 'negligible':
    case 'info':
    case 'informational':
    case 'none':
      return 'info';
    default:
      return undefined;
  }
}

/** CVSS-style score to severity (GitHub's security-severity bands). */
export function severityFromScore(score: number): ScanSeverity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

export interface VulnEntry {
  kind: 'vuln';
  /** CVE / GHSA / advisory id. */
  id: string;
  pkg: string;
  installed?: string;
  /** Fixed version(s) when the scanner knows one. */
  fixed?: string;
  /** True when the scanner says no fix exists (or gives none). */
  unfixed: boolean;
  severity?: ScanSeverity;
  /** What was scanned (image, lockfile) as the scanner names it. */
  target?: string;
}

export interface SecretEntry {
  kind: 'secret';
  /** Detector / rule name (aws-access-key, Box, ...). Never the value. */
  rule: string;
  /** File the secret was found in, as the scanner reports it. */
  file?: string;
  line?: number;
  /** secretKey(value) when the report carries the unredacted value. */
  valueKey?: string;
  /** Extra non-secret context for the message (commit, verified). */
  note?: string;
}

export interface K8sRef {
  kind: string;
  namespace?: string;
  name: string;
  container?: string;
}

export interface MisconfEntry {
  kind: 'misconfig';
  /** Scanner's check id as written (KSV-0001, KSV001, CKV_K8S_20, DS-0002). */
  id: string;
  title: string;
  severity?: ScanSeverity;
  /** File the misconfiguration is in, as the scanner reports it. */
  file?: string;
  line?: number;
  /** Kubernetes object named by the report, when it names one. */
  k8s?: K8sRef;
  /** Scanner's own resource name for non-Kubernetes targets (aws_iam_policy.admin). */
  resource?: string;
}

export type Entry = VulnEntry | SecretEntry | MisconfEntry;

export interface ParsedReport {
  /** Tool that wrote the report (trivy, gitleaks, ...). */
  tool: string;
  /** Format name for messages (trivy JSON, SARIF 2.1.0, ...). */
  format: string;
  entries: Entry[];
}

export type ToolName = 'trivy' | 'checkov' | 'gitleaks' | 'trufflehog' | 'grype' | 'npmAudit' | 'sarif';

/**
 * Read a report through the gate's one reader (a regular file, size checked
 * on the descriptor before reading; inside `within` when given): 0-byte and
 * oversized files never reach JSON.parse.
 */
export function readReportText(abs: string, file: string, opts: { allowEmpty?: boolean; maxBytes?: number; within?: string } = {}): string {
  const max = opts.maxBytes ?? MAX_REPORT_BYTES;
  let buf: Buffer;
  try {
    buf = readRegularFile(abs, { maxBytes: max, display: file, ...(opts.within !== undefined ? { within: opts.within } : {}) });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const limit = err.message.includes('-byte limit') ? ' for scanner reports (split the scan: the limit bounds the gate\'s memory)' : '';
    throw new InputError(`${file}: report ${err.message}${limit}`, file);
  }
  if (buf.length === 0) {
    if (opts.allowEmpty) return '';
    throw new InputError(`${file}: report is empty (0 bytes): the scanner step wrote nothing`, file);
  }
  return buf.toString('utf8');
}

/** JSON.parse with the failure turned into InputError at file:line. */
export function parseJson(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new InputError(`${file}: report is empty (whitespace only): the scanner step wrote nothing`, file);
  try {
    return JSON.parse(body);
  } catch (err) {
    const { line, what } = describeJsonError(body, err);
    throw new InputError(`${file}${line ? `:${line}` : ''}: invalid JSON: ${what}`, file, line);
  }
}

/**
 * Where and what, without V8's excerpt of the input: a report's text may be
 * a credential (gitleaks Secret), so it never goes into a message.
 */
export function describeJsonError(text: string, err: unknown): { line?: number; what: string } {
  const msg = err instanceof Error ? err.message : String(err);
  const truncated = /end of (JSON|data) input|Unterminated/i.test(msg);
  const lc = /\(line (\d+) column (\d+)\)/.exec(msg);
  const pos = /at position (\d+)/.exec(msg);
  let line: number | undefined;
  let column: number | undefined;
  if (lc) {
    line = Number(lc[1]);
    column = Number(lc[2]);
  } else if (pos) {
    line = lineAtOffset(text, Number(pos[1]));
  } else if (truncated) line = lineAtOffset(text, text.length);
  const what = truncated ? 'unexpected end of input (the file is truncated)' : `syntax error${line ? ` at line ${line}${column ? ` column ${column}` : ''}` : ''}`;
  return { ...(line ? { line } : {}), what };
}

export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Validate with zod; on failure an InputError naming the file, the path and what was wrong. */
export function validate<T extends z.ZodType>(schema: T, value: unknown, file: string, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`);
  const more = r.error.issues.length > 3 ? ` (+${r.error.issues.length - 3} more)` : '';
  throw new InputError(`${file}: not a valid ${what}: ${issues.join('; ')}${more}${hint(value, what)}`, file);
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** "This is a gitleaks report" when a report of another tool is listed under the wrong key. */
export function hint(value: unknown, what: string): string {
  const actual = sniffTool(value);
  return actual && !what.toLowerCase().includes(actual.toLowerCase()) ? ` (this looks like a ${actual} report: list it under reports.${actual === 'npm audit' ? 'npmAudit' : actual === 'SARIF' ? 'sarif' : actual === 'SBOM' ? 'sbom' : actual})` : '';
}

/** Best guess of which tool wrote a parsed report, for error messages only. */
export function sniffTool(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    const first = v[0];
    if (isRecord(first)) {
      if ('RuleID' in first && 'File' in first) return 'gitleaks';
      if ('DetectorName' in first && 'SourceMetadata' in first) return 'trufflehog';
      if ('check_type' in first && 'results' in first) return 'checkov';
    }
    return undefined;
  }
  if (!isRecord(v)) return undefined;
  if ('SchemaVersion' in v && ('ArtifactName' in v || 'Results' in v)) return 'trivy';
  if ('ClusterName' in v && 'Resources' in v) return 'trivy';
  if ('matches' in v && 'descriptor' in v) return 'grype';
  if ('auditReportVersion' in v) return 'npm audit';
  if ('check_type' in v && 'results' in v) return 'checkov';
  if ('runs' in v && 'version' in v) return 'SARIF';
  if (v.bomFormat === 'CycloneDX' || 'spdxVersion' in v || '@graph' in v) return 'SBOM';
  if ('DetectorName' in v && 'SourceMetadata' in v) return 'trufflehog';
  return undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value that is only mask characters carries nothing to fingerprint. */
export function isRedacted(value: string): boolean {
  const v = value.trim();
  return v === '' || /^[*•xX.]+$/.test(v) || /^REDACTED$/i.test(v) || /^\*+$/.test(v.replace(/REDACTED/gi, ''));
}
