// trivy artifact reports: what the parser accepts, what it refuses, and the
// message a refused report gets (the field's path and what was wrong there).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseTrivy } from '../checks/reports/parsers/trivy.ts';
import { InputError } from '../src/util/errors.ts';

const BASE = join(import.meta.dirname, 'fixtures/shared/reports/trivy');
// biome-ignore lint/suspicious/noExplicitAny: raw fixture JSON, mutated field by field
type J = Record<string, any>;
const alpine = (): J => JSON.parse(readFileSync(join(BASE, 'alpine-310.json.golden'), 'utf8'));

test('a refused report names the field and what was wrong with it', () => {
  const cases: [string, (r: J) => void, string][] = [
    ['SchemaVersion 3', (r) => (r.SchemaVersion = 3), 'SchemaVersion: unsupported trivy SchemaVersion (supported: 2)'],
    ['empty id', (r) => (r.Results[0].Vulnerabilities[0].VulnerabilityID = ''), 'Results[0].Vulnerabilities[0].VulnerabilityID: Too small: expected string to have >=1 characters'],
    ['number for a string', (r) => (r.Results[0].Vulnerabilities[0].PkgName = 1), 'Results[0].Vulnerabilities[0].PkgName: Invalid input: expected string, received number'],
    ['object for a list', (r) => (r.Results = {}), 'Results: Invalid input: expected array, received object'],
    ['missing Target', (r) => delete r.Results[0].Target, 'Results[0].Target: Invalid input: expected string, received undefined'],
    ['a list entry that is not an object', (r) => (r.Results[0].Vulnerabilities = [{ VulnerabilityID: 'a', PkgName: 'b' }, 'not an object']), 'Results[0].Vulnerabilities[1]: Invalid input: expected object, received string'],
  ];
  for (const [name, mutate, message] of cases) {
    const r = alpine();
    mutate(r);
    assert.throws(
      () => parseTrivy(r, 'r.json'),
      (e) => e instanceof InputError && e.message === `r.json: not a valid trivy JSON report: ${message}`,
      name,
    );
  }
});

test('optional fields may be null or missing, and unknown fields are ignored', () => {
  const want = parseTrivy(alpine(), 'r.json').entries;
  assert.equal(want.length, 4);
  const r = alpine();
  r.ArtifactName = null;
  r.Results[0].Class = null;
  r.Results[0].Vulnerabilities[0].PkgPath = null;
  r.Results[0].Vulnerabilities[0].Extra = { nested: [1, 2] };
  r.Unknown = 'x';
  assert.deepEqual(parseTrivy(r, 'r.json').entries, want);
  const noSeverity = alpine();
  noSeverity.Results[0].Vulnerabilities[0].Severity = null;
  const [first] = parseTrivy(noSeverity, 'r.json').entries;
  assert.equal(first && 'severity' in first, false);
  assert.deepEqual(parseTrivy({ SchemaVersion: 2, Results: null }, 'r.json').entries, []);
  assert.deepEqual(parseTrivy({ SchemaVersion: 2 }, 'r.json').entries, []);
});
