// What the Action needs from the workflow event, read defensively: the
// payload is JSON written by the runner but its shape depends on the event.
import { readFileSync } from 'node:fs';

export interface EventInfo {
  name: string;
  /** Base revision holding the trust roots (PR base sha, merge_group base_sha). */
  baseSha?: string;
  /** Head commit of the pull request or merge group: file links in the summary point at it. */
  headSha?: string;
  /** Pull request number, for the sticky comment. */
  pullNumber?: number;
  /** The PR comes from a fork: the token is read-only, comments will fail. */
  fromFork: boolean;
  /** Why the payload could not be used, if it could not. */
  problem?: string;
}

export function readEvent(env: Record<string, string | undefined>): EventInfo {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return { name, fromFork: false, problem: 'GITHUB_EVENT_PATH is not set (running outside GitHub Actions?)' };
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    return { name, fromFork: false, problem: `cannot read the event payload ${path}: ${(err as Error).message}` };
  }
  return eventInfo(name, payload);
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export function eventInfo(name: string, payload: unknown): EventInfo {
  const p = obj(payload);
  const pr = obj(p.pull_request);
  const mg = obj(p.merge_group);
  const baseSha = str(obj(pr.base).sha) ?? str(mg.base_sha);
  const headSha = str(obj(pr.head).sha) ?? str(mg.head_sha);
  const pullNumber = typeof pr.number === 'number' ? pr.number : undefined;
  const headRepo = str(obj(obj(pr.head).repo).full_name);
  const baseRepo = str(obj(obj(pr.base).repo).full_name);
  return {
    name,
    ...(baseSha && SHA.test(baseSha) ? { baseSha } : {}),
    ...(headSha && SHA.test(headSha) ? { headSha } : {}),
    ...(pullNumber ? { pullNumber } : {}),
    fromFork: headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo,
  };
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
