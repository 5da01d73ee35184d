// The manifest integrity store (SPEC.md "Lockfile"): per server, the SHA-256
// of the RFC 8785 canonical JSON of its tools array sorted by name, and one
// SHA-256 per tool. Beside it, `pin` keeps a snapshot of the pinned tools
// lists (.mcp-gate/manifests.snapshot.json) so a drift can be shown field by
// field; a server's snapshot is only trusted when it hashes to its pin.
import { hash } from 'node:crypto';
import { lstatSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../src/util/atomic.ts';
import { InputError } from '../../src/util/errors.ts';
import { CanonicalJsonError, canonicalJson, shortPointer } from '../../src/util/canonical-json.ts';
import { readRegularText } from '../../src/workspace/read-file.ts';
import { MAX_MANIFEST_BYTES } from '../../src/workspace/workspace.ts';
import { compareStrings } from '../../src/util/order.ts';
import type { Tool } from './manifests.ts';

export const LOCKFILE = '.mcp-gate/manifests.lock.json';
export const SNAPSHOT_FILE = '.mcp-gate/manifests.snapshot.json';
export const LOCKFILE_VERSION = 1;
/** A pin is about 100 bytes per tool: a lockfile above a manifest's own limit is not one. */
const MAX_LOCKFILE_BYTES = MAX_MANIFEST_BYTES;
/** The snapshot holds every server's tools. */
const MAX_SNAPSHOT_BYTES = 4 * MAX_MANIFEST_BYTES;

/** A tool that has no RFC 8785 text (a non-finite number, too deep, ...): it can be neither hashed nor pinned. */
export class ToolJsonError extends Error {
  override name = 'ToolJsonError';
  readonly tool: string;
  /** JSON pointer inside the tool. */
  readonly pointer: string;
  constructor(tool: string, cause: CanonicalJsonError) {
    super(`tool ${JSON.stringify(tool.length > 80 ? `${tool.slice(0, 80)}…` : tool)} cannot be hashed: ${cause.reason} at ${shortPointer(cause.pointer) || '/'}`);
    this.tool = tool;
    this.pointer = cause.pointer;
  }
}

/** The RFC 8785 text of one tool; ToolJsonError names the tool and the field it cannot hold. */
export function canonicalTool(t: Tool): string {
  try {
    return canonicalJson(t);
  } catch (err) {
    throw err instanceof CanonicalJsonError ? new ToolJsonError(t.name, err) : err;
  }
}

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
    canonical.push(canonicalTool(t));
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

/** Whether anything (a dangling symlink included) sits at `rel`. */
function present(root: string, rel: string): boolean {
  return lstatSync(join(root, rel), { throwIfNoEntry: false }) !== undefined;
}

/** The lockfile, or undefined when there is none. Throws InputError when it is unusable (not a regular file in the repository, too large, not UTF-8, invalid). */
export function readLockfile(root: string): Lockfile | undefined {
  if (!present(root, LOCKFILE)) return undefined;
  return parseLockfile(readRegularText(LOCKFILE, { within: root, maxBytes: MAX_LOCKFILE_BYTES, display: LOCKFILE }));
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

/**
 * The snapshot file's servers, read once per (path, size, mtime); undefined
 * when absent or not JSON (field-level diffs are then unavailable). A file
 * that must not be read at all (device, FIFO, outside the repository, too
 * large) throws InputError: that is a finding, not a missing diff.
 */
function snapshotServers(root: string): Record<string, unknown> | undefined {
  if (!present(root, SNAPSHOT_FILE)) return undefined;
  const st = statSync(join(root, SNAPSHOT_FILE), { throwIfNoEntry: false });
  const key = `${root}\0${st?.size}\0${st?.mtimeMs}`;
  if (snapshotCache?.key !== key) {
    const text = readRegularText(SNAPSHOT_FILE, { within: root, maxBytes: MAX_SNAPSHOT_BYTES, display: SNAPSHOT_FILE });
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return undefined;
    }
    snapshotCache = { key, servers: isRecord(doc) && isRecord(doc.servers) ? doc.servers : {} };
  }
  return snapshotCache.servers;
}

/** Pinned tools of a server, when the snapshot has them and they hash to the pin; InputError when the snapshot file is refused. */
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
