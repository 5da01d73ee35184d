// Readers for the MCP tool-list fixtures in test/fixtures/shared/mcp/benign
// (README.md there gives provenance). Two shapes live side by side: a
// captured tools/list result `{tools: [...]}` (one server per file), and a
// registry dump, an array of `{name, ..., tools: {<server>: {tools: [...]}}}`
// (livemcpbench-servers.json, docker-mcp-registry-dev.json), one server per
// key. Shared by scripts/eval-poisoning.ts, the benches and the mutation test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tool } from '../checks/manifests/manifests.ts';

export const MCP_FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'shared', 'mcp');
export const BENIGN_DIR = join(MCP_FIXTURES, 'benign');

export interface FixtureServer {
  id: string;
  tools: Tool[];
}

export interface FixtureFile {
  /** File name without `.json`. */
  name: string;
  /** A registry dump (several servers) rather than one captured server. */
  registry: boolean;
  servers: FixtureServer[];
}

type RegistryEntry = { tools: Record<string, { tools: Tool[] }> };

function isRegistry(doc: unknown): doc is RegistryEntry[] {
  return Array.isArray(doc) && doc.every((e) => typeof e === 'object' && e !== null && typeof e.tools === 'object' && e.tools !== null && !Array.isArray(e.tools));
}

/** The servers of one benign fixture file, whichever of the two shapes it has. */
export function readFixtureFile(file: string): FixtureFile {
  const doc = JSON.parse(readFileSync(join(BENIGN_DIR, file), 'utf8')) as unknown;
  const name = file.replace(/\.json$/, '');
  if (isRegistry(doc)) return { name, registry: true, servers: doc.flatMap((e) => Object.entries(e.tools).map(([id, v]) => ({ id, tools: v.tools }))) };
  const tools = (doc as { tools?: unknown }).tools;
  if (!Array.isArray(tools)) throw new Error(`${file}: neither {"tools": [...]} nor a registry array`);
  return { name, registry: false, servers: [{ id: name, tools: tools as Tool[] }] };
}

/** Every benign fixture file, sorted by name. */
export function fixtureFiles(): FixtureFile[] {
  return readdirSync(BENIGN_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map(readFixtureFile);
}
