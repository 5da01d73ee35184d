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

interface Position {
  line: number;
  keys?: Map<string, number>;
}

// Values are plain objects created by the parser; a WeakMap keeps positions
// off the objects so they serialise and compare as ordinary data.
const positions = new WeakMap<object, Position>();

/** 1-based line where a parsed mapping or sequence starts. */
export function lineOf(value: unknown): number | undefined {
  return typeof value === 'object' && value !== null ? positions.get(value)?.line : undefined;
}

/** 1-based line of `key` inside a parsed mapping (falls back to the mapping's line). */
export function keyLine(obj: unknown, key: string): number | undefined {
  if (typeof obj !== 'object' || obj === null) return undefined;
  const pos = positions.get(obj);
  return pos?.keys?.get(key) ?? pos?.line;
}

/** Line starts of a text, for offset -> line lookups by binary search. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Parse every document of a YAML text (core schema: dates stay strings). */
export function parseYamlDocuments(text: string, filename: string): YamlDocument[] {
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { filename, maxDepth: 200 });
    checkAliasExpansion(events, text);
    values = constructFromEvents(events, { source: text, filename, maxAliases: 10_000 });
  } catch (err) {
    throw err instanceof YamlError ? err : toYamlError(err);
  }
  const toLine = lineIndex(text);
  const docs: YamlDocument[] = [];
  let i = 0;
  let docIndex = 0;
  // Walk events in step with the constructed values.
  const walk = (value: unknown): void => {
    const ev = events[i++];
    if (!ev) return;
    if (ev.type === EVENT_ID.MAPPING) {
      const pos: Position = { line: toLine(ev.start), keys: new Map() };
      if (typeof value === 'object' && value !== null) positions.set(value, pos);
      while (i < events.length && events[i]?.type !== EVENT_ID.POP) {
        const keyEv = events[i];
        if (keyEv?.type === EVENT_ID.SCALAR) {
          i++;
          const key = getScalarValue(text, keyEv);
          pos.keys?.set(key, toLine(keyEv.valueStart));
          const child = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
          walk(child);
        } else {
          skip(); // complex key: not addressable by name
          skip();
        }
      }
      i++; // POP
    } else if (ev.type === EVENT_ID.SEQUENCE) {
      if (typeof value === 'object' && value !== null) positions.set(value, { line: toLine(ev.start) });
      let n = 0;
      while (i < events.length && events[i]?.type !== EVENT_ID.POP) {
        walk(Array.isArray(value) ? value[n] : undefined);
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
      walk(value);
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
