// Scanner reports and SBOMs (seed 003 gate rows "Critical or high CVEs",
// "Secrets detected", "SBOM not generated for this build"): the reports
// earlier workflow steps wrote (trivy, checkov, gitleaks, trufflehog, grype,
// npm audit, SARIF) become findings under one policy. docs/reports.md.
import { basename, isAbsolute, relative } from 'node:path';
import { DEFAULT_CONFIG_FILE } from '../../src/config/schema.ts';
import { type RuleId, ruleRecord } from '../../src/rules/catalog.ts';
import { InputError } from '../../src/util/errors.ts';
import { type K8sObject, podTemplateOf } from '../../src/workspace/kubernetes.ts';
import { parseCheckov } from './parsers/checkov.ts';
import {
  type Entry,
  isRecord,
  type MisconfEntry,
  type ParsedReport,
  parseJson,
  readReportText,
  type ScanSeverity,
  type SecretEntry,
  severityRank,
  type ToolName,
  type VulnEntry,
} from './parsers/common.ts';
import { parseGitleaks } from './parsers/gitleaks.ts';
import { parseGrype } from './parsers/grype.ts';
import { canonicalId, gateRuleFor, SCANNER_MAPPED_RULES } from './scanner-rules.ts';
import { parseNpmAudit } from './parsers/npm-audit.ts';
import { parseSarif } from './parsers/sarif.ts';
import { parseSbom, type SbomInfo } from './parsers/sbom.ts';
import { parseTrivy } from './parsers/trivy.ts';
import { parseTrufflehog } from './parsers/trufflehog.ts';
import type { Check, CheckContext, CheckResult, RawFinding } from '../../src/types.ts';
import { containersOf } from '../k8s/containers.ts';
import { CONTAINER_RULES } from '../k8s/rules.ts';

export const REPORT_TOOLS: readonly ToolName[] = ['trivy', 'checkov', 'gitleaks', 'trufflehog', 'grype', 'npmAudit', 'sarif'];

/** Default SBOM names looked for when reports.sbom is not configured. */
const SBOM_NAME = /(^|[.-])s?bom\.json$|\.cdx\.json$|\.spdx\.json$|\.spdx3\.json$|\.spdx\.jsonld$/i;

/** Timeout of one `reports.run` scanner (the gate's overall budget still applies). */

interface Options {
  threshold: ScanSeverity;
  defaultSeverity: ScanSeverity;
  ignoreUnfixed: boolean;
}

/** Parse one report listed under `reports.<tool>` (exported for tests). */
export function parseReportText(tool: ToolName, text: string, file: string): ParsedReport {
  if (tool === 'trufflehog') return parseTrufflehog(text, file);
  const value = parseJson(text, file);
  if (tool === 'sarif') return parseSarif(value, file);
  if (isRecord(value) && 'runs' in value && 'version' in value) {
    const r = parseSarif(value, file);
    const want = tool === 'npmAudit' ? 'npm' : tool;
    if (!r.tool.split('+').every((t) => t === want))
      throw new InputError(`${file}: SARIF written by ${r.tool} listed under reports.${tool} (list it under reports.sarif)`, file);
    return r;
  }
  if ((tool === 'trivy' || tool === 'grype') && isRecord(value) && value.bomFormat === 'CycloneDX') {
    const s = parseSbom(value, file);
    return { tool: s.tool ?? tool, format: s.format, entries: s.entries };
  }
  switch (tool) {
    case 'trivy':
      return parseTrivy(value, file);
    case 'checkov':
      return parseCheckov(value, file);
    case 'gitleaks':
      return parseGitleaks(value, file);
    case 'grype':
      return parseGrype(value, file);
    default:
      return parseNpmAudit(value, file);
  }
}

interface Parsed {
  file: string;
  report: ParsedReport;
  /** The report's text, to point findings at the line of their entry. */
  text?: string;
}

interface Sbom {
  file: string;
  info: SbomInfo;
  rootLine?: number;
}

/** Total characters searched for entry lines per check run; beyond it findings point at line 1. */
const LINE_SEARCH_BUDGET = 200_000_000;

/**
 * Line of a needle in a report. Findings are made in the report's order, so
 * each search starts where the last hit was and only wraps around to the
 * start when the needle is not ahead: one pass over a 100 MB report for all
 * its findings, instead of one pass per finding. Lines are counted forward
 * from the last hit.
 */
class LineFinder {
  readonly #text: string;
  readonly #budget: { chars: number };
  #cursor = 0;
  #line = 1;
  #lineStart = 0;
  constructor(text: string, budget: { chars: number } = { chars: LINE_SEARCH_BUDGET }) {
    this.#text = text;
    this.#budget = budget;
  }
  find(needles: readonly string[]): number | undefined {
    for (const n of needles) {
      const i = this.#search(n);
      if (i >= 0) {
        this.#cursor = i + n.length;
        return this.#lineAt(i);
      }
    }
    return undefined;
  }
  #search(n: string): number {
    const text = this.#text;
    if (this.#budget.chars <= 0) return -1;
    const ahead = text.indexOf(n, this.#cursor);
    this.#budget.chars -= (ahead < 0 ? text.length : ahead) - this.#cursor;
    if (ahead >= 0 || this.#cursor === 0 || this.#budget.chars <= 0) return ahead;
    const behind = text.indexOf(n);
    this.#budget.chars -= behind < 0 ? this.#cursor : behind;
    return behind < this.#cursor ? behind : -1;
  }
  #lineAt(offset: number): number {
    if (offset < this.#lineStart) {
      this.#line = 1;
      this.#lineStart = 0;
    }
    const text = this.#text;
    for (let nl = text.indexOf('\n', this.#lineStart); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
      this.#line++;
      this.#lineStart = nl + 1;
    }
    return this.#line;
  }
}

/** Line of the config file that mentions `needle` (a glob, a key), else 1. */
function configLine(ctx: CheckContext, needle: string): number {
  if (!ctx.configFile) return 1;
  try {
    const lines = ctx.workspace.read(ctx.configFile).split('\n');
    const i = lines.findIndex((l) => l.includes(needle));
    return i >= 0 ? i + 1 : 1;
  } catch {
    return 1;
  }
}

function failed(message: string, file: string | undefined, key: string, line?: number): RawFinding {
  return { ruleId: 'gate/check-failed', message, location: { ...(file ? { file } : {}), ...(line ? { line } : {}) }, key };
}

/** One gate/check-failed per (key, file): the same file listed under two tools fails twice. */
function errorFinding(err: unknown, file: string, key: string): RawFinding {
  if (err instanceof InputError) return failed(err.message, err.file ?? file, `reports.${key}:${file}`, err.line);
  return failed(`${file}: cannot process report: ${(err as Error)?.message ?? String(err)}`, file, `reports.${key}:${file}`);
}

/** Repository-relative, forward slashes, when the path points inside the reviewed tree. */
function normalisePath(p: string, root: string): string {
  let s = p.replaceAll('\\', '/').replace(/^file:\/\//, '');
  if (isAbsolute(s)) {
    const rel = relative(root, s);
    if (!rel.startsWith('..') && !isAbsolute(rel)) s = rel.split('\\').join('/');
  }
  return s.replace(/^(\.\/)+/, '');
}

export const reportsCheck: Check = {
  id: 'reports',
  rules: ['vuln/high-or-critical', 'secret/exposed', 'sbom/missing', 'scanner/misconfiguration', ...SCANNER_MAPPED_RULES, 'gate/check-failed'],
  workerGroup: 'reports',
  async run(ctx: CheckContext): Promise<CheckResult> {
    const cfg = ctx.config.reports ?? {};
    const opts: Options = {
      threshold: cfg.vulnThreshold ?? 'high',
      defaultSeverity: cfg.defaultSeverity ?? 'medium',
      ignoreUnfixed: cfg.ignoreUnfixed === true,
    };
    const findings: RawFinding[] = [];
    const parsed: Parsed[] = [];
    const configFile = ctx.configFile;

    for (const tool of REPORT_TOOLS) {
      const globs = cfg[tool];
      if (!globs) continue;
      for (const file of matchGlobs(ctx, `reports.${tool}`, globs, findings, configFile)) {
        try {
          const text = readReportText(file, file, { allowEmpty: tool === 'trufflehog', within: ctx.root });
          parsed.push({ file, report: parseReportText(tool, text, file), text });
        } catch (err) {
          findings.push(errorFinding(err, file, tool));
        }
      }
    }

    for (const tool of cfg.run ?? []) {
      const r = await runScanner(tool, ctx);
      if ('finding' in r) findings.push(r.finding);
      // Its findings point at the config that asked for the run, not at a temp file.
      else parsed.push({ ...r, file: configFile ?? r.file });
    }

    // SBOMs: configured globs, else default names.
    const sboms: Sbom[] = [];
    const candidates = cfg.sbom ? matchGlobs(ctx, 'reports.sbom', cfg.sbom, findings, configFile) : ctx.workspace.files().filter((f) => SBOM_NAME.test(basename(f)));
    const rejected: string[] = [];
    for (const file of candidates) {
      try {
        const text = readReportText(file, file, { within: ctx.root });
        const info = parseSbom(parseJson(text, file), file);
        const rootLine = info.root ? new LineFinder(text).find([JSON.stringify(info.root)]) : undefined;
        sboms.push({ file, info, ...(rootLine ? { rootLine } : {}) });
        if (info.entries.length) parsed.push({ file, report: { tool: info.tool ?? 'sbom', format: info.format, entries: info.entries }, text });
      } catch (err) {
        // A configured SBOM that is not valid fails closed; a file that only has an SBOM-like name is skipped.
        if (cfg.sbom) findings.push(errorFinding(err, file, 'sbom'));
        else rejected.push(file);
      }
    }
    findings.push(...sbomFindings(sboms, rejected, ctx, configFile));

    const counts = { vuln: 0, secret: 0, misconfig: 0 };
    const vulns = vulnFindings(parsed, opts, { chars: LINE_SEARCH_BUDGET });
    counts.vuln = vulns.length;
    findings.push(...vulns);
    const secrets = secretFindings(parsed, ctx.root);
    counts.secret = secrets.length;
    findings.push(...secrets);
    const misconfigs = misconfigFindings(parsed, ctx, opts);
    counts.misconfig = misconfigs.length;
    findings.push(...misconfigs);

    // Every finding that names a file names a line (annotations need both).
    for (const f of findings) if (f.location.file && !f.location.line) f.location.line = 1;

    const byTool = new Map<string, number>();
    for (const p of parsed) byTool.set(p.report.tool, (byTool.get(p.report.tool) ?? 0) + 1);
    const tools = [...byTool].map(([t, n]) => `${t} ${n}`).join(', ');
    return {
      findings,
      detail: `${parsed.length} reports${tools ? ` (${tools})` : ''}; ${counts.vuln} vulnerabilities at or above ${opts.threshold}, ${counts.secret} secrets, ${counts.misconfig} misconfigurations; ${sboms.length ? `SBOM: ${sboms.map((s) => `${s.file} (${s.info.format})`).join(', ')}` : 'no SBOM'}`,
    };
  },
};

function matchGlobs(ctx: CheckContext, key: string, globs: readonly string[], findings: RawFinding[], configFile: string | undefined): string[] {
  const out = new Set<string>();
  for (const g of globs) {
    const files = ctx.workspace.select([g], () => false);
    if (files.length === 0)
      findings.push(failed(`${key}: "${g}" matches no file: the scanner step wrote no report (or the glob is wrong); the gate does not pass a missing report`, configFile, `${key}:${g}`, configFile ? configLine(ctx, g) : undefined));
    for (const f of files) out.add(f);
  }
  return [...out];
}

// ---------------------------------------------------------------- vulnerabilities

function vulnFindings(parsed: readonly Parsed[], opts: Options, budget: { chars: number }): RawFinding[] {
  interface Agg {
    v: VulnEntry;
    severity: ScanSeverity;
    installed: string[];
    fixed?: string;
    tools: string[];
    file: string;
    finder: LineFinder | undefined;
  }
  const byKey = new Map<string, Agg>();
  for (const { file, report, text } of parsed) {
    const finder = text === undefined ? undefined : new LineFinder(text, budget);
    for (const e of report.entries) {
      if (e.kind !== 'vuln') continue;
      const severity = e.severity ?? opts.defaultSeverity;
      const k = `${e.pkg}\u0000${e.id}`;
      let a = byKey.get(k);
      if (!a) {
        a = { v: e, severity, installed: [], tools: [], file, finder };
        byKey.set(k, a);
      } else if (severityRank(severity) > severityRank(a.severity)) a.severity = severity;
      // Small lists (a few versions, a few tools): arrays, not Sets, for 10^5 entries.
      if (e.installed && !a.installed.includes(e.installed)) a.installed.push(e.installed);
      if (e.fixed && !a.fixed) a.fixed = e.fixed;
      if (!a.tools.includes(report.tool)) a.tools.push(report.tool);
    }
  }
  const min = severityRank(opts.threshold);
  const out: RawFinding[] = [];
  for (const a of byKey.values()) {
    if (severityRank(a.severity) < min) continue;
    if (opts.ignoreUnfixed && !a.fixed) continue;
    const { id, pkg } = a.v;
    const installed = a.installed.length ? ` ${a.installed.slice(0, 3).join(', ')}${a.installed.length > 3 ? ', ...' : ''}` : '';
    const tools = a.tools.sort();
    out.push({
      ruleId: 'vuln/high-or-critical',
      message: `${id} (${a.severity}) in ${pkg}${installed}: ${a.fixed ? `fixed in ${a.fixed}` : 'no fixed version known'}${a.v.target ? `; target ${a.v.target}` : ''} (${tools.join(', ')})`,
      location: { file: a.file, line: a.finder?.find([JSON.stringify(id), JSON.stringify(pkg)]) ?? 1, resource: `Vulnerability/${id}/${pkg}` },
      source: tools.join(','),
      remediation: a.fixed
        ? `Upgrade ${pkg} to ${a.fixed} (rebuild the image if it is an OS package).`
        : `No fix is published for ${id} in ${pkg}: remove or replace the package, or file a signed override with a remediation ticket.`,
    });
  }
  return out;
}

// ---------------------------------------------------------------- secrets

function secretFindings(parsed: readonly Parsed[], root: string): RawFinding[] {
  const out: RawFinding[] = [];
  // Redacted secrets have no value to fingerprint: number them per (tool, file, rule) in line order.
  const ordinal = new Map<string, number>();
  const items: { e: SecretEntry; file: string; tool: string }[] = [];
  for (const { file, report } of parsed) for (const e of report.entries) if (e.kind === 'secret') items.push({ e, file, tool: report.tool });
  items.sort((a, b) => (a.e.line ?? 0) - (b.e.line ?? 0));
  for (const { e, file, tool } of items) {
    const where = e.file ? normalisePath(e.file, root) : undefined;
    let key = e.valueKey;
    if (!key) {
      const g = `${tool}\u0000${where ?? file}\u0000${e.rule}`;
      const n = (ordinal.get(g) ?? 0) + 1;
      ordinal.set(g, n);
      key = `redacted:${tool}:${e.rule}#${n}`;
    }
    const place = where ? `${where}${e.line ? `:${e.line}` : ''}` : `a location the report does not name (see ${file})`;
    out.push({
      ruleId: 'secret/exposed',
      message: `${tool} rule ${e.rule}: credential found in ${place}${e.note ? ` (${e.note})` : ''}; value withheld`,
      location: { file: where ?? file, ...(e.line ? { line: e.line } : {}) },
      key,
      source: tool,
    });
  }
  return out;
}

// ---------------------------------------------------------------- misconfigurations

function misconfigFindings(parsed: readonly Parsed[], ctx: CheckContext, opts: Options): RawFinding[] {
  const out: RawFinding[] = [];
  let objects: K8sObject[] | undefined;
  const k8sObjects = () => (objects ??= ctx.workspace.kubernetes(ctx.config.kubernetes).objects);
  for (const { file, report } of parsed) {
    for (const e of report.entries) {
      if (e.kind !== 'misconfig') continue;
      const tool = report.tool;
      const id = canonicalId(e.id);
      const target = e.file ? normalisePath(e.file, ctx.root) : undefined;
      const obj = resolveObject(e, target, k8sObjects);
      const resource = obj ? obj.resource : e.k8s ? `${e.k8s.kind}/${e.k8s.namespace || 'default'}/${e.k8s.name}` : undefined;
      const fileLoc = { file: obj?.file ?? target ?? file, ...(e.line && (obj ? obj.file === target : true) ? { line: e.line } : obj ? { line: obj.line } : {}) };
      const label = `${tool} ${id}${e.title && e.title !== e.id ? ` (${e.title})` : ''}`;
      const rule = gateRuleFor(id);
      const scope = rule && ruleRecord(rule).scope;
      if (rule && scope === 'dockerfile') {
        out.push({ ruleId: rule, message: `${label}`, location: fileLoc, source: tool });
        continue;
      }
      // A Kubernetes rule: on the object's containers, or its pod spec, as the gate's own finding is.
      if (rule && resource !== undefined) {
        const containers = scope === 'pod' ? [undefined] : containersFor(rule, e, obj);
        for (const container of containers)
          out.push({
            ruleId: rule,
            message: `${resource}${container ? ` container "${container}"` : ''}: ${label}`,
            location: { ...fileLoc, resource, ...(container ? { container } : {}) },
            source: tool,
          });
        continue;
      }
      const sev = e.severity ?? opts.defaultSeverity;
      if (sev === 'info') continue;
      const container = e.k8s?.container;
      out.push({
        ruleId: 'scanner/misconfiguration',
        message: `${resource ? `${resource}${container ? ` container "${container}"` : ''}: ` : ''}${label}, severity ${sev}${e.severity ? '' : ' (scanner gave none: reports.defaultSeverity)'}`,
        location: { ...fileLoc, ...(resource ? { resource } : {}), ...(resource && container ? { container } : {}) },
        severity: severityRank(sev) >= severityRank('high') ? 'block' : 'warning',
        key: `${tool}:${id}${!resource && e.resource ? `:${e.resource}` : ''}`,
        source: tool,
      });
    }
  }
  return out;
}

/** The repository's object a scanner finding is about: by kind/name (namespace, file), else by file and line. */
function resolveObject(e: MisconfEntry, target: string | undefined, objects: () => K8sObject[]): K8sObject | undefined {
  if (e.k8s) {
    const { kind, name, namespace } = e.k8s;
    const same = objects().filter((o) => o.kind === kind && o.name === name && (!namespace || o.namespace === namespace));
    if (same.length <= 1) return same[0];
    return same.find((o) => o.file === target) ?? (namespace ? same[0] : undefined);
  }
  if (!target || !e.line) return undefined;
  const line = e.line;
  let best: K8sObject | undefined;
  for (const o of objects()) if (o.file === target && o.line <= line && (!best || o.line > best.line)) best = o;
  return best;
}

/**
 * Containers a container-level finding applies to: the one the scanner
 * names; else (checkov reports per workload) the containers that fail the
 * gate's own evaluation of the rule; else the workload as a whole.
 */
function containersFor(rule: RuleId, e: MisconfEntry, obj: K8sObject | undefined): (string | undefined)[] {
  if (e.k8s?.container) return [e.k8s.container];
  if (!obj) return [undefined];
  let pod: ReturnType<typeof podTemplateOf>;
  try {
    pod = podTemplateOf(obj);
  } catch {
    return [undefined];
  }
  const evaluate = rule in CONTAINER_RULES ? CONTAINER_RULES[rule as keyof typeof CONTAINER_RULES] : undefined;
  if (!pod || !evaluate) return [undefined];
  const names = containersOf(pod)
    .filter((c) => evaluate(c).length > 0)
    .map((c) => c.name);
  return names.length ? names : [undefined];
}

// ---------------------------------------------------------------- SBOM

function sbomFindings(sboms: readonly Sbom[], rejected: readonly string[], ctx: CheckContext, configFile: string | undefined): RawFinding[] {
  const cfg = ctx.config.reports ?? {};
  if (sboms.length === 0) {
    const file = configFile ?? DEFAULT_CONFIG_FILE;
    const why = cfg.sbom
      ? 'none of the files under reports.sbom is a valid CycloneDX or SPDX SBOM'
      : `no SBOM found (no reports.sbom in ${file}; looked everywhere in the repository for *.cdx.json, *.spdx.json, *.spdx3.json, bom.json, sbom.json${rejected.length ? `; not a valid SBOM: ${rejected.slice(0, 3).join(', ')}` : ''})`;
    // Where the SBOM is expected: the reports.sbom key when set, else where it would be added (the config file).
    const line = configFile ? configLine(ctx, cfg.sbom ? 'sbom:' : 'reports:') : 1;
    return [{ ruleId: 'sbom/missing', message: why, location: { file, line } }];
  }
  const out: RawFinding[] = [];
  let forBuild = sboms;
  const want = cfg.sbomComponent;
  if (want) {
    forBuild = sboms.filter((s) => s.info.root !== undefined && (s.info.root === want || s.info.root.startsWith(`${want}:`) || s.info.root.startsWith(`${want}@`)));
    if (forBuild.length === 0) {
      const names = sboms.map((s) => `${s.file} describes ${s.info.root ? `"${s.info.root}"` : 'no root component'}`).join('; ');
      out.push({ ruleId: 'sbom/missing', message: `no SBOM is for this build (reports.sbomComponent "${want}"): ${names}`, location: { file: sboms[0]?.file, line: sboms[0]?.rootLine ?? 1 }, key: 'not-this-build' });
      return out;
    }
  }
  const maxAge = cfg.sbomMaxAgeDays;
  if (maxAge) {
    const times = forBuild.map((s) => Date.parse(s.info.timestamp ?? '')).filter((t) => Number.isFinite(t));
    const newest = times.length ? Math.max(...times) : undefined;
    const ageDays = newest === undefined ? undefined : (ctx.now.getTime() - newest) / 86_400_000;
    if (ageDays === undefined || ageDays > maxAge)
      out.push({
        ruleId: 'sbom/missing',
        message:
          ageDays === undefined
            ? `no SBOM for this build carries a creation timestamp (reports.sbomMaxAgeDays ${maxAge})`
            : `the newest SBOM for this build is ${Math.floor(ageDays)} days old, older than reports.sbomMaxAgeDays ${maxAge}: it was not generated by this build`,
        location: { file: forBuild[0]?.file, line: 1 },
        key: 'stale',
      });
  }
  return out;
}

// ---------------------------------------------------------------- reports.run

async function runScanner(tool: 'trivy' | 'gitleaks', ctx: CheckContext): Promise<{ file: string; report: ParsedReport } | { finding: RawFinding }> {
  const label = `reports.run:${tool}`;
  const at = (message: string) => failed(message, ctx.configFile, label, ctx.configFile ? configLine(ctx, 'run:') : undefined);
  if (!ctx.runScanner) return { finding: at(`${label}: this run of the gate cannot start scanners (only the CLI and the Action do)`) };
  try {
    const outcome = await ctx.runScanner(tool, { root: ctx.root, env: ctx.env, signal: ctx.signal });
    if ('error' in outcome) return { finding: at(`${label}: ${outcome.error}`) };
    try {
      const text = readReportText(outcome.reportFile, label);
      return { file: label, report: parseReportText(tool, text, label) };
    } finally {
      outcome.dispose();
    }
  } catch (err) {
    return { finding: errorFinding(err, label, 'run') };
  }
}

export type { Entry };
