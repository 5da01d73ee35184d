// What the behaviour probe sends (seed 000 test case 3, control 6): which
// parameters look like paths, the traversal payloads, a valid baseline for
// every other argument, and the arguments that break the declared schema.
// Pure: no I/O, every call is decided from tools/list alone.
import { isObj } from '../../src/workspace/kubernetes.ts';

export interface ToolInfo {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
  readOnly: boolean;
  destructive: boolean;
}

/** A tools/list entry as the probe needs it; undefined when it has no name. */
export function toolInfo(raw: unknown): ToolInfo | undefined {
  if (!isObj(raw) || typeof raw.name !== 'string' || raw.name === '') return undefined;
  const ann = isObj(raw.annotations) ? raw.annotations : {};
  return {
    name: raw.name,
    description: typeof raw.description === 'string' ? raw.description : '',
    inputSchema: isObj(raw.inputSchema) ? raw.inputSchema : {},
    readOnly: ann.readOnlyHint === true,
    destructive: ann.destructiveHint === true,
  };
}

export interface PlannedCall {
  tool: string;
  family: 'traversal' | 'validation' | 'canary';
  /** relative, url-encoded, wrong-type, missing-required, ... */
  kind: string;
  /** The parameter the payload or violation is in. */
  param?: string;
  args: Record<string, unknown>;
  /** Index into the entry's canaries, for canary calls. */
  canary?: number;
}

/** Deep enough to climb out of any realistic working directory. */
const UP = 8;
/** A file name nothing should have: what a path parameter gets when it is not under test. */
export const MISSING_FILE = 'mcp-gate-probe-missing.txt';

/** Payloads of seed 000 test case 3; every one names /etc/passwd or win.ini, whose content is recognisable. */
export function traversalPayloads(root: string | undefined): { kind: string; value: string }[] {
  const out = [
    { kind: 'relative', value: `${'../'.repeat(UP)}etc/passwd` },
    { kind: 'url-encoded', value: `${'..%2f'.repeat(UP)}etc%2fpasswd` },
    { kind: 'absolute', value: '/etc/passwd' },
    { kind: 'file-uri', value: 'file:///etc/passwd' },
    { kind: 'windows-relative', value: `${'..\\'.repeat(UP)}etc\\passwd` },
    { kind: 'windows-absolute', value: 'C:\\Windows\\win.ini' },
  ];
  if (root) out.push({ kind: 'root-prefixed', value: `${root.replace(/[\\/]+$/, '')}/${'../'.repeat(UP)}etc/passwd` });
  return out;
}

const PATH_TOKENS = new Set(['path', 'paths', 'file', 'files', 'filename', 'filenames', 'filepath', 'dir', 'dirs', 'directory', 'directories', 'folder', 'folders']);
const PATH_FORMATS = new Set(['uri', 'uri-reference', 'iri', 'iri-reference', 'path']);
const PATH_WORDS = /\b(?:paths?|files?|file ?names?|director(?:y|ies)|folders?)\b/i;

function properties(schema: Record<string, unknown>): [string, Record<string, unknown>][] {
  const props = isObj(schema.properties) ? schema.properties : {};
  return Object.entries(props).filter((e): e is [string, Record<string, unknown>] => isObj(e[1]));
}

function typeOf(prop: Record<string, unknown>): string | undefined {
  const t = prop.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x): x is string => typeof x === 'string' && x !== 'null');
  return undefined;
}

function required(schema: Record<string, unknown>): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
}

/** String (or array of strings) parameters that take a path, from name, description and format. */
export function pathParams(schema: Record<string, unknown>): { name: string; array: boolean }[] {
  const out: { name: string; array: boolean }[] = [];
  for (const [name, prop] of properties(schema)) {
    const type = typeOf(prop);
    const items = isObj(prop.items) ? prop.items : {};
    const array = type === 'array' && typeOf(items) === 'string';
    if (type !== 'string' && !array) continue;
    const tokens = name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .split(/[^a-z0-9]+/);
    const described = typeof prop.description === 'string' && PATH_WORDS.test(prop.description);
    const formatted = typeof prop.format === 'string' && PATH_FORMATS.has(prop.format);
    if (tokens.some((t) => PATH_TOKENS.has(t)) || described || formatted) out.push({ name, array });
  }
  return out;
}

/** A value the schema accepts, as far as its keywords say (patterns are not synthesised). */
function validValue(name: string, prop: Record<string, unknown>, paths: ReadonlySet<string>, depth: number): unknown {
  if ('const' in prop) return prop.const;
  if (Array.isArray(prop.enum) && prop.enum.length > 0) return prop.enum[0];
  if ('default' in prop) return prop.default;
  switch (typeOf(prop)) {
    case 'string': {
      let v = paths.has(name) ? MISSING_FILE : 'mcp-gate-probe';
      if (typeof prop.minLength === 'number' && v.length < prop.minLength) v = v.padEnd(Math.min(prop.minLength, 4096), 'x');
      if (typeof prop.maxLength === 'number' && v.length > prop.maxLength) v = v.slice(0, Math.max(0, prop.maxLength));
      return v;
    }
    case 'integer':
    case 'number': {
      const min = typeof prop.minimum === 'number' ? prop.minimum : typeof prop.exclusiveMinimum === 'number' ? prop.exclusiveMinimum + 1 : 1;
      return typeOf(prop) === 'integer' ? Math.ceil(min) : min;
    }
    case 'boolean':
      return false;
    case 'array': {
      const n = typeof prop.minItems === 'number' ? Math.min(prop.minItems, 8) : 0;
      const items = isObj(prop.items) ? prop.items : {};
      return Array.from({ length: n }, () => validValue(name, items, paths, depth + 1));
    }
    case 'object':
      return depth >= 3 ? {} : baselineOf(prop, depth + 1);
    default:
      return 'mcp-gate-probe';
  }
}

function baselineOf(schema: Record<string, unknown>, depth: number): Record<string, unknown> {
  const paths = new Set(pathParams(schema).map((p) => p.name));
  const props = new Map(properties(schema));
  const out: Record<string, unknown> = {};
  for (const name of required(schema)) out[name] = validValue(name, props.get(name) ?? {}, paths, depth);
  return out;
}

/** Arguments that satisfy the schema: every required parameter, path parameters naming a file that does not exist. */
export function baselineArgs(schema: Record<string, unknown>): Record<string, unknown> {
  return baselineOf(schema, 0);
}

/** One traversal call per payload and path parameter; the other arguments stay valid. */
export function traversalCalls(tool: ToolInfo, root: string | undefined): PlannedCall[] {
  const base = baselineArgs(tool.inputSchema);
  return pathParams(tool.inputSchema).flatMap((p) =>
    traversalPayloads(root).map((payload) => ({
      tool: tool.name,
      family: 'traversal' as const,
      kind: payload.kind,
      param: p.name,
      args: { ...base, [p.name]: p.array ? [payload.value] : payload.value },
    })),
  );
}

const WRONG: Record<string, unknown> = {
  string: 12345,
  integer: 'mcp-gate-probe-not-a-number',
  number: 'mcp-gate-probe-not-a-number',
  boolean: 'mcp-gate-probe-not-a-boolean',
  array: 'mcp-gate-probe-not-an-array',
  object: 'mcp-gate-probe-not-an-object',
};
/** Longer strings are not sent: the probe does not flood a server. */
const MAX_LENGTH_PROBED = 65_536;
export const UNKNOWN_PROPERTY = 'mcp_gate_probe_unexpected';

/** Control 6: one call per kind of violation the schema makes testable, each with otherwise valid arguments. */
export function validationCalls(tool: ToolInfo): PlannedCall[] {
  const schema = tool.inputSchema;
  const base = baselineArgs(schema);
  const props = properties(schema);
  const req = required(schema);
  // Required parameters first: a handler reads them, so a wrong value there is the telling one.
  const ordered = [...props].sort((a, b) => Number(req.includes(b[0])) - Number(req.includes(a[0])));
  const calls: PlannedCall[] = [];
  const add = (kind: string, param: string | undefined, args: Record<string, unknown>) =>
    calls.push({ tool: tool.name, family: 'validation', kind, ...(param !== undefined ? { param } : {}), args });
  const typed = ordered.find(([, p]) => typeof p.type === 'string' && p.type in WRONG);
  if (typed) add('wrong-type', typed[0], { ...base, [typed[0]]: WRONG[typed[1].type as string] });
  const missing = req.find((r) => r in base);
  if (missing !== undefined) {
    const { [missing]: _, ...rest } = base;
    add('missing-required', missing, rest);
  }
  if (schema.additionalProperties === false) add('unknown-property', UNKNOWN_PROPERTY, { ...base, [UNKNOWN_PROPERTY]: true });
  const bounded = ordered.find(([, p]) => typeOf(p) === 'string' && typeof p.maxLength === 'number' && p.maxLength < MAX_LENGTH_PROBED && !Array.isArray(p.enum));
  if (bounded) add('too-long', bounded[0], { ...base, [bounded[0]]: 'x'.repeat((bounded[1].maxLength as number) + 1) });
  const enumerated = ordered.find(([, p]) => Array.isArray(p.enum) && p.enum.length > 0);
  if (enumerated) {
    const values = enumerated[1].enum as unknown[];
    add('outside-enum', enumerated[0], { ...base, [enumerated[0]]: values.every((v) => typeof v === 'number') ? Math.max(...(values as number[])) + 1 : 'mcp-gate-probe-not-in-enum' });
  }
  return calls;
}

/** Arguments as a reviewer can paste them: long strings shortened. */
export function describeArgs(args: Record<string, unknown>): string {
  const text = JSON.stringify(args, (_k, v: unknown) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 24)}…(${v.length} chars)` : v));
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
