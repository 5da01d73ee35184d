// `reports.run`: the adapters run trivy or gitleaks over the directory
// under review (fixed argument arrays, no shell, bounded time) and hand the
// engine the report file; the reports check parses it like any other.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunScanner, ScannerOutcome } from '../types.ts';
import { execFileSafe } from '../util/exec.ts';

export const RUN_TIMEOUT_MS = 100_000;

export const runScanner: RunScanner = async (tool, { root, env, signal }): Promise<ScannerOutcome> => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-gate-run-'));
  const dispose = (): void => rmSync(dir, { recursive: true, force: true });
  const out = join(dir, 'report.json');
  const args =
    tool === 'trivy'
      ? ['fs', '--quiet', '--format', 'json', '--scanners', 'vuln,secret,misconfig', '--output', out, root]
      : ['dir', root, '--report-format', 'json', '--report-path', out, '--no-banner', '--exit-code', '0'];
  try {
    const r = await execFileSafe(tool, args, {
      env: { ...env },
      extendEnv: false,
      timeout: RUN_TIMEOUT_MS,
      reject: false,
      stdin: 'ignore',
      stdout: 'ignore',
      stderr: 'pipe',
      cancelSignal: signal,
      maxBuffer: 1024 * 1024,
    });
    const code = (r as { code?: string }).code;
    let error: string | undefined;
    if (code === 'ENOENT' || /ENOENT/.test(String(r.message ?? '')))
      error = `${tool} is not on PATH; install it in the workflow or remove it from reports.run and list its report file instead`;
    else if (r.timedOut) error = `${tool} did not finish within ${RUN_TIMEOUT_MS} ms`;
    else if (r.failed) {
      // gitleaks may log findings on stderr: only trivy's last line is shown.
      const tail = tool === 'trivy' ? String(r.stderr ?? '').trim().split('\n').pop()?.slice(0, 300) : undefined;
      error = `${tool} exited with code ${r.exitCode ?? '?'}${tail ? `: ${tail}` : ''}`;
    }
    if (error === undefined) return { reportFile: out, dispose };
    dispose();
    return { error };
  } catch (err) {
    dispose();
    throw err;
  }
};
