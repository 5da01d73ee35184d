// A pull request must not be able to relax its own gate, nor make the gate
// act for it. With a base revision, every key of the config comes from the
// base except the scope keys below (which files are read: they move with the
// repository's layout); a key added to the schema is policy until it is
// listed here. Live MCP servers run only as the base names them. Every key
// the change edits is a visible finding (docs/policy.md "Trust model").
import { parseConfigText } from './load.ts';
import type { GateConfig } from './schema.ts';
import { UsageError } from '../util/errors.ts';
import { BaseRefError, readFileAtRef } from '../workspace/git.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import type { RawFinding } from '../types.ts';
import { globMatcher } from '../workspace/glob.ts';

/** Top-level keys compared (and reported) key by key inside, not as a whole. */
const SECTIONS = ['kubernetes', 'mcp', 'images', 'secrets', 'reports'] as const;

/** The keys that follow the change: globs and files naming what is read. */
export const SCOPE_KEYS: ReadonlySet<string> = new Set([
  '$schema',
  'kubernetes.paths',
  'kubernetes.exclude',
  'kubernetes.helm',
  'kubernetes.kustomize',
  'mcp.paths',
  'mcp.servers', // manifest-file entries only; live entries: mergeServers
  'images.paths',
  'secrets.exclude',
  'reports.trivy',
  'reports.checkov',
  'reports.gitleaks',
  'reports.trufflehog',
  'reports.grype',
  'reports.npmAudit',
  'reports.sarif',
  'reports.sbom',
]);

type Server = NonNullable<NonNullable<GateConfig['mcp']>['servers']>[number];
type Section = Record<string, unknown>;

export interface ProtectedPolicy {
  config: GateConfig;
  /** The base revision's config, when it was read. */
  base?: GateConfig;
  findings: RawFinding[];
  /** Why the base revision could not be used (then nothing from the change decides or runs). */
  baseRefError?: string;
}

/** Exclusion globs: a change that widens one until nothing is left to read has emptied that scope. */
const EXCLUSION_SCOPES: ReadonlyArray<readonly [string, (c: GateConfig) => readonly string[] | undefined, (file: string) => boolean]> = [
  ['secrets.exclude', (c) => c.secrets?.exclude, () => true],
  ['kubernetes.exclude', (c) => c.kubernetes?.exclude, (f) => /\.(ya?ml|json)$/.test(f)],
];

/**
 * A scope the change empties where the base's left files to read: BLOCK,
 * since a gate that reads nothing passes everything. (An inclusion glob that
 * matches nothing is reported wherever it comes from, by the workspace.)
 */
export function emptiedScopes(files: readonly string[], head: GateConfig, base: GateConfig, configFile: string): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const [key, get, readable] of EXCLUSION_SCOPES) {
    const universe = files.filter(readable);
    const left = (globs: readonly string[] | undefined): number => {
      const matchers = (globs ?? []).map(globMatcher);
      return universe.filter((f) => !matchers.some((m) => m(f))).length;
    };
    const baseLeft = left(get(base));
    if (left(get(head)) === 0 && baseLeft > 0)
      findings.push({
        ruleId: 'gate/check-failed',
        message: `this change sets "${key}" to ${show(get(head))}, which excludes every file it would read, where the base revision's value left ${baseLeft} to read; a scope that reads nothing cannot pass`,
        location: { file: configFile },
        key: `scope-emptied:${key}`,
      });
  }
  return findings;
}

/** Pure part: the base's config with the change's scope keys, and a finding for every key the change edits. */
export function mergeBasePolicy(head: GateConfig, base: GateConfig, configFile: string): ProtectedPolicy {
  const findings: RawFinding[] = [];
  const config = { ...base } as Record<string, unknown>;
  const h = head as Record<string, unknown>;
  const b = base as Record<string, unknown>;
  const sections = new Set<string>(SECTIONS);
  for (const key of new Set([...Object.keys(h), ...Object.keys(b)])) {
    if (!sections.has(key)) {
      if (SCOPE_KEYS.has(key)) setOrDelete(config, key, h[key]);
      else if (differs(h[key], b[key])) findings.push(policyChanged(key, b[key], h[key], configFile));
      continue;
    }
    const hs = (h[key] ?? {}) as Section;
    const bs = (b[key] ?? {}) as Section;
    const merged: Section = { ...bs };
    for (const sub of new Set([...Object.keys(hs), ...Object.keys(bs)])) {
      const path = `${key}.${sub}`;
      if (path === 'mcp.servers') continue;
      if (SCOPE_KEYS.has(path)) {
        setOrDelete(merged, sub, hs[sub]);
        if (differs(hs[sub], bs[sub])) findings.push(scopeChanged(path, bs[sub], hs[sub], configFile));
      } else if (differs(hs[sub], bs[sub])) findings.push(policyChanged(path, bs[sub], hs[sub], configFile));
    }
    if (key === 'mcp') {
      const servers = mergeServers(head.mcp?.servers ?? [], base.mcp?.servers ?? [], configFile, findings);
      if (servers.length > 0) merged.servers = servers;
    }
    setOrDelete(config, key, Object.keys(merged).length > 0 ? merged : undefined);
  }
  return { config: config as GateConfig, findings };
}

/**
 * A stdio `command` is executed and a `url` is contacted with the headers the
 * config names: live entries run exactly as the base names them, including
 * those the change removes. Manifest-file entries follow the change.
 */
function mergeServers(head: readonly Server[], base: readonly Server[], configFile: string, findings: RawFinding[]): Server[] {
  const isLive = (s: Server): boolean => s.command !== undefined || s.url !== undefined;
  const baseLive = new Map(base.filter(isLive).map((s) => [s.id, s]));
  const out: Server[] = [];
  const headIds = new Set<string>();
  for (const s of head) {
    headIds.add(s.id);
    const trusted = baseLive.get(s.id);
    if (!isLive(s)) {
      if (trusted) findings.push(policyChanged(`mcp.servers[${s.id}]`, trusted, s, configFile));
      else out.push(s);
      continue;
    }
    if (trusted && !differs(s, trusted)) continue; // added with the base's entries below
    findings.push({
      ruleId: 'gate/check-failed',
      message: `MCP server "${s.id}": this change ${baseLive.has(s.id) || base.some((x) => x.id === s.id) ? 'edits' : 'adds'} a live server entry (${s.command ? 'command' : 'url'}); the gate does not execute or contact what the change under review names, so ${trusted ? 'the base revision\'s entry is used instead' : 'its manifest was not acquired. It will be checked once the entry is on the base branch'}.`,
      location: { file: configFile, resource: `McpServer/${s.id}` },
      key: 'untrusted-live-server',
    });
  }
  for (const s of baseLive.values()) {
    if (!headIds.has(s.id)) findings.push(policyChanged(`mcp.servers[${s.id}]`, s, undefined, configFile));
    out.push(s);
  }
  return out;
}

function policyChanged(key: string, base: unknown, head: unknown, configFile: string): RawFinding {
  return {
    ruleId: 'gate/policy-changed',
    message: `this change edits "${key}" of the gate's policy (base: ${show(base)}, change: ${show(head)}); the base revision's value applies until the change is merged`,
    location: { file: configFile },
    key,
  };
}

function scopeChanged(key: string, base: unknown, head: unknown, configFile: string): RawFinding {
  return {
    ruleId: 'gate/policy-changed',
    message: `this change edits the gate's scope "${key}" (base: ${show(base)}, change: ${show(head)}); the change's value applies, so review what it adds to or removes from what the gate reads`,
    location: { file: configFile },
    key: `scope:${key}`,
  };
}

function differs(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) !== canonicalJson(b ?? null);
}

function setOrDelete(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

function show(v: unknown): string {
  if (v === undefined) return '(unset)';
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/**
 * Without a usable base nothing from the change may decide or run: the
 * change's scope keys with default policy, enforced so the one finding that
 * says why blocks, and no probes, live servers or overrides.
 */
export function untrustedPolicy(head: GateConfig, configFile: string, reason: string): ProtectedPolicy {
  // Merged onto an empty base: the change's scope keys and manifest-file servers, nothing else.
  const { config } = mergeBasePolicy(head, {}, configFile);
  return {
    config: { ...config, mode: 'enforce', rollout: 2 },
    findings: [
      {
        ruleId: 'gate/check-failed',
        message: `${reason}, so the gate's policy and trusted signers cannot be taken from it: the run is enforced with the default policy, and nothing the change names is executed or contacted (live MCP servers, probes); overrides are not trusted`,
        location: { file: configFile },
        key: 'base-ref',
      },
    ],
    baseRefError: reason,
  };
}

/** Read the base revision's config and apply its policy keys; fail closed when it cannot be used. */
export async function protectPolicy(root: string, baseRef: string, configFile: string, head: GateConfig): Promise<ProtectedPolicy> {
  let baseText: string | undefined;
  try {
    baseText = (await readFileAtRef(root, baseRef, configFile)).text;
  } catch (err) {
    if (!(err instanceof BaseRefError)) throw err;
    return untrustedPolicy(head, configFile, `the base revision cannot be read (${err.message})`);
  }
  let base: GateConfig = {};
  if (baseText !== undefined) {
    try {
      base = parseConfigText(baseText, `${configFile}@${baseRef}`);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      // Every problem of the file, one line each in the message the CLI prints: folded into this finding's one line.
      return untrustedPolicy(head, configFile, `the base revision's config is invalid (${err.message.split('\n').join('; ')})`);
    }
  }
  return { ...mergeBasePolicy(head, base, configFile), base };
}
