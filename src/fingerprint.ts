import { hash } from 'node:crypto';
import type { RawFinding } from './types.ts';

/**
 * Identity of a finding that survives reformatting, reordering and moving
 * the object to another file: rule + resource (+ container) + key. Only
 * findings without a resource fall back to the file path.
 */
export function fingerprintOf(f: RawFinding): string {
  const { resource, container, file } = f.location;
  const parts = [f.ruleId, resource ?? `file:${file ?? ''}`, container ?? '', f.key ?? ''];
  // One-shot hash (same digest as createHash().update().digest()): this runs once per finding.
  return hash('sha256', parts.join('\u0000'), 'hex').slice(0, 32);
}
