// A Dockerfile / Containerfile parser with BuildKit's line semantics: parser
// directives (escape), line continuations (comments and blank lines inside a
// continuation are dropped), heredocs on RUN/COPY/ADD, JSON and shell forms.
// Small and dependency-free: the npm parsers (docker-file-parser,
// dockerfile-ast) either predate heredocs or pull in a language-server stack.

export interface Heredoc {
  name: string;
  body: string;
  /** 1-based line of the first body line. */
  line: number;
}

export interface Instruction {
  /** Upper-cased keyword: FROM, RUN, ENV, ... */
  keyword: string;
  /** Everything after the keyword, continuations joined with no separator (as BuildKit does). */
  args: string;
  /** 1-based first line. */
  line: number;
  /** 1-based last line, heredoc bodies included. */
  endLine: number;
  heredocs: Heredoc[];
}

export interface ParsedDockerfile {
  instructions: Instruction[];
  escapeChar: '\\' | '`';
  problems: Array<{ line: number; message: string }>;
}

const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
/** `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`. Bounded, linear. */
const HEREDOC_RE = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_-]{0,63})\2/g;

export function parseDockerfile(text: string): ParsedDockerfile {
  const lines = text.split(/\r?\n/);
  let escapeChar: '\\' | '`' = '\\';
  const problems: ParsedDockerfile['problems'] = [];
  const instructions: Instruction[] = [];

  // Parser directives: `# key=value` lines at the very top only.
  let i = 0;
  for (; i < lines.length; i++) {
    const m = /^\s*#\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/.exec(lines[i] as string);
    if (!m) break;
    const key = (m[1] as string).toLowerCase();
    if (key === 'escape') {
      if (m[2] === '`' || m[2] === '\\') escapeChar = m[2];
      else problems.push({ line: i + 1, message: `invalid escape directive "${m[2]}"` });
    } else if (key !== 'syntax' && key !== 'check') break;
  }

  while (i < lines.length) {
    const raw = lines[i] as string;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    const start = i;
    let logical = '';
    let current = raw.replace(/^\s+/, '');
    // Join continuation lines.
    for (;;) {
      const t = current.replace(/\s+$/, '');
      if (t.endsWith(escapeChar)) {
        logical += t.slice(0, -1);
        i++;
        // Skip comment and blank lines inside the continuation.
        while (i < lines.length && /^\s*(#.*)?$/.test(lines[i] as string)) i++;
        if (i >= lines.length) break;
        current = lines[i] as string;
        continue;
      }
      logical += current;
      break;
    }
    const m = /^([A-Za-z]+)(?:\s+([\s\S]*))?$/.exec(logical.trim());
    if (!m) {
      problems.push({ line: start + 1, message: 'not an instruction' });
      i++;
      continue;
    }
    const keyword = (m[1] as string).toUpperCase();
    const args = (m[2] ?? '').trim();
    let endLine = i + 1;
    const heredocs: Heredoc[] = [];
    if (HEREDOC_KEYWORDS.has(keyword) && !args.startsWith('[')) {
      HEREDOC_RE.lastIndex = 0;
      const names: Array<{ name: string; strip: boolean }> = [];
      for (let h = HEREDOC_RE.exec(args); h !== null; h = HEREDOC_RE.exec(args)) names.push({ name: h[3] as string, strip: h[1] === '-' });
      for (const { name, strip } of names) {
        const bodyStart = i + 1;
        const body: string[] = [];
        let j = bodyStart;
        let closed = false;
        for (; j < lines.length; j++) {
          const l = strip ? (lines[j] as string).replace(/^\t+/, '') : (lines[j] as string);
          if (l === name || (lines[j] as string).trimEnd() === name) {
            closed = true;
            break;
          }
          body.push(l);
        }
        if (!closed) problems.push({ line: start + 1, message: `heredoc <<${name} is not terminated` });
        heredocs.push({ name, body: body.join('\n'), line: bodyStart + 1 });
        i = closed ? j : j - 1;
        endLine = i + 1;
      }
    }
    instructions.push({ keyword, args, line: start + 1, endLine, heredocs });
    i++;
  }
  return { instructions, escapeChar, problems };
}

/** Split shell-form words: whitespace-separated, quotes removed, escapes applied. */
export function splitWords(s: string, escapeChar: string = '\\'): Array<{ word: string; quoted: boolean }> {
  const out: Array<{ word: string; quoted: boolean }> = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  let q: string | undefined;
  for (let k = 0; k < s.length; k++) {
    const c = s[k] as string;
    if (q) {
      if (c === q) q = undefined;
      else if (c === escapeChar && q === '"' && k + 1 < s.length && (s[k + 1] === '"' || s[k + 1] === escapeChar)) word += s[++k];
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      inWord = true;
      quoted = true;
      continue;
    }
    if (c === escapeChar && k + 1 < s.length) {
      word += s[++k];
      inWord = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) out.push({ word, quoted });
      word = '';
      inWord = false;
      quoted = false;
      continue;
    }
    word += c;
    inWord = true;
  }
  if (inWord) out.push({ word, quoted });
  return out;
}

/** `--platform=linux/amd64 image AS name` -> flags and the rest. */
export function splitFlags(args: string): { flags: Map<string, string>; rest: string } {
  const flags = new Map<string, string>();
  let rest = args.trimStart();
  for (;;) {
    const m = /^--([A-Za-z0-9-]+)(?:=(\S*))?\s*/.exec(rest);
    if (!m) break;
    flags.set((m[1] as string).toLowerCase(), m[2] ?? '');
    rest = rest.slice(m[0].length);
  }
  return { flags, rest };
}

/**
 * `ENV a=1 b="x y"`, legacy `ENV a value with spaces`, `ARG a=1 b`:
 * name/value pairs (value undefined for a bare ARG name).
 */
export function parsePairs(args: string, keyword: 'ENV' | 'ARG' | 'LABEL', escapeChar: string): Array<{ name: string; value: string | undefined }> {
  const words = splitWords(args, escapeChar);
  if (words.length === 0) return [];
  const first = words[0]?.word ?? '';
  if (keyword === 'ENV' && !first.includes('=')) {
    // Legacy form: the rest of the line is the value.
    const rest = args.trimStart().slice(args.trimStart().search(/\s|$/)).trim();
    const value = splitWords(rest, escapeChar)
      .map((w) => w.word)
      .join(' ');
    return [{ name: first, value }];
  }
  return words.map(({ word }) => {
    const eq = word.indexOf('=');
    return eq === -1 ? { name: word, value: undefined } : { name: word.slice(0, eq), value: word.slice(eq + 1) };
  });
}

export type Vars = ReadonlyMap<string, string>;

/**
 * Longest value an expansion may produce. Real ARG/ENV/USER/FROM values are
 * short; `ARG B=$A$A` repeated doubles the length each line, and forty of
 * them would exceed what a string can hold.
 */
export const MAX_EXPANDED_CHARS = 64 * 1024;

export class ExpansionTooLongError extends Error {
  override name = 'ExpansionTooLongError';
  constructor() {
    super(`expands to more than ${MAX_EXPANDED_CHARS} characters (variables that repeat each other?); not expanded`);
  }
}

/**
 * Expand $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+alt}, ${VAR+alt}.
 * `unresolved` collects names that had no value. Throws ExpansionTooLongError
 * beyond MAX_EXPANDED_CHARS.
 */
export function substitute(s: string, vars: Vars, escapeChar = '\\', unresolved?: Set<string>): string {
  let out = '';
  for (let k = 0; k < s.length; k++) {
    if (out.length > MAX_EXPANDED_CHARS) throw new ExpansionTooLongError();
    const c = s[k] as string;
    if (c === escapeChar && s[k + 1] === '$') {
      out += '$';
      k++;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    if (s[k + 1] === '{') {
      const close = s.indexOf('}', k + 2);
      if (close === -1) {
        out += s.slice(k);
        break;
      }
      const inner = s.slice(k + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([\s\S]*))?$/.exec(inner);
      if (!m) {
        out += s.slice(k, close + 1);
      } else {
        const name = m[1] as string;
        const op = m[2];
        const word = m[3] ?? '';
        const v = vars.get(name);
        const set = v !== undefined && (op?.startsWith(':') ? v !== '' : true);
        if (op === ':-' || op === '-') out += set ? (v as string) : substitute(word, vars, escapeChar, unresolved);
        else if (op === ':+' || op === '+') out += set ? substitute(word, vars, escapeChar, unresolved) : '';
        else if (v !== undefined) out += v;
        else unresolved?.add(name);
      }
      k = close;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(k + 1, k + 257));
    if (!m) {
      out += c;
      continue;
    }
    const v = vars.get(m[0]);
    if (v !== undefined) out += v;
    else unresolved?.add(m[0]);
    k += m[0].length;
  }
  if (out.length > MAX_EXPANDED_CHARS) throw new ExpansionTooLongError();
  return out;
}
