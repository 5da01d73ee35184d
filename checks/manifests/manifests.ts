// MCP tool manifests of the deployment: every server's tools/list, from
// files (SPEC.md discovery: *.tools.json and mcp.servers[].manifest), from
// stdio servers (`command`) and remote servers (`url`), acquired live
// (checks/common/mcp-client.ts). Every manifest check sees the same servers through
// loadManifests(), memoised per workspace, so a server is started once.
import { realpathSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import { configDocument } from '../common/config-document.ts';
import type { ServerConfig } from '../../src/config/schema.ts';
import { commandSource } from '../common/server-source.ts';
import { InputError } from '../../src/util/errors.ts';
import type { CheckContext, RawFinding } from '../../src/types.ts';
import type { Workspace } from '../../src/workspace/workspace.ts';
import { lineOf } from '../../src/workspace/yaml.ts';

export interface Tool {
  name: string;
  [field: string]: unknown;
}

export interface ServerManifest {
  /** Server id: config `id`, or the file name without `.tools.json`. */
  id: string;
  /** Lockfile `source`: repository-relative file, `stdio:<command>` or the URL. */
  source: string;
  /** Repository-relative file, for file manifests (findings point at it). */
  file?: string;
  tools: Tool[];
  /** 1-based line where a tool's definition starts in `file`, when known. */
  toolLine(name: string): number | undefined;
  /** How the manifest was obtained (absent = file, for older callers). */
  kind?: 'file' | 'stdio' | 'url';
  /** The `mcp.servers[]` entry, for configured servers. */
  config?: ServerConfig;
  /** Line of the server's entry in the config file (stdio/url servers: where findings point). */
  line?: number;
  /** Protocol revision a live server spoke (2025-11-25, 2026-07-28, ...). */
  protocolVersion?: string;
  /** The server's `instructions` (initialize / server/discover, or in the file): shown to the model. Unchecked type. */
  instructions?: unknown;
}

export interface ManifestSet {
  servers: ServerManifest[];
  /** gate/check-failed findings for manifests that could not be read. */
  problems: RawFinding[];
}

export const TOOLS_SUFFIX = '.tools.json';

/**
 * Accepted shapes (SPEC.md): a tools/list result {"tools": [...]}, a JSON-RPC
 * response wrapping it ({"result": {"tools": [...]}}) or a bare array.
 */
export function parseToolsJson(text: string, file: string): Tool[] {
  return parseManifestJson(text, file).tools;
}

/**
 * parseToolsJson, and the server's `instructions` when the document carries
 * them (an initialize result merged in, `{"tools": [...], "instructions": ...}`,
 * or the same under `result`): text the client also shows the model. Any
 * value is kept, so that one of the wrong type is reported, not dropped.
 */
export function parseManifestJson(text: string, file: string): { tools: Tool[]; instructions?: unknown } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not valid JSON: ${jsonErrorText(err)}`, file, jsonErrorLine(text, err));
  }
  const tools = toolsOf(doc);
  if (!tools) throw new InputError('not a tools list: expected {"tools": [...]}, a JSON-RPC result wrapping it, or an array of tools', file, 1);
  const o = doc as Record<string, unknown>;
  const holder = Array.isArray(doc) ? undefined : Array.isArray(o.tools) ? o : (o.result as Record<string, unknown>);
  const instructions = holder?.instructions;
  return { tools: validateTools(tools, file), ...(instructions !== undefined && instructions !== null ? { instructions } : {}) };
}

function toolsOf(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (typeof doc !== 'object' || doc === null) return undefined;
  const o = doc as Record<string, unknown>;
  if (Array.isArray(o.tools)) return o.tools;
  if (typeof o.result === 'object' && o.result !== null && Array.isArray((o.result as Record<string, unknown>).tools))
    return (o.result as Record<string, unknown>).tools as unknown[];
  return undefined;
}

export function validateTools(tools: unknown[], file: string | undefined): Tool[] {
  const seen = new Set<string>();
  tools.forEach((t, i) => {
    if (typeof t !== 'object' || t === null || Array.isArray(t)) throw new InputError(`tools[${i}] is not an object`, file);
    const name = (t as Record<string, unknown>).name;
    if (typeof name !== 'string' || name === '') throw new InputError(`tools[${i}] has no string "name"`, file);
    if (seen.has(name)) throw new InputError(`duplicate tool name "${name}"`, file);
    seen.add(name);
  });
  return tools as Tool[];
}

/** V8 quotes a snippet of the input in some messages; the input may hold secrets, so drop it. */
function jsonErrorText(err: unknown): string {
  const msg = (err as Error).message;
  const cut = msg.indexOf(', "') >= 0 ? msg.indexOf(', "') : msg.indexOf(', ..."');
  return (cut >= 0 && msg.endsWith(' is not valid JSON') ? msg.slice(0, cut) : msg).slice(0, 200);
}

function jsonErrorLine(text: string, err: unknown): number | undefined {
  const msg = (err as Error).message;
  // Unexpected token 'x', "…snippet…"... is not valid JSON: find the snippet.
  const snippet = /, (?:\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(msg)?.[1];
  if (snippet) {
    const at = text.indexOf(snippet);
    if (at >= 0) return text.slice(0, at + snippet.length).split('\n').length;
  }
  // V8: "... in JSON at position 31 (line 3 column 21)"; older: position only.
  const line = /\(line (\d+) column \d+\)/.exec(msg);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(msg);
  if (pos) return text.slice(0, Number(pos[1])).split('\n').length;
  // "Unexpected end of JSON input": the problem is at the end.
  return /end of JSON input/.test(msg) ? text.trimEnd().split('\n').length : undefined;
}

/** `"name": "<string literal>"` pairs; the literal is kept as written (escapes included). */
const NAME_PAIR = /"name"\s*:\s*("(?:[^"\\\n]|\\.)*")/g;

/**
 * Line of `"name": "<tool>"` in a JSON text (first occurrence), where the
 * literal is written as JSON.stringify writes the name. One pass over the
 * text builds a literal -> line index on first use (a search per tool would
 * be quadratic in the file size).
 */
export function toolLineFinder(text: string): (name: string) => number | undefined {
  let index: Map<string, number> | undefined;
  return (name) => {
    if (!index) {
      index = new Map();
      let line = 1;
      let pos = 0;
      NAME_PAIR.lastIndex = 0;
      for (let m = NAME_PAIR.exec(text); m !== null; m = NAME_PAIR.exec(text)) {
        for (let i = text.indexOf('\n', pos); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
        pos = m.index;
        const literal = m[1] as string;
        if (!index.has(literal)) index.set(literal, line);
      }
      NAME_PAIR.lastIndex = 0;
    }
    return index.get(JSON.stringify(name));
  };
}

const cache = new WeakMap<Workspace, Promise<ManifestSet>>();

/** The deployment's manifests, loaded once per run and shared by every manifest check. */
export function loadManifests(ctx: CheckContext): Promise<ManifestSet> {
  let p = cache.get(ctx.workspace);
  if (!p) {
    p = loadAllManifests(ctx);
    cache.set(ctx.workspace, p);
  }
  return p;
}

async function loadAllManifests(ctx: CheckContext): Promise<ManifestSet> {
  const files = loadFileManifests(ctx);
  const live = await loadLiveManifests(ctx);
  // Configured servers keep config order; discovered files follow.
  const order = new Map((ctx.config.mcp?.servers ?? []).map((s, i) => [s.id, i]));
  const rank = (m: ServerManifest) => order.get(m.id) ?? Number.MAX_SAFE_INTEGER;
  const servers = [...files.servers, ...live.servers].sort((a, b) => rank(a) - rank(b));
  return { servers, problems: [...files.problems, ...live.problems] };
}

/** Line of each `mcp.servers[]` entry in the config file, by server id. */
function serverLines(ctx: CheckContext): Map<string, number> {
  const out = new Map<string, number>();
  const doc = configDocument(ctx) as { mcp?: { servers?: unknown } } | undefined;
  const servers = doc?.mcp?.servers;
  for (const s of Array.isArray(servers) ? servers : []) {
    const id = (s as { id?: unknown })?.id;
    const line = lineOf(s);
    if (typeof id === 'string' && line !== undefined) out.set(id, line);
  }
  return out;
}

async function loadLiveManifests(ctx: CheckContext): Promise<ManifestSet> {
  const live = (ctx.config.mcp?.servers ?? []).filter((s) => s.command !== undefined || s.url !== undefined);
  if (live.length === 0) return { servers: [], problems: [] };
  const lines = serverLines(ctx);
  const { acquireRemote, acquireStdio } = await import('../common/mcp-client.ts');
  const servers: ServerManifest[] = [];
  const problems: RawFinding[] = [];
  await Promise.all(
    live.map(async (s) => {
      const source = s.command !== undefined ? commandSource(s.command) : (s.url as string);
      const line = lines.get(s.id);
      const where = { ...(ctx.configFile ? { file: ctx.configFile } : {}), ...(line ? { line } : {}), resource: `McpServer/${s.id}` };
      try {
        const common = { env: ctx.env, signal: ctx.signal, ...(s.timeoutMs ? { timeoutMs: s.timeoutMs } : {}) };
        const got =
          s.command !== undefined
            ? await acquireStdio(s.command, { ...common, cwd: ctx.root, ...(s.env ? { envNames: s.env } : {}) })
            : await acquireRemote(s.url as string, { ...common, ...(s.headersEnv ? { headersEnv: s.headersEnv } : {}) });
        const tools = validateTools(got.tools, ctx.configFile);
        servers.push({
          id: s.id,
          source,
          ...(ctx.configFile ? { file: ctx.configFile } : {}),
          tools,
          toolLine: () => line,
          kind: s.command !== undefined ? 'stdio' : 'url',
          config: s,
          ...(line ? { line } : {}),
          protocolVersion: got.protocolVersion,
          ...(got.instructions !== undefined ? { instructions: got.instructions } : {}),
        });
      } catch (err) {
        problems.push({
          ruleId: 'gate/check-failed',
          message: `MCP server "${s.id}" (${source}${ctx.configFile ? `, configured in ${ctx.configFile}` : ''}): cannot acquire its tools: ${(err as Error).message}`,
          location: where,
          key: 'manifest-load',
        });
      }
    }),
  );
  return { servers, problems };
}

function loadFileManifests(ctx: CheckContext): ManifestSet {
  const servers: ServerManifest[] = [];
  const problems: RawFinding[] = [];
  const configured = ctx.config.mcp?.servers ?? [];
  const byId = new Map(configured.map((s) => [s.id, s]));
  const claimed = new Set<string>();
  const fromFile = (id: string, file: string): void => {
    claimed.add(file);
    try {
      const text = ctx.workspace.read(file);
      const config = byId.get(id);
      const { tools, instructions } = parseManifestJson(text, file);
      servers.push({
        id,
        source: file,
        file,
        tools,
        ...(instructions !== undefined ? { instructions } : {}),
        toolLine: toolLineFinder(text),
        kind: 'file',
        ...(config?.manifest !== undefined ? { config } : {}),
      });
    } catch (err) {
      // Workspace.read names the file and says why (missing, a directory, a FIFO, outside the repository, not UTF-8).
      const e = err instanceof InputError ? err : new InputError(`cannot read (${(err as Error).message})`, file);
      problems.push({
        ruleId: 'gate/check-failed',
        message: `MCP server "${id}": manifest ${file}: ${e.message}`,
        location: { file, line: e.line ?? 1, resource: `McpServer/${id}` },
        key: 'manifest-load',
      });
    }
  };
  for (const s of configured) {
    if (s.manifest === undefined) continue;
    const file = normalize(s.manifest).split('\\').join('/');
    if (isAbsolute(file) || file === '..' || file.startsWith('../')) {
      problems.push({
        ruleId: 'gate/check-failed',
        message: `MCP server "${s.id}": manifest ${JSON.stringify(s.manifest)} is outside the repository; manifests are read from the repository only`,
        location: { ...(ctx.configFile ? { file: ctx.configFile } : {}), resource: `McpServer/${s.id}` },
        key: 'manifest-load',
      });
      continue;
    }
    fromFile(s.id, file);
  }
  // Every discovered file is a server of its own; two files that claim one id are a problem, never one silently dropped.
  const owners = new Map<string, string>(configured.map((s) => [s.id, s.manifest !== undefined ? normalize(s.manifest).split('\\').join('/') : `mcp.servers entry "${s.id}"`]));
  for (const file of ctx.workspace.select(ctx.config.mcp?.paths, (f) => f.endsWith(TOOLS_SUFFIX))) {
    if (claimed.has(file)) continue;
    const id = serverIdOf(file);
    const owner = owners.get(id);
    if (owner === undefined) {
      owners.set(id, file);
      fromFile(id, file);
    } else if (!sameFile(ctx.root, owner, file)) {
      problems.push({
        ruleId: 'gate/check-failed',
        message: `MCP server id "${id}" of manifest ${file} is already taken by ${owner}: its tools are not reviewed; rename one of them, or list both in mcp.servers with distinct ids`,
        location: { file, line: 1, resource: `McpServer/${id}` },
        key: `manifest-id:${file}`,
      });
    }
  }
  return { servers, problems };
}

/**
 * Server id of a discovered manifest: `<id>.tools.json` gives id; any other
 * name its path without `.json`, and `tools.json` its directory
 * (`mcp/a/tools.json` is server `mcp/a`), so no file gets an empty id.
 */
export function serverIdOf(file: string): string {
  const slash = file.lastIndexOf('/');
  const base = file.slice(slash + 1);
  if (base.endsWith(TOOLS_SUFFIX) && base.length > TOOLS_SUFFIX.length) return base.slice(0, -TOOLS_SUFFIX.length);
  const stem = file.endsWith('.json') ? file.slice(0, -'.json'.length) : file;
  if (base === 'tools.json' || base === TOOLS_SUFFIX) return slash > 0 ? file.slice(0, slash) : 'tools';
  return stem;
}

/** Two paths to one file (a symlink to a manifest is the same server, not a second one). */
function sameFile(root: string, a: string, b: string): boolean {
  try {
    return realpathSync(join(root, a)) === realpathSync(join(root, b));
  } catch {
    return false;
  }
}
