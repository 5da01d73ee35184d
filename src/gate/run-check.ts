// Running one check: timed, isolated, bounded by the gate's time budget. A
// check that throws or runs past the budget becomes gate/check-failed (fail
// closed). Shared by the engine and the check worker thread.
import { InputError } from '../util/errors.ts';
import type { Check, CheckContext, CheckRun, RawFinding } from '../types.ts';

export interface CheckOutcome {
  run: CheckRun;
  findings: RawFinding[];
}

export async function runCheck(check: Check, ctx: CheckContext): Promise<CheckOutcome> {
  const start = performance.now();
  // Past the budget, a check is not started at all (its synchronous work could not be interrupted).
  if (ctx.signal.aborted) return failedCheck(check.id, ctx.signal.reason, 0);
  try {
    const aborted = new Promise<never>((_, reject) => {
      if (ctx.signal.aborted) reject(ctx.signal.reason);
      ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
    });
    const result = await Promise.race([check.run(ctx), aborted]);
    return {
      run: { id: check.id, status: result.skipped ? 'skipped' : 'ran', durationMs: elapsedSince(start), ...(result.detail ? { detail: result.detail } : {}) },
      findings: result.findings,
    };
  } catch (err) {
    return failedCheck(check.id, err, elapsedSince(start));
  }
}

/** The outcome of a check that could not run (threw, timed out, or its thread died). */
export function failedCheck(id: string, err: unknown, durationMs: number): CheckOutcome {
  const input = err instanceof InputError ? err : undefined;
  const reason = err instanceof Error ? err.message : String(err);
  return {
    run: { id, status: 'failed', durationMs, detail: reason },
    findings: [
      {
        ruleId: 'gate/check-failed',
        message: `check "${id}" could not run: ${reason}`,
        location: { ...(input?.file ? { file: input.file } : {}), ...(input?.line ? { line: input.line } : {}) },
        key: id,
      },
    ],
  };
}

export function elapsedSince(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}
