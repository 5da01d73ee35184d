import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  DEFAULT_CONFIG_FILE,
  configSchema
} from "./chunk-ELCXR4WP.js";
import {
  YamlError,
  isInside,
  keyLine,
  lineOf,
  parseYamlDocuments,
  readRegularText
} from "./chunk-XAOTV5DC.js";
import {
  RULE_IDS
} from "./chunk-QFNJ2TLX.js";
import {
  InputError,
  UsageError,
  didYouMean
} from "./chunk-LAB7SYR4.js";
import {
  ZodArray,
  ZodNullable,
  ZodObject,
  ZodOptional,
  ZodPipe
} from "./chunk-W4AQ4HPL.js";

// src/config/load.ts
import { existsSync, lstatSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
var MAX_CONFIG_BYTES = 1024 * 1024;
function readConfig(root, file) {
  if (file !== void 0) {
    const abs2 = isAbsolute(file) ? file : resolve(root, file);
    if (!existsSync(abs2)) throw new UsageError(`${file}: config file not found`);
    const display = relativeOrAbsolute(root, abs2);
    return { config: loadConfigFile(abs2, display, isInside(resolve(root), abs2) ? root : void 0), configFile: display };
  }
  const abs = resolve(root, DEFAULT_CONFIG_FILE);
  if (lstatSync(abs, { throwIfNoEntry: false }) === void 0) return { config: {} };
  return { config: loadConfigFile(abs, DEFAULT_CONFIG_FILE, root), configFile: DEFAULT_CONFIG_FILE };
}
function relativeOrAbsolute(root, abs) {
  const rel = relative(root, abs);
  return rel.startsWith("..") || isAbsolute(rel) ? abs : rel.split("\\").join("/");
}
function loadConfigFile(path, displayName, within) {
  let text;
  try {
    text = readRegularText(path, { maxBytes: MAX_CONFIG_BYTES, display: displayName, ...within !== void 0 ? { within } : {} });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new UsageError(`${displayName}${err.line ? `:${err.line}` : ""}: cannot read config file: ${err.message}`);
  }
  return parseConfigText(text, displayName);
}
function parseConfigText(text, displayName) {
  let value;
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
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, value, displayName));
  const unique = [...new Map(problems.map((p) => [p.text, p])).values()].sort((a, b) => a.line - b.line);
  throw new UsageError(unique.map((p) => p.text).join("\n"));
}
function describeIssue(issue, root, file) {
  const path = issue.path.map(String);
  let container = root;
  let parent = root;
  for (const seg of path) {
    if (container === null || typeof container !== "object") break;
    const next = container[seg];
    parent = container;
    container = next;
  }
  const dotted = path.join(".");
  if (issue.code === "unrecognized_keys") {
    const obj = container ?? parent;
    const isRules = dotted === "rules";
    return issue.keys.map((key) => {
      const line2 = keyLine(obj, key) ?? 1;
      const hint = didYouMean(key, isRules ? RULE_IDS : allowedKeys(path));
      const where = dotted ? `${dotted}.${key}` : key;
      return { line: line2, text: `${file}:${line2}: unknown ${isRules ? "rule" : "key"} "${where}"${hint ? ` (did you mean "${hint}"?)` : ""}` };
    });
  }
  const last = path[path.length - 1];
  const line = (last !== void 0 ? keyLine(parent, last) : void 0) ?? lineOf(container) ?? 1;
  let message = issue.message;
  if (issue.code === "invalid_value" && "values" in issue) {
    message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    const hint = typeof container === "string" ? didYouMean(container, issue.values.map(String)) : void 0;
    if (hint) message += ` (did you mean "${hint}"?)`;
  }
  return [{ line, text: `${file}:${line}: ${dotted || "(root)"}: ${message}` }];
}
function allowedKeys(path) {
  let schema = configSchema;
  for (const seg of path) {
    schema = unwrap(schema);
    if (schema instanceof ZodObject) schema = schema.shape[seg];
    else if (schema instanceof ZodArray) schema = schema.element;
    else return [];
    if (!schema) return [];
  }
  schema = unwrap(schema);
  return schema instanceof ZodObject ? Object.keys(schema.shape) : [];
}
function unwrap(schema) {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    if (s instanceof ZodOptional || s instanceof ZodNullable) s = s.unwrap();
    else if (s instanceof ZodPipe) s = s.in;
    else break;
  }
  return s;
}

// checks/common/config-document.ts
import { isAbsolute as isAbsolute2 } from "node:path";
function configDocument(ctx) {
  if (!ctx.configFile) return void 0;
  try {
    const within = isAbsolute2(ctx.configFile) ? {} : { within: ctx.root };
    return parseYamlDocuments(readRegularText(ctx.configFile, { maxBytes: MAX_CONFIG_BYTES, ...within }), ctx.configFile)[0]?.value;
  } catch {
    return void 0;
  }
}
function configKeyLine(doc, dotted) {
  const keys = dotted.split(".");
  let node = doc;
  let line;
  for (const key of keys) {
    if (typeof node !== "object" || node === null) return line;
    line = keyLine(node, key) ?? line;
    node = node[key];
  }
  return line;
}

export {
  readConfig,
  parseConfigText,
  configDocument,
  configKeyLine
};
