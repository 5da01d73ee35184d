// What to render before judging: the Helm charts and kustomize overlays the
// repository deploys, and the files only a renderer may read (a chart's
// templates are not YAML; a patch or a kustomization's own files are not
// objects of their own). Pure: file list and file reader in, plan out.
import { posix } from 'node:path';
import { isObj } from '../kubernetes.ts';
import { parseYamlDocuments, YamlError } from '../yaml.ts';
import { chainsawAssertionFiles } from './chainsaw.ts';

export interface ChartSpec {
  /** Chart directory, repository-relative. */
  chart: string;
  release?: string;
  namespace?: string;
  /** Values files, repository-relative, in order. */
  values?: string[];
  set?: Record<string, unknown>;
}

export interface RenderSettings {
  helm?: readonly ChartSpec[];
  kustomize?: readonly string[];
}

export interface RenderProblem {
  file: string;
  line?: number;
  message: string;
}

export interface RenderPlan {
  charts: ChartSpec[];
  /** Kustomization directories to build, repository-relative ('.' for the root). */
  kustomizations: string[];
  /** Files read only through a renderer, never as plain manifests. */
  owned: Set<string>;
  problems: RenderProblem[];
  /** Lines for the check detail: what is rendered, skipped and why. */
  notes: string[];
}

const KUSTOMIZATION_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);
/** Fields of a kustomization naming other kustomizations (directories) or resource files. */
const RESOURCE_FIELDS = ['resources', 'bases', 'components'] as const;
/** Fields naming files kustomize reads as patches, transformers and the like: never objects of their own. */
const FILE_FIELDS = ['patchesStrategicMerge', 'transformers', 'generators', 'validators', 'configurations', 'crds'] as const;
const PATH_LIST_FIELDS = ['patches', 'patchesJson6902', 'replacements'] as const;
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/i;

interface Kustomization {
  dir: string;
  file: string;
  component: boolean;
  /** Directories it includes (resources, bases, components). */
  dirs: string[];
  remote: Array<{ ref: string; line?: number }>;
}

/**
 * `inScope`: whether a chart's Chart.yaml or a kustomization file lies in
 * kubernetes.paths (when set, only those are discovered; configured ones
 * always render).
 */
export function planRendering(files: readonly string[], settings: RenderSettings, readText: (file: string) => string, inScope: (file: string) => boolean = () => true): RenderPlan {
  const plan: RenderPlan = { charts: [], kustomizations: [], owned: new Set(), problems: [], notes: [] };
  const fileSet = new Set(files);
  planCharts(files, settings, plan, fileSet, readText, inScope);
  planKustomizations(files, settings, plan, fileSet, readText, inScope);
  const assertions = chainsawAssertionFiles(files, readText);
  for (const f of assertions) plan.owned.add(f);
  if (assertions.length > 0) plan.notes.push(`${assertions.length} chainsaw test assertion file(s) (named only by assert/error in a chainsaw Test, or unused beside one) not read as manifests: they are partial objects compared against a cluster`);
  return plan;
}

function dirOf(file: string): string {
  const d = posix.dirname(file);
  return d === '' ? '.' : d;
}

function under(dir: string, file: string): boolean {
  return dir === '.' || file.startsWith(`${dir}/`);
}

function planCharts(files: readonly string[], settings: RenderSettings, plan: RenderPlan, fileSet: Set<string>, readText: (file: string) => string, inScope: (file: string) => boolean): void {
  const chartDirs = files.filter((f) => posix.basename(f) === 'Chart.yaml').map(dirOf);
  // A chart's subcharts (charts/<name>/) render with it.
  const topCharts = chartDirs.filter((d) => !chartDirs.some((o) => o !== d && (o === '.' || d.startsWith(`${o}/`))));
  for (const f of files) if (chartDirs.some((d) => under(d, f))) plan.owned.add(f);
  for (const dir of chartsWithoutChartYaml(files, chartDirs, readText)) {
    for (const f of files) if (under(dir, f)) plan.owned.add(f);
    const generated = files.find((f) => dirOf(f) === dir && /^Chart.+\.ya?ml$/.test(posix.basename(f)));
    const why = `no Chart.yaml${generated ? ` (${posix.basename(generated)} is there: a build step generates it)` : ''}, so its templates cannot be rendered as committed`;
    if (settings.helm) plan.notes.push(`chart ${dir}: not rendered: ${why}`);
    else if (inScope(`${dir}/values.yaml`))
      plan.problems.push({ file: `${dir}/values.yaml`, message: `helm chart ${dir}: not rendered: ${why}; generate Chart.yaml in a step before the gate, or render the chart there and point kubernetes.paths at the output` });
  }
  if (settings.helm) {
    for (const spec of settings.helm) {
      const chart = posix.normalize(spec.chart).replace(/\/$/, '') || '.';
      if (!fileSet.has(chart === '.' ? 'Chart.yaml' : `${chart}/Chart.yaml`)) {
        plan.problems.push({ file: chart, message: `kubernetes.helm: "${spec.chart}" is not a chart directory (no Chart.yaml)` });
        continue;
      }
      plan.charts.push({ ...spec, chart });
      for (const v of spec.values ?? []) plan.owned.add(posix.normalize(v));
    }
    const configured = new Set(plan.charts.map((c) => c.chart));
    for (const d of topCharts) if (!configured.has(d)) plan.notes.push(`chart ${d}: not rendered (not listed in kubernetes.helm); its templates are not read as plain YAML`);
    return;
  }
  for (const chart of topCharts) {
    if (!inScope(chart === '.' ? 'Chart.yaml' : `${chart}/Chart.yaml`)) continue;
    let type: unknown;
    try {
      type = (parseYamlDocuments(readText(chart === '.' ? 'Chart.yaml' : `${chart}/Chart.yaml`), `${chart}/Chart.yaml`)[0]?.value as { type?: unknown } | undefined)?.type;
    } catch {
      type = undefined; // helm reports a broken Chart.yaml when it renders
    }
    if (type === 'library') plan.notes.push(`chart ${chart}: library chart, rendered only by the charts that use it`);
    else plan.charts.push({ chart });
  }
}

/**
 * Directories laid out as a chart (values.yaml, templates using .Values or
 * .Release) with no Chart.yaml of their own and inside no chart.
 */
function chartsWithoutChartYaml(files: readonly string[], chartDirs: readonly string[], readText: (file: string) => string): string[] {
  const found: string[] = [];
  for (const values of files) {
    if (posix.basename(values) !== 'values.yaml') continue;
    const dir = dirOf(values);
    if (chartDirs.some((d) => under(d, values))) continue;
    const prefix = dir === '.' ? 'templates/' : `${dir}/templates/`;
    const templated = files.some((f) => {
      if (!f.startsWith(prefix)) return false;
      try {
        return /\{\{-?\s*(?:include|template|toYaml|if|with|range)?[^}]*\.(?:Values|Release|Chart)\b/.test(readText(f));
      } catch {
        return false;
      }
    });
    if (templated) found.push(dir);
  }
  return found;
}

function planKustomizations(files: readonly string[], settings: RenderSettings, plan: RenderPlan, fileSet: Set<string>, readText: (file: string) => string, inScope: (file: string) => boolean): void {
  const dirs = new Set<string>();
  for (const f of files) for (let d = dirOf(f); d !== '.' && !dirs.has(d); d = dirOf(d)) dirs.add(d);
  const kustomizations = new Map<string, Kustomization>();
  for (const file of files) {
    if (!KUSTOMIZATION_NAMES.has(posix.basename(file))) continue;
    const dir = dirOf(file);
    let doc: unknown;
    try {
      doc = parseYamlDocuments(readText(file), file)[0]?.value;
    } catch (err) {
      plan.problems.push({ file, ...(err instanceof YamlError && err.line ? { line: err.line } : {}), message: `invalid kustomization: ${(err as Error).message}` });
      continue;
    }
    const k: Kustomization = { dir, file, component: isObj(doc) && doc.kind === 'Component', dirs: [], remote: [] };
    kustomizations.set(dir, k);
    plan.owned.add(file);
    if (!isObj(doc)) continue;
    const resolve = (ref: string): string | undefined => {
      const p = posix.normalize(posix.join(dir, ref)).replace(/\/$/, '');
      return p === '..' || p.startsWith('../') ? undefined : p;
    };
    for (const field of RESOURCE_FIELDS) {
      for (const ref of strings(doc[field])) {
        if (REMOTE.test(ref)) {
          k.remote.push({ ref });
          continue;
        }
        const p = resolve(ref);
        if (p === undefined) plan.problems.push({ file, message: `${field}: "${ref}" is outside the repository; the gate reads only the repository` });
        else if (fileSet.has(p)) plan.owned.add(p);
        else if (dirs.has(p) || p === '.') k.dirs.push(p);
        else plan.problems.push({ file, message: `${field}: "${ref}" does not exist` });
      }
    }
    const ownFile = (ref: string): void => {
      if (ref.includes('\n')) return; // an inline patch
      const p = resolve(ref);
      if (p !== undefined && fileSet.has(p)) plan.owned.add(p);
    };
    for (const field of FILE_FIELDS) for (const ref of strings(doc[field])) ownFile(ref);
    for (const field of PATH_LIST_FIELDS) {
      const list = doc[field];
      if (Array.isArray(list)) for (const item of list) if (isObj(item) && typeof item.path === 'string') ownFile(item.path);
    }
  }
  // A kustomization's own directory holds its patches and stray drafts: none is an object of its own.
  for (const f of files) if (kustomizations.has(dirOf(f)) && /\.(ya?ml|json)$/.test(f)) plan.owned.add(f);
  const included = new Set<string>();
  for (const k of kustomizations.values()) for (const d of k.dirs) included.add(d);
  const roots = settings.kustomize
    ? settings.kustomize.map((d) => posix.normalize(d).replace(/\/$/, '') || '.')
    : [...kustomizations.values()].filter((k) => !k.component && !included.has(k.dir) && inScope(k.file)).map((k) => k.dir);
  for (const root of roots) {
    const k = kustomizations.get(root);
    if (!k) {
      plan.problems.push({ file: root, message: `kubernetes.kustomize: "${root}" holds no kustomization.yaml` });
      continue;
    }
    const remote = closure(root, kustomizations).flatMap((d) => (kustomizations.get(d)?.remote ?? []).map((r) => `${r.ref} (in ${kustomizations.get(d)?.file})`));
    if (remote.length > 0) {
      plan.problems.push({ file: k.file, message: `not built: it includes remote resources the gate does not fetch (it never reaches the network): ${remote.join(', ')}; vendor them or build the overlay in an earlier step and point kubernetes.paths at its output` });
      continue;
    }
    plan.kustomizations.push(root);
  }
  for (const k of kustomizations.values())
    if (k.component && ![...roots].some((r) => closure(r, kustomizations).includes(k.dir))) plan.notes.push(`component ${k.dir}: used by no overlay that is built, so not counted`);
}

/** Kustomization directories reachable from `root`, itself included. */
function closure(root: string, all: Map<string, Kustomization>): string[] {
  const seen = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const d = stack.pop() as string;
    if (seen.has(d)) continue;
    seen.add(d);
    for (const next of all.get(d)?.dirs ?? []) stack.push(next);
  }
  return [...seen];
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
