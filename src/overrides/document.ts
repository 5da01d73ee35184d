// One override file (SPEC.md "Signed overrides"): YAML, core schema (dates
// stay strings), validated by a zod schema; the signed message is the
// RFC 8785 canonical JSON of the document without `signature`.
import * as z from 'zod';
import type { RuleId } from '../rules/catalog.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { keyLine, lineOf, parseYamlDocuments, YamlError } from '../workspace/yaml.ts';

export const OVERRIDES_DIR = '.mcp-gate/overrides';

/** Rules an override may never cover: the gate's own failures and the override trail itself. */
export const NON_OVERRIDABLE: ReadonlySet<RuleId> = new Set<RuleId>(['gate/check-failed', 'override/invalid', 'override/expired', 'override/expiring', 'override/stale']);

export const ALLOWED_SIGNERS_FILE = '.mcp-gate/allowed_signers';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const dateText = z
  .string()
  .refine((s) => (DATE.test(s) || TIMESTAMP.test(s)) && parseDateValue(s) !== undefined, {
    message: 'expected a date YYYY-MM-DD or an RFC 3339 timestamp with time zone',
  });

const nonEmpty = z.string().refine((s) => s.trim() !== '', { message: 'must not be empty' });

/** Fields in the order a template writes them. */
export const overrideSchema = z.strictObject({
  apiVersion: z.literal('mcp-gate/v1'),
  kind: z.literal('Override'),
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'letters, digits, dot, dash, underscore (at most 128)'),
  target: z.strictObject({
    rule: z.string().min(1),
    resource: nonEmpty.describe('Kind/namespace/name, McpServer/<id>, or file:<path> for findings without a resource; exact, no wildcards'),
    container: nonEmpty.optional().describe('Container or tool name; omitted = every container of the resource'),
  }),
  justification: nonEmpty,
  remediation: z.strictObject({ ticket: nonEmpty, due: dateText }),
  approver: nonEmpty.describe('Must equal a principal of the signing key in allowed_signers'),
  expires: dateText,
  signature: z.string().optional(),
});

export type OverrideDocument = z.infer<typeof overrideSchema>;

/**
 * A date-only value means the whole day in UTC: `expires: 2026-12-31` is
 * valid through 2026-12-31T23:59:59.999Z. Timestamps are taken as written.
 */
export function parseDateValue(s: string, endOfDay = true): Date | undefined {
  if (DATE.test(s)) {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const start = new Date(Date.UTC(y, m - 1, d));
    if (start.getUTCFullYear() !== y || start.getUTCMonth() !== m - 1 || start.getUTCDate() !== d) return undefined;
    return endOfDay ? new Date(start.getTime() + 86_400_000 - 1) : start;
  }
  if (!TIMESTAMP.test(s)) return undefined;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  // Reject impossible calendar values that Date.parse would roll over.
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  return new Date(t);
}

/** The exact bytes that are signed: RFC 8785 JSON of the document without `signature`. */
export function signedMessage(doc: Record<string, unknown>): string {
  const { signature: _omit, ...rest } = doc;
  return canonicalJson(rest);
}

export interface ParsedOverride {
  file: string;
  /** Line of the document (its first key). */
  line: number;
  doc: OverrideDocument;
  /** The raw parsed value: what was signed (every field, as read). */
  raw: Record<string, unknown>;
  lineOfKey(path: string): number;
}

export interface OverrideProblem {
  file: string;
  line: number;
  /** Override id when it could be read. */
  id?: string;
  reason: string;
}

/** Parse and validate one override file. Never throws for bad content. */
export function parseOverrideText(text: string, file: string): ParsedOverride | OverrideProblem {
  let docs: ReturnType<typeof parseYamlDocuments>;
  try {
    docs = parseYamlDocuments(text, file);
  } catch (err) {
    if (err instanceof YamlError) return { file, line: err.line ?? 1, reason: `malformed: invalid YAML: ${err.message}` };
    return { file, line: 1, reason: `malformed: ${(err as Error).message}` };
  }
  const nonEmptyDocs = docs.filter((d) => d.value !== null && d.value !== undefined);
  if (nonEmptyDocs.length === 0) return { file, line: 1, reason: 'malformed: the file holds no override document' };
  if (nonEmptyDocs.length > 1) return { file, line: nonEmptyDocs[1]?.line ?? 1, reason: 'malformed: one override per file; this file holds several YAML documents' };
  const { value, line } = nonEmptyDocs[0] as { value: unknown; line: number };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { file, line, reason: 'malformed: the override must be a YAML mapping' };
  const raw = value as Record<string, unknown>;
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  const result = overrideSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0] as z.core.$ZodIssue;
    const { where, lineNo } = locateIssue(issue, raw, line);
    return { file, line: lineNo, ...(id ? { id } : {}), reason: `malformed: ${where}: ${describe(issue)}` };
  }
  return {
    file,
    line,
    doc: result.data,
    raw,
    lineOfKey(path: string) {
      let obj: unknown = raw;
      let parent: unknown = raw;
      const segs = path.split('.');
      for (const seg of segs) {
        parent = obj;
        obj = obj && typeof obj === 'object' ? (obj as Record<string, unknown>)[seg] : undefined;
      }
      return keyLine(parent, segs[segs.length - 1] as string) ?? line;
    },
  };
}

function locateIssue(issue: z.core.$ZodIssue, root: unknown, docLine: number): { where: string; lineNo: number } {
  const path = issue.path.map(String);
  let container: unknown = root;
  let parent: unknown = root;
  for (const seg of path) {
    if (container === null || typeof container !== 'object') break;
    parent = container;
    container = (container as Record<string, unknown>)[seg];
  }
  if (issue.code === 'unrecognized_keys') {
    const key = String(issue.keys[0]);
    const obj = container ?? parent;
    return { where: [...path, key].join('.'), lineNo: keyLine(obj, key) ?? lineOf(obj) ?? docLine };
  }
  const last = path[path.length - 1];
  if (container === undefined && path.length >= 2) {
    // A missing field: point at the key of the mapping that lacks it.
    let grand: unknown = root;
    for (const seg of path.slice(0, -2)) grand = grand && typeof grand === 'object' ? (grand as Record<string, unknown>)[seg] : undefined;
    const line = keyLine(grand, path[path.length - 2] as string);
    if (line !== undefined) return { where: path.join('.'), lineNo: line };
  }
  return { where: path.join('.') || '(document)', lineNo: (last !== undefined ? keyLine(parent, last) : undefined) ?? lineOf(container) ?? docLine };
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const key = String(issue.keys[0]);
    const hint = didYouMean(key, [...Object.keys(overrideSchema.shape), 'rule', 'resource', 'container', 'ticket', 'due']);
    return `unknown field${hint && hint !== key ? ` (did you mean "${hint}"?)` : ''}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required field is missing';
  if (issue.code === 'invalid_value' && 'values' in issue) return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  return issue.message;
}
