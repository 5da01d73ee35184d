import { createHash } from 'node:crypto';

/**
 * Fingerprint key for a secret/exposed finding: a short hash of the secret
 * value, never the value. The gate's own scanner and ingested scanner
 * reports (gitleaks, trufflehog, trivy) use the same key, so one leaked
 * credential found by several tools is one finding.
 */
export function secretKey(value: string): string {
  return `secret:${createHash('sha256').update(value).digest('hex').slice(0, 16)}`;
}
