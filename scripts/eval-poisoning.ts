// `npm run eval:poisoning`: precision, recall and false-positive rate of the
// manifest/poisoned rule on the shared fixture data (test/fixtures/shared/mcp):
//   poisoned: MCP-SafetyBench dev split (117, by attack_category) and the
//             mcp-shield examples;
//   benign:   LiveMCPBench's 46 servers (one deployment) and the captured
//             official servers (another deployment).
// Detection = a BLOCK manifest/poisoned verdict for the tool.
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
//
// Held-out split: a stable hash of (source, tool) puts ~30% of records in a
// hold-out set that was not read while the signals were designed; figures
// are printed for design, hold-out and all.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tool } from '../checks/manifests/manifests.ts';
import { assessTool, DeploymentIndex, type Verdict } from '../checks/manifests/poisoning/score.ts';

const DATA = join(import.meta.dirname, '..', 'test', 'fixtures', 'shared', 'mcp');

export interface Case {
  id: string;
  category: string;
  split: 'design' | 'holdout';
  /** Why the case cannot be detected from a manifest, when it cannot. */
  undetectable?: string;
  verdict?: Verdict;
}

export interface BenignCase {
  id: string;
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

function split(key: string): 'design' | 'holdout' {
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

function assessIn(servers: { id: string; tools: Tool[] }[], serverId: string, toolName: string): Verdict {
  const index = new DeploymentIndex(servers.flatMap((s) => s.tools.map((t) => ({ server: s.id, name: t.name, description: typeof t.description === 'string' ? t.description : undefined }))));
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
    const c: Case = { id: `safetybench#${i + 1} ${r.tool_name}`, category: r.attack_category, split: split(`${r.source}\0${r.tool_name}`) };
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
    const c: Case = { id: `mcp-shield#${i + 1} ${s.name}`, category: 'mcp-shield', split: split(`shield\0${i}`) };
    if (s.label.includes('inputSchema')) {
      c.undetectable = 'poisoned through inputSchema parameters that the record does not include';
      cases.push(c);
      return;
    }
    const tool: Tool = { name: s.name, description: s.description, inputSchema: { type: 'object' } };
    c.verdict = assessIn([whatsapp, { id: 'mcp-shield', tools: [tool] }], 'mcp-shield', s.name);
    cases.push(c);
  });
  return cases;
}

export function benignDeployments(): { name: string; servers: { id: string; tools: Tool[] }[]; unseen?: boolean }[] {
  const live = JSON.parse(readFileSync(join(DATA, 'benign', 'livemcpbench-servers.json'), 'utf8')) as { tools: Record<string, { tools: Tool[] }> }[];
  const liveServers = live.flatMap((e) => Object.entries(e.tools).map(([id, v]) => ({ id, tools: v.tools })));
  const official: { id: string; tools: Tool[] }[] = [];
  for (const f of readdirSync(join(DATA, 'benign')).sort()) {
    if (f === 'livemcpbench-servers.json' || !f.endsWith('.json')) continue;
    const d = JSON.parse(readFileSync(join(DATA, 'benign', f), 'utf8')) as { tools: Tool[] };
    official.push({ id: f.replace(/\.json$/, ''), tools: d.tools });
  }
  const shield = readFileSync(join(DATA, 'poisoned', 'mcp_shield_examples.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { name: string; description: string; label: string })
    .filter((s) => s.label.startsWith('benign'))
    .map((s) => ({ name: s.name, description: s.description }));
  return [
    { name: 'livemcpbench', servers: liveServers },
    { name: 'official', servers: official },
    { name: 'mcp-shield-benign', servers: [{ id: 'mcp-shield', tools: shield }] },
    { name: 'unseen', servers: unseenBenign(), unseen: true },
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
    const index = new DeploymentIndex(d.servers.flatMap((s) => s.tools.map((t) => ({ server: s.id, name: t.name, description: typeof t.description === 'string' ? t.description : undefined }))));
    for (const s of d.servers) for (const t of s.tools) out.push({ id: `${d.name}/${s.id}/${t.name}`, unseen: d.unseen === true, verdict: assessTool(s.id, t, index) });
  }
  return out;
}

export interface CategoryFigures {
  category: string;
  total: number;
  detectable: number;
  detected: number;
  /** detected / detectable. */
  recall: number;
}

export interface Evaluation {
  categories: CategoryFigures[];
  overall: { total: number; detectable: number; detected: number; recall: number; recallAll: number };
  bySplit: Record<'design' | 'holdout', { detectable: number; detected: number; recall: number }>;
  benign: { total: number; blocked: number; warned: number; fpr: number; unseenTotal: number; unseenBlocked: number };
  precision: number;
  missed: Case[];
  falsePositives: BenignCase[];
  warnings: BenignCase[];
}

export function evaluate(placement: Placement = 'separate'): Evaluation {
  const cases = poisonedCases(placement);
  const benign = benignCases();
  const blocked = (v?: Verdict): boolean => v?.severity === 'block';
  const cats = [...new Set(cases.map((c) => c.category))];
  const categories = cats.map((category) => {
    const cs = cases.filter((c) => c.category === category);
    const det = cs.filter((c) => !c.undetectable);
    const detected = det.filter((c) => blocked(c.verdict)).length;
    return { category, total: cs.length, detectable: det.length, detected, recall: det.length ? detected / det.length : Number.NaN };
  });
  const detectable = cases.filter((c) => !c.undetectable);
  const detected = detectable.filter((c) => blocked(c.verdict)).length;
  const bySplit = Object.fromEntries(
    (['design', 'holdout'] as const).map((s) => {
      const d = detectable.filter((c) => c.split === s);
      const n = d.filter((c) => blocked(c.verdict)).length;
      return [s, { detectable: d.length, detected: n, recall: n / d.length }];
    }),
  ) as Evaluation['bySplit'];
  const fps = benign.filter((b) => blocked(b.verdict));
  const warns = benign.filter((b) => b.verdict.severity === 'warning');
  return {
    categories,
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
  return `score ${v.score}: ${v.hits.map((h) => `${h.signal}(${h.weight}) "${h.quote.slice(0, 70)}"`).join('; ')}`;
}

if (import.meta.main) {
  const t0 = performance.now();
  const placement: Placement = process.argv.includes('--same-server') ? 'same-server' : 'separate';
  const e = evaluate(placement);
  console.log(`placement of added tools: ${placement}${placement === 'separate' ? ' (use --same-server for the strictest reading)' : ''}`);
  const ms = performance.now() - t0;
  const verbose = process.argv.includes('--verbose');
  console.log('manifest/poisoned evaluation (BLOCK = detected)\n');
  console.log(`${'category'.padEnd(48)} total  manifest-detectable  detected  recall`);
  for (const c of e.categories)
    console.log(`${c.category.padEnd(48)} ${String(c.total).padStart(5)}  ${String(c.detectable).padStart(19)}  ${String(c.detected).padStart(8)}  ${pct(c.recall)}`);
  console.log(`\nrecall (manifest-detectable): ${e.overall.detected}/${e.overall.detectable} = ${pct(e.overall.recall)}`);
  console.log(`recall (all poisoned records, incl. undetectable): ${e.overall.detected}/${e.overall.total} = ${pct(e.overall.recallAll)}`);
  console.log(`  design split:   ${e.bySplit.design.detected}/${e.bySplit.design.detectable} = ${pct(e.bySplit.design.recall)}`);
  console.log(`  held-out split: ${e.bySplit.holdout.detected}/${e.bySplit.holdout.detectable} = ${pct(e.bySplit.holdout.recall)}`);
  console.log(`false-positive rate (BLOCK on benign): ${e.benign.blocked}/${e.benign.total} = ${pct(e.benign.fpr)}; warnings on benign: ${e.benign.warned}`);
  console.log(`  of which benign data not used in design: ${e.benign.unseenBlocked}/${e.benign.unseenTotal} blocked`);
  console.log(`precision: ${pct(e.precision)}`);
  console.log(`(${ms.toFixed(0)} ms)`);
  if (e.missed.length) console.log('\nmissed:');
  for (const c of e.missed) console.log(`  ${c.split} ${c.id} [${c.category}] ${verbose ? why(c.verdict) : `score ${c.verdict?.score}`}`);
  if (e.falsePositives.length) console.log('\nfalse positives:');
  for (const b of e.falsePositives) console.log(`  ${b.id} ${why(b.verdict)}`);
  if (verbose && e.warnings.length) {
    console.log('\nwarnings on benign:');
    for (const b of e.warnings) console.log(`  ${b.id} ${why(b.verdict)}`);
  }
}
