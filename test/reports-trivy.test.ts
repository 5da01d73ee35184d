// The in-place check of trivy artifact reports (wellFormedResults) against
// the zod schema it stands in for: it may refuse what zod accepts (zod then
// decides), never accept what zod refuses, and where both accept they read
// the same values.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../src/util/errors.ts';
import { artifactReport, parseTrivy, wellFormedResults } from '../checks/reports/parsers/trivy.ts';

const BASE = join(import.meta.dirname, 'fixtures/shared/reports/trivy');
const ARTIFACT_FIXTURES = ['alpine-310.json.golden', 'npm.json.golden', 'secrets.json.golden', 'dockerfile.json.golden'];
// biome-ignore lint/suspicious/noExplicitAny: raw fixture JSON, mutated field by field
type J = Record<string, any>;
const load = (f: string): J => JSON.parse(readFileSync(join(BASE, f), 'utf8'));

const FIELDS = {
  result: ['Target', 'Class', 'Type', 'Vulnerabilities', 'Misconfigurations', 'Secrets'],
  vuln: ['VulnerabilityID', 'PkgName', 'PkgPath', 'InstalledVersion', 'FixedVersion', 'Status', 'Severity'],
  misconfig: ['ID', 'AVDID', 'Title', 'Message', 'Severity', 'Status', 'CauseMetadata'],
  secret: ['RuleID', 'Category', 'Severity', 'Title', 'StartLine'],
  top: ['SchemaVersion', 'ArtifactName', 'ArtifactType', 'Results'],
};
const VALUES: unknown[] = [undefined, null, '', 'x', 0, 2, 1.5, 2 ** 53, -1, true, [], [1], {}, { Resource: 'r', StartLine: 3 }, { StartLine: 'x' }];

function set(o: J, k: string, v: unknown): void {
  if (v === undefined) delete o[k];
  else o[k] = v;
}

/** Every report obtained by setting one field of `base` to one of VALUES. */
function* mutations(base: J): Generator<J> {
  for (const k of FIELDS.top)
    for (const v of VALUES) {
      const m = structuredClone(base);
      set(m, k, v);
      yield m;
    }
  const results = base.Results ?? [];
  for (let i = 0; i < results.length; i++) {
    for (const k of FIELDS.result)
      for (const v of VALUES) {
        const m = structuredClone(base);
        set(m.Results[i], k, v);
        yield m;
      }
    for (const [list, fields] of [['Vulnerabilities', FIELDS.vuln], ['Misconfigurations', FIELDS.misconfig], ['Secrets', FIELDS.secret]] as const) {
      if (!Array.isArray(results[i][list]) || results[i][list].length === 0) continue;
      for (const k of fields)
        for (const v of VALUES) {
          const m = structuredClone(base);
          set(m.Results[i][list][0], k, v);
          yield m;
        }
      const m = structuredClone(base);
      m.Results[i][list][0] = 'not an object';
      yield m;
    }
  }
}

/** Only the fields the parser reads, so zod's output (unknown keys stripped) and the input compare. */
function readFields(results: J[] | null | undefined): unknown {
  return (results ?? []).map((r) => ({
    ...Object.fromEntries(FIELDS.result.slice(0, 3).map((k) => [k, r[k]])),
    v: (r.Vulnerabilities ?? []).map((x: J) => FIELDS.vuln.map((k) => x[k])),
    m: (r.Misconfigurations ?? []).map((x: J) => [...FIELDS.misconfig.slice(0, 6).map((k) => x[k]), x.CauseMetadata?.Resource, x.CauseMetadata?.StartLine]),
    s: (r.Secrets ?? []).map((x: J) => FIELDS.secret.map((k) => x[k])),
  }));
}

test('well-formed fixtures pass the in-place check and read as zod reads them', () => {
  for (const f of ARTIFACT_FIXTURES) {
    const value = load(f);
    const fast = wellFormedResults(value);
    assert.ok(fast, f);
    assert.deepEqual(readFields(fast.Results), readFields(artifactReport.parse(value).Results), f);
  }
});

test('the in-place check never accepts a report zod refuses', () => {
  let refused = 0;
  let accepted = 0;
  for (const f of ARTIFACT_FIXTURES) {
    for (const m of mutations(load(f))) {
      const fast = wellFormedResults(m);
      const slow = artifactReport.safeParse(m);
      if (!slow.success) {
        assert.equal(fast, undefined, JSON.stringify(m).slice(0, 200));
        refused++;
        // And the parser still fails with zod's message.
        assert.throws(() => parseTrivy(m, 'r.json'), (e) => e instanceof InputError && e.message.startsWith('r.json: not a valid trivy JSON report'));
      } else if (fast) {
        assert.deepEqual(readFields(fast.Results), readFields(slow.data.Results));
        accepted++;
      } else {
        // Refused in place but valid: the parser takes zod's answer.
        assert.doesNotThrow(() => parseTrivy(m, 'r.json'));
      }
    }
  }
  // Both branches were exercised.
  assert.ok(refused > 50 && accepted > 50, `${refused} refused, ${accepted} accepted`);
});
