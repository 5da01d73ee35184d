// YAML with source lines. One parser (js-yaml's events) and two readings of
// them: the core schema (the gate's own config, overrides, Sigma rules),
// where js-yaml builds plain values and a second walk over the same events
// records where each mapping/sequence and each mapping key starts; and
// Kubernetes manifests, read as kubectl reads them (yaml-kubernetes.ts).
// Both are bounded first: alias expansion, recursive aliases, nesting.
import { constructFromEvents, EVENT_ID, type Event, getScalarValue, parseEvents, YAMLException } from 'js-yaml';
import { forwardLines, lineIndex } from './lines.ts';
import { decodeKubernetesEvents } from './yaml-kubernetes.ts';
import { documentLine, mappingPosition, setPosition, type YamlDocument, YamlError } from './yaml-nodes.ts';

export { keyLine, lineOf, type YamlDocument, YamlError } from './yaml-nodes.ts';

/**
 * How scalars and merge keys are read: `core` is YAML 1.2's core schema
 * (dates and yes/no stay strings, no merge keys); `kubernetes` is what
 * kubectl does (docs/kubernetes-decoding.md).
 */
export type YamlMode = 'core' | 'kubernetes';

/** Deepest nesting of mappings and sequences a document may reach, written out or through aliases. */
export const MAX_DEPTH = 200;

export interface ParseOptions {
  /** Translates every recorded line (rendered output -> the template or resource file it came from). */
  mapLine?: (line: number) => number;
}

/** Parse every document of a YAML text, read the `mode` way (core schema unless told). */
export function parseYamlDocuments(text: string, filename: string, mode: YamlMode = 'core', opts: ParseOptions = {}): YamlDocument[] {
  const { mapLine } = opts;
  const lines = forwardLines(text);
  const toLine = mapLine ? (offset: number) => mapLine(lines(offset)) : lines;
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { filename, maxDepth: MAX_DEPTH });
    boundAliases(events, text);
    if (mode === 'kubernetes') return decodeKubernetesEvents(events, text, toLine);
    values = constructFromEvents(events, { source: text, filename, maxAliases: 10_000 });
  } catch (err) {
    // Anything else is a bug of ours, and must not pass for bad input.
    const e = err instanceof YAMLException ? toYamlError(err) : err;
    throw mapLine && e instanceof YamlError && e.line !== undefined ? new YamlError(e.message, mapLine(e.line)) : e;
  }
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
      if (typeof value === 'object' && value !== null) setPosition(value, mappingPosition(pos));
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
    const line = documentLine(first, toLine);
    if (first && first.type !== EVENT_ID.POP) walk(value, 0);
    i++; // document POP
    docs.push({ value, line });
  }
  return docs;
}

/** Nodes one document may expand to once its aliases are followed. */
export const MAX_EXPANDED_NODES = 1_000_000;
/** Nodes all the aliases of one file may add (documents without aliases add none, however many). */
export const MAX_ALIAS_NODES = 4_000_000;

interface Anchored {
  size: number;
  depth: number;
  /** Still being read: an alias to it would make it contain itself. */
  open: boolean;
}

/**
 * The parsed values share aliased nodes, but every walker (checks, canonical
 * JSON, reporters) expands them: a "billion laughs" file of a few lines is
 * 10^20 nodes, an alias inside its own anchor is infinite, and a chain of
 * anchors nests deeper than any stack. Count from the events what the
 * aliases add, per document and per file, and refuse such input up front.
 */
function boundAliases(events: Event[], text: string): void {
  if (!text.includes('*')) return; // no alias: nothing expands or recurses
  let at: ((offset: number) => number) | undefined;
  const lineAt = (offset: number): number => (at ??= lineIndex(text))(offset);
  let anchors = new Map<string, Anchored>();
  // Per open collection: the document's node count where it started, the deepest nesting below it, its anchor.
  const starts: number[] = [];
  const below: number[] = [];
  const owners: Array<Anchored | undefined> = [];
  let docNodes = 0;
  let aliasNodes = 0;
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.DOCUMENT:
        anchors = new Map();
        docNodes = 0;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        let owner: Anchored | undefined;
        if (ev.anchorStart >= 0) anchors.set(text.slice(ev.anchorStart, ev.anchorEnd), (owner = { size: 0, depth: 0, open: true }));
        starts.push(docNodes++);
        below.push(0);
        owners.push(owner);
        break;
      }
      case EVENT_ID.SCALAR:
        docNodes++;
        if (ev.anchorStart >= 0) anchors.set(text.slice(ev.anchorStart, ev.anchorEnd), { size: 1, depth: 0, open: false });
        break;
      case EVENT_ID.ALIAS: {
        const name = text.slice(ev.anchorStart, ev.anchorEnd);
        const anchored = anchors.get(name);
        if (!anchored) break; // the decoders name the unknown anchor
        if (anchored.open) throw new YamlError(`recursive alias: anchor "${name}" contains itself`, lineAt(ev.anchorStart));
        docNodes += anchored.size;
        aliasNodes += anchored.size;
        if (below.length + anchored.depth > MAX_DEPTH)
          throw new YamlError(`alias "${name}" nests the document deeper than ${MAX_DEPTH} levels; refusing to load`, lineAt(ev.anchorStart));
        if (below.length > 0 && (below[below.length - 1] as number) < anchored.depth) below[below.length - 1] = anchored.depth;
        if (docNodes > MAX_EXPANDED_NODES)
          throw new YamlError(`aliases expand this document to more than ${MAX_EXPANDED_NODES} nodes ("billion laughs"); refusing to load`, lineAt(ev.anchorStart));
        if (aliasNodes > MAX_ALIAS_NODES)
          throw new YamlError(`aliases in this file add more than ${MAX_ALIAS_NODES} nodes; refusing to load`, lineAt(ev.anchorStart));
        break;
      }
      case EVENT_ID.POP: {
        const start = starts.pop();
        if (start === undefined) break; // end of a document
        const depth = (below.pop() as number) + 1;
        const owner = owners.pop();
        if (owner) {
          owner.size = docNodes - start;
          owner.depth = depth;
          owner.open = false;
        }
        if (below.length > 0 && (below[below.length - 1] as number) < depth) below[below.length - 1] = depth;
        break;
      }
    }
  }
}

function toYamlError(err: YAMLException): YamlError {
  return new YamlError(err.reason || err.message.split('\n')[0] || 'invalid YAML', err.mark ? err.mark.line + 1 : undefined);
}
