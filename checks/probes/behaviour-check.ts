// Runtime behaviour of the live MCP servers (seed 000 test cases 3 and 4,
// control 6). Runs only when probes.behaviour is configured; which servers
// run is the engine's business (base-revision probes and server entries).
import type { Check } from '../../src/types.ts';

/** The check; `only` restricts it to the entries of one server (`mcp-gate probe behaviour --server ID`). */
export function behaviourCheck(only?: string): Check {
  return {
    id: 'behaviour',
    rules: ['runtime/path-traversal', 'runtime/input-not-validated', 'runtime/credential-in-output', 'runtime/error-detail-leak', 'gate/check-failed'],
    async run(ctx) {
      const entries = ctx.config.probes?.behaviour ?? [];
      if (!entries.some((e) => only === undefined || e.server === only)) {
        return { findings: [], skipped: true, detail: `no runtime behaviour probe: probes.behaviour ${only === undefined ? 'is not configured' : `has no entry for server "${only}"`}` };
      }
      // Loaded only here: the MCP SDK and node:https are not needed by a run without probes.
      const { probeBehaviour } = await import('./behaviour-probe.ts');
      return probeBehaviour(ctx, entries, only);
    },
  };
}

export const behaviourProbeCheck = behaviourCheck();
