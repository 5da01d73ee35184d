// `helm template` of one chart, as CI renders it before applying, split back
// into the templates the objects came from (helm's "# Source:" comments).
import { readdirSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { InputError } from '../../util/errors.ts';
import { isObj } from '../kubernetes.ts';
import { readRegularFile } from '../read-file.ts';
import { parseYamlDocuments } from '../yaml.ts';
import { alignLines } from './line-align.ts';
import type { ChartSpec, RenderProblem } from './plan.ts';
import { linkLeavingRepository, type RenderedSource, runTool } from './tools.ts';

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_VALUES_BYTES = 4 * 1024 * 1024;

export interface ChartRender {
  sources: RenderedSource[];
  problem?: RenderProblem;
}

export async function renderChart(root: string, spec: ChartSpec, helm: string | undefined, readText: (file: string) => string, signal: AbortSignal): Promise<ChartRender> {
  const chartFile = spec.chart === '.' ? 'Chart.yaml' : `${spec.chart}/Chart.yaml`;
  const fail = (message: string): ChartRender => ({ sources: [], problem: { file: chartFile, message: `helm chart ${spec.chart}: ${message}` } });
  if (!helm) return fail('not rendered: helm is not on PATH (install helm, or render the chart in an earlier step and point kubernetes.paths at the output)');
  const release = spec.release ?? 'release';
  const namespace = spec.namespace ?? 'default';
  if (!NAME.test(release) || release.length > 53) return fail(`release name "${release}" is not a valid Helm release name`);
  if (!NAME.test(namespace) || namespace.length > 63) return fail(`namespace "${namespace}" is not a valid namespace name`);
  const leaving = linkLeavingRepository(root, resolve(root, spec.chart));
  if (leaving) return fail(`not rendered: ${leaving} is a link that leaves the repository`);
  const missing = missingDependencies(root, spec.chart, readText);
  if (missing.length > 0)
    return fail(
      `not rendered: dependencies not vendored in ${chartFile.replace(/Chart\.yaml$/, 'charts/')}: ${missing.join(', ')}; run \`helm dependency build ${spec.chart}\` in a step before the gate (the gate never reaches the network)`,
    );
  const args = ['template', release, resolve(root, spec.chart), '--namespace', namespace];
  for (const values of spec.values ?? []) {
    try {
      readRegularFile(values, { within: root, maxBytes: MAX_VALUES_BYTES });
    } catch (err) {
      if (err instanceof InputError) return fail(`values file ${values} ${err.message}`);
      throw err;
    }
    args.push('--values', resolve(root, values));
  }
  // --set-json: the value is exactly the config's (no comma or bracket parsing of it).
  for (const [key, value] of Object.entries(spec.set ?? {})) args.push('--set-json', `${key}=${JSON.stringify(value)}`);
  const run = await runTool(helm, args, root, signal);
  if (!run.ok) return fail(`helm template failed: ${run.message}`);
  return { sources: splitBySource(run.stdout, spec.chart, readText).map((s) => ({ ...s, namespace })) };
}

/** Dependencies of Chart.yaml with neither charts/<name>/ nor a packaged charts/<name>-<version>.tgz ("name (repository)"). */
export function missingDependencies(root: string, chart: string, readText: (file: string) => string): string[] {
  const file = chart === '.' ? 'Chart.yaml' : `${chart}/Chart.yaml`;
  let deps: unknown;
  try {
    deps = (parseYamlDocuments(readText(file), file)[0]?.value as { dependencies?: unknown } | undefined)?.dependencies;
  } catch {
    return []; // helm reports a broken Chart.yaml itself
  }
  if (!Array.isArray(deps)) return [];
  let vendored: string[];
  try {
    vendored = readdirSync(resolve(root, chart, 'charts'));
  } catch {
    vendored = [];
  }
  return deps
    .filter((d): d is { name: string; repository?: unknown } => isObj(d) && typeof d.name === 'string')
    .filter((d) => !vendored.some((e) => e === d.name || (e.startsWith(`${d.name}-`) && e.endsWith('.tgz'))))
    .map((d) => (typeof d.repository === 'string' && d.repository !== '' ? `${d.name} (${d.repository})` : d.name));
}

/** One source per "# Source: <chart>/<path>" document, named by its file in the repository. */
export function splitBySource(output: string, chartDir: string, readText: (file: string) => string): RenderedSource[] {
  const sources: RenderedSource[] = [];
  for (const chunk of output.split(/^---[ \t]*$/m)) {
    const m = /^# Source: (\S+)[ \t]*$/m.exec(chunk);
    if (!m || chunk.trim() === m[0].trim()) continue;
    const body = chunk.slice((m.index ?? 0) + m[0].length + 1);
    // "<chart name>/templates/x.yaml": the chart's name, not its directory.
    const inChart = (m[1] as string).split('/').slice(1).join('/');
    const file = chartDir === '.' ? inChart : posix.join(chartDir, inChart);
    let template: string | undefined;
    try {
      template = readText(file);
    } catch {
      template = undefined; // a packaged subchart: no file to point into
    }
    sources.push({ file, text: body, lineMap: template === undefined ? [] : alignLines(body, template), via: `helm chart ${chartDir}` });
  }
  return sources;
}
