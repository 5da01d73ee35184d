// How the behaviour probe reads an answer: the text the model would see,
// file content that should have been refused, stack traces and server paths
// in errors, and the planted canary (whole or any 8-character fragment),
// which is also what the redactor removes from every string the probe emits.
// Pure: no I/O.
import { posix } from 'node:path';
import type { CallOutcome } from '../common/mcp-client.ts';
import { isObj } from '../../src/workspace/kubernetes.ts';

/** Shortest canary fragment that counts as a leak (and is redacted). */
export const FRAGMENT = 8;

/** Everything of an answer that reaches the model: texts, embedded resources, structured content, the error. */
export function answerText(outcome: CallOutcome): string {
  if (outcome.kind === 'error') return [outcome.message, outcome.data === undefined ? '' : JSON.stringify(outcome.data)].join('\n');
  const parts: string[] = [];
  const content = Array.isArray(outcome.result.content) ? outcome.result.content : [];
  for (const item of content) {
    if (!isObj(item)) continue;
    if (typeof item.text === 'string') parts.push(item.text);
    const res = isObj(item.resource) ? item.resource : undefined;
    if (typeof res?.text === 'string') parts.push(res.text);
    if (typeof res?.blob === 'string') parts.push(Buffer.from(res.blob, 'base64').toString('utf8'));
  }
  // The whole result as JSON too: a value may sit in structuredContent or _meta.
  parts.push(JSON.stringify(outcome.result));
  return parts.join('\n');
}

/** The server refused the call: a JSON-RPC error or an isError result. */
export function refused(outcome: CallOutcome): boolean {
  return outcome.kind === 'error' || outcome.result.isError === true;
}

const FILE_MARKERS: { re: RegExp; what: string }[] = [
  { re: /\broot:[x*!]?:0:0:/, what: '/etc/passwd content (root:x:0:0:)' },
  { re: /\bdaemon:[x*!]?:1:1:/, what: '/etc/passwd content (daemon:x:1:1:)' },
  { re: /\[fonts\]|; for 16-bit app support/i, what: 'win.ini content ([fonts])' },
];

/** The file the traversal payload names, recognised in an answer. */
export function fileContent(text: string): string | undefined {
  return FILE_MARKERS.find((m) => m.re.test(text))?.what;
}

const STACK_TRACES: { re: RegExp; what: string }[] = [
  { re: /^\s*at (?:.{1,200} \()?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^\s()]{0,300}:\d+:\d+\)?\s*$/m, what: 'a Node.js stack trace' },
  { re: /Traceback \(most recent call last\)|^\s*File "[^"]{1,300}", line \d+/m, what: 'a Python traceback' },
  { re: /\bat [\w$.]{1,200}\([\w$]{1,100}\.(?:java|kt|scala):\d+\)/, what: 'a JVM stack trace' },
  { re: /goroutine \d+ \[running\]|\.go:\d+ \+0x[0-9a-f]+/, what: 'a Go stack trace' },
  { re: /\.rb:\d+:in `/, what: 'a Ruby backtrace' },
  { re: / in [A-Za-z]:\\[^\n]{1,300}:line \d+/, what: 'a .NET stack trace' },
];

const POSIX_PATH = /(?<![\w.:/~%\\-])\/(?:[\w.@+-]+\/)+[\w.@+-]*/g;
const WINDOWS_PATH = /\b[A-Za-z]:\\(?:[^\\\s"'<>|:*?]+\\)+[^\\\s"'<>|:*?]*/g;

export interface Leak {
  what: string;
  /** Offset of the leak in the text, for an excerpt. */
  index: number;
}

/**
 * A stack trace or an absolute path of the server in an error. Paths the
 * probe itself sent (normalised, decoded) and paths inside the declared
 * root are not a leak: the caller already knows them.
 */
export function errorLeak(text: string, sent: readonly string[], root: string | undefined): Leak | undefined {
  for (const s of STACK_TRACES) {
    const m = s.re.exec(text);
    if (m) return { what: s.what, index: m.index };
  }
  const known = new Set(sent.flatMap(knownForms));
  const rootDir = root ? posix.normalize(root).replace(/\/+$/, '') : undefined;
  const excused = (p: string) => {
    const norm = p.includes('\\') ? p.toLowerCase() : posix.normalize(p);
    return known.has(norm) || (rootDir !== undefined && rootDir !== '' && (norm === rootDir || norm.startsWith(`${rootDir}/`)));
  };
  for (const re of [POSIX_PATH, WINDOWS_PATH]) {
    for (const m of text.matchAll(re)) {
      const p = m[0].replace(/[.,;:)]+$/, '');
      if (!excused(p)) return { what: `an absolute path of the server (${p.length > 60 ? `${p.slice(0, 57)}...` : p})`, index: m.index ?? 0 };
    }
  }
  return undefined;
}

/** The forms a server may echo a value the probe sent in: as sent, URL-decoded, normalised against /. */
function knownForms(value: string): string[] {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {}
  const out = new Set<string>();
  for (const v of [value, decoded, decoded.replace(/^file:\/\//, '')]) {
    if (v.includes('\\')) out.add(v.toLowerCase());
    out.add(posix.resolve('/', v.replace(/\\/g, '/')));
  }
  return [...out];
}

/** Every FRAGMENT-character window of each secret (the whole secret when shorter). */
function windows(secrets: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const s of secrets) {
    if (s.length <= FRAGMENT) out.add(s);
    else for (let i = 0; i + FRAGMENT <= s.length; i++) out.add(s.slice(i, i + FRAGMENT));
  }
  return out;
}

/** Ranges of `text` covered by a window of a secret. */
function secretRanges(text: string, wins: ReadonlySet<string>): [number, number][] {
  const ranges: [number, number][] = [];
  const lengths = [...new Set([...wins].map((w) => w.length))];
  for (let i = 0; i < text.length; i++) {
    for (const len of lengths) {
      if (!wins.has(text.slice(i, i + len))) continue;
      const last = ranges.at(-1);
      if (last && i <= last[1]) last[1] = Math.max(last[1], i + len);
      else ranges.push([i, i + len]);
    }
  }
  return ranges;
}

/** Length of the longest stretch of `secret` (8 characters or more) found in `text`, 0 when none. */
export function secretFound(text: string, secret: string): number {
  return secretRanges(text, windows([secret])).reduce((n, [a, b]) => Math.max(n, b - a), 0);
}

/** A function that replaces every secret, and every 8-character fragment of one, by [REDACTED]. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const wins = windows(secrets.filter((s) => s.length >= 4));
  if (wins.size === 0) return (t) => t;
  return (text) => {
    const ranges = secretRanges(text, wins);
    if (ranges.length === 0) return text;
    let out = '';
    let at = 0;
    for (const [a, b] of ranges) {
      out += `${text.slice(at, a)}[REDACTED]`;
      at = b;
    }
    return out + text.slice(at);
  };
}

/** A short, single-line quote of `text` around `index`; `text` is already redacted (redaction comes before any cut). */
export function excerpt(text: string, index: number, width = 80): string {
  const start = Math.max(0, index - 10);
  const cut = text.slice(start, start + width).replace(/\s+/g, ' ').replace(/[^\x20-\x7e]/g, '?');
  return `"${start > 0 ? '…' : ''}${cut}${start + width < text.length ? '…' : ''}"`;
}
