// Built-in secret scan (seed 000 control 4: "no hardcoded credentials. Ever.";
// seed 003 gate row "Secrets detected in ... config files"). Every file git
// tracks, and every untracked file git would not ignore, is scanned as bytes:
// text that is not valid UTF-8 is scanned byte for byte (latin1), so an ASCII
// token beside one bad byte is still found. Binary and oversized files are
// skipped with a note in the check's detail; a file that cannot be read is a
// gate/check-failed. Findings name the kind and place, never the value; their
// key is secretKey(value), the same key the gitleaks/trufflehog ingestion
// uses, so one leaked credential found by both is one finding.
import { isUtf8 } from 'node:buffer';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { secretKey } from '../common/credentials.ts';
import { trackedFiles } from '../../src/workspace/git.ts';
import { globMatcher } from '../../src/workspace/glob.ts';
import { GitIgnore } from '../../src/workspace/gitignore.ts';
import { readRegularFile } from '../../src/workspace/read-file.ts';
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
  /** Scanned byte for byte: not valid UTF-8. */
  notUtf8: string[];
  /** Could not be read; each is also a gate/check-failed. */
  unreadable: Array<{ file: string; why: string }>;
  ignored: number;
  /** Ignored by .gitignore but tracked by git, so scanned. */
  trackedIgnored: number;
  excluded: number;
  /** secrets.exclude globs that matched no file. */
  unusedExcludes: string[];
  /** Why git could not list the tracked files (then .gitignore alone decides). */
  gitError?: string;
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

/**
 * Files the scan looks at and why others are left out. `tracked`: the files
 * git tracks (git ls-files), scanned whatever .gitignore says; undefined
 * outside a git repository.
 */
export function selectFiles(
  root: string,
  files: readonly string[],
  exclude: readonly string[],
  stats: ScanStats,
  reports: readonly string[] = [],
  tracked?: ReadonlySet<string>,
): string[] {
  const gitignore = GitIgnore.load(root, files);
  const excluded = exclude.map((g) => ({ glob: g, match: globMatcher(g), used: false }));
  const reportFiles = reports.map(globMatcher);
  const out: string[] = [];
  for (const f of files) {
    const ex = excluded.find((e) => e.match(f));
    if (ex) ex.used = true;
    if (gitignore.ignores(f) && !tracked?.has(f)) stats.ignored++;
    else if (ex) stats.excluded++;
    else if (reportFiles.some((m) => m(f))) stats.reports++;
    else if (isExampleFile(f)) stats.examples++;
    else {
      if (tracked?.has(f) && gitignore.ignores(f)) stats.trackedIgnored++;
      out.push(f);
    }
  }
  stats.unusedExcludes = excluded.filter((e) => !e.used).map((e) => e.glob);
  return out;
}

export function emptyStats(): ScanStats {
  return {
    scanned: 0,
    bytes: 0,
    binary: [],
    tooLarge: [],
    notUtf8: [],
    unreadable: [],
    ignored: 0,
    trackedIgnored: 0,
    excluded: 0,
    unusedExcludes: [],
    reports: 0,
    examples: 0,
    notes: [],
  };
}

type ReadResult = { text: string; bytes: number; utf8: boolean } | { skip: 'binary' | 'tooLarge' | 'unreadable'; why?: string };


/**
 * Read one file of the tree for scanning (read-file.ts: a regular file inside
 * the repository, never more than maxBytes), as UTF-8 when it is valid and
 * byte for byte otherwise.
 */
export function readForScan(root: string, file: string, maxBytes: number): ReadResult {
  const size = statSync(join(root, file), { throwIfNoEntry: false })?.size;
  if (size !== undefined && size > maxBytes) return { skip: 'tooLarge', why: `${size} bytes` };
  let data: Buffer;
  try {
    data = readRegularFile(file, { within: root, maxBytes, display: file });
  } catch (err) {
    return { skip: 'unreadable', why: (err as Error).message };
  }
  if (data.subarray(0, BINARY_SNIFF).includes(0)) return { skip: 'binary' };
  const utf8 = isUtf8(data);
  // latin1 maps every byte to one character: ASCII tokens stay intact and newlines stay where they were.
  return { text: data.toString(utf8 ? 'utf8' : 'latin1'), bytes: data.length, utf8 };
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
    const r = readForScan(root, file, maxBytes);
    if ('skip' in r) {
      if (r.skip === 'unreadable') stats.unreadable.push({ file, why: r.why ?? 'unreadable' });
      else stats[r.skip].push(r.why ? `${file} (${r.why})` : file);
      continue;
    }
    stats.scanned++;
    stats.bytes += r.bytes;
    if (!r.utf8) stats.notUtf8.push(file);
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
  if (s.notUtf8.length) parts.push(`scanned byte for byte ${s.notUtf8.length} not valid UTF-8: ${list(s.notUtf8)}`);
  if (s.unreadable.length) parts.push(`could not read ${s.unreadable.length}: ${list(s.unreadable.map((u) => u.file))}`);
  const left = [
    s.ignored ? `${s.ignored} by .gitignore` : '',
    s.excluded ? `${s.excluded} by secrets.exclude` : '',
    s.examples ? `${s.examples} example/template files` : '',
    s.reports ? `${s.reports} scanner reports (ingested by the reports check)` : '',
  ].filter(Boolean);
  if (left.length) parts.push(`not scanned: ${left.join(', ')}`);
  if (s.trackedIgnored) parts.push(`scanned ${s.trackedIgnored} tracked by git although .gitignore lists them`);
  for (const g of s.unusedExcludes) parts.push(`secrets.exclude "${g}" matches no file`);
  if (s.gitError) parts.push(`git could not list tracked files (${s.gitError}): files .gitignore lists were not scanned`);
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
  rules: ['secret/exposed', 'gate/check-failed'],
  workerGroup: 'secrets',
  async run(ctx: CheckContext): Promise<CheckResult> {
    const cfg = ctx.config.secrets ?? {};
    if (cfg.scan === false) return { findings: [], skipped: true, detail: 'disabled by secrets.scan: false' };
    const maxBytes = cfg.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const stats = emptyStats();
    const r = ctx.config.reports ?? {};
    const reportGlobs = [r.trivy, r.checkov, r.gitleaks, r.trufflehog, r.grype, r.npmAudit, r.sarif, r.sbom].flatMap((g) => g ?? []);
    const tracked = await trackedFiles(ctx.root);
    if ('error' in tracked) stats.gitError = tracked.error;
    const files = selectFiles(ctx.root, ctx.workspace.files(), cfg.exclude ?? [], stats, reportGlobs, 'files' in tracked ? tracked.files : undefined);
    const hits = await scanFiles(ctx.root, files, maxBytes, stats, ctx.signal);
    const unread: RawFinding[] = stats.unreadable.map(({ file, why }) => ({
      ruleId: 'gate/check-failed',
      message: `${file}: the secret scan could not read it: ${why}`,
      location: { file, line: 1 },
      key: `secrets-read:${file}`,
    }));
    return { findings: [...findingsOf(hits), ...unread], detail: describeStats(stats, maxBytes) };
  },
};
