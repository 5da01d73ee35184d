// manifest/permissive-schema (seed 000 control 1 item 2, control 6): a tool's
// inputSchema is the first input validator. Untyped parameters, strings with
// no bound (maxLength, enum, const, pattern or format), objects that accept
// any extra property and schemas listing no required parameter all let a
// prompt-injected model pass whatever it was told to.
// Iterative walk with a depth limit: a depth-1000 schema is reported, not a crash.

export type SchemaProblemKind = 'no-schema' | 'untyped' | 'unbounded-string' | 'open-object' | 'no-required' | 'untyped-items' | 'too-deep';

export interface SchemaProblem {
  kind: SchemaProblemKind;
  /** Parameter path, e.g. `query`, `filters.column`, `items[]`; `(root)` for the schema itself. */
  param: string;
}

export const MAX_SCHEMA_DEPTH = 64;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const NONE: readonly string[] = [];
/** [name] for the JSON Schema type names, shared: nearly every schema node has one. */
const ONE_TYPE = new Map<string, readonly string[]>(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'].map((t) => [t, [t]]));

function types(s: Obj): readonly string[] {
  const t = s.type;
  if (typeof t === 'string') return ONE_TYPE.get(t) ?? [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return NONE;
}

const BRANCHES = ['anyOf', 'oneOf', 'allOf'] as const;

export function lintInputSchema(schema: unknown): SchemaProblem[] {
  if (schema === undefined || schema === null) return [{ kind: 'no-schema', param: '(root)' }];
  if (!isObj(schema)) return [{ kind: 'untyped', param: '(root)' }];
  const out: SchemaProblem[] = [];
  const stack: { s: Obj; param: string; depth: number; root: boolean }[] = [{ s: schema, param: '(root)', depth: 0, root: true }];
  let deep = false;
  while (stack.length > 0) {
    const { s, param, depth, root } = stack.pop()!;
    if (depth > MAX_SCHEMA_DEPTH) {
      if (!deep) out.push({ kind: 'too-deep', param });
      deep = true;
      continue;
    }
    const t = types(s);
    const hasBranches = Array.isArray(s.anyOf) || Array.isArray(s.oneOf) || Array.isArray(s.allOf);
    const constrained = s.enum !== undefined || s.const !== undefined || typeof s.$ref === 'string' || hasBranches || s.not !== undefined;
    const props = isObj(s.properties) ? s.properties : undefined;
    const keys = props ? Object.keys(props) : NONE;
    const objectLike = t.includes('object') || (t.length === 0 && props !== undefined);
    if (t.length === 0 && !constrained && !props) out.push({ kind: 'untyped', param });
    if (t.includes('string') && s.maxLength === undefined && s.enum === undefined && s.const === undefined && s.pattern === undefined && s.format === undefined)
      out.push({ kind: 'unbounded-string', param });
    if (objectLike && s.additionalProperties !== false && s.unevaluatedProperties !== false) {
      // A root with no parameters at all cannot carry anything harmful.
      if (!(root && props !== undefined && keys.length === 0 && s.additionalProperties === undefined)) out.push({ kind: 'open-object', param });
    }
    if (objectLike && props && keys.length > 0 && !(Array.isArray(s.required) && s.required.length > 0)) out.push({ kind: 'no-required', param });
    if (t.includes('array') && s.items === undefined && s.prefixItems === undefined) out.push({ kind: 'untyped-items', param });
    const prefix = root ? '' : `${param}.`;
    if (props) {
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        const v = props[k];
        if (isObj(v)) stack.push({ s: v, param: `${prefix}${k}`, depth: depth + 1, root: false });
        else out.push({ kind: 'untyped', param: `${prefix}${k}` }); // `true` or junk: anything goes
      }
    }
    if (isObj(s.items)) stack.push({ s: s.items, param: `${root ? '' : param}[]`, depth: depth + 1, root: false });
    else if (Array.isArray(s.items)) {
      s.items.forEach((it, i) => {
        if (isObj(it)) stack.push({ s: it, param: `${root ? '' : param}[${i}]`, depth: depth + 1, root: false });
      });
    }
    if (hasBranches) {
      for (const b of BRANCHES) {
        const arr = s[b];
        if (!Array.isArray(arr)) continue;
        arr.forEach((br) => {
          // Branches describe the same parameter; a `null` branch is an optional marker.
          if (isObj(br) && !(types(br).length === 1 && types(br)[0] === 'null')) stack.push({ s: br, param, depth: depth + 1, root });
        });
      }
    }
  }
  return out;
}

export const PROBLEM_TEXT: Record<SchemaProblemKind, string> = {
  'no-schema': 'has no inputSchema (the MCP spec requires one)',
  untyped: 'untyped parameter(s)',
  'unbounded-string': 'string parameter(s) without maxLength, enum, pattern or format',
  'open-object': 'object(s) accepting additional properties (set additionalProperties: false)',
  'no-required': 'object(s) with parameters but no `required` list',
  'untyped-items': 'array(s) without an `items` schema',
  'too-deep': `schema nesting deeper than ${MAX_SCHEMA_DEPTH} levels (not reviewed below that depth)`,
};
