// Argument helpers shared by the commands (small on purpose: `rules` must
// not load the engine to check one flag).
import { UsageError } from '../util/errors.ts';

export function oneOf(value: string | undefined, allowed: readonly string[], flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value;
}
