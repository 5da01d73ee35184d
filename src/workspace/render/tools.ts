// Running helm and kustomize on a change under review: fixed argument arrays,
// no shell, no plugins, no network, bounded time and output, and nothing
// outside the repository reachable through the trees they read.
import { accessSync, constants, lstatSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { execFileSafe } from '../../util/exec.ts';
import { isInside } from '../read-file.ts';

export const RENDER_TIMEOUT_MS = 60_000;
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

export interface RenderedSource {
  /** Repository-relative file the objects came from (a template, a resource file). */
  file: string;
  /** Rendered YAML of those objects. */
  text: string;
  /** Rendered line -> line of `file` (index 0 unused). */
  lineMap: number[];
  /** What rendered it, for messages: "helm chart charts/app". */
  via: string;
  /** Namespace of objects that name none (helm installs them into the release namespace). */
  namespace?: string;
}

/** The first executable called `name` on PATH (the PATH of the invoker's environment). */
export function findTool(name: string, path: string | undefined): string | undefined {
  for (const dir of (path ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (lstatSync(candidate).isDirectory()) continue;
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * The tree a renderer will read holds no link out of the repository: helm
 * follows symlinks in a chart, and what it reads could reach a report
 * through an error message.
 */
export function linkLeavingRepository(rootAbs: string, dirAbs: string): string | undefined {
  const realRoot = realpathSync(rootAbs);
  const stack = [dirAbs];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return dir;
    }
    if (!isInside(realRoot, real)) return dir;
    if (seen.has(real)) continue;
    seen.add(real);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(p);
        } catch {
          return p;
        }
        if (!isInside(realRoot, target)) return p;
        if (lstatSync(target).isDirectory()) stack.push(p);
      }
    }
  }
  return undefined;
}

export interface ToolRun {
  ok: boolean;
  stdout: string;
  /** The tool's own message when it failed (trimmed, bounded). */
  message: string;
}

/**
 * Run a renderer with an environment of its own: empty helm homes (no
 * plugins, repositories or post-renderers a developer configured), proxies
 * that lead nowhere (a remote base or chart dependency fails instead of
 * reaching the network), no kubeconfig.
 */
export async function runTool(bin: string, args: readonly string[], cwd: string, signal: AbortSignal): Promise<ToolRun> {
  const home = mkdtempSync(join(tmpdir(), 'mcp-gate-render-'));
  try {
    const r = await execFileSafe(bin, args, {
      cwd,
      reject: false,
      timeout: RENDER_TIMEOUT_MS,
      cancelSignal: signal,
      maxBuffer: MAX_OUTPUT_BYTES,
      stripFinalNewline: false,
      extendEnv: false,
      env: {
        HOME: home,
        HELM_CACHE_HOME: join(home, 'cache'),
        HELM_CONFIG_HOME: join(home, 'config'),
        HELM_DATA_HOME: join(home, 'data'),
        HELM_PLUGINS: join(home, 'plugins'),
        KUBECONFIG: join(home, 'no-kubeconfig'),
        HTTP_PROXY: 'http://127.0.0.1:9',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        http_proxy: 'http://127.0.0.1:9',
        https_proxy: 'http://127.0.0.1:9',
        NO_PROXY: '',
        GIT_TERMINAL_PROMPT: '0',
        GIT_ALLOW_PROTOCOL: 'file',
      },
    });
    if (r.exitCode === 0 && !r.failed) return { ok: true, stdout: String(r.stdout ?? ''), message: '' };
    const raw = String(r.stderr ?? '').trim() || (r.timedOut ? `no result within ${RENDER_TIMEOUT_MS / 1000} s` : (r.shortMessage ?? 'failed'));
    return { ok: false, stdout: '', message: raw.length > 600 ? `${raw.slice(0, 600)}…` : raw };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
