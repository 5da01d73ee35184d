// The built-in scanner against real leaked-secret data (test/fixtures/shared,
// see its README for provenance): the gitleaks reports of juice-shop and
// WebGoat list File/StartLine/Match/Secret of what gitleaks found in those
// repositories. We cannot scan those repositories here, so the comparison is
// per finding: does our scanner, given gitleaks' own Match excerpt and file
// name, report the same Secret value (the value secretKey() hashes, so the
// gate and an ingested gitleaks report dedupe to one finding)? Every miss
// must fall in a documented category (docs/images-and-secrets.md).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { emptyStats, scanFiles, selectFiles } from '../checks/secrets/check.ts';
import { secretKey } from '../checks/common/credentials.ts';
import { scanText } from '../checks/secrets/scan.ts';
import { isPlaceholderValue } from '../checks/common/credentials.ts';
import { Workspace } from '../src/workspace/workspace.ts';

const SHARED = fileURLToPath(new URL('fixtures/shared/', import.meta.url));
const GITLEAKS = ['juice-shop-gitleaks-report.json', 'json-reports-webgoat-gitleaks-report.json', 'json_simple.json', 'template_jsonextra.json', 'baseline.json'];

interface GitleaksFinding {
  RuleID: string;
  File: string;
  StartLine: number;
  Match: string;
  Secret: string;
}

function load(name: string): GitleaksFinding[] {
  return JSON.parse(readFileSync(`${SHARED}reports/gitleaks/${name}`, 'utf8')) as GitleaksFinding[];
}

const JWT_IO_SAMPLE_SIG = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

/** Why gitleaks reported something the gate deliberately does not (or cannot from the excerpt). */
function missReason(f: GitleaksFinding): string {
  const s = f.Secret;
  if (f.RuleID === 'test-rule') return 'gitleaks test rule (not a credential format)';
  if (f.RuleID === 'private-key' && s.replace(/-----[A-Z ]+-----/g, '').replace(/\\[nr]/g, '').replace(/[^A-Za-z0-9+/=]/g, '').length < 64)
    return 'PEM header without a key body (code that strips headers)';
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) return 'UUID under a bare "key" (identifier)';
  if (/^0x[0-9a-fA-F]{40}$/.test(s)) return 'Ethereum contract address';
  if (s.endsWith(JWT_IO_SAMPLE_SIG)) return 'jwt.io sample token';
  if (/^[A-Za-z]+=[A-Za-z]+$/.test(s)) return 'natural-language text in a .properties file';
  if (isPlaceholderValue(s)) return 'typed sequence / dummy value';
  if (/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(s) && /key\s*[=:]/i.test(f.Match)) return 'hex digest under a bare *_key name (treated as a fingerprint)';
  const before = f.Match.slice(0, Math.max(0, f.Match.indexOf(s)));
  if (!/[=:]\s*["'`]?$/.test(before.trimEnd()) || /^[A-Za-z_]+['"],\s*['"]$/.test(before)) return 'no assignment in the excerpt (function argument or left context cut off)';
  return 'UNEXPLAINED';
}

test('gitleaks findings of juice-shop and WebGoat: our detectors report the same Secret values', (t) => {
  let total = 0;
  let detected = 0;
  let redacted = 0;
  const misses = new Map<string, string[]>();
  const byRule = new Map<string, { n: number; hit: number }>();
  for (const name of GITLEAKS) {
    for (const f of load(name)) {
      if (/^\*+$/.test(f.Secret)) {
        redacted++;
        continue;
      }
      total++;
      const r = byRule.get(f.RuleID) ?? { n: 0, hit: 0 };
      r.n++;
      byRule.set(f.RuleID, r);
      const hits = scanText(f.Match, { file: f.File });
      const hit = hits.find((h) => h.value === f.Secret);
      if (hit) {
        detected++;
        r.hit++;
        assert.equal(secretKey(hit.value), secretKey(f.Secret), 'same dedupe key as the gitleaks ingestion');
        continue;
      }
      const reason = missReason(f);
      misses.set(reason, [...(misses.get(reason) ?? []), `${name.split('-')[0]}:${f.File}:${f.StartLine} (${f.RuleID})`]);
    }
  }
  const notSecrets = ['gitleaks test rule (not a credential format)', 'PEM header without a key body (code that strips headers)', 'UUID under a bare "key" (identifier)', 'Ethereum contract address', 'jwt.io sample token', 'natural-language text in a .properties file'];
  const excluded = notSecrets.reduce((n, r) => n + (misses.get(r)?.length ?? 0), 0);
  t.diagnostic(`gitleaks findings (non-redacted): ${total}, redacted skipped: ${redacted}`);
  t.diagnostic(`detected with the same value: ${detected}/${total} = ${((100 * detected) / total).toFixed(1)}%`);
  t.diagnostic(`excluding ${excluded} that are not credentials: ${detected}/${total - excluded} = ${((100 * detected) / (total - excluded)).toFixed(1)}%`);
  for (const [rule, r] of byRule) t.diagnostic(`  ${rule}: ${r.hit}/${r.n}`);
  for (const [reason, list] of misses) t.diagnostic(`  missed, ${reason}: ${list.length} e.g. ${list.slice(0, 3).join(', ')}`);

  assert.equal(misses.get('UNEXPLAINED'), undefined, `unexplained misses: ${misses.get('UNEXPLAINED')?.join(', ')}`);
  // Precise formats: every real one is found.
  for (const rule of ['aws-access-token', 'openshift-user-token']) assert.equal(byRule.get(rule)?.hit, byRule.get(rule)?.n, rule);
  const jwt = byRule.get('jwt') as { n: number; hit: number };
  assert.equal(jwt.n - jwt.hit, misses.get('jwt.io sample token')?.length ?? 0, 'every JWT but the jwt.io sample');
  assert.ok(detected / total >= 0.85, `overall ${detected}/${total}`);
  assert.ok(detected / (total - excluded) >= 0.93, `credentials ${detected}/${total - excluded}`);
});

test('scanning every file of test/fixtures/shared: the gitleaks reports\' secrets are found in them, other fixtures stay clean', async (t) => {
  const ws = new Workspace(SHARED);
  const stats = emptyStats();
  const files = selectFiles(SHARED, ws.files(), [], stats);
  const results = await scanFiles(SHARED, files, 8 * 1024 * 1024, stats);
  t.diagnostic(`scanned ${stats.scanned} files (${(stats.bytes / 1e6).toFixed(1)} MB), ${results.reduce((n, r) => n + r.hits.length, 0)} hits in ${results.length} files`);
  for (const r of results) t.diagnostic(`  ${r.file}: ${r.hits.length}`);
  // Every file with hits is a scanner report holding leaked secrets in clear.
  for (const r of results) assert.match(r.file, /^reports\/(gitleaks|trufflehog|trivy)\//, `unexpected hit in ${r.file}`);

  for (const name of ['juice-shop-gitleaks-report.json', 'json-reports-webgoat-gitleaks-report.json']) {
    const hits = results.find((r) => r.file === `reports/gitleaks/${name}`)?.hits ?? [];
    // Values inside the JSON text are JSON-escaped: compare unescaped.
    const values = new Set(
      hits.map((h) => {
        try {
          return JSON.parse(`"${h.value}"`) as string;
        } catch {
          return h.value;
        }
      }),
    );
    const secrets = new Set(load(name).map((f) => f.Secret));
    const credentials = [...secrets].filter((s) => missReason({ RuleID: '', File: '', StartLine: 0, Match: `k = "${s}"`, Secret: s }) !== 'UUID under a bare "key" (identifier)');
    const found = [...secrets].filter((s) => values.has(s)).length;
    t.diagnostic(`${name}: ${found}/${secrets.size} distinct gitleaks Secret values found by scanning the report file (${credentials.length} excluding UUIDs)`);
    assert.ok(found / secrets.size >= 0.75, `${name}: ${found}/${secrets.size}`);
  }
});

test('trufflehog reports: raw values of detectors the gate covers are found', (t) => {
  const lines = readFileSync(`${SHARED}reports/trufflehog/chaos-observatory-trufflehog-results.jsonl`, 'utf8').trim().split('\n');
  const all = [
    ...lines.map((l) => JSON.parse(l) as { DetectorName: string; Raw: string }),
    ...(JSON.parse(readFileSync(`${SHARED}reports/trufflehog/json-reports-webgoat-trufflehog-report.array.json`, 'utf8')) as Array<{ DetectorName: string; Raw: string }>),
  ];
  const covered: Record<string, string> = { Github: 'github-token', Gitlab: 'gitlab-pat', AWS: 'aws-access-key-id', HuggingFace: 'huggingface-token', Postgres: 'connection-string-password', FTP: 'connection-string-password', URI: 'connection-string-password' };
  const seen = new Map<string, { n: number; hit: number }>();
  const distinct = new Set<string>();
  for (const f of all) {
    const rule = covered[f.DetectorName];
    if (!rule || distinct.has(f.Raw)) continue;
    distinct.add(f.Raw);
    // AWS key IDs are base32 (no 0, 1, 8, 9): trufflehog's looser pattern also matches made-up examples.
    if (f.DetectorName === 'AWS' && !/^(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}$/.test(f.Raw)) {
      t.diagnostic('trufflehog AWS: 1 raw value outside the AWS key ID alphabet, not counted');
      continue;
    }
    const r = seen.get(f.DetectorName) ?? { n: 0, hit: 0 };
    r.n++;
    if (scanText(f.Raw, { file: 'raw.txt' }).some((h) => h.rule === rule)) r.hit++;
    seen.set(f.DetectorName, r);
  }
  for (const [d, r] of seen) t.diagnostic(`trufflehog ${d}: ${r.hit}/${r.n} distinct raw values`);
  for (const d of ['Github', 'Gitlab', 'AWS']) assert.equal(seen.get(d)?.hit, seen.get(d)?.n, d);
});
