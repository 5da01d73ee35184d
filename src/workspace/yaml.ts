// YAML with source lines. js-yaml builds plain values; a second walk over the
// same parser events records where each mapping/sequence and each mapping key
// starts, so findings and config errors can name file:line without a second
// parser.
import {
  constructFromEvents,
  EVENT_ID,
  type Event,
  getScalarValue,
  parseEvents,
  YAMLException,
} from 'js-yaml';
import { forwardLines } from './lines.ts';

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
type Position = number | Array<string | number>;

// The position rides on the parsed object under a non-enumerable symbol, so
// JSON.stringify, Object.keys, spread, structuredClone and deepStrictEqual
// never see it and copies carry none. (A WeakMap costs GC time on every node.)
const POSITION = Symbol('mcp-gate.yaml.position');

/** Objects that cannot take a property (never produced by js-yaml; kept for safety). */
const sealed = new WeakMap<object, Position>();

function setPosition(value: object, pos: Position): void {
  try {
    Object.defineProperty(value, POSITION, { value: pos, writable: true, configurable: true, enumerable: false });
  } catch {
    sealed.set(value, pos);
  }
}

function positionOf(value: object): Position | undefined {
  return Object.hasOwn(value, POSITION) ? (value as { [POSITION]?: Position })[POSITION] : sealed.get(value);
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

/** Every key on the mapping's own line (one key, or a one-line flow mapping): the line alone answers keyLine. */
function oneLine(pos: Array<string | number>): boolean {
  for (let k = 2; k < pos.length; k += 2) if (pos[k] !== pos[0]) return false;
  return true;
}

export interface ParseOptions {
  /** Translates every recorded line (rendered output -> the template or resource file it came from). */
  mapLine?: (line: number) => number;
}

/** Parse every document of a YAML text (core schema: dates stay strings). */
export function parseYamlDocuments(text: string, filename: string, opts: ParseOptions = {}): YamlDocument[] {
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { filename, maxDepth: 200 });
    checkAliasExpansion(events, text);
    values = constructFromEvents(events, { source: text, filename, maxAliases: 10_000 });
  } catch (err) {
    const e = err instanceof YamlError ? err : toYamlError(err);
    throw opts.mapLine && e.line !== undefined ? new YamlError(e.message, opts.mapLine(e.line)) : e;
  }
  const lines = forwardLines(text);
  const { mapLine } = opts;
  const toLine = mapLine ? (offset: number) => mapLine(lines(offset)) : lines;
  const docs: YamlDocument[] = [];
  let i = 0;
  let docIndex = 0;
  // One growing array per nesting depth, reused by every mapping at that depth: each mapping
  // keeps an exact-size copy, not an array grown by push (room for 17 where most have 2-5).
  const scratch: Array<Array<string | number>> = [];
  // Walk events in step with the constructed values.
  const walk = (value: unknown, depth: number): void => {
    const ev = events[i++];
    if (!ev) return;
    if (ev.type === EVENT_ID.MAPPING) {
      const pos = (scratch[depth] ??= []);
      pos.push(toLine(ev.start));
      while (i < events.length && events[i]?.type !== EVENT_ID.POP) {
        const keyEv = events[i];
        if (keyEv?.type === EVENT_ID.SCALAR) {
          i++;
          const key = getScalarValue(text, keyEv);
          pos.push(key, toLine(keyEv.valueStart));
          const child = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
          walk(child, depth + 1);
        } else {
          skip(); // complex key: not addressable by name
          skip();
        }
      }
      if (typeof value === 'object' && value !== null) setPosition(value, oneLine(pos) ? (pos[0] as number) : pos.slice());
      pos.length = 0;
      i++; // POP
    } else if (ev.type === EVENT_ID.SEQUENCE) {
      if (typeof value === 'object' && value !== null) setPosition(value, toLine(ev.start));
      let n = 0;
      while (i < events.length && events[i]?.type !== EVENT_ID.POP) {
        walk(Array.isArray(value) ? value[n] : undefined, depth + 1);
        n++;
      }
      i++;
    }
    // scalars and aliases carry no addressable children
  };
  const skip = (): void => {
    let depth = 0;
    do {
      const ev = events[i++];
      if (!ev) return;
      if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE) depth++;
      else if (ev.type === EVENT_ID.POP) depth--;
    } while (depth > 0);
  };
  while (i < events.length) {
    const ev = events[i];
    if (ev?.type !== EVENT_ID.DOCUMENT) {
      i++;
      continue;
    }
    i++;
    const value = values[docIndex++];
    const first = events[i];
    let line = 1;
    if (first && first.type !== EVENT_ID.POP) {
      line = toLine(
        first.type === EVENT_ID.SCALAR ? first.valueStart : 'start' in first ? first.start : 0,
      );
      walk(value, 0);
    }
    i++; // document POP
    docs.push({ value, line });
  }
  return docs;
}

/** Nodes a document may expand to through aliases before it is refused. */
export const MAX_EXPANDED_NODES = 1_000_000;

/**
 * js-yaml shares aliased objects instead of copying them, but every walker
 * (checks, canonical JSON, reporters) would expand them: a "billion laughs"
 * file of a few lines becomes 10^20 nodes. Count the expanded size from the
 * events and refuse such a file up front.
 */
function checkAliasExpansion(events: Event[], text: string): void {
  const anchorSize = new Map<string, number>();
  // Each open collection: [size so far, anchor name].
  const stack: Array<[number, string | undefined]> = [];
  let total = 0;
  const add = (n: number): void => {
    const top = stack[stack.length - 1];
    if (top) top[0] += n;
  };
  for (const ev of events) {
    if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE) {
      stack.push([1, ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : undefined]);
    } else if (ev.type === EVENT_ID.POP) {
      const top = stack.pop();
      if (!top) continue;
      if (top[1] !== undefined) anchorSize.set(top[1], top[0]);
      add(top[0]);
      if (stack.length === 0) total += top[0];
    } else if (ev.type === EVENT_ID.SCALAR) {
      if (ev.anchorStart >= 0) anchorSize.set(text.slice(ev.anchorStart, ev.anchorEnd), 1);
      add(1);
    } else if (ev.type === EVENT_ID.ALIAS) {
      const n = anchorSize.get(text.slice(ev.anchorStart, ev.anchorEnd)) ?? 1;
      add(n);
      if (stack.length === 0) total += n;
    }
    if (total > MAX_EXPANDED_NODES || (stack[0]?.[0] ?? 0) > MAX_EXPANDED_NODES)
      throw new YamlError(`aliases expand to more than ${MAX_EXPANDED_NODES} nodes ("billion laughs"); refusing to load`, undefined);
  }
}

function toYamlError(err: unknown): YamlError {
  if (err instanceof YAMLException) {
    const mark = err.mark;
    return new YamlError(err.reason || err.message.split('\n')[0] || 'invalid YAML', mark ? mark.line + 1 : undefined);
  }
  return new YamlError(err instanceof Error ? err.message : String(err), undefined);
}
