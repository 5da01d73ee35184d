// The GitHub Action adapter: translate inputs to GateOptions, run the
// engine, write outputs, summary, annotations, SARIF/JSON files and the
// sticky comment. The job fails exactly when the decision is "block".
import { writeFileSync } from 'node:fs';
import * as core from '@actions/core';
import { runGate } from '../gate/engine.ts';
import { runScanner } from './scanners.ts';
import { writeFileAtomic } from '../util/atomic.ts';
import { UsageError } from '../util/errors.ts';
import { ANNOTATION_LIMIT, annotationsFor } from '../reporters/annotations.ts';
import { countsText } from '../reporters/counts.ts';
import { renderJsonChunks } from '../reporters/json.ts';
import { renderMarkdown, type SourceLinks } from '../reporters/markdown.ts';
import { renderSarif } from '../reporters/sarif.ts';
import { type CommentApi, upsertComment } from './github/comment.ts';
import { readEvent } from './github/event.ts';
import type { Mode, Report, Rollout } from '../types.ts';
import type { FailOn } from '../gate/policy.ts';
import type { GateConfig } from '../config/schema.ts';
import { execFileSafe } from '../util/exec.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readConfig } from '../config/load.ts';
import { type CommentWhen, commentWhen, EXCLUSION_KEYS, skipPathsOf, withSkipPaths } from './action-inputs.ts';

/** Events that judge a change against a base: without a usable base sha nothing from the change may decide or run. */
const CHANGE_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);
/** The sticky comment may not hold the job back: the whole exchange with the API gets this long (docs/github.md). */
const COMMENT_TIMEOUT_MS = Number(process.env.MCP_GATE_GITHUB_TIMEOUT_MS) || 30_000;

async function run(): Promise<void> {
  const event = readEvent(process.env);
  if (event.problem) core.notice(`mcp-gate: ${event.problem}; trust roots come from --base-ref only.`);
  const root = core.getInput('path') || '.';
  const configInput = core.getInput('config');
  const mode = optional(core.getInput('mode'), ['warn', 'enforce'], 'mode') as Mode | undefined;
  const rollout = optional(core.getInput('rollout'), ['1', '2', '3'], 'rollout');
  const failOn = optional(core.getInput('fail-on'), ['all', 'new'], 'fail-on') as FailOn | undefined;
  const baseRef = core.getInput('base-ref') || event.baseSha;
  const commentMode = commentWhen(core.getInput('comment'));
  const skipPaths = skipPathsOf(core.getInput('skip-paths'));
  const baseUnavailable =
    !baseRef && CHANGE_EVENTS.has(event.name) ? `the ${event.name} event names no usable base revision (${event.problem ?? 'no base sha in its payload'})` : undefined;
  if (baseRef) await ensureRevision(root, baseRef);

  // Secret inputs go to the env vars the config names, never logged. The
  // engine hands over the config after the base revision's probes replaced
  // the change's, so a PR cannot route a credential somewhere else.
  const secretEnv = (config: GateConfig): Record<string, string | undefined> => {
    const env: Record<string, string | undefined> = { ...process.env };
    const secretInputs: Array<[string, string | undefined]> = [
      ['endpoint-token', config.probes?.endpoint?.tokenEnv],
      ['siem-token', config.probes?.siem?.tokenEnv],
      ['kubeconfig', config.probes?.cluster?.kubeconfigEnv],
    ];
    // Canary credentials of the behaviour probes: masked in the job's own log too (the report redacts them).
    for (const probe of config.probes?.behaviour ?? [])
      for (const canary of probe.canaries ?? []) {
        const value = env[canary.valueEnv];
        if (value) core.setSecret(value);
      }
    for (const [input, envName] of secretInputs) {
      const value = core.getInput(input);
      if (!value) continue;
      core.setSecret(value);
      if (envName) env[envName] = value;
      else warn(`mcp-gate: input "${input}" is set but the config names no environment variable for it; it is ignored.`);
    }
    return env;
  };

  const report = await runGate({
    root,
    // Named explicitly, the file must exist (readConfig refuses a missing one): never a silent fallback to defaults.
    ...configOptions(root, configInput, skipPaths),
    ...(mode ? { mode } : {}),
    ...(rollout ? { rollout: Number(rollout) as Rollout } : {}),
    ...(failOn ? { failOn } : {}),
    ...(baseRef ? { baseRef } : {}),
    ...(baseUnavailable ? { baseUnavailable } : {}),
    env: secretEnv,
    runScanner,
  });

  // Default outside the checkout, so report files never land in the repository.
  const outDir = process.env.RUNNER_TEMP ?? tmpdir();
  const sarifFile = core.getInput('sarif-file') || join(outDir, 'mcp-gate.sarif');
  const jsonFile = core.getInput('json-file') || join(outDir, 'mcp-gate.json');
  writeFileSync(sarifFile, renderSarif(report));
  writeFileAtomic(jsonFile, renderJsonChunks(report));

  // GitHub shows 10 errors and 10 warnings per step: core.setFailed takes one
  // error, and one warning stays free for a failed summary or comment.
  const blocked = report.decision === 'block';
  for (const a of annotationsFor(report, { error: ANNOTATION_LIMIT - (blocked ? 1 : 0), warning: budget.warnings - 1 })) {
    const props = { title: a.title, ...(a.file ? { file: a.file } : {}), ...(a.startLine ? { startLine: a.startLine } : {}) };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') warn(a.message, props);
    else core.notice(a.message, props);
  }

  // Outputs first: whatever happens to the summary or the comment, the decision is written.
  core.setOutput('decision', report.decision);
  core.setOutput('blocked', String(report.decision === 'block'));
  core.setOutput('block-count', String(report.summary.block));
  core.setOutput('warning-count', String(report.summary.warning));
  core.setOutput('overridden-count', String(report.summary.overridden));
  core.setOutput('new-block-count', String(report.baseline?.new.block ?? report.summary.block));
  core.setOutput('new-warning-count', String(report.baseline?.new.warning ?? report.summary.warning));
  core.setOutput('sarif-file', sarifFile);
  core.setOutput('json-file', jsonFile);
  // File links point at the head of the change (a push: the commit itself).
  const headSha = event.headSha ?? process.env.GITHUB_SHA;
  const links = headSha ? { serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com', repository: process.env.GITHUB_REPOSITORY ?? '', sha: headSha } : undefined;
  await writeSummary(report, links);
  await comment(report, event.pullNumber, commentMode, links);
  if (blocked)
    core.setFailed(`mcp-gate: ${countsText(report)} (mode ${report.mode}, rollout ${report.rollout}${report.baseline && !report.baseline.error ? `, fail on ${report.baseline.failOn}` : ''}).`);
}

async function writeSummary(report: Report, links: SourceLinks | undefined): Promise<void> {
  const markdown = renderMarkdown(report, links ? { links } : {});
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info(markdown);
    return;
  }
  try {
    await core.summary.addRaw(markdown).write();
  } catch (err) {
    warn(`mcp-gate: could not write the job summary: ${(err as Error).message}`);
  }
}

async function comment(report: Report, pullNumber: number | undefined, when: CommentWhen, links: SourceLinks | undefined): Promise<void> {
  const token = core.getInput('github-token');
  if (when === 'never' || pullNumber === undefined || !token) return;
  const repo = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (repo.length !== 2) return;
  const [owner, name] = repo as [string, string];
  // Loaded only when a comment is due: keeps Octokit off the startup path.
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token);
  const signal = AbortSignal.timeout(COMMENT_TIMEOUT_MS);
  const request = { signal };
  const api: CommentApi = {
    list: async (page) => (await octokit.rest.issues.listComments({ owner, repo: name, issue_number: pullNumber, per_page: 100, page, request })).data,
    create: async (body) => {
      await octokit.rest.issues.createComment({ owner, repo: name, issue_number: pullNumber, body, request });
    },
    update: async (id, body) => {
      await octokit.rest.issues.updateComment({ owner, repo: name, comment_id: id, body, request });
    },
  };
  try {
    // The signal aborts each request; the race also bounds a client that would not honour it.
    const outcome = await Promise.race([
      // on-failure: a new comment only when blocked; an existing one is always brought up to date (a fixed PR must not keep a stale "blocked").
      upsertComment(api, report, { create: when === 'always' || report.decision === 'block', ...(links ? { links } : {}) }),
      new Promise<never>((_, reject) => {
        signal.addEventListener('abort', () => reject(new Error(`no answer from the GitHub API within ${COMMENT_TIMEOUT_MS / 1000} s`)), { once: true });
      }),
    ]);
    core.info(`mcp-gate: PR comment ${outcome}`);
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status === 403 || status === 401 || status === 404)
      core.notice(
        `mcp-gate: cannot comment on the pull request (HTTP ${status}); the findings are in the job summary and annotations. Grant "pull-requests: write" to the job (fork PRs never get it).`,
      );
    else warn(`mcp-gate: PR comment failed: ${(err as Error).message}`);
  }
}

/**
 * runGate's config options. With skip-paths the config is read here and the
 * globs join its exclusion lists (scope keys: the engine still takes every
 * policy key from the base, and reports the widened scope against it).
 */
function configOptions(root: string, configInput: string, skipPaths: readonly string[]): { config?: GateConfig; configFile?: string } {
  if (skipPaths.length === 0) return configInput ? { configFile: configInput } : {};
  const loaded = readConfig(resolve(root), configInput || undefined);
  core.notice(`mcp-gate: skip-paths ${skipPaths.join(', ')} added to ${EXCLUSION_KEYS.join(' and ')}: the files they match are not reviewed.`);
  return { config: withSkipPaths(loaded.config, skipPaths), ...(loaded.configFile ? { configFile: loaded.configFile } : {}) };
}

/**
 * actions/checkout fetches one commit by default, so the PR's base is
 * usually absent; fetch just that commit (read-only) so trust roots can be
 * read from it. If this fails the engine reports gate/check-failed.
 */
async function ensureRevision(root: string, ref: string): Promise<void> {
  const opts = { cwd: root, reject: false, timeout: 30_000, env: { GIT_TERMINAL_PROMPT: '0' } } as const;
  const present = await execFileSafe('git', ['cat-file', '-e', '--end-of-options', `${ref}^{commit}`], opts);
  if (present.exitCode === 0 || !/^[0-9a-f]{40}$/.test(ref)) return;
  const fetched = await execFileSafe('git', ['fetch', '--no-tags', '--depth=1', 'origin', ref], opts);
  if (fetched.exitCode !== 0) core.notice(`mcp-gate: could not fetch the base revision ${ref.slice(0, 12)}; use actions/checkout with fetch-depth: 0.`);
}

/** Warning annotations left this step; past the limit a warning is a notice, so none is dropped unseen. */
const budget = { warnings: ANNOTATION_LIMIT };
function warn(message: string, props?: core.AnnotationProperties): void {
  if (budget.warnings > 0) {
    budget.warnings--;
    core.warning(message, props);
  } else core.notice(message, props);
}

function optional(value: string, allowed: string[], name: string): string | undefined {
  if (!value) return undefined;
  if (!allowed.includes(value)) throw new UsageError(`input "${name}" must be one of ${allowed.join(', ')} (got "${value}")`);
  return value;
}

run().catch((err: unknown) => {
  // Bad input is a one-line message; the job fails because the gate could not run.
  core.setFailed(`mcp-gate: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
});
