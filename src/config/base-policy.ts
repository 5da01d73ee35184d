// A pull request must not be able to relax its own gate, nor make the gate
// act for it: the policy keys of the config (mode, rollout, per-rule
// severities, override lifetime) and everything the gate contacts with
// credentials or executes (probes, live MCP servers) are taken from the
// base revision. When the change edits them, a finding says so and the base
// values apply until the change is merged.
import { parseConfigText } from './load.ts';
import type { GateConfig } from './schema.ts';
import { UsageError } from '../util/errors.ts';
import { BaseRefError, readFileAtRef } from '../workspace/git.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import type { RawFinding } from '../types.ts';

export const PROTECTED_KEYS = ['mode', 'rollout', 'rules', 'overrides', 'probes'] as const;

type Server = NonNullable<NonNullable<GateConfig['mcp']>['servers']>[number];

export interface ProtectedPolicy {
  config: GateConfig;
  findings: RawFinding[];
  /** Why the base revision could not be read (then nothing from it applies). */
  baseRefError?: string;
}

/** Pure part: merge the base's policy keys into the head config and list what the head changed. */
export function mergeBasePolicy(head: GateConfig, base: GateConfig, configFile: string): ProtectedPolicy {
  const config: GateConfig = { ...head };
  const findings: RawFinding[] = [];
  for (const key of PROTECTED_KEYS) {
    const h = head[key];
    const b = base[key];
    if (canonicalJson(h ?? null) !== canonicalJson(b ?? null)) {
      findings.push({
        ruleId: 'gate/policy-changed',
        message: `this change edits "${key}" of the gate's policy (base: ${show(b)}, change: ${show(h)}); the base revision's value applies until the change is merged`,
        location: { file: configFile },
        key,
      });
    }
    if (b === undefined) delete config[key];
    else (config as Record<string, unknown>)[key] = b;
  }
  // A stdio `command` is executed and a `url` is contacted with the headers
  // the config names: only entries exactly as in the base revision run.
  const baseServers = new Map((base.mcp?.servers ?? []).map((s) => [s.id, canonicalJson(s)]));
  const servers: Server[] = [];
  for (const s of head.mcp?.servers ?? []) {
    const live = s.command !== undefined || s.url !== undefined;
    if (!live || baseServers.get(s.id) === canonicalJson(s)) {
      servers.push(s);
      continue;
    }
    findings.push({
      ruleId: 'gate/check-failed',
      message: `MCP server "${s.id}": this change ${baseServers.has(s.id) ? 'edits' : 'adds'} a live server entry (${s.command ? 'command' : 'url'}); the gate does not execute or contact what the change under review names, so its manifest was not acquired. It will be checked once the entry is on the base branch.`,
      location: { file: configFile, resource: `McpServer/${s.id}` },
      key: 'untrusted-live-server',
    });
  }
  if (head.mcp) config.mcp = { ...head.mcp, servers };
  return { config, findings };
}

function show(v: unknown): string {
  if (v === undefined) return '(unset)';
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** Read the base revision's config and apply its policy keys. */
export async function protectPolicy(root: string, baseRef: string, configFile: string, head: GateConfig): Promise<ProtectedPolicy> {
  let baseText: string | undefined;
  try {
    baseText = (await readFileAtRef(root, baseRef, configFile)).text;
  } catch (err) {
    if (!(err instanceof BaseRefError)) throw err;
    // Fail closed: without the base policy the change's own policy cannot be
    // trusted, so this finding must block whatever mode the change asks for.
    return {
      config: { ...head, mode: 'enforce', rollout: head.rollout === 3 ? 3 : 2 },
      findings: [
        {
          ruleId: 'gate/check-failed',
          message: `the base revision cannot be read, so neither its gate policy nor its trusted signers apply (live MCP servers and probes named by the change are not contacted): ${err.message}`,
          location: { file: configFile },
          key: 'base-ref',
        },
      ],
      baseRefError: err.message,
    };
  }
  let base: GateConfig = {};
  if (baseText !== undefined) {
    try {
      base = parseConfigText(baseText, `${configFile}@${baseRef}`);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      return { config: head, findings: [{ ruleId: 'gate/check-failed', message: `the base revision's config is invalid: ${err.message}`, location: { file: configFile }, key: 'base-policy' }] };
    }
  }
  return mergeBasePolicy(head, base, configFile);
}
