import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  DEFAULT_CONFIG_FILE,
  configSchema
} from "./chunk-YZ5H6DBI.js";
import {
  readFully
} from "./chunk-UIO5NOU4.js";
import {
  InputError,
  UsageError
} from "./chunk-NCVH2LUD.js";
import {
  didYouMean
} from "./chunk-T2RVKME7.js";
import {
  RULE_IDS
} from "./chunk-OWMEW5IV.js";
import {
  ZodArray,
  ZodNullable,
  ZodObject,
  ZodOptional,
  ZodPipe
} from "./chunk-W4AQ4HPL.js";
import {
  YamlError,
  keyLine,
  lineOf,
  parseYamlDocuments
} from "./chunk-3PP7ZRBO.js";

// src/config/load.ts
import { existsSync, lstatSync } from "node:fs";
import { isAbsolute as isAbsolute2, relative as relative2, resolve as resolve2 } from "node:path";

// src/workspace/read-file.ts
import { closeSync, constants, fstatSync, openSync, realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
function isInside(dir, path) {
  const rel = relative(dir, path);
  return rel === "" || !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}
function readRegularFile(path, opts) {
  const display = opts.display ?? path;
  const abs = resolve(opts.within ?? "", path);
  if (opts.within !== void 0 && !isInside(resolve(opts.within), abs)) throw new InputError("is outside the repository; only files inside it are read", display);
  let real;
  try {
    real = realpathSync(abs);
  } catch (err) {
    throw new InputError(describeErrno(err, "cannot read"), display);
  }
  if (opts.within !== void 0) {
    let root;
    try {
      root = realpathSync(opts.within);
    } catch (err) {
      throw new InputError(describeErrno(err, "cannot read the repository root"), display);
    }
    if (!isInside(root, real)) throw new InputError(`is a symlink that leaves the repository (to ${real}); only files inside it are read`, display);
  }
  let fd;
  try {
    fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new InputError(describeErrno(err, "cannot read"), display);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError(`is ${kindOf(st)}, not a regular file; refused`, display);
    if (st.size > opts.maxBytes) throw new InputError(`is ${st.size} bytes, above the ${opts.maxBytes}-byte limit`, display);
    const { buf, length } = readFully(fd, st.size);
    return buf.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
function readRegularText(path, opts) {
  return decodeUtf8(readRegularFile(path, opts), opts.display ?? path);
}
var strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
function decodeUtf8(buf, display) {
  try {
    return strictUtf8.decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    let line = 1;
    for (let i = 0; i < at; i++) if (buf[i] === 10) line++;
    throw new InputError(`is not valid UTF-8 (first invalid byte at offset ${at})`, display, line);
  }
}
function firstInvalidUtf8(buf) {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const n = b < 128 ? 1 : b >= 194 && b < 224 ? 2 : b >= 224 && b < 240 ? 3 : b >= 240 && b < 245 ? 4 : 0;
    if (n === 0 || i + n > buf.length) return i;
    try {
      strictUtf8.decode(buf.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return buf.length;
}
function kindOf(st) {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a FIFO";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}
function describeErrno(err, what) {
  const code = err.code;
  if (code === "ENOENT") return "does not exist";
  if (code === "EACCES" || code === "EPERM") return `${what}: permission denied`;
  if (code === "ELOOP") return `${what}: symlink loop`;
  return `${what}: ${code ?? err.message}`;
}

// src/config/load.ts
var MAX_CONFIG_BYTES = 1024 * 1024;
function readConfig(root, file) {
  if (file !== void 0) {
    const abs2 = isAbsolute2(file) ? file : resolve2(root, file);
    if (!existsSync(abs2)) throw new UsageError(`${file}: config file not found`);
    const display = relativeOrAbsolute(root, abs2);
    return { config: loadConfigFile(abs2, display, isInside(resolve2(root), abs2) ? root : void 0), configFile: display };
  }
  const abs = resolve2(root, DEFAULT_CONFIG_FILE);
  if (lstatSync(abs, { throwIfNoEntry: false }) === void 0) return { config: {} };
  return { config: loadConfigFile(abs, DEFAULT_CONFIG_FILE, root), configFile: DEFAULT_CONFIG_FILE };
}
function relativeOrAbsolute(root, abs) {
  const rel = relative2(root, abs);
  return rel.startsWith("..") || isAbsolute2(rel) ? abs : rel.split("\\").join("/");
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
  const issue = result.error.issues[0];
  throw new UsageError(describeIssue(issue, value, displayName));
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
    const key = issue.keys[0];
    const obj = container ?? parent;
    const line2 = keyLine(obj, key) ?? 1;
    const isRules = dotted === "rules";
    const hint = didYouMean(key, isRules ? RULE_IDS : allowedKeys(path));
    const where = dotted ? `${dotted}.${key}` : key;
    return `${file}:${line2}: unknown ${isRules ? "rule" : "key"} "${where}"${hint ? ` (did you mean "${hint}"?)` : ""}`;
  }
  const last = path[path.length - 1];
  const line = (last !== void 0 ? keyLine(parent, last) : void 0) ?? lineOf(container) ?? 1;
  let message = issue.message;
  if (issue.code === "invalid_value" && "values" in issue) {
    message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    const hint = typeof container === "string" ? didYouMean(container, issue.values.map(String)) : void 0;
    if (hint) message += ` (did you mean "${hint}"?)`;
  }
  return `${file}:${line}: ${dotted || "(root)"}: ${message}`;
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

export {
  readConfig,
  parseConfigText
};
