// One sticky PR comment, found by a hidden marker and updated in place on
// every run, so re-runs never spam the PR.
import type { Report } from '../../types.ts';
import { renderMarkdown, type SourceLinks } from '../../reporters/markdown.ts';

export const COMMENT_MARKER = '<!-- mcp-gate:sticky-comment -->';
/** GitHub rejects issue comments over 65,536 characters. */
export const COMMENT_LIMIT = 65_000;

/** The REST calls the sticky comment needs (a subset of Octokit's). */
export interface CommentApi {
  list(page: number): Promise<Array<{ id: number; body?: string | null; user?: { type?: string } | null }>>;
  create(body: string): Promise<void>;
  update(id: number, body: string): Promise<void>;
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export function commentBody(report: Report, links?: SourceLinks): string {
  if (report.findings.length === 0)
    return `${COMMENT_MARKER}\n## ✅ mcp-gate: all clear\n\nNo findings on the latest run (${report.checks.length} checks ran).\n`;
  return renderMarkdown(report, { limit: COMMENT_LIMIT, marker: COMMENT_MARKER, ...(links ? { links } : {}) });
}

/** `create: false` only updates an existing comment (the Action's comment: on-failure on a run that does not block). */
export async function upsertComment(api: CommentApi, report: Report, opts: { create?: boolean; links?: SourceLinks } = {}): Promise<CommentOutcome> {
  const body = commentBody(report, opts.links);
  let existing: { id: number; body?: string | null } | undefined;
  for (let page = 1; page <= 20 && !existing; page++) {
    const batch = await api.list(page);
    existing = batch.find((c) => c.body?.includes(COMMENT_MARKER));
    if (batch.length < 100) break;
  }
  if (!existing) {
    // Nothing to say and nothing said before: stay quiet.
    if (report.findings.length === 0 || opts.create === false) return 'skipped';
    await api.create(body);
    return 'created';
  }
  if (existing.body === body) return 'unchanged';
  await api.update(existing.id, body);
  return 'updated';
}
