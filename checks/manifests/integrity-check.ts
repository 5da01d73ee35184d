// MCP tool manifest integrity (seed 000 controls 2 and 3; gate row "Tool
// manifest not hashed and registered in manifest integrity store"): every
// server's tools must match their pin in .mcp-gate/manifests.lock.json, and
// no two servers may expose the same tool name (shadowing). Read-only: the
// lockfile is written by `mcp-gate manifest pin`, never by `check`.
import type { ServerConfig } from '../../src/config/schema.ts';
import { InputError } from '../../src/util/errors.ts';
import { comparePin, describeDeltas, maskDynamic } from './diff.ts';
import { LOCKFILE, type Lockfile, readLockfile, readSnapshot, SNAPSHOT_FILE, ToolJsonError } from './lockfile.ts';
import { loadManifests, type ServerManifest, type Tool } from './manifests.ts';
import type { Check, CheckContext, CheckResult, Location, RawFinding } from '../../src/types.ts';

/** MCP spec tool-name rules: 1-128 characters of A-Z a-z 0-9 _ - . */
export const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
export const PREFIX_SEPARATOR = '__';

/** Location of a server (or one of its tools); a file manifest without a better line points at line 1. */
function where(m: ServerManifest, tool?: string, lineOfTool?: string): Location {
  const at = tool ?? lineOfTool;
  const line = (at !== undefined ? m.toolLine(at) : undefined) ?? m.line ?? (m.file ? 1 : undefined);
  return {
    ...(m.file ? { file: m.file } : {}),
    ...(line ? { line } : {}),
    resource: `McpServer/${m.id}`,
    ...(tool !== undefined ? { container: tool } : {}),
  };
}

export function dynamicRulesOf(ctx: CheckContext, id: string): ServerConfig['dynamic'] {
  return ctx.config.mcp?.servers?.find((s) => s.id === id)?.dynamic;
}

/** manifest/unregistered and manifest/tampered for every server. */
export type SnapshotReader = (id: string, pinnedSha: string, mask: (tools: Tool[]) => Tool[]) => Tool[] | undefined;

export function integrityFindings(
  ctx: CheckContext,
  servers: readonly ServerManifest[],
  lock: Lockfile | undefined,
  snapshotOf: SnapshotReader = (id, sha, mask) => readSnapshot(ctx.root, id, sha, mask),
): RawFinding[] {
  const out: RawFinding[] = [];
  let snapshotRefused = false;
  const snapshot: SnapshotReader = (id, sha, mask) => {
    try {
      return snapshotOf(id, sha, mask);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      if (!snapshotRefused)
        out.push({
          ruleId: 'gate/check-failed',
          message: `${SNAPSHOT_FILE}: ${err.message}; field-level diffs of changed tools are unavailable`,
          location: { file: SNAPSHOT_FILE, line: err.line ?? 1 },
          key: 'snapshot',
        });
      snapshotRefused = true;
      return undefined;
    }
  };
  for (const m of servers) {
    const pin = lock?.servers[m.id];
    if (!pin) {
      out.push({
        ruleId: 'manifest/unregistered',
        message: `MCP server "${m.id}" (${m.source}, ${m.tools.length} tool${m.tools.length === 1 ? '' : 's'}) has no pin in ${LOCKFILE}`,
        location: where(m),
      });
      continue;
    }
    const dynamic = dynamicRulesOf(ctx, m.id);
    let c: ReturnType<typeof comparePin>;
    try {
      c = comparePin(m.tools, pin, dynamic, () => snapshot(m.id, pin.sha256, (t) => maskDynamic(t, dynamic)));
    } catch (err) {
      if (!(err instanceof ToolJsonError)) throw err;
      out.push({
        ruleId: 'gate/check-failed',
        message: `MCP server "${m.id}" (${m.source}): ${err.message}; its pin cannot be verified`,
        location: where(m, err.tool),
        key: 'unhashable',
      });
      continue;
    }
    if (c.matches) continue;
    const one = c.tools.length === 1 && c.violations.length === 0 ? c.tools[0]?.name : undefined;
    const oneViolation = c.tools.length === 0 && c.violations.length === 1 ? c.violations[0]?.tool : undefined;
    const tool = one ?? oneViolation;
    const summary =
      c.expected === c.actual
        ? `a dynamic field has a value the config does not allow`
        : `manifest hash differs from its pin: expected sha256:${c.expected.slice(0, 12)}…, actual sha256:${c.actual.slice(0, 12)}…`;
    const lines = describeDeltas(c);
    out.push({
      ruleId: 'manifest/tampered',
      message: `MCP server "${m.id}" (${m.source}): ${summary}${lines.length ? `\n${lines.join('\n')}` : ''}`,
      // One tool concerned (even a removed one): it is the container.
      // Several: no container; the line is that of the first changed tool still present.
      location: where(m, tool, c.tools.find((t) => t.kind !== 'removed')?.name),
    });
  }
  return out;
}

/** manifest/name-collision: one tool name from two servers, or invalid prefixed names. */
export function collisionFindings(ctx: CheckContext, servers: readonly ServerManifest[]): RawFinding[] {
  const out: RawFinding[] = [];
  const prefix = ctx.config.mcp?.namespacing === 'prefix';
  const exposed = new Map<string, { server: ServerManifest; tool: string }[]>();
  for (const m of servers)
    for (const t of m.tools) {
      const name = prefix ? `${m.id}${PREFIX_SEPARATOR}${t.name}` : t.name;
      if (prefix && !TOOL_NAME.test(name)) {
        out.push({
          ruleId: 'manifest/name-collision',
          message: `MCP server "${m.id}": prefixed tool name ${JSON.stringify(name.length > 140 ? `${name.slice(0, 140)}…` : name)} breaks the MCP tool-name rules (1-128 characters of A-Z, a-z, 0-9, _, -, .; it has ${name.length})`,
          location: where(m, t.name),
          key: 'invalid-prefixed-name',
        });
      }
      const list = exposed.get(name) ?? [];
      list.push({ server: m, tool: t.name });
      exposed.set(name, list);
    }
  for (const [name, list] of exposed) {
    if (list.length < 2) continue;
    for (const { server, tool } of list) {
      const others = list.filter((o) => o.server !== server).map((o) => `"${o.server.id}"${o.tool !== tool ? ` (tool "${o.tool}")` : ''}`);
      out.push({
        ruleId: 'manifest/name-collision',
        message: `tool "${name}" of MCP server "${server.id}" is also exposed by server ${others.join(', ')}: one can shadow the other${prefix ? ' even with prefixed names' : ''}`,
        location: where(server, tool),
        key: 'collision',
      });
    }
  }
  return out;
}

export const manifestIntegrityCheck: Check = {
  id: 'manifest',
  rules: ['manifest/unregistered', 'manifest/tampered', 'manifest/name-collision', 'gate/check-failed'],
  workerGroup: 'manifests',
  async run(ctx): Promise<CheckResult> {
    const set = await loadManifests(ctx);
    const findings: RawFinding[] = [...set.problems];
    let lock: Lockfile | undefined;
    let lockProblem = false;
    try {
      lock = readLockfile(ctx.root);
    } catch (err) {
      const e = err instanceof InputError ? err : new InputError((err as Error).message, LOCKFILE);
      lockProblem = true;
      findings.push({
        ruleId: 'gate/check-failed',
        message: `${LOCKFILE}: ${e.message}; no manifest can be verified against its pin`,
        location: { file: LOCKFILE, ...(e.line ? { line: e.line } : {}) },
        key: 'lockfile',
      });
    }
    if (set.servers.length === 0 && set.problems.length === 0 && !lockProblem)
      return { findings, skipped: true, detail: 'no MCP tool manifests (*.tools.json or mcp.servers)' };
    if (!lockProblem) findings.push(...integrityFindings(ctx, set.servers, lock));
    findings.push(...collisionFindings(ctx, set.servers));
    const tools = set.servers.reduce((n, s) => n + s.tools.length, 0);
    const stale = lock ? Object.keys(lock.servers).filter((id) => !set.servers.some((s) => s.id === id) && !set.problems.some((p) => p.location.resource === `McpServer/${id}`)) : [];
    return {
      findings,
      detail: `${set.servers.length} server(s), ${tools} tool(s) checked against ${lock ? LOCKFILE : 'no lockfile'}${stale.length ? `; pins without a server: ${stale.join(', ')}` : ''}`,
    };
  },
};
