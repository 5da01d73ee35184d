// Built-in secret scan (seed 000 control 4: "no hardcoded credentials. Ever.";
// seed 003 gate row "Secrets detected in ... config files"). Every text file
// of the repository that git would track is scanned, size-bounded; binary,
// oversized, non-UTF-8 and unreadable files are skipped with a note in the
// check's detail. Findings name the kind and place, never the value; their
// key is secretKey(value), the same key the gitleaks/trufflehog ingestion
// uses, so one leaked credential found by both is one finding.
import { readFully } from '../../src/util/read-fully.ts';
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { secretKey } from '../common/credentials.ts';
import { globMatcher } from '../../src/workspace/glob.ts';
import { GitIgnore } from '../../src/workspace/gitignore.ts';
import { type SecretHit, scanText } from './scan.ts';
import { isExampleFile } from './values.ts';
import type { Check, CheckContext, CheckResult, RawFinding } from '../../src/types.ts';

export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Bytes inspected for a NUL to call a file binary (git's heuristic). */
const BINARY_SNIFF = 8000;
/** Hand the event loop back this often so concurrent probes keep their timers. */
const YIELD_EVERY_MS = 50;

export interface ScanStats {
  scanned: number;
  bytes: number;
  binary: string[];
  tooLarge: string[];
  invalidUtf8: string[];
  unreadable: string[];
  ignored: number;
  excluded: number;
  /** Scanner reports named in the config: ingested by the reports check, their secrets belong to the files they name. */
  reports: number;
  examples: number;
  /** Detectors that gave up on a pathological file, hit caps. */
  notes: string[];
}

export interface FileHits {
  file: string;
  hits: SecretHit[];
}

/** Files the scan looks at and why others are left out. */
export function selectFiles(root: string, files: readonly string[], exclude: readonly string[], stats: ScanStats, reports: readonly string[] = []): string[] {
  const gitignore = GitIgnore.load(root, files);
  const excluded = exclude.map(globMatcher);
  const reportFiles = reports.map(globMatcher);
  const out: string[] = [];
  for (const f of files) {
    if (gitignore.ignores(f)) stats.ignored++;
    else if (excluded.some((m) => m(f))) stats.excluded++;
    else if (reportFiles.some((m) => m(f))) stats.reports++;
    else if (isExampleFile(f)) stats.examples++;
    else out.push(f);
  }
  return out;
}

export function emptyStats(): ScanStats {
  return { scanned: 0, bytes: 0, binary: [], tooLarge: [], invalidUtf8: [], unreadable: [], ignored: 0, excluded: 0, reports: 0, examples: 0, notes: [] };
}

type ReadResult = { text: string; bytes: number } | { skip: 'binary' | 'tooLarge' | 'invalidUtf8' | 'unreadable'; why?: string };

/**
 * Read one file for scanning without following symlinks or blocking on
 * FIFOs, and never reading more than maxBytes + 1.
 */
export function readForScan(abs: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { skip: 'unreadable', why: (err as NodeJS.ErrnoException).code ?? 'error' };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { skip: 'unreadable', why: 'not a regular file' };
    if (st.size > maxBytes) return { skip: 'tooLarge', why: `${st.size} bytes` };
    const { buf, length: off } = readFully(fd, st.size);
    const data = off === st.size ? buf : buf.subarray(0, off);
    const sniff = data.subarray(0, BINARY_SNIFF);
    if (sniff.includes(0)) return { skip: 'binary' };
    if (!isUtf8(data)) return { skip: 'invalidUtf8' };
    return { text: data.toString('utf8'), bytes: data.length };
  } catch (err) {
    return { skip: 'unreadable', why: (err as NodeJS.ErrnoException).code ?? 'error' };
  } finally {
    closeSync(fd);
  }
}

/** Scan the selected files; exported for the benchmark and the tests. */
export async function scanFiles(
  root: string,
  files: readonly string[],
  maxBytes: number,
  stats: ScanStats,
  signal?: AbortSignal,
): Promise<FileHits[]> {
  const out: FileHits[] = [];
  let last = performance.now();
  for (const file of files) {
    if (performance.now() - last > YIELD_EVERY_MS) {
      await new Promise((r) => setImmediate(r));
      signal?.throwIfAborted();
      last = performance.now();
    }
    const r = readForScan(join(root, file), maxBytes);
    if ('skip' in r) {
      stats[r.skip].push(r.why ? `${file} (${r.why})` : file);
      continue;
    }
    stats.scanned++;
    stats.bytes += r.bytes;
    const hits = scanText(r.text, { file, notes: stats.notes });
    if (hits.length) out.push({ file, hits });
  }
  return out;
}

export function describeStats(s: ScanStats, maxBytes: number): string {
  const mb = (s.bytes / (1024 * 1024)).toFixed(1);
  const parts = [`scanned ${s.scanned} text files (${mb} MB)`];
  const list = (names: string[]) => {
    const shown = names.slice(0, 5).join(', ');
    return names.length > 5 ? `${shown}, +${names.length - 5} more` : shown;
  };
  if (s.binary.length) parts.push(`skipped ${s.binary.length} binary`);
  if (s.tooLarge.length) parts.push(`skipped ${s.tooLarge.length} above ${maxBytes} bytes: ${list(s.tooLarge)}`);
  if (s.invalidUtf8.length) parts.push(`skipped ${s.invalidUtf8.length} not valid UTF-8: ${list(s.invalidUtf8)}`);
  if (s.unreadable.length) parts.push(`skipped ${s.unreadable.length} unreadable: ${list(s.unreadable)}`);
  const left = [
    s.ignored ? `${s.ignored} by .gitignore` : '',
    s.excluded ? `${s.excluded} by secrets.exclude` : '',
    s.examples ? `${s.examples} example/template files` : '',
    s.reports ? `${s.reports} scanner reports (ingested by the reports check)` : '',
  ].filter(Boolean);
  if (left.length) parts.push(`not scanned: ${left.join(', ')}`);
  if (s.notes.length) parts.push(`incomplete: ${list(s.notes)}`);
  return parts.join('; ');
}

export function findingsOf(fileHits: readonly FileHits[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const { file, hits } of fileHits) {
    for (const h of hits) {
      findings.push({
        ruleId: 'secret/exposed',
        message: `${capitalise(h.kind)} in ${file} at line ${h.line} (value not shown)`,
        location: { file, line: h.line },
        key: secretKey(h.value),
      });
    }
  }
  return findings;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const secretsScanCheck: Check = {
  id: 'secrets',
  rules: ['secret/exposed'],
  workerGroup: 'secrets',
  async run(ctx: CheckContext): Promise<CheckResult> {
    const cfg = ctx.config.secrets ?? {};
    if (cfg.scan === false) return { findings: [], skipped: true, detail: 'disabled by secrets.scan: false' };
    const maxBytes = cfg.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const stats = emptyStats();
    const r = ctx.config.reports ?? {};
    const reportGlobs = [r.trivy, r.checkov, r.gitleaks, r.trufflehog, r.grype, r.npmAudit, r.sarif, r.sbom].flatMap((g) => g ?? []);
    const files = selectFiles(ctx.root, ctx.workspace.files(), cfg.exclude ?? [], stats, reportGlobs);
    const hits = await scanFiles(ctx.root, files, maxBytes, stats, ctx.signal);
    return { findings: findingsOf(hits), detail: describeStats(stats, maxBytes) };
  },
};
