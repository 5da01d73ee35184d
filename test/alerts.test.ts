// `mcp-gate alerts init` and the Sigma rules of the four behavioural alerts
// (seed 003 HD-06), checked against the seed's audit-log fields.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { siemProbeCheck } from '../checks/probes/siem-check.ts';
import { ALERTS, DEFAULT_THRESHOLDS } from '../checks/probes/sigma.ts';
import { parseYamlDocuments } from '../src/workspace/yaml.ts';
import { runCli } from './cli-run.ts';
import { makeCtx, removeDir, tempDir } from './probe-support.ts';

/** The structured audit log of seed 003 (auditLog entry fields). */
const SEED_FIELDS = new Set(['timestamp', 'eventType', 'agentId', 'agentRole', 'sessionId', 'toolName', 'paramsHash', 'outcome', 'sourceIP', 'durationMs', 'serverId']);
const LEVELS = new Set(['informational', 'low', 'medium', 'high', 'critical']);

let dir: string;
before(() => {
  dir = tempDir('alerts-cli');
});
after(() => removeDir(dir));

type Doc = Record<string, unknown>;
const docsOf = (text: string, name: string) => parseYamlDocuments(text, name).map((d) => d.value as Doc);

test('four alerts, valid Sigma shape, only seed audit-log fields, unique ids', () => {
  assert.deepEqual(ALERTS.map((a) => a.title), ['Unauthorized tool attempt', 'Burst invocation pattern', 'Session duration anomaly', 'Auth failure spike']);
  const ids = new Set<string>();
  for (const a of ALERTS) {
    const docs = docsOf(a.render(DEFAULT_THRESHOLDS), a.name);
    const names = new Set(docs.map((d) => d.name).filter(Boolean));
    assert.deepEqual(docs.map((d) => d.id), [...a.ids]);
    for (const d of docs) {
      assert.match(String(d.id), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.ok(!ids.has(String(d.id)));
      ids.add(String(d.id));
      assert.ok(typeof d.title === 'string' && LEVELS.has(String(d.level)), a.name);
      if (d.detection) {
        const det = d.detection as Record<string, Record<string, unknown> | string>;
        assert.equal(det.condition, 'selection');
        for (const key of Object.keys(det.selection as object)) assert.ok(SEED_FIELDS.has(key.split('|')[0] as string), `${a.name}: ${key}`);
        assert.deepEqual(d.logsource && { product: (d.logsource as Doc).product, service: (d.logsource as Doc).service }, { product: 'mcp', service: 'audit' });
      } else {
        const c = d.correlation as Doc;
        assert.equal(c.type, 'event_count');
        assert.equal(c.timespan, '60s');
        for (const r of c.rules as string[]) assert.ok(names.has(r), `${a.name}: correlation refers to ${r}`);
        for (const g of c['group-by'] as string[]) assert.ok(SEED_FIELDS.has(g));
      }
    }
  }
});

test('thresholds: any DENIED tool call; 3x baseline in 60 s; 2x median duration; 3 auth failures in 60 s', () => {
  const t = { baselinePerMinute: 25, medianSessionMs: 90_000 };
  const docs = ALERTS.map((a) => docsOf(a.render(t), a.name));
  const part = (alert: number, doc: number, key: string) => (docs[alert] as Doc[])[doc]?.[key] as Doc;
  assert.deepEqual(part(0, 0, 'detection').selection, { eventType: 'TOOL_INVOKED', outcome: 'DENIED' });
  assert.equal(part(0, 0, 'level'), 'critical');
  assert.deepEqual(part(1, 1, 'correlation').condition, { gte: 75 });
  assert.deepEqual(part(2, 0, 'detection').selection, { eventType: 'SESSION_ENDED', 'durationMs|gte': 180_000 });
  assert.deepEqual(part(3, 0, 'detection').selection, { eventType: 'AUTH_FAILURE' });
  assert.deepEqual(part(3, 1, 'correlation').condition, { gte: 3 });
  assert.deepEqual(part(3, 1, 'correlation')['group-by'], ['agentId']);
});

const cli = (args: string[]) => runCli(args);

test('CLI: alerts init writes the four files, refuses to overwrite without --force, and the gate then finds them', async () => {
  const r = await cli(['alerts', 'init', dir, '--baseline-per-minute', '30']);
  assert.equal(r.code, 0, r.stderr);
  for (const a of ALERTS) assert.ok(existsSync(join(dir, 'siem/sigma', `${a.name}.yml`)));
  assert.match(readFileSync(join(dir, 'siem/sigma/mcp-burst-invocation.yml'), 'utf8'), /gte: 90\n/);
  const again = await cli(['alerts', 'init', dir]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /refusing to overwrite .* \(use --force\)/);
  assert.equal((await cli(['alerts', 'init', dir, '--force'])).code, 0);
  const check = await siemProbeCheck.run(makeCtx(dir, {}));
  assert.deepEqual(check.findings.filter((f) => f.ruleId === 'siem/alert-rules-missing'), []);
});

test('CLI: bad arguments are usage errors (exit 2)', async () => {
  for (const args of [['alerts'], ['alerts', 'list'], ['alerts', 'init', dir, '--baseline-per-minute', '0'], ['alerts', 'init', join(dir, 'nope')]]) {
    const r = await cli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^mcp-gate: /);
    assert.ok(!r.stderr.includes('    at '), 'no stack trace');
  }
});
