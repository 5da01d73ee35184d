// What the gate could not read of the tree, and what the config's scope
// names without finding it. Every other check reads the workspace's file
// list; this one says, once, what that list left out: files and directories
// that cannot be read, links that dangle or leave the repository, FIFOs and
// devices, and every configured inclusion glob that matches no file (a
// typo or a moved directory would otherwise review nothing and pass).
import { configDocument, configKeyLine } from '../common/config-document.ts';
import type { GateConfig } from '../../src/config/schema.ts';
import { globMatcher, globProblem } from '../../src/workspace/glob.ts';
import type { Check, CheckContext, CheckResult, RawFinding } from '../../src/types.ts';

export interface ConfigGlobs {
  /** Dotted config key (`kubernetes.paths`). */
  key: string;
  globs: readonly string[];
  /** Inclusion globs name what to review; exclusion globs (secrets.exclude) what to leave out. */
  inclusion: boolean;
  /**
   * The check that reports this key's unmatched globs itself, with its own
   * explanation (a scanner report that was not written); undefined: this check does.
   */
  reportedBy?: string;
}

const REPORT_KEYS = ['trivy', 'checkov', 'gitleaks', 'trufflehog', 'grype', 'npmAudit', 'sarif', 'sbom'] as const;

/** Every glob-valued key of the config (test/workspace-check.test.ts holds this list to the published schema). */
export function configGlobs(config: GateConfig): ConfigGlobs[] {
  const out: ConfigGlobs[] = [
    { key: 'kubernetes.paths', globs: config.kubernetes?.paths ?? [], inclusion: true },
    { key: 'kubernetes.exclude', globs: config.kubernetes?.exclude ?? [], inclusion: false },
    { key: 'mcp.paths', globs: config.mcp?.paths ?? [], inclusion: true },
    { key: 'images.paths', globs: config.images?.paths ?? [], inclusion: true },
    { key: 'secrets.exclude', globs: config.secrets?.exclude ?? [], inclusion: false },
    ...REPORT_KEYS.map((k) => ({ key: `reports.${k}`, globs: config.reports?.[k] ?? [], inclusion: true, reportedBy: 'reports' })),
  ];
  return out.filter((g) => g.globs.length > 0);
}

function failed(message: string, key: string, file: string | undefined, line: number | undefined): RawFinding {
  return { ruleId: 'gate/check-failed', message, location: { ...(file ? { file } : {}), ...(file && line ? { line } : {}) }, key };
}

export const workspaceCheck: Check = {
  id: 'workspace',
  rules: ['gate/check-failed'],
  async run(ctx: CheckContext): Promise<CheckResult> {
    const ws = ctx.workspace;
    const files = ws.files();
    const findings: RawFinding[] = ws.problems().map((p) =>
      failed(`${p.path}: ${p.message}`, `workspace:${p.path}`, p.path, p.directory ? undefined : 1),
    );
    const doc = configDocument(ctx);
    const scope: string[] = [];
    for (const { key, globs, inclusion, reportedBy } of configGlobs(ctx.config)) {
      const line = configKeyLine(doc, key);
      const matched = new Set<string>();
      for (const glob of globs) {
        const problem = globProblem(glob);
        if (problem !== undefined) {
          findings.push(failed(`${key}: "${glob}" ${problem}; it matches nothing`, `${key}:${glob}`, ctx.configFile, line));
          continue;
        }
        const match = globMatcher(glob);
        let n = 0;
        for (const f of files)
          if (match(f)) {
            n++;
            matched.add(f);
          }
        if (n === 0 && inclusion && reportedBy === undefined)
          findings.push(
            failed(
              `${key}: "${glob}" matches no file: nothing it names is reviewed; fix the glob or remove it`,
              `${key}:${glob}`,
              ctx.configFile,
              line,
            ),
          );
      }
      scope.push(`${key} ${matched.size}`);
    }
    const loops = ws.loops();
    const parts = [`${files.length} files`, `${ws.problems().length} unreadable or refused`];
    if (loops.length) parts.push(`symlinks back into a directory they are in, not followed round: ${loops.join(', ')}`);
    if (scope.length) parts.push(`files per configured glob key: ${scope.join(', ')}`);
    return { findings, detail: parts.join('; ') };
  },
};
