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
  'pattern',
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

export function collectStrings(tool: Tool): Collected {
  const strings: ToolString[] = [];
  const badFields: Collected['badFields'] = [];
  let maxDepth = 0;
  let truncated = false;
  strings.push({ path: 'name', value: tool.name });
  for (const f of ['title', 'description'] as const) {
    const v = tool[f];
    if (typeof v === 'string') strings.push({ path: f, value: v });
    else if (v !== undefined && v !== null) badFields.push({ path: f, got: kindOf(v) });
  }
  const ann = tool.annotations;
  if (ann !== undefined && ann !== null) {
    if (typeof ann !== 'object' || Array.isArray(ann)) badFields.push({ path: 'annotations', got: kindOf(ann) });
    else for (const [k, v] of Object.entries(ann)) if (typeof v === 'string') strings.push({ path: `annotations.${k}`, value: v });
  }
  let nodes = 0;
  // `parameters`: the function-calling shape some manifests use instead of inputSchema.
  const roots = tool.inputSchema === undefined && tool.parameters !== undefined ? (['parameters', 'outputSchema'] as const) : (['inputSchema', 'outputSchema'] as const);
  for (const root of roots) {
    const schema = tool[root];
    if (schema === undefined || schema === null) continue;
    if (typeof schema !== 'object') {
      badFields.push({ path: root, got: kindOf(schema) });
      if (typeof schema === 'string') strings.push({ path: root, value: schema });
      continue;
    }
    // Stack entries: value, path, depth, parent key (to know when keys are property names).
    const stack: { v: unknown; path: string; depth: number; key: string }[] = [{ v: schema, path: root, depth: 0, key: '' }];
    while (stack.length > 0) {
      const { v, path, depth, key } = stack.pop()!;
      if (++nodes > MAX_NODES) {
        truncated = true;
        break;
      }
      if (depth > maxDepth) maxDepth = depth;
      if (typeof v === 'string') {
        if (!STRUCTURAL.has(key)) strings.push({ path, value: v });
        continue;
      }
      if (typeof v !== 'object' || v === null) continue;
      if (Array.isArray(v)) {
        // `required: [...]` holds property names already scanned as keys.
        if (STRUCTURAL.has(key)) continue;
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]`, depth: depth + 1, key });
        continue;
      }
      const entries = Object.entries(v as Record<string, unknown>);
      const isMap = SCHEMA_MAPS.has(key);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        const childPath = `${path}.${k}`;
        if (isMap) strings.push({ path: childPath, value: k, isKey: true });
        stack.push({ v: child, path: childPath, depth: depth + 1, key: isMap ? '' : k });
      }
    }
  }
  return { strings, badFields, maxDepth, truncated };
}
