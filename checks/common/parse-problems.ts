import type { RawFinding } from '../../src/types.ts';
import type { ParseProblem } from '../../src/workspace/workspace.ts';

/**
 * Manifests that could not be parsed, as gate/check-failed findings. Every
 * Kubernetes check reports them with the same identity, so the engine keeps
 * one finding per file however many checks read it.
 */
export function parseProblemFindings(problems: readonly ParseProblem[]): RawFinding[] {
  return problems.map((p) => ({
    ruleId: 'gate/check-failed',
    message: `${p.file}: ${p.message}`,
    location: { file: p.file, ...(p.line ? { line: p.line } : {}) },
    key: 'k8s-parse',
  }));
}
