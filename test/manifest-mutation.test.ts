// Must show (issue 4): every single-field mutation of a real manifest is
// caught, a whitespace or key-order-only change is not. Exhaustive over the
// real servers of test/fixtures/shared/mcp/benign (README.md there): the 46
// LiveMCPBench servers (icip-cas/LiveMCPBench@a928e57, Apache-2.0), the 14
// docker/mcp-registry servers (@818bf16, MIT), github-mcp-server (@64a49f3,
// MIT) and the captured mcp-proxy servers (jakemannix/mcp-proxy@4384b8a, MIT).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { integrityFindings } from '../checks/manifests/integrity-check.ts';
import { escapePointerToken } from '../checks/manifests/diff.ts';
import { hashTools, type Lockfile, readSnapshot, writePins } from '../checks/manifests/lockfile.ts';
import { parseToolsJson, type ServerManifest, type Tool, validateTools } from '../checks/manifests/manifests.ts';
import type { CheckContext } from '../src/types.ts';
import { Workspace } from '../src/workspace/workspace.ts';
import { BENIGN_DIR, fixtureFiles } from '../scripts/mcp-fixtures.ts';


interface Server {
  id: string;
  tools: Tool[];
}

function realServers(): Server[] {
  const out: Server[] = [];
  for (const f of fixtureFiles()) {
    if (f.registry) for (const s of f.servers) out.push({ id: `${f.name === 'livemcpbench-servers' ? 'lmb' : f.name}-${s.id}`, tools: s.tools });
    else out.push({ id: f.name, tools: parseToolsJson(readFileSync(join(BENIGN_DIR, `${f.name}.json`), 'utf8'), f.name) });
  }
  return out;
}

const SERVERS = realServers();
const root = mkdtempSync(join(tmpdir(), 'mcp-gate-mutation-'));
after(() => rmSync(root, { recursive: true, force: true }));

const lock: Lockfile = { lockfileVersion: 1, servers: {} };
for (const s of SERVERS) {
  const h = hashTools(s.tools);
  lock.servers[s.id] = { source: `${s.id}.tools.json`, sha256: h.sha256, tools: h.tools, pinnedAt: '2026-11-21T00:00:00.000Z' };
}
writePins(root, lock, new Map(SERVERS.map((s) => [s.id, hashTools(s.tools).canonical])));
// The check reads each pinned snapshot once per run; here one run per
// mutation, so the (verified) snapshot read is memoised.
const snapshots = new Map<string, Tool[] | undefined>();
const snapshotOf = (id: string, sha: string, mask: (t: Tool[]) => Tool[]): Tool[] | undefined => {
  if (!snapshots.has(id)) snapshots.set(id, readSnapshot(root, id, sha, mask));
  return snapshots.get(id);
};
const ctx = { root, config: {}, workspace: new Workspace(root), signal: new AbortController().signal, now: new Date(), env: {} } as CheckContext;

function manifestOf(id: string, text: string): ServerManifest {
  const file = `${id}.tools.json`;
  return { id, source: file, file, tools: parseToolsJson(text, file), toolLine: () => undefined };
}

/** Same as manifestOf without the text round trip (validated the same way). */
function manifestOfTools(id: string, tools: Tool[]): ServerManifest {
  const file = `${id}.tools.json`;
  return { id, source: file, file, tools: validateTools(tools, file), toolLine: () => undefined };
}

interface Mutation {
  what: string;
  /** Index of the tool the mutation edits in place (tool-list mutations leave it undefined). */
  index?: number;
  /** Tool concerned (before the change) and JSON pointer inside it, for field changes. */
  tool?: string;
  pointer?: string;
  apply(tools: Tool[]): void;
}

type Json = unknown;

function at(root: Json, path: (string | number)[]): Json {
  let cur = root;
  for (const p of path) cur = (cur as Record<string | number, Json>)[p];
  return cur;
}

function pointerOf(path: (string | number)[]): string {
  return path.map((p) => `/${escapePointerToken(String(p))}`).join('');
}

/** Every single-field mutation of one tool: change each scalar, add/remove/rename each key, add/remove each array entry. */
function toolMutations(tools: Tool[], index: number): Mutation[] {
  const name = (tools[index] as Tool).name;
  const out: Mutation[] = [];
  const walk = (value: Json, path: (string | number)[]): void => {
    const full = [index, ...path];
    const pointer = pointerOf(path);
    const edit = (what: string, fn: (parent: Record<string | number, Json>, key: string | number) => void) => {
      if (path.length === 0) return;
      out.push({
        what: `${name}${pointer}: ${what}`,
        index,
        tool: name,
        pointer,
        apply: (ts) => fn(at(ts, full.slice(0, -1)) as Record<string | number, Json>, full[full.length - 1] as string | number),
      });
    };
    if (typeof value === 'string') edit('string changed', (p, k) => (p[k] = `${value}x`));
    else if (typeof value === 'number') edit('number changed', (p, k) => (p[k] = value + 1 !== value ? value + 1 : -value || 1));
    else if (typeof value === 'boolean') edit('boolean flipped', (p, k) => (p[k] = !value));
    else if (value === null) edit('null replaced', (p, k) => (p[k] = false));
    else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        out.push({ what: `${name}${pointer}/${i}: entry removed`, index, tool: name, pointer, apply: (ts) => (at(ts, full) as Json[]).splice(i, 1) });
        walk(v, [...path, i]);
      });
      out.push({ what: `${name}${pointer}: entry added`, index, tool: name, pointer, apply: (ts) => (at(ts, full) as Json[]).push('mutation') });
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, Json>)) {
        const kp = `${pointer}/${escapePointerToken(k)}`;
        if (!(path.length === 0 && k === 'name')) {
          out.push({ what: `${name}${kp}: key removed`, index, tool: name, pointer: kp, apply: (ts) => delete (at(ts, full) as Record<string, Json>)[k] });
          out.push({
            what: `${name}${kp}: key renamed`,
            index,
            tool: name,
            pointer: kp,
            apply: (ts) => {
              const o = at(ts, full) as Record<string, Json>;
              o[`${k}_`] = o[k];
              delete o[k];
            },
          });
        }
        walk(v, [...path, k]);
      }
      out.push({ what: `${name}${pointer}: key added`, index, tool: name, pointer: `${pointer}/x-mutation`, apply: (ts) => ((at(ts, full) as Record<string, Json>)['x-mutation'] = true) });
    }
  };
  walk(tools[index], []);
  return out;
}

/**
 * Mutations tried per server: all of them while mutations x server size
 * stays under a budget (each mutation hashes the whole server); past it
 * (the largest servers: github-mcp-server, 137 KB and ~17,000 mutations,
 * zscaler, ppt, mcp-server-chart) every k-th of the list, which still spans
 * all their tools and kinds of change.
 */
const BYTES_BUDGET = 150_000_000;
function allMutations(tools: Tool[]): Mutation[] {
  const max = Math.floor(BYTES_BUDGET / JSON.stringify(tools).length);
  const out: Mutation[] = [];
  tools.forEach((t, i) => {
    out.push(...toolMutations(tools, i));
    out.push({ what: `${t.name}: tool removed`, apply: (ts) => ts.splice(i, 1) });
  });
  out.push({ what: 'tool added', apply: (ts) => ts.push({ name: 'zz_added_tool', description: 'added', inputSchema: { type: 'object' } }) });
  if (tools[0]) out.push({ what: 'tool duplicated under a new name', apply: (ts) => ts.push({ ...structuredClone(ts[0] as Tool), name: `${(ts[0] as Tool).name}_copy` }) });
  const step = Math.ceil(out.length / max);
  return step === 1 ? out : out.filter((_, k) => k % step === 0 || k >= out.length - 2);
}

test('real manifests: every single-field mutation is caught and shown at its JSON pointer', () => {
  let count = 0;
  let fieldLevel = 0;
  const start = performance.now();
  assert.ok(SERVERS.filter((s) => s.id.startsWith('lmb-')).length >= 46, 'all LiveMCPBench servers are included');
  for (const s of SERVERS) {
    for (const m of allMutations(s.tools)) {
      // Copy-on-write: only the tool being mutated is cloned.
      const mutated = [...s.tools];
      if (m.index !== undefined) mutated[m.index] = structuredClone(s.tools[m.index] as Tool);
      m.apply(mutated);
      // Every 8th mutation also goes through the JSON text parser, as a file manifest would.
      const manifest = count % 8 === 0 ? manifestOf(s.id, JSON.stringify({ tools: mutated })) : manifestOfTools(s.id, mutated);
      const findings = integrityFindings(ctx, [manifest], lock, snapshotOf);
      count++;
      assert.equal(findings.length, 1, `${s.id}: ${m.what} must be caught`);
      const f = findings[0]!;
      assert.equal(f.ruleId, 'manifest/tampered', `${s.id}: ${m.what}`);
      assert.match(f.message, new RegExp(`expected sha256:${lock.servers[s.id]!.sha256.slice(0, 12)}`));
      if (m.tool !== undefined && m.pointer !== undefined && !(m.pointer === '/name')) {
        // The reviewer sees which tool changed and where.
        assert.equal(f.location.container, m.tool, `${s.id}: ${m.what}`);
        const lines = f.message.split('\n').filter((l) => l.startsWith('  /'));
        const paths = lines.map((l) => l.trim().slice(0, l.trim().indexOf(': ')));
        const ok = paths.some((p) => p === m.pointer || m.pointer!.startsWith(`${p}/`) || p.startsWith(`${m.pointer}/`));
        assert.ok(ok, `${s.id}: ${m.what}: diff paths ${JSON.stringify(paths)} should point at ${m.pointer}`);
        fieldLevel++;
      }
    }
  }
  const ms = performance.now() - start;
  assert.ok(count > 10_000, `exhaustive: ${count} mutations`);
  process.stdout.write(`# ${count} mutations over ${SERVERS.length} servers (${fieldLevel} with field-level diff checked) in ${Math.round(ms)} ms\n`);
});

test('real manifests: a rename shows the removed and the added tool', () => {
  for (const s of SERVERS) {
    const t = s.tools[0];
    if (!t) continue;
    const mutated = structuredClone(s.tools);
    (mutated[0] as Tool).name = `${t.name}_v2`;
    const [f] = integrityFindings(ctx, [manifestOf(s.id, JSON.stringify(mutated))], lock);
    assert.ok(f);
    assert.match(f.message, new RegExp(`removed tool "${t.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    assert.match(f.message, /added tool ".*_v2"/);
  }
});

/** The same JSON with keys in reverse order at every level. */
function reverseKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v as Record<string, Json>)
      .reverse()
      .map(([k, x]) => [k, reverseKeys(x)]),
  );
}

test('real manifests: whitespace, key order and tool order changes are not findings', () => {
  for (const s of SERVERS) {
    const variants = [
      JSON.stringify({ tools: s.tools }),
      JSON.stringify({ tools: s.tools }, null, '\t'),
      JSON.stringify(reverseKeys({ tools: s.tools }), null, 7).replace(/\n/g, '\r\n'),
      JSON.stringify([...s.tools].reverse()),
      JSON.stringify({ jsonrpc: '2.0', id: 1, result: { tools: reverseKeys(s.tools) } }, null, 1),
    ];
    for (const text of variants) assert.deepEqual(integrityFindings(ctx, [manifestOf(s.id, text)], lock), [], s.id);
  }
});
