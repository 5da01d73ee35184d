// The manifest integrity store (SPEC.md "Lockfile"): per server, the SHA-256
// of the RFC 8785 canonical JSON of its tools array sorted by name, and one
// SHA-256 per tool. Beside it, `pin` keeps a snapshot of the pinned tools
// lists (.mcp-gate/manifests.snapshot.json) so a drift can be shown field by
// field; a server's snapshot is only trusted when it hashes to its pin.
import { hash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../src/util/atomic.ts';
import { InputError } from '../../src/util/errors.ts';
import { canonicalJson } from '../../src/util/canonical-json.ts';
import { compareStrings } from '../../src/util/order.ts';
import type { Tool } from './manifests.ts';

export const LOCKFILE = '.mcp-gate/manifests.lock.json';
export const SNAPSHOT_FILE = '.mcp-gate/manifests.snapshot.json';
export const LOCKFILE_VERSION = 1;

export interface PinnedServer {
  source: string;
  sha256: string;
  tools: Record<string, string>;
  pinnedAt: string;
}

export interface Lockfile {
  lockfileVersion: 1;
  servers: Record<string, PinnedServer>;
}

const HEX64 = /^[0-9a-f]{64}$/;

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex'); // one-shot: same digest as createHash().update(text, 'utf8')
}

/** Tools sorted by name (UTF-16 code units, like RFC 8785 key order). */
export function sortTools<T extends Tool>(tools: readonly T[]): T[] {
  return [...tools].sort((a, b) => compareStrings(a.name, b.name));
}

export interface ManifestHash {
  sha256: string;
  tools: Record<string, string>;
  /** RFC 8785 text of each tool, sorted by name (what was hashed). */
  canonical: string[];
}

/** Hash of the whole tools list and of each tool; every field counts. */
export function hashTools(tools: readonly Tool[]): ManifestHash {
  const c = canonicalTools(tools);
  return { sha256: c.sha256, tools: toolHashes(c), canonical: c.canonical };
}

export interface CanonicalTools {
  /** The tools' names, sorted (with `canonical`, what toolHashes needs). */
  names: string[];
  /** RFC 8785 text of each tool, in that order. */
  canonical: string[];
  /** Hash of the whole list (ManifestHash.sha256). */
  sha256: string;
}

/**
 * hashTools without the per-tool hashes: checking a pin needs only the
 * whole list's hash unless it differs, and one hash call per tool costs
 * about as much as canonicalising the tool.
 */
export function canonicalTools(tools: readonly Tool[]): CanonicalTools {
  const sorted = sortTools(tools);
  const names: string[] = [];
  const canonical: string[] = [];
  for (const t of sorted) {
    canonical.push(canonicalJson(t));
    names.push(t.name);
  }
  // Same bytes as canonicalJson(sorted), without serialising twice.
  return { names, canonical, sha256: sha256Hex(`[${canonical.join(',')}]`) };
}

/** Per tool name, the hash of its canonical text (ManifestHash.tools). */
export function toolHashes(c: CanonicalTools): Record<string, string> {
  const perTool: Record<string, string> = {};
  for (let i = 0; i < c.names.length; i++) perTool[c.names[i]!] = sha256Hex(c.canonical[i]!);
  return perTool;
}

/** The lockfile, or undefined when there is none. Throws InputError when it is unusable. */
export function readLockfile(root: string): Lockfile | undefined {
  const abs = join(root, LOCKFILE);
  if (!existsSync(abs)) return undefined;
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read the lockfile (${(err as NodeJS.ErrnoException).code ?? err})`, LOCKFILE);
  }
  return parseLockfile(text);
}

export function parseLockfile(text: string): Lockfile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`lockfile is not valid JSON: ${(err as Error).message}`, LOCKFILE, 1);
  }
  const bad = (what: string): never => {
    throw new InputError(`lockfile: ${what}`, LOCKFILE, 1);
  };
  if (!isRecord(doc)) return bad('expected a JSON object');
  if (doc.lockfileVersion !== LOCKFILE_VERSION) return bad(`unsupported lockfileVersion ${JSON.stringify(doc.lockfileVersion)} (expected 1)`);
  if (!isRecord(doc.servers)) return bad('"servers" must be an object');
  const servers: Record<string, PinnedServer> = {};
  for (const [id, s] of Object.entries(doc.servers)) {
    if (!isRecord(s)) return bad(`servers.${id} must be an object`);
    if (typeof s.source !== 'string') bad(`servers.${id}.source must be a string`);
    if (typeof s.sha256 !== 'string' || !HEX64.test(s.sha256)) bad(`servers.${id}.sha256 must be 64 lowercase hex digits`);
    if (!isRecord(s.tools)) return bad(`servers.${id}.tools must be an object`);
    for (const [name, h] of Object.entries(s.tools))
      if (typeof h !== 'string' || !HEX64.test(h)) bad(`servers.${id}.tools.${name} must be 64 lowercase hex digits`);
    if (typeof s.pinnedAt !== 'string') bad(`servers.${id}.pinnedAt must be a string`);
    servers[id] = s as unknown as PinnedServer;
  }
  return { lockfileVersion: 1, servers };
}

/** Stable text: servers and tools in sorted order, two-space indent, trailing newline. */
export function serializeLockfile(lock: Lockfile): string {
  const servers: Record<string, PinnedServer> = {};
  for (const id of Object.keys(lock.servers).sort()) {
    const s = lock.servers[id] as PinnedServer;
    const tools: Record<string, string> = {};
    for (const name of Object.keys(s.tools).sort()) tools[name] = s.tools[name] as string;
    servers[id] = { source: s.source, sha256: s.sha256, tools, pinnedAt: s.pinnedAt };
  }
  return `${JSON.stringify({ lockfileVersion: LOCKFILE_VERSION, servers }, null, 2)}\n`;
}

interface SnapshotCache {
  key: string;
  servers: Record<string, unknown>;
}
let snapshotCache: SnapshotCache | undefined;

/** The snapshot file's servers, read once per (path, size, mtime). */
function snapshotServers(root: string): Record<string, unknown> | undefined {
  const abs = join(root, SNAPSHOT_FILE);
  try {
    const st = statSync(abs);
    const key = `${abs}\0${st.size}\0${st.mtimeMs}`;
    if (snapshotCache?.key !== key) {
      const doc = JSON.parse(readFileSync(abs, 'utf8')) as unknown;
      snapshotCache = { key, servers: isRecord(doc) && isRecord(doc.servers) ? doc.servers : {} };
    }
    return snapshotCache.servers;
  } catch {
    return undefined;
  }
}

/** Pinned tools of a server, when the snapshot has them and they hash to the pin. */
export function readSnapshot(root: string, id: string, pinnedSha: string, mask: (tools: Tool[]) => Tool[]): Tool[] | undefined {
  const entry = snapshotServers(root)?.[id];
  const tools = isRecord(entry) && Array.isArray(entry.tools) ? (entry.tools as Tool[]) : undefined;
  if (!tools?.every((t) => isRecord(t) && typeof t.name === 'string')) return undefined;
  try {
    return canonicalTools(mask(tools)).sha256 === pinnedSha ? tools : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The snapshot file: one line per tool (its RFC 8785 text), so a re-pin's
 * commit diff shows exactly the tools that changed. Input: per server id,
 * the canonical texts of its tools sorted by name (hashTools().canonical).
 */
export function serializeSnapshot(snapshots: ReadonlyMap<string, readonly string[]>): string {
  const ids = [...snapshots.keys()].sort();
  const servers = ids.map((id) => {
    const tools = snapshots.get(id) as readonly string[];
    return `${JSON.stringify(id)}: {"tools": [${tools.length ? `\n${tools.join(',\n')}\n` : ''}]}`;
  });
  return `{"note": "Pinned tools lists, for review diffs only; the lockfile hashes are authoritative.",\n"servers": {\n${servers.join(',\n')}\n}}\n`;
}

/**
 * Write the snapshot, then the lockfile, each atomically (temp file +
 * rename): a reader sees the old or the new lockfile, never half of one.
 */
export function writePins(root: string, lock: Lockfile, snapshots: ReadonlyMap<string, readonly string[]>): void {
  const lockAbs = join(root, LOCKFILE);
  mkdirSync(dirname(lockAbs), { recursive: true });
  writeFileAtomic(join(root, SNAPSHOT_FILE), serializeSnapshot(snapshots));
  writeFileAtomic(lockAbs, serializeLockfile(lock));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
