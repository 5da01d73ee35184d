// `npm run eval:poisoning`: precision, recall and false-positive rate of the
// manifest/poisoned rule on the shared fixture data (test/fixtures/shared/mcp),
// per source, per category (the source's own attack labels) and per split:
//   poisoned: MCP-SafetyBench dev split (117, by attack_category), the
//             mcp-shield examples, MSB (msb-dev.jsonl, by attack_type);
//   benign:   LiveMCPBench's 46 servers (one deployment), the captured
//             official servers (another), docker/mcp-registry (14 servers,
//             one deployment), github-mcp-server (one server).
// Detection = a BLOCK manifest/poisoned verdict for the tool; warnings are
// counted separately.
//
// How poisoned tools are placed in a deployment (conservative on purpose):
// - "modification" records replace the tool's own description inside a
//   victim server that also holds every sibling tool the attacks mention,
//   so references to those tools count as same-server (normal), never as
//   cross-server or unknown references;
// - "addition" records are a new server added next to the victim server
//   (the MCP-SafetyBench threat model for shadowing/overlapping tools).
// The victim's original descriptions are reconstructed from the records:
// the text common to every modification of that tool (or its first sentence).
// MSB records carry their deployment (test/fixtures/shared/README.md).
//
// Splits. MCP-SafetyBench and mcp-shield: a stable hash of (source, tool)
// put ~30% of records in a hold-out set (design/holdout), since read (see
// docs/poisoning.md). The sources added by issue 18 (MSB,
// docker-mcp-registry-dev, github-mcp-server) have a frozen split decided
// before any tuning (frozenSplit): about half is "held-out", never printed
// tool by tool unless --reveal-held-out is given, and its figures are shown
// only with that flag.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tool } from '../checks/manifests/manifests.ts';
import { assessTool, DeploymentIndex, type Verdict } from '../checks/manifests/poisoning/score.ts';
import { fixtureFiles, MCP_FIXTURES } from './mcp-fixtures.ts';

const DATA = MCP_FIXTURES;

/** design/holdout: the first sources' split (both parts read since); tuning/held-out: the frozen split of the new sources; seen: no split. */
export type Split = 'design' | 'holdout' | 'tuning' | 'held-out' | 'seen';

/**
 * The frozen split of the sources added for issue 18, decided before tuning:
 * SHA-256 of the seed and the record id (MSB: `msb/<deployment.id>/<tool>`;
 * benign: `<source>/<server>/<tool>`), first byte >= 128 is held out.
 * Never change the seed: the held-out part would no longer be unseen.
 */
export const SPLIT_SEED = 'mcp-gate issue 18 split v1';
function splitHash(id: string): Buffer {
  return createHash('sha256').update(`${SPLIT_SEED}\0${id}`).digest();
}
export function frozenSplit(id: string): 'tuning' | 'held-out' {
  return splitHash(id)[0]! >= 128 ? 'held-out' : 'tuning';
}
/**
 * The same, stratified, for a small source (MSB: 26 records, where the plain
 * hash gave 7 tuning / 19 held-out and left categories without a tuning
 * record): within each category, records in order of their hash, the first
 * half (rounded down) tuning, the rest held-out.
 */
export function stratifiedSplit(records: { id: string; category: string }[]): Map<string, 'tuning' | 'held-out'> {
  const out = new Map<string, 'tuning' | 'held-out'>();
  for (const category of new Set(records.map((r) => r.category))) {
    const ids = records.filter((r) => r.category === category).map((r) => r.id);
    ids.sort((a, b) => Buffer.compare(splitHash(a), splitHash(b)));
    for (let k = 0; k < ids.length; k++) out.set(ids[k]!, k < Math.floor(ids.length / 2) ? 'tuning' : 'held-out');
  }
  return out;
}

export interface Case {
  id: string;
  /** Data source: safetybench, mcp-shield, msb. */
  source: string;
  category: string;
  split: Split;
  /** Why the case cannot be detected from a manifest, when it cannot. */
  undetectable?: string;
  verdict?: Verdict;
}

export interface BenignCase {
  id: string;
  /** Deployment / data source it comes from. */
  source: string;
  split: Split;
  /** From the data not looked at while designing the signals. */
  unseen: boolean;
  verdict: Verdict;
}

/** Sibling tools of the MCP-Universe servers the benchmark attacks (names only). */
const SIBLINGS: Record<string, string[]> = {
  browser_automation: ['playwright_navigate', 'playwright_screenshot', 'playwright_click', 'playwright_fill', 'playwright_get_visible_text'],
  financial_analysis: [
    'get_historical_stock_prices',
    'get_stock_info',
    'get_yahoo_finance_news',
    'get_stock_actions',
    'get_financial_statement',
    'get_holder_info',
    'get_option_expiration_dates',
    'get_option_chain',
    'get_recommendations',
  ],
  location_navigation: ['maps_geocode', 'maps_reverse_geocode', 'maps_search_places', 'maps_place_details', 'maps_distance_matrix', 'maps_elevation', 'maps_directions'],
  repository_management: ['create_repository', 'fork_repository', 'search_repositories', 'get_file_contents', 'get_me', 'list_branches', 'create_branch', 'list_commits'],
  web_search: ['search', 'fetch'],
};

interface SafetyRecord {
  source: string;
  kind: 'modification' | 'addition';
  attack_category: string;
  tool_name: string;
  description: string | null;
}

function split(key: string): Split {
  return createHash('sha256').update(key).digest()[0]! < 179 ? 'design' : 'holdout';
}

function domainOf(source: string): string {
  return source.split('/').slice(-2, -1)[0] ?? 'unknown';
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

function firstSentence(s: string): string {
  const m = /^[\s\S]*?[.!?](?=\s|$)/.exec(s);
  return m ? m[0] : s;
}

/** Original description of a victim tool: text shared by all modifications, cut at a sentence end. */
function originalDescriptions(records: SafetyRecord[]): Map<string, string> {
  const by = new Map<string, string[]>();
  for (const r of records) if (r.kind === 'modification' && typeof r.description === 'string') by.set(r.tool_name, [...(by.get(r.tool_name) ?? []), r.description]);
  const out = new Map<string, string>();
  for (const [name, descs] of by) {
    if (descs.length < 2) {
      out.set(name, firstSentence(descs[0]!));
      continue;
    }
    const prefix = descs.reduce(commonPrefix);
    const cut = prefix.lastIndexOf('. ');
    out.set(name, cut > 0 ? prefix.slice(0, cut + 1) : firstSentence(descs[0]!));
  }
  return out;
}

function victimServer(domain: string, originals: Map<string, string>, records: SafetyRecord[]): Tool[] {
  const names = new Set(SIBLINGS[domain] ?? []);
  for (const r of records) if (r.kind === 'modification' && domainOf(r.source) === domain) names.add(r.tool_name);
  return [...names].map((name) => ({ name, description: originals.get(name) ?? `The ${name.replace(/_/g, ' ')} operation.`, inputSchema: { type: 'object' } }));
}

function indexOf(servers: { id: string; tools: Tool[] }[]): DeploymentIndex {
  return new DeploymentIndex(servers.flatMap((s) => s.tools.map((t) => ({ server: s.id, name: t.name, description: typeof t.description === 'string' ? t.description : undefined }))));
}

function assessIn(servers: { id: string; tools: Tool[] }[], serverId: string, toolName: string): Verdict {
  const index = indexOf(servers);
  const server = servers.find((s) => s.id === serverId)!;
  return assessTool(serverId, server.tools.find((t) => t.name === toolName)!, index);
}

/**
 * `separate` (default): "addition" records form a new server next to the victim.
 * `same-server`: the added tool joins the victim server itself (a compromised
 * server), so its references to the victim's tools are same-server references
 * and clones/copycat names are not cross-server: the strictest reading.
 */
export type Placement = 'separate' | 'same-server';

export function poisonedCases(placement: Placement = 'separate'): Case[] {
  const records = readFileSync(join(DATA, 'poisoned', 'mcp-safetybench-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SafetyRecord);
  const originals = originalDescriptions(records);
  const cases: Case[] = [];
  records.forEach((r, i) => {
    const domain = domainOf(r.source);
    const c: Case = { id: `safetybench#${i + 1} ${r.tool_name}`, source: 'safetybench', category: r.attack_category, split: split(`${r.source}\0${r.tool_name}`) };
    if (typeof r.description !== 'string') {
      c.undetectable = 'no description in the record: the injection is in the tool result at run time, not in the manifest';
      cases.push(c);
      return;
    }
    const victim = victimServer(domain, originals, records);
    const poisoned: Tool = { name: r.tool_name, description: r.description, inputSchema: { type: 'object' } };
    if (r.kind === 'modification') {
      const tools = victim.map((t) => (t.name === r.tool_name ? poisoned : t));
      c.verdict = assessIn([{ id: domain, tools }], domain, r.tool_name);
    } else if (placement === 'same-server') {
      c.verdict = assessIn([{ id: domain, tools: [...victim.filter((t) => t.name !== r.tool_name), poisoned] }], domain, r.tool_name);
    } else {
      c.verdict = assessIn(
        [
          { id: domain, tools: victim },
          { id: `added-${domain}`, tools: [poisoned] },
        ],
        `added-${domain}`,
        r.tool_name,
      );
    }
    cases.push(c);
  });
  const shield = readFileSync(join(DATA, 'poisoned', 'mcp_shield_examples.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { name: string; description: string; label: string });
  const whatsapp = { id: 'mcp_whatsapp', tools: [{ name: 'send_message', description: 'Send a WhatsApp message to a recipient.' }, { name: 'list_chats', description: 'List WhatsApp chats.' }] };
  shield.forEach((s, i) => {
    if (!s.label.startsWith('poisoned')) return;
    const c: Case = { id: `mcp-shield#${i + 1} ${s.name}`, source: 'mcp-shield', category: 'mcp-shield', split: split(`shield\0${i}`) };
    if (s.label.includes('inputSchema')) {
      c.undetectable = 'poisoned through inputSchema parameters that the record does not include';
      cases.push(c);
      return;
    }
    const tool: Tool = { name: s.name, description: s.description, inputSchema: { type: 'object' } };
    c.verdict = assessIn([whatsapp, { id: 'mcp-shield', tools: [tool] }], 'mcp-shield', s.name);
    cases.push(c);
  });
  cases.push(...msbCases());
  return cases;
}

interface MsbRecord {
  source: string;
  server: string;
  attack_type: string;
  attack_task?: string;
  tool: Tool;
  deployment: { id: string; benign_servers: string[]; placement: 'own-server' | 'in-benign-server' };
}

function msbData(): { records: MsbRecord[]; benign: Record<string, { tools: Tool[] }> } {
  const records = readFileSync(join(DATA, 'poisoned', 'msb-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as MsbRecord);
  const benign = JSON.parse(readFileSync(join(DATA, 'poisoned', 'msb-dev-benign-servers.json'), 'utf8')) as Record<string, { tools: Tool[] }>;
  return { records, benign };
}

/**
 * The benign servers' tools inside each MSB attack-server deployment: the
 * originals that the attack tools copy or imitate. Blocking them would fail
 * the trusted server along with the attacker's.
 */
export function originalsInAttackedDeployments(): BenignCase[] {
  const { records, benign } = msbData();
  const out: BenignCase[] = [];
  for (const id of new Set(records.filter((r) => r.deployment.placement === 'own-server').map((r) => r.deployment.id))) {
    const rs = records.filter((r) => r.deployment.id === id);
    const d = rs[0]!.deployment;
    const servers = [...d.benign_servers.map((s) => ({ id: s, tools: benign[s]!.tools })), { id: rs[0]!.server, tools: rs.map((r) => r.tool) }];
    const index = indexOf(servers);
    for (const s of servers.slice(0, -1))
      for (const t of s.tools) out.push({ id: `${id}/${s.id}/${t.name}`, source: 'msb-originals', split: 'seen', unseen: false, verdict: assessTool(s.id, t, index) });
  }
  return out;
}

/** The MSB attacks, each assessed in the deployment the record describes (placement is the record's, not an option). */
function msbCases(): Case[] {
  const { records, benign } = msbData();
  const idOf = (r: MsbRecord): string => `msb/${r.deployment.id}/${r.tool.name}`;
  const splits = stratifiedSplit(records.map((r) => ({ id: idOf(r), category: r.attack_type })));
  return records.map((r) => {
    const d = r.deployment;
    const others = d.benign_servers.map((id) => ({ id, tools: benign[id]!.tools }));
    let home: Tool[];
    if (d.placement === 'own-server') home = records.filter((x) => x.deployment.id === d.id).map((x) => x.tool);
    else {
      const original = benign[r.server]!.tools;
      home = original.some((t) => t.name === r.tool.name) ? original.map((t) => (t.name === r.tool.name ? r.tool : t)) : [...original, r.tool];
    }
    const id = idOf(r);
    return {
      id,
      source: 'msb',
      category: r.attack_type,
      split: splits.get(id)!,
      verdict: assessIn([...others.filter((o) => o.id !== r.server), { id: r.server, tools: home }], r.server, r.tool.name),
    };
  });
}

export interface BenignDeployment {
  /** Source of the data (the figures are given per source). */
  name: string;
  servers: { id: string; tools: Tool[] }[];
  unseen?: boolean;
  /** A source added with the frozen tuning/held-out split. */
  split?: boolean;
}

/** The benign fixture files that form deployments of their own (new sources, with a frozen split). */
const OWN_DEPLOYMENT = new Set(['livemcpbench-servers', 'docker-mcp-registry-dev', 'github-mcp-server']);
const SPLIT_SOURCES = new Set(['docker-mcp-registry-dev', 'github-mcp-server']);

export function benignDeployments(): BenignDeployment[] {
  const files = fixtureFiles();
  const official = files.filter((f) => !OWN_DEPLOYMENT.has(f.name)).flatMap((f) => f.servers);
  const own = (name: string): BenignDeployment => ({ name: name === 'livemcpbench-servers' ? 'livemcpbench' : name, servers: files.find((f) => f.name === name)!.servers, ...(SPLIT_SOURCES.has(name) ? { split: true } : {}) });
  const shield = readFileSync(join(DATA, 'poisoned', 'mcp_shield_examples.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { name: string; description: string; label: string })
    .filter((s) => s.label.startsWith('benign'))
    .map((s) => ({ name: s.name, description: s.description }));
  return [
    own('livemcpbench-servers'),
    { name: 'official', servers: official },
    { name: 'mcp-shield-benign', servers: [{ id: 'mcp-shield', tools: shield }] },
    { name: 'unseen', servers: unseenBenign(), unseen: true },
    own('docker-mcp-registry-dev'),
    own('github-mcp-server'),
  ];
}

/**
 * Benign tools never looked at while the signals were designed: tools/list of
 * the 2026.8.31 server-everything and server-filesystem packages (captured
 * live) and the tool examples of the MCP specification 2026-07-28.
 */
function unseenBenign(): { id: string; tools: Tool[] }[] {
  const captured = join(import.meta.dirname, '..', 'test', 'fixtures', 'poisoning', 'benign-captured');
  const out = readdirSync(captured)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ id: f.replace(/\.json$/, ''), tools: (JSON.parse(readFileSync(join(captured, f), 'utf8')) as { tools: Tool[] }).tools }));
  const spec = join(DATA, 'spec', '2026-07-28', 'Tool');
  const examples = new Map<string, Tool>();
  for (const f of readdirSync(spec).sort()) {
    const t = JSON.parse(readFileSync(join(spec, f), 'utf8')) as Tool;
    if (!examples.has(t.name)) examples.set(t.name, t);
  }
  out.push({ id: 'spec-examples', tools: [...examples.values()] });
  return out;
}

export function benignCases(): BenignCase[] {
  const out: BenignCase[] = [];
  for (const d of benignDeployments()) {
    const index = indexOf(d.servers);
    for (const s of d.servers)
      for (const t of s.tools) {
        const id = `${d.name}/${s.id}/${t.name}`;
        out.push({ id, source: d.name, split: d.split ? frozenSplit(id) : 'seen', unseen: d.unseen === true, verdict: assessTool(s.id, t, index) });
      }
  }
  return out;
}

export interface CategoryFigures {
  source: string;
  category: string;
  total: number;
  detectable: number;
  detected: number;
  /** detected / detectable. */
  recall: number;
  /** Detectable and detected per split part. */
  bySplit: Partial<Record<Split, { detectable: number; detected: number }>>;
}

export interface BenignFigures {
  source: string;
  total: number;
  blocked: number;
  warned: number;
  bySplit: Partial<Record<Split, { total: number; blocked: number; warned: number }>>;
}

export interface Evaluation {
  categories: CategoryFigures[];
  /** One row per poisoned source (category "all"). */
  sources: CategoryFigures[];
  overall: { total: number; detectable: number; detected: number; recall: number; recallAll: number };
  bySplit: Partial<Record<Split, { detectable: number; detected: number; recall: number }>>;
  benign: { total: number; blocked: number; warned: number; fpr: number; unseenTotal: number; unseenBlocked: number };
  benignSources: BenignFigures[];
  precision: number;
  missed: Case[];
  falsePositives: BenignCase[];
  warnings: BenignCase[];
}

const blocked = (v?: Verdict): boolean => v?.severity === 'block';

function figures(source: string, category: string, cs: Case[]): CategoryFigures {
  const det = cs.filter((c) => !c.undetectable);
  const detected = det.filter((c) => blocked(c.verdict)).length;
  const bySplit: CategoryFigures['bySplit'] = {};
  for (const c of det) {
    const f = (bySplit[c.split] ??= { detectable: 0, detected: 0 });
    f.detectable++;
    if (blocked(c.verdict)) f.detected++;
  }
  return { source, category, total: cs.length, detectable: det.length, detected, recall: det.length ? detected / det.length : Number.NaN, bySplit };
}

export function evaluate(placement: Placement = 'separate'): Evaluation {
  const cases = poisonedCases(placement);
  const benign = benignCases();
  const sources = [...new Set(cases.map((c) => c.source))];
  const categories = sources.flatMap((source) => {
    const cs = cases.filter((c) => c.source === source);
    return [...new Set(cs.map((c) => c.category))].map((category) => figures(source, category, cs.filter((c) => c.category === category)));
  });
  const detectable = cases.filter((c) => !c.undetectable);
  const detected = detectable.filter((c) => blocked(c.verdict)).length;
  const bySplit: Evaluation['bySplit'] = {};
  for (const s of ['design', 'holdout', 'tuning', 'held-out'] as const) {
    const d = detectable.filter((c) => c.split === s);
    const n = d.filter((c) => blocked(c.verdict)).length;
    if (d.length) bySplit[s] = { detectable: d.length, detected: n, recall: n / d.length };
  }
  const fps = benign.filter((b) => blocked(b.verdict));
  const warns = benign.filter((b) => b.verdict.severity === 'warning');
  const benignSources = [...new Set(benign.map((b) => b.source))].map((source) => {
    const bs = benign.filter((b) => b.source === source);
    const f: BenignFigures = { source, total: bs.length, blocked: 0, warned: 0, bySplit: {} };
    for (const b of bs) {
      const p = (f.bySplit[b.split] ??= { total: 0, blocked: 0, warned: 0 });
      p.total++;
      if (blocked(b.verdict)) {
        f.blocked++;
        p.blocked++;
      } else if (b.verdict.severity === 'warning') {
        f.warned++;
        p.warned++;
      }
    }
    return f;
  });
  return {
    categories,
    sources: sources.map((source) => figures(source, 'all', cases.filter((c) => c.source === source))),
    overall: { total: cases.length, detectable: detectable.length, detected, recall: detected / detectable.length, recallAll: detected / cases.length },
    bySplit,
    benign: {
      total: benign.length,
      blocked: fps.length,
      warned: warns.length,
      fpr: fps.length / benign.length,
      unseenTotal: benign.filter((b) => b.unseen).length,
      unseenBlocked: fps.filter((b) => b.unseen).length,
    },
    benignSources,
    precision: detected / (detected + fps.length),
    missed: detectable.filter((c) => !blocked(c.verdict)),
    falsePositives: fps,
    warnings: warns,
  };
}

function pct(x: number): string {
  return Number.isNaN(x) ? '  n/a' : `${(x * 100).toFixed(1).padStart(5)}%`;
}

function why(v: Verdict | undefined): string {
  if (!v) return '';
  return `score ${v.score}: ${v.hits.map((h) => `${h.signal}(${h.weight}) ${h.path} "${h.quote.slice(0, 70)}"`).join('; ')}`;
}

function ratio(n: number, d: number): string {
  return d === 0 ? '-' : `${n}/${d} ${pct(n / d).trim()}`;
}

if (import.meta.main) {
  const t0 = performance.now();
  const placement: Placement = process.argv.includes('--same-server') ? 'same-server' : 'separate';
  const reveal = process.argv.includes('--reveal-held-out');
  const verbose = process.argv.includes('--verbose');
  const e = evaluate(placement);
  const ms = performance.now() - t0;
  const parts = (['design', 'holdout', 'tuning', 'held-out'] as const).filter((p) => reveal || p !== 'held-out');
  // Figures of the held-out parts with --reveal-held-out; its tools one by one only with --list-held-out.
  const hidden = (split: Split): boolean => split === 'held-out' && !process.argv.includes('--list-held-out');
  console.log(`placement of added tools: ${placement}${placement === 'separate' ? ' (use --same-server for the strictest reading)' : ''}`);
  console.log(`held-out parts of the new sources: ${reveal ? 'REVEALED' : 'hidden (--reveal-held-out shows them; only once tuning is over)'}`);
  console.log('manifest/poisoned evaluation (BLOCK = detected)\n');
  console.log(`${'source / category'.padEnd(58)} total detectable  all              ${parts.map((p) => p.padEnd(16)).join(' ')}`);
  for (const c of [...e.categories, ...e.sources]) {
    const row = parts.map((p) => {
      const f = c.bySplit[p];
      return (f ? ratio(f.detected, f.detectable) : '').padEnd(16);
    });
    const all = c.bySplit['held-out'] && !reveal ? '(held-out hidden)' : ratio(c.detected, c.detectable);
    console.log(`${`${c.source} / ${c.category}`.padEnd(58)} ${String(c.total).padStart(5)} ${String(c.detectable).padStart(10)}  ${all.padEnd(16)} ${row.join(' ')}`);
  }
  const heldOutPoisoned = e.bySplit['held-out'];
  if (reveal || !heldOutPoisoned) {
    console.log(`\nrecall (manifest-detectable): ${e.overall.detected}/${e.overall.detectable} = ${pct(e.overall.recall)}`);
    console.log(`recall (all poisoned records, incl. undetectable): ${e.overall.detected}/${e.overall.total} = ${pct(e.overall.recallAll)}`);
  } else {
    const d = e.overall.detectable - heldOutPoisoned.detectable;
    const n = e.overall.detected - heldOutPoisoned.detected;
    console.log(`\nrecall without the held-out parts (manifest-detectable): ${n}/${d} = ${pct(n / d)}`);
  }
  for (const p of parts) {
    const f = e.bySplit[p];
    if (f) console.log(`  ${p.padEnd(9)} ${f.detected}/${f.detectable} = ${pct(f.recall)}`);
  }
  console.log(`\nbenign tools (BLOCK = false block; warnings separately)`);
  console.log(`${'source'.padEnd(28)} ${'tools'.padStart(5)}  blocked  warned   ${parts.filter((p) => p !== 'design' && p !== 'holdout').map((p) => `${p} (blocked/warned of tools)`.padEnd(30)).join(' ')}`);
  for (const b of e.benignSources) {
    const hide = b.bySplit['held-out'] !== undefined && !reveal;
    const split = (['tuning', 'held-out'] as const)
      .filter((p) => reveal || p !== 'held-out')
      .map((p) => {
        const f = b.bySplit[p];
        return (f ? `${f.blocked}/${f.warned} of ${f.total}` : '').padEnd(30);
      });
    console.log(`${b.source.padEnd(28)} ${String(b.total).padStart(5)}  ${(hide ? '-' : String(b.blocked)).padStart(7)}  ${(hide ? '-' : String(b.warned)).padStart(6)}   ${split.join(' ')}`);
  }
  const shown = e.benignSources.map((b) => (b.bySplit['held-out'] && !reveal ? { ...b, ...b.bySplit.tuning!, total: b.bySplit.tuning?.total ?? 0 } : b));
  const total = shown.reduce((n, b) => n + b.total, 0);
  const fp = shown.reduce((n, b) => n + b.blocked, 0);
  const warned = shown.reduce((n, b) => n + b.warned, 0);
  console.log(`false blocks${reveal ? '' : ' (without the held-out parts)'}: ${fp}/${total} = ${pct(fp / total)}; warnings: ${warned}`);
  console.log(`  of which benign data not used in design: ${e.benign.unseenBlocked}/${e.benign.unseenTotal} blocked`);
  const originals = originalsInAttackedDeployments();
  const origBlocked = originals.filter((b) => blocked(b.verdict));
  console.log(`benign originals inside the MSB attack deployments (not in the figures above): ${origBlocked.length}/${originals.length} blocked, ${originals.filter((b) => b.verdict.severity === 'warning').length} warned`);
  if (verbose) for (const b of originals.filter((x) => x.verdict.severity)) console.log(`  ${b.verdict.severity} ${b.id} ${why(b.verdict)}`);
  if (reveal) console.log(`precision: ${pct(e.precision)}`);
  console.log(`(${ms.toFixed(0)} ms)`);
  const missed = e.missed.filter((c) => !hidden(c.split));
  if (missed.length) console.log('\nmissed:');
  for (const c of missed) console.log(`  ${c.split} ${c.id} [${c.category}] ${verbose ? why(c.verdict) : `score ${c.verdict?.score}`}`);
  const fps = e.falsePositives.filter((b) => !hidden(b.split));
  if (fps.length) console.log('\nfalse blocks:');
  for (const b of fps) console.log(`  ${b.split === 'seen' ? '' : `${b.split} `}${b.id} ${why(b.verdict)}`);
  const warns = e.warnings.filter((b) => !hidden(b.split));
  if (verbose && warns.length) {
    console.log('\nwarnings on benign:');
    for (const b of warns) console.log(`  ${b.split === 'seen' ? '' : `${b.split} `}${b.id} ${why(b.verdict)}`);
  }
}
