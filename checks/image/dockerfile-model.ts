// Build stages of a Dockerfile with BuildKit's variable scoping: ARGs before
// the first FROM are visible to FROM lines only (and inside a stage once
// re-declared with `ARG NAME`); ENV and USER are inherited by a stage built
// FROM an earlier stage; `--platform` and the automatic platform ARGs.
import { ExpansionTooLongError, type Instruction, MAX_EXPANDED_CHARS, type ParsedDockerfile, parsePairs, splitFlags, splitWords, substitute, type Vars } from './dockerfile-parser.ts';

export interface EnvEntry {
  keyword: 'ENV' | 'ARG';
  name: string;
  /** Raw literal as written (before substitution). */
  raw: string;
  line: number;
}

export interface Stage {
  index: number;
  /** `AS name`, lower-cased (stage names are case-insensitive). */
  name?: string;
  /** Base image after ARG substitution, as written otherwise. */
  base: string;
  /** Base image as written in the FROM line. */
  rawBase: string;
  /** Names of variables in FROM that had no value. */
  unresolvedBase: string[];
  /** The earlier stage this one is built FROM, when it is one. */
  parent?: Stage;
  platform?: string;
  fromLine: number;
  /** Last USER of this stage (undefined: none in this stage). */
  user?: { value: string; raw: string; line: number; unresolved: string[] };
  /** ENV / ARG entries with a literal value. */
  literals: EnvEntry[];
  /** Variables visible at the end of the stage (ENV + declared ARGs). */
  vars: Map<string, string>;
}

export interface DockerModel {
  stages: Stage[];
  globalArgs: Map<string, string>;
  problems: Array<{ line: number; message: string }>;
}

/** Stands for a refused expansion among the unresolved names of FROM and USER. */
const TOO_LONG = `(an expansion over ${MAX_EXPANDED_CHARS} characters)`;

/** Platform ARGs BuildKit defines automatically; values do not matter for the checks. */
const AUTOMATIC_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];

export function buildModel(parsed: ParsedDockerfile): DockerModel {
  const { escapeChar } = parsed;
  const problems = [...parsed.problems];
  // Names whose expansion was refused as too long, and every name assigned
  // from one of them: a later use is unknown, never an empty string.
  const refused = new Set<string>();
  /** `raw` expanded; undefined when refused (a problem on `line` the first time) or built from a refused name. */
  const expand = (raw: string, vars: Vars, line: number, what: string, unresolved = new Set<string>()): string | undefined => {
    let v: string;
    try {
      v = substitute(raw, vars, escapeChar, unresolved);
    } catch (err) {
      if (!(err instanceof ExpansionTooLongError)) throw err;
      problems.push({ line, message: `${what} ${err.message}` });
      return undefined;
    }
    for (const name of unresolved) if (refused.has(name)) return undefined;
    return v;
  };
  /** Set `name` to its expanded value; a refused one is left unset. */
  const assign = (vars: Map<string, string>, name: string, raw: string, line: number, keyword: string) => {
    const v = expand(raw, vars, line, `${keyword} ${name}`);
    if (v === undefined) {
      vars.delete(name);
      refused.add(name);
    } else {
      vars.set(name, v);
      refused.delete(name);
    }
  };
  const globalArgs = new Map<string, string>();
  const globalDeclared = new Set<string>();
  const stages: Stage[] = [];
  let stage: Stage | undefined;

  for (const ins of parsed.instructions) {
    if (ins.keyword === 'FROM') {
      stage = fromStage(ins, stages, globalArgs, escapeChar, problems, expand);
      stages.push(stage);
      continue;
    }
    if (!stage) {
      if (ins.keyword === 'ARG') {
        for (const p of parsePairs(ins.args, 'ARG', escapeChar)) {
          globalDeclared.add(p.name);
          if (p.value !== undefined) assign(globalArgs, p.name, p.value, ins.line, 'ARG');
        }
      } else problems.push({ line: ins.line, message: `${ins.keyword} before the first FROM` });
      continue;
    }
    switch (ins.keyword) {
      case 'ARG':
        for (const p of parsePairs(ins.args, 'ARG', escapeChar)) {
          if (p.value !== undefined) {
            assign(stage.vars, p.name, p.value, ins.line, 'ARG');
            stage.literals.push({ keyword: 'ARG', name: p.name, raw: p.value, line: ins.line });
          } else if (globalArgs.has(p.name)) stage.vars.set(p.name, globalArgs.get(p.name) as string);
          else if (AUTOMATIC_ARGS.includes(p.name)) stage.vars.set(p.name, '');
        }
        break;
      case 'ENV':
        for (const p of parsePairs(ins.args, 'ENV', escapeChar)) {
          if (p.value === undefined) {
            problems.push({ line: ins.line, message: `ENV ${p.name} has no value` });
            continue;
          }
          assign(stage.vars, p.name, p.value, ins.line, 'ENV');
          stage.literals.push({ keyword: 'ENV', name: p.name, raw: p.value, line: ins.line });
        }
        break;
      case 'USER': {
        const raw = splitWords(ins.args, escapeChar)[0]?.word ?? '';
        const unresolved = new Set<string>();
        // A refused expansion leaves the user unknown: reported as unverifiable, never as non-root.
        const value = expand(raw, stage.vars, ins.line, 'USER', unresolved);
        if (value === undefined && unresolved.size === 0) unresolved.add(TOO_LONG);
        stage.user = { value: value ?? '', raw, line: ins.line, unresolved: [...unresolved] };
        if (!raw) problems.push({ line: ins.line, message: 'USER without a user' });
        break;
      }
      default:
        break;
    }
  }
  return { stages, globalArgs, problems };
}

type Expand = (raw: string, vars: Vars, line: number, what: string, unresolved?: Set<string>) => string | undefined;

function fromStage(ins: Instruction, stages: Stage[], globalArgs: Map<string, string>, escapeChar: '\\' | '`', problems: DockerModel['problems'], expand: Expand): Stage {
  const { flags, rest } = splitFlags(ins.args);
  const words = splitWords(rest, escapeChar).map((w) => w.word);
  const unresolved = new Set<string>();
  const raw = words[0] ?? '';
  if (!raw) problems.push({ line: ins.line, message: 'FROM without an image' });
  const expanded = expand(raw, globalArgs, ins.line, 'FROM', unresolved);
  if (expanded === undefined && unresolved.size === 0) unresolved.add(TOO_LONG);
  const base = expanded ?? raw;
  let name: string | undefined;
  if (words.length >= 3 && (words[1] as string).toLowerCase() === 'as') name = (words[2] as string).toLowerCase();
  else if (words.length > 1) problems.push({ line: ins.line, message: `unexpected words after the image in FROM` });
  const lower = base.toLowerCase();
  const parent = stages.find((s) => s.name !== undefined && s.name === lower) ?? (/^\d+$/.test(base) ? stages[Number(base)] : undefined);
  const platform = flags.get('platform');
  return {
    index: stages.length,
    ...(name !== undefined ? { name } : {}),
    base,
    rawBase: raw,
    unresolvedBase: [...unresolved],
    ...(parent ? { parent } : {}),
    ...(platform !== undefined ? { platform } : {}),
    fromLine: ins.line,
    literals: [],
    // A stage built from an earlier stage inherits its environment.
    vars: new Map(parent ? [...parent.vars] : []),
  };
}

/** The USER in effect at the end of a stage, following FROM <stage> inheritance. */
export function effectiveUser(stage: Stage): Stage['user'] | undefined {
  for (let s: Stage | undefined = stage; s; s = s.parent) if (s.user) return s.user;
  return undefined;
}

/** The external image a stage ultimately builds on (through FROM <stage> chains). */
export function rootBase(stage: Stage): Stage {
  let s = stage;
  while (s.parent) s = s.parent;
  return s;
}
