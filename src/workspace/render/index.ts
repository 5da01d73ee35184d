// Render what the repository deploys (Helm charts, kustomize overlays) once
// per run, before the checks read Kubernetes objects; parse the output into
// objects named by the files a reviewer edits.
import { type K8sObject, isObj, kubernetesObjects } from '../kubernetes.ts';
import { parseYamlDocuments, YamlError } from '../yaml.ts';
import { renderChart } from './helm.ts';
import { buildKustomization, type Kustomizer, ORIGIN_ANNOTATION } from './kustomize.ts';
import { planRendering, type RenderProblem, type RenderSettings } from './plan.ts';
import { findTool, type RenderedSource } from './tools.ts';

export type { ChartSpec, RenderProblem, RenderSettings } from './plan.ts';
export type { RenderedSource } from './tools.ts';

/** What rendering gave: plain data, so it can cross to the check worker thread. */
export interface Rendered {
  sources: RenderedSource[];
  /** Files read only through a renderer (templates, patches, values). */
  owned: string[];
  problems: RenderProblem[];
  notes: string[];
}

export const NOTHING_RENDERED: Rendered = { sources: [], owned: [], problems: [], notes: [] };

export async function renderDeployments(
  root: string,
  files: readonly string[],
  settings: RenderSettings,
  readText: (file: string) => string,
  pathEnv: string | undefined,
  signal: AbortSignal,
  inScope?: (file: string) => boolean,
): Promise<Rendered> {
  const plan = planRendering(files, settings, readText, inScope);
  if (plan.charts.length === 0 && plan.kustomizations.length === 0) return { sources: [], owned: [...plan.owned], problems: plan.problems, notes: plan.notes };
  const helm = plan.charts.length > 0 ? findTool('helm', pathEnv) : undefined;
  const kustomizeBin = plan.kustomizations.length > 0 ? findTool('kustomize', pathEnv) : undefined;
  const kubectl = plan.kustomizations.length > 0 && !kustomizeBin ? findTool('kubectl', pathEnv) : undefined;
  const kustomizer: Kustomizer | undefined = kustomizeBin ? { bin: kustomizeBin, args: ['build'] } : kubectl ? { bin: kubectl, args: ['kustomize'] } : undefined;
  const kustomizationFile = (dir: string): string =>
    files.find((f) => /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(f) && (dir === '.' ? !f.includes('/') : f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes('/'))) ?? `${dir}/kustomization.yaml`;
  const runs = await Promise.all([
    ...plan.charts.map((c) => renderChart(root, c, helm, readText, signal)),
    ...plan.kustomizations.map((d) => buildKustomization(root, d, kustomizationFile(d), kustomizer, readText, signal)),
  ]);
  const notes = [...plan.notes];
  for (const c of plan.charts) notes.push(`chart ${c.chart}: rendered with helm template (release ${c.release ?? 'release'}, namespace ${c.namespace ?? 'default'}${c.values?.length ? `, values ${c.values.join(', ')}` : ', default values'})`);
  for (const d of plan.kustomizations) notes.push(`kustomization ${d}: built with ${kustomizer ? kustomizer.args[0] === 'build' ? 'kustomize build' : 'kubectl kustomize' : '(no tool)'}`);
  return {
    sources: runs.flatMap((r) => r.sources),
    owned: [...plan.owned],
    problems: [...plan.problems, ...runs.flatMap((r) => (r.problem ? [r.problem] : []))],
    notes,
  };
}

/**
 * Objects of rendered sources. Helm test hooks exist only during `helm
 * test` and are counted, not audited; kustomize's origin annotation is
 * removed (it is the gate's, not the deployment's).
 */
export function renderedObjects(rendered: Rendered): { objects: K8sObject[]; problems: RenderProblem[]; notes: string[] } {
  const objects: K8sObject[] = [];
  const problems: RenderProblem[] = [];
  let hookTests = 0;
  for (const source of rendered.sources) {
    const map = source.lineMap;
    try {
      const docs = parseYamlDocuments(source.text, source.file, 'kubernetes', { mapLine: (l) => map[l] ?? 1 });
      for (const obj of kubernetesObjects(docs, source.file)) {
        const meta = isObj(obj.raw.metadata) ? obj.raw.metadata : undefined;
        if (source.namespace && !(meta && typeof meta.namespace === 'string' && meta.namespace !== '')) {
          obj.namespace = source.namespace;
          obj.resource = `${obj.kind}/${source.namespace}/${obj.name}`;
        }
        const annotations = meta && isObj(meta.annotations) ? meta.annotations : undefined;
        if (annotations && ORIGIN_ANNOTATION in annotations) {
          delete annotations[ORIGIN_ANNOTATION];
          if (meta && Object.keys(annotations).length === 0) delete meta.annotations;
        }
        obj.bundle = source.via;
        const hook = annotations?.['helm.sh/hook'];
        if (typeof hook === 'string' && hook.split(',').some((h) => h.trim() === 'test' || h.trim() === 'test-success')) {
          hookTests++;
          continue;
        }
        objects.push(obj);
      }
    } catch (err) {
      if (!(err instanceof YamlError)) throw err;
      problems.push({ file: source.file, ...(err.line ? { line: err.line } : {}), message: `${source.via} renders invalid YAML: ${err.message}` });
    }
  }
  const notes = hookTests > 0 ? [`${hookTests} helm test hook object(s) (helm.sh/hook: test) not audited: they exist only during \`helm test\``] : [];
  return { objects, problems, notes };
}
