// The data model every part of the gate shares. Checks produce RawFindings,
// the engine normalises them into Findings, policy decides, reporters render.
import type { RuleId, Severity } from './rules/catalog.ts';
import type { GateConfig } from './config/schema.ts';
import type { Workspace } from './workspace/workspace.ts';

export type { Severity };

export interface Location {
  /** Repository-relative path with forward slashes. */
  file?: string;
  /** 1-based line of the object (or container, or report entry). */
  line?: number;
  /** `Kind/namespace/name`, or `McpServer/<id>` for MCP manifests. */
  resource?: string;
  /** Container name, or the tool name for MCP manifests. */
  container?: string;
}

/** What a check emits. Everything else is derived by the engine. */
export interface RawFinding {
  ruleId: RuleId;
  message: string;
  location: Location;
  /** Only for rules whose severity depends on the case (k8s/secret-in-env). */
  severity?: Severity;
  /**
   * Extra identity for the fingerprint when one resource/container can carry
   * several findings of one rule (an env var name, a CVE id, a tool field).
   * Must not contain line numbers or anything that changes on reformatting.
   */
  key?: string;
  /** Specific remediation; the catalog's generic text is used otherwise. */
  remediation?: string;
  /** Tool that reported it when not the gate itself (trivy, gitleaks, ...). */
  source?: string;
}

export interface AppliedOverride {
  id: string;
  approver: string;
  expires: string;
  justification: string;
  ticket?: string;
  due?: string;
  file?: string;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** Counts toward the decision now (mode, rollout and overrides applied). */
  blocking: boolean;
  status: 'open' | 'overridden';
  message: string;
  location: Location;
  fingerprint: string;
  remediation: string;
  source?: string;
  override?: AppliedOverride;
  /**
   * With a base revision: whether the change under review introduced this
   * finding (its fingerprint is not among the base revision's). Absent for
   * findings about staging (live probes), which describe no diff.
   */
  new?: boolean;
}

/** What the base revision's evaluation gave (src/gate/baseline.ts). */
export interface BaselineSummary {
  /** The base ref as given, and the commit it resolved to. */
  ref: string;
  commit?: string;
  /** Which open BLOCK findings block: all, or only those the change introduced. */
  failOn: 'all' | 'new';
  /** Open findings the change introduced, and those the base already had. */
  new: { block: number; warning: number };
  existing: { block: number; warning: number };
  /** Findings of the base revision the change fixed. */
  resolved: number;
  /** Why the base revision could not be evaluated (then failOn is all). */
  error?: string;
}

export interface CheckResult {
  findings: RawFinding[];
  /** Human-readable note for the report (what was scanned, what was skipped). */
  detail?: string;
  /** The check had nothing to look at (no probe configured, no manifests). */
  skipped?: boolean;
}

/** What an adapter's scanner run gives the reports check: a report file to read (then dispose), or why there is none. */
export type ScannerOutcome = { reportFile: string; dispose(): void } | { error: string };

/** Runs a scanner over the tree (src/main/scanners.ts); passed in by the adapters, so no check starts a scanner itself. */
export type RunScanner = (tool: 'trivy' | 'gitleaks', opts: { root: string; env: Readonly<Record<string, string | undefined>>; signal: AbortSignal }) => Promise<ScannerOutcome>;

export interface CheckContext {
  /** Absolute path of the directory under review. */
  root: string;
  config: GateConfig;
  /** Path of the config file relative to root, when one was read. */
  configFile?: string;
  workspace: Workspace;
  /** Base revision holding trust roots (allowed signers), when known. */
  baseRef?: string;
  /** Aborted when the gate's overall time budget runs out. */
  signal: AbortSignal;
  now: Date;
  env: Readonly<Record<string, string | undefined>>;
  /** Present when the adapter can run scanners (reports.run). */
  runScanner?: RunScanner;
}

export interface Check {
  /** Short id shown in the report's `checks` list (k8s, netpol, manifest, ...). */
  id: string;
  /** The only rules this check may produce (test/rules.test.ts holds every check to it). */
  rules: readonly RuleId[];
  /**
   * Set when the check reads only the repository, config and env (not the
   * Kubernetes parse of the main thread): on a large tree it may then run on
   * the check worker thread (src/gate/run-checks.ts). Checks of one group
   * share a parse and always run on the same thread.
   */
  workerGroup?: string;
  run(ctx: CheckContext): Promise<CheckResult>;
}

export interface CheckRun {
  id: string;
  status: 'ran' | 'skipped' | 'failed';
  durationMs: number;
  detail?: string;
}

export type Mode = 'warn' | 'enforce';
export type Rollout = 1 | 2 | 3;
export type Decision = 'pass' | 'warn' | 'block';

export interface Report {
  schemaVersion: 1;
  tool: { name: 'mcp-gate'; version: string };
  mode: Mode;
  rollout: Rollout;
  decision: Decision;
  findings: Finding[];
  checks: CheckRun[];
  summary: { block: number; warning: number; overridden: number };
  /** Present when the run had a base revision to compare with. */
  baseline?: BaselineSummary;
}
