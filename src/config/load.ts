// Reading `.mcp-gate.yml`: every caller (check, manifest, override) finds
// and validates the config the same way; every problem is a line of one
// UsageError naming file:line and key (exit 2).
import { existsSync, lstatSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import * as z from 'zod';
import { RULE_IDS } from '../rules/catalog.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { InputError, UsageError } from '../util/errors.ts';
import { isInside, readRegularText } from '../workspace/read-file.ts';
import { keyLine, lineOf, parseYamlDocuments, YamlError } from '../workspace/yaml.ts';
import { configSchema, DEFAULT_CONFIG_FILE, type GateConfig } from './schema.ts';

/** A config is a page of YAML; the base revision's is read with the same cap. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedConfig {
  config: GateConfig;
  /** The file read, relative to root when inside it (else absolute); absent when none. */
  configFile?: string;
}

/**
 * The config of the directory under review: `file` (absolute, or relative to
 * root) when given, and then it must exist; else root's .mcp-gate.yml when
 * present; else the defaults.
 */
export function readConfig(root: string, file?: string): LoadedConfig {
  if (file !== undefined) {
    const abs = isAbsolute(file) ? file : resolve(root, file);
    if (!existsSync(abs)) throw new UsageError(`${file}: config file not found`);
    const display = relativeOrAbsolute(root, abs);
    // Inside the repository the change controls the file (it could link to /dev/zero or out of the tree).
    return { config: loadConfigFile(abs, display, isInside(resolve(root), abs) ? root : undefined), configFile: display };
  }
  const abs = resolve(root, DEFAULT_CONFIG_FILE);
  // lstat: a dangling symlink is a config that cannot be read, not an absent one.
  if (lstatSync(abs, { throwIfNoEntry: false }) === undefined) return { config: {} };
  return { config: loadConfigFile(abs, DEFAULT_CONFIG_FILE, root), configFile: DEFAULT_CONFIG_FILE };
}

function relativeOrAbsolute(root: string, abs: string): string {
  const rel = relative(root, abs);
  return rel.startsWith('..') || isAbsolute(rel) ? abs : rel.split('\\').join('/');
}

/**
 * Read and validate a config file; every problem becomes a UsageError naming
 * file:line and key. `within`: the repository it must stay in (a file the
 * invoker named on the command line may be anywhere).
 */
export function loadConfigFile(path: string, displayName: string, within?: string): GateConfig {
  let text: string;
  try {
    text = readRegularText(path, { maxBytes: MAX_CONFIG_BYTES, display: displayName, ...(within !== undefined ? { within } : {}) });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new UsageError(`${displayName}${err.line ? `:${err.line}` : ''}: cannot read config file: ${err.message}`);
  }
  return parseConfigText(text, displayName);
}

export function parseConfigText(text: string, displayName: string): GateConfig {
  let value: unknown;
  try {
    const docs = parseYamlDocuments(text, displayName);
    if (docs.length > 1) throw new UsageError(`${displayName}:${docs[1]?.line}: config must be a single YAML document`);
    value = docs[0]?.value ?? {};
  } catch (err) {
    if (err instanceof YamlError) throw new UsageError(`${displayName}:${err.line ?? 1}: invalid YAML: ${err.message}`);
    throw err;
  }
  if (value === null) value = {};
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;
  // Every problem in one run, in file order: a config is fixed in one edit, not one typo per run.
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, value, displayName));
  const unique = [...new Map(problems.map((p) => [p.text, p])).values()].sort((a, b) => a.line - b.line);
  throw new UsageError(unique.map((p) => p.text).join('\n'));
}

interface ConfigProblem {
  line: number;
  text: string;
}

/** One problem per issue, or per unknown key of an unrecognized_keys issue. */
function describeIssue(issue: z.core.$ZodIssue, root: unknown, file: string): ConfigProblem[] {
  const path = issue.path.map(String);
  // Find the deepest existing container to point at a line.
  let container: unknown = root;
  let parent: unknown = root;
  for (const seg of path) {
    if (container === null || typeof container !== 'object') break;
    const next = (container as Record<string, unknown>)[seg];
    parent = container;
    container = next;
  }
  const dotted = path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const obj = container ?? parent;
    const isRules = dotted === 'rules';
    return issue.keys.map((key) => {
      const line = keyLine(obj, key) ?? 1;
      const hint = didYouMean(key, isRules ? RULE_IDS : allowedKeys(path));
      const where = dotted ? `${dotted}.${key}` : key;
      return { line, text: `${file}:${line}: unknown ${isRules ? 'rule' : 'key'} "${where}"${hint ? ` (did you mean "${hint}"?)` : ''}` };
    });
  }
  const last = path[path.length - 1];
  const line = (last !== undefined ? keyLine(parent, last) : undefined) ?? lineOf(container) ?? 1;
  let message = issue.message;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    const hint = typeof container === 'string' ? didYouMean(container, issue.values.map(String)) : undefined;
    if (hint) message += ` (did you mean "${hint}"?)`;
  }
  return [{ line, text: `${file}:${line}: ${dotted || '(root)'}: ${message}` }];
}

function allowedKeys(path: string[]): string[] {
  let schema: z.ZodType = configSchema;
  for (const seg of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) schema = schema.shape[seg] as z.ZodType;
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else return [];
    if (!schema) return [];
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else break;
  }
  return s;
}
