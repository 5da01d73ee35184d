// What this change introduced: the base revision's tree is judged with the
// base's config, and every repository-derived finding of the change is marked
// new or existing by fingerprint. Findings about staging (live probes, live
// MCP servers, the cluster) describe the environment, not the diff: they get
// no mark and follow the normal policy.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GateConfig } from '../config/schema.ts';
import { RULES } from '../rules/catalog.ts';
import type { Finding } from '../types.ts';
import { execFileSafe } from '../util/exec.ts';

/** Checks whose every finding is about the staging environment. */
export const LIVE_CHECKS: ReadonlySet<string> = new Set(['endpoint', 'netpol-live', 'behaviour']);

/** The base config without what contacts or executes anything: the baseline judges files only. */
export function repositoryOnly(config: GateConfig): GateConfig {
  const { probes: _probes, ...rest } = config;
  const servers = config.mcp?.servers?.filter((s) => s.command === undefined && s.url === undefined);
  const reports = config.reports ? { ...config.reports } : undefined;
  if (reports) delete reports.run;
  return { ...rest, ...(config.mcp ? { mcp: { ...config.mcp, ...(servers ? { servers } : {}) } } : {}), ...(reports ? { reports } : {}) };
}

/** What of the config reaches staging: live MCP servers, and whether a SIEM is probed. */
export interface LiveTargets {
  servers: ReadonlySet<string>;
  siem: boolean;
}

export function liveTargets(config: GateConfig): LiveTargets {
  return {
    servers: new Set((config.mcp?.servers ?? []).filter((s) => s.command !== undefined || s.url !== undefined).map((s) => s.id)),
    siem: config.probes?.siem !== undefined,
  };
}

/** Whether a finding is about staging rather than the repository (it then carries no `new`). */
export function isLiveFinding(f: Finding, checkId: string, live: LiveTargets): boolean {
  if (LIVE_CHECKS.has(checkId) || RULES[f.ruleId].scope === 'endpoint') return true;
  // Without probes.siem, siem/unreachable says the config names no SIEM: a fact of the repository.
  if (f.ruleId === 'siem/unreachable') return live.siem;
  const server = /^McpServer\/(.+)$/.exec(f.location.resource ?? '')?.[1];
  return server !== undefined && live.servers.has(server);
}

const GIT_TIMEOUT_MS = 60_000;

/**
 * The base revision's tree, extracted to a temporary directory with `git
 * archive` (the repository, its index and worktrees are left alone): the
 * directory matching `root`, and a disposer.
 */
export async function extractRevision(root: string, ref: string, signal: AbortSignal): Promise<{ dir: string; commit: string; dispose(): void }> {
  const git = async (args: string[]) => {
    const r = await execFileSafe('git', args, { cwd: root, reject: false, timeout: GIT_TIMEOUT_MS, cancelSignal: signal, env: { GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' }, extendEnv: true });
    if (r.exitCode !== 0) throw new Error(`git ${args[0]} failed: ${String(r.stderr ?? r.shortMessage ?? '').trim().split('\n')[0]}`);
    return String(r.stdout ?? '').trim();
  };
  if (ref === '' || ref.startsWith('-')) throw new Error(`base ref "${ref}" is not a valid git revision`);
  const commit = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  const tmp = mkdtempSync(join(tmpdir(), 'mcp-gate-base-'));
  const dispose = () => rmSync(tmp, { recursive: true, force: true });
  try {
    const tar = join(tmp, 'base.tar');
    // Run inside a subdirectory, git archive takes just that directory, relative to it: the tree matches `root`.
    await git(['archive', '--format=tar', '-o', tar, commit]);
    const tree = join(tmp, 'tree');
    mkdirSync(tree);
    const x = await execFileSafe('tar', ['-xf', tar, '-C', tree, '--no-same-owner', '--no-same-permissions'], { reject: false, timeout: GIT_TIMEOUT_MS, cancelSignal: signal });
    if (x.exitCode !== 0) throw new Error(`cannot extract the base tree: ${String(x.stderr ?? '').trim().split('\n')[0]}`);
    rmSync(tar);
    return { dir: tree, commit, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

export interface NewCounts {
  block: number;
  warning: number;
}

/** Mark `new` on repository-derived findings; returns how many base findings the change resolved. */
export function markNew(findings: Array<{ finding: Finding; checkId: string }>, base: ReadonlySet<string>, live: LiveTargets): number {
  const head = new Set<string>();
  for (const { finding, checkId } of findings) {
    head.add(finding.fingerprint);
    if (!isLiveFinding(finding, checkId, live)) finding.new = !base.has(finding.fingerprint);
  }
  let resolved = 0;
  for (const fp of base) if (!head.has(fp)) resolved++;
  return resolved;
}
