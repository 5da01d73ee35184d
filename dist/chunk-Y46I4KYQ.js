import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  kubernetesObjects
} from "./chunk-BGXWE6IX.js";
import {
  InputError
} from "./chunk-NCVH2LUD.js";
import {
  YamlError,
  parseYamlDocuments
} from "./chunk-3PP7ZRBO.js";

// src/util/atomic.ts
import { randomBytes } from "node:crypto";
import { closeSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
function writeFileAtomic(path, data) {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    if (typeof data === "string") writeFileSync(tmp, data, { mode: 420 });
    else writePieces(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
    }
    throw err;
  }
}
function writePieces(file, pieces) {
  const fd = openSync(file, "w", 420);
  try {
    for (const piece of pieces) {
      const written = writeSync(fd, piece);
      const bytes = Buffer.byteLength(piece, "utf8");
      if (written === bytes) continue;
      const buf = Buffer.from(piece, "utf8");
      for (let off = written; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
    }
  } finally {
    closeSync(fd);
  }
}

// src/workspace/workspace.ts
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join as join2 } from "node:path";

// src/workspace/glob.ts
function globMatcher(glob) {
  const g = glob.startsWith("./") ? glob.slice(2) : glob.startsWith("/") ? glob.slice(1) : glob;
  const re = new RegExp(`^${globToRegex(g)}$`);
  return (path) => re.test(path);
}
function globToRegex(glob) {
  let out = "";
  let i = 0;
  while (i < glob.length) {
    if (glob.startsWith("**/", i) && (i === 0 || glob[i - 1] === "/")) {
      out += "(?:[^/]*/)*";
      i += 3;
      continue;
    }
    if (glob.startsWith("**", i) && i + 2 === glob.length && (i === 0 || glob[i - 1] === "/")) {
      out += ".*";
      i += 2;
      continue;
    }
    const c = glob[i];
    if (c === "*") {
      while (glob[i + 1] === "*") i++;
      out += "[^/]*";
    } else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close === -1) out += "\\[";
      else {
        let cls = glob.slice(i + 1, close);
        if (cls.startsWith("!")) cls = `^${cls.slice(1)}`;
        out += `[${cls.replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else if (c === "\\" && i + 1 < glob.length) {
      i++;
      out += escapeChar(glob[i]);
    } else out += escapeChar(c);
    i++;
  }
  return out;
}
function escapeChar(c) {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

// src/workspace/workspace.ts
var SKIP_DIRS = /* @__PURE__ */ new Set(["node_modules", ".git", ".mcp-gate"]);
var MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
var Workspace = class _Workspace {
  root;
  #files;
  #text = /* @__PURE__ */ new Map();
  #k8s = /* @__PURE__ */ new Map();
  constructor(root) {
    this.root = root;
  }
  /**
   * The same tree with the file list walked once, and no read or parse
   * cache: for checks that share nothing with the ones before, so what
   * those read can be collected.
   */
  fresh() {
    const w = new _Workspace(this.root);
    w.#files = this.files();
    return w;
  }
  /** Whether the files under root hold at least `n` bytes (stops counting there; unreadable files count 0). */
  holdsBytes(n) {
    let total = 0;
    for (const f of this.files()) {
      total += lstatSync(join2(this.root, f), { throwIfNoEntry: false })?.size ?? 0;
      if (total >= n) return true;
    }
    return false;
  }
  /** Every file under root (repository-relative, forward slashes), sorted. */
  files() {
    if (!this.#files) {
      const out = [];
      const walk = (rel) => {
        let entries;
        try {
          entries = readdirSync(join2(this.root, rel), { withFileTypes: true });
        } catch {
          return;
        }
        for (const e of entries) {
          const path = rel ? `${rel}/${e.name}` : e.name;
          if (e.isDirectory()) {
            if (!SKIP_DIRS.has(e.name)) walk(path);
          } else if (e.isFile()) out.push(path);
        }
      };
      walk("");
      out.sort();
      this.#files = out;
    }
    return this.#files;
  }
  /** Files matching any of the globs (or the default predicate when none given). */
  select(globs, byDefault) {
    if (!globs || globs.length === 0) return this.files().filter(byDefault);
    const matchers = globs.map(globMatcher);
    return this.files().filter((f) => matchers.some((m) => m(f)));
  }
  read(file) {
    let text = this.#text.get(file);
    if (text === void 0) {
      const abs = join2(this.root, file);
      const size = lstatSync(abs).size;
      if (size > MAX_MANIFEST_BYTES) throw new InputError(`file is ${size} bytes, above the ${MAX_MANIFEST_BYTES}-byte limit for manifests`, file);
      text = readFileSync(abs, "utf8");
      this.#text.set(file, text);
    }
    return text;
  }
  /** Kubernetes objects of the repository, parsed once per set of paths (every check asks with the config's). */
  kubernetes(paths) {
    const key = JSON.stringify(paths ?? null);
    let cached = this.#k8s.get(key);
    if (!cached) {
      const objects = [];
      const problems = [];
      for (const file of this.select(paths, isYamlFile)) {
        try {
          const docs = parseYamlDocuments(this.read(file), file);
          objects.push(...kubernetesObjects(docs, file));
        } catch (err) {
          if (err instanceof YamlError) problems.push({ file, line: err.line, message: `invalid YAML: ${err.message}` });
          else if (err instanceof InputError) problems.push({ file, line: err.line, message: err.message });
          else problems.push({ file, message: `cannot read: ${err.message}` });
        }
      }
      cached = { objects, problems };
      this.#k8s.set(key, cached);
    }
    return cached;
  }
};
function isYamlFile(file) {
  return file.endsWith(".yaml") || file.endsWith(".yml");
}

export {
  globMatcher,
  globToRegex,
  writeFileAtomic,
  Workspace,
  isYamlFile
};
