// `mcp-gate manifest pin [DIR]` registers/refreshes the pins of every MCP
// server of the deployment in .mcp-gate/manifests.lock.json (atomically);
// `mcp-gate manifest diff [DIR]` shows what changed against it (read-only).
import { resolve } from 'node:path';
import { parseFlags } from '../args.ts';
import { directoryArg } from '../directory.ts';
import { dynamicRulesOf, type SnapshotReader } from '../../../checks/manifests/integrity-check.ts';
import { readConfig } from '../../config/load.ts';
import { InputError, UsageError } from '../../util/errors.ts';
import { comparePin, describeDeltas, dynamicViolations, maskDynamic, preview } from '../../../checks/manifests/diff.ts';
import {
  hashTools,
  LOCKFILE,
  type Lockfile,
  type PinnedServer,
  readLockfile,
  readSnapshot,
  SNAPSHOT_FILE,
  ToolJsonError,
  writePins,
} from '../../../checks/manifests/lockfile.ts';
import { loadManifests, type ManifestSet, type ServerManifest } from '../../../checks/manifests/manifests.ts';
import type { CheckContext } from '../../types.ts';
import { Workspace } from '../../workspace/workspace.ts';
import type { CliIO } from '../io.ts';
import type { Command } from './command.ts';
import { USAGE } from './usage.ts';

const TIME_BUDGET_MS = 120_000;

export const MANIFEST_OPTIONS = { config: { type: 'string' } } as const;

export const manifestCommand: Command = {
  usage: USAGE.manifest,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, MANIFEST_OPTIONS, 'manifest');
    const [sub, dir, ...extra] = positionals;
    if (sub !== 'pin' && sub !== 'diff') throw new UsageError(`manifest needs a subcommand: pin or diff (usage: ${USAGE.manifest})`);
    if (extra.length > 0) throw new UsageError(`manifest ${sub} takes one DIR, got: ${positionals.slice(1).join(' ')}`);
    const ctx = contextFor(dir, values.config, io);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`time budget of ${TIME_BUDGET_MS} ms exceeded`)), TIME_BUDGET_MS);
    timer.unref();
    try {
      const set = await loadManifests({ ...ctx, signal: controller.signal });
      return sub === 'pin' ? pin(ctx, set, io) : diff(ctx, set, io);
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  },
};

function contextFor(dir: string | undefined, configFlag: string | undefined, io: CliIO): CheckContext {
  const root = directoryArg(dir, io);
  const { config, configFile } = readConfig(root, configFlag === undefined ? undefined : resolve(io.cwd, configFlag));
  return {
    root,
    config,
    ...(configFile ? { configFile } : {}),
    workspace: new Workspace(root),
    signal: new AbortController().signal,
    now: new Date(),
    env: io.env,
  };
}

function printProblems(set: ManifestSet, io: CliIO): void {
  for (const p of set.problems) {
    const at = p.location.file ? `${p.location.file}${p.location.line ? `:${p.location.line}` : ''}: ` : '';
    io.stderr(`mcp-gate: ${at}${p.message}\n`);
  }
}

/** Existing lockfile, or undefined (with a note) when it is unusable: pin rebuilds it. */
function existingLock(root: string, forPin: boolean, io: CliIO): Lockfile | undefined {
  try {
    return readLockfile(root);
  } catch (err) {
    if (!forPin) throw err;
    io.stderr(`mcp-gate: ${LOCKFILE}: ${(err as Error).message}; rebuilding it\n`);
    return undefined;
  }
}

/** A tool with no canonical JSON (ToolJsonError) ends the command: one line naming file, line, tool and field; exit 2. Anything else is rethrown. */
function unhashable(m: ServerManifest, err: unknown, io: CliIO, writes = false): number {
  if (!(err instanceof ToolJsonError)) throw err;
  const line = m.toolLine(err.tool) ?? m.line;
  const at = m.file ? `${m.file}${line ? `:${line}` : ''}: ` : '';
  io.stderr(`mcp-gate: ${at}MCP server "${m.id}": ${err.message}${writes ? '; nothing written' : ''}\n`);
  return 2;
}

function pin(ctx: CheckContext, set: ManifestSet, io: CliIO): number {
  if (set.problems.length > 0) {
    printProblems(set, io);
    io.stderr(`mcp-gate: ${set.problems.length} server(s) could not be read; nothing written\n`);
    return 1;
  }
  const violations: { id: string; v: ReturnType<typeof dynamicViolations>[number] }[] = [];
  for (const m of set.servers) {
    try {
      for (const v of dynamicViolations(m.tools, dynamicRulesOf(ctx, m.id))) violations.push({ id: m.id, v });
    } catch (err) {
      return unhashable(m, err, io, true);
    }
  }
  if (violations.length > 0) {
    for (const { id, v } of violations)
      io.stderr(`mcp-gate: server "${id}" tool "${v.tool}": dynamic field ${v.pointer} is ${preview(v.value)}, not one of the allowed values\n`);
    io.stderr('mcp-gate: fix the config or the server first; nothing written\n');
    return 1;
  }
  const old = existingLock(ctx.root, true, io);
  const lock: Lockfile = { lockfileVersion: 1, servers: {} };
  const snapshots = new Map<string, readonly string[]>();
  const pinnedAt = ctx.now.toISOString();
  for (const m of set.servers) {
    const dynamic = dynamicRulesOf(ctx, m.id);
    let h: ReturnType<typeof hashTools>;
    try {
      h = hashTools(maskDynamic(m.tools, dynamic));
      // The snapshot keeps the raw tools (dynamic fields unmasked).
      snapshots.set(m.id, dynamic?.length ? hashTools(m.tools).canonical : h.canonical);
    } catch (err) {
      return unhashable(m, err, io, true);
    }
    const prev = old?.servers[m.id];
    const same = prev?.sha256 === h.sha256;
    lock.servers[m.id] = { source: m.source, sha256: h.sha256, tools: h.tools, pinnedAt: same && prev ? prev.pinnedAt : pinnedAt };
    const state = !prev ? 'new' : same ? 'unchanged' : 'changed';
    io.stdout(`${state.padEnd(9)} ${m.id}  sha256:${h.sha256.slice(0, 12)}  ${m.tools.length} tool(s)  ${m.source}\n`);
  }
  for (const id of Object.keys(old?.servers ?? {})) if (!lock.servers[id]) io.stdout(`removed   ${id}  (no longer in the deployment)\n`);
  try {
    writePins(ctx.root, lock, snapshots);
  } catch (err) {
    // Each file is written to a temp file and renamed: the old lockfile is intact.
    io.stderr(`mcp-gate: cannot write ${LOCKFILE}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; the previous lockfile is unchanged\n`);
    return 2;
  }
  io.stdout(`wrote ${LOCKFILE} (${set.servers.length} server(s)); review and commit it with .mcp-gate/manifests.snapshot.json\n`);
  return 0;
}

function diff(ctx: CheckContext, set: ManifestSet, io: CliIO): number {
  printProblems(set, io);
  let lock: Lockfile | undefined;
  try {
    lock = existingLock(ctx.root, false, io);
  } catch (err) {
    const e = err as InputError;
    io.stderr(`mcp-gate: ${e.file ?? LOCKFILE}: ${e.message}\n`);
    return 1;
  }
  let differences = 0;
  const out: string[] = [];
  let snapshotRefused = false;
  const snapshot: SnapshotReader = (id, sha, mask) => {
    try {
      return readSnapshot(ctx.root, id, sha, mask);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      if (!snapshotRefused) io.stderr(`mcp-gate: ${SNAPSHOT_FILE}: ${err.message}; field-level diffs are unavailable\n`);
      snapshotRefused = true;
      return undefined;
    }
  };
  for (const m of set.servers) {
    const pinEntry: PinnedServer | undefined = lock?.servers[m.id];
    if (!pinEntry) {
      differences++;
      out.push(`+ ${m.id} (${m.source}): not pinned, ${m.tools.length} tool(s): ${m.tools.map((t) => t.name).join(', ')}`);
      continue;
    }
    const dynamic = dynamicRulesOf(ctx, m.id);
    let c: ReturnType<typeof comparePin>;
    try {
      c = comparePin(m.tools, pinEntry, dynamic, () => snapshot(m.id, pinEntry.sha256, (t) => maskDynamic(t, dynamic)));
    } catch (err) {
      return unhashable(m, err, io);
    }
    if (c.matches) {
      out.push(`= ${m.id}: unchanged (sha256:${c.actual.slice(0, 12)})`);
      continue;
    }
    differences++;
    out.push(`~ ${m.id} (${m.source}): pinned sha256:${c.expected.slice(0, 12)}, now sha256:${c.actual.slice(0, 12)}`);
    for (const line of describeDeltas(c, { maxChanges: 200, maxTools: 1000, width: 240 })) out.push(`    ${line}`);
  }
  for (const id of Object.keys(lock?.servers ?? {}))
    if (!set.servers.some((s) => s.id === id) && !set.problems.some((p) => p.location.resource === `McpServer/${id}`)) {
      differences++;
      out.push(`- ${id}: pinned but no longer in the deployment`);
    }
  if (!lock) out.push(`(no ${LOCKFILE} yet: run "mcp-gate manifest pin")`);
  io.stdout(`${out.join('\n')}\n`);
  return differences > 0 || set.problems.length > 0 ? 1 : 0;
}
