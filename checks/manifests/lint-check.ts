// MCP manifest linter (seed 000 control 1, test case 1): tool poisoning
// (manifest/poisoned) and permissive input schemas (manifest/permissive-schema).
// Offline and deterministic: every string a model sees is normalised and
// matched against general signals (./poisoning/), combined per tool;
// each finding names the signals, the field and a quoted excerpt.
import { type Lockfile, readLockfile, sha256Hex } from './lockfile.ts';
import { loadManifests, type ServerManifest, type Tool } from './manifests.ts';
import { assessServerText, assessTool, DeploymentIndex, type Verdict } from './poisoning/score.ts';
import { MAX_NODES } from './poisoning/strings.ts';
import { excerpt } from './poisoning/text.ts';
import { lintInputSchema, PROBLEM_TEXT, type SchemaProblemKind } from './schema-lint.ts';
import type { Check, CheckContext, CheckResult, Location, RawFinding } from '../../src/types.ts';
import { canonicalJson } from '../../src/util/canonical-json.ts';

/** At most this many hits are spelled out in a message. */
const MAX_HITS_IN_MESSAGE = 4;

/** A field path or parameter name for a message: shortened, control characters stripped. */
function shortPath(p: string): string {
  const q = p.length > 80 ? `${p.slice(0, 38)}…${p.slice(-38)}` : p;
  return excerpt(q, 0, q.length, 90);
}

function label(name: string): string {
  return JSON.stringify(excerpt(name, 0, name.length, 60));
}

export function poisonedFinding(server: ServerManifest, tool: Tool, v: Verdict, loc: Location): RawFinding {
  return verdictFinding(`tool ${label(tool.name)} of MCP server "${server.id}"`, v, loc, '');
}

/** A manifest/poisoned finding on `subject` ("tool "x" of MCP server "s"", "the instructions of ..."). */
function verdictFinding(subject: string, v: Verdict, loc: Location, keyPrefix: string): RawFinding {
  const shown = v.hits.slice(0, MAX_HITS_IN_MESSAGE).map((h) => `${h.signal} (+${h.weight}) in ${shortPath(h.path)}: "${h.quote}"`);
  const more = v.hits.length > MAX_HITS_IN_MESSAGE ? `; and ${v.hits.length - MAX_HITS_IN_MESSAGE} more signal(s)` : '';
  return {
    ruleId: 'manifest/poisoned',
    severity: v.severity!,
    message: `${subject} reads as ${v.severity === 'block' ? 'poisoned' : 'suspicious'} (score ${v.score}): ${shown.join('; ')}${more}`,
    location: loc,
    // The set of signal categories: stable across reformatting, new if the text gains a new kind of signal.
    key: keyPrefix + v.hits.map((h) => h.signal).sort().join('+'),
  };
}

/** The server's `instructions`, which the client shows the model as it shows tool descriptions. */
function instructionsFindings(server: ServerManifest, index: DeploymentIndex): RawFinding[] {
  const text = server.instructions;
  if (text === undefined) return [];
  const loc: Location = { ...(server.file ? { file: server.file } : {}), ...(server.line ? { line: server.line } : {}), resource: `McpServer/${server.id}` };
  if (typeof text !== 'string')
    return [
      {
        ruleId: 'gate/check-failed',
        message: `manifest-lint: MCP server "${server.id}": instructions is of type ${Array.isArray(text) ? 'array' : text === null ? 'null' : typeof text}, expected a string (MCP schema); it was not reviewed`,
        location: loc,
        key: 'bad-field:instructions',
      },
    ];
  const v = assessServerText(server.id, 'instructions', text, index);
  return v.severity ? [verdictFinding(`the instructions of MCP server "${server.id}"`, v, loc, 'instructions:')] : [];
}

/** One finding per tool, listing each kind of problem with its parameters: a reviewer fixes a tool's schema in one place. */
function schemaFindings(server: ServerManifest, tool: Tool, loc: Location): RawFinding[] {
  const problems = lintInputSchema(tool.inputSchema ?? tool.parameters);
  if (problems.length === 0) return [];
  // Parameters by kind, kinds in order of first appearance.
  const byKind = new Map<SchemaProblemKind, string[]>();
  for (const p of problems) {
    const params = byKind.get(p.kind);
    if (params) params.push(p.param);
    else byKind.set(p.kind, [p.param]);
  }
  const parts = [...byKind].map(([kind, params]) => {
    const list = params.slice(0, 6).map((p) => shortPath(p)).join(', ') + (params.length > 6 ? `, … (${params.length} in all)` : '');
    return `${PROBLEM_TEXT[kind]}${kind === 'no-schema' ? '' : `: ${list}`}`;
  });
  return [{ ruleId: 'manifest/permissive-schema', message: `tool ${label(tool.name)} of MCP server "${server.id}": ${parts.join('; ')}`, location: loc, key: 'inputSchema' }];
}

function failed(server: ServerManifest, tool: Tool, loc: Location, what: string, key: string): RawFinding {
  return { ruleId: 'gate/check-failed', message: `manifest-lint: tool ${label(tool.name)} of MCP server "${server.id}": ${what}`, location: loc, key };
}

/**
 * Is a tool pinned in the lockfile with the hash it has now? The pinned tool
 * of a look-alike or copy pair is the trusted original; the finding goes on
 * the other. Hashed only when asked (a look-alike pair is rare).
 */
export function pinnedIn(lock: Lockfile, servers: readonly ServerManifest[]): (server: string, name: string) => boolean {
  const byServer = new Map(servers.map((s) => [s.id, s]));
  const memo = new Map<string, boolean>();
  return (server, name) => {
    const pinned = lock.servers[server]?.tools[name];
    if (pinned === undefined) return false;
    const key = `${server}\u0000${name}`;
    let v = memo.get(key);
    if (v === undefined) {
      const tool = byServer.get(server)?.tools.find((t) => t.name === name);
      v = tool !== undefined && sha256Hex(canonicalJson(tool)) === pinned;
      memo.set(key, v);
    }
    return v;
  };
}

export function lintServers(servers: readonly ServerManifest[], lock?: Lockfile): { findings: RawFinding[]; tools: number } {
  const findings: RawFinding[] = [];
  const index = new DeploymentIndex(
    servers.flatMap((s) => s.tools.map((t) => ({ server: s.id, name: t.name, description: typeof t.description === 'string' ? t.description : undefined }))),
  );
  if (lock) index.pinned = pinnedIn(lock, servers);
  let tools = 0;
  for (const server of servers) {
    const resource = `McpServer/${server.id}`;
    findings.push(...instructionsFindings(server, index));
    for (const tool of server.tools) {
      tools++;
      let line: number | undefined;
      try {
        line = server.toolLine(tool.name);
      } catch {
        line = undefined;
      }
      const loc: Location = { ...(server.file ? { file: server.file } : {}), ...(line ? { line } : {}), resource, container: tool.name };
      try {
        const v = assessTool(server.id, tool, index);
        for (const b of v.collected.badFields) {
          findings.push(
            failed(server, tool, loc, `${b.path} is of type ${b.got}, expected ${b.path === 'title' || b.path === 'description' ? 'a string' : 'an object'} (MCP schema); it was not reviewed`, `bad-field:${b.path}`),
          );
        }
        if (v.collected.truncated) findings.push(failed(server, tool, loc, `definition has more than ${MAX_NODES} schema nodes; only the first were reviewed`, 'too-large'));
        if (v.severity) findings.push(poisonedFinding(server, tool, v, loc));
        findings.push(...schemaFindings(server, tool, loc));
      } catch (err) {
        findings.push(failed(server, tool, loc, `could not be linted: ${(err as Error).message}`, 'lint-error'));
      }
    }
  }
  return { findings, tools };
}

export const manifestLintCheck: Check = {
  id: 'manifest-lint',
  rules: ['manifest/poisoned', 'manifest/permissive-schema', 'gate/check-failed'],
  workerGroup: 'manifests',
  async run(ctx: CheckContext): Promise<CheckResult> {
    const { servers, problems } = await loadManifests(ctx);
    if (servers.length === 0 && problems.length === 0) return { findings: [], skipped: true, detail: 'no MCP tool manifests' };
    // The lockfile only tells which of a look-alike pair is the pinned original; when it
    // cannot be read, the manifest integrity check reports it, and the linter blames as without one.
    let lock: Lockfile | undefined;
    try {
      lock = readLockfile(ctx.root);
    } catch {
      lock = undefined;
    }
    const { findings, tools } = lintServers(servers, lock);
    const blocked = findings.filter((f) => f.ruleId === 'manifest/poisoned' && f.severity === 'block').length;
    return {
      findings: [...problems, ...findings],
      detail: `${tools} tool(s) of ${servers.length} MCP server(s) linted; ${blocked} poisoned${problems.length ? `; ${problems.length} manifest(s) unreadable` : ''}`,
    };
  },
};
