// What every YAML decoder of the gate produces: documents, errors that name
// a line, and the source lines of parsed mappings and sequences.
import { EVENT_ID, type Event } from 'js-yaml';

export interface YamlDocument {
  value: unknown;
  /** 1-based line where the document's content starts. */
  line: number;
}

export class YamlError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.name = 'YamlError';
    this.line = line;
  }
}

// Where a parsed node starts: the line of a sequence, or of a mapping whose
// keys are all on its first line; otherwise the mapping's line, then each key
// and its line, in source order. Kept this small because every Kubernetes
// object of a repository stays in memory while the checks run.
export type Position = number | Array<string | number>;

// The position rides on the parsed object under a non-enumerable symbol, so
// JSON.stringify, Object.keys, spread, structuredClone and deepStrictEqual
// never see it and copies carry none. (A WeakMap costs GC time on every node.)
const POSITION = Symbol('mcp-gate.yaml.position');

/** Objects that cannot take a property (never produced by the decoders; kept for safety). */
const sealed = new WeakMap<object, Position>();

export function setPosition(value: object, pos: Position): void {
  try {
    Object.defineProperty(value, POSITION, { value: pos, writable: true, configurable: true, enumerable: false });
  } catch {
    sealed.set(value, pos);
  }
}

function positionOf(value: object): Position | undefined {
  return Object.hasOwn(value, POSITION) ? (value as { [POSITION]?: Position })[POSITION] : sealed.get(value);
}

/** A mapping's position from its line and key/line pairs: the line alone when every key sits on it. */
export function mappingPosition(pos: Array<string | number>): Position {
  for (let k = 2; k < pos.length; k += 2) if (pos[k] !== pos[0]) return pos.slice();
  return pos[0] as number;
}

/** 1-based line where a parsed mapping or sequence starts. */
export function lineOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const pos = positionOf(value);
  if (pos === undefined) return undefined;
  return typeof pos === 'number' ? pos : (pos[0] as number);
}

/** Mappings with more keys than this get a key map on their first lookup instead of a scan per lookup. */
const SCAN_KEYS = 16;
const keyMaps = new WeakMap<object, Map<string, number>>();

/** 1-based line of `key` inside a parsed mapping (falls back to the mapping's line). */
export function keyLine(obj: unknown, key: string): number | undefined {
  if (typeof obj !== 'object' || obj === null) return undefined;
  const pos = positionOf(obj);
  if (pos === undefined) return undefined;
  if (typeof pos === 'number') return pos;
  const start = pos[0] as number;
  if (pos.length <= 1 + 2 * SCAN_KEYS) {
    // A repeated key keeps its last line, as the constructed value keeps its last value.
    for (let k = pos.length - 2; k >= 1; k -= 2) if (pos[k] === key) return pos[k + 1] as number;
    return start;
  }
  let map = keyMaps.get(pos);
  if (!map) {
    map = new Map<string, number>();
    for (let k = 1; k < pos.length; k += 2) map.set(pos[k] as string, pos[k + 1] as number);
    keyMaps.set(pos, map);
  }
  return map.get(key) ?? start;
}

/** Line of a document's first content event (1 when it has none). */
export function documentLine(first: Event | undefined, toLine: (offset: number) => number): number {
  if (!first || first.type === EVENT_ID.POP) return 1;
  return toLine(first.type === EVENT_ID.SCALAR ? first.valueStart : 'start' in first ? first.start : 0);
}
