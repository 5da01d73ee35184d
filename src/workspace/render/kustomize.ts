// `kustomize build` of one overlay, with origin annotations so each object is
// named by the file it came from. The overlay is wrapped by a kustomization
// in a temporary directory that adds `buildMetadata: [originAnnotations]`:
// the repository is never written to, and the load restrictor stays on.
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { alignLines } from './line-align.ts';
import type { RenderProblem } from './plan.ts';
import { linkLeavingRepository, type RenderedSource, runTool } from './tools.ts';

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

export interface Kustomizer {
  bin: string;
  /** Arguments before the directory: ["build"] for kustomize, ["kustomize"] for kubectl. */
  args: string[];
}

export interface KustomizeRender {
  sources: RenderedSource[];
  problem?: RenderProblem;
}

export async function buildKustomization(
  root: string,
  dir: string,
  kustomizationFile: string,
  tool: Kustomizer | undefined,
  readText: (file: string) => string,
  signal: AbortSignal,
): Promise<KustomizeRender> {
  const fail = (message: string): KustomizeRender => ({ sources: [], problem: { file: kustomizationFile, message: `kustomization ${dir}: ${message}` } });
  if (!tool) return fail('not built: neither kustomize nor kubectl is on PATH (install one, or build the overlay in an earlier step and point kubernetes.paths at the output)');
  const leaving = linkLeavingRepository(root, resolve(root, dir));
  if (leaving) return fail(`not built: ${leaving} is a link that leaves the repository`);
  const wrap = mkdtempSync(join(tmpdir(), 'mcp-gate-kustomize-'));
  try {
    const target = relative(realpathSync(wrap), realpathSync(resolve(root, dir))).split('\\').join('/');
    writeFileSync(join(wrap, 'kustomization.yaml'), `resources:\n- ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations]\n`);
    const run = await runTool(tool.bin, [...tool.args, wrap], wrap, signal);
    if (!run.ok) return fail(`build failed: ${run.message}`);
    const realRoot = realpathSync(root);
    const realWrap = realpathSync(wrap);
    const sources: RenderedSource[] = [];
    for (const doc of run.stdout.split(/^---[ \t]*$/m)) {
      if (doc.trim() === '') continue;
      const origin = originPath(doc);
      const file = origin === undefined ? kustomizationFile : relative(realRoot, resolve(realWrap, origin)).split('\\').join('/');
      let text: string | undefined;
      try {
        text = file.startsWith('..') ? undefined : readText(file);
      } catch {
        text = undefined;
      }
      sources.push({ file: file.startsWith('..') ? kustomizationFile : file, text: doc.replace(/^\n/, ''), lineMap: text === undefined ? [] : alignLines(doc.replace(/^\n/, ''), text), via: `kustomization ${dir}` });
    }
    return { sources };
  } finally {
    rmSync(wrap, { recursive: true, force: true });
  }
}

/** The file an object came from: `path` for a resource, `configuredIn` for a generated one. */
function originPath(doc: string): string | undefined {
  const block = new RegExp(`${ORIGIN_ANNOTATION.replace(/[./]/g, '\\$&')}: \\|\\n((?:[ \\t]+.*\\n?)+)`).exec(doc);
  if (!block) return undefined;
  const fields = block[1] as string;
  return /^\s*path: (.+)$/m.exec(fields)?.[1]?.trim() ?? /^\s*configuredIn: (.+)$/m.exec(fields)?.[1]?.trim();
}
