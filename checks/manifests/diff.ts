// Comparing a server's current tools with its pin: dynamic-field masking
// (seed 000 control 2), tool-level changes from the per-tool hashes, and a
// readable field-level diff (JSON pointer: old -> new) when the pinned
// snapshot is available.
import type { ServerConfig } from '../../src/config/schema.ts';
import { CanonicalJsonError, canonicalJson, escapePointerToken, MAX_JSON_DEPTH } from '../../src/util/canonical-json.ts';
import { canonicalTool, canonicalTools, type PinnedServer, ToolJsonError, toolHashes } from './lockfile.ts';
import type { Tool } from './manifests.ts';

export type DynamicRule = NonNullable<ServerConfig['dynamic']>[number];

/** Placeholder a dynamic field's value is replaced with before hashing. */
export const DYNAMIC_PLACEHOLDER = '<mcp-gate:dynamic>';

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`JSON pointer must start with "/": ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export { escapePointerToken };

interface Found {
  parent: Record<string, unknown> | unknown[];
  key: string;
  value: unknown;
}

function locate(root: unknown, tokens: string[]): Found | undefined {
  let cur: unknown = root;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as string;
    if (typeof cur !== 'object' || cur === null) return undefined;
    if (Array.isArray(cur) && !/^(0|[1-9]\d*)$/.test(tok)) return undefined;
    if (!Object.hasOwn(cur, tok)) return undefined;
    if (i === tokens.length - 1) return { parent: cur as Record<string, unknown>, key: tok, value: (cur as Record<string, unknown>)[tok] };
    cur = (cur as Record<string, unknown>)[tok];
  }
  return undefined;
}

export interface DynamicViolation {
  tool: string;
  pointer: string;
  value: unknown;
  allowed: unknown[];
}

function rulesFor(rules: readonly DynamicRule[], tool: string): DynamicRule[] {
  return rules.filter((r) => r.tool === '*' || r.tool === tool);
}

/**
 * Replace every dynamic field that is present with a placeholder (a field
 * that appears or disappears still changes the hash). Returns new tools;
 * the input is not modified.
 */
export function maskDynamic(tools: readonly Tool[], rules: readonly DynamicRule[] | undefined): Tool[] {
  if (!rules || rules.length === 0) return tools as Tool[];
  return tools.map((t) => {
    const own = rulesFor(rules, t.name).filter((r) => r.field !== '' && r.field !== '/name');
    if (own.length === 0) return t;
    let copy: Tool;
    try {
      copy = structuredClone(t);
    } catch (err) {
      // Too deep to clone: canonicalTool names the field (ToolJsonError).
      canonicalTool(t);
      throw err;
    }
    for (const r of own) {
      const f = locate(copy, parsePointer(r.field));
      if (f) (f.parent as Record<string, unknown>)[f.key] = DYNAMIC_PLACEHOLDER;
    }
    return copy;
  });
}

/** Dynamic fields whose current value is not one of the allowed values. */
export function dynamicViolations(tools: readonly Tool[], rules: readonly DynamicRule[] | undefined): DynamicViolation[] {
  const out: DynamicViolation[] = [];
  for (const t of tools)
    for (const r of rulesFor(rules ?? [], t.name)) {
      if (!r.allowed) continue;
      const f = locate(t, parsePointer(r.field));
      if (!f) continue;
      let c: string;
      try {
        c = canonicalJson(f.value);
      } catch (err) {
        throw err instanceof CanonicalJsonError ? new ToolJsonError(t.name, new CanonicalJsonError(err.reason, `${r.field}${err.pointer}`)) : err;
      }
      if (!r.allowed.some((a) => canonicalJson(a) === c)) out.push({ tool: t.name, pointer: r.field, value: f.value, allowed: r.allowed });
    }
  return out;
}

export interface FieldChange {
  /** JSON pointer inside the tool. */
  path: string;
  /** undefined = absent on that side. */
  old: unknown;
  new: unknown;
}

/**
 * Structural diff of two JSON values; arrays of scalars are shown whole, and
 * so is anything below MAX_JSON_DEPTH (the recursion stays bounded).
 */
export function diffJson(a: unknown, b: unknown, path = '', out: FieldChange[] = [], depth = 0): FieldChange[] {
  if (a === b) return out;
  if (depth >= MAX_JSON_DEPTH) {
    out.push({ path, old: a, new: b });
    return out;
  }
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const p = `${path}/${escapePointerToken(k)}`;
      if (!Object.hasOwn(b, k)) out.push({ path: p, old: a[k], new: undefined });
      else if (!Object.hasOwn(a, k)) out.push({ path: p, old: undefined, new: b[k] });
      else diffJson(a[k], b[k], p, out, depth + 1);
    }
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const scalars = (x: unknown[]) => x.every((v) => v === null || typeof v !== 'object');
    if (scalars(a) && scalars(b)) {
      if (!sameJson(a, b)) out.push({ path, old: a, new: b });
      return out;
    }
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}/${i}`;
      if (i >= b.length) out.push({ path: p, old: a[i], new: undefined });
      else if (i >= a.length) out.push({ path: p, old: undefined, new: b[i] });
      else diffJson(a[i], b[i], p, out, depth + 1);
    }
    return out;
  }
  if (!sameJson(a, b)) out.push({ path, old: a, new: b });
  return out;
}

/** Same JSON value; a value with no JSON text (NaN, a hole) differs from everything. */
function sameJson(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch (err) {
    if (err instanceof CanonicalJsonError) return false;
    throw err;
  }
}

/** A JSON value shown on one line, cut to `max` characters. */
export function preview(v: unknown, max = 80): string {
  if (v === undefined) return '(absent)';
  let s = JSON.stringify(v);
  if (s === undefined) s = String(v);
  // Make invisible and control characters visible: a reviewer must see them.
  s = s.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\u{e0000}-\u{e007f}]/gu, (c) => {
    const cp = c.codePointAt(0) as number;
    return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}

/**
 * Two long strings shown around where they differ (common prefix and suffix
 * elided), so an appended sentence at the end of a description is visible.
 */
export function previewStrings(a: string, b: string, max = 80): [string, string] {
  const x = [...a];
  const y = [...b];
  if (JSON.stringify(a).length <= max && JSON.stringify(b).length <= max) return [preview(a, max), preview(b, max)];
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let q = 0;
  while (q < x.length - p && q < y.length - p && x[x.length - 1 - q] === y[y.length - 1 - q]) q++;
  const context = 16;
  const cut = (chars: string[]): string => {
    const from = Math.max(0, p - context);
    const to = Math.min(chars.length, chars.length - q + context);
    const body = preview(chars.slice(from, to).join(''), max);
    // preview() quotes; mark the elided ends inside the quotes.
    return `${from > 0 ? '…' : ''}${body}${to < chars.length ? '…' : ''}`;
  };
  return [cut(x), cut(y)];
}

export function formatChange(c: FieldChange, max = 80): string {
  if (c.old === undefined) return `${c.path || '/'}: added ${preview(c.new, max)}`;
  if (c.new === undefined) return `${c.path || '/'}: removed ${preview(c.old, max)}`;
  if (typeof c.old === 'string' && typeof c.new === 'string') {
    const [a, b] = previewStrings(c.old, c.new, max);
    return `${c.path || '/'}: ${a} -> ${b}`;
  }
  return `${c.path || '/'}: ${preview(c.old, max)} -> ${preview(c.new, max)}`;
}

export interface ToolDelta {
  name: string;
  kind: 'added' | 'removed' | 'changed';
  /** Field-level changes, when the pinned snapshot was available (changed tools only). */
  changes?: FieldChange[];
}

export interface Comparison {
  expected: string;
  actual: string;
  /** Hashes equal after masking and no dynamic violation. */
  matches: boolean;
  tools: ToolDelta[];
  violations: DynamicViolation[];
  /** Whether field-level diffs could be computed (a trusted snapshot exists). */
  detailed: boolean;
}

/**
 * Compare current tools (raw) with a pin. `pinnedTools` is (a function
 * returning) the snapshot of the pinned tools when trusted; without it only
 * tool-level deltas are known.
 */
export function comparePin(
  current: readonly Tool[],
  pin: PinnedServer,
  dynamic: readonly DynamicRule[] | undefined,
  pinnedTools: readonly Tool[] | undefined | (() => readonly Tool[] | undefined),
): Comparison {
  let pinned: readonly Tool[] | undefined;
  const masked = maskDynamic(current, dynamic);
  const h = canonicalTools(masked);
  const violations = dynamicViolations(current, dynamic);
  const tools: ToolDelta[] = [];
  if (h.sha256 !== pin.sha256) {
    // Per-tool hashes tell which tools changed: only needed when something did.
    const hashes = toolHashes(h);
    // The snapshot is only read when something differs.
    pinned = typeof pinnedTools === 'function' ? pinnedTools() : pinnedTools;
    const oldByName = new Map((pinned ? maskDynamic(pinned, dynamic) : []).map((t) => [t.name, t]));
    const names = [...new Set([...Object.keys(pin.tools), ...Object.keys(hashes)])].sort();
    for (const name of names) {
      const before = pin.tools[name];
      const after = hashes[name];
      if (before === undefined) tools.push({ name, kind: 'added' });
      else if (after === undefined) tools.push({ name, kind: 'removed' });
      else if (before !== after) {
        const old = oldByName.get(name);
        const now = masked.find((t) => t.name === name);
        tools.push({ name, kind: 'changed', ...(old && now ? { changes: diffJson(old, now) } : {}) });
      }
    }
  }
  return {
    expected: pin.sha256,
    actual: h.sha256,
    matches: h.sha256 === pin.sha256 && violations.length === 0,
    tools,
    violations,
    detailed: pinned !== undefined,
  };
}

const MAX_CHANGES_PER_TOOL = 8;
const MAX_TOOLS_LISTED = 20;

/** Human-readable lines describing a comparison (used by the check and `manifest diff`). */
export function describeDeltas(c: Comparison, opts: { maxChanges?: number; maxTools?: number; width?: number } = {}): string[] {
  const maxChanges = opts.maxChanges ?? MAX_CHANGES_PER_TOOL;
  const maxTools = opts.maxTools ?? MAX_TOOLS_LISTED;
  const lines: string[] = [];
  for (const t of c.tools.slice(0, maxTools)) {
    if (t.kind !== 'changed') {
      lines.push(`${t.kind} tool "${t.name}"`);
      continue;
    }
    if (!t.changes) {
      lines.push(`changed tool "${t.name}" (no trusted pinned snapshot: field-level diff unavailable)`);
      continue;
    }
    lines.push(`changed tool "${t.name}":`);
    for (const ch of t.changes.slice(0, maxChanges)) lines.push(`  ${formatChange(ch, opts.width)}`);
    if (t.changes.length > maxChanges) lines.push(`  … and ${t.changes.length - maxChanges} more field change(s)`);
  }
  if (c.tools.length > maxTools) lines.push(`… and ${c.tools.length - maxTools} more tool(s)`);
  for (const v of c.violations)
    lines.push(`dynamic field ${v.pointer} of tool "${v.tool}" is ${preview(v.value)}, not one of the allowed values ${preview(v.allowed)}`);
  return lines;
}
