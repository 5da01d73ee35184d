import { hash } from 'node:crypto';
import type { RawFinding } from '../types.ts';

/**
 * Identity of a finding that survives reformatting, reordering and moving
 * the object to another file: rule + resource (+ container) + key. Only
 * findings without a resource fall back to the file path.
 */
export function fingerprintOf(f: RawFinding): string {
  const { resource, container, file } = f.location;
  // One-shot hash (same digest as createHash().update().digest()): this runs
  // once per finding. The input is rule, resource (or file:), container, key
  // joined by NUL, built as one template string rather than an array join.
  return hash('sha256', `${f.ruleId}\u0000${resource ?? `file:${file ?? ''}`}\u0000${container ?? ''}\u0000${f.key ?? ''}`, 'hex').slice(0, 32);
}
