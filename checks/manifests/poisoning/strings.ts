// Every string of a tool definition that reaches the model: name, title,
// description, annotation values, and in inputSchema/outputSchema every
// property name, description, title, default, enum/const value and example.
// Walks iteratively (a depth-1000 schema cannot overflow the stack).
import type { Tool } from '../manifests.ts';

export interface ToolString {
  /** Stable field path, e.g. `description`, `inputSchema.properties.q.description`. */
  path: string;
  value: string;
  /** A property name (the key itself), not a value. */
  isKey?: boolean;
}

export interface Collected {
  strings: ToolString[];
  /** Fields whose type is wrong (a number where a string is expected, ...). */
  badFields: { path: string; got: string }[];
  /** Deepest schema nesting seen. */
  maxDepth: number;
  /** The walk stopped early (more nodes than MAX_NODES). */
  truncated: boolean;
}

/** JSON Schema keywords whose string values are structure, not prose the model reads as text. */
const STRUCTURAL = new Set([
  'type',
  '$schema',
  '$ref',
  '$id',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  'format',
  'required',
  'contentEncoding',
  'contentMediaType',
  'dependentRequired',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
export const MAX_NODES = 200_000;

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Is the path of a node needed: a string that is collected, or a node with children? Other leaves only count. */
function hasPath(v: unknown, key: string): boolean {
  return typeof v === 'string' ? !STRUCTURAL.has(key) : typeof v === 'object' && v !== null;
}

export function collectStrings(tool: Tool): Collected {
  return walk(tool, undefined);
}

/**
 * collectStrings, and the tool's own words, lower-cased: property names and
 * the strings whose path ends in `.enum[i]`, `.const` or `.default`
 * (identifiers that are not tool references).
 */
export function collectWithOwnWords(tool: Tool): { collected: Collected; ownWords: Set<string> } {
  const ownWords = new Set<string>();
  return { collected: walk(tool, ownWords), ownWords };
}

// Whether a path ends in `.enum[i]`, `.const` or `.default` follows from its
// last step, so the (long, concatenated) path is never read again: a path
// `${p}.${k}` ends so exactly when `.${k}` does, as each suffix has its only
// dot in front; `${p}[${i}]` ends in `.enum[i]` exactly when p ends in `.enum`.
/** The string at `${p}.${k}` is an own word. */
function ownStep(k: string): boolean {
  return k === 'const' || k === 'default' || k.endsWith('.const') || k.endsWith('.default') || (k.endsWith(']') && /(?:^|\.)enum\[\d+\]$/.test(k));
}
/** `${p}.${k}` ends in `.enum`. */
function enumStep(k: string): boolean {
  return k === 'enum' || k.endsWith('.enum');
}
/** Stack entry flags: a string there is an own word; its path ends in `.enum`. */
const OWN = 1;
const ENUM_PATH = 2;

const TEXT_FIELDS = ['title', 'description'] as const;
const SCHEMA_ROOTS = ['inputSchema', 'outputSchema'] as const;
const PARAMETERS_ROOTS = ['parameters', 'outputSchema'] as const;

function walk(tool: Tool, ownWords: Set<string> | undefined): Collected {
  const strings: ToolString[] = [];
  const badFields: Collected['badFields'] = [];
  let maxDepth = 0;
  let truncated = false;
  strings.push({ path: 'name', value: tool.name });
  for (let x = 0; x < TEXT_FIELDS.length; x++) {
    const f = TEXT_FIELDS[x]!;
    const v = tool[f];
    if (typeof v === 'string') strings.push({ path: f, value: v });
    else if (v !== undefined && v !== null) badFields.push({ path: f, got: kindOf(v) });
  }
  const ann = tool.annotations;
  if (ann !== undefined && ann !== null) {
    if (typeof ann !== 'object' || Array.isArray(ann)) badFields.push({ path: 'annotations', got: kindOf(ann) });
    else
      for (const [k, v] of Object.entries(ann))
        if (typeof v === 'string') {
          strings.push({ path: `annotations.${k}`, value: v });
          if (ownStep(k)) ownWords?.add(v.toLowerCase());
        }
  }
  let nodes = 0;
  // `parameters`: the function-calling shape some manifests use instead of inputSchema.
  const roots = tool.inputSchema === undefined && tool.parameters !== undefined ? PARAMETERS_ROOTS : SCHEMA_ROOTS;
  for (let x = 0; x < roots.length; x++) {
    const root = roots[x]!;
    const schema = tool[root];
    if (schema === undefined || schema === null) continue;
    if (typeof schema !== 'object') {
      badFields.push({ path: root, got: kindOf(schema) });
      if (typeof schema === 'string') strings.push({ path: root, value: schema });
      continue;
    }
    // A nested call (from a getter) gets a stack of its own.
    const stack = spare ?? new Stack();
    spare = undefined;
    stack.push(schema, root, 0, '', 0);
    while (stack.top > 0) {
      const t = --stack.top;
      const v = stack.values[t];
      stack.values[t] = undefined;
      const path = stack.paths[t]!;
      const depth = stack.depths[t]!;
      const key = stack.keys[t]!;
      const flag = stack.flags[t]!;
      if (++nodes > MAX_NODES) {
        truncated = true;
        break;
      }
      if (depth > maxDepth) maxDepth = depth;
      if (typeof v === 'string') {
        if (!STRUCTURAL.has(key)) {
          strings.push({ path, value: v });
          if (flag & OWN) ownWords?.add(v.toLowerCase());
        }
        continue;
      }
      if (typeof v !== 'object' || v === null) continue;
      if (Array.isArray(v)) {
        // `required: [...]` holds property names already scanned as keys.
        if (STRUCTURAL.has(key)) continue;
        let prefix: string | undefined;
        for (let i = v.length - 1; i >= 0; i--) {
          const child = v[i];
          stack.push(child, hasPath(child, key) ? `${(prefix ??= `${path}[`)}${i}]` : '', depth + 1, key, flag & ENUM_PATH ? OWN : 0);
        }
        continue;
      }
      const o = v as Record<string, unknown>;
      const ks = Object.keys(o);
      const isMap = SCHEMA_MAPS.has(key);
      let prefix: string | undefined;
      for (let i = ks.length - 1; i >= 0; i--) {
        const k = ks[i]!;
        const child = o[k];
        const childKey = isMap ? '' : k;
        const childPath = isMap || hasPath(child, childKey) ? (prefix ??= `${path}.`) + k : '';
        if (isMap) {
          strings.push({ path: childPath, value: k, isKey: true });
          ownWords?.add(k.toLowerCase());
        }
        stack.push(child, childPath, depth + 1, childKey, (ownStep(k) ? OWN : 0) | (enumStep(k) ? ENUM_PATH : 0));
      }
    }
    stack.clear();
    spare = stack;
  }
  return { strings, badFields, maxDepth, truncated };
}

/**
 * The walk's stack as parallel arrays: value, path, depth, parent key (to
 * know when keys are property names), flags (OWN, ENUM_PATH). Kept between
 * walks, and never popped below its size, so that it is not reallocated for
 * every tool.
 */
class Stack {
  readonly values: unknown[] = [];
  readonly paths: string[] = [];
  readonly depths: number[] = [];
  readonly keys: string[] = [];
  readonly flags: number[] = [];
  top = 0;

  push(v: unknown, path: string, depth: number, key: string, flag: number): void {
    const t = this.top++;
    this.values[t] = v;
    this.paths[t] = path;
    this.depths[t] = depth;
    this.keys[t] = key;
    this.flags[t] = flag;
  }

  /** Drops what a walk stopped early left (values are the caller's: not kept alive here). */
  clear(): void {
    for (let t = 0; t < this.top; t++) this.values[t] = undefined;
    this.top = 0;
  }
}
let spare: Stack | undefined;
