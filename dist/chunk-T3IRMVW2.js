import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  directoryArg
} from "./chunk-POZA5NS5.js";
import {
  parseFlags
} from "./chunk-S53EXTFC.js";
import {
  USAGE
} from "./chunk-3JVBWD4V.js";
import {
  LOCKFILE,
  SNAPSHOT_FILE,
  ToolJsonError,
  comparePin,
  describeDeltas,
  dynamicRulesOf,
  dynamicViolations,
  hashTools,
  loadManifests,
  maskDynamic,
  preview,
  readLockfile,
  readSnapshot,
  writePins
} from "./chunk-NZX64G7O.js";
import "./chunk-4OVJG3E2.js";
import {
  Workspace
} from "./chunk-SUVOHOKO.js";
import "./chunk-RL6DG25S.js";
import "./chunk-RJCN6M3C.js";
import {
  readConfig
} from "./chunk-357DEUAJ.js";
import "./chunk-ELCXR4WP.js";
import "./chunk-XAOTV5DC.js";
import "./chunk-QFNJ2TLX.js";
import {
  InputError,
  UsageError
} from "./chunk-LAB7SYR4.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";

// src/main/commands/manifest.ts
import { resolve } from "node:path";
var TIME_BUDGET_MS = 12e4;
var MANIFEST_OPTIONS = { config: { type: "string" } };
var manifestCommand = {
  usage: USAGE.manifest,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, MANIFEST_OPTIONS, "manifest");
    const [sub, dir, ...extra] = positionals;
    if (sub !== "pin" && sub !== "diff") throw new UsageError(`manifest needs a subcommand: pin or diff (usage: ${USAGE.manifest})`);
    if (extra.length > 0) throw new UsageError(`manifest ${sub} takes one DIR, got: ${positionals.slice(1).join(" ")}`);
    const ctx = contextFor(dir, values.config, io);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`time budget of ${TIME_BUDGET_MS} ms exceeded`)), TIME_BUDGET_MS);
    timer.unref();
    try {
      const set = await loadManifests({ ...ctx, signal: controller.signal });
      return sub === "pin" ? pin(ctx, set, io) : diff(ctx, set, io);
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }
};
function contextFor(dir, configFlag, io) {
  const root = directoryArg(dir, io);
  const { config, configFile } = readConfig(root, configFlag === void 0 ? void 0 : resolve(io.cwd, configFlag));
  return {
    root,
    config,
    ...configFile ? { configFile } : {},
    workspace: new Workspace(root),
    signal: new AbortController().signal,
    now: /* @__PURE__ */ new Date(),
    env: io.env
  };
}
function printProblems(set, io) {
  for (const p of set.problems) {
    const at = p.location.file ? `${p.location.file}${p.location.line ? `:${p.location.line}` : ""}: ` : "";
    io.stderr(`mcp-gate: ${at}${p.message}
`);
  }
}
function existingLock(root, forPin, io) {
  try {
    return readLockfile(root);
  } catch (err) {
    if (!forPin) throw err;
    io.stderr(`mcp-gate: ${LOCKFILE}: ${err.message}; rebuilding it
`);
    return void 0;
  }
}
function unhashable(m, err, io, writes = false) {
  if (!(err instanceof ToolJsonError)) throw err;
  const line = m.toolLine(err.tool) ?? m.line;
  const at = m.file ? `${m.file}${line ? `:${line}` : ""}: ` : "";
  io.stderr(`mcp-gate: ${at}MCP server "${m.id}": ${err.message}${writes ? "; nothing written" : ""}
`);
  return 2;
}
function pin(ctx, set, io) {
  if (set.problems.length > 0) {
    printProblems(set, io);
    io.stderr(`mcp-gate: ${set.problems.length} server(s) could not be read; nothing written
`);
    return 1;
  }
  const violations = [];
  for (const m of set.servers) {
    try {
      for (const v of dynamicViolations(m.tools, dynamicRulesOf(ctx, m.id))) violations.push({ id: m.id, v });
    } catch (err) {
      return unhashable(m, err, io, true);
    }
  }
  if (violations.length > 0) {
    for (const { id, v } of violations)
      io.stderr(`mcp-gate: server "${id}" tool "${v.tool}": dynamic field ${v.pointer} is ${preview(v.value)}, not one of the allowed values
`);
    io.stderr("mcp-gate: fix the config or the server first; nothing written\n");
    return 1;
  }
  const old = existingLock(ctx.root, true, io);
  const lock = { lockfileVersion: 1, servers: {} };
  const snapshots = /* @__PURE__ */ new Map();
  const pinnedAt = ctx.now.toISOString();
  for (const m of set.servers) {
    const dynamic = dynamicRulesOf(ctx, m.id);
    let h;
    try {
      h = hashTools(maskDynamic(m.tools, dynamic));
      snapshots.set(m.id, dynamic?.length ? hashTools(m.tools).canonical : h.canonical);
    } catch (err) {
      return unhashable(m, err, io, true);
    }
    const prev = old?.servers[m.id];
    const same = prev?.sha256 === h.sha256;
    lock.servers[m.id] = { source: m.source, sha256: h.sha256, tools: h.tools, pinnedAt: same && prev ? prev.pinnedAt : pinnedAt };
    const state = !prev ? "new" : same ? "unchanged" : "changed";
    io.stdout(`${state.padEnd(9)} ${m.id}  sha256:${h.sha256.slice(0, 12)}  ${m.tools.length} tool(s)  ${m.source}
`);
  }
  for (const id of Object.keys(old?.servers ?? {})) if (!lock.servers[id]) io.stdout(`removed   ${id}  (no longer in the deployment)
`);
  try {
    writePins(ctx.root, lock, snapshots);
  } catch (err) {
    io.stderr(`mcp-gate: cannot write ${LOCKFILE}: ${err.code ?? err.message}; the previous lockfile is unchanged
`);
    return 2;
  }
  io.stdout(`wrote ${LOCKFILE} (${set.servers.length} server(s)); review and commit it with .mcp-gate/manifests.snapshot.json
`);
  return 0;
}
function diff(ctx, set, io) {
  printProblems(set, io);
  let lock;
  try {
    lock = existingLock(ctx.root, false, io);
  } catch (err) {
    const e = err;
    io.stderr(`mcp-gate: ${e.file ?? LOCKFILE}: ${e.message}
`);
    return 1;
  }
  let differences = 0;
  const out = [];
  let snapshotRefused = false;
  const snapshot = (id, sha, mask) => {
    try {
      return readSnapshot(ctx.root, id, sha, mask);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      if (!snapshotRefused) io.stderr(`mcp-gate: ${SNAPSHOT_FILE}: ${err.message}; field-level diffs are unavailable
`);
      snapshotRefused = true;
      return void 0;
    }
  };
  for (const m of set.servers) {
    const pinEntry = lock?.servers[m.id];
    if (!pinEntry) {
      differences++;
      out.push(`+ ${m.id} (${m.source}): not pinned, ${m.tools.length} tool(s): ${m.tools.map((t) => t.name).join(", ")}`);
      continue;
    }
    const dynamic = dynamicRulesOf(ctx, m.id);
    let c;
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
    for (const line of describeDeltas(c, { maxChanges: 200, maxTools: 1e3, width: 240 })) out.push(`    ${line}`);
  }
  for (const id of Object.keys(lock?.servers ?? {}))
    if (!set.servers.some((s) => s.id === id) && !set.problems.some((p) => p.location.resource === `McpServer/${id}`)) {
      differences++;
      out.push(`- ${id}: pinned but no longer in the deployment`);
    }
  if (!lock) out.push(`(no ${LOCKFILE} yet: run "mcp-gate manifest pin")`);
  io.stdout(`${out.join("\n")}
`);
  return differences > 0 || set.problems.length > 0 ? 1 : 0;
}
export {
  MANIFEST_OPTIONS,
  manifestCommand
};
