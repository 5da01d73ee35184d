// Kubernetes manifests decoded as kubectl decodes them: sigs.k8s.io/yaml over
// go-yaml v2, i.e. YAML 1.1 scalars (yes/on/y are booleans, 0755 is octal),
// merge keys applied in go-yaml's order, every key turned into a JSON string.
// Reading the YAML 1.2 way would let `privileged: yes` pass as a string that
// the cluster runs as true. The rules and the kubectl runs that fixed them:
// docs/kubernetes-decoding.md; test/yaml-kubectl.test.ts holds kubectl to them.
import { EVENT_ID, type Event, getScalarValue, SCALAR_STYLE, type ScalarEvent } from 'js-yaml';
import { documentLine, mappingPosition, setPosition, type YamlDocument, YamlError } from './yaml-nodes.ts';

const YAML_TAG = 'tag:yaml.org,2002:';

/** Plain scalars go-yaml v2 resolves by their whole text (resolve.go's map). */
const SPECIAL = new Map<string, unknown>();
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) SPECIAL.set(s, true);
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) SPECIAL.set(s, false);
for (const s of ['~', 'null', 'Null', 'NULL']) SPECIAL.set(s, null);
for (const s of ['.nan', '.NaN', '.NAN']) SPECIAL.set(s, Number.NaN);
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) SPECIAL.set(s, Number.POSITIVE_INFINITY);
for (const s of ['-.inf', '-.Inf', '-.INF']) SPECIAL.set(s, Number.NEGATIVE_INFINITY);

/** go-yaml looks a plain scalar up by its text only when it starts with one of these (or a digit, sign or dot). */
const LOOKUP_FIRST = new Set([...'yYnNtTfFoO~'].map((c) => c.charCodeAt(0)));

/** strconv.ParseInt(s, 0, 64) syntax, underscores already removed: sign, then 0x / 0o / 0b / 0 (octal) prefix or decimal. */
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]+)|([1-9][0-9]*|0))$/;
/** go-yaml's yamlStyleFloat: what it hands to strconv.ParseFloat after the integer forms failed. */
const GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** ParseFloat on a scalar that starts with a dot (go-yaml does not strip underscores there). */
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
/** The date forms go-yaml's parseTimestamp accepts (checked only for an explicit !!timestamp). */
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:Z|[-+][0-9]{2}:[0-9]{2}))|(?: [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?))?$/;

const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;
const MAX_UINT64 = 2n ** 64n - 1n;

/** An integer as go-yaml reads it (int64, else uint64 without a sign), exactly; undefined when it is not one. */
function goIntBig(plain: string): bigint | undefined {
  const m = GO_INT.exec(plain);
  if (!m) return undefined;
  const [, sign, hex, oct, bin, oldOct, dec] = m;
  const digits = hex !== undefined ? `0x${hex}` : oct !== undefined ? `0o${oct}` : bin !== undefined ? `0b${bin}` : oldOct !== undefined ? `0o${oldOct}` : (dec as string);
  const big = sign === '-' ? -BigInt(digits) : BigInt(digits);
  if (big >= MIN_INT64 && big <= MAX_INT64) return big;
  return sign === '' && big <= MAX_UINT64 ? big : undefined;
}

function goInt(plain: string): number | undefined {
  // Short decimal text is the common case and exact as a double: skip BigInt.
  if (plain.length < 16 && /^[-+]?[1-9][0-9]*$/.test(plain)) return Number(plain);
  const big = goIntBig(plain);
  return big === undefined ? undefined : Number(big) || 0;
}

function withoutUnderscores(s: string): string {
  return s.includes('_') ? s.replaceAll('_', '') : s;
}

/** A number written with a sign or a digit first: go-yaml's int, then float, forms; undefined if neither. */
function goNumber(s: string): number | undefined {
  const plain = withoutUnderscores(s);
  const int = goInt(plain);
  if (int !== undefined) return int;
  if (!GO_FLOAT.test(plain)) return undefined;
  const f = Number(plain);
  return Number.isFinite(f) ? f : undefined; // ParseFloat fails on overflow: the text stays a string
}

/** The value go-yaml v2 gives an untagged plain scalar (timestamps stay text: go-yaml keeps them strings in an interface{}). */
export function resolvePlain(s: string): unknown {
  if (s === '') return null;
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45) {
    const special = SPECIAL.get(s);
    if (special !== undefined) return special;
    const n = goNumber(s);
    return n === undefined ? s : n;
  }
  if (c === 46) {
    const special = SPECIAL.get(s);
    if (special !== undefined) return special;
    const f = DOT_FLOAT.test(s) ? Number(s) : Number.NaN;
    return Number.isFinite(f) ? f : s;
  }
  if (LOOKUP_FIRST.has(c)) {
    const special = SPECIAL.get(s);
    return special === undefined ? s : special;
  }
  return s;
}

type Kind = 'str' | 'bool' | 'int' | 'float' | 'null';

function kindOf(value: unknown, text: string): Kind {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return goIntBig(withoutUnderscores(text)) !== undefined ? 'int' : 'float';
  return 'str';
}

/** The full name of a tag as written (`!!bool`, `!<tag:...>`, a %TAG handle), without percent-decoding. */
function tagName(raw: string, handles: Map<string, string> | undefined): string {
  if (raw.startsWith('!<') && raw.endsWith('>')) return raw.slice(2, -1);
  const end = raw.indexOf('!', 1);
  const handle = end === -1 ? '!' : raw.slice(0, end + 1);
  const prefix = handles?.get(handle) ?? (handle === '!!' ? YAML_TAG : handle);
  return prefix + raw.slice(handle.length);
}

/** A scalar with an explicit tag, as go-yaml v2 decodes it into an interface{}. */
function taggedValue(text: string, tag: string, line: number): unknown {
  if (tag === '!' || !tag.startsWith(YAML_TAG)) return text; // local and non-specific tags: the text as written
  const want = tag.slice(YAML_TAG.length);
  switch (want) {
    case 'str':
      return text;
    case 'binary': {
      const b64 = text.replace(/[\r\n]/g, '');
      if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new YamlError('!!binary value contains invalid base64 data', line);
      return Buffer.from(b64, 'base64').toString('utf8');
    }
    case 'timestamp':
      if (TIMESTAMP.test(text)) return text;
      throw new YamlError(`cannot decode \`${text}\` as a !!timestamp`, line);
    case 'bool':
    case 'int':
    case 'float':
    case 'null': {
      const value = resolvePlain(text);
      const kind = kindOf(value, text);
      if (kind === want || (want === 'float' && kind === 'int')) return value;
      throw new YamlError(`cannot decode !!${kind} \`${text}\` as a !!${want}`, line);
    }
    default:
      return text; // !!merge, !!set, ... on a scalar: go-yaml keeps the text
  }
}

interface Anchor {
  value: unknown;
  /** Still being built: an alias to it would make the value contain itself. */
  open: boolean;
  /** A scalar anchor's event, to read it again as a key. */
  scalar: ScalarEvent | undefined;
}

interface MapFrame {
  seq: false;
  value: Record<string, unknown>;
  pos: Array<string | number>;
  anchor: Anchor | undefined;
  hasKey: boolean;
  key: string;
  kind: Kind;
  keyLine: number;
  merge: boolean;
  /** Which keys came from a bool or int key, once one has (two keys of different kinds with one JSON text collide). */
  kinds: Map<string, Kind> | undefined;
}

interface SeqFrame {
  seq: true;
  value: unknown[];
  anchor: Anchor | undefined;
}

/** Key kinds of finished mappings that had non-string keys, for merges of them. */
const keyKinds = new WeakMap<object, Map<string, Kind>>();

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Build documents from parser events (already checked for alias bombs and
 * recursion by the caller) as kubectl would see them, with line positions.
 * One loop with an explicit stack: no recursion, whatever the nesting.
 */
export function decodeKubernetesEvents(events: Event[], text: string, toLine: (offset: number) => number): YamlDocument[] {
  const docs: YamlDocument[] = [];
  const frames: Array<MapFrame | SeqFrame> = [];
  // One growing array per nesting depth, reused by every mapping at that depth (see yaml.ts).
  const scratch: Array<Array<string | number>> = [];
  let anchors = new Map<string, Anchor>();
  let handles: Map<string, string> | undefined;
  let docValue: unknown = null;
  let docLine = 1;

  const scalarLine = (ev: ScalarEvent): number => toLine(ev.valueStart >= 0 ? ev.valueStart : ev.tagStart >= 0 ? ev.tagStart : Math.max(ev.anchorStart, 0));

  const readScalar = (ev: ScalarEvent, raw: string): unknown => {
    if (ev.tagStart === -1) return ev.style === SCALAR_STYLE.PLAIN ? resolvePlain(raw) : raw;
    return taggedValue(raw, tagName(text.slice(ev.tagStart, ev.tagEnd), handles), scalarLine(ev));
  };

  const setKey = (frame: MapFrame, ev: ScalarEvent, line: number): void => {
    const raw = getScalarValue(text, ev);
    frame.hasKey = true;
    frame.keyLine = line;
    if (raw === '<<') {
      const untagged = ev.tagStart === -1;
      const tag = untagged ? '' : tagName(text.slice(ev.tagStart, ev.tagEnd), handles);
      frame.merge = (untagged && ev.style === SCALAR_STYLE.PLAIN) || tag === '!' || tag === `${YAML_TAG}merge`;
      if (frame.merge) return;
    } else frame.merge = false;
    const value = readScalar(ev, raw);
    if (typeof value === 'string') {
      frame.key = value;
      frame.kind = 'str';
    } else if (typeof value === 'boolean') {
      frame.key = value ? 'true' : 'false';
      frame.kind = 'bool';
    } else if (typeof value === 'number') {
      const big = kindOf(value, raw) === 'int' ? goIntBig(withoutUnderscores(raw)) : undefined;
      if (big === undefined) throw new YamlError(`the number ${raw} as a mapping key: kubectl turns it into text through a 32-bit float; quote the key`, line);
      if (big > MAX_INT64) throw new YamlError(`the integer ${raw} as a mapping key: kubectl refuses keys above 2^63-1; quote the key`, line);
      frame.key = big.toString();
      frame.kind = 'int';
    } else throw new YamlError('a null mapping key: kubectl refuses it (unsupported map key)', line);
    frame.pos.push(frame.key, line);
  };

  const put = (frame: MapFrame, key: string, kind: Kind, value: unknown, line: number): void => {
    if (kind !== 'str' || frame.kinds) {
      frame.kinds ??= new Map();
      const before = frame.kinds.get(key) ?? (Object.hasOwn(frame.value, key) ? 'str' : undefined);
      if (before !== undefined && before !== kind)
        throw new YamlError(`a ${before} key and a ${kind} key both become the JSON key "${key}": kubectl keeps one of them at random; quote one differently`, line);
      frame.kinds.set(key, kind);
    }
    if (key === '__proto__') Object.defineProperty(frame.value, key, { value, enumerable: true, writable: true, configurable: true });
    else frame.value[key] = value;
  };

  // go-yaml v2 assigns a merge in place, in order: a key before `<<` is
  // overwritten by the merged one, a key after it overwrites; in a list of
  // mappings the first one wins (it is applied last).
  const mergeFrom = (frame: MapFrame, source: Record<string, unknown>): void => {
    const kinds = keyKinds.get(source);
    for (const k of Object.keys(source)) {
      put(frame, k, kinds?.get(k) ?? 'str', source[k], frame.keyLine);
      frame.pos.push(k, frame.keyLine);
    }
  };

  const merge = (frame: MapFrame, value: unknown, viaAlias: boolean): void => {
    if (isMapping(value)) mergeFrom(frame, value);
    else if (Array.isArray(value) && !viaAlias && value.every(isMapping)) for (let j = value.length - 1; j >= 0; j--) mergeFrom(frame, value[j] as Record<string, unknown>);
    else throw new YamlError('map merge requires a mapping or a list of mappings as the value (kubectl refuses the file)', frame.keyLine);
  };

  const add = (value: unknown, viaAlias: boolean): void => {
    const top = frames[frames.length - 1];
    if (!top) docValue = value;
    else if (top.seq) top.value.push(value);
    else {
      top.hasKey = false;
      if (top.merge) merge(top, value, viaAlias);
      else put(top, top.key, top.kind, value, top.keyLine);
    }
  };

  const awaitingKey = (): MapFrame | undefined => {
    const top = frames[frames.length - 1];
    return top && !top.seq && !top.hasKey ? top : undefined;
  };

  const collectionKey = (line: number): YamlError => new YamlError('a mapping or list as a mapping key: kubectl refuses it (invalid map key)', line);

  for (let i = 0; i < events.length; i++) {
    const ev = events[i] as Event;
    switch (ev.type) {
      case EVENT_ID.DOCUMENT:
        anchors = new Map();
        handles = undefined;
        for (const d of ev.directives) if (d.kind === 'tag') (handles ??= new Map()).set(d.handle, d.prefix);
        docValue = null;
        docLine = documentLine(events[i + 1], toLine);
        break;
      case EVENT_ID.MAPPING: {
        const line = toLine(ev.start);
        if (awaitingKey()) throw collectionKey(line);
        const value: Record<string, unknown> = {};
        let anchor: Anchor | undefined;
        if (ev.anchorStart !== -1) anchors.set(text.slice(ev.anchorStart, ev.anchorEnd), (anchor = { value, open: true, scalar: undefined }));
        const pos = (scratch[frames.length] ??= []);
        pos.push(line);
        frames.push({ seq: false, value, pos, anchor, hasKey: false, key: '', kind: 'str', keyLine: line, merge: false, kinds: undefined });
        break;
      }
      case EVENT_ID.SEQUENCE: {
        const line = toLine(ev.start);
        if (awaitingKey()) throw collectionKey(line);
        const value: unknown[] = [];
        setPosition(value, line);
        let anchor: Anchor | undefined;
        if (ev.anchorStart !== -1) anchors.set(text.slice(ev.anchorStart, ev.anchorEnd), (anchor = { value, open: true, scalar: undefined }));
        frames.push({ seq: true, value, anchor });
        break;
      }
      case EVENT_ID.SCALAR: {
        const keyOf = awaitingKey();
        if (keyOf) {
          setKey(keyOf, ev, toLine(ev.valueStart));
          if (ev.anchorStart !== -1)
            anchors.set(text.slice(ev.anchorStart, ev.anchorEnd), { value: readScalar(ev, getScalarValue(text, ev)), open: false, scalar: ev });
          break;
        }
        const raw = getScalarValue(text, ev);
        const value = readScalar(ev, raw);
        if (typeof value === 'number' && !Number.isFinite(value))
          throw new YamlError(`${raw}: kubectl cannot put an infinite or NaN number into JSON and refuses the file`, scalarLine(ev));
        if (ev.anchorStart !== -1) anchors.set(text.slice(ev.anchorStart, ev.anchorEnd), { value, open: false, scalar: ev });
        add(value, false);
        break;
      }
      case EVENT_ID.ALIAS: {
        const name = text.slice(ev.anchorStart, ev.anchorEnd);
        const line = toLine(ev.anchorStart);
        const anchor = anchors.get(name);
        if (!anchor) throw new YamlError(`unknown anchor "${name}" referenced`, line);
        if (anchor.open) throw new YamlError(`recursive alias: anchor "${name}" contains itself`, line);
        const keyOf = awaitingKey();
        if (keyOf) {
          if (!anchor.scalar) throw collectionKey(line);
          // go-yaml never takes an alias as a merge key: `*m` naming "<<" is the key "<<".
          setKey(keyOf, anchor.scalar, line);
          if (keyOf.merge) {
            keyOf.merge = false;
            keyOf.key = '<<';
            keyOf.kind = 'str';
            keyOf.pos.push('<<', line);
          }
        } else add(anchor.value, true);
        break;
      }
      case EVENT_ID.POP: {
        const frame = frames.pop();
        if (!frame) {
          docs.push({ value: docValue, line: docLine });
          break;
        }
        if (!frame.seq) {
          setPosition(frame.value, mappingPosition(frame.pos));
          frame.pos.length = 0;
          if (frame.kinds) keyKinds.set(frame.value, frame.kinds);
        }
        if (frame.anchor) frame.anchor.open = false;
        add(frame.value, false);
        break;
      }
    }
  }
  return docs;
}
