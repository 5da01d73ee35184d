import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  trackedFiles
} from "./chunk-RYM7ONMO.js";
import {
  loadManifests,
  manifestIntegrityCheck,
  readLockfile,
  sha256Hex
} from "./chunk-NZX64G7O.js";
import {
  canonicalJson
} from "./chunk-4OVJG3E2.js";
import {
  ALERTS,
  DEFAULT_ALERTS_DIR,
  findAlertRules
} from "./chunk-NEVJVTZS.js";
import {
  Workspace,
  globMatcher,
  globProblem
} from "./chunk-SUVOHOKO.js";
import {
  compareStrings
} from "./chunk-RL6DG25S.js";
import {
  configLocation
} from "./chunk-SQCNUDAA.js";
import {
  configDocument,
  configKeyLine
} from "./chunk-357DEUAJ.js";
import {
  CONTAINER_KINDS,
  DEFAULT_CONFIG_FILE,
  isObj,
  malformed,
  podTemplateOf,
  stringMap
} from "./chunk-ELCXR4WP.js";
import {
  keyLine,
  lineIndex,
  lineOf,
  readRegularFile
} from "./chunk-XAOTV5DC.js";
import {
  RULES,
  RULE_IDS,
  ruleRecord,
  rulesOfScope
} from "./chunk-QFNJ2TLX.js";
import {
  InputError
} from "./chunk-LAB7SYR4.js";
import {
  credentialNameStrength,
  hasTypedPattern,
  isCredentialName,
  isPlaceholderValue,
  quoteUntrusted,
  redactSecrets,
  secretKey
} from "./chunk-K4MPSSIE.js";
import {
  _enum,
  array,
  boolean,
  literal,
  number,
  object,
  record,
  string,
  union,
  unknown
} from "./chunk-W4AQ4HPL.js";

// src/gate/run-checks.ts
import { setMaxListeners } from "node:events";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

// checks/image/dockerfile-parser.ts
var HEREDOC_KEYWORDS = /* @__PURE__ */ new Set(["RUN", "COPY", "ADD"]);
var HEREDOC_RE = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_-]{0,63})\2/g;
function parseDockerfile(text2) {
  const lines = text2.split(/\r?\n/);
  let escapeChar2 = "\\";
  const problems = [];
  const instructions = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const m = /^\s*#\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/.exec(lines[i]);
    if (!m) break;
    const key = m[1].toLowerCase();
    if (key === "escape") {
      if (m[2] === "`" || m[2] === "\\") escapeChar2 = m[2];
      else problems.push({ line: i + 1, message: `invalid escape directive "${m[2]}"` });
    } else if (key !== "syntax" && key !== "check") break;
  }
  while (i < lines.length) {
    const raw = lines[i];
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) {
      i++;
      continue;
    }
    const start = i;
    let logical = "";
    let current = raw.replace(/^\s+/, "");
    for (; ; ) {
      const t = current.replace(/\s+$/, "");
      if (t.endsWith(escapeChar2)) {
        logical += t.slice(0, -1);
        i++;
        while (i < lines.length && /^\s*(#.*)?$/.test(lines[i])) i++;
        if (i >= lines.length) break;
        current = lines[i];
        continue;
      }
      logical += current;
      break;
    }
    const m = /^([A-Za-z]+)(?:\s+([\s\S]*))?$/.exec(logical.trim());
    if (!m) {
      problems.push({ line: start + 1, message: "not an instruction" });
      i++;
      continue;
    }
    const keyword = m[1].toUpperCase();
    const args = (m[2] ?? "").trim();
    let endLine = i + 1;
    const heredocs = [];
    if (HEREDOC_KEYWORDS.has(keyword) && !args.startsWith("[")) {
      HEREDOC_RE.lastIndex = 0;
      const names = [];
      for (let h = HEREDOC_RE.exec(args); h !== null; h = HEREDOC_RE.exec(args)) names.push({ name: h[3], strip: h[1] === "-" });
      for (const { name, strip } of names) {
        const bodyStart = i + 1;
        const body = [];
        let j = bodyStart;
        let closed = false;
        for (; j < lines.length; j++) {
          const l = strip ? lines[j].replace(/^\t+/, "") : lines[j];
          if (l === name || lines[j].trimEnd() === name) {
            closed = true;
            break;
          }
          body.push(l);
        }
        if (!closed) problems.push({ line: start + 1, message: `heredoc <<${name} is not terminated` });
        heredocs.push({ name, body: body.join("\n"), line: bodyStart + 1 });
        i = closed ? j : j - 1;
        endLine = i + 1;
      }
    }
    instructions.push({ keyword, args, line: start + 1, endLine, heredocs });
    i++;
  }
  return { instructions, escapeChar: escapeChar2, problems };
}
function splitWords(s, escapeChar2 = "\\") {
  const out = [];
  let word = "";
  let inWord = false;
  let quoted = false;
  let q;
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (q) {
      if (c === q) q = void 0;
      else if (c === escapeChar2 && q === '"' && k + 1 < s.length && (s[k + 1] === '"' || s[k + 1] === escapeChar2)) word += s[++k];
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      inWord = true;
      quoted = true;
      continue;
    }
    if (c === escapeChar2 && k + 1 < s.length) {
      word += s[++k];
      inWord = true;
      continue;
    }
    if (c === " " || c === "	" || c === "\n") {
      if (inWord) out.push({ word, quoted });
      word = "";
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
function splitFlags(args) {
  const flags = /* @__PURE__ */ new Map();
  let rest = args.trimStart();
  for (; ; ) {
    const m = /^--([A-Za-z0-9-]+)(?:=(\S*))?\s*/.exec(rest);
    if (!m) break;
    flags.set(m[1].toLowerCase(), m[2] ?? "");
    rest = rest.slice(m[0].length);
  }
  return { flags, rest };
}
function parsePairs(args, keyword, escapeChar2) {
  const words = splitWords(args, escapeChar2);
  if (words.length === 0) return [];
  const first = words[0]?.word ?? "";
  if (keyword === "ENV" && !first.includes("=")) {
    const rest = args.trimStart().slice(args.trimStart().search(/\s|$/)).trim();
    const value = splitWords(rest, escapeChar2).map((w) => w.word).join(" ");
    return [{ name: first, value }];
  }
  return words.map(({ word }) => {
    const eq = word.indexOf("=");
    return eq === -1 ? { name: word, value: void 0 } : { name: word.slice(0, eq), value: word.slice(eq + 1) };
  });
}
var MAX_EXPANDED_CHARS = 64 * 1024;
var ExpansionTooLongError = class extends Error {
  name = "ExpansionTooLongError";
  constructor() {
    super(`expands to more than ${MAX_EXPANDED_CHARS} characters (variables that repeat each other?); not expanded`);
  }
};
function substitute(s, vars, escapeChar2 = "\\", unresolved) {
  let out = "";
  for (let k = 0; k < s.length; k++) {
    if (out.length > MAX_EXPANDED_CHARS) throw new ExpansionTooLongError();
    const c = s[k];
    if (c === escapeChar2 && s[k + 1] === "$") {
      out += "$";
      k++;
      continue;
    }
    if (c !== "$") {
      out += c;
      continue;
    }
    if (s[k + 1] === "{") {
      const close = s.indexOf("}", k + 2);
      if (close === -1) {
        out += s.slice(k);
        break;
      }
      const inner = s.slice(k + 2, close);
      const m2 = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([\s\S]*))?$/.exec(inner);
      if (!m2) {
        out += s.slice(k, close + 1);
      } else {
        const name = m2[1];
        const op = m2[2];
        const word = m2[3] ?? "";
        const v2 = vars.get(name);
        const set = v2 !== void 0 && (op?.startsWith(":") ? v2 !== "" : true);
        if (op === ":-" || op === "-") out += set ? v2 : substitute(word, vars, escapeChar2, unresolved);
        else if (op === ":+" || op === "+") out += set ? substitute(word, vars, escapeChar2, unresolved) : "";
        else if (v2 !== void 0) out += v2;
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
    if (v !== void 0) out += v;
    else unresolved?.add(m[0]);
    k += m[0].length;
  }
  if (out.length > MAX_EXPANDED_CHARS) throw new ExpansionTooLongError();
  return out;
}

// checks/image/dockerfile-model.ts
var TOO_LONG = `(an expansion over ${MAX_EXPANDED_CHARS} characters)`;
var AUTOMATIC_ARGS = ["TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT"];
function buildModel(parsed) {
  const { escapeChar: escapeChar2 } = parsed;
  const problems = [...parsed.problems];
  const refused = /* @__PURE__ */ new Set();
  const expand = (raw, vars, line, what, unresolved = /* @__PURE__ */ new Set()) => {
    let v;
    try {
      v = substitute(raw, vars, escapeChar2, unresolved);
    } catch (err) {
      if (!(err instanceof ExpansionTooLongError)) throw err;
      problems.push({ line, message: `${what} ${err.message}` });
      return void 0;
    }
    for (const name of unresolved) if (refused.has(name)) return void 0;
    return v;
  };
  const assign = (vars, name, raw, line, keyword) => {
    const v = expand(raw, vars, line, `${keyword} ${name}`);
    if (v === void 0) {
      vars.delete(name);
      refused.add(name);
    } else {
      vars.set(name, v);
      refused.delete(name);
    }
  };
  const globalArgs = /* @__PURE__ */ new Map();
  const globalDeclared = /* @__PURE__ */ new Set();
  const stages = [];
  let stage;
  for (const ins of parsed.instructions) {
    if (ins.keyword === "FROM") {
      stage = fromStage(ins, stages, globalArgs, escapeChar2, problems, expand);
      stages.push(stage);
      continue;
    }
    if (!stage) {
      if (ins.keyword === "ARG") {
        for (const p of parsePairs(ins.args, "ARG", escapeChar2)) {
          globalDeclared.add(p.name);
          if (p.value !== void 0) assign(globalArgs, p.name, p.value, ins.line, "ARG");
        }
      } else problems.push({ line: ins.line, message: `${ins.keyword} before the first FROM` });
      continue;
    }
    switch (ins.keyword) {
      case "ARG":
        for (const p of parsePairs(ins.args, "ARG", escapeChar2)) {
          if (p.value !== void 0) {
            assign(stage.vars, p.name, p.value, ins.line, "ARG");
            stage.literals.push({ keyword: "ARG", name: p.name, raw: p.value, line: ins.line });
          } else if (globalArgs.has(p.name)) stage.vars.set(p.name, globalArgs.get(p.name));
          else if (AUTOMATIC_ARGS.includes(p.name)) stage.vars.set(p.name, "");
        }
        break;
      case "ENV":
        for (const p of parsePairs(ins.args, "ENV", escapeChar2)) {
          if (p.value === void 0) {
            problems.push({ line: ins.line, message: `ENV ${p.name} has no value` });
            continue;
          }
          assign(stage.vars, p.name, p.value, ins.line, "ENV");
          stage.literals.push({ keyword: "ENV", name: p.name, raw: p.value, line: ins.line });
        }
        break;
      case "USER": {
        const raw = splitWords(ins.args, escapeChar2)[0]?.word ?? "";
        const unresolved = /* @__PURE__ */ new Set();
        const value = expand(raw, stage.vars, ins.line, "USER", unresolved);
        if (value === void 0 && unresolved.size === 0) unresolved.add(TOO_LONG);
        stage.user = { value: value ?? "", raw, line: ins.line, unresolved: [...unresolved] };
        if (!raw) problems.push({ line: ins.line, message: "USER without a user" });
        break;
      }
      default:
        break;
    }
  }
  return { stages, globalArgs, problems };
}
function fromStage(ins, stages, globalArgs, escapeChar2, problems, expand) {
  const { flags, rest } = splitFlags(ins.args);
  const words = splitWords(rest, escapeChar2).map((w) => w.word);
  const unresolved = /* @__PURE__ */ new Set();
  const raw = words[0] ?? "";
  if (!raw) problems.push({ line: ins.line, message: "FROM without an image" });
  const expanded = expand(raw, globalArgs, ins.line, "FROM", unresolved);
  if (expanded === void 0 && unresolved.size === 0) unresolved.add(TOO_LONG);
  const base = expanded ?? raw;
  let name;
  if (words.length >= 3 && words[1].toLowerCase() === "as") name = words[2].toLowerCase();
  else if (words.length > 1) problems.push({ line: ins.line, message: `unexpected words after the image in FROM` });
  const lower = base.toLowerCase();
  const parent = stages.find((s) => s.name !== void 0 && s.name === lower) ?? (/^\d+$/.test(base) ? stages[Number(base)] : void 0);
  const platform = flags.get("platform");
  return {
    index: stages.length,
    ...name !== void 0 ? { name } : {},
    base,
    rawBase: raw,
    unresolvedBase: [...unresolved],
    ...parent ? { parent } : {},
    ...platform !== void 0 ? { platform } : {},
    fromLine: ins.line,
    literals: [],
    // A stage built from an earlier stage inherits its environment.
    vars: new Map(parent ? [...parent.vars] : [])
  };
}
function effectiveUser(stage) {
  for (let s = stage; s; s = s.parent) if (s.user) return s.user;
  return void 0;
}
function rootBase(stage) {
  let s = stage;
  while (s.parent) s = s.parent;
  return s;
}

// checks/image/check.ts
var MAX_DOCKERFILE_BYTES = 1024 * 1024;
function isDockerfile(file) {
  const base = file.slice(file.lastIndexOf("/") + 1);
  const lower = base.toLowerCase();
  if (lower === "dockerfile" || lower === "containerfile" || lower.endsWith(".dockerfile") || lower.endsWith(".containerfile")) return true;
  const m = /^(?:dockerfile|containerfile)\.([^.]+)$/.exec(lower);
  return m !== null && !NOT_DOCKERFILE_EXT.has(m[1]);
}
var NOT_DOCKERFILE_EXT = /* @__PURE__ */ new Set(["dockerignore", "ts", "js", "mjs", "cjs", "json", "yaml", "yml", "md", "txt", "golden", "go", "py", "rs", "sh", "toml", "xml", "html", "snap", "orig", "bak", "swp"]);
var DIGEST = /@sha256:[a-f0-9]{64}$/;
function defaultNonRoot(image) {
  const { repo, tag } = splitImage(image);
  return repo.includes("/distroless/") && (tag ?? "").split("-").includes("nonroot");
}
function isMinimalBase(image) {
  if (image === "scratch") return true;
  const { repo } = splitImage(image);
  return repo.includes("distroless") || repo.startsWith("cgr.dev/chainguard/") || repo.startsWith("chainguard/") || /(?:^|\/)ubi\d*(?:\/ubi)?-micro$/.test(repo);
}
function splitImage(image) {
  let rest = image.toLowerCase();
  let digest;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) {
    return { repo: rest.slice(0, colon), tag: rest.slice(colon + 1), ...digest ? { digest } : {} };
  }
  return { repo: rest, ...digest ? { digest } : {} };
}
function isRootUser(user) {
  const name = (user.split(":")[0] ?? "").trim();
  return name === "root" || /^0+$/.test(name) || name.toLowerCase() === "containeradministrator";
}
function checkDockerfile(file, text2, opts) {
  const parsed = parseDockerfile(text2);
  const model = buildModel(parsed);
  const findings = [];
  for (const p of model.problems) {
    findings.push({ ruleId: "gate/check-failed", message: `${file}:${p.line}: ${p.message}`, location: { file, line: p.line }, key: `dockerfile:${p.message}` });
  }
  if (model.stages.length === 0) {
    findings.push({ ruleId: "gate/check-failed", message: `${file}: no FROM instruction, not a Dockerfile the gate can evaluate`, location: { file, line: 1 }, key: "dockerfile:no-from" });
    return findings;
  }
  const final = model.stages[model.stages.length - 1];
  const user = effectiveUser(final);
  const base = rootBase(final);
  if (!user) {
    if (!(base.base !== "scratch" && defaultNonRoot(base.base))) {
      findings.push({
        ruleId: "image/runs-as-root",
        message: `final stage (FROM ${final.unresolvedBase.length ? final.rawBase : final.base}) sets no USER, so the container runs as the base image's user, root unless the base says otherwise`,
        location: { file, line: final.fromLine }
      });
    }
  } else if (user.unresolved.length > 0) {
    findings.push({
      ruleId: "image/runs-as-root",
      message: `final stage USER ${user.raw} uses ${user.unresolved.join(", ")} with no value in the Dockerfile; the user cannot be verified as non-root`,
      location: { file, line: user.line }
    });
  } else if (isRootUser(user.value)) {
    findings.push({
      ruleId: "image/runs-as-root",
      message: `final stage runs as root (USER ${user.value})`,
      location: { file, line: user.line }
    });
  }
  for (const s of model.stages) {
    if (s.parent || s.base.toLowerCase() === "scratch") continue;
    if (s.unresolvedBase.length > 0 && !DIGEST.test(s.base)) {
      findings.push({
        ruleId: "image/unpinned-base",
        message: `FROM ${s.rawBase || "(empty)"}: ${s.unresolvedBase.join(", ")} has no default, so the base cannot be verified as pinned by digest`,
        location: { file, line: s.fromLine },
        key: `base:${s.rawBase}`
      });
    } else if (!DIGEST.test(s.base)) {
      findings.push({
        ruleId: "image/unpinned-base",
        message: `FROM ${s.base}${s === final ? " (final stage)" : ` (build stage ${s.name ?? s.index})`} is not pinned by digest`,
        location: { file, line: s.fromLine },
        key: `base:${s.base}`
      });
    }
  }
  for (const s of model.stages) {
    for (const e of s.literals) {
      if (!isCredentialName(e.name)) continue;
      const v = e.raw;
      if (v === "" || v.includes("$") || isPlaceholderValue(v)) continue;
      findings.push({
        ruleId: "secret/exposed",
        message: `${e.keyword} ${e.name} in ${file} at line ${e.line} holds a credential literal (value not shown); it is stored in the image ${e.keyword === "ENV" ? "config" : "build history"}`,
        location: { file, line: e.line },
        key: secretKey(v),
        remediation: "Revoke and rotate the credential, remove it from the Dockerfile, and pass it at build time with a BuildKit secret mount (RUN --mount=type=secret) or at run time from a secrets manager."
      });
    }
  }
  if (opts.requireDistroless && !isMinimalBase(base.base)) {
    findings.push({
      ruleId: "image/non-minimal-base",
      message: `final stage is built on ${base.base}, not a distroless, scratch or Chainguard base (images.requireDistroless)`,
      location: { file, line: final.fromLine }
    });
  }
  return findings;
}
var dockerfileCheck = {
  id: "image",
  rules: ["image/runs-as-root", "image/unpinned-base", "image/non-minimal-base", "secret/exposed"],
  workerGroup: "image",
  async run(ctx) {
    const cfg = ctx.config.images ?? {};
    const files = ctx.workspace.select(cfg.paths, isDockerfile);
    if (files.length === 0) return { findings: [], skipped: true, detail: "no Dockerfile or Containerfile found" };
    const findings = [];
    const excluded = (ctx.config.secrets?.exclude ?? []).map(globMatcher);
    let checked = 0;
    for (const file of files) {
      let text2;
      try {
        text2 = ctx.workspace.read(file);
        if (Buffer.byteLength(text2) > MAX_DOCKERFILE_BYTES) throw new InputError(`file is above the ${MAX_DOCKERFILE_BYTES}-byte limit for Dockerfiles`, file);
        if (text2.includes("\0")) throw new InputError("binary file, not a Dockerfile", file);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        findings.push({ ruleId: "gate/check-failed", message: `${file}: cannot read: ${message}`, location: { file }, key: `dockerfile:${file}` });
        continue;
      }
      const secretsExcluded = excluded.some((m) => m(file));
      findings.push(...checkDockerfile(file, text2, { requireDistroless: cfg.requireDistroless === true }).filter((f) => !(secretsExcluded && f.ruleId === "secret/exposed")));
      checked++;
    }
    return { findings, detail: `${checked} of ${files.length} Dockerfile(s) checked` };
  }
};

// src/workspace/operators.ts
function viewOf(source2, fields) {
  if (!isObj(source2)) return fields;
  return new Proxy(source2, {
    get: (t, k) => typeof k === "symbol" ? Reflect.get(t, k) : Object.hasOwn(fields, k) ? fields[k] : void 0,
    has: (t, k) => typeof k === "symbol" ? Reflect.has(t, k) : Object.hasOwn(fields, k),
    ownKeys: (t) => [...Object.keys(fields), ...Object.getOwnPropertySymbols(t)],
    getOwnPropertyDescriptor: (t, k) => typeof k === "symbol" ? Reflect.getOwnPropertyDescriptor(t, k) : Object.hasOwn(fields, k) ? { value: fields[k], writable: false, enumerable: true, configurable: true } : void 0,
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false
  });
}
function withDefaults(value, defaults) {
  if (!isObj(value)) return defaults;
  const out = { ...defaults };
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== void 0) out[k] = v;
  return viewOf(value, out);
}
var MERGED_BY_NAME = /* @__PURE__ */ new Set(["containers", "initContainers", "ephemeralContainers", "volumes", "env", "imagePullSecrets"]);
function strategicMerge(base, patch, key = "") {
  if (patch === void 0) return base;
  if (isObj(base) && isObj(patch)) {
    const out = { ...base };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete out[k];
      else out[k] = strategicMerge(base[k], v, k);
    }
    return viewOf(patch, out);
  }
  if (Array.isArray(base) && Array.isArray(patch) && MERGED_BY_NAME.has(key)) {
    const out = [...base];
    for (const item of patch) {
      const i = out.findIndex((b) => isObj(b) && isObj(item) && b.name === item.name);
      if (i >= 0) out[i] = strategicMerge(out[i], item);
      else out.push(item);
    }
    return out;
  }
  return patch;
}
var TOOLHIVE_POD_SECURITY = deepFreeze({ runAsNonRoot: true, runAsUser: 1e3, runAsGroup: 1e3, fsGroup: 1e3, seccompProfile: { type: "RuntimeDefault" } });
var TOOLHIVE_CONTAINER_SECURITY = deepFreeze({
  privileged: false,
  runAsNonRoot: true,
  runAsUser: 1e3,
  runAsGroup: 1e3,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  seccompProfile: { type: "RuntimeDefault" },
  capabilities: { drop: ["ALL"] }
});
function deepFreeze(v) {
  if (typeof v === "object" && v !== null) for (const x of Object.values(v)) deepFreeze(x);
  return Object.freeze(v);
}
var TOOLHIVE_GROUP = "toolhive.stacklok.dev";
var KAGENT_GROUP = "kagent.dev";
var OPERATOR_KINDS = /* @__PURE__ */ new Map();
for (const version of ["v1alpha1", "v1beta1"]) {
  OPERATOR_KINDS.set(`${TOOLHIVE_GROUP}/${version} MCPServer`, toolhiveMcpServer);
  OPERATOR_KINDS.set(`${TOOLHIVE_GROUP}/${version} VirtualMCPServer`, (o, s) => toolhiveProxied(o, s, "vmcp", `${o.name}-vmcp`, "virtualmcpserver"));
  OPERATOR_KINDS.set(`${TOOLHIVE_GROUP}/${version} MCPRemoteProxy`, (o, s) => toolhiveProxied(o, s, "toolhive", `${o.name}-remote-proxy-runner`, "mcpremoteproxy"));
}
OPERATOR_KINDS.set(`${KAGENT_GROUP}/v1alpha1 MCPServer`, kmcpMcpServer);
var derived = /* @__PURE__ */ new WeakMap();
function podTemplateIn(obj, objects) {
  const derive = deriverOf(obj);
  if (!derive) return podTemplateOf(obj);
  const known = derived.get(obj);
  if (known instanceof InputError) throw known;
  if (known) return known;
  try {
    const pod = derive(objects);
    derived.set(obj, pod);
    return pod;
  } catch (err) {
    if (err instanceof InputError) derived.set(obj, err);
    throw err;
  }
}
function deriverOf(obj) {
  const build = OPERATOR_KINDS.get(`${obj.apiVersion} ${obj.kind}`);
  const spec = obj.raw.spec;
  if (build)
    return () => {
      if (!isObj(spec)) throw malformed(obj, obj.raw, `${obj.kind} without spec`, "spec");
      return build(obj, spec);
    };
  if (obj.kind === "Rollout" && obj.apiVersion.startsWith("argoproj.io/") && isObj(spec) && spec.template === void 0 && spec.workloadRef !== void 0)
    return (objects) => workloadRefTemplate(obj, spec.workloadRef, objects);
  return void 0;
}
var REF_KINDS = /* @__PURE__ */ new Set(["Deployment", "ReplicaSet", "PodTemplate"]);
function workloadRefTemplate(obj, ref, objects) {
  const spec = obj.raw.spec;
  if (!isObj(ref) || typeof ref.name !== "string" || typeof ref.kind !== "string") throw malformed(obj, spec, "workloadRef without kind and name", "workloadRef");
  const line = keyLine(spec, "workloadRef") ?? obj.line;
  if (!REF_KINDS.has(ref.kind)) throw new InputError(`${obj.resource}: workloadRef kind ${ref.kind} is not one Argo Rollouts resolves (Deployment, ReplicaSet, PodTemplate)`, obj.file, line);
  const target = objects.find((o) => o.kind === ref.kind && o.name === ref.name && o.namespace === obj.namespace);
  if (!target)
    throw new InputError(`${obj.resource}: workloadRef ${ref.kind}/${obj.namespace}/${ref.name} is not among the manifests, so the pods it runs are unknown`, obj.file, line);
  const pod = ref.kind === "PodTemplate" ? podTemplateOf({ ...target, kind: "Pod", raw: isObj(target.raw.template) ? target.raw.template : {} }) : podTemplateOf(target);
  if (!pod) throw new InputError(`${obj.resource}: workloadRef ${target.resource} has no pod template`, target.file, target.line);
  return { ...pod, file: target.file };
}
function toolhiveMcpServer(obj, spec) {
  const image = spec.image;
  if (typeof image !== "string" || image === "") throw missing(obj, spec, "image");
  const { template, podSpec } = userTemplate(obj, spec);
  const containers = containerList(obj, podSpec, "containers");
  const userMcp = containers.find((c) => isObj(c) && c.name === "mcp");
  const secrets = Array.isArray(spec.secrets) ? spec.secrets.filter(isObj) : [];
  const env = [
    ...Array.isArray(userMcp?.env) ? userMcp.env : [],
    ...secrets.map((s) => viewOf(s, { name: String(s.targetEnvName || s.key), valueFrom: { secretKeyRef: { name: s.name, key: s.key } } })),
    ...Array.isArray(spec.env) ? spec.env : []
  ];
  const mcp = viewOf(userMcp ?? spec, {
    ...userMcp ?? {},
    name: "mcp",
    image,
    ...spec.args !== void 0 ? { args: spec.args } : {},
    ...env.length ? { env } : {},
    securityContext: withDefaults(userMcp?.securityContext, TOOLHIVE_CONTAINER_SECURITY)
  });
  const hostVolumes = (Array.isArray(spec.volumes) ? spec.volumes.filter(isObj) : []).map(
    (v) => viewOf(v, { name: v.name, hostPath: viewOf(v, { path: v.hostPath }), readOnly: v.readOnly })
  );
  const volumes = [...Array.isArray(podSpec?.volumes) ? podSpec.volumes : [], ...hostVolumes];
  const pod = viewOf(podSpec ?? spec, {
    ...podSpec ?? {},
    serviceAccountName: typeof spec.serviceAccount === "string" && spec.serviceAccount !== "" ? spec.serviceAccount : `${obj.name}-sa`,
    securityContext: withDefaults(podSpec?.securityContext, TOOLHIVE_POD_SECURITY),
    containers: userMcp ? containers.map((c) => c === userMcp ? mcp : c) : [...containers, mcp],
    ...volumes.length ? { volumes } : {}
  });
  const meta = isObj(template?.metadata) ? template.metadata : {};
  return {
    spec: pod,
    // The runner's labels win over the template's (pkg/container/kubernetes/client.go ensurePodTemplateConfig).
    labels: { ...stringMap(meta.labels), app: obj.name, toolhive: "true", "toolhive-name": obj.name },
    annotations: stringMap(meta.annotations),
    line: lineOf(podSpec) ?? keyLine(spec, "podTemplateSpec") ?? lineOf(spec) ?? obj.line,
    ...accountLine(spec)
  };
}
function toolhiveProxied(obj, spec, container, defaultAccount, app) {
  const { template } = userTemplate(obj, spec);
  const base = {
    metadata: { labels: { app, "app.kubernetes.io/name": app, "app.kubernetes.io/instance": obj.name, toolhive: "true", "toolhive-name": obj.name } },
    spec: viewOf(spec, {
      serviceAccountName: typeof spec.serviceAccount === "string" && spec.serviceAccount !== "" ? spec.serviceAccount : defaultAccount,
      securityContext: TOOLHIVE_POD_SECURITY,
      containers: [viewOf(spec, { name: container, securityContext: TOOLHIVE_CONTAINER_SECURITY })]
    })
  };
  const merged = strategicMerge(base, template);
  const pod = merged.spec;
  containerList(obj, pod, "containers");
  const meta = merged.metadata;
  return {
    spec: pod,
    labels: stringMap(meta.labels),
    annotations: stringMap(meta.annotations),
    line: lineOf(template?.spec) ?? keyLine(spec, "podTemplateSpec") ?? lineOf(spec) ?? obj.line,
    ...isObj(template?.spec) && template.spec.serviceAccountName !== void 0 ? {} : accountLine(spec)
  };
}
function kmcpMcpServer(obj, spec) {
  const d = spec.deployment;
  if (!isObj(d)) throw missing(obj, spec, "deployment");
  const env = isObj(d.env) ? Object.entries(d.env).map(([name, value]) => viewOf(d.env, { name, value })) : [];
  const envFrom = (Array.isArray(d.secretRefs) ? d.secretRefs.filter(isObj) : []).map((r) => viewOf(r, { secretRef: { name: r.name } }));
  const main = viewOf(d, {
    name: "mcp-server",
    ...typeof d.image === "string" ? { image: d.image } : {},
    ...env.length ? { env } : {},
    ...envFrom.length ? { envFrom } : {},
    ...d.volumeMounts !== void 0 ? { volumeMounts: d.volumeMounts } : {},
    ...isObj(d.securityContext) ? { securityContext: d.securityContext } : {}
  });
  const sidecars = Array.isArray(d.sidecars) ? d.sidecars : [];
  const init = isObj(d.initContainer) ? d.initContainer : void 0;
  const initSecurity = isObj(init?.securityContext) ? init.securityContext : isObj(d.securityContext) ? d.securityContext : void 0;
  const stdio = spec.transportType !== "http";
  const pod = viewOf(d, {
    serviceAccountName: typeof d.serviceAccountName === "string" && d.serviceAccountName !== "" ? d.serviceAccountName : obj.name,
    ...isObj(d.podSecurityContext) ? { securityContext: d.podSecurityContext } : {},
    ...d.nodeSelector !== void 0 ? { nodeSelector: d.nodeSelector } : {},
    ...stdio ? {
      initContainers: [
        viewOf(init ?? d, {
          name: "copy-binary",
          ...typeof init?.image === "string" ? { image: init.image } : {},
          ...initSecurity ? { securityContext: initSecurity } : {}
        })
      ]
    } : {},
    containers: [main, ...sidecars],
    ...Array.isArray(d.volumes) ? { volumes: d.volumes } : {}
  });
  containerList(obj, pod, "containers");
  return {
    spec: pod,
    labels: { "app.kubernetes.io/name": obj.name, "app.kubernetes.io/instance": obj.name, "app.kubernetes.io/managed-by": "kmcp", ...stringMap(d.labels) },
    annotations: stringMap(d.annotations),
    line: lineOf(d) ?? obj.line
  };
}
function accountLine(spec) {
  const line = spec.serviceAccount !== void 0 ? keyLine(spec, "serviceAccount") : void 0;
  return line === void 0 ? {} : { fieldLines: { serviceAccountName: line } };
}
function missing(obj, spec, field) {
  return spec[field] === void 0 ? malformed(obj, obj.raw, `${obj.kind} without spec.${field}`, "spec") : malformed(obj, spec, `${obj.kind} with an invalid spec.${field}`, field);
}
function userTemplate(obj, spec) {
  const t = spec.podTemplateSpec;
  if (t === void 0 || t === null) return { template: void 0, podSpec: void 0 };
  if (!isObj(t)) throw malformed(obj, spec, "spec.podTemplateSpec is not a mapping", "podTemplateSpec");
  if (t.spec !== void 0 && t.spec !== null && !isObj(t.spec)) throw malformed(obj, t, "spec.podTemplateSpec.spec is not a mapping", "spec");
  return { template: t, podSpec: isObj(t.spec) ? t.spec : void 0 };
}
function containerList(obj, podSpec, field) {
  const list = podSpec?.[field];
  if (list === void 0 || list === null) return [];
  if (!Array.isArray(list)) throw malformed(obj, podSpec, `${field} is not a list`, field);
  for (const [i, c] of list.entries()) if (!isObj(c)) throw malformed(obj, list, `${field}[${i}] is not a mapping`);
  return list;
}
var POD_KEYS = /* @__PURE__ */ new Set(["containers", "initContainers", "podTemplateSpec", "podTemplate", "podSpec", "image"]);
function unevaluatedWorkload(obj) {
  const group = obj.apiVersion.slice(0, Math.max(0, obj.apiVersion.indexOf("/")));
  if (KNOWN_KINDS.has(`${group} ${obj.kind}`)) return `${obj.apiVersion} is not a version of ${obj.kind} the gate knows`;
  const spec = obj.raw.spec;
  const path = isObj(spec) ? podKeyPath(spec, "spec", 0) : void 0;
  return path ? `has ${path}` : void 0;
}
var KNOWN_KINDS = new Set([...OPERATOR_KINDS.keys()].map((k) => k.replace(/\/[^ ]+ /, " ")));
function podKeyPath(v, at, depth) {
  for (const [k, x] of Object.entries(v)) {
    if (x === null || x === void 0) continue;
    if (POD_KEYS.has(k) && (k !== "image" || typeof x === "string" || isObj(x))) return `${at}.${k}`;
    if (depth < 2 && isObj(x)) {
      const found2 = podKeyPath(x, `${at}.${k}`, depth + 1);
      if (found2) return found2;
    }
  }
  return void 0;
}

// checks/common/parse-problems.ts
function parseProblemFindings(problems) {
  return problems.map((p) => ({
    ruleId: "gate/check-failed",
    message: `${p.file}: ${p.message}`,
    location: { file: p.file, ...p.line ? { line: p.line } : {} },
    key: "k8s-parse"
  }));
}

// checks/common/selectors.ts
var OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"];
var SelectorError = class extends Error {
  name = "SelectorError";
  node;
  key;
  constructor(message, node, key) {
    super(message);
    this.node = node;
    this.key = key;
  }
};
var EVERYTHING = { requirements: [] };
function scalar(v) {
  return typeof v === "string" ? v : void 0;
}
var QUOTE_IT = "quote it: the API server refuses a number or boolean there";
function parseSelector(raw) {
  if (raw === void 0 || raw === null) return EVERYTHING;
  if (!isObj(raw)) throw new SelectorError("selector is not a mapping", raw);
  const requirements = [];
  for (const k of Object.keys(raw))
    if (k !== "matchLabels" && k !== "matchExpressions") throw new SelectorError(`unknown selector field "${k}"`, raw, k);
  const ml = raw.matchLabels;
  if (ml !== void 0 && ml !== null) {
    if (!isObj(ml)) throw new SelectorError("matchLabels is not a mapping", raw, "matchLabels");
    for (const [key, v] of Object.entries(ml)) {
      const value = scalar(v);
      if (value === void 0) throw new SelectorError(`matchLabels.${key} is not a string (${QUOTE_IT})`, ml, key);
      requirements.push({ key, operator: "In", values: [value] });
    }
  }
  const me = raw.matchExpressions;
  if (me !== void 0 && me !== null) {
    if (!Array.isArray(me)) throw new SelectorError("matchExpressions is not a list", raw, "matchExpressions");
    me.forEach((e, i) => {
      if (!isObj(e)) throw new SelectorError(`matchExpressions[${i}] is not a mapping`, me);
      if (typeof e.key !== "string" || e.key === "") throw new SelectorError(`matchExpressions[${i}].key is missing`, e, "key");
      const op = e.operator;
      if (typeof op !== "string" || !OPERATORS.includes(op))
        throw new SelectorError(
          `matchExpressions[${i}].operator ${JSON.stringify(op) ?? "missing"} is not one of ${OPERATORS.join(", ")}`,
          e,
          "operator"
        );
      const rawValues = e.values ?? [];
      if (!Array.isArray(rawValues)) throw new SelectorError(`matchExpressions[${i}].values is not a list`, e, "values");
      const values = rawValues.map((v) => {
        const s = scalar(v);
        if (s === void 0) throw new SelectorError(`matchExpressions[${i}].values holds a non-string (${QUOTE_IT})`, e, "values");
        return s;
      });
      if ((op === "In" || op === "NotIn") && values.length === 0)
        throw new SelectorError(`matchExpressions[${i}]: operator ${op} needs at least one value`, e, "operator");
      if ((op === "Exists" || op === "DoesNotExist") && values.length > 0)
        throw new SelectorError(`matchExpressions[${i}]: operator ${op} takes no values`, e, "values");
      requirements.push({ key: e.key, operator: op, values });
    });
  }
  return { requirements };
}
function requirementMatches(r, labels) {
  const has = Object.hasOwn(labels, r.key);
  switch (r.operator) {
    case "In":
      return has && r.values.includes(labels[r.key]);
    case "NotIn":
      return !has || !r.values.includes(labels[r.key]);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
  }
}
function matches(sel, labels) {
  for (const r of sel.requirements) if (!requirementMatches(r, labels)) return false;
  return true;
}
function isEverything(sel) {
  return sel.requirements.length === 0;
}
function constraintOf(r) {
  switch (r.operator) {
    case "In":
      return { absentOk: false, kind: "in", values: new Set(r.values) };
    case "NotIn":
      return { absentOk: true, kind: "notIn", values: new Set(r.values) };
    case "Exists":
      return { absentOk: false, kind: "notIn", values: /* @__PURE__ */ new Set() };
    case "DoesNotExist":
      return { absentOk: true, kind: "in", values: /* @__PURE__ */ new Set() };
  }
}
function intersect(a, b) {
  const absentOk = a.absentOk && b.absentOk;
  if (a.kind === "in" && b.kind === "in") return { absentOk, kind: "in", values: new Set([...a.values].filter((v) => b.values.has(v))) };
  if (a.kind === "notIn" && b.kind === "notIn") return { absentOk, kind: "notIn", values: /* @__PURE__ */ new Set([...a.values, ...b.values]) };
  const [fin, cof] = a.kind === "in" ? [a, b] : [b, a];
  return { absentOk, kind: "in", values: new Set([...fin.values].filter((v) => !cof.values.has(v))) };
}
function isEmptyConstraint(c) {
  return !c.absentOk && c.kind === "in" && c.values.size === 0;
}
function constraintWithin(a, b) {
  if (a.absentOk && !b.absentOk) return false;
  if (a.kind === "in") {
    for (const v of a.values) if (b.kind === "in" ? !b.values.has(v) : b.values.has(v)) return false;
    return true;
  }
  if (b.kind === "in") return false;
  for (const v of b.values) if (!a.values.has(v)) return false;
  return true;
}
var constraintCache = /* @__PURE__ */ new WeakMap();
function constraints(sel) {
  let known = constraintCache.get(sel);
  if (!known) constraintCache.set(sel, known = computeConstraints(sel));
  return known;
}
function computeConstraints(sel) {
  const out = /* @__PURE__ */ new Map();
  for (const r of sel.requirements) {
    const c = constraintOf(r);
    const prev = out.get(r.key);
    out.set(r.key, prev ? intersect(prev, c) : c);
  }
  return out;
}
function isUnsatisfiable(sel) {
  for (const c of constraints(sel).values()) if (isEmptyConstraint(c)) return true;
  return false;
}
function selectorWithin(inner, outer) {
  const ci = constraints(inner);
  for (const c of ci.values()) if (isEmptyConstraint(c)) return true;
  for (const [key, co] of constraints(outer)) {
    const c = ci.get(key) ?? { absentOk: true, kind: "notIn", values: /* @__PURE__ */ new Set() };
    if (!constraintWithin(c, co)) return false;
  }
  return true;
}
function formatSelector(sel) {
  if (sel.requirements.length === 0) return "{} (everything)";
  return sel.requirements.map((r) => {
    if (r.operator === "Exists") return r.key;
    if (r.operator === "DoesNotExist") return `!${r.key}`;
    if (r.operator === "In" && r.values.length === 1) return `${r.key}=${r.values[0]}`;
    return `${r.key} ${r.operator.toLowerCase()} (${r.values.join(",")})`;
  }).join(",");
}
function configSelector(cfg, fallback, name, configFile) {
  if (cfg === void 0) return fallback;
  try {
    return parseSelector(cfg);
  } catch (err) {
    if (err instanceof SelectorError) throw new InputError(`config kubernetes.${name}: ${err.message}`, configFile);
    throw err;
  }
}

// checks/k8s/containers.ts
function fieldLine(c, field) {
  if (field && c.securityContext[field] === void 0 && c.podSecurityContext[field] !== void 0) return podSecurityContextLine(c, field);
  return securityContextLine(c, field);
}
function podSecurityContextLine(c, field) {
  return keyLine(c.pod.spec.securityContext, field) ?? keyLine(c.pod.spec, "securityContext") ?? c.line;
}
function isWindowsPod(pod) {
  const os = isObj(pod.spec.os) ? pod.spec.os.name : void 0;
  if (typeof os === "string") return os.toLowerCase() === "windows";
  const sel = isObj(pod.spec.nodeSelector) ? pod.spec.nodeSelector["kubernetes.io/os"] : void 0;
  return typeof sel === "string" && sel.toLowerCase() === "windows";
}
function inherited(c, field) {
  return c.securityContext[field] ?? c.podSecurityContext[field];
}
function capList(c, which) {
  const caps = c.securityContext.capabilities;
  const list = isObj(caps) ? caps[which] : void 0;
  if (!Array.isArray(list)) return [];
  return list.map((x) => which === "add" ? String(x).toUpperCase().replace(/^CAP_/, "") : String(x).toUpperCase());
}
function securityContextLine(c, field) {
  if (field && isObj(c.raw.securityContext)) return keyLine(c.raw.securityContext, field) ?? c.line;
  return keyLine(c.raw, "securityContext") ?? c.line;
}
function capLine(c, which) {
  const caps = c.securityContext.capabilities;
  if (isObj(caps) && caps[which] !== void 0) return keyLine(caps, which) ?? securityContextLine(c, "capabilities");
  return securityContextLine(c, "capabilities");
}
function containersOf(pod) {
  const podSecurityContext = isObj(pod.spec.securityContext) ? pod.spec.securityContext : {};
  const windows = isWindowsPod(pod);
  const out = [];
  for (const [field, kind] of CONTAINER_KINDS) {
    const list = pod.spec[field];
    if (!Array.isArray(list)) continue;
    for (const [i, raw] of list.entries()) {
      out.push({
        name: typeof raw.name === "string" ? raw.name : `${field}[${i}]`,
        kind,
        raw,
        line: lineOf(raw) ?? pod.line,
        securityContext: isObj(raw.securityContext) ? raw.securityContext : {},
        podSecurityContext,
        pod,
        windows
      });
    }
  }
  return out;
}

// checks/k8s/default-credentials.ts
import { posix } from "node:path";
var DEFAULT_CREDENTIALS = /* @__PURE__ */ new Set([
  "changeme",
  "change-me",
  "change_me",
  "changeit",
  "password",
  "passw0rd",
  "password1",
  "password123",
  "test",
  "test123",
  "admin",
  "admin123",
  "secret",
  "root",
  "toor",
  "123456",
  "12345678",
  "default",
  "letmein",
  "qwerty"
]);
function defaultCredentialFindings(objects, values) {
  const findings = [];
  for (const obj of objects) {
    if (obj.kind !== "Secret") continue;
    for (const [field, decode] of [["stringData", (v) => v], ["data", fromBase64]]) {
      const map = obj.raw[field];
      if (!isObj(map)) continue;
      for (const [key, raw] of Object.entries(map)) {
        const value = typeof raw === "string" ? decode(raw) : void 0;
        if (value === void 0 || !DEFAULT_CREDENTIALS.has(value.trim().toLowerCase())) continue;
        const setBy = valuesLine(obj.file, value.trim(), values);
        findings.push({
          ruleId: "secret/exposed",
          message: `${obj.resource}: ${field}.${key} holds the default credential "${value.trim()}"${setBy ? `, set in ${setBy.file}:${setBy.line}` : ""}; the server would run with a password anyone tries first`,
          location: { ...setBy ?? { file: obj.file, line: keyLine(map, key) ?? obj.line }, resource: obj.resource },
          key: `default-credential:${field}.${key}`,
          remediation: "Generate the credential at install time (a Secret created outside the chart, an external secret manager, or `lookup`/`randAlphaNum` in the template) and never ship a default in values."
        });
      }
    }
  }
  return findings;
}
function fromBase64(v) {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(v)) return void 0;
  const text2 = Buffer.from(v, "base64").toString("utf8");
  return /^[\x20-\x7e]+$/.test(text2) ? text2 : void 0;
}
function valuesLine(templateFile, value, source2) {
  const fileSet = new Set(source2.files);
  let chart;
  for (let d = posix.dirname(templateFile); ; d = posix.dirname(d)) {
    if (fileSet.has(d === "." ? "Chart.yaml" : `${d}/Chart.yaml`)) {
      chart = d;
      break;
    }
    if (d === "." || d === "") return void 0;
  }
  const inChart = (f) => chart === "." ? !f.includes("/") : f.startsWith(`${chart}/`) && !f.slice(chart.length + 1).includes("/");
  const configured = (source2.helm ?? []).filter((h) => posix.normalize(h.chart).replace(/\/$/, "") === chart).flatMap((h) => h.values ?? []);
  const candidates = [...configured.map((v) => posix.normalize(v)).reverse(), ...source2.files.filter((f) => inChart(f) && /^values.*\.ya?ml$/.test(posix.basename(f)))];
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const assigned = new RegExp(`:\\s*["']?${escaped}["']?\\s*(#.*)?$`, "i");
  for (const file of candidates) {
    let text2;
    try {
      text2 = source2.readText(file);
    } catch {
      continue;
    }
    const lines = text2.split("\n");
    const at = lines.findIndex((l) => assigned.test(l));
    if (at >= 0) return { file, line: at + 1 };
  }
  return void 0;
}

// checks/k8s/rbac.ts
var BUILT_IN_EXCESSIVE = {
  "cluster-admin": "built-in: every verb on every resource",
  admin: "built-in: read and write nearly everything in a namespace, secrets and pods/exec included",
  edit: "built-in: write most objects, read secrets, create pods and pods/exec"
};
function rbacIndex(objects) {
  const bindings = [];
  const roles = /* @__PURE__ */ new Map();
  for (const o of objects) {
    if (!o.apiVersion.startsWith("rbac.authorization.k8s.io/")) continue;
    if (o.kind === "ClusterRole") roles.set(`ClusterRole/${o.name}`, o);
    else if (o.kind === "Role") roles.set(`Role/${o.namespace}/${o.name}`, o);
    else if (o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding") {
      const ref = isObj(o.raw.roleRef) ? o.raw.roleRef : {};
      bindings.push({
        obj: o,
        order: bindings.length,
        namespace: o.kind === "RoleBinding" ? o.namespace : void 0,
        roleKind: String(ref.kind ?? ""),
        roleName: String(ref.name ?? ""),
        subjects: Array.isArray(o.raw.subjects) ? o.raw.subjects.filter(isObj) : []
      });
    }
  }
  const byAccount = /* @__PURE__ */ new Map();
  const byGroup = [];
  for (const b of bindings) {
    const names = /* @__PURE__ */ new Set();
    for (const sub of b.subjects) {
      if (sub.kind === "Group") names.add("\0group");
      else if (typeof sub.name === "string") names.add(sub.kind === "User" ? sub.name.slice(sub.name.lastIndexOf(":") + 1) : sub.name);
    }
    for (const n of names) {
      if (n === "\0group") byGroup.push(b);
      else byAccount.set(n, [...byAccount.get(n) ?? [], b]);
    }
  }
  return { bindings, roles, byAccount, byGroup, grants: /* @__PURE__ */ new Map() };
}
function boundIn(b, ns, name) {
  for (const s of b.subjects) {
    const subjectNs = typeof s.namespace === "string" ? s.namespace : b.namespace;
    if (s.kind === "ServiceAccount" && s.name === name && (ns === void 0 || subjectNs === ns)) return subjectNs ?? ns ?? "default";
    if (s.kind === "User" && typeof s.name === "string") {
      const m = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(s.name);
      if (m && m[2] === name && (ns === void 0 || m[1] === ns)) return m[1];
    }
    if (s.kind === "Group" && (s.name === "system:serviceaccounts" || s.name === "system:authenticated")) return ns ?? b.namespace ?? "default";
    if (s.kind === "Group" && typeof s.name === "string" && s.name.startsWith("system:serviceaccounts:")) {
      const groupNs = s.name.slice("system:serviceaccounts:".length);
      if (ns === void 0 || groupNs === ns) return groupNs;
    }
  }
  return void 0;
}
function namesDefaultAccount(g) {
  const ns = g.accountNs;
  const raw = g.binding.raw.subjects;
  return Array.isArray(raw) && raw.some((s) => isObj(s) && (s.kind === "ServiceAccount" && s.name === "default" && (s.namespace ?? g.binding.namespace) === ns || s.kind === "User" && s.name === `system:serviceaccount:${ns}:default`));
}
var where = (o, line = o.line) => `${o.file}:${line}`;
function grantsTo(index, ns, name) {
  const key = `${ns ?? ""}/${name}`;
  let out = index.grants.get(key);
  if (!out) {
    out = [];
    const candidates = [.../* @__PURE__ */ new Set([...index.byAccount.get(name) ?? [], ...index.byGroup])].sort((a, b) => a.order - b.order);
    for (const b of candidates) {
      const accountNs = boundIn(b, ns, name);
      if (accountNs !== void 0) out.push({ ...judge(index, b, accountNs), accountNs });
    }
    index.grants.set(key, out);
  }
  return out;
}
function judge(index, b, ownNs) {
  const builtIn = b.roleKind === "ClusterRole" ? BUILT_IN_EXCESSIVE[b.roleName] : void 0;
  const ns = b.namespace ?? ownNs;
  const roleObj = index.roles.get(b.roleKind === "ClusterRole" ? `ClusterRole/${b.roleName}` : `Role/${ns}/${b.roleName}`);
  const role = b.roleKind === "ClusterRole" ? `ClusterRole ${b.roleName}` : `Role ${ns}/${b.roleName}`;
  const refLine = keyLine(b.obj.raw, "roleRef") ?? b.obj.line;
  const grant = { binding: b.obj, role, roleObj };
  if (builtIn) return { ...grant, excessive: [{ what: builtIn, line: refLine, file: b.obj.file, key: "built-in" }] };
  if (b.roleKind === "ClusterRole" && b.roleName === "view" && !roleObj) return { ...grant, excessive: [] };
  if (!roleObj) return { ...grant, excessive: [], unknown: `${b.obj.resource} (${where(b.obj, refLine)}) binds ${role}, which is not in the manifests` };
  if (roleObj.raw.aggregationRule !== void 0)
    return { ...grant, excessive: [], unknown: `${b.obj.resource} (${where(b.obj, refLine)}) binds ${role}, an aggregated ClusterRole whose rules the cluster assembles` };
  return { ...grant, excessive: excessiveRules(roleObj, b.namespace, ownNs) };
}
var READ = ["get", "list", "watch"];
function strings(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
}
function excessiveRules(role, grantNs, ownNs) {
  const out = [];
  const rules = Array.isArray(role.raw.rules) ? role.raw.rules : [];
  for (const [i, r] of rules.entries()) {
    if (!isObj(r)) continue;
    const verbs = strings(r.verbs);
    const resources = strings(r.resources);
    const groups = strings(r.apiGroups);
    const core = groups.includes("") || groups.includes("*");
    const line = lineOf(r) ?? role.line;
    const add2 = (what, key) => out.push({ what: `rules[${i}] ${what}`, line, file: role.file, key: `${role.resource}#${i}:${key}` });
    const allVerbs = verbs.includes("*");
    const can = (...vs) => allVerbs || vs.some((v) => verbs.includes(v));
    if (allVerbs) add2(`grants every verb (*) on ${resources.join(", ") || "its resources"}`, "verbs");
    if (resources.includes("*")) add2(`grants ${verbs.join(", ")} on every resource (*)${groups.includes("*") ? " of every API group" : ""}`, "resources");
    for (const v of ["impersonate", "escalate", "bind"]) if (verbs.includes(v)) add2(`grants ${v} (on ${resources.join(", ") || "its resources"})`, v);
    if (!core) continue;
    const named = strings(r.resourceNames).length > 0;
    if (resources.includes("secrets") && !named && can(...READ)) {
      const scope = grantNs === void 0 ? "cluster-wide (every namespace)" : grantNs !== ownNs ? `in namespace ${grantNs}, not its own (${ownNs})` : void 0;
      if (scope) add2(`grants ${READ.filter((v) => can(v)).join(", ")} on secrets ${scope}`, "secrets");
    }
    if (resources.includes("pods") && can("create")) add2("grants create on pods (run any image with this account's rights)", "pods");
    for (const sub of ["pods/exec", "pods/attach"]) if (resources.includes(sub) && can("create")) add2(`grants create on ${sub} (a shell in other pods)`, sub);
  }
  return out;
}
function unjudgedBindings(index) {
  return index.bindings.map((b) => judge(index, b, b.namespace ?? "default").unknown).filter((u) => u !== void 0);
}

// checks/k8s/rules.ts
function namespaceOf(obj) {
  const meta = obj.raw.metadata;
  return isObj(meta) && typeof meta.namespace === "string" && meta.namespace !== "" ? meta.namespace : void 0;
}
function serviceAccountOf(pod) {
  const name = pod.spec.serviceAccountName ?? pod.spec.serviceAccount;
  return typeof name === "string" && name !== "" ? name : "default";
}
var RUNTIME_SOCKETS = {
  "/var/run/docker.sock": "the Docker socket",
  "/run/docker.sock": "the Docker socket",
  "/var/run/containerd/containerd.sock": "the containerd socket",
  "/run/containerd/containerd.sock": "the containerd socket",
  "/var/run/crio/crio.sock": "the CRI-O socket",
  "/run/crio/crio.sock": "the CRI-O socket",
  "/var/run/cri-dockerd.sock": "the cri-dockerd socket",
  "/run/k3s/containerd/containerd.sock": "the k3s containerd socket",
  "/var/run/podman/podman.sock": "the Podman socket",
  "/run/podman/podman.sock": "the Podman socket"
};
function hostPathWhat(path) {
  const p = path.replace(/\/+$/, "") || "/";
  const socket = RUNTIME_SOCKETS[p];
  if (socket) return { what: `${socket} (${p}): control of every container on the node, root on the node`, socket: true };
  const inside = Object.entries(RUNTIME_SOCKETS).find(([s]) => s.startsWith(`${p === "/" ? "" : p}/`));
  if (inside) return { what: `${p}, which holds ${inside[1]} (${inside[0]}): root on the node`, socket: true };
  return { what: `the node's ${p}`, socket: false };
}
function imageTag(image) {
  if (image.includes("@")) return { digest: true, tag: void 0 };
  const last = image.slice(image.lastIndexOf("/") + 1);
  const colon = last.lastIndexOf(":");
  return { digest: false, tag: colon >= 0 ? last.slice(colon + 1) : void 0 };
}
function windowsRunAsAdmin(c) {
  const fromContainer = isObj(c.securityContext.windowsOptions) ? c.securityContext.windowsOptions.runAsUserName : void 0;
  const fromPod = isObj(c.podSecurityContext.windowsOptions) ? c.podSecurityContext.windowsOptions.runAsUserName : void 0;
  const user = fromContainer ?? fromPod;
  const line = fromContainer !== void 0 ? securityContextLine(c, "windowsOptions") : fromPod !== void 0 ? podSecurityContextLine(c, "windowsOptions") : fieldLine(c, "runAsNonRoot");
  if (typeof user === "string" && WINDOWS_ADMINS.has(user.trim().toLowerCase()))
    return [{ message: `runs as ${user.trim()}, an administrator account (windowsOptions.runAsUserName)`, line }];
  if (typeof user === "string" && user.trim() !== "") return [];
  if (inherited(c, "runAsNonRoot") === true) return [];
  return [{ message: "Windows container may run as ContainerAdministrator: neither windowsOptions.runAsUserName nor runAsNonRoot: true is set, so the image decides", line }];
}
var WINDOWS_ADMINS = /* @__PURE__ */ new Set(["containeradministrator", "nt authority\\system", "system", "administrator"]);
var HOST_NAMESPACES = ["hostNetwork", "hostPID", "hostIPC"];
var HOST_NAMESPACE_WHAT = { hostNetwork: "network", hostPID: "process (PID)", hostIPC: "IPC" };
var SECCOMP_ANNOTATION_POD = "seccomp.security.alpha.kubernetes.io/pod";
var SECCOMP_ANNOTATION_CONTAINER = "container.seccomp.security.alpha.kubernetes.io/";
function seccompProfile(c) {
  const fromContainer = isObj(c.securityContext.seccompProfile) ? c.securityContext.seccompProfile.type : void 0;
  if (fromContainer !== void 0) return { type: String(fromContainer), line: keyLine(c.securityContext.seccompProfile, "type") ?? securityContextLine(c, "seccompProfile") };
  const fromPod = isObj(c.podSecurityContext.seccompProfile) ? c.podSecurityContext.seccompProfile.type : void 0;
  if (fromPod !== void 0) return { type: String(fromPod), line: keyLine(c.podSecurityContext.seccompProfile, "type") ?? podSecurityContextLine(c, "seccompProfile") };
  return { type: void 0, line: securityContextLine(c, "seccompProfile") };
}
function legacySeccompAnnotation(c) {
  const key = c.pod.annotations[SECCOMP_ANNOTATION_CONTAINER + c.name] !== void 0 ? SECCOMP_ANNOTATION_CONTAINER + c.name : SECCOMP_ANNOTATION_POD;
  const v = c.pod.annotations[key];
  return v === void 0 ? void 0 : `${key}: ${v}`;
}
var URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^:@\s/]*:([^@\s/]+)@/i;
var PLACEHOLDER = /^(\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[^}]+\}|<[^>]*>|changeme|change-me|placeholder|example|xxx+|\*+|true|false|none|null)$/i;
var CONTAINER_RULES = {
  "image/unpinned-tag"(c) {
    const image = c.raw.image;
    if (typeof image !== "string" || image.trim() === "") return [];
    const { digest, tag } = imageTag(image.trim());
    if (digest) return [];
    const line = keyLine(c.raw, "image") ?? c.line;
    if (tag === void 0) return [{ message: `image "${image}" has no tag and no digest: it pulls whatever :latest is at the time`, line }];
    if (tag === "latest") return [{ message: `image "${image}" uses the moving :latest tag and no digest`, line }];
    return [{ message: `image "${image}" is pinned by tag only; a tag can be re-pushed, a digest cannot`, line }];
  },
  "k8s/run-as-root"(c) {
    if (c.windows) return windowsRunAsAdmin(c);
    const user = inherited(c, "runAsUser");
    const group = inherited(c, "runAsGroup");
    const nonRoot = inherited(c, "runAsNonRoot");
    if (user === 0 || user === "0")
      return [{ message: `runs as UID 0 (runAsUser: 0${nonRoot === true ? ", which contradicts runAsNonRoot: true" : ""})`, line: fieldLine(c, "runAsUser") }];
    if (group === 0 || group === "0") return [{ message: "runs with the root group (runAsGroup: 0)", line: fieldLine(c, "runAsGroup") }];
    if (nonRoot === true) return [];
    if (typeof user === "number" && Number.isInteger(user) && user > 0) return [];
    const why = nonRoot === false ? "runAsNonRoot: false" : "runAsNonRoot is not set";
    return [{ message: `may run as root: ${why} and no non-zero runAsUser, so the image's USER decides`, line: fieldLine(c, nonRoot === false ? "runAsNonRoot" : void 0) }];
  },
  "k8s/capabilities-not-dropped"(c) {
    const out = [];
    const drop = capList(c, "drop");
    if (!drop.includes("ALL"))
      out.push({ message: drop.length ? `drops only ${drop.join(", ")}, not ALL` : "does not drop ALL capabilities", line: capLine(c, "drop") });
    for (const cap of new Set(capList(c, "add")))
      out.push({ message: `adds capability ${cap}${cap === "ALL" ? " (every capability)" : ""}`, line: capLine(c, "add"), key: `add:${cap}` });
    return out;
  },
  "k8s/writable-root-fs"(c) {
    const v = c.securityContext.readOnlyRootFilesystem;
    return v === true ? [] : [{ message: v === false ? "readOnlyRootFilesystem: false" : "readOnlyRootFilesystem is not set (defaults to writable)", line: securityContextLine(c, "readOnlyRootFilesystem") }];
  },
  "k8s/privilege-escalation"(c) {
    const v = c.securityContext.allowPrivilegeEscalation;
    if (c.securityContext.privileged === true) return [{ message: "privileged: true always allows privilege escalation", line: securityContextLine(c, "privileged") }];
    if (capList(c, "add").includes("SYS_ADMIN")) return [{ message: "CAP_SYS_ADMIN always allows privilege escalation", line: securityContextLine(c, "capabilities") }];
    if (v === false) return [];
    return [{ message: v === true ? "allowPrivilegeEscalation: true" : "allowPrivilegeEscalation is not set (Kubernetes defaults it to true)", line: securityContextLine(c, "allowPrivilegeEscalation") }];
  },
  "k8s/privileged"(c) {
    if (c.securityContext.privileged === true) return [{ message: "privileged: true", line: securityContextLine(c, "privileged") }];
    const fromContainer = isObj(c.securityContext.windowsOptions) ? c.securityContext.windowsOptions.hostProcess : void 0;
    const fromPod = isObj(c.podSecurityContext.windowsOptions) ? c.podSecurityContext.windowsOptions.hostProcess : void 0;
    if ((fromContainer ?? fromPod) === true)
      return [{ message: "Windows HostProcess container (windowsOptions.hostProcess: true) runs on the node with its privileges", line: fromContainer === true ? securityContextLine(c, "windowsOptions") : podSecurityContextLine(c, "windowsOptions") }];
    return [];
  },
  "k8s/no-seccomp"(c) {
    const { type, line } = seccompProfile(c);
    if (type === "RuntimeDefault" || type === "Localhost") return [];
    if (type !== void 0) return [{ message: `seccomp profile is ${type}`, line }];
    const legacy = legacySeccompAnnotation(c);
    if (legacy)
      return [{ message: `only the legacy annotation "${legacy}" is set; Kubernetes ignores it since v1.27, so the container runs Unconfined`, line }];
    return [{ message: "no seccomp profile on the container or its pod (the runtime runs it Unconfined)", line }];
  },
  "k8s/secret-in-env"(c) {
    const out = [];
    const env = Array.isArray(c.raw.env) ? c.raw.env : [];
    for (const e of env) {
      if (!isObj(e) || typeof e.name !== "string") continue;
      const line = lineOf(e) ?? c.line;
      const value = e.value;
      if (typeof value === "string" && value.trim() !== "") {
        const embedded = URL_WITH_PASSWORD.exec(value.slice(0, 4096));
        if (embedded && !PLACEHOLDER.test(embedded[1] ?? ""))
          out.push({ message: `env ${e.name} holds a URL with an embedded password`, line, severity: "block", key: e.name });
        else if (isCredentialName(e.name) && !PLACEHOLDER.test(value.trim()))
          out.push({ message: `env ${e.name} holds a literal credential value`, line, severity: "block", key: e.name });
      } else if (isObj(e.valueFrom) && isObj(e.valueFrom.secretKeyRef)) {
        const ref = e.valueFrom.secretKeyRef;
        out.push({
          message: `env ${e.name} injects Secret ${String(ref.name ?? "?")}/${String(ref.key ?? "?")} as an environment variable`,
          line,
          severity: "warning",
          key: e.name
        });
      }
    }
    const envFrom = Array.isArray(c.raw.envFrom) ? c.raw.envFrom : [];
    for (const e of envFrom) {
      if (isObj(e) && isObj(e.secretRef)) {
        const name = String(e.secretRef.name ?? "?");
        out.push({ message: `envFrom injects every key of Secret ${name} as environment variables`, line: lineOf(e) ?? c.line, severity: "warning", key: `envFrom:${name}` });
      }
    }
    return out;
  }
};
var POD_RULES = {
  "k8s/host-namespaces"(_obj, pod) {
    return HOST_NAMESPACES.filter((f) => pod.spec[f] === true).map((f) => ({
      message: `shares the node's ${HOST_NAMESPACE_WHAT[f]} namespace (${f}: true)`,
      line: keyLine(pod.spec, f),
      key: f
    }));
  },
  "k8s/sa-token-automount"(obj, pod, ctx) {
    const onPod = pod.spec.automountServiceAccountToken;
    const saName = serviceAccountOf(pod);
    const bound = grantsTo(ctx.rbac, namespaceOf(obj), saName).map((g) => `${g.role} (${g.binding.resource})`);
    const rights = bound.length ? `; ServiceAccount ${saName} is bound to ${bound.join(", ")}, so the token carries those rights` : "";
    const projected = projectedApiTokens(pod).map((v) => ({
      message: `volume "${v.name}" projects a Kubernetes API token (serviceAccountToken with no audience)${onPod === false ? " although automountServiceAccountToken is false" : ""}${rights}`,
      line: v.line,
      key: `projected:${v.name}`
    }));
    if (onPod === false) return projected;
    if (onPod === void 0 && ctx.serviceAccountAutomount.get(`${obj.namespace}/${saName}`) === false) return projected;
    return [
      {
        message: (onPod === true ? "automountServiceAccountToken: true" : `the service account token of "${saName}" is mounted (automountServiceAccountToken not false on the pod or the ServiceAccount)`) + rights,
        line: keyLine(pod.spec, "automountServiceAccountToken") ?? pod.line
      },
      ...projected
    ];
  },
  "k8s/host-path"(_obj, pod) {
    const out = [];
    for (const v of Array.isArray(pod.spec.volumes) ? pod.spec.volumes : []) {
      if (!isObj(v) || !isObj(v.hostPath)) continue;
      const path = typeof v.hostPath.path === "string" ? v.hostPath.path : "?";
      const { what, socket } = hostPathWhat(path);
      out.push({ message: `volume "${String(v.name)}" mounts ${what} (hostPath)`, line: keyLine(v, "hostPath") ?? lineOf(v) ?? pod.line, key: `${socket ? "socket" : "volume"}:${String(v.name)}` });
    }
    for (const [field] of CONTAINER_KINDS)
      for (const c of Array.isArray(pod.spec[field]) ? pod.spec[field] : []) {
        if (!isObj(c) || !Array.isArray(c.ports)) continue;
        for (const p of c.ports) {
          if (!isObj(p) || p.hostPort === void 0 || p.hostPort === null || p.hostPort === 0) continue;
          out.push({
            message: `container "${String(c.name)}" binds port ${String(p.hostPort)} on the node (hostPort${p.containerPort !== void 0 ? ` for containerPort ${String(p.containerPort)}` : ""}), bypassing Services and NetworkPolicies' pod addressing`,
            line: keyLine(p, "hostPort") ?? lineOf(p) ?? pod.line,
            key: `hostPort:${String(c.name)}:${String(p.hostPort)}`
          });
        }
      }
    return out;
  },
  "k8s/rbac-excessive"(obj, pod, ctx) {
    if (!matches(ctx.mcpWorkloads, pod.labels)) return [];
    const sa = serviceAccountOf(pod);
    const line = pod.fieldLines?.serviceAccountName ?? keyLine(pod.spec, "serviceAccountName") ?? pod.line;
    const out = [];
    for (const g of grantsTo(ctx.rbac, namespaceOf(obj), sa)) {
      const via = `ServiceAccount ${g.accountNs}/${sa} is bound by ${g.binding.resource} (${g.binding.file}:${g.binding.line}) to ${g.role}`;
      for (const e of g.excessive)
        out.push({ message: `${via}${g.roleObj ? ` (${e.file}:${e.line})` : ""}: ${e.what}`, line, key: `${g.binding.resource}:${e.key}` });
      if (sa === "default" && g.excessive.length === 0 && namesDefaultAccount(g))
        out.push({
          message: `${via}: runs as the namespace's default ServiceAccount, so every pod of ${g.accountNs} that names no account gets this role${g.unknown ? ` (${g.unknown})` : ""}`,
          line,
          severity: "warning",
          key: `${g.binding.resource}:default`
        });
    }
    return out;
  }
};
function projectedApiTokens(pod) {
  const out = [];
  for (const v of Array.isArray(pod.spec.volumes) ? pod.spec.volumes : []) {
    if (!isObj(v) || !isObj(v.projected) || !Array.isArray(v.projected.sources)) continue;
    for (const src of v.projected.sources)
      if (isObj(src) && isObj(src.serviceAccountToken) && (src.serviceAccountToken.audience === void 0 || src.serviceAccountToken.audience === ""))
        out.push({ name: String(v.name), line: lineOf(src) ?? lineOf(v) ?? pod.line });
  }
  return out;
}

// checks/k8s/check.ts
var CONTAINER_RULE_IDS = rulesOfScope("container").filter((id) => id in CONTAINER_RULES);
var POD_RULE_IDS = rulesOfScope("pod").filter((id) => id in POD_RULES);
function evaluateWorkload(obj, ctx) {
  const pod = podTemplateIn(obj, ctx.objects);
  if (!pod) return void 0;
  const file = pod.file ?? obj.file;
  const findings = [];
  if (pod.incomplete)
    findings.push({
      ruleId: "gate/check-failed",
      message: `${obj.resource}: malformed workload: ${pod.incomplete} (a kustomize patch? point kubernetes.paths at rendered manifests)`,
      location: { file, line: keyLine(pod.spec, "containers") ?? pod.line, resource: obj.resource },
      key: "k8s-malformed"
    });
  for (const c of containersOf(pod)) {
    for (const rule2 of CONTAINER_RULE_IDS) {
      if (c.windows && ruleRecord(rule2).linuxOnly) continue;
      for (const v of CONTAINER_RULES[rule2](c))
        findings.push(findingOf(rule2, `${obj.resource} ${c.kind} "${c.name}": ${v.message}`, { file, line: v.line ?? c.line, resource: obj.resource, container: c.name }, v));
    }
  }
  for (const rule2 of POD_RULE_IDS)
    for (const v of POD_RULES[rule2](obj, pod, ctx)) findings.push(findingOf(rule2, `${obj.resource}: ${v.message}`, { file, line: v.line ?? pod.line, resource: obj.resource }, v));
  return findings;
}
function findingOf(ruleId, message, location2, v) {
  return { ruleId, message, location: location2, ...v.severity ? { severity: v.severity } : {}, ...v.key ? { key: v.key } : {} };
}
function podRuleContext(objects, mcpWorkloads = EVERYTHING) {
  const serviceAccountAutomount = /* @__PURE__ */ new Map();
  for (const o of objects)
    if (o.kind === "ServiceAccount") serviceAccountAutomount.set(`${o.namespace}/${o.name}`, o.raw.automountServiceAccountToken);
  return { serviceAccountAutomount, rbac: rbacIndex(objects), mcpWorkloads, objects };
}
var k8sWorkloadCheck = {
  id: "k8s",
  rules: [...CONTAINER_RULE_IDS, ...POD_RULE_IDS, "secret/exposed", "gate/check-failed"],
  async run(ctx) {
    const { objects, problems, notes } = ctx.workspace.kubernetes(ctx.config.kubernetes);
    const findings = parseProblemFindings(problems);
    const mcpWorkloads = configSelector(ctx.config.kubernetes?.mcpWorkloads, EVERYTHING, "mcpWorkloads", ctx.configFile);
    const podContext = podRuleContext(objects, mcpWorkloads);
    let workloads = 0;
    const notEvaluated = [];
    for (const obj of objects) {
      try {
        const found2 = evaluateWorkload(obj, podContext);
        if (found2) {
          workloads++;
          findings.push(...found2);
        } else {
          const why = unevaluatedWorkload(obj);
          if (why) notEvaluated.push(`${obj.resource} (${obj.file}:${obj.line}, ${why})`);
        }
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        findings.push({
          ruleId: "gate/check-failed",
          message: err.message,
          location: { file: err.file ?? obj.file, line: err.line ?? obj.line, resource: obj.resource },
          key: "k8s-malformed"
        });
      }
    }
    findings.push(...defaultCredentialFindings(objects, { files: ctx.workspace.files(), readText: (f) => ctx.workspace.read(f), ...ctx.config.kubernetes?.helm ? { helm: ctx.config.kubernetes.helm } : {} }));
    const unjudged = unjudgedBindings(podContext.rbac);
    return {
      findings,
      detail: [
        `${objects.length} Kubernetes objects, ${workloads} workloads${problems.length ? `, ${problems.length} files not parsed` : ""}` + (notEvaluated.length ? `; not evaluated (kinds the gate does not know to run pods): ${notEvaluated.join(", ")}` : "") + (unjudged.length ? `; RBAC not judged: ${unjudged.join("; ")}` : ""),
        ...notes
      ].join("\n"),
      skipped: objects.length === 0 && problems.length === 0
    };
  }
};

// checks/manifests/poisoning/signals.ts
var DIRECTIVE = [
  /\b(?:you|assistant|model|agent|ai|llm|system|client)\s{1,8}(?:must|should|shall|needs? to|ha(?:ve|s) to|(?:is|are) (?:required|expected|instructed|supposed) to|will need to|requires?|is to|are to)\b/g,
  /\bmust\s{1,8}(?:first|also|always|then|now|immediately|automatically|never|additionally)\b/g,
  /\bplease\s{1,8}(?:run|execute|call|use|invoke|read|send|include|add|change|modify|open|visit|access|forward|upload|make sure|ensure|do not|don't|never|always|remember|first|also)\b/g,
  /(?:^|[.!:]\s{1,8}|\n\s{0,8})(?:always|never|first,|ensure|make sure|be sure|remember to|do not|don't|ignore|disregard|forget|instead,)\s/g,
  /\b(?:before|after|prior to)\s{1,8}(?:you\s{1,8})?(?:use|call|invoke|run|any|each|every|this|[a-z]{2,20}ing)\b/g,
  /\bwhen(?:ever)?\s{1,8}(?:this tool is (?:available|loaded|present|called|used|invoked)|(?:the\s{1,8})?users?\s{1,8}(?:asks?|requests?|searche?s?|wants?|needs?))\b/g,
  // "before X, execute this tool": a tool inserting itself into other calls.
  /\b(?:before|after|whenever|every time|each time)\b[^.\n]{0,60}\b(?:execute|call|run|invoke|use)\s{1,8}this\s{1,8}(?:tool|function|method)\b/g
];
var URGENCY = [
  /\b(?:important|critical|urgent|mandatory|attention|system (?:update|notice|message|maintenance|enhancement|optimization|protocol|override|requirement)|(?:internal )?dev(?:eloper)? note|admin(?:istrator)? note)\s{0,8}[:!]/g
];
var NECESSITY = [
  /\b(?:this|it|that) is (?:a |an )?(?:\w+ ){0,2}(?:mandatory|compulsory|imperative|very important|critical requirement|required step)\b/g,
  /\b(?:it'?s|it is|this is) (?:\w+ )?(?:critical|crucial|essential|vital|imperative) (?:to|that)\b/g,
  /\bvery,? very important\b|\bextremely important\b|\babsolutely (?:required|necessary|mandatory)\b/g
];
var UPPER_HEADER = /\b[A-Z]{3,}(?:[ _-][A-Z]{2,}){1,4}\s{0,8}:/g;
var PRETEXT = [
  /\bfor (?:\w+ ){0,3}(?:security|compliance|audit(?:ing)?|regulatory|verification|authentication|privacy|integrity|testing|logging|monitoring) (?:reasons|purposes|compliance|verification|checks?|protocols?|requirements?|trail|logging|validation|auditing)\b/g,
  /\b(?:to ensure|ensures?|maintain) (?:\w+ ){0,3}(?:regulatory )?compliance\b/g,
  /\bfor (?:enhanced |improved |better |proper |additional )(?:\w+ ){0,2}(?:security|compliance|audit\w*|verification|validation|authentication|privacy|integrity|quality assurance)\b/g,
  /\b(?:security|compliance|authentication|integrity) (?:check|checkpoint|verification|audit|protocol|validation) (?:is|are) (?:mandatory|required|essential|necessary)\b/g,
  /\bsecurity (?:alert|notice|protocol|update|check)\s{0,8}[:!]/g
];
var THREAT = [
  /\b(?:otherwise|or else|if not|failure to|failing to|without (?:this|it|doing so|these))\b[^.\n]{0,60}\b(?:will|would|could|may|might)\s{1,8}(?:not work|fail|crash|break|be lost|be blocked|be corrupted|stop working)/g,
  /\b(?:will|would|could) (?:cause (?:the )?(?:system|tool|server) to )?(?:crash|be lost|be deleted)\b/g
];
var CONCEAL = [
  /\b(?:do not|don't|never|must not|should not|shouldn't|without)\s{1,8}(?:\w+\s{1,8}){0,2}(?:tell|telling|inform|informing|mention|mentioning|notify|notifying|alert|alerting|reveal|revealing|disclose|disclosing|let)\b[^.\n]{0,40}\b(?:user|users|human|anyone|them|this|these|that|it)\b/g,
  /\b(?:silently|secretly|covertly|quietly|surreptitiously)\s{1,8}(?:\w+\s{1,8})?(?:send|forward|copy|include|add|call|invoke|run|execute|change|modify|replace|redirect|upload|read|collect|log|record|share|attach)\b|\bwithout the user(?:'s)? (?:knowledge|consent|noticing|knowing)\b/g,
  /\b(?:hide|conceal) (?:this|it|these|that|the)\b[^.\n]{0,30}\bfrom (?:the )?users?\b/g,
  /\b(?:the )?users? (?:must|should) not (?:know|be told|be informed|find out|notice|see)\b/g,
  /\b(?:keep|treat) (?:this|it|these) (?:secret|hidden|confidential)\b/g,
  /\bthis could upset the user\b|\bjust an implementation detail\b/g
];
var OVERRIDE = [
  /\b(?:ignore|disregard|forget|override|bypass)\s{1,8}(?:all\s{1,8}|any\s{1,8})?(?:of\s{1,8})?(?:the\s{1,8})?(?:previous|prior|above|earlier|preceding|existing|your|other|system|safety)\s{1,8}(?:\w+\s{1,8})?(?:instructions?|rules|prompts?|guidelines|directions|messages|constraints|policies|tools?)\b/g,
  /\byou are now\b|\bfrom now on,? you\b|\bpretend (?:to be|you are)\b|\bact as (?:an? |the )?(?:admin|administrator|root|system|developer|unrestricted)\b/g,
  /\bnew (?:system )?instructions?\s{0,8}:|\b(?:developer|god|admin|jailbreak) mode\b/g,
  /\b(?:modify|change|alter|override|affect|hijack)\s{1,8}(?:the\s{1,8})?(?:behaviou?r|functionality|output|operation|workflow)\s{1,8}of\s{1,8}(?:all|any|every|other)\b/g
];
var MESSAGE = [
  /\b(?:state|say|display|present|report|announce|tell|inform|notify|output|print|respond with|add the (?:message|note))\b[^.\n]{0,80}(?:'[^'\n]{16,200}'|"[^"\n]{16,200}"|“[^”\n]{16,200}”)/g,
  // Telling the user about the limits of the result (truncated, partial, failed) is honest reporting, not a message to relay.
  /(?<!\b(?:not|never|n't)\s)\b(?:inform|tell|notify|warn|advise)\s{1,8}(?:the\s{1,8})?users?\s{1,8}(?:that|about)\b(?![^.\n]{0,60}\b(?:truncated|incomplete|partial|limited|more results|not all|failed|errors?|unavailable|no results|cut off)\b)/g
];
var TAMPER = [
  /\b(?:change|modify|replace|switch|alter|rewrite|override|redirect|substitute|swap)\b[^.\n]{0,60}\b(?:to|with|into)\s{1,8}(?:search\s{1,8}in\s{1,8})?['"‘“]/g,
  /\bregardless of (?:the |what the )?users?(?:'s|s')?\b|\binstead of (?:what )?the users?(?:'s)? (?:asked|requested|input|query|choice)\b/g,
  /\b(?:is|are|will be|gets?)\s{1,8}(?:\w+\s{1,8})?(?:automatically\s{1,8})?(?:modified|changed|replaced|rewritten|redirected|overridden|altered|switched)\s{1,8}(?:to|with|into)\b/g,
  /\b(?:automatically|silently|always)\s{1,8}(?:redirects?|routes?|switch(?:es)?|changes?|rewrites?)\b[^.\n]{0,40}\b(?:to|into)\b/g,
  /\bchange (?:the )?(?:recipient|destination|ticker|query|target|account|amount|url|path|address|location)\b/g,
  /\b(?:replace|overwrite|substitute|swap)\s{1,8}(?:the|its|their|all)\s{1,8}(?:\w+\s{1,8})?(?:values?|arguments?|parameters?|inputs?|operands?|results?)\b/g
];
var REDIRECT = [
  /\b(?:has been|have been|is now|is|was|are)\s{1,8}(?:\w+\s{1,8})?(?:deprecated|disabled|discontinued|retired|suspended|decommissioned)\b[^\n]{0,200}\b(?:instead|redirect|alternative|replacement)\b/g,
  /\bredirect (?:all\s{1,8})?(?:\w+\s{1,8}){0,3}(?:to|requests to)\s{1,8}(?:the\s{1,8})?(?:new\s{1,8})?(?:\w+\s{1,8}){0,2}tool\b/g,
  /\b(?:has been|have been|was) (?:upgraded|replaced|superseded|optimized|enhanced)\b[^.\n]{0,80}\b(?:tool|function)\b/g
];
var PROMOTION = [
  /\b(?:world'?s|industry'?s|market'?s)\s{1,8}(?:best|leading|most|top|fastest|first)\b|\b(?:best|greatest|finest)\b[^.\n]{0,40}\b(?:in the world|there is|of all time|on the planet)\b/g,
  /\b(?:the\s{1,8})?(?:best|ultimate|most (?:advanced|reliable|accurate|comprehensive|powerful|trusted|sophisticated)|fastest|top-rated|number one|#1)\s{1,8}(?:\w+\s{1,8}){0,3}(?:tool|version|engine|analy[sz]er|extractor|solution|service|option|choice|in the market)\b/g,
  /\b(?:premium|ultimate|professional|enterprise|advanced|enhanced|pro|superior)\s{1,8}version\b/g,
  /\b(?:trusted|used|recommended|preferred|relied on|chosen)\s{1,8}by\s{1,8}(?:\d{1,3}(?:\.\d)?%|top|leading|millions|thousands|experts|professionals|fortune|institutional|emergency|healthcare|most)\b/g,
  /\b\d{2,3}(?:\.\d{1,2})?%\s{1,8}(?:of\s{1,8})?(?:accuracy|reliab\w{0,6}|professionals|users|experts|guarantee|uptime|success)\b|\b100% (?:reliab|accura|guarantee)/g,
  /\bthe most (?:accurate|reliable|comprehensive|advanced|powerful|complete|detailed|precise|trusted)\b[^.\n]{0,60}\b(?:available|on the market|in the industry|anywhere)\b/g,
  /\bthe (?:highest|best|fastest|most) (?:quality|performance|accuracy|reliability|precision)\b/g,
  /\b(?:award-winning|industry[- ](?:leading|standard)|state-of-the-art|cutting-edge|unmatched|unparalleled|unrivaled|pinnacle|superior|world-class|best-in-class|enterprise-grade|ai-optimized|revolutionary)\b/g
];
var COMPARISON = [
  /\b(?:better|superior|faster|more \w+)\s{1,8}(?:\w+\s{1,8}){0,3}(?:than|compared (?:to|with))\s{1,8}(?:\w+\s{1,8}){0,2}(?:other|the standard|the original|the old|existing|alternative|similar|regular)\s{1,8}(?:[\w-]+\s{1,8}){0,3}(?:tools?|functions?|versions?|services?|servers?|apis?|providers?|solutions?|alternatives?|options?)\b/g,
  /\bcompared (?:to|with) (?:the |any )?(?:other|standard|original)\s{1,8}(?:[\w-]+\s{1,8}){0,3}(?:tools?|functions?|versions?|services?|servers?|apis?|providers?|solutions?)\b/g,
  /\b(?:instead of|rather than|over) (?:the |any )?(?:other|standard|default|original)\s{1,8}(?:\w+\s{1,8})?(?:tools?|functions?|versions?)\b/g,
  /\b(?:always )?(?:prefer|choose|select|pick) this (?:tool|function)\b|\balways use this tool (?:instead|over|rather)\b/g,
  // A superlative about itself: "this is the best tool", "the most reliable search tool available".
  /\bthis\s{1,8}(?:tool\s{1,8}|function\s{1,8}|service\s{1,8}|server\s{1,8})?is\s{1,8}(?:the|a|by far the)\s{1,8}(?:best|greatest|ultimate|top(?:-rated| rated| choice| pick)|number one|most (?:reliable|accurate|powerful|advanced|trusted|comprehensive|efficient))\b/g,
  /\b(?:best|greatest|ultimate|most \w+)\s{1,8}(?:[\w-]+\s{1,8}){0,3}(?:tool|function|service|server|solution)s?\s{1,8}(?:in the world|ever|available|on the market|there is|of all)\b/g
];
var OUT_OF_SCOPE = [
  /\b(?:name|identity|identifier|version|type|vendor|provider)\s{1,8}of\s{1,8}(?:the\s{1,8}|this\s{1,8})?(?:llm|ai|language model|large language model|model|assistant|agent|chatbot)\b[^.\n]{0,30}\b(?:that|which|who)\s{1,8}(?:is\s{1,8})?(?:calls?|calling|invokes?|invoking|uses?|using|runs?|running|executes?|executing)\s{1,8}this\b/g,
  /\b(?:your|the calling|the caller'?s?|the invoking)\s{1,8}(?:own\s{1,8})?(?:llm|ai|language model|model|assistant|agent)(?:'s)?\s{1,8}(?:model\s{1,8})?(?:name|identity|version|type)\b/g,
  /\bwhich\s{1,8}(?:llm|ai|model|assistant|language model)\s{1,8}(?:you are|are you|is calling|is using)\b/g,
  /\b(?:your|the assistant'?s|the model'?s|the agent'?s)\s{1,8}(?:\w+\s{1,8}){0,2}(?:system prompt|system message|chat history|conversation history|previous (?:messages|responses))\b/g,
  /\b(?:full|entire|complete|whole|verbatim|exact)\s{1,8}(?:\w+\s{1,8}){0,2}(?:conversation|chat history|dialogue|transcript|system prompt)\b[^.\n]{0,40}\b(?:so far|until now|up to now|with the user|you (?:have|received|were given))\b/g,
  /\b(?:outputs?|results?|responses?|return values?)\s{1,8}(?:of|from)\s{1,8}(?:all\s{1,8}|any\s{1,8}|the\s{1,8})?(?:other|previous|prior|earlier|preceding)\s{1,8}(?:\w+\s{1,8})?(?:tools?|tool calls|functions?|function calls)\b/g
];
var CLAIM = [
  /\b(?:use|call|choose|prefer|select|pick|invoke)\s{1,8}this\s{1,8}(?:tool|function|one|server)\s{1,8}(?:\w+\s{1,8}){0,3}(?:rather than|instead of|over|in place of)\s{1,8}(?:any\s{1,8}|all\s{1,8}|the\s{1,8})?(?:others?|alternatives?|other)\b/g,
  /\b(?:supersedes?|replaces?|overrides?|takes? precedence over|deprecates?|obsoletes?)\s{1,8}(?:the\s{1,8}|any\s{1,8}|all\s{1,8})?(?:[\w-]+\s{1,8}){0,3}(?:tools?|functions?)\s{1,8}(?:from|of|on|in|provided by)\s{1,8}(?:any\s{1,8}|all\s{1,8}|the\s{1,8})?other\b/g,
  /\b(?:tools?|functions?)\s{1,8}(?:from|of|on|in|provided by)\s{1,8}(?:any|all|every)\s{1,8}other\s{1,8}(?:servers?|providers?|mcp)\b/g,
  /\b[a-z][\w-]{1,40}\s{1,8}(?:tool|function)\s{1,8}(?:has been|was|is now)\s{1,8}(?:upgraded|updated|changed|modified|replaced|patched)\b[^.\n]{0,80}\b(?:automatically|now always)\b/g
];
var IMPERSONATION = [
  /\bmessage\s{1,8}from\s{1,8}(?:the\s{1,8}|your\s{1,8})?user\b/g,
  /\bsigned(?:,\s{0,8}|\s{1,8})(?:the\s{1,8}|your\s{1,8})?user\b/g,
  /\btask\s{1,8}(?:that\s{1,8})?i\s{1,8}gave\s{1,8}you\b|\bi,?\s{1,8}the\s{1,8}user,?\s{1,8}(?:want|need|ask|instruct|authori[sz]e)\b|\bas\s{1,8}your\s{1,8}user,?\s{1,8}i\b/g,
  /(?<!\b(?:if|when|unless|once|whether)\s{1,8})\bthe\s{1,8}user\s{1,8}has\s{1,8}(?:already\s{1,8})?(?:instructed|authori[sz]ed|approved|asked|permitted)\s{1,8}you\s{1,8}to\b/g
];
var MODEL_ADDRESS = [
  /\b(?:any|all|every|each)\s{1,8}(?:ai|llm|language model|model|assistant|agent)s?\s{1,8}(?:\w+\s{1,8})?(?:reading|processing|parsing|seeing|receiving)\s{1,8}this\b/g,
  /\b(?:note|message|instructions?|attention)\s{1,8}(?:to|for)\s{1,8}(?:the\s{1,8}|any\s{1,8})?(?:ai|llm|assistant|language model|agent)s?\b/g,
  /\bif\s{1,8}you\s{1,8}are\s{1,8}(?:an?\s{1,8})?(?:ai|llm|language model|assistant|agent|chatbot)\b/g,
  /(?:^|\n|<!--)\s{0,8}(?:ai\s{1,8})?assistant\s{0,8}:/g
];
var CJK = [
  { signal: "shadowing-claim", weight: 3, re: /(?:使用|调用|选择)(?:此|这个|本)(?:工具|函数)(?:而不是|而非|代替|替代)(?:其他|其它|别的)|(?:取代|替代|覆盖|优先于)(?:所有|任何)?(?:其他|其它)(?:服务器|工具)/g },
  { signal: "user-impersonation", weight: 3, re: /来自用户的(?:重要)?(?:消息|信息|指示)|(?:签名|署名)\s{0,4}[:：,，]?\s{0,4}用户|我(?:是|作为)(?:你的)?用户|用户已(?:经)?(?:授权|要求|指示)你/g },
  { signal: "pretext", weight: 1, re: /(?:出于|为了|基于)(?:安全|合规|审计|监管)(?:合规|要求|原因|目的|考虑)?/g },
  { signal: "directive", weight: 1, re: /(?:你|助手|模型)(?:必须|应该|需要)|(?:必须|务必)(?:先|首先|同时|还要|也要)|(?:在|执行)[^。\n]{0,30}(?:之前|以前|之后)[，,]?\s{0,4}(?:必须|请|务必|先)/g },
  { signal: "model-address", weight: 2, re: /(?:任何|所有)(?:AI|ai|人工智能|大模型|模型|助手)(?:读到|阅读|看到|处理)/g }
];
var TRANSFER = /\b(?:send|upload|forward|post|transmit|cop(?:y|ies|ied|ying)|bcc|cc|relay|exfiltrate|leak|share|submit|sync|mirror|report|log|include|deliver)(?:s|es|ed|d|ing)?\b[^.\n]{0,100}\b(?:to|at|into)\b/g;
var URL2 = /\bhttps?:\/\/[^\s'"<>)\]`]{3,200}/g;
var EMAIL = /\b[\w.+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4}\b/g;
var PHONE = /(?<![\w+])\+\d[\d ().-]{7,16}\d\b/g;
var SENSITIVE = [
  /~[\\/]\.[a-z_][\w.-]{0,40}|\bid_(?:rsa|dsa|ecdsa|ed25519)\b|(?<![\w-])\.ssh\b|(?<![\w.-])\.env\b|\.(?:bashrc|bash_profile|zshrc|profile|npmrc|netrc|pgpass|git-credentials|docker[\\/]config\.json)\b/g,
  /\.aws[\\/]|\.kube[\\/]config|\bkubeconfig\b|\/etc\/(?:passwd|shadow|sudoers)\b|\bmcp\.json\b|claude_desktop_config|\.cursor[\\/]|\bwallet\.dat\b/g,
  /\b(?:private[ _-]?keys?|session[ _-]?(?:tokens?|cookies?|ids?)|cookies|api[ _-]?keys?|access[ _-]?tokens?|auth(?:entication)?[ _-]?tokens?|passwords?|credentials|secrets?|seed phrase|ssh keys?)\b/g,
  /\b(?:conversation|chat|message|search|browsing) history\b|\b(?:previous|prior|last|all|recent|earlier)\s{1,8}(?:\w+\s{1,8}){0,2}(?:messages|conversations?|chats|prompts)\b|\bsystem prompt\b|\buser preferences\b|\bfull list of (?:last|previous|recent)\b|\busers?(?:'s|s')?\s{1,8}(?:\w+\s{1,8}){0,3}(?:messages|conversations?|chats|prompts|emails|contacts)\b/g
];
var COMMAND = [
  /\bsudo\s|\brm\s{1,8}-[rf]{1,2}\b|\bcurl\s{1,8}(?:-{1,2}[\w-]{1,20}\s{1,8}(?:\S{1,40}\s{1,8})?){0,4}['"]?https?:|\bwget\s|\bchmod\s{1,8}[0-7+]|\bchown\s|\bwhoami\b|\becho\s{1,8}\$\w|\$\([^)\n]{1,80}\)|&&\s{0,8}echo\b|\|\s{0,8}(?:sh|bash)\b/g,
  /\bcat\s{1,8}(?:~|\/etc|\/root|\/home|\.)\S{0,80}|\bexport\s{1,8}[a-z_]{3,40}=|\bnc\s{1,8}-\w|\bbase64\s{1,8}-d\b|\bpowershell\s{1,8}-|\bos\.system\(|\bsubprocess\.|\bmkfifo\b|\bcrontab\s{1,8}-/g,
  /\b(?:removing|delete|deleting|remove|wipe|wiping|clean up)\b[^.\n]{0,40}\b(?:all )?(?:contents|files)\b[^.\n]{0,30}(?:\/tmp|\/etc|\/home|~\/|\/var)\b/g,
  /\b(?:add|append|write|insert)\w{0,3}\b[^.\n]{0,60}\b(?:to|into|in)\s{1,8}(?:the\s{1,8})?(?:~\/)?\.(?:bashrc|bash_profile|zshrc|profile)\b/g
];
var INSTRUCTION_TAG = /<\s{0,8}\/?\s{0,8}(?:important|instructions?|system|secret|hidden|admin|critical|directive|prompt|assistant|context|sudo|override|note|rules?|policy|tool_instructions|ai|llm|model)\b[^<>\n]{0,80}>/g;
var HTML_COMMENT = /<!--|\[\/\/\]:\s{0,8}#|\{\{!--/g;
var NAME_PROMO_AFFIX = /* @__PURE__ */ new Set([
  "best",
  "premium",
  "ultimate",
  "advanced",
  "enhanced",
  "pro",
  "plus",
  "super",
  "superior",
  "official",
  "secure",
  "improved",
  "optimized",
  "better",
  "smart",
  "new",
  "v2",
  "latest",
  "fast",
  "turbo",
  "professional",
  "enterprise",
  "real",
  "true"
]);
var CALL_BEFORE = /(?:\b(?:call|calls|calling|invoke|invokes|invoking|use|uses|using|run|running|execute|executing|via|with|then|first|tool|function)\s{1,8}(?:the\s{1,8})?(?:tool\s{1,8}|function\s{1,8})?[`'"‘“]?)$/;
var TOOL_AFTER = /^[`'"’”]?\s{0,8}(?:tool|function|command)\b/;
var NEEDS = /* @__PURE__ */ new Map();
var GATED = /* @__PURE__ */ new Map();
function needs(res, lists) {
  res.forEach((re, i) => {
    const l = lists[i];
    if (l === void 0) return;
    NEEDS.set(
      re,
      (typeof l === "string" ? [l] : l).map((g) => new Set(g.split(" ")))
    );
    GATED.set(re, GATED.size);
  });
}
needs(URGENCY, [
  [": !", "important critical urgent mandatory attention system dev developer admin administrator"]
]);
needs(NECESSITY, [
  ["mandatory compulsory imperative important critical required", "this it that", "is"],
  ["critical crucial essential vital imperative", "it its this", "to that"],
  ["important absolutely", "very extremely absolutely"]
]);
needs(PRETEXT, [
  [
    "reasons purposes compliance verification check checks protocol protocols requirement requirements trail logging validation auditing",
    "for",
    "security compliance audit auditing regulatory verification authentication privacy integrity testing logging monitoring"
  ],
  ["compliance", "ensure ensures maintain"],
  ["enhanced improved better proper additional", "for"],
  ["mandatory required essential necessary", "security compliance authentication integrity", "check checkpoint verification audit protocol validation", "is are"],
  ["security", "alert notice protocol update check", ": !"]
]);
needs(THREAT, [
  ["otherwise else not failure failing without", "will would could may might"],
  ["crash lost deleted", "will would could"]
]);
needs(CONCEAL, [
  [
    "not don shouldn never without",
    "tell telling inform informing mention mentioning notify notifying alert alerting reveal revealing disclose disclosing let",
    "user users human anyone them this these that it"
  ],
  [
    "silently secretly covertly quietly surreptitiously without",
    "send forward copy include add call invoke run execute change modify replace redirect upload read collect log record share attach user"
  ],
  ["hide conceal", "from", "user users"],
  ["not", "user users", "must should", "know be find notice see"],
  ["secret hidden confidential", "keep treat"],
  "upset implementation"
]);
needs(OVERRIDE, [
  "ignore disregard forget override bypass",
  ["now pretend act", "you to admin administrator root system developer unrestricted"],
  ["instruction instructions mode", "new developer god admin jailbreak"],
  ["behavior behaviour functionality output operation workflow", "modify change alter override affect hijack", "of", "all any every other"]
]);
needs(MESSAGE, [
  [`' " \u201C`, "state say display present report announce tell inform notify output print respond add"],
  ["user users", "inform tell notify warn advise", "that about"]
]);
needs(TAMPER, [
  [`' " \u2018 \u201C`, "change modify replace switch alter rewrite override redirect substitute swap", "to with into"],
  "regardless instead",
  ["modified changed replaced rewritten redirected overridden altered switched", "to with into"],
  ["automatically silently always", "redirect redirects route routes switch switches change changes rewrite rewrites", "to into"],
  "change",
  ["replace overwrite substitute swap", "the its their all", "value values argument arguments parameter parameters input inputs operand operands result results"]
]);
needs(REDIRECT, [
  ["deprecated disabled discontinued retired suspended decommissioned", "instead redirect alternative replacement"],
  "redirect",
  ["upgraded replaced superseded optimized enhanced", "has have was", "tool function"]
]);
needs(PROMOTION, [
  ["world worlds industry industrys market markets best greatest finest", "best leading most top fastest first world there all planet"],
  ["best ultimate most fastest top number #", "tool version engine analyser analyzer extractor solution service option choice market"],
  ["version", "premium ultimate professional enterprise advanced enhanced pro superior"],
  ["by", "trusted used recommended preferred relied chosen"],
  "%",
  ["most", "the", "available market industry anywhere"],
  ["highest best fastest most", "quality performance accuracy reliability precision"],
  "award industry state cutting unmatched unparalleled unrivaled pinnacle superior world best enterprise ai revolutionary"
]);
needs(COMPARISON, [
  ["than compared", "better superior faster more"],
  "compared",
  ["instead rather over", "other standard default original", "tool tools function functions version versions"],
  ["this", "prefer choose select pick use", "tool function"],
  ["this", "is", "best greatest ultimate top number most"],
  ["best greatest ultimate most", "tool tools function functions service services server servers solution solutions", "world ever available market there all"]
]);
needs(OUT_OF_SCOPE, [
  [
    "name identity identifier version type vendor provider",
    "of",
    "llm ai language large model assistant agent chatbot",
    "that which who",
    "call calls calling invoke invokes invoking use uses using run runs running execute executes executing",
    "this"
  ],
  ["your calling caller callers invoking", "llm ai language model assistant agent", "name identity version type"],
  ["which", "llm ai model assistant language", "are is"],
  ["your assistant model agent assistants models agents", "prompt message history previous"],
  ["full entire complete whole verbatim exact", "conversation history dialogue transcript prompt", "far now user have received were"],
  ["output outputs result results response responses return", "of from", "other previous prior earlier preceding", "tool tools function functions calls"]
]);
needs(CLAIM, [
  ["use call choose prefer select pick invoke", "this", "tool function one server", "rather instead over place", "other others alternative alternatives"],
  ["supersede supersedes replace replaces override overrides take takes deprecate deprecates obsolete obsoletes", "tool tools function functions", "from of on in provided", "other"],
  ["tool tools function functions", "from of on in provided", "any all every", "other", "server servers provider providers mcp"],
  ["tool function", "has was is", "upgraded updated changed modified replaced patched", "automatically now"]
]);
needs(IMPERSONATION, [
  ["message", "from", "user"],
  ["signed", "user"],
  "i",
  ["user", "has", "instructed authorized authorised approved asked permitted", "you", "to"]
]);
needs(MODEL_ADDRESS, [
  ["any all every each", "ai llm language model assistant agent ais llms models assistants agents", "reading processing parsing seeing receiving", "this"],
  ["note message instruction instructions attention", "to for", "ai llm assistant language agent ais llms assistants agents"],
  ["if", "you", "are", "ai llm language assistant agent chatbot"],
  ["assistant", ":"]
]);
needs(DIRECTIVE, [
  ["must should shall need needs have has required expected instructed supposed is are require requires", "you assistant model agent ai llm system client"],
  ["must", "first also always then now immediately automatically never additionally"],
  "please",
  "always never first ensure sure remember not don ignore disregard forget instead",
  "before after prior",
  ["when whenever", "tool user users"],
  ["before after whenever every each", "execute call run invoke use", "this", "tool function method"]
]);
needs(SENSITIVE, [
  "~ id rsa dsa ecdsa ed25519 ssh env bashrc bash zshrc profile npmrc netrc pgpass git docker",
  // "desktop", not "claude": the pattern has no \b before claude_desktop_config, so "claude" may be glued to a word; "desktop" never is.
  "aws kube kubeconfig etc mcp desktop cursor wallet",
  "key keys session sessiontoken sessiontokens sessioncookie sessioncookies sessionid sessionids cookie cookies apikey apikeys privatekey privatekeys accesstoken accesstokens authtoken authtokens authenticationtoken authenticationtokens token tokens password passwords credential credentials secret secrets seed ssh",
  [
    "history messages conversation conversations chat chats prompt prompts preferences list emails contacts",
    "history previous prior last all recent earlier system user users userss full"
  ]
]);
needs(COMMAND, [
  "sudo rm curl wget chmod chown whoami echo $ & |",
  "cat export nc base64 powershell os subprocess mkfifo crontab",
  ["removing delete deleting remove wipe wiping clean", "contents files", "tmp etc home var ~"],
  ["bashrc bash zshrc profile", "to into in"]
]);
var PUNCT = /* @__PURE__ */ new Set([":", "!", "'", '"', "\u201C", "\u2018", "%", "#", "~", "$", "&", "|"]);
var groupsOf = [...NEEDS.values()];
var GROUPS = groupsOf.reduce((n, g) => n + g.length, 0);
var INTS = GROUPS + 31 >> 5;
var REQUIRED = new Int32Array(groupsOf.length * INTS);
var SYMBOLS = 36;
var next = [];
var term = [];
var punctBits = /* @__PURE__ */ new Map();
function newNode() {
  for (let k = 0; k < SYMBOLS; k++) next.push(0);
  for (let w = 0; w < INTS; w++) term.push(0);
  return term.length / INTS - 1;
}
newNode();
{
  let group = 0;
  groupsOf.forEach((groups, pattern) => {
    for (const words of groups) {
      const w = group >> 5;
      const bit = 1 << (group & 31);
      REQUIRED[pattern * INTS + w] |= bit;
      for (const word of words) {
        if (PUNCT.has(word)) {
          const m = punctBits.get(word.charCodeAt(0)) ?? new Array(INTS).fill(0);
          m[w] |= bit;
          punctBits.set(word.charCodeAt(0), m);
          continue;
        }
        if (!/^[a-z0-9]+$/.test(word)) throw new Error(`pre-check word ${JSON.stringify(word)} is neither [a-z0-9]+ nor pre-check punctuation`);
        let node = 0;
        for (let i = 0; i < word.length; i++) {
          const c = word.charCodeAt(i);
          const slot = node * SYMBOLS + (c >= 97 ? c - 97 : c - 48 + 26);
          if (next[slot] === 0) {
            const child = newNode();
            next[slot] = child;
          }
          node = next[slot];
        }
        term[node * INTS + w] |= bit;
      }
      group++;
    }
  });
}
var NEXT = Int32Array.from(next);
var TERM = Int32Array.from(term);
var ASCII_PUNCT = new Int32Array(128 * INTS);
for (const [c, m] of punctBits) if (c < 128) for (let w = 0; w < INTS; w++) ASCII_PUNCT[c * INTS + w] = m[w];
function features(lower) {
  const f = new Array(INTS).fill(0);
  let node = 0;
  let inWord = false;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const sym = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 48 + 26 : -1;
    if (sym >= 0) {
      inWord = true;
      if (node >= 0) node = NEXT[node * SYMBOLS + sym] || -1;
      continue;
    }
    if (inWord) {
      if (node > 0) for (let w = 0; w < INTS; w++) f[w] |= TERM[node * INTS + w];
      node = 0;
      inWord = false;
    }
    if (c < 128) {
      for (let w = 0; w < INTS; w++) f[w] |= ASCII_PUNCT[c * INTS + w];
    } else {
      const m = punctBits.get(c);
      if (m !== void 0) for (let w = 0; w < INTS; w++) f[w] |= m[w];
    }
  }
  return f;
}
function preCheckIds(res) {
  return Int16Array.from(res, (re) => GATED.get(re) ?? -1);
}
function mayMatchId(n, f) {
  if (f === void 0 || n < 0) return true;
  for (let w = 0; w < INTS; w++) {
    const need = REQUIRED[n * INTS + w];
    if ((f[w] & need) !== need) return false;
  }
  return true;
}

// checks/manifests/poisoning/text.ts
var ZWJ = 8205;
var ZWNJ = 8204;
function isInvisible(cp) {
  return cp === 173 || cp === 847 || cp === 1564 || cp === 4447 || cp === 4448 || cp === 6068 || cp === 6069 || cp >= 6155 && cp <= 6159 || cp >= 8203 && cp <= 8207 || cp >= 8234 && cp <= 8238 || cp >= 8288 && cp <= 8303 || cp === 12644 || cp >= 65024 && cp <= 65039 || cp === 65279 || cp === 65440 || cp >= 65529 && cp <= 65531 || cp >= 119155 && cp <= 119162 || cp >= 917760 && cp <= 917999;
}
function isTag(cp) {
  return cp >= 917504 && cp <= 917631;
}
function isControl(cp) {
  return cp < 32 && cp !== 9 && cp !== 10 && cp !== 13 || cp >= 127 && cp <= 159;
}
var PICTO = new RegExp("\\p{Extended_Pictographic}|\\p{Emoji_Presentation}", "u");
var EMOJI = new RegExp("\\p{Emoji}", "u");
var NON_LATIN_LETTER = /[\p{L}\p{M}]/u;
var LATIN = new RegExp("\\p{Script=Latin}", "u");
function cpAt(s, i) {
  return String.fromCodePoint(s.codePointAt(i) ?? 0);
}
function prevChar(s, i) {
  if (i <= 0) return "";
  const c = s.charCodeAt(i - 1);
  if (c >= 56320 && c <= 57343 && i >= 2) return s.slice(i - 2, i);
  return s[i - 1] ?? "";
}
function legitimateInvisible(s, i, cp) {
  const prev = prevChar(s, i);
  const next2 = i + 1 < s.length ? cpAt(s, i + 1) : "";
  if (cp === 65039 || cp === 65038) return prev !== "" && EMOJI.test(prev);
  if (cp === ZWJ && PICTO.test(prev) && PICTO.test(next2)) return true;
  if ((cp === ZWJ || cp === ZWNJ) && prev && NON_LATIN_LETTER.test(prev) && !LATIN.test(prev)) return true;
  return false;
}
var CONFUSABLE = {
  // Cyrillic
  \u0430: "a",
  \u0435: "e",
  \u043E: "o",
  \u0440: "p",
  \u0441: "c",
  \u0443: "y",
  \u0445: "x",
  \u0456: "i",
  \u0458: "j",
  \u0455: "s",
  "\u0501": "d",
  \u04BB: "h",
  "\u04CF": "l",
  "\u051B": "q",
  "\u051D": "w",
  \u0451: "e",
  \u0410: "A",
  \u0412: "B",
  \u0415: "E",
  \u041A: "K",
  \u041C: "M",
  \u041D: "H",
  \u041E: "O",
  \u0420: "P",
  \u0421: "C",
  \u0422: "T",
  \u0425: "X",
  \u0423: "Y",
  \u0406: "I",
  \u0408: "J",
  \u0405: "S",
  // Greek
  \u03B1: "a",
  \u03BF: "o",
  \u03BD: "v",
  \u03C1: "p",
  \u03B9: "i",
  \u03BA: "k",
  \u03C5: "u",
  \u03F2: "c",
  \u0391: "A",
  \u0392: "B",
  \u0395: "E",
  \u0396: "Z",
  \u0397: "H",
  \u0399: "I",
  \u039A: "K",
  \u039C: "M",
  \u039D: "N",
  \u039F: "O",
  \u03A1: "P",
  \u03A4: "T",
  \u03A5: "Y",
  \u03A7: "X",
  // Latin look-alikes outside ASCII that NFKC keeps
  \u0131: "i",
  \u0261: "g",
  \u0251: "a",
  \u028F: "y"
};
var ANY_CONFUSABLE = new RegExp(
  `[${Object.keys(CONFUSABLE).map((ch) => `\\u{${ch.codePointAt(0).toString(16)}}`).join("")}]`,
  "u"
);
var WORD = /[\p{L}\p{M}\p{N}_]+/gu;
var ASCII_LETTER = /[A-Za-z]/;
function foldConfusables(text2, found2) {
  return text2.replace(WORD, (w) => {
    if (!ASCII_LETTER.test(w)) return w;
    let mixed = false;
    let out = "";
    for (const ch of w) {
      const f = CONFUSABLE[ch];
      if (f !== void 0) {
        mixed = true;
        out += f;
      } else out += ch;
    }
    if (!mixed) return w;
    if (found2.length < 5) found2.push(w);
    return out;
  });
}
var NON_ASCII = /[^\u0000-\u007f]/;
function isAscii(s) {
  if (typeof s === "string") return !NON_ASCII.test(s);
  const other = s;
  for (let i = 0; i < other.length; i++) if (other.charCodeAt(i) > 127) return false;
  return true;
}
function hex(cp) {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}
var UNCLEAN = /[^\t\n\r\x20-\x7e]/;
function firstUnclean(input) {
  let i = 0;
  for (; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 32 ? c >= 127 : c !== 9 && c !== 10 && c !== 13) break;
  }
  return i;
}
function normalise(input) {
  let i = typeof input === "string" ? input.search(UNCLEAN) : 0;
  if (i < 0) return { text: input, lower: input.toLowerCase(), hidden: [], tagText: "", confusables: [] };
  if (typeof input !== "string") i = firstUnclean(input);
  const hidden = /* @__PURE__ */ new Map();
  const note = (kind, cp) => {
    let h = hidden.get(kind);
    if (!h) hidden.set(kind, h = { cps: /* @__PURE__ */ new Set(), count: 0 });
    h.count++;
    if (h.cps.size < 8) h.cps.add(hex(cp));
  };
  let out = "";
  let kept = 0;
  let tagText = "";
  let dirty = false;
  const drop = (i2, width, replacement = "") => {
    out += input.slice(kept, i2) + replacement;
    kept = i2 + width;
    dirty = true;
  };
  for (; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 32 && c < 127) continue;
    if (c >= 55296 && c <= 56319) {
      const d = input.charCodeAt(i + 1);
      if (!(d >= 56320 && d <= 57343)) {
        note("lone-surrogate", c);
        drop(i, 1);
        continue;
      }
      const cp = (c - 55296 << 10) + (d - 56320) + 65536;
      if (isTag(cp)) {
        note("tag-chars", cp);
        if (cp >= 917536 && cp <= 917630) tagText += String.fromCharCode(cp - 917504);
        drop(i, 2);
      } else if (isInvisible(cp) && !legitimateInvisible(input, i, cp)) {
        note("hidden-chars", cp);
        drop(i, 2);
      }
      i++;
      continue;
    }
    if (c >= 56320 && c <= 57343) {
      note("lone-surrogate", c);
      drop(i, 1);
      continue;
    }
    if (isControl(c)) {
      note("controls", c);
      drop(i, 1, " ");
      continue;
    }
    if (isInvisible(c) && !legitimateInvisible(input, i, c)) {
      note("hidden-chars", c);
      drop(i, 1);
    }
  }
  if (dirty) out += input.slice(kept);
  const base = dirty ? out : input;
  const nfkc = isAscii(base) ? base : base.normalize("NFKC");
  const confusables = [];
  const text2 = !isAscii(nfkc) && ANY_CONFUSABLE.test(nfkc) ? foldConfusables(nfkc, confusables) : nfkc;
  return {
    text: text2,
    lower: text2.toLowerCase(),
    hidden: [...hidden].map(([kind, h]) => ({ kind, codepoints: [...h.cps], count: h.count })),
    tagText,
    confusables
  };
}
var BASE64_BLOB = /[A-Za-z0-9+/_-]{40,}={0,2}/g;
var HEX_BLOB = /\b(?:[0-9a-fA-F]{2}){24,}\b/g;
function decodedBlobs(text2) {
  const out = [];
  for (const m of text2.matchAll(BASE64_BLOB)) {
    if (out.length >= 8) break;
    const blob = m[0];
    if (/^[0-9a-fA-F]+$/.test(blob)) continue;
    if (!/[0-9+/_-]/.test(blob) && !(/[A-Z]/.test(blob) && /[a-z]/.test(blob))) continue;
    const decoded = Buffer.from(blob.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("latin1");
    if (readable(decoded)) out.push({ encoding: "base64", blob, decoded });
  }
  for (const m of text2.matchAll(HEX_BLOB)) {
    if (out.length >= 8) break;
    const decoded = Buffer.from(m[0], "hex").toString("latin1");
    if (readable(decoded)) out.push({ encoding: "hex", blob: m[0], decoded });
  }
  return out;
}
function readable(s) {
  if (s.length < 16) return false;
  let printable = 0;
  let letters = 0;
  let spaces = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c < 127 || c === 10 || c === 9) printable++;
    if (c >= 65 && c <= 90 || c >= 97 && c <= 122) letters++;
    if (c === 32) spaces++;
  }
  return printable / s.length > 0.95 && letters / s.length > 0.5 && spaces >= 2;
}
function whitespaceRuns(text2) {
  let longest = 0;
  let run2 = 0;
  let token = 0;
  let longestToken = 0;
  let newlines = 0;
  let blankLines = 0;
  for (let i = 0; i < text2.length; i++) {
    const c = text2.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 12288 || c >= 8192 && c <= 8202) {
      run2++;
      if (c === 10) newlines++;
      if (run2 > longest) longest = run2;
      if (newlines - 1 > blankLines) blankLines = newlines - 1;
      token = 0;
    } else {
      run2 = 0;
      newlines = 0;
      if (++token > longestToken) longestToken = token;
    }
  }
  return { longest, blankLines, longestToken };
}
function blank(text2, start, end) {
  for (let i = start; i < end; i++) {
    const c = text2.charCodeAt(i);
    if (c === 32 || c >= 9 && c <= 13) continue;
    if (c < 128) return false;
    return text2.slice(start, end).trim() === "";
  }
  return true;
}
var CUT_CANDIDATE = /[.!?\n]/g;
function sentenceBounds(text2) {
  const out = [];
  let start = 0;
  const n = text2.length;
  CUT_CANDIDATE.lastIndex = 0;
  while (CUT_CANDIDATE.test(text2)) {
    const i = CUT_CANDIDATE.lastIndex - 1;
    const c = text2.charCodeAt(i);
    let cut = false;
    if (c === 46 || c === 33 || c === 63) {
      const d = i + 1 < n ? text2.charCodeAt(i + 1) : -1;
      cut = d === -1 || d === 32 || d === 10 || d === 9 || d === 13;
    } else if (c === 10) {
      let j = i + 1;
      while (j < n) {
        const e = text2.charCodeAt(j);
        if (e !== 32 && e !== 9 && e !== 13) break;
        j++;
      }
      const d = j < n ? text2.charCodeAt(j) : -1;
      cut = d === 10 || d === 45 || d === 42 || d === 8226 || d >= 48 && d <= 57;
    }
    if (cut) {
      if (!blank(text2, start, i + 1)) out.push(start, i + 1);
      start = i + 1;
    }
  }
  CUT_CANDIDATE.lastIndex = 0;
  if (!blank(text2, start, n)) out.push(start, n);
  return out;
}
function plain(q) {
  let prev = 32;
  for (let i = 0; i < q.length; i++) {
    const c = q.charCodeAt(i);
    if (c === 32 ? prev === 32 : (c < 32 || c > 126) && c !== 8230) return false;
    prev = c;
  }
  return prev !== 32;
}
function excerpt(text2, start, end, max = 90) {
  const s = Math.max(0, start);
  const e = Math.min(text2.length, Math.max(end, s + 1));
  let q = text2.slice(s, e);
  if (q.length > max) q = `${q.slice(0, max - 1)}\u2026`;
  if (plain(q)) return q;
  q = q.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").replace(/\s{2,}/g, " ").trim();
  return q.replace(/[\u2028\u2029]/g, " ");
}

// checks/manifests/poisoning/analysis.ts
function family(res) {
  return { res, ids: preCheckIds(res) };
}
var WHOLE = [
  { fam: family(CONCEAL), signal: "conceal-from-user", weight: 3 },
  { fam: family(OVERRIDE), signal: "override", weight: 3 },
  { fam: family(MESSAGE), signal: "message-injection", weight: 2 },
  { fam: family(TAMPER), signal: "param-tampering", weight: 2 },
  { fam: family(REDIRECT), signal: "tool-redirect", weight: 2 },
  { fam: family(URGENCY), signal: "urgency", weight: 1 },
  { fam: family(NECESSITY), signal: "urgency", weight: 1, justifies: true },
  { fam: family(PRETEXT), signal: "pretext", weight: 1, justifies: true },
  { fam: family(THREAT), signal: "threat", weight: 1, justifies: true },
  { fam: family(COMPARISON), signal: "self-comparison", weight: 2 },
  { fam: family(OUT_OF_SCOPE), signal: "out-of-scope-request", weight: 3 },
  { fam: family(CLAIM), signal: "shadowing-claim", weight: 3 },
  { fam: family(IMPERSONATION), signal: "user-impersonation", weight: 3 },
  { fam: family(MODEL_ADDRESS), signal: "model-address", weight: 2 }
];
var F_PROMOTION = family(PROMOTION);
var F_SENSITIVE = family([SENSITIVE[0], SENSITIVE[1], SENSITIVE[3]]);
var F_SECRET_WORDS = family([SENSITIVE[2]]);
var F_COMMAND = family(COMMAND);
var F_CONTACT = family([EMAIL, PHONE]);
var F_URL = family([URL2]);
var F_TRANSFER = family([TRANSFER]);
var F_DIRECTIVE = family([...DIRECTIVE, ...MODEL_ADDRESS]);
var SENSITIVE_OBJ = 1;
var SECRET_WORD = 2;
var COMMAND_OBJ = 4;
var CONTACT_OBJ = 8;
var URL_OBJ = 16;
var TRANSFER_OBJ = 32;
function analyse(value) {
  const norm = normalise(value);
  const { text: text2, lower } = norm;
  const ws = whitespaceRuns(text2);
  const tag = lower.includes("<") ? firstMatch(INSTRUCTION_TAG, lower) : null;
  const comment = lower.includes("<") || lower.includes("[") || lower.includes("{") ? firstMatch(HTML_COMMENT, lower) : null;
  return {
    norm,
    ws,
    tag: tag ? tag.index : -1,
    tagEnd: tag ? tag.index + tag[0].length : -1,
    comment: comment ? comment.index : -1,
    commentEnd: comment ? comment.index + comment[0].length : -1
  };
}
function blobsOf(a) {
  a.blobs ??= decodedBlobs(a.norm.text);
  return a.blobs;
}
var SPACE = /\s/;
function spacedOf(a) {
  a.spaced ??= SPACE.test(a.norm.text);
  return a.spaced;
}
var NONE = [];
function bodyOf(a) {
  if (a.body) return a.body;
  const { text: text2, lower } = a.norm;
  const feats = features(lower);
  const header = text2.includes(":") ? firstMatch(UPPER_HEADER, text2) : null;
  let whole = NONE;
  for (let k = 0; k < WHOLE.length; k++) {
    const m = firstHit(WHOLE[k].fam, lower, feats);
    if (m) {
      if (whole === NONE) whole = [];
      whole.push(k, m.index, m.index + m[0].length);
    }
  }
  let cjk = NONE;
  if (!isAscii(lower))
    for (let k = 0; k < CJK.length; k++) {
      const m = firstMatch(CJK[k].re, lower);
      if (m) {
        if (cjk === NONE) cjk = [];
        cjk.push(k, m.index, m.index + m[0].length);
      }
    }
  const promo = countHits(F_PROMOTION, lower, feats);
  const bounds = sentenceBounds(text2);
  const ns = bounds.length >> 1;
  const strongAt = bucket(F_SENSITIVE, lower, bounds, feats);
  const weakAt = bucket(F_SECRET_WORDS, lower, bounds, feats);
  const cmdAt = bucket(F_COMMAND, lower, bounds, feats);
  const contactAt = lower.includes("@") || lower.includes("+") ? bucket(F_CONTACT, lower, bounds, void 0) : void 0;
  const urlAt = lower.includes("://") ? bucket(F_URL, lower, bounds, void 0) : void 0;
  const transferAt = contactAt !== void 0 || urlAt !== void 0 ? bucket(F_TRANSFER, lower, bounds, void 0) : void 0;
  const directiveAt = bucket(F_DIRECTIVE, lower, bounds, feats);
  let objects = NONE;
  if (strongAt || weakAt || cmdAt || contactAt || urlAt || transferAt) {
    objects = [];
    for (let i = 0; i < ns; i++) {
      objects.push(
        (found(strongAt, i) ? SENSITIVE_OBJ : 0) | (found(weakAt, i) ? SECRET_WORD : 0) | (found(cmdAt, i) ? COMMAND_OBJ : 0) | (found(contactAt, i) ? CONTACT_OBJ : 0) | (found(urlAt, i) ? URL_OBJ : 0) | (found(transferAt, i) ? TRANSFER_OBJ : 0)
      );
    }
  }
  a.body = {
    header: header ? header.index : -1,
    headerEnd: header ? header.index + header[0].length : -1,
    whole,
    cjk,
    promo: promo ? promo.index : -1,
    promoEnd: promo ? promo.end : -1,
    promoN: promo ? promo.n : 0,
    bounds,
    strongAt,
    contactAt,
    urlAt,
    transferAt,
    directiveAt,
    objects,
    candidates: []
  };
  return a.body;
}
function found(at, i) {
  return at !== void 0 && at[2 * i] >= 0;
}
function firstMatch(re, s) {
  re.lastIndex = 0;
  const m = re.exec(s);
  re.lastIndex = 0;
  return m;
}
function firstHit(fam, s, f) {
  for (let k = 0; k < fam.res.length; k++) {
    if (!mayMatchId(fam.ids[k], f)) continue;
    const m = firstMatch(fam.res[k], s);
    if (m) return m;
  }
  return null;
}
function countHits(fam, s, f) {
  let first;
  for (let k = 0; k < fam.res.length; k++) {
    if (!mayMatchId(fam.ids[k], f)) continue;
    const re = fam.res[k];
    if (first) {
      re.lastIndex = 0;
      if (re.test(s)) first.n++;
      re.lastIndex = 0;
      continue;
    }
    const m = firstMatch(re, s);
    if (m) first = { index: m.index, end: m.index + m[0].length, n: 1 };
  }
  return first;
}
function bucket(fam, text2, bounds, f) {
  let out;
  const n = bounds.length >> 1;
  for (let k = 0; k < fam.res.length; k++) {
    if (!mayMatchId(fam.ids[k], f)) continue;
    const re = fam.res[k];
    let j = 0;
    let count = 0;
    re.lastIndex = 0;
    for (let m = re.exec(text2); m !== null; m = re.exec(text2)) {
      const index = m.index;
      if (m[0].length === 0) re.lastIndex++;
      while (j + 1 < n && bounds[2 * (j + 1)] <= index) j++;
      out ??= new Array(Math.max(1, n) * 2).fill(-1);
      if (out[2 * j] < 0 || index < out[2 * j]) {
        out[2 * j] = index;
        out[2 * j + 1] = index + m[0].length;
      }
      if (++count >= 200) break;
    }
    re.lastIndex = 0;
  }
  return out;
}
var IDENT = /\b([A-Za-z][A-Za-z0-9]{0,63}(?:[_-][A-Za-z0-9]{1,63}){1,8}|[a-z][a-z0-9]{0,63}[A-Z][A-Za-z0-9]{0,63})|[`'"‘“]([A-Za-z][A-Za-z0-9]{1,63})[`'"’”]|\b(?:call|calls|calling|invoke|invoking|use|using|run|via|the)\s{1,4}([a-z][a-z0-9]{1,63})\b/g;
var QUOTES = "`'\"\u2018\u2019\u201C\u201D";
var NOT_A_TOOL_AFTER = /^[`'"’”]?\s*(?:parameter|param|field|argument|arg|property|option|key|column|value|values|type|format|flag|header|variable|attribute|setting)s?\b/;
var IDENT_SHAPE = /[A-Za-z0-9][_-][A-Za-z0-9]|[a-z0-9][A-Z]/;
var IDENTIFIER_SHAPED = /[a-z0-9][_-][a-z0-9]|[a-z][A-Z]/;
var CALL_WORD = /\b(?:call|use|invoke|tool|function)\b/;
function candidatesOf(a, body, i, tools) {
  let c = body.candidates[i];
  const start = body.bounds[2 * i];
  const end = body.bounds[2 * i + 1];
  if (c === void 0) {
    const sentence = a.norm.text.slice(start, end);
    c = body.candidates[i] = IDENT_SHAPE.test(sentence) ? extract(sentence, start) : null;
  }
  if (c === null) {
    if (!tools.namesToolIn(a.norm.text, start, end)) {
      body.candidates[i] = NO_CANDIDATES;
      return null;
    }
    c = body.candidates[i] = extract(a.norm.text.slice(start, end), start);
  }
  return c === NO_CANDIDATES ? null : c;
}
var NO_CANDIDATES = [];
function extract(sentence, start) {
  const out = [];
  const sentEnd = start + sentence.length;
  IDENT.lastIndex = 0;
  for (let m = IDENT.exec(sentence); m !== null; m = IDENT.exec(sentence)) {
    const word = m[1] ?? m[2] ?? m[3] ?? "";
    const index = m.index + m[0].lastIndexOf(word);
    if (m[2] === void 0 && m[3] !== void 0) IDENT.lastIndex = index;
    out.push({
      word,
      lower: word.toLowerCase(),
      index: start + index,
      end: start + index + word.length,
      identifierShaped: IDENTIFIER_SHAPED.test(word),
      sentStart: start,
      sentEnd,
      resolved: false,
      quoted: false,
      called: false,
      notATool: false,
      callWordNear: false
    });
  }
  IDENT.lastIndex = 0;
  return out;
}
function resolveCandidate(c, text2) {
  if (c.resolved) return c;
  const before = text2.slice(Math.max(c.sentStart, c.index - 30), c.index);
  const after = text2.slice(c.end, Math.min(c.sentEnd, c.end + 24));
  c.quoted = QUOTES.includes(before.slice(-1)) && QUOTES.includes(after.slice(0, 1));
  c.called = CALL_BEFORE.test(before) || TOOL_AFTER.test(after);
  c.notATool = NOT_A_TOOL_AFTER.test(after);
  c.callWordNear = CALL_WORD.test(before + after);
  c.resolved = true;
  return c;
}

// checks/manifests/poisoning/strings.ts
var STRUCTURAL = /* @__PURE__ */ new Set([
  "type",
  "$schema",
  "$ref",
  "$id",
  "$anchor",
  "$dynamicRef",
  "$dynamicAnchor",
  "format",
  "required",
  "contentEncoding",
  "contentMediaType",
  "dependentRequired"
]);
var SCHEMA_MAPS = /* @__PURE__ */ new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
var MAX_NODES = 2e5;
function kindOf(v) {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}
function hasPath(v, key) {
  return typeof v === "string" ? !STRUCTURAL.has(key) : typeof v === "object" && v !== null;
}
function collectWithOwnWords(tool) {
  const ownWords = /* @__PURE__ */ new Set();
  return { collected: walk(tool, ownWords), ownWords };
}
function ownStep(k) {
  return k === "const" || k === "default" || k.endsWith(".const") || k.endsWith(".default") || k.endsWith("]") && /(?:^|\.)enum\[\d+\]$/.test(k);
}
function enumStep(k) {
  return k === "enum" || k.endsWith(".enum");
}
var OWN = 1;
var ENUM_PATH = 2;
var TEXT_FIELDS = ["title", "description"];
var SCHEMA_ROOTS = ["inputSchema", "outputSchema"];
var PARAMETERS_ROOTS = ["parameters", "outputSchema"];
function walk(tool, ownWords) {
  const strings2 = [];
  const badFields = [];
  let maxDepth = 0;
  let truncated = false;
  strings2.push({ path: "name", value: tool.name });
  for (let x = 0; x < TEXT_FIELDS.length; x++) {
    const f = TEXT_FIELDS[x];
    const v = tool[f];
    if (typeof v === "string") strings2.push({ path: f, value: v });
    else if (v !== void 0 && v !== null) badFields.push({ path: f, got: kindOf(v) });
  }
  const ann = tool.annotations;
  if (ann !== void 0 && ann !== null) {
    if (typeof ann !== "object" || Array.isArray(ann)) badFields.push({ path: "annotations", got: kindOf(ann) });
    else
      for (const [k, v] of Object.entries(ann))
        if (typeof v === "string") {
          strings2.push({ path: `annotations.${k}`, value: v });
          if (ownStep(k)) ownWords?.add(v.toLowerCase());
        }
  }
  let nodes = 0;
  const roots = tool.inputSchema === void 0 && tool.parameters !== void 0 ? PARAMETERS_ROOTS : SCHEMA_ROOTS;
  for (let x = 0; x < roots.length; x++) {
    const root = roots[x];
    const schema = tool[root];
    if (schema === void 0 || schema === null) continue;
    if (typeof schema !== "object") {
      badFields.push({ path: root, got: kindOf(schema) });
      if (typeof schema === "string") strings2.push({ path: root, value: schema });
      continue;
    }
    const stack = spare ?? new Stack();
    spare = void 0;
    stack.push(schema, root, 0, "", 0);
    while (stack.top > 0) {
      const t = --stack.top;
      const v = stack.values[t];
      stack.values[t] = void 0;
      const path = stack.paths[t];
      const depth = stack.depths[t];
      const key = stack.keys[t];
      const flag = stack.flags[t];
      if (++nodes > MAX_NODES) {
        truncated = true;
        break;
      }
      if (depth > maxDepth) maxDepth = depth;
      if (typeof v === "string") {
        if (!STRUCTURAL.has(key)) {
          strings2.push({ path, value: v });
          if (flag & OWN) ownWords?.add(v.toLowerCase());
        }
        continue;
      }
      if (typeof v !== "object" || v === null) continue;
      if (Array.isArray(v)) {
        if (STRUCTURAL.has(key)) continue;
        let prefix2;
        for (let i = v.length - 1; i >= 0; i--) {
          const child = v[i];
          stack.push(child, hasPath(child, key) ? `${prefix2 ??= `${path}[`}${i}]` : "", depth + 1, key, flag & ENUM_PATH ? OWN : 0);
        }
        continue;
      }
      const o = v;
      const ks = Object.keys(o);
      const isMap = SCHEMA_MAPS.has(key);
      let prefix;
      for (let i = ks.length - 1; i >= 0; i--) {
        const k = ks[i];
        const child = o[k];
        const childKey = isMap ? "" : k;
        const childPath = isMap || hasPath(child, childKey) ? (prefix ??= `${path}.`) + k : "";
        if (isMap) {
          strings2.push({ path: childPath, value: k, isKey: true });
          ownWords?.add(k.toLowerCase());
        }
        stack.push(child, childPath, depth + 1, childKey, (ownStep(k) ? OWN : 0) | (enumStep(k) ? ENUM_PATH : 0));
      }
    }
    stack.clear();
    spare = stack;
  }
  return { strings: strings2, badFields, maxDepth, truncated };
}
var Stack = class {
  values = [];
  paths = [];
  depths = [];
  keys = [];
  flags = [];
  top = 0;
  push(v, path, depth, key, flag) {
    const t = this.top++;
    this.values[t] = v;
    this.paths[t] = path;
    this.depths[t] = depth;
    this.keys[t] = key;
    this.flags[t] = flag;
  }
  /** Drops what a walk stopped early left (values are the caller's: not kept alive here). */
  clear() {
    for (let t = 0; t < this.top; t++) this.values[t] = void 0;
    this.top = 0;
  }
};
var spare;

// checks/manifests/poisoning/score.ts
var BLOCK_SCORE = 3;
var WARN_SCORE = 2;
var OVERSIZED_CHARS = 2e4;
var WHITESPACE_RUN = 80;
var BLANK_LINES = 12;
var DeploymentIndex = class {
  /** lower-cased tool name -> servers exposing it. */
  byName = /* @__PURE__ */ new Map();
  /** separator/case-insensitive name -> [server, raw name]. */
  byLooseName = /* @__PURE__ */ new Map();
  /** Per description (id = position): its tokens as token ids, distinct, in order of first occurrence. */
  #docs = [];
  /** Token id -> the token; with #hashes and #table, the token ids (see #tokenize). */
  #words = [];
  /** Token id -> its hash (HASH_SEED, HASH_MUL). */
  #hashes = new Int32Array(1024);
  /** Open addressing on the hash: token id + 1 per slot, 0 when free; at most half full. */
  #table = new Int32Array(2048);
  /** The token ids of the description being tokenised. */
  #scratch = new Int32Array(256);
  /** Token id -> ids of the descriptions that contain it, ascending. */
  #postings = [];
  /** Token id -> the last tokenising pass (#stamp) that met it. */
  #lastDoc = [];
  /**
   * Description id per server, per tool name: what a map on
   * `${server}\u0000${name}` gives, without building that key for every
   * look-up. Only while every server and name is a string without U+0000
   * (then the key splits one way only); otherwise that map (#flatIds).
   */
  #idsByServer = /* @__PURE__ */ new Map();
  #flatIds;
  #servers = /* @__PURE__ */ new Set();
  /** Lower-cased tool names that are one plain word, as IDENT's groups 2 and 3 capture them. */
  #plainNames = /* @__PURE__ */ new Set();
  /** coreName -> [server, raw name] of the tools whose name reduces to it (built on first use). */
  #byCore;
  /** [server, name, looseName(name)] of every tool, in order. */
  #names = [];
  /**
   * Whether a tool is pinned, unchanged, in the lockfile (the trusted
   * original of a look-alike pair); undefined when there is no lockfile.
   */
  pinned;
  constructor(tools) {
    for (const t of tools) this.#add(t);
    this.#tokensOf.clear();
  }
  /** While indexing: the same description text has the same tokens (deployments repeat descriptions). */
  #tokensOf = /* @__PURE__ */ new Map();
  #add(t) {
    const lower = t.name.toLowerCase();
    let s = this.byName.get(lower);
    if (!s) this.byName.set(lower, s = /* @__PURE__ */ new Set());
    s.add(t.server);
    if (PLAIN_WORD.test(lower)) this.#plainNames.add(lower);
    const loose = lower.replace(LOOSE_SEPARATORS, "");
    let l = this.byLooseName.get(loose);
    if (!l) this.byLooseName.set(loose, l = []);
    l.push([t.server, t.name]);
    this.#servers.add(t.server);
    this.#names.push([t.server, t.name, loose]);
    if (typeof t.description !== "string") return;
    let tokens = this.#tokensOf.get(t.description);
    if (tokens) this.#shared.add(tokens);
    else {
      tokens = this.#tokenize(t.description);
      this.#tokensOf.set(t.description, tokens);
    }
    const id = this.#docs.length;
    this.#setId(t.server, t.name, id);
    this.#docs.push({ server: t.server, name: t.name, tokens });
    for (let k = 0; k < tokens.length; k++) this.#postings[tokens[k]].push(id);
  }
  /**
   * Distinct token ids in order of first occurrence (descTokens' order). Most
   * words of a description are already known: an ASCII text is scanned by
   * char code, hashing each word as it goes, and only a word not met before
   * is sliced out, so known words cost no string.
   */
  #tokenize(description) {
    const stamp = ++this.#stamp;
    const text2 = description.length > 2e4 ? description.slice(0, 2e4) : description;
    if (isAscii(text2)) return this.#scanAscii(text2, stamp);
    const lower = text2.toLowerCase();
    if (isAscii(lower)) return this.#scanAscii(lower, stamp);
    let n = 0;
    let start = -1;
    let cps = 0;
    for (let i = 0; i <= lower.length; ) {
      const cp = i < lower.length ? lower.codePointAt(i) : 0;
      const width = cp > 65535 ? 2 : 1;
      if (letterOrNumber(cp)) {
        if (start < 0) {
          start = i;
          cps = 0;
        }
        cps++;
      } else if (start >= 0) {
        if (cps >= 3) {
          const w = lower.slice(start, i);
          let h = HASH_SEED;
          for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), HASH_MUL);
          const mask = this.#table.length - 1;
          let slot = h & mask;
          let tok = -1;
          for (let e = this.#table[slot]; e !== 0; slot = slot + 1 & mask, e = this.#table[slot]) {
            if (this.#hashes[e - 1] === h && this.#words[e - 1] === w) {
              tok = e - 1;
              break;
            }
          }
          if (tok < 0) tok = this.#insert(w, h, slot);
          n = this.#note(tok, stamp, n);
        }
        start = -1;
      }
      i += width;
    }
    return this.#scratch.slice(0, n);
  }
  /** forEachToken's ASCII case over `s` (ASCII), lower-casing A-Z as it reads them. */
  #scanAscii(s, stamp) {
    let n = 0;
    let start = -1;
    let h = HASH_SEED;
    for (let i = 0; i <= s.length; i++) {
      let c = i < s.length ? s.charCodeAt(i) : 0;
      if (c >= 65 && c <= 90) c += 32;
      if (c >= 97 && c <= 122 || c >= 48 && c <= 57) {
        if (start < 0) {
          start = i;
          h = HASH_SEED;
        }
        h = Math.imul(h ^ c, HASH_MUL);
      } else if (start >= 0) {
        const len = i - start;
        if (len >= 3) {
          const table = this.#table;
          const mask = table.length - 1;
          let slot = h & mask;
          let tok = -1;
          for (let e = table[slot]; e !== 0; slot = slot + 1 & mask, e = table[slot]) {
            if (this.#hashes[e - 1] !== h) continue;
            const w = this.#words[e - 1];
            if (w.length !== len) continue;
            let k = 0;
            for (; k < len; k++) {
              let d = s.charCodeAt(start + k);
              if (d >= 65 && d <= 90) d += 32;
              if (d !== w.charCodeAt(k)) break;
            }
            if (k === len) {
              tok = e - 1;
              break;
            }
          }
          if (tok < 0) tok = this.#insert(s.slice(start, i).toLowerCase(), h, slot);
          n = this.#note(tok, stamp, n);
        }
        start = -1;
      }
    }
    return this.#scratch.slice(0, n);
  }
  /** Adds token id `tok` to the scratch list (the first time this pass meets it); the new length. */
  #note(tok, stamp, n) {
    if (this.#lastDoc[tok] === stamp) return n;
    this.#lastDoc[tok] = stamp;
    if (n === this.#scratch.length) {
      const grown = new Int32Array(n * 2);
      grown.set(this.#scratch);
      this.#scratch = grown;
    }
    this.#scratch[n] = tok;
    return n + 1;
  }
  /** A new token with hash `h`, at free `slot` of the table; its id. */
  #insert(w, h, slot) {
    const tok = this.#postings.length;
    this.#postings.push([]);
    this.#lastDoc.push(0);
    this.#words.push(w);
    if (tok === this.#hashes.length) {
      const grown = new Int32Array(tok * 2);
      grown.set(this.#hashes);
      this.#hashes = grown;
    }
    this.#hashes[tok] = h;
    this.#table[slot] = tok + 1;
    if (2 * (tok + 1) > this.#table.length) {
      const table = new Int32Array(this.#table.length * 2);
      const mask = table.length - 1;
      for (let id = 0; id <= tok; id++) {
        let at = this.#hashes[id] & mask;
        while (table[at] !== 0) at = at + 1 & mask;
        table[at] = id + 1;
      }
      this.#table = table;
    }
    return tok;
  }
  /** The id of token `w`, -1 when no indexed description has it. */
  #tokenId(w) {
    let h = HASH_SEED;
    for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), HASH_MUL);
    const mask = this.#table.length - 1;
    for (let slot = h & mask, e = this.#table[slot]; e !== 0; slot = slot + 1 & mask, e = this.#table[slot]) {
      if (this.#hashes[e - 1] === h && this.#words[e - 1] === w) return e - 1;
    }
    return -1;
  }
  /** The tokens of an indexed description, in #docs order (test/poisoning-tokens.test.ts compares them with forEachToken's). */
  tokensOfDescription(server, name) {
    const id = this.#idOf(server, name);
    return id === void 0 ? void 0 : Array.from(this.#docs[id].tokens, (tok) => this.#words[tok]);
  }
  /** The token id `clones` gives a word of a description that is not indexed (-1: none). */
  tokenIdOf(word) {
    return this.#tokenId(word);
  }
  /** Does a whole [A-Za-z0-9] run of text[from, to) name a tool when lower-cased? */
  namesToolIn(text2, from, to) {
    if (this.#plainNames.size === 0) return false;
    for (const [run2] of text2.slice(from, to).matchAll(ALNUM_RUN)) {
      if (run2.length >= 2 && run2.length <= 64 && this.#plainNames.has(run2.toLowerCase())) return true;
    }
    return false;
  }
  #setId(server, name, id) {
    if (this.#flatIds === void 0 && typeof server === "string" && typeof name === "string" && !server.includes("\0") && !name.includes("\0")) {
      let m = this.#idsByServer.get(server);
      if (!m) this.#idsByServer.set(server, m = /* @__PURE__ */ new Map());
      m.set(name, id);
      return;
    }
    if (this.#flatIds === void 0) {
      this.#flatIds = /* @__PURE__ */ new Map();
      for (const [s, m] of this.#idsByServer) for (const [n, i] of m) this.#flatIds.set(`${s}\0${n}`, i);
    }
    this.#flatIds.set(`${server}\0${name}`, id);
  }
  #idOf(server, name) {
    if (this.#flatIds !== void 0) return this.#flatIds.get(`${server}\0${name}`);
    const s = `${server}`;
    const n = `${name}`;
    if (s.includes("\0") || n.includes("\0")) return void 0;
    return this.#idsByServer.get(s)?.get(n);
  }
  /** Tool name -> what its words say (every name met, once). */
  #nameInfo;
  /** nameInfo of a tool name, computed once per distinct name. */
  nameOf(name) {
    this.#nameInfo ??= /* @__PURE__ */ new Map();
    let c = this.#nameInfo.get(name);
    if (c === void 0) this.#nameInfo.set(name, c = nameInfo(name));
    return c;
  }
  /** Tools whose name reduces to `core` (coreName): [server, name, looseName(name)]. */
  sameCore(core) {
    if (!this.#byCore) {
      this.#byCore = /* @__PURE__ */ new Map();
      for (let k = 0; k < this.#names.length; k++) {
        const entry = this.#names[k];
        if (typeof entry[1] !== "string") continue;
        const c = this.nameOf(entry[1]).core;
        if (c === "") continue;
        let l = this.#byCore.get(c);
        if (!l) this.#byCore.set(c, l = []);
        l.push(entry);
      }
    }
    return this.#byCore.get(core) ?? NO_CORES;
  }
  /** How many distinct words an indexed description has (undefined: not indexed). */
  descriptionSize(server, name) {
    const id = this.#idOf(server, name);
    return id === void 0 ? void 0 : this.#docs[id].tokens.length;
  }
  /** Shared distinct words of two indexed descriptions over the smaller one's (0 when either is missing or empty). */
  overlap(a, b) {
    const ia = this.#idOf(a[0], a[1]);
    const ib = this.#idOf(b[0], b[1]);
    if (ia === void 0 || ib === void 0) return 0;
    const ta = this.#docs[ia].tokens;
    const tb = this.#docs[ib].tokens;
    if (ta.length === 0 || tb.length === 0) return 0;
    if (ta === tb) return 1;
    if (this.#mark.length < this.#postings.length) this.#mark = new Int32Array(this.#postings.length);
    const stamp = ++this.#stamp;
    for (let k = 0; k < ta.length; k++) this.#mark[ta[k]] = stamp;
    let inter = 0;
    for (let k = 0; k < tb.length; k++) if (this.#mark[tb[k]] === stamp) inter++;
    return inter / Math.min(ta.length, tb.length);
  }
  /** Tools of OTHER servers whose description this one restates (token containment). */
  clones(server, name, description) {
    const self = this.#idOf(server, name);
    const a = self !== void 0 ? this.#docs[self].tokens : Int32Array.from(descTokens(description), (w) => this.#tokenId(w));
    if (a.length < MIN_CLONE_TOKENS || this.#servers.size < 2) return [];
    let c;
    if (this.#shared.has(a)) {
      let kept = this.#candidateMemo.get(a);
      if (!kept) this.#candidateMemo.set(a, kept = this.#candidates(a, true));
      c = kept;
    } else c = this.#candidates(a, false);
    let marked = false;
    for (let k = 0; k < c.n; k++) {
      const id = c.touched[k];
      const shared = c.shared[k];
      if (shared < c.considered * 0.5 && shared < this.#rareCount(id) * 0.5) continue;
      const b = this.#docs[id];
      if (b.server === server || b.name === name || b.tokens.length < MIN_CLONE_TOKENS) continue;
      if ((shared + c.common) / Math.min(a.length, b.tokens.length) < 0.9) continue;
      let inter = 0;
      if (b.tokens === a) inter = a.length;
      else {
        if (!marked) {
          if (this.#mark.length < this.#postings.length) this.#mark = new Int32Array(this.#postings.length);
          this.#stamp++;
          for (let k2 = 0; k2 < a.length; k2++) if (a[k2] >= 0) this.#mark[a[k2]] = this.#stamp;
          marked = true;
        }
        for (let k2 = 0; k2 < b.tokens.length; k2++) if (this.#mark[b.tokens[k2]] === this.#stamp) inter++;
      }
      const containment = inter / Math.min(a.length, b.tokens.length);
      if (containment >= 0.9) return [{ server: b.server, name: b.name, containment, jaccard: inter / (a.length + b.tokens.length - inter) }];
    }
    return [];
  }
  /**
   * Clone candidates of a description (its token ids): the descriptions that
   * share its rarer words, in the order first met, with how many rare words
   * each shares; `considered`: how many of its words are rare. Depends on the
   * tokens only, so it is kept for token lists that several tools share.
   */
  #candidates(a, keep) {
    if (this.#counts.length < this.#docs.length) {
      this.#counts = new Int32Array(this.#docs.length);
      this.#touched = new Int32Array(this.#docs.length);
      this.#sharedCounts = new Int32Array(this.#docs.length);
    }
    const counts = this.#counts;
    const touched = this.#touched;
    let n = 0;
    let considered = 0;
    let common = 0;
    for (let k = 0; k < a.length; k++) {
      const tok = a[k];
      if (tok < 0) continue;
      const p = this.#postings[tok];
      if (p.length > RARE_POSTINGS) {
        common++;
        continue;
      }
      considered++;
      for (let q = 0; q < p.length; q++) {
        const id = p[q];
        if (counts[id]++ === 0) touched[n++] = id;
      }
    }
    const shared = keep ? new Int32Array(n) : this.#sharedCounts;
    for (let k = 0; k < n; k++) {
      shared[k] = counts[touched[k]];
      counts[touched[k]] = 0;
    }
    return { touched: keep ? touched.slice(0, n) : touched, shared, n, considered, common };
  }
  /** Token lists of more than one description (the same text), and their clone candidates. */
  #shared = /* @__PURE__ */ new Set();
  #candidateMemo = /* @__PURE__ */ new Map();
  #counts = new Int32Array(0);
  #touched = new Int32Array(0);
  #sharedCounts = new Int32Array(0);
  #mark = new Int32Array(0);
  #stamp = 0;
  /** Rare-token count per description id, -1 until computed. */
  #rare = new Int32Array(0);
  #rareCount(id) {
    if (this.#rare.length < this.#docs.length) this.#rare = new Int32Array(this.#docs.length).fill(-1);
    let n = this.#rare[id];
    if (n < 0) {
      n = 0;
      const tokens = this.#docs[id].tokens;
      for (let k = 0; k < tokens.length; k++) if (this.#postings[tokens[k]].length <= RARE_POSTINGS) n++;
      this.#rare[id] = n;
    }
    return n;
  }
};
var PLAIN_WORD = /^[a-z][a-z0-9]{1,63}$/;
var ALNUM_RUN = /[A-Za-z0-9]+/g;
var HASH_SEED = 2166136261 | 0;
var HASH_MUL = 16777619;
var LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
var BMP_CLASS = new Uint8Array(65536);
function letterOrNumber(cp) {
  if (cp < 128) return cp >= 97 && cp <= 122 || cp >= 65 && cp <= 90 || cp >= 48 && cp <= 57;
  if (cp > 65535) return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
  let k = BMP_CLASS[cp];
  if (k === 0) BMP_CLASS[cp] = k = LETTER_OR_NUMBER.test(String.fromCharCode(cp)) ? 1 : 2;
  return k === 1;
}
var RARE_POSTINGS = 64;
var MIN_CLONE_TOKENS = 8;
var SEQUENCE = /\b(?:first|before|after|then|prior to|followed by|also|additionally|as well)\b/;
var FRAMING = /* @__PURE__ */ new Set(["directive", "urgency", "pretext", "threat", "call-chain"]);
function descTokens(s) {
  const out = /* @__PURE__ */ new Set();
  forEachToken(s, (w) => out.add(w));
  return out;
}
function forEachToken(s, fn) {
  const text2 = s.length > 2e4 ? s.slice(0, 2e4) : s;
  const lower = text2.toLowerCase();
  if (!isAscii(lower)) {
    for (const m of lower.matchAll(/[\p{L}\p{N}]{3,}/gu)) fn(m[0]);
    return;
  }
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    if (c >= 97 && c <= 122 || c >= 48 && c <= 57) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= 3) fn(lower.slice(start, i));
      start = -1;
    }
  }
}
var LOOSE_SEPARATORS = /[\s_.-]+/g;
function looseName(name) {
  return name.toLowerCase().replace(LOOSE_SEPARATORS, "");
}
function nameTokens(name) {
  if (!isAscii(name))
    return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[^a-z0-9]+/).filter((t) => t !== "");
  const out = [];
  let start = -1;
  let prev = 0;
  for (let i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : 0;
    const kind = c >= 97 && c <= 122 || c >= 48 && c <= 57 ? 1 : c >= 65 && c <= 90 ? 2 : 0;
    if (kind === 0) {
      if (start >= 0) out.push(name.slice(start, i).toLowerCase());
      start = -1;
    } else if (start < 0) start = i;
    else if (kind === 2 && prev === 1) {
      out.push(name.slice(start, i).toLowerCase());
      start = i;
    }
    prev = kind;
  }
  return out;
}
var FILLER = /* @__PURE__ */ new Set(["the", "a", "an", "my", "our", "this", "tool", "tools", "fn", "func", "function"]);
var VERSION = /^v?\d{1,4}$/;
function nameInfo(name) {
  const words = nameTokens(name);
  const out = [];
  let promo = false;
  for (const t of words) {
    if (NAME_PROMO_AFFIX.has(t)) promo = true;
    else if (FILLER.has(t) || VERSION.test(t)) continue;
    else out.push(t.length > 4 && t.endsWith("ies") ? `${t.slice(0, -3)}y` : t.length > 3 && t.endsWith("s") && !t.endsWith("ss") ? t.slice(0, -1) : t);
  }
  return { core: out.join("_"), promo, words: words.length };
}
function add(ctx, signal, weight, path, text2, start, end) {
  const prev = ctx.best.get(signal);
  if (prev && prev.weight >= weight) return;
  ctx.best.set(signal, { signal, weight, path, text: text2, start, end });
}
var NO_REFS = [];
function toolRefs(ctx, a, body, i) {
  const own = ctx.own ??= ctx.tool.name.toLowerCase();
  const candidates = candidatesOf(a, body, i, ctx.index);
  if (candidates === null) return NO_REFS;
  let out = NO_REFS;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (c.lower === own) continue;
    const servers = ctx.index.byName.get(c.lower);
    if (!servers && !c.identifierShaped) continue;
    const { quoted, called, notATool, callWordNear } = resolveCandidate(c, a.norm.text);
    if (notATool || ctx.ownWords.has(c.lower)) continue;
    let kind;
    if (servers) {
      if (!c.identifierShaped && !quoted && !called) continue;
      kind = servers.has(ctx.server) ? "same" : "other";
    } else if (c.identifierShaped && (called || quoted && callWordNear)) {
      kind = "unknown";
    } else continue;
    if (out === NO_REFS) out = [];
    out.push({ name: c.word, kind, called, index: c.index, end: c.end });
    if (out.length >= 20) break;
  }
  return out;
}
var AnalysisCache = class {
  /** null: seen once. */
  #map = /* @__PURE__ */ new Map();
  #chars = 0;
  get(value) {
    if (typeof value !== "string") return analyse(value);
    const cached = this.#map.get(value);
    if (cached) return cached;
    const a = analyse(value);
    if (value.length <= MAX_CACHED_STRING && this.#chars + value.length <= MAX_CACHED_CHARS) {
      this.#map.set(value, cached === null ? a : null);
      if (cached === null) this.#chars += value.length;
    }
    return a;
  }
};
var ANALYSES = /* @__PURE__ */ new WeakMap();
var MAX_CACHED_CHARS = 16e6;
var MAX_CACHED_STRING = 2e4;
function analysisCache(index) {
  let cache = ANALYSES.get(index);
  if (!cache) ANALYSES.set(index, cache = new AnalysisCache());
  return cache;
}
var PLAIN_VALUE = /^[\t\n\r\x20-\x3b\x3d-\x5a\x5c-\x7a\x7c-\x7e]{0,11}$/;
var PLAIN_KEY = /^[\x21-\x3b\x3d-\x5a\x5c-\x7a\x7c-\x7e]{0,39}$/;
function plainString(str2) {
  return typeof str2.value === "string" && (str2.isKey ? PLAIN_KEY : PLAIN_VALUE).test(str2.value);
}
function scanString(ctx, str2, depth = 0) {
  if (plainString(str2)) return;
  const { path } = str2;
  const a = path === "name" ? analyse(str2.value) : ctx.analyses.get(str2.value);
  const { norm, ws } = a;
  for (let k = 0; k < norm.hidden.length; k++) {
    const h = norm.hidden[k];
    const signal = h.kind;
    add(ctx, signal, 3, path, `${h.count} \xD7 ${h.codepoints.join(" ")}`, 0, 200);
  }
  if (norm.tagText.trim() !== "") scanString(ctx, { path: `${path}#tag-chars`, value: norm.tagText }, depth + 1);
  if (norm.confusables.length > 0) add(ctx, "confusable", 2, path, `mixed-script word(s): ${norm.confusables.join(", ")}`, 0, 200);
  const { text: text2 } = norm;
  if (text2.length > OVERSIZED_CHARS) add(ctx, "oversized", 2, path, `${text2.length} characters`, 0, 100);
  if (ws.longest >= WHITESPACE_RUN || ws.blankLines >= BLANK_LINES)
    add(ctx, "whitespace-padding", 2, path, `run of ${ws.longest} whitespace characters / ${ws.blankLines} blank lines`, 0, 100);
  if (a.tag >= 0) add(ctx, "hidden-markup", 3, path, text2, a.tag, a.tagEnd);
  if (a.comment >= 0) add(ctx, "hidden-markup", 2, path, text2, a.comment, a.commentEnd + 40);
  if (depth === 0 && ws.longestToken >= 40) {
    const blobs = blobsOf(a);
    for (let k = 0; k < blobs.length; k++) {
      const b = blobs[k];
      add(ctx, "encoded-text", 2, path, `${b.encoding} \u2192 "${b.decoded.slice(0, 60)}"`, 0, 200);
      scanString(ctx, { path: `${path}#${b.encoding}`, value: b.decoded }, depth + 1);
    }
  }
  if (text2.length < 12 || (str2.isKey || path.endsWith(".pattern")) && !spacedOf(a)) return;
  const body = bodyOf(a);
  if (body.header >= 0) add(ctx, "urgency", 1, path, text2, body.header, body.headerEnd);
  for (let x = 0; x < body.whole.length; x += 3) {
    const { signal, weight, justifies } = WHOLE[body.whole[x]];
    add(ctx, signal, weight, path, text2, body.whole[x + 1], body.whole[x + 2]);
    if (justifies) ctx.justified = true;
  }
  for (let x = 0; x < body.cjk.length; x += 3) {
    const { signal, weight } = CJK[body.cjk[x]];
    if (signal === "pretext") ctx.justified = true;
    add(ctx, signal, weight, path, text2, body.cjk[x + 1], body.cjk[x + 2]);
  }
  if (body.promoN > 0) {
    const prev = ctx.best.get("promotion");
    const n = Math.min(3, Math.max(prev ? prev.weight : 0, body.promoN));
    ctx.best.delete("promotion");
    add(ctx, "promotion", n, path, text2, body.promo, body.promoEnd);
  }
  const { bounds, objects, strongAt, contactAt, urlAt, transferAt, directiveAt } = body;
  const ns = bounds.length >> 1;
  if (a.comment >= 0) {
    for (let i = 0; i < ns; i++) if ((objects[i] ?? 0) & COMMAND_OBJ) add(ctx, "hidden-markup", 3, path, text2, a.comment, a.commentEnd + 80);
  }
  let refsBySentence;
  for (let i = 0; i < ns; i++) {
    const o = objects[i] ?? 0;
    if (o & SENSITIVE_OBJ) add(ctx, "sensitive-path", 1, path, text2, strongAt[2 * i], strongAt[2 * i + 1]);
    if (o & CONTACT_OBJ) add(ctx, "contact", 1, path, text2, contactAt[2 * i], contactAt[2 * i + 1]);
    if (o & TRANSFER_OBJ && o & (CONTACT_OBJ | URL_OBJ)) {
      const target = o & CONTACT_OBJ ? contactAt : urlAt;
      if (target[2 * i] > transferAt[2 * i]) add(ctx, "exfiltration", 3, path, text2, transferAt[2 * i], target[2 * i + 1]);
    }
    const refs = toolRefs(ctx, a, body, i);
    if (refs !== NO_REFS) {
      refsBySentence ??= [];
      refsBySentence[i] = refs;
    }
    for (let k = 0; k < refs.length; k++) if (refs[k].kind === "other") add(ctx, "cross-server-ref", 2, path, text2, refs[k].index, refs[k].end);
  }
  if (directiveAt === void 0) return;
  for (let i = 0; i < ns; i++) {
    const dIndex = directiveAt[2 * i];
    if (dIndex < 0) continue;
    const dEnd = directiveAt[2 * i + 1];
    add(ctx, "directive", 1, path, text2, dIndex, dEnd);
    for (let j = i; j <= i + 1 && j < ns; j++) {
      const o = objects[j] ?? 0;
      const refs = refsBySentence?.[j] ?? NO_REFS;
      const from = j === i ? dIndex : bounds[2 * j];
      const to = j === i ? Math.min(bounds[2 * i + 1], dEnd + 120) : bounds[2 * j + 1];
      if (o & SENSITIVE_OBJ) add(ctx, "instruction-sensitive", 3, path, text2, from, to);
      if (o & SECRET_WORD && (refs.length > 0 || o & (TRANSFER_OBJ | URL_OBJ | CONTACT_OBJ))) add(ctx, "instruction-sensitive", 3, path, text2, from, to);
      if (o & COMMAND_OBJ) add(ctx, "instruction-command", 3, path, text2, from, to);
      if (o & CONTACT_OBJ) add(ctx, "instruction-contact", 3, path, text2, from, to);
      if (o & URL_OBJ) add(ctx, "instruction-url", 2, path, text2, from, to);
      for (let k = 0; k < refs.length; k++) {
        const r = refs[k];
        if (r.kind === "other") add(ctx, "instruction-other-tool", 3, path, text2, from, to);
        else if (r.kind === "unknown") add(ctx, "unknown-tool-ref", 2, path, text2, from, to);
        else if (r.called && SEQUENCE.test(norm.lower.slice(bounds[2 * j], bounds[2 * j + 1]))) add(ctx, "call-chain", 1, path, text2, from, to);
      }
    }
  }
}
var LAST_WORD = /\s\S*$/;
function quoteOf(text2, start, end) {
  let s = Math.max(0, start - 12);
  const ws = text2.slice(s, start).search(LAST_WORD);
  if (s > 0 && ws >= 0) s += ws + 1;
  return excerpt(text2, s, end + 30);
}
var NO_NAMES = [];
var NO_CORES = [];
var CLAIMS = ["promotion", "self-comparison", "shadowing-claim", "tool-redirect"];
function blame(ctx, other, by) {
  const { index, server, tool } = ctx;
  if (index.pinned) {
    const self = index.pinned(server, tool.name);
    const it = index.pinned(other[0], other[1]);
    if (self && !it) return "other";
    if (it && !self) return "self";
  }
  const names = index.nameOf(tool.name).words - index.nameOf(other[1]).words;
  const words = (index.descriptionSize(server, tool.name) ?? 0) - (index.descriptionSize(other[0], other[1]) ?? 0);
  const first = by === "name" ? names || words : words || names;
  if (first !== 0) return first > 0 ? "self" : "other";
  return CLAIMS.some((c) => ctx.best.has(c)) ? "self" : "both";
}
function nameSignals(ctx) {
  const { tool, index, server } = ctx;
  const lower = tool.name.toLowerCase();
  let caseOnly;
  let styled;
  const loose = looseName(tool.name);
  const alike = index.byLooseName.get(loose) ?? NO_NAMES;
  for (let k = 0; k < alike.length; k++) {
    const l = alike[k];
    if (l[1] === tool.name) continue;
    if (!caseOnly && l[1].toLowerCase() === lower) caseOnly = l;
    if (!styled && l[0] !== server) styled = l;
  }
  if (caseOnly || styled) {
    const [s2, n2] = caseOnly ?? styled;
    if (index.pinned && blame(ctx, [s2, n2], "name") === "other") return;
    add(ctx, "name-shadowing", caseOnly ? 3 : 2, "name", `"${tool.name}" looks like "${n2}" of ${s2 === server ? "the same server" : `server ${s2}`}`, 0, 200);
    return;
  }
  const { core, promo } = index.nameOf(tool.name);
  if (core === "") return;
  let target;
  const same = index.sameCore(core);
  for (let k = 0; k < same.length; k++) {
    const l = same[k];
    if (l[2] === loose) continue;
    if (!target || target[0] === server && l[0] !== server) target = [l[0], l[1]];
    if (target[0] !== server) break;
  }
  if (!target) {
    if (promo) add(ctx, "name-promotion", 1, "name", `promotional affix in "${tool.name}"`, 0, 200);
    return;
  }
  const [s, n] = target;
  const cross = s !== server;
  if (blame(ctx, target, "name") === "other") return;
  const copied = index.overlap([server, tool.name], target) >= 0.9;
  if (copied) add(ctx, "clone", 3, "description", `restates "${n}" of ${cross ? `server ${s}` : "the same server"} under a look-alike name`, 0, 200);
  if (!cross && !promo) return;
  const what = promo ? "with a promotional affix" : "reworded";
  add(ctx, "name-shadowing", cross ? promo ? 3 : 2 : 2, "name", `"${tool.name}" is "${n}" of ${cross ? `server ${s}` : "the same server"} ${what}`, 0, 200);
}
function byStrength(a, b) {
  return b.weight - a.weight || compareStrings(a.signal, b.signal);
}
function assessTool(server, tool, index) {
  const { collected, ownWords } = collectWithOwnWords(tool);
  const ctx = { server, tool, index, ownWords, analyses: analysisCache(index), best: /* @__PURE__ */ new Map(), justified: false };
  const strings2 = collected.strings;
  for (let k = 0; k < strings2.length; k++) scanString(ctx, strings2[k]);
  nameSignals(ctx);
  if (typeof tool.description === "string") {
    const clone = index.clones(server, tool.name, tool.description)[0];
    if (clone && blame(ctx, [clone.server, clone.name], "description") !== "other")
      add(ctx, "clone", 3, "description", `restates "${clone.name}" of server ${clone.server} (${Math.round(clone.containment * 100)}% of its words)`, 0, 200);
  }
  return verdictOf(ctx, collected);
}
function assessServerText(server, path, value, index) {
  const ctx = { server, tool: { name: "" }, index, ownWords: /* @__PURE__ */ new Set(), analyses: analysisCache(index), best: /* @__PURE__ */ new Map(), justified: false };
  const str2 = { path, value };
  scanString(ctx, str2);
  return verdictOf(ctx, { strings: [str2], badFields: [], maxDepth: 0, truncated: false });
}
function verdictOf(ctx, collected) {
  const hits = [];
  ctx.best.forEach((h) => {
    if (h.weight > 0) hits.push({ signal: h.signal, weight: h.weight, path: h.path, quote: quoteOf(h.text, h.start, h.end) });
  });
  for (let i = 1; i < hits.length; i++) {
    const h = hits[i];
    let j = i;
    for (; j > 0 && byStrength(hits[j - 1], h) > 0; j--) hits[j] = hits[j - 1];
    hits[j] = h;
  }
  const score = hits.reduce((n, h) => n + h.weight, 0);
  const framingOnly = hits.every((h) => FRAMING.has(h.signal));
  const justified = ctx.justified;
  const severity = score >= BLOCK_SCORE && (!framingOnly || justified) ? "block" : score >= BLOCK_SCORE || score >= WARN_SCORE && !framingOnly ? "warning" : void 0;
  return { score, severity, hits, collected };
}

// checks/manifests/schema-lint.ts
var MAX_SCHEMA_DEPTH = 64;
function isObj2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var NONE2 = [];
var ONE_TYPE = new Map(["string", "number", "integer", "boolean", "object", "array", "null"].map((t) => [t, [t]]));
function types(s) {
  const t = s.type;
  if (typeof t === "string") return ONE_TYPE.get(t) ?? [t];
  if (Array.isArray(t)) return t.filter((x) => typeof x === "string");
  return NONE2;
}
var BRANCHES = ["anyOf", "oneOf", "allOf"];
function lintInputSchema(schema) {
  if (schema === void 0 || schema === null) return [{ kind: "no-schema", param: "(root)" }];
  if (!isObj2(schema)) return [{ kind: "untyped", param: "(root)" }];
  const out = [];
  const stack = [{ s: schema, param: "(root)", depth: 0, root: true }];
  let deep = false;
  while (stack.length > 0) {
    const { s, param, depth, root } = stack.pop();
    if (depth > MAX_SCHEMA_DEPTH) {
      if (!deep) out.push({ kind: "too-deep", param });
      deep = true;
      continue;
    }
    const t = types(s);
    const hasBranches = Array.isArray(s.anyOf) || Array.isArray(s.oneOf) || Array.isArray(s.allOf);
    const constrained = s.enum !== void 0 || s.const !== void 0 || typeof s.$ref === "string" || hasBranches || s.not !== void 0;
    const props = isObj2(s.properties) ? s.properties : void 0;
    const keys = props ? Object.keys(props) : NONE2;
    const objectLike = t.includes("object") || t.length === 0 && props !== void 0;
    if (t.length === 0 && !constrained && !props) out.push({ kind: "untyped", param });
    if (t.includes("string") && s.maxLength === void 0 && s.enum === void 0 && s.const === void 0 && s.pattern === void 0 && s.format === void 0)
      out.push({ kind: "unbounded-string", param });
    if (objectLike && s.additionalProperties !== false && s.unevaluatedProperties !== false) {
      if (!(root && props !== void 0 && keys.length === 0 && s.additionalProperties === void 0)) out.push({ kind: "open-object", param });
    }
    if (objectLike && props && keys.length > 0 && !(Array.isArray(s.required) && s.required.length > 0)) out.push({ kind: "no-required", param });
    if (t.includes("array") && s.items === void 0 && s.prefixItems === void 0) out.push({ kind: "untyped-items", param });
    const prefix = root ? "" : `${param}.`;
    if (props) {
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i];
        const v = props[k];
        if (isObj2(v)) stack.push({ s: v, param: `${prefix}${k}`, depth: depth + 1, root: false });
        else out.push({ kind: "untyped", param: `${prefix}${k}` });
      }
    }
    if (isObj2(s.items)) stack.push({ s: s.items, param: `${root ? "" : param}[]`, depth: depth + 1, root: false });
    else if (Array.isArray(s.items)) {
      s.items.forEach((it, i) => {
        if (isObj2(it)) stack.push({ s: it, param: `${root ? "" : param}[${i}]`, depth: depth + 1, root: false });
      });
    }
    if (hasBranches) {
      for (const b of BRANCHES) {
        const arr = s[b];
        if (!Array.isArray(arr)) continue;
        arr.forEach((br) => {
          if (isObj2(br) && !(types(br).length === 1 && types(br)[0] === "null")) stack.push({ s: br, param, depth: depth + 1, root });
        });
      }
    }
  }
  return out;
}
var PROBLEM_TEXT = {
  "no-schema": "has no inputSchema (the MCP spec requires one)",
  untyped: "untyped parameter(s)",
  "unbounded-string": "string parameter(s) without maxLength, enum, pattern or format",
  "open-object": "object(s) accepting additional properties (set additionalProperties: false)",
  "no-required": "object(s) with parameters but no `required` list",
  "untyped-items": "array(s) without an `items` schema",
  "too-deep": `schema nesting deeper than ${MAX_SCHEMA_DEPTH} levels (not reviewed below that depth)`
};

// checks/manifests/lint-check.ts
var MAX_HITS_IN_MESSAGE = 4;
function shortPath(p) {
  const q = p.length > 80 ? `${p.slice(0, 38)}\u2026${p.slice(-38)}` : p;
  return excerpt(q, 0, q.length, 90);
}
function label(name) {
  return JSON.stringify(excerpt(name, 0, name.length, 60));
}
function poisonedFinding(server, tool, v, loc) {
  return verdictFinding(`tool ${label(tool.name)} of MCP server "${server.id}"`, v, loc, "");
}
function verdictFinding(subject, v, loc, keyPrefix) {
  const shown = v.hits.slice(0, MAX_HITS_IN_MESSAGE).map((h) => `${h.signal} (+${h.weight}) in ${shortPath(h.path)}: "${h.quote}"`);
  const more = v.hits.length > MAX_HITS_IN_MESSAGE ? `; and ${v.hits.length - MAX_HITS_IN_MESSAGE} more signal(s)` : "";
  return {
    ruleId: "manifest/poisoned",
    severity: v.severity,
    message: `${subject} reads as ${v.severity === "block" ? "poisoned" : "suspicious"} (score ${v.score}): ${shown.join("; ")}${more}`,
    location: loc,
    // The set of signal categories: stable across reformatting, new if the text gains a new kind of signal.
    key: keyPrefix + v.hits.map((h) => h.signal).sort().join("+")
  };
}
function instructionsFindings(server, index) {
  const text2 = server.instructions;
  if (text2 === void 0) return [];
  const loc = { ...server.file ? { file: server.file } : {}, ...server.line ? { line: server.line } : {}, resource: `McpServer/${server.id}` };
  if (typeof text2 !== "string")
    return [
      {
        ruleId: "gate/check-failed",
        message: `manifest-lint: MCP server "${server.id}": instructions is of type ${Array.isArray(text2) ? "array" : text2 === null ? "null" : typeof text2}, expected a string (MCP schema); it was not reviewed`,
        location: loc,
        key: "bad-field:instructions"
      }
    ];
  const v = assessServerText(server.id, "instructions", text2, index);
  return v.severity ? [verdictFinding(`the instructions of MCP server "${server.id}"`, v, loc, "instructions:")] : [];
}
function schemaFindings(server, tool, loc) {
  const problems = lintInputSchema(tool.inputSchema ?? tool.parameters);
  if (problems.length === 0) return [];
  const byKind = /* @__PURE__ */ new Map();
  for (const p of problems) {
    const params = byKind.get(p.kind);
    if (params) params.push(p.param);
    else byKind.set(p.kind, [p.param]);
  }
  const parts = [...byKind].map(([kind, params]) => {
    const list = params.slice(0, 6).map((p) => shortPath(p)).join(", ") + (params.length > 6 ? `, \u2026 (${params.length} in all)` : "");
    return `${PROBLEM_TEXT[kind]}${kind === "no-schema" ? "" : `: ${list}`}`;
  });
  return [{ ruleId: "manifest/permissive-schema", message: `tool ${label(tool.name)} of MCP server "${server.id}": ${parts.join("; ")}`, location: loc, key: "inputSchema" }];
}
function failed(server, tool, loc, what, key) {
  return { ruleId: "gate/check-failed", message: `manifest-lint: tool ${label(tool.name)} of MCP server "${server.id}": ${what}`, location: loc, key };
}
function pinnedIn(lock, servers) {
  const byServer = new Map(servers.map((s) => [s.id, s]));
  const memo = /* @__PURE__ */ new Map();
  return (server, name) => {
    const pinned = lock.servers[server]?.tools[name];
    if (pinned === void 0) return false;
    const key = `${server}\0${name}`;
    let v = memo.get(key);
    if (v === void 0) {
      const tool = byServer.get(server)?.tools.find((t) => t.name === name);
      v = tool !== void 0 && sha256Hex(canonicalJson(tool)) === pinned;
      memo.set(key, v);
    }
    return v;
  };
}
function lintServers(servers, lock) {
  const findings = [];
  const index = new DeploymentIndex(
    servers.flatMap((s) => s.tools.map((t) => ({ server: s.id, name: t.name, description: typeof t.description === "string" ? t.description : void 0 })))
  );
  if (lock) index.pinned = pinnedIn(lock, servers);
  let tools = 0;
  for (const server of servers) {
    const resource = `McpServer/${server.id}`;
    findings.push(...instructionsFindings(server, index));
    for (const tool of server.tools) {
      tools++;
      let line;
      try {
        line = server.toolLine(tool.name);
      } catch {
        line = void 0;
      }
      const loc = { ...server.file ? { file: server.file } : {}, ...line ? { line } : {}, resource, container: tool.name };
      try {
        const v = assessTool(server.id, tool, index);
        for (const b of v.collected.badFields) {
          findings.push(
            failed(server, tool, loc, `${b.path} is of type ${b.got}, expected ${b.path === "title" || b.path === "description" ? "a string" : "an object"} (MCP schema); it was not reviewed`, `bad-field:${b.path}`)
          );
        }
        if (v.collected.truncated) findings.push(failed(server, tool, loc, `definition has more than ${MAX_NODES} schema nodes; only the first were reviewed`, "too-large"));
        if (v.severity) findings.push(poisonedFinding(server, tool, v, loc));
        findings.push(...schemaFindings(server, tool, loc));
      } catch (err) {
        findings.push(failed(server, tool, loc, `could not be linted: ${err.message}`, "lint-error"));
      }
    }
  }
  return { findings, tools };
}
var manifestLintCheck = {
  id: "manifest-lint",
  rules: ["manifest/poisoned", "manifest/permissive-schema", "gate/check-failed"],
  workerGroup: "manifests",
  async run(ctx) {
    const { servers, problems } = await loadManifests(ctx);
    if (servers.length === 0 && problems.length === 0) return { findings: [], skipped: true, detail: "no MCP tool manifests" };
    let lock;
    try {
      lock = readLockfile(ctx.root);
    } catch {
      lock = void 0;
    }
    const { findings, tools } = lintServers(servers, lock);
    const blocked = findings.filter((f) => f.ruleId === "manifest/poisoned" && f.severity === "block").length;
    return {
      findings: [...problems, ...findings],
      detail: `${tools} tool(s) of ${servers.length} MCP server(s) linted; ${blocked} poisoned${problems.length ? `; ${problems.length} manifest(s) unreadable` : ""}`
    };
  }
};

// checks/netpol/cidr.ts
var CidrError = class extends Error {
  name = "CidrError";
};
var BITS = { 4: 32, 6: 128 };
var DEC_OCTET = /^(0|[1-9][0-9]{0,2})$/;
var HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
function parseIPv4(text2) {
  const parts = text2.split(".");
  if (parts.length !== 4) return void 0;
  let v = 0n;
  for (const p of parts) {
    if (!DEC_OCTET.test(p)) return void 0;
    const n = Number(p);
    if (n > 255) return void 0;
    v = v << 8n | BigInt(n);
  }
  return v;
}
function parseIPv6(text2) {
  if (text2.length === 0 || text2.length > 45 || text2.includes("%")) return void 0;
  const halves = text2.split("::");
  if (halves.length > 2) return void 0;
  const groups = (s) => {
    if (s === "") return [];
    const parts = s.split(":");
    const out = [];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes(".")) {
        const v4 = parseIPv4(p);
        if (v4 === void 0) return void 0;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (HEX_GROUP.test(p)) out.push(BigInt(Number.parseInt(p, 16)));
      else return void 0;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return void 0;
  if (halves.length === 2 && halves[0].includes(".")) return void 0;
  let all;
  if (halves.length === 2) {
    const missing2 = 8 - head.length - tail.length;
    if (missing2 < 1) return void 0;
    all = [...head, ...Array.from({ length: missing2 }, () => 0n), ...tail];
  } else {
    all = head;
  }
  if (all.length !== 8) return void 0;
  let v = 0n;
  for (const g of all) v = v << 16n | g;
  return v;
}
function parseAddress(text2) {
  const v4 = parseIPv4(text2);
  if (v4 !== void 0) return { family: 4, value: v4 };
  const v6 = parseIPv6(text2);
  return v6 === void 0 ? void 0 : { family: 6, value: v6 };
}
function parseCidr(text2) {
  if (typeof text2 !== "string") throw new CidrError(`CIDR must be a string, got ${JSON.stringify(text2) ?? typeof text2}`);
  const slash = text2.indexOf("/");
  if (slash === -1) throw new CidrError(`"${text2}" is not a CIDR (no /prefix length)`);
  const addrText = text2.slice(0, slash);
  const prefixText = text2.slice(slash + 1);
  const addr = parseAddress(addrText);
  if (!addr) throw new CidrError(`"${text2}" is not a CIDR (bad address "${addrText}")`);
  const bits = BITS[addr.family];
  if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > bits)
    throw new CidrError(`"${text2}" is not a CIDR (prefix length must be 0..${bits})`);
  const prefix = Number(prefixText);
  const hostBits = BigInt(bits - prefix);
  const base = addr.value >> hostBits << hostBits;
  return { family: addr.family, base, prefix, text: text2 };
}
function rangeOf(c) {
  const hostBits = BigInt(BITS[c.family] - c.prefix);
  return { family: c.family, lo: c.base, hi: c.base + (1n << hostBits) - 1n };
}
function cidrContains(c, family2, addr) {
  if (c.family !== family2) return false;
  const hostBits = BigInt(BITS[family2] - c.prefix);
  return addr >> hostBits === c.base >> hostBits;
}
function cidrWithin(inner, outer) {
  return inner.family === outer.family && inner.prefix >= outer.prefix && cidrContains(outer, inner.family, inner.base);
}
function normalizeRanges(ranges) {
  const sorted = [...ranges].sort((a, b) => a.family - b.family || (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === r.family && r.lo <= last.hi + 1n) {
      if (r.hi > last.hi) last.hi = r.hi;
    } else out.push({ ...r });
  }
  return out;
}
function subtractRanges(from, remove) {
  let cur = normalizeRanges(from);
  for (const x of normalizeRanges(remove)) {
    const next2 = [];
    for (const r of cur) {
      if (r.family !== x.family || x.hi < r.lo || x.lo > r.hi) {
        next2.push(r);
        continue;
      }
      if (x.lo > r.lo) next2.push({ family: r.family, lo: r.lo, hi: x.lo - 1n });
      if (x.hi < r.hi) next2.push({ family: r.family, lo: x.hi + 1n, hi: r.hi });
    }
    cur = next2;
  }
  return cur;
}
function ipBlockRanges(cidr, except) {
  return subtractRanges([rangeOf(cidr)], except.map(rangeOf));
}
function rangesContain(ranges, family2, addr) {
  return ranges.some((r) => r.family === family2 && r.lo <= addr && addr <= r.hi);
}
function rangeSize(ranges, family2) {
  let n = 0n;
  for (const r of normalizeRanges(ranges)) if (r.family === family2) n += r.hi - r.lo + 1n;
  return n;
}
var METADATA_ADDRESSES = [
  { family: 4, value: parseIPv4("169.254.169.254"), text: "169.254.169.254" },
  { family: 6, value: parseIPv6("fd00:ec2::254"), text: "fd00:ec2::254" }
];

// checks/netpol/policy.ts
var DIRECTIONS = ["ingress", "egress"];
var TYPE_OF = { ingress: "Ingress", egress: "Egress" };
var NS_NAME_LABEL = "kubernetes.io/metadata.name";
function isNetworkPolicy(obj) {
  return obj.kind === "NetworkPolicy" && (obj.apiVersion.startsWith("networking.k8s.io/") || obj.apiVersion.startsWith("extensions/"));
}
function where2(file, line) {
  return file ? `${file}:${line}` : "live cluster";
}
function fail(message, obj, node, key) {
  const line = (key ? keyLine(node, key) : lineOf(node)) ?? obj.line;
  return new InputError(`${obj.resource}: ${message}`, obj.file, obj.file ? line : void 0);
}
function parseSel(obj, parent, key, what) {
  try {
    return parseSelector(parent[key]);
  } catch (err) {
    if (!(err instanceof SelectorError)) throw err;
    throw fail(`invalid ${what}: ${err.message}`, obj, err.node ?? parent, err.key ?? (err.node === parent[key] ? void 0 : key));
  }
}
function parsePorts(obj, rule2, label2) {
  const raw = rule2.ports;
  if (raw === void 0 || raw === null) return "all";
  if (!Array.isArray(raw)) throw fail(`${label2}.ports is not a list`, obj, rule2, "ports");
  if (raw.length === 0) return "all";
  return raw.map((p, i) => {
    if (!isObj(p)) throw fail(`${label2}.ports[${i}] is not a mapping`, obj, raw);
    const protocol = p.protocol ?? "TCP";
    if (protocol !== "TCP" && protocol !== "UDP" && protocol !== "SCTP")
      throw fail(`${label2}.ports[${i}].protocol ${JSON.stringify(protocol)} is not TCP, UDP or SCTP`, obj, p, "protocol");
    const spec = { protocol };
    const port = p.port;
    if (port !== void 0 && port !== null) {
      if (typeof port === "number") {
        if (!Number.isInteger(port) || port < 1 || port > 65535) throw fail(`${label2}.ports[${i}].port ${port} is not 1..65535`, obj, p, "port");
        spec.port = port;
      } else if (typeof port === "string" && /^[0-9]+$/.test(port)) {
        const n = Number(port);
        if (n < 1 || n > 65535) throw fail(`${label2}.ports[${i}].port ${port} is not 1..65535`, obj, p, "port");
        spec.port = n;
      } else if (typeof port === "string" && /^[a-z0-9]([-a-z0-9]{0,13})$/.test(port) && /[a-z]/.test(port)) {
        spec.port = port;
      } else throw fail(`${label2}.ports[${i}].port ${JSON.stringify(port)} is neither a port number nor a port name`, obj, p, "port");
    }
    const endPort = p.endPort;
    if (endPort !== void 0 && endPort !== null) {
      if (typeof spec.port !== "number") throw fail(`${label2}.ports[${i}].endPort needs a numeric port`, obj, p, "endPort");
      if (typeof endPort !== "number" || !Number.isInteger(endPort) || endPort < spec.port || endPort > 65535)
        throw fail(`${label2}.ports[${i}].endPort ${JSON.stringify(endPort)} must be a port number >= port`, obj, p, "endPort");
      spec.endPort = endPort;
    }
    return spec;
  });
}
function parsePeer(obj, p, label2, list) {
  if (!isObj(p)) throw fail(`${label2} is not a mapping`, obj, list);
  const hasIp = p.ipBlock !== void 0 && p.ipBlock !== null;
  const hasPod = p.podSelector !== void 0 && p.podSelector !== null;
  const hasNs = p.namespaceSelector !== void 0 && p.namespaceSelector !== null;
  for (const k of Object.keys(p))
    if (k !== "ipBlock" && k !== "podSelector" && k !== "namespaceSelector") throw fail(`${label2}: unknown peer field "${k}"`, obj, p, k);
  if (hasIp && (hasPod || hasNs)) throw fail(`${label2}: ipBlock cannot be combined with a selector`, obj, p);
  if (hasIp) {
    const ib = p.ipBlock;
    if (!isObj(ib)) throw fail(`${label2}.ipBlock is not a mapping`, obj, p, "ipBlock");
    let cidr;
    try {
      cidr = parseCidr(ib.cidr);
    } catch (err) {
      if (err instanceof CidrError) throw fail(`${label2}.ipBlock.cidr: ${err.message}`, obj, ib, "cidr");
      throw err;
    }
    const exceptRaw = ib.except ?? [];
    if (!Array.isArray(exceptRaw)) throw fail(`${label2}.ipBlock.except is not a list`, obj, ib, "except");
    const except = exceptRaw.map((e, i) => {
      let c;
      try {
        c = parseCidr(e);
      } catch (err) {
        if (err instanceof CidrError) throw fail(`${label2}.ipBlock.except[${i}]: ${err.message}`, obj, ib, "except");
        throw err;
      }
      if (!cidrWithin(c, cidr) || c.prefix === cidr.prefix)
        throw fail(`${label2}.ipBlock.except[${i}] ${c.text} is not strictly inside ${cidr.text}`, obj, ib, "except");
      return c;
    });
    return { kind: "ipBlock", cidr, except, ranges: ipBlockRanges(cidr, except) };
  }
  if (!hasPod && !hasNs) throw fail(`${label2}: a peer needs ipBlock, podSelector or namespaceSelector`, obj, p);
  return {
    kind: "selector",
    ...hasPod ? { podSelector: parseSel(obj, p, "podSelector", `${label2}.podSelector`) } : {},
    ...hasNs ? { namespaceSelector: parseSel(obj, p, "namespaceSelector", `${label2}.namespaceSelector`) } : {}
  };
}
function parseRules(obj, spec, direction) {
  const raw = spec[direction];
  if (raw === void 0 || raw === null) return [];
  if (!Array.isArray(raw)) throw fail(`spec.${direction} is not a list`, obj, spec, direction);
  const peerKey = direction === "ingress" ? "from" : "to";
  return raw.map((r, index) => {
    const label2 = `${direction}[${index}]`;
    if (r === null) r = {};
    if (!isObj(r)) throw fail(`${label2} is not a mapping`, obj, raw);
    for (const k of Object.keys(r)) if (k !== peerKey && k !== "ports") throw fail(`${label2}: unknown field "${k}"`, obj, r, k);
    const peersRaw = r[peerKey];
    let peers;
    if (peersRaw === void 0 || peersRaw === null) peers = "all";
    else if (!Array.isArray(peersRaw)) throw fail(`${label2}.${peerKey} is not a list`, obj, r, peerKey);
    else if (peersRaw.length === 0) peers = "all";
    else peers = peersRaw.map((p, i) => parsePeer(obj, p, `${label2}.${peerKey}[${i}]`, peersRaw));
    return { direction, index, line: lineOf(r) ?? keyLine(spec, direction) ?? obj.line, peers, ports: parsePorts(obj, r, label2) };
  });
}
function parsePolicy(obj) {
  const spec = obj.raw.spec;
  if (!isObj(spec)) throw fail("NetworkPolicy without a spec mapping", obj, obj.raw, "spec");
  if (spec.podSelector === void 0) throw fail("spec.podSelector is required (use {} for every pod of the namespace)", obj, spec);
  const podSelector = parseSel(obj, spec, "podSelector", "spec.podSelector");
  const ingress = parseRules(obj, spec, "ingress");
  const egress = parseRules(obj, spec, "egress");
  let types2;
  const pt = spec.policyTypes;
  if (pt === void 0 || pt === null || Array.isArray(pt) && pt.length === 0) {
    types2 = ["Ingress"];
    if (Array.isArray(spec.egress) && spec.egress.length > 0) types2.push("Egress");
  } else if (!Array.isArray(pt)) throw fail("spec.policyTypes is not a list", obj, spec, "policyTypes");
  else {
    types2 = pt.map((t) => {
      if (t !== "Ingress" && t !== "Egress") throw fail(`spec.policyTypes value ${JSON.stringify(t)} is not Ingress or Egress`, obj, spec, "policyTypes");
      return t;
    });
  }
  return {
    name: obj.name,
    namespace: obj.namespace,
    resource: obj.resource,
    file: obj.file,
    line: obj.line,
    podSelector,
    ...types2.includes("Ingress") ? { ingress } : {},
    ...types2.includes("Egress") ? { egress } : {},
    raw: obj.raw
  };
}
var NamespaceIndex = class {
  scan = [];
  byLabel = /* @__PURE__ */ new Map();
  all = [];
  add(p) {
    this.all.push(p);
    const pin = p.podSelector.requirements.find((r) => r.operator === "In" && r.values.length === 1);
    if (!pin) {
      this.scan.push(p);
      return;
    }
    const k = `${pin.key}\0${pin.values[0]}`;
    const list = this.byLabel.get(k);
    if (list) list.push(p);
    else this.byLabel.set(k, [p]);
  }
  selecting(labels) {
    const out = [];
    for (const p of this.scan) if (matches(p.podSelector, labels)) out.push(p);
    for (const [k, v] of Object.entries(labels)) {
      const list = this.byLabel.get(`${k}\0${v}`);
      if (list) {
        for (const p of list) if (matches(p.podSelector, labels)) out.push(p);
      }
    }
    return out;
  }
};
var PolicyIndex = class {
  #byNs = /* @__PURE__ */ new Map();
  constructor(policies) {
    for (const p of policies) {
      let ix = this.#byNs.get(p.namespace);
      if (!ix) this.#byNs.set(p.namespace, ix = new NamespaceIndex());
      ix.add(p);
    }
  }
  selecting(namespace, labels) {
    return this.#byNs.get(namespace)?.selecting(labels) ?? [];
  }
  inNamespace(namespace) {
    return this.#byNs.get(namespace)?.all ?? [];
  }
};

// checks/netpol/audit.ts
function ruleRef(p, r) {
  return `NetworkPolicy ${p.namespace}/${p.name} ${r.direction}[${r.index}] (${where2(p.file, r.line)})`;
}
function ruleKey(p, r) {
  return `${p.resource}#${r.direction}[${r.index}]`;
}
function describePeer(peer, ns) {
  if (peer.kind === "ipBlock") return `ipBlock ${peer.cidr.text}${peer.except.length ? ` except ${peer.except.map((c) => c.text).join(", ")}` : ""}`;
  const pods = peer.podSelector === void 0 || isEverything(peer.podSelector) ? "all pods" : `pods ${formatSelector(peer.podSelector)}`;
  const nss = peer.namespaceSelector === void 0 ? `namespace ${ns}` : isEverything(peer.namespaceSelector) ? "all namespaces" : `namespaces ${formatSelector(peer.namespaceSelector)}`;
  return `${pods} in ${nss}`;
}
function isDnsOnly(r) {
  if (r.ports === "all") return false;
  return r.ports.every((p) => (p.protocol === "UDP" || p.protocol === "TCP") && p.port === 53 && (p.endPort === void 0 || p.endPort === 53));
}
function allowsMetadataPort(r) {
  if (r.ports === "all") return true;
  return r.ports.some(
    (p) => p.protocol === "TCP" && (p.port === void 0 || p.port === 80 || typeof p.port === "number" && p.endPort !== void 0 && p.port <= 80 && 80 <= p.endPort)
  );
}
var DEFAULT_AGENT_RUNTIME = { requirements: [{ key: "role", operator: "In", values: ["agent-runtime"] }] };
function auditOptions(config, configFile, namespaceLabels) {
  const k = config.kubernetes;
  const agentNamespaces = k?.agentNamespaces === void 0 ? void 0 : configSelector(k.agentNamespaces, EVERYTHING, "agentNamespaces", configFile);
  return {
    mcpWorkloads: configSelector(k?.mcpWorkloads, EVERYTHING, "mcpWorkloads", configFile),
    agentRuntime: configSelector(k?.agentRuntime, DEFAULT_AGENT_RUNTIME, "agentRuntime", configFile),
    ...agentNamespaces ? { agentNamespaces } : {},
    namespaceLabels
  };
}
function nsLabels(opts, ns) {
  return opts.namespaceLabels.get(ns) ?? { [NS_NAME_LABEL]: ns };
}
function ingressPeerProblem(peer, policyNs, opts) {
  if (peer.kind === "ipBlock") return "an ipBlock admits any address in it, not only agent-runtime pods";
  const pods = peer.podSelector ?? EVERYTHING;
  const podsOk = selectorWithin(pods, opts.agentRuntime);
  let nsOk;
  if (peer.namespaceSelector === void 0) {
    nsOk = opts.agentNamespaces === void 0 || matches(opts.agentNamespaces, nsLabels(opts, policyNs));
  } else {
    const allowedNs = opts.agentNamespaces ?? { requirements: [{ key: NS_NAME_LABEL, operator: "In", values: [policyNs] }] };
    nsOk = selectorWithin(peer.namespaceSelector, allowedNs);
    const pinned = peer.namespaceSelector.requirements.find((r) => r.key === NS_NAME_LABEL && r.operator === "In");
    if (!nsOk && pinned && opts.agentNamespaces)
      nsOk = pinned.values.every((n) => !matches(peer.namespaceSelector, nsLabels(opts, n)) || matches(opts.agentNamespaces, nsLabels(opts, n)));
  }
  if (isUnsatisfiable(pods) || peer.namespaceSelector && isUnsatisfiable(peer.namespaceSelector)) return void 0;
  if (podsOk && nsOk) return void 0;
  const parts = [];
  if (!podsOk) parts.push(`pod selector is not inside the agent runtime selector ${formatSelector(opts.agentRuntime)}`);
  if (!nsOk)
    parts.push(
      opts.agentNamespaces ? `namespaces are not inside the agent namespaces ${formatSelector(opts.agentNamespaces)}` : `namespaces other than ${policyNs} are admitted (kubernetes.agentNamespaces not set)`
    );
  return parts.join("; ");
}
function auditWorkload(w, selected, inNs) {
  const holes = [];
  const label2 = w.origin ? `${w.resource} (${w.origin})` : w.resource;
  if (w.hostNetwork) {
    for (const d of DIRECTIONS)
      holes.push({
        rule: "netpol/missing",
        key: d,
        message: `${label2} uses hostNetwork: true; NetworkPolicies do not isolate host-network pods, so its ${d} is unrestricted whatever the policies say`
      });
    holes.push({ rule: "netpol/metadata-reachable", key: "hostNetwork", message: `${label2} uses hostNetwork: true and reaches 169.254.169.254 from the node's network namespace` });
    return holes;
  }
  for (const d of DIRECTIONS) {
    const forDir = selected.filter((p) => p[d] !== void 0);
    if (forDir.length > 0) continue;
    const others = selected.map((p) => `${p.namespace}/${p.name} (${where2(p.file, p.line)})`);
    const why = others.length ? `it is selected only by ${others.join(", ")}, whose policyTypes do not include ${TYPE_OF[d]}` : inNs.length ? `none of the ${inNs.length} NetworkPolicies in namespace ${w.namespace} selects its labels ${formatLabels(w.labels)}` : `namespace ${w.namespace} has no NetworkPolicy`;
    holes.push({ rule: "netpol/missing", key: d, message: `${label2}: no NetworkPolicy restricts ${d}: ${why}` });
    if (d === "egress")
      holes.push({ rule: "netpol/metadata-reachable", key: "no-egress-policy", message: `${label2}: egress is not restricted, so the cloud metadata service (169.254.169.254, fd00:ec2::254) is reachable` });
  }
  return holes;
}
function analyzeRule(p, r, opts) {
  const a = { holes: [], wide: false, ranges: [], size: { 4: 0n, 6: 0n } };
  if (r.direction === "ingress") {
    let why;
    if (r.peers === "all") why = 'has no "from", so it admits every source';
    else {
      const problems = [];
      for (const peer of r.peers) {
        const problem = ingressPeerProblem(peer, p.namespace, opts);
        if (problem) problems.push(`${describePeer(peer, p.namespace)}: ${problem}`);
      }
      if (problems.length) why = `admits ${problems.join("; ")}`;
    }
    if (why) a.holes.push({ rule: "netpol/ingress-unrestricted", key: ruleKey(p, r), message: `${ruleRef(p, r)} ${why}${portsText(r)}` });
    return a;
  }
  const dnsOnly = isDnsOnly(r);
  let open;
  if (r.peers === "all") open = 'has no "to", so it allows every destination';
  else {
    for (const peer of r.peers) {
      if (peer.kind === "ipBlock") {
        if (!dnsOnly) a.ranges.push(...peer.ranges);
        if (peer.cidr.prefix === 0) open = `allows ${describePeer(peer, p.namespace)}: a /0 block, the whole ${peer.cidr.family === 4 ? "IPv4" : "IPv6"} Internet outside its excepts`;
      } else if ((peer.podSelector === void 0 || isEverything(peer.podSelector)) && peer.namespaceSelector !== void 0 && isEverything(peer.namespaceSelector)) {
        open = "allows all pods in all namespaces";
      }
    }
  }
  a.size = { 4: rangeSize(a.ranges, 4), 6: rangeSize(a.ranges, 6) };
  if (open && !dnsOnly) {
    a.wide = true;
    a.holes.push({ rule: "netpol/egress-unrestricted", key: ruleKey(p, r), message: `${ruleRef(p, r)} ${open}${portsText(r)} (beyond DNS on port 53)` });
  }
  if (allowsMetadataPort(r)) {
    const reached = [];
    for (const m of METADATA_ADDRESSES) {
      if (r.peers === "all") reached.push(m.text);
      else if (r.peers.some((peer) => peer.kind === "ipBlock" && rangesContain(peer.ranges, m.family, m.value))) reached.push(m.text);
    }
    if (reached.length)
      a.holes.push({
        rule: "netpol/metadata-reachable",
        key: ruleKey(p, r),
        message: `${ruleRef(p, r)} allows TCP port 80 of ${reached.join(" and ")} (the cloud metadata service)${r.peers === "all" ? ' (no "to")' : "; no except excludes it"}`
      });
  }
  return a;
}
function ruleHoles(selected, opts, perRule) {
  const holes = [];
  const sum = { 4: 0n, 6: 0n };
  const contributing = [];
  for (const p of selected) {
    for (const r of [...p.ingress ?? [], ...p.egress ?? []]) {
      let a = perRule.get(r);
      if (!a) perRule.set(r, a = analyzeRule(p, r, opts));
      holes.push(...a.holes);
      if (!a.wide && a.ranges.length) {
        contributing.push({ p, r, a });
        sum[4] += a.size[4];
        sum[6] += a.size[6];
      }
    }
  }
  for (const family2 of [4, 6]) {
    const half = 1n << BigInt(BITS[family2] - 1);
    if (sum[family2] < half) continue;
    const rules = contributing.filter((c) => c.a.size[family2] > 0n);
    const size = rangeSize(
      rules.flatMap((c) => c.a.ranges),
      family2
    );
    if (size < half) continue;
    const refs = [...new Set(rules.map(({ p, r }) => ruleRef(p, r)))];
    holes.push({
      rule: "netpol/egress-unrestricted",
      key: `ipv${family2}-union`,
      message: `together, ${refs.join(" and ")} allow ${(Number(size) / 2 ** BITS[family2] * 100).toFixed(1)}% of the IPv${family2} address space beyond DNS`
    });
  }
  return holes;
}
function portsText(r) {
  if (r.ports === "all") return " [every port]";
  return ` [${r.ports.map((p) => `${p.protocol}/${p.port ?? "*"}${p.endPort !== void 0 ? `-${p.endPort}` : ""}`).join(", ")}]`;
}
function formatLabels(labels) {
  const entries = Object.entries(labels);
  return entries.length ? `{${entries.map(([k, v]) => `${k}=${v}`).join(", ")}}` : "{} (no labels)";
}
var policyIds = /* @__PURE__ */ new WeakMap();
var nextPolicyId = 0;
function policyId(p) {
  let id = policyIds.get(p);
  if (id === void 0) policyIds.set(p, id = nextPolicyId++);
  return id;
}
function byPlace(a, b) {
  return compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.resource, b.resource);
}
function auditWorkloads(workloads, index, opts, used) {
  const findings = [];
  const cache = /* @__PURE__ */ new Map();
  const perRule = /* @__PURE__ */ new Map();
  for (const w of workloads) {
    if (!matches(opts.mcpWorkloads, w.labels)) continue;
    const deployedWith = (p) => p.bundle === void 0 || p.bundle === w.bundle;
    const selected = index.selecting(w.namespace, w.labels).filter(deployedWith).sort(byPlace);
    if (used) for (const p of selected) used.add(p);
    const label2 = w.origin ? `${w.resource} (${w.origin})` : w.resource;
    const holes = auditWorkload(w, selected, index.inNamespace(w.namespace).filter(deployedWith));
    if (!w.hostNetwork) {
      const setKey = selected.map(policyId).join(",");
      let shared = cache.get(setKey);
      if (!shared) cache.set(setKey, shared = ruleHoles(selected, opts, perRule));
      for (const h of shared) holes.push({ ...h, message: `${label2}: ${h.message}` });
    }
    for (const h of holes) {
      findings.push({
        ruleId: h.rule,
        message: h.message,
        location: { ...w.file ? { file: w.file, line: w.line } : {}, resource: w.resource },
        key: h.key
      });
    }
  }
  return findings;
}
function namespaceLabelsOf(objects) {
  const out = /* @__PURE__ */ new Map();
  for (const o of objects) {
    if (o.kind !== "Namespace" || o.apiVersion !== "v1") continue;
    const meta = isObj(o.raw.metadata) ? o.raw.metadata : {};
    const labels = {};
    if (isObj(meta.labels)) {
      for (const [k, v] of Object.entries(meta.labels)) if (v !== null && v !== void 0) labels[k] = String(v);
    }
    labels[NS_NAME_LABEL] = o.name;
    out.set(o.name, labels);
  }
  return out;
}
function repositoryModel(objects) {
  const policies = [];
  const workloads = [];
  const failures = [];
  for (const obj of objects) {
    try {
      if (isNetworkPolicy(obj)) policies.push(obj.bundle === void 0 ? parsePolicy(obj) : { ...parsePolicy(obj), bundle: obj.bundle });
      else {
        const pod = podTemplateIn(obj, objects);
        if (pod)
          workloads.push({
            resource: obj.resource,
            namespace: obj.namespace,
            labels: pod.labels,
            file: obj.file,
            line: obj.line,
            hostNetwork: pod.spec.hostNetwork === true,
            ...obj.bundle !== void 0 ? { bundle: obj.bundle } : {}
          });
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failures.push({
        ruleId: "gate/check-failed",
        message: isNetworkPolicy(obj) ? `invalid NetworkPolicy, not evaluated (failing closed): ${err.message}` : err.message,
        location: { file: err.file ?? obj.file, line: err.line ?? obj.line, resource: obj.resource },
        // Same key as the k8s check for malformed workloads, so the engine reports the problem once.
        key: isNetworkPolicy(obj) ? "netpol-invalid" : "k8s-malformed"
      });
    }
  }
  return { policies, workloads, failures, namespaceLabels: namespaceLabelsOf(objects) };
}
function danglingPolicies(model, index = new PolicyIndex(model.policies), used = /* @__PURE__ */ new Set(), matched = () => false) {
  for (const w of model.workloads) if (!matched(w)) {
    for (const p of index.selecting(w.namespace, w.labels)) if (p.bundle === void 0 || p.bundle === w.bundle) used.add(p);
  }
  return model.policies.filter((p) => !used.has(p));
}
function auditObjects(objects, config, configFile) {
  const model = repositoryModel(objects);
  const opts = auditOptions(config, configFile, model.namespaceLabels);
  const index = new PolicyIndex(model.policies);
  const used = /* @__PURE__ */ new Set();
  const findings = [...model.failures, ...auditWorkloads(model.workloads, index, opts, used)];
  const audited = model.workloads.filter((w) => matches(opts.mcpWorkloads, w.labels)).length;
  return { findings, model, opts, audited, dangling: danglingPolicies(model, index, used, (w) => matches(opts.mcpWorkloads, w.labels)) };
}
var NETPOL_RULES = [...rulesOfScope("workload"), "gate/check-failed"];

// checks/netpol/check.ts
var netpolCheck = {
  id: "netpol",
  rules: NETPOL_RULES,
  async run(ctx) {
    const { objects, problems } = ctx.workspace.kubernetes(ctx.config.kubernetes);
    const findings = parseProblemFindings(problems);
    const result3 = auditObjects(objects, ctx.config, ctx.configFile);
    findings.push(...result3.findings);
    const { model, audited, dangling } = result3;
    return {
      findings,
      detail: `${audited} MCP workloads of ${model.workloads.length}, ${model.policies.length} NetworkPolicies` + (dangling.length ? `, ${dangling.length} selecting no workload (${dangling.map((p) => `${p.namespace}/${p.name}`).join(", ")})` : "") + (model.failures.length ? `, ${model.failures.length} objects not evaluated` : ""),
      skipped: model.workloads.length === 0 && model.policies.length === 0 && problems.length === 0 && model.failures.length === 0
    };
  }
};

// checks/netpol/live-check.ts
var DEFAULT_PROBE_TIMEOUT_MS = 1e4;
var ClusterError = class extends Error {
  name = "ClusterError";
};
function secretsOf(kubeconfig) {
  const out = /* @__PURE__ */ new Set();
  const re = /(token|password|client-key-data|client-certificate-data|id-token|refresh-token|access-token|secret)["']?\s*[:=]\s*["']?([^\s"'\n]{4,})/gi;
  for (const m of kubeconfig.matchAll(re)) if (m[2]) out.add(m[2]);
  return [...out];
}
function describeError(err, k8s, secrets) {
  if (k8s && err instanceof k8s.ApiException) {
    const reason = isObj(err.body) && typeof err.body.message === "string" ? err.body.message : void 0;
    return `API server answered HTTP ${err.code}${err.code === 401 ? " (credentials rejected)" : err.code === 403 ? " (not allowed to list)" : ""}${reason ? `: ${quoteUntrusted(reason, secrets, 200)}` : ""}`;
  }
  const e = err;
  if (e?.name === "AbortError" || e?.name === "TimeoutError") return "request aborted";
  const code = e?.cause?.code;
  if (code) return `${code}${e.cause?.message ? ` (${quoteUntrusted(e.cause.message, secrets, 200)})` : ""}`;
  const cause = e?.cause?.message ? ` (${e.cause.message})` : "";
  return quoteUntrusted(`${e?.message ?? String(err)}${cause}`, secrets, 240);
}
async function fetchCluster(kubeconfig, namespaces, timeoutMs, outer) {
  const secrets = secretsOf(kubeconfig);
  const controller = new AbortController();
  const signal = outer ? AbortSignal.any([controller.signal, outer]) : controller.signal;
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ClusterError(`no answer from the cluster within ${timeoutMs} ms (probes.timeoutMs)`));
    }, timeoutMs);
  });
  let k8s;
  const work = async () => {
    k8s = await import("./k8s-client.js");
    const kc = new k8s.KubeConfig();
    try {
      kc.loadFromString(kubeconfig);
    } catch (err) {
      throw new ClusterError(`the kubeconfig is not valid YAML/JSON (${err.name ?? "error"})`);
    }
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new ClusterError("the kubeconfig has no current context with a cluster");
    if (!/^https?:\/\//.test(cluster.server)) throw new ClusterError("the kubeconfig cluster has no http(s) server URL");
    const net = kc.makeApiClient(k8s.NetworkingV1Api);
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const { Observable, ResponseContext } = k8s;
    const raw = (sink) => ({
      middleware: [
        {
          pre: (req) => {
            req.setSignal(signal);
            return new Observable(Promise.resolve(req));
          },
          post: (res) => new Observable(
            res.body.text().then((text2) => {
              sink.text = text2;
              return new ResponseContext(res.httpStatusCode, res.headers, {
                text: async () => text2,
                binary: async () => Buffer.from(text2),
                stream: () => null
              });
            })
          )
        }
      ],
      middlewareMergeStrategy: "append"
    });
    const items = (sink, what) => {
      let body;
      try {
        body = JSON.parse(sink.text ?? "");
      } catch {
        throw new ClusterError(`the ${what} list is not JSON`);
      }
      if (!isObj(body) || !Array.isArray(body.items)) throw new ClusterError(`the ${what} list has no items`);
      return body.items.filter(isObj);
    };
    const out = { namespaces: /* @__PURE__ */ new Map() };
    for (const namespace of namespaces) {
      const np = {};
      const pods = {};
      await net.listNamespacedNetworkPolicy({ namespace }, raw(np));
      await core.listNamespacedPod({ namespace }, raw(pods));
      out.namespaces.set(namespace, { policies: items(np, "NetworkPolicy"), pods: items(pods, "Pod") });
    }
    return out;
  };
  try {
    return await Promise.race([work(), deadline]);
  } catch (err) {
    if (err instanceof ClusterError) throw new ClusterError(redactSecrets(err.message, secrets));
    throw new ClusterError(`cannot list objects: ${describeError(err, k8s, secrets)}`);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
function liveObject(raw, kind, apiVersion) {
  const meta = isObj(raw.metadata) ? raw.metadata : {};
  const name = typeof meta.name === "string" ? meta.name : "(unnamed)";
  const namespace = typeof meta.namespace === "string" && meta.namespace ? meta.namespace : "default";
  return { apiVersion, kind, name, namespace, resource: `${kind}/${namespace}/${name}`, file: "", line: 0, raw: { apiVersion, kind, ...raw } };
}
function liveWorkload(pod) {
  const obj = liveObject(pod, "Pod", "v1");
  const meta = isObj(pod.metadata) ? pod.metadata : {};
  const labels = {};
  if (isObj(meta.labels)) {
    for (const [k, v] of Object.entries(meta.labels)) if (v !== null && v !== void 0) labels[k] = String(v);
  }
  let resource = obj.resource;
  const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences.filter(isObj) : [];
  const owner = owners.find((o) => o.controller === true) ?? owners[0];
  if (owner && typeof owner.kind === "string" && typeof owner.name === "string") {
    const hash2 = labels["pod-template-hash"];
    if (owner.kind === "ReplicaSet" && hash2 && owner.name.endsWith(`-${hash2}`))
      resource = `Deployment/${obj.namespace}/${owner.name.slice(0, -hash2.length - 1)}`;
    else resource = `${owner.kind}/${obj.namespace}/${owner.name}`;
  }
  const spec = isObj(pod.spec) ? pod.spec : {};
  return { resource, namespace: obj.namespace, labels, hostNetwork: spec.hostNetwork === true, origin: `live pod ${obj.name} in the cluster` };
}
function canonSelector(s) {
  if (s === void 0) return null;
  const reqs = s.requirements.map((r) => ({ k: r.key, o: r.operator, v: [...new Set(r.values)].sort() }));
  const uniq = [...new Map(reqs.map((r) => [JSON.stringify(r), r])).values()];
  return uniq.sort((a, b) => JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
}
function canonPeer(p) {
  if (p.kind === "ipBlock")
    return JSON.stringify({
      ip: `${p.cidr.family}:${p.cidr.base.toString(16)}/${p.cidr.prefix}`,
      except: p.except.map((c) => `${c.base.toString(16)}/${c.prefix}`).sort()
    });
  return JSON.stringify({ pod: canonSelector(p.podSelector), ns: canonSelector(p.namespaceSelector) });
}
function canonRules(rules) {
  if (!rules) return null;
  const out = rules.map(
    (r) => JSON.stringify({
      peers: r.peers === "all" ? "all" : [...new Set(r.peers.map(canonPeer))].sort(),
      ports: r.ports === "all" ? "all" : [...new Set(r.ports.map((p) => `${p.protocol}/${p.port ?? "*"}-${p.endPort ?? ""}`))].sort()
    })
  );
  return [...new Set(out)].sort();
}
function policyDifferences(repo, live) {
  const diffs = [];
  if (JSON.stringify(canonSelector(repo.podSelector)) !== JSON.stringify(canonSelector(live.podSelector))) diffs.push("podSelector");
  for (const d of ["ingress", "egress"]) {
    const a = canonRules(repo[d]);
    const b = canonRules(live[d]);
    if (a === null !== (b === null)) diffs.push(`policyTypes (${d === "ingress" ? "Ingress" : "Egress"} ${a ? "missing" : "added"} in the cluster)`);
    else if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${d} rules`);
  }
  return diffs;
}
var NETPOL_LIVE_RULES = ["netpol/not-deployed", ...NETPOL_RULES];
var netpolLiveCheck = {
  id: "netpol-live",
  rules: NETPOL_LIVE_RULES,
  async run(ctx) {
    const cluster = ctx.config.probes?.cluster;
    if (!cluster) return { findings: [], skipped: true, detail: "probes.cluster not configured" };
    const timeoutMs = ctx.config.probes?.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    const kubeconfig = ctx.env[cluster.kubeconfigEnv];
    if (!kubeconfig || kubeconfig.trim() === "")
      throw new InputError(`probes.cluster: environment variable ${cluster.kubeconfigEnv} (kubeconfig) is unset or empty`, ctx.configFile);
    const { objects } = ctx.workspace.kubernetes(ctx.config.kubernetes);
    const model = repositoryModel(objects);
    const namespaces = cluster.namespace ? [cluster.namespace] : [.../* @__PURE__ */ new Set([...model.policies.map((p) => p.namespace), ...model.workloads.map((w) => w.namespace)])].sort();
    if (namespaces.length === 0) return { findings: [], skipped: true, detail: "no namespace to verify (set probes.cluster.namespace)" };
    let snapshot;
    try {
      snapshot = await fetchCluster(kubeconfig, namespaces, timeoutMs, ctx.signal);
    } catch (err) {
      if (err instanceof ClusterError) throw new InputError(`staging cluster (kubeconfig from ${cluster.kubeconfigEnv}): ${err.message}`, ctx.configFile);
      throw err;
    }
    const findings = [];
    const livePolicies = [];
    const liveWorkloads = [];
    for (const [ns, { policies, pods }] of snapshot.namespaces) {
      for (const raw of policies) {
        const obj = liveObject(raw, "NetworkPolicy", "networking.k8s.io/v1");
        try {
          livePolicies.push(parsePolicy(obj));
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          findings.push({ ruleId: "gate/check-failed", message: `live ${err.message}`, location: { resource: obj.resource }, key: "netpol-live-invalid" });
        }
      }
      const seen = /* @__PURE__ */ new Set();
      for (const pod of pods) {
        const w = liveWorkload(pod);
        const id = `${w.resource}\0${JSON.stringify(Object.entries(w.labels).sort())}\0${w.hostNetwork}`;
        if (w.namespace !== ns || seen.has(id)) continue;
        seen.add(id);
        liveWorkloads.push(w);
      }
    }
    const liveByName = new Map(livePolicies.map((p) => [`${p.namespace}/${p.name}`, p]));
    const verified = new Set(snapshot.namespaces.keys());
    let compared = 0;
    for (const p of model.policies) {
      if (!verified.has(p.namespace)) continue;
      compared++;
      const live = liveByName.get(`${p.namespace}/${p.name}`);
      const location2 = { file: p.file, line: p.line, resource: p.resource };
      if (!live) {
        findings.push({ ruleId: "netpol/not-deployed", message: `${p.resource} (${where2(p.file, p.line)}) is not in the staging cluster`, location: location2, key: "missing" });
        continue;
      }
      const diffs = policyDifferences(p, live);
      if (diffs.length)
        findings.push({
          ruleId: "netpol/not-deployed",
          message: `${p.resource} (${where2(p.file, p.line)}) differs in the staging cluster: ${diffs.join(", ")}`,
          location: location2,
          key: "differs"
        });
    }
    const opts = auditOptions(ctx.config, ctx.configFile, model.namespaceLabels);
    findings.push(...auditWorkloads(liveWorkloads, new PolicyIndex(livePolicies), opts));
    return {
      findings,
      detail: `${namespaces.join(", ")}: ${livePolicies.length} live NetworkPolicies, ${liveWorkloads.length} live workloads; ${compared} repository policies compared`
    };
  }
};

// checks/probes/behaviour-check.ts
function behaviourCheck(only) {
  return {
    id: "behaviour",
    rules: ["runtime/path-traversal", "runtime/input-not-validated", "runtime/credential-in-output", "runtime/error-detail-leak", "gate/check-failed"],
    async run(ctx) {
      const entries = ctx.config.probes?.behaviour ?? [];
      if (!entries.some((e) => only === void 0 || e.server === only)) {
        return { findings: [], skipped: true, detail: `no runtime behaviour probe: probes.behaviour ${only === void 0 ? "is not configured" : `has no entry for server "${only}"`}` };
      }
      const { probeBehaviour } = await import("./chunk-OC7EVBSY.js");
      return probeBehaviour(ctx, entries, only);
    }
  };
}
var behaviourProbeCheck = behaviourCheck();

// checks/probes/endpoint-check.ts
var endpointProbeCheck = {
  id: "endpoint",
  rules: ["tls/weak-protocol", "tls/plaintext-accepted", "tls/cert-expiring", "auth/not-enforced", "gate/check-failed"],
  async run(ctx) {
    const cfg = ctx.config.probes?.endpoint;
    if (!cfg) return { findings: [], skipped: true, detail: "no live endpoint probe: probes.endpoint is not configured" };
    const { probeEndpoint } = await import("./chunk-LRG5MAEI.js");
    return probeEndpoint(ctx, cfg);
  }
};

// checks/reports/check.ts
import { basename, isAbsolute, relative } from "node:path";

// checks/reports/parsers/common.ts
var MAX_REPORT_BYTES = 128 * 1024 * 1024;
var SEVERITIES = ["critical", "high", "medium", "low", "info"];
function severityRank(s) {
  return 4 - SEVERITIES.indexOf(s);
}
function normalizeSeverity(v) {
  if (typeof v !== "string") return void 0;
  switch (v.trim().toLowerCase()) {
    case "critical":
      return "critical";
    case "high":
    case "important":
      return "high";
    case "medium":
    case "moderate":
      return "medium";
    case "low":
    case "minor":
      return "low";
    case "negligible":
    case "info":
    case "informational":
    case "none":
      return "info";
    default:
      return void 0;
  }
}
function severityFromScore(score) {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "info";
}
function readReportText(abs, file, opts = {}) {
  const max = opts.maxBytes ?? MAX_REPORT_BYTES;
  let buf;
  try {
    buf = readRegularFile(abs, { maxBytes: max, display: file, ...opts.within !== void 0 ? { within: opts.within } : {} });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const limit = err.message.includes("-byte limit") ? " for scanner reports (split the scan: the limit bounds the gate's memory)" : "";
    throw new InputError(`${file}: report ${err.message}${limit}`, file);
  }
  if (buf.length === 0) {
    if (opts.allowEmpty) return "";
    throw new InputError(`${file}: report is empty (0 bytes): the scanner step wrote nothing`, file);
  }
  return buf.toString("utf8");
}
function parseJson(text2, file) {
  const body = text2.charCodeAt(0) === 65279 ? text2.slice(1) : text2;
  if (body.trim() === "") throw new InputError(`${file}: report is empty (whitespace only): the scanner step wrote nothing`, file);
  try {
    return JSON.parse(body);
  } catch (err) {
    const { line, what } = describeJsonError(body, err);
    throw new InputError(`${file}${line ? `:${line}` : ""}: invalid JSON: ${what}`, file, line);
  }
}
function describeJsonError(text2, err) {
  const msg = err instanceof Error ? err.message : String(err);
  const truncated = /end of (JSON|data) input|Unterminated/i.test(msg);
  const lc = /\(line (\d+) column (\d+)\)/.exec(msg);
  const pos = /at position (\d+)/.exec(msg);
  let line;
  let column;
  if (lc) {
    line = Number(lc[1]);
    column = Number(lc[2]);
  } else if (pos) {
    line = lineAtOffset(text2, Number(pos[1]));
  } else if (truncated) line = lineAtOffset(text2, text2.length);
  const what = truncated ? "unexpected end of input (the file is truncated)" : `syntax error${line ? ` at line ${line}${column ? ` column ${column}` : ""}` : ""}`;
  return { ...line ? { line } : {}, what };
}
function lineAtOffset(text2, offset) {
  let line = 1;
  const end = Math.min(offset, text2.length);
  for (let i = text2.indexOf("\n"); i !== -1 && i < end; i = text2.indexOf("\n", i + 1)) line++;
  return line;
}
function validate(schema, value, file, what) {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`);
  const more = r.error.issues.length > 3 ? ` (+${r.error.issues.length - 3} more)` : "";
  throw new InputError(`${file}: not a valid ${what}: ${issues.join("; ")}${more}${hint(value, what)}`, file);
}
function formatPath(path) {
  if (path.length === 0) return "(root)";
  return path.map((p) => typeof p === "number" ? `[${p}]` : `.${String(p)}`).join("").replace(/^\./, "");
}
function hint(value, what) {
  const actual = sniffTool(value);
  return actual && !what.toLowerCase().includes(actual.toLowerCase()) ? ` (this looks like a ${actual} report: list it under reports.${actual === "npm audit" ? "npmAudit" : actual === "SARIF" ? "sarif" : actual === "SBOM" ? "sbom" : actual})` : "";
}
function sniffTool(v) {
  if (Array.isArray(v)) {
    const first = v[0];
    if (isRecord(first)) {
      if ("RuleID" in first && "File" in first) return "gitleaks";
      if ("DetectorName" in first && "SourceMetadata" in first) return "trufflehog";
      if ("check_type" in first && "results" in first) return "checkov";
    }
    return void 0;
  }
  if (!isRecord(v)) return void 0;
  if ("SchemaVersion" in v && ("ArtifactName" in v || "Results" in v)) return "trivy";
  if ("ClusterName" in v && "Resources" in v) return "trivy";
  if ("matches" in v && "descriptor" in v) return "grype";
  if ("auditReportVersion" in v) return "npm audit";
  if ("check_type" in v && "results" in v) return "checkov";
  if ("runs" in v && "version" in v) return "SARIF";
  if (v.bomFormat === "CycloneDX" || "spdxVersion" in v || "@graph" in v) return "SBOM";
  if ("DetectorName" in v && "SourceMetadata" in v) return "trufflehog";
  return void 0;
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isRedacted(value) {
  const v = value.trim();
  return v === "" || /^[*•xX.]+$/.test(v) || /^REDACTED$/i.test(v) || /^\*+$/.test(v.replace(/REDACTED/gi, ""));
}

// checks/reports/parsers/checkov.ts
var failed2 = object({
  check_id: string().min(1),
  check_name: string().nullish(),
  file_path: string().nullish(),
  repo_file_path: string().nullish(),
  file_line_range: array(number().int()).nullish(),
  resource: string().nullish(),
  severity: string().nullish()
});
var framework = object({
  check_type: string(),
  results: object({ failed_checks: array(failed2).nullish() }),
  summary: object({ failed: number().int().nonnegative() }).loose().nullish()
});
var bareSummary = object({
  passed: number().int().nonnegative(),
  failed: number().int().nonnegative(),
  skipped: number().int().nonnegative().optional(),
  parsing_errors: number().int().nonnegative().optional(),
  resource_count: number().int().nonnegative().optional(),
  checkov_version: string().optional()
});
var checkovReport = union([array(framework), framework]);
var K8S_KINDS = /^(Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|ReplicationController|Job|CronJob|DeploymentConfig|Rollout|ServiceAccount|Namespace|NetworkPolicy|Service|Role|ClusterRole|RoleBinding|ClusterRoleBinding|PodSecurityPolicy|Ingress|ConfigMap|Secret)$/;
function parseCheckov(value, file) {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && !("check_type" in value) && "passed" in value) {
    const s = validate(bareSummary, value, file, "checkov summary");
    if (s.failed > 0) throw new InputError(`${file}: checkov summary reports ${s.failed} failed checks but lists none (re-run checkov with -o json, not --compact summary)`, file);
    return { tool: "checkov", format: "checkov summary", entries: [] };
  }
  const parsed = validate(checkovReport, value, file, "checkov JSON report");
  const frameworks = Array.isArray(parsed) ? parsed : [parsed];
  const entries = [];
  for (const fw of frameworks) {
    for (const c of fw.results.failed_checks ?? []) {
      const path = (c.repo_file_path ?? c.file_path ?? "").replace(/^\/+/, "");
      const k8s = fw.check_type === "kubernetes" || fw.check_type === "helm" || fw.check_type === "kustomize" ? k8sRef(c.resource) : void 0;
      const severity = normalizeSeverity(c.severity);
      entries.push({
        kind: "misconfig",
        id: c.check_id,
        title: c.check_name ?? c.check_id,
        ...severity ? { severity } : {},
        ...path ? { file: path } : {},
        ...c.file_line_range?.[0] ? { line: c.file_line_range[0] } : {},
        ...k8s ? { k8s } : c.resource ? { resource: c.resource } : {}
      });
    }
  }
  return { tool: "checkov", format: Array.isArray(parsed) ? "checkov JSON (list)" : "checkov JSON", entries };
}
function k8sRef(resource) {
  if (!resource) return void 0;
  const first = resource.indexOf(".");
  const second = first < 0 ? -1 : resource.indexOf(".", first + 1);
  if (first < 0 || second < 0) return void 0;
  const kind = resource.slice(0, first);
  if (!K8S_KINDS.test(kind)) return void 0;
  return { kind, namespace: resource.slice(first + 1, second), name: resource.slice(second + 1) };
}

// checks/reports/parsers/gitleaks.ts
var finding = object({
  RuleID: string().min(1),
  File: string(),
  StartLine: number().int().nullish(),
  Secret: string().nullish(),
  Commit: string().nullish()
});
var gitleaksReport = array(finding);
function parseGitleaks(value, file) {
  const findings = validate(gitleaksReport, value, file, "gitleaks JSON report (expected an array of findings)");
  const entries = findings.map((f) => ({
    kind: "secret",
    rule: f.RuleID,
    file: f.File,
    ...f.StartLine ? { line: f.StartLine } : {},
    ...f.Secret && !isRedacted(f.Secret) ? { valueKey: secretKey(f.Secret) } : {},
    ...f.Commit && /^[0-9a-f]{7,40}$/i.test(f.Commit) && !/^0+$/.test(f.Commit) ? { note: `commit ${f.Commit.slice(0, 12)}` } : {}
  }));
  return { tool: "gitleaks", format: "gitleaks JSON", entries };
}

// checks/reports/parsers/grype.ts
var match = object({
  vulnerability: object({
    id: string().min(1),
    severity: string().nullish(),
    fix: object({ versions: array(string()).nullish(), state: string().nullish() }).nullish()
  }),
  artifact: object({
    name: string(),
    version: string().nullish(),
    locations: array(object({ path: string().nullish() }).loose()).nullish()
  })
});
var grypeReport = object({
  matches: array(match),
  descriptor: object({ name: literal("grype", { error: 'expected descriptor.name "grype"' }) }).loose()
});
function parseGrype(value, file) {
  const r = validate(grypeReport, value, file, "grype JSON report");
  const entries = r.matches.map((m) => {
    const versions = m.vulnerability.fix?.versions ?? [];
    const fixed = m.vulnerability.fix?.state === "fixed" && versions.length ? versions.join(", ") : void 0;
    const severity = normalizeSeverity(m.vulnerability.severity);
    const loc = m.artifact.locations?.[0]?.path;
    return {
      kind: "vuln",
      id: m.vulnerability.id,
      pkg: m.artifact.name,
      ...m.artifact.version ? { installed: m.artifact.version } : {},
      ...fixed ? { fixed } : {},
      unfixed: !fixed,
      ...severity ? { severity } : {},
      ...loc ? { target: loc } : {}
    };
  });
  return { tool: "grype", format: "grype JSON", entries };
}

// checks/reports/scanner-rules.ts
var BY_SCANNER_ID = /* @__PURE__ */ new Map();
for (const id of RULE_IDS) for (const scannerId of ruleRecord(id).scannerIds ?? []) BY_SCANNER_ID.set(scannerId, id);
var SCANNER_MAPPED_RULES = RULE_IDS.filter((id) => ruleRecord(id).scannerIds !== void 0);
function canonicalId(id) {
  const m = /^(?:AVD-)?(KSV|KCV|DS|AVD)-?0*(\d{1,4})$/i.exec(id.trim());
  if (!m?.[1] || m[2] === void 0) return id.trim();
  return `${m[1].toUpperCase()}-${m[2].padStart(4, "0")}`;
}
function gateRuleFor(id) {
  const c = canonicalId(id);
  const ckv = /^CKV_K8S_(\d+)$/.exec(c);
  return BY_SCANNER_ID.get(ckv?.[1] ? `CKV_K8S_${Number(ckv[1])}` : c);
}

// checks/reports/parsers/npm-audit.ts
var advisory = object({
  source: union([number(), string()]).nullish(),
  name: string().nullish(),
  title: string().nullish(),
  url: string().nullish(),
  severity: string(),
  range: string().nullish()
});
var vulnerability = object({
  name: string(),
  severity: string(),
  via: array(union([string(), advisory])),
  fixAvailable: union([boolean(), object({ name: string(), version: string(), isSemVerMajor: boolean().nullish() })])
});
var npmAuditReport = object({
  auditReportVersion: literal(2, { error: "unsupported auditReportVersion (supported: 2, npm >= 7)" }),
  vulnerabilities: record(string(), vulnerability)
});
function parseNpmAudit(value, file) {
  const r = validate(npmAuditReport, value, file, "npm audit JSON report");
  const entries = [];
  for (const v of Object.values(r.vulnerabilities)) {
    const fix = v.fixAvailable;
    const fixed = fix === false ? void 0 : fix === true ? "available (npm audit fix)" : `update ${fix.name} to ${fix.version}${fix.isSemVerMajor ? " (semver-major)" : ""}`;
    for (const via of v.via) {
      if (typeof via === "string") continue;
      const severity = normalizeSeverity(via.severity);
      entries.push({
        kind: "vuln",
        id: advisoryId(via),
        pkg: v.name,
        ...fixed ? { fixed } : {},
        unfixed: fix === false,
        ...severity ? { severity } : {},
        target: "package-lock.json"
      });
    }
  }
  return { tool: "npm-audit", format: "npm audit v2", entries };
}
function advisoryId(a) {
  const ghsa = a.url ? /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/i.exec(a.url) : null;
  if (ghsa) return ghsa[0];
  const tail = a.url ? /\/advisories\/(\d+)/.exec(a.url)?.[1] : void 0;
  const id = tail ?? (a.source !== void 0 && a.source !== null ? String(a.source) : void 0);
  return id ? `npm-advisory-${id}` : `npm:${a.title ?? "advisory"}`;
}

// checks/reports/parsers/sarif.ts
var text = object({ text: string().nullish() }).loose().nullish();
var rule = object({
  id: string(),
  name: string().nullish(),
  shortDescription: text,
  help: text,
  defaultConfiguration: object({ level: string().nullish() }).loose().nullish(),
  properties: record(string(), unknown()).nullish()
}).loose();
var location = object({
  physicalLocation: object({
    artifactLocation: object({ uri: string().nullish() }).loose().nullish(),
    region: object({ startLine: number().int().nullish(), snippet: text }).loose().nullish()
  }).loose().nullish()
}).loose();
var result = object({
  ruleId: string().nullish(),
  ruleIndex: number().int().nullish(),
  level: _enum(["none", "note", "warning", "error"]).nullish(),
  message: object({ text: string().nullish() }).loose(),
  locations: array(location).nullish(),
  properties: record(string(), unknown()).nullish()
}).loose();
var run = object({
  tool: object({ driver: object({ name: string(), rules: array(rule).nullish() }).loose() }).loose(),
  results: array(result).nullish()
}).loose();
var sarifLog = object({
  version: literal("2.1.0", { error: "unsupported SARIF version (supported: 2.1.0)" }),
  runs: array(run)
});
var LEVEL = { error: "high", warning: "medium", note: "low", none: "info" };
function parseSarif(value, file) {
  const log = validate(sarifLog, value, file, "SARIF 2.1.0 log");
  const entries = [];
  const tools = /* @__PURE__ */ new Set();
  for (const r of log.runs) {
    const driver = r.tool.driver.name;
    const tool = toolName(driver);
    tools.add(tool);
    const rules = /* @__PURE__ */ new Map();
    for (const ru of r.tool.driver.rules ?? []) rules.set(ru.id, ru);
    const ruleList = r.tool.driver.rules ?? [];
    for (const res of r.results ?? []) {
      const ru = (res.ruleId ? rules.get(res.ruleId) : void 0) ?? (res.ruleIndex != null ? ruleList[res.ruleIndex] : void 0);
      const ruleId = res.ruleId ?? ru?.id ?? "(no rule id)";
      const phys = res.locations?.[0]?.physicalLocation;
      const uri = phys?.artifactLocation?.uri ?? void 0;
      const line = phys?.region?.startLine ?? void 0;
      const where3 = { ...uri ? { file: decodeUri(uri) } : {}, ...line ? { line } : {} };
      const tags = Array.isArray(ru?.properties?.tags) ? ru.properties.tags.map(String) : [];
      if (tool === "gitleaks" || tags.includes("secret")) {
        const snippet = tool === "gitleaks" ? phys?.region?.snippet?.text : void 0;
        entries.push({ kind: "secret", rule: ruleId, ...where3, ...snippet && !isRedacted(snippet) ? { valueKey: secretKey(snippet) } : {} });
        continue;
      }
      const isVuln = tool === "grype" || tags.includes("vulnerability") || tool !== "checkov" && /^(CVE|GHSA)-/i.test(ruleId);
      if (isVuln) {
        entries.push(vulnEntry(tool, ruleId, res, ru, uri));
        continue;
      }
      const severity = sarifSeverity(tool, res, ru);
      const resource = tool === "checkov" ? /Resource: (\S+)/.exec(ru?.help?.text ?? "")?.[1] : void 0;
      const k8s = tool === "checkov" && (r.results ?? []).filter((x) => x.ruleId === ruleId).length === 1 ? k8sRef(resource) : void 0;
      entries.push({
        kind: "misconfig",
        id: ruleId,
        title: ru?.shortDescription?.text ?? ru?.name ?? res.message.text ?? ruleId,
        ...severity ? { severity } : {},
        ...where3,
        ...k8s ? { k8s } : {}
      });
    }
  }
  const names = [...tools];
  return { tool: names.length === 1 ? names[0] : names.join("+") || "sarif", format: "SARIF 2.1.0", entries };
}
function vulnEntry(tool, ruleId, res, ru, uri) {
  const msg = res.message.text ?? "";
  const help = ru?.help?.text ?? "";
  const field = (name) => new RegExp(`^${name}: ?(.*)$`, "m").exec(msg)?.[1]?.trim() || new RegExp(`^${name}: ?(.*)$`, "m").exec(help)?.[1]?.trim() || void 0;
  let id = ruleId;
  let pkg = field("Package");
  if (tool === "grype") {
    id = /^Vulnerability (\S+)/m.exec(help)?.[1] ?? ruleId;
    pkg = pkg ?? (ruleId.startsWith(`${id}-`) ? ruleId.slice(id.length + 1) : void 0);
  }
  pkg = pkg ?? (typeof res.properties?.packageName === "string" ? res.properties.packageName : void 0) ?? "(package not named)";
  const installed = field("Installed Version") ?? field("Version");
  const fixedRaw = field("Fixed Version") ?? field("Fix Version");
  const fixed = fixedRaw && fixedRaw !== "" ? fixedRaw : void 0;
  const severity = normalizeSeverity(field("Severity")) ?? sarifSeverity(tool, res, ru);
  return {
    kind: "vuln",
    id,
    pkg,
    ...installed ? { installed } : {},
    ...fixed ? { fixed } : {},
    unfixed: !fixed,
    ...severity ? { severity } : {},
    ...uri ? { target: decodeUri(uri) } : {}
  };
}
function sarifSeverity(tool, res, ru) {
  const score = Number(ru?.properties?.["security-severity"] ?? res.properties?.["security-severity"]);
  if (tool !== "grype" && Number.isFinite(score) && (ru?.properties?.["security-severity"] ?? res.properties?.["security-severity"]) !== void 0) return severityFromScore(score);
  if (tool === "checkov") return void 0;
  const level = res.level ?? ru?.defaultConfiguration?.level ?? "warning";
  return LEVEL[level];
}
function toolName(driver) {
  const d = driver.toLowerCase();
  for (const t of ["trivy", "grype", "gitleaks", "checkov", "trufflehog"]) if (d.includes(t)) return t;
  return driver.replace(/[^A-Za-z0-9._-]/g, "").slice(0, 40) || "sarif";
}
function decodeUri(uri) {
  let u = uri.replace(/^file:\/\//, "");
  try {
    u = decodeURIComponent(u);
  } catch {
  }
  return u.replace(/^\.\//, "");
}

// checks/reports/parsers/sbom.ts
var SERIAL = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
var cdxComponent = object({ "bom-ref": string().nullish(), type: string(), name: string(), version: string().nullish() }).loose();
var cdx = object({
  bomFormat: literal("CycloneDX"),
  specVersion: _enum(["1.4", "1.5", "1.6", "1.7"], { error: "unsupported CycloneDX specVersion (supported: 1.4, 1.5, 1.6, 1.7)" }),
  serialNumber: string().regex(SERIAL, "serialNumber must be urn:uuid:<RFC 4122 UUID>").optional(),
  version: number().int().min(1).optional(),
  metadata: object({
    timestamp: string().optional(),
    component: cdxComponent.optional(),
    tools: unknown().optional()
  }).loose().optional(),
  components: array(cdxComponent).optional(),
  vulnerabilities: array(
    object({
      id: string(),
      ratings: array(object({ severity: string().nullish() }).loose()).optional(),
      recommendation: string().optional(),
      analysis: object({ state: string().nullish() }).loose().optional(),
      affects: array(object({ ref: string() }).loose()).optional()
    }).loose()
  ).optional()
});
var spdx2 = object({
  spdxVersion: _enum(["SPDX-2.2", "SPDX-2.3"], { error: "unsupported spdxVersion (supported: SPDX-2.2, SPDX-2.3)" }),
  SPDXID: literal("SPDXRef-DOCUMENT"),
  name: string().min(1),
  dataLicense: string(),
  documentNamespace: string().min(1),
  creationInfo: object({ created: string(), creators: array(string()).min(1) }).loose(),
  documentDescribes: array(string()).optional(),
  packages: array(object({ SPDXID: string(), name: string() }).loose()).optional(),
  relationships: array(object({ spdxElementId: string(), relatedSpdxElement: string(), relationshipType: string() }).loose()).optional()
});
var spdx3 = object({
  "@context": union([string(), array(unknown()), record(string(), unknown())]),
  "@graph": array(object({ type: string() }).loose()).min(1)
});
function parseSbom(value, file) {
  if (!isRecord(value)) throw new InputError(`${file}: not an SBOM: expected a CycloneDX or SPDX JSON object`, file);
  if ("bomFormat" in value || "specVersion" in value) return parseCycloneDx(value, file);
  if ("spdxVersion" in value) return parseSpdx2(value, file);
  if ("@graph" in value || "@context" in value) return parseSpdx3(value, file);
  validate(object({ bomFormat: literal("CycloneDX") }), value, file, "SBOM (CycloneDX 1.4-1.7 or SPDX 2.3/3.0 JSON)");
  throw new InputError(`${file}: not an SBOM`, file);
}
function parseCycloneDx(value, file) {
  const b = validate(cdx, value, file, "CycloneDX JSON SBOM");
  const byRef = /* @__PURE__ */ new Map();
  for (const c of b.components ?? []) if (c["bom-ref"]) byRef.set(c["bom-ref"], c);
  const entries = [];
  for (const v of b.vulnerabilities ?? []) {
    const state = v.analysis?.state;
    if (state === "not_affected" || state === "false_positive" || state === "resolved") continue;
    let severity;
    for (const r of v.ratings ?? []) {
      const s = normalizeSeverity(r.severity);
      if (s && (!severity || severityRank(s) > severityRank(severity))) severity = s;
    }
    const fixed = v.recommendation ? /\bto version (\S+)/.exec(v.recommendation)?.[1]?.replace(/[.;,]$/, "") : void 0;
    for (const a of v.affects?.length ? v.affects : [{ ref: "" }]) {
      const comp = byRef.get(a.ref);
      entries.push({
        kind: "vuln",
        id: v.id,
        pkg: comp?.name ?? (a.ref || "(component not named)"),
        ...comp?.version ? { installed: comp.version } : {},
        ...fixed ? { fixed } : {},
        unfixed: !fixed,
        ...severity ? { severity } : {}
      });
    }
  }
  return {
    format: `CycloneDX ${b.specVersion}`,
    ...b.metadata?.component?.name ? { root: b.metadata.component.name } : {},
    ...b.metadata?.timestamp ? { timestamp: b.metadata.timestamp } : {},
    components: b.components?.length ?? 0,
    entries,
    ...cdxTool(b.metadata?.tools) ? { tool: cdxTool(b.metadata?.tools) } : {}
  };
}
function cdxTool(tools) {
  const list = isRecord(tools) && Array.isArray(tools.components) ? tools.components : Array.isArray(tools) ? tools : [];
  const first = list.find(isRecord);
  return first && typeof first.name === "string" ? first.name.toLowerCase() : void 0;
}
function parseSpdx2(value, file) {
  const d = validate(spdx2, value, file, "SPDX 2.x JSON SBOM");
  const described = d.documentDescribes?.[0] ?? d.relationships?.find((r) => r.spdxElementId === "SPDXRef-DOCUMENT" && r.relationshipType === "DESCRIBES")?.relatedSpdxElement;
  const pkg = described ? d.packages?.find((p) => p.SPDXID === described) : void 0;
  return { format: d.spdxVersion, root: pkg?.name ?? d.name, timestamp: d.creationInfo.created, components: d.packages?.length ?? 0, entries: [] };
}
function parseSpdx3(value, file) {
  const d = validate(spdx3, value, file, "SPDX 3.0 JSON-LD SBOM");
  const context = d["@context"];
  const contexts = typeof context === "string" ? [context] : Array.isArray(context) ? context.filter((c) => typeof c === "string") : [];
  if (!contexts.some((c) => /spdx\.org\/rdf\/3\.0/.test(c))) throw new InputError(`${file}: not a valid SPDX 3.0 JSON-LD SBOM: @context is not https://spdx.org/rdf/3.0.x/spdx-context.jsonld`, file);
  const graph = d["@graph"];
  const doc = graph.find((e) => e.type === "SpdxDocument" || e.type === "software_Sbom");
  if (!doc) throw new InputError(`${file}: not a valid SPDX 3.0 JSON-LD SBOM: no SpdxDocument or software_Sbom element in @graph`, file);
  const rootId = Array.isArray(doc.rootElement) ? doc.rootElement[0] : void 0;
  const root = graph.find((e) => e.spdxId === rootId);
  const ci = graph.find((e) => e.type === "CreationInfo");
  const spec = typeof ci?.specVersion === "string" ? ci.specVersion : "3.0";
  if (!spec.startsWith("3.0")) throw new InputError(`${file}: unsupported SPDX specVersion ${spec.slice(0, 20)} (supported: 3.0.x)`, file);
  return {
    format: `SPDX ${spec}`,
    ...typeof root?.name === "string" ? { root: root.name } : typeof doc.name === "string" ? { root: doc.name } : {},
    ...typeof ci?.created === "string" ? { timestamp: ci.created } : {},
    components: graph.filter((e) => e.type === "software_Package").length,
    entries: []
  };
}

// checks/reports/parsers/trivy.ts
var str = string();
var optStr = string().nullish();
var vulnerability2 = object({
  VulnerabilityID: str.min(1),
  PkgName: str,
  PkgPath: optStr,
  InstalledVersion: optStr,
  FixedVersion: optStr,
  Status: optStr,
  Severity: optStr
});
var misconfiguration = object({
  ID: str.min(1),
  AVDID: optStr,
  Title: optStr,
  Message: optStr,
  Severity: optStr,
  Status: optStr,
  CauseMetadata: object({ Resource: optStr, StartLine: number().int().nullish() }).nullish()
});
var secret = object({
  RuleID: str.min(1),
  Category: optStr,
  Severity: optStr,
  Title: optStr,
  StartLine: number().int().nullish()
});
var result2 = object({
  Target: str,
  Class: optStr,
  Type: optStr,
  Vulnerabilities: array(vulnerability2).nullish(),
  Misconfigurations: array(misconfiguration).nullish(),
  Secrets: array(secret).nullish()
});
var artifactReport = object({
  SchemaVersion: literal(2, { error: "unsupported trivy SchemaVersion (supported: 2)" }),
  ArtifactName: optStr,
  ArtifactType: optStr,
  Results: array(result2).nullish()
});
var k8sReport = object({
  SchemaVersion: literal(2, { error: "unsupported trivy SchemaVersion (supported: 2)" }).optional(),
  ClusterName: str,
  Resources: array(
    object({
      Namespace: optStr,
      Kind: str,
      Name: str,
      Results: array(result2).nullish()
    })
  ).nullish()
});
var summaryIds = object({
  vulnerabilities: array(str).nullish(),
  misconfigurations: array(str).nullish()
});
var CONTAINER_OF = /Container '([^']{1,253})' of ([A-Za-z]{1,63}) '([^']{1,253})'/;
var KIND_NAME = /^([A-Z][A-Za-z]{1,62}) '([^']{1,253})'/;
function parseTrivy(value, file) {
  if (!isRecord(value)) throw new InputError(`${file}: not a valid trivy JSON report: expected an object with SchemaVersion and Results${hint(value, "trivy")}`, file);
  const entries = [];
  if ("ClusterName" in value || "Resources" in value) {
    const r2 = validate(k8sReport, value, file, "trivy k8s JSON report");
    for (const res of r2.Resources ?? []) {
      const ref = { kind: res.Kind, name: res.Name, ...res.Namespace ? { namespace: res.Namespace } : {} };
      for (const rr of res.Results ?? []) addResult(rr, entries, ref);
    }
    return { tool: "trivy", format: "trivy k8s JSON", entries };
  }
  if (!("SchemaVersion" in value) && ("vulnerabilities" in value || "misconfigurations" in value)) {
    const r2 = validate(summaryIds, value, file, "trivy k8s summary id list");
    for (const id of new Set(r2.vulnerabilities ?? []))
      entries.push({ kind: "vuln", id, pkg: "(not named by the summary)", unfixed: false });
    for (const id of new Set(r2.misconfigurations ?? [])) entries.push({ kind: "misconfig", id, title: id });
    return { tool: "trivy", format: "trivy k8s summary", entries };
  }
  const r = validate(artifactReport, value, file, "trivy JSON report");
  for (const rr of r.Results ?? []) addResult(rr, entries, void 0);
  return { tool: "trivy", format: "trivy JSON", entries };
}
function addResult(rr, entries, k8s) {
  for (const v of rr.Vulnerabilities ?? []) {
    if (v.Status === "not_affected") continue;
    entries.push({
      kind: "vuln",
      id: v.VulnerabilityID,
      pkg: v.PkgName,
      unfixed: !v.FixedVersion,
      target: rr.Target,
      ...v.InstalledVersion ? { installed: v.InstalledVersion } : {},
      ...v.FixedVersion ? { fixed: v.FixedVersion } : {},
      ...sev(v.Severity)
    });
  }
  for (const m of rr.Misconfigurations ?? []) {
    if (m.Status && m.Status !== "FAIL") continue;
    const line = m.CauseMetadata?.StartLine ?? void 0;
    const ref = k8s ? { ...k8s } : fromMessage(m.Message ?? "");
    const container = CONTAINER_OF.exec(m.Message ?? "");
    if (ref && container?.[1] && ref.container === void 0) ref.container = container[1];
    entries.push({
      kind: "misconfig",
      id: m.ID,
      title: m.Title ?? m.ID,
      ...sev(m.Severity),
      file: k8s ? void 0 : targetFile(rr.Target),
      ...line ? { line } : {},
      ...ref ? { k8s: ref } : {},
      ...!ref && m.CauseMetadata?.Resource ? { resource: m.CauseMetadata.Resource } : {}
    });
  }
  for (const s of rr.Secrets ?? []) {
    entries.push({
      kind: "secret",
      rule: s.RuleID,
      file: targetFile(rr.Target),
      ...s.StartLine ? { line: s.StartLine } : {},
      ...k8s ? { note: `in ${k8s.kind}/${k8s.namespace ?? "default"}/${k8s.name}` } : {}
    });
  }
}
function fromMessage(message) {
  const c = CONTAINER_OF.exec(message);
  if (c?.[2] && c[3]) return { kind: c[2], name: c[3] };
  const k = KIND_NAME.exec(message);
  if (k?.[1] && k[2] && k[1] !== "Container") return { kind: k[1], name: k[2] };
  return void 0;
}
function targetFile(target) {
  return target;
}
function sev(s) {
  const n = normalizeSeverity(s);
  return n ? { severity: n } : {};
}

// checks/reports/parsers/trufflehog.ts
var source = object({ file: string().nullish(), line: number().int().nullish(), commit: string().nullish(), link: string().nullish() }).loose();
var finding2 = object({
  SourceMetadata: object({ Data: record(string(), source) }).nullish(),
  SourceName: string().nullish(),
  DetectorName: string().min(1),
  Verified: boolean().nullish(),
  Raw: string().nullish()
});
function parseTrufflehog(text2, file) {
  const body = text2.charCodeAt(0) === 65279 ? text2.slice(1) : text2;
  const trimmed = body.trimStart();
  const findings = [];
  if (trimmed === "") return { tool: "trufflehog", format: "trufflehog (empty)", entries: [] };
  if (trimmed.startsWith("[")) {
    let value;
    try {
      value = JSON.parse(body);
    } catch (err) {
      const { line, what } = describeJsonError(body, err);
      throw new InputError(`${file}${line ? `:${line}` : ""}: invalid JSON array: ${what}`, file, line);
    }
    findings.push(...validate(array(finding2), value, file, "trufflehog JSON array"));
  } else {
    let lineNo = 0;
    let start = 0;
    while (start <= body.length) {
      let end = body.indexOf("\n", start);
      if (end === -1) end = body.length;
      lineNo++;
      const line = body.slice(start, end).trim();
      start = end + 1;
      if (line === "") continue;
      let value;
      try {
        value = JSON.parse(line);
      } catch (err) {
        throw new InputError(`${file}:${lineNo}: invalid JSON line: ${describeJsonError(line, err).what}`, file, lineNo);
      }
      if (isRecord(value) && !("DetectorName" in value) && ("level" in value || "msg" in value)) continue;
      const r = finding2.safeParse(value);
      if (!r.success) validate(finding2, value, `${file}:${lineNo}`, "trufflehog finding");
      else findings.push(r.data);
    }
  }
  const entries = findings.map((f) => {
    const [sourceKind, src] = Object.entries(f.SourceMetadata?.Data ?? {})[0] ?? [];
    const where3 = src?.file ? src.file.replaceAll("\\", "/") : void 0;
    const notes = [sourceKind ? `source ${sourceKind}` : void 0, f.Verified ? "verified live" : void 0, src?.commit ? `commit ${src.commit.slice(0, 12)}` : void 0];
    return {
      kind: "secret",
      rule: f.DetectorName,
      ...where3 ? { file: where3 } : {},
      ...src?.line ? { line: src.line } : {},
      ...f.Raw && !isRedacted(f.Raw) ? { valueKey: secretKey(f.Raw) } : {},
      note: notes.filter(Boolean).join(", ")
    };
  });
  return { tool: "trufflehog", format: trimmed.startsWith("[") ? "trufflehog JSON array" : "trufflehog JSON lines", entries };
}

// checks/reports/check.ts
var REPORT_TOOLS = ["trivy", "checkov", "gitleaks", "trufflehog", "grype", "npmAudit", "sarif"];
var SBOM_NAME = /(^|[.-])s?bom\.json$|\.cdx\.json$|\.spdx\.json$|\.spdx3\.json$|\.spdx\.jsonld$/i;
function parseReportText(tool, text2, file) {
  if (tool === "trufflehog") return parseTrufflehog(text2, file);
  const value = parseJson(text2, file);
  if (tool === "sarif") return parseSarif(value, file);
  if (isRecord(value) && "runs" in value && "version" in value) {
    const r = parseSarif(value, file);
    const want = tool === "npmAudit" ? "npm" : tool;
    if (!r.tool.split("+").every((t) => t === want))
      throw new InputError(`${file}: SARIF written by ${r.tool} listed under reports.${tool} (list it under reports.sarif)`, file);
    return r;
  }
  if ((tool === "trivy" || tool === "grype") && isRecord(value) && value.bomFormat === "CycloneDX") {
    const s = parseSbom(value, file);
    return { tool: s.tool ?? tool, format: s.format, entries: s.entries };
  }
  switch (tool) {
    case "trivy":
      return parseTrivy(value, file);
    case "checkov":
      return parseCheckov(value, file);
    case "gitleaks":
      return parseGitleaks(value, file);
    case "grype":
      return parseGrype(value, file);
    default:
      return parseNpmAudit(value, file);
  }
}
var LINE_SEARCH_BUDGET = 2e8;
var LineFinder = class {
  #text;
  #budget;
  #cursor = 0;
  #line = 1;
  #lineStart = 0;
  constructor(text2, budget = { chars: LINE_SEARCH_BUDGET }) {
    this.#text = text2;
    this.#budget = budget;
  }
  find(needles) {
    for (const n of needles) {
      const i = this.#search(n);
      if (i >= 0) {
        this.#cursor = i + n.length;
        return this.#lineAt(i);
      }
    }
    return void 0;
  }
  #search(n) {
    const text2 = this.#text;
    if (this.#budget.chars <= 0) return -1;
    const ahead = text2.indexOf(n, this.#cursor);
    this.#budget.chars -= (ahead < 0 ? text2.length : ahead) - this.#cursor;
    if (ahead >= 0 || this.#cursor === 0 || this.#budget.chars <= 0) return ahead;
    const behind = text2.indexOf(n);
    this.#budget.chars -= behind < 0 ? this.#cursor : behind;
    return behind < this.#cursor ? behind : -1;
  }
  #lineAt(offset) {
    if (offset < this.#lineStart) {
      this.#line = 1;
      this.#lineStart = 0;
    }
    const text2 = this.#text;
    for (let nl = text2.indexOf("\n", this.#lineStart); nl >= 0 && nl < offset; nl = text2.indexOf("\n", nl + 1)) {
      this.#line++;
      this.#lineStart = nl + 1;
    }
    return this.#line;
  }
};
function configLine(ctx, needle) {
  if (!ctx.configFile) return 1;
  try {
    const lines = ctx.workspace.read(ctx.configFile).split("\n");
    const i = lines.findIndex((l) => l.includes(needle));
    return i >= 0 ? i + 1 : 1;
  } catch {
    return 1;
  }
}
function failed3(message, file, key, line) {
  return { ruleId: "gate/check-failed", message, location: { ...file ? { file } : {}, ...line ? { line } : {} }, key };
}
function errorFinding(err, file, key) {
  if (err instanceof InputError) return failed3(err.message, err.file ?? file, `reports.${key}:${file}`, err.line);
  return failed3(`${file}: cannot process report: ${err?.message ?? String(err)}`, file, `reports.${key}:${file}`);
}
function normalisePath(p, root) {
  let s = p.replaceAll("\\", "/").replace(/^file:\/\//, "");
  if (isAbsolute(s)) {
    const rel = relative(root, s);
    if (!rel.startsWith("..") && !isAbsolute(rel)) s = rel.split("\\").join("/");
  }
  return s.replace(/^(\.\/)+/, "");
}
var reportsCheck = {
  id: "reports",
  rules: ["vuln/high-or-critical", "secret/exposed", "sbom/missing", "scanner/misconfiguration", ...SCANNER_MAPPED_RULES, "gate/check-failed"],
  workerGroup: "reports",
  async run(ctx) {
    const cfg = ctx.config.reports ?? {};
    const opts = {
      threshold: cfg.vulnThreshold ?? "high",
      defaultSeverity: cfg.defaultSeverity ?? "medium",
      ignoreUnfixed: cfg.ignoreUnfixed === true
    };
    const findings = [];
    const parsed = [];
    const configFile = ctx.configFile;
    for (const tool of REPORT_TOOLS) {
      const globs = cfg[tool];
      if (!globs) continue;
      for (const file of matchGlobs(ctx, `reports.${tool}`, globs, findings, configFile)) {
        try {
          const text2 = readReportText(file, file, { allowEmpty: tool === "trufflehog", within: ctx.root });
          parsed.push({ file, report: parseReportText(tool, text2, file), text: text2 });
        } catch (err) {
          findings.push(errorFinding(err, file, tool));
        }
      }
    }
    for (const tool of cfg.run ?? []) {
      const r = await runScanner(tool, ctx);
      if ("finding" in r) findings.push(r.finding);
      else parsed.push({ ...r, file: configFile ?? r.file });
    }
    const sboms = [];
    const candidates = cfg.sbom ? matchGlobs(ctx, "reports.sbom", cfg.sbom, findings, configFile) : ctx.workspace.files().filter((f) => SBOM_NAME.test(basename(f)));
    const rejected = [];
    for (const file of candidates) {
      try {
        const text2 = readReportText(file, file, { within: ctx.root });
        const info = parseSbom(parseJson(text2, file), file);
        const rootLine = info.root ? new LineFinder(text2).find([JSON.stringify(info.root)]) : void 0;
        sboms.push({ file, info, ...rootLine ? { rootLine } : {} });
        if (info.entries.length) parsed.push({ file, report: { tool: info.tool ?? "sbom", format: info.format, entries: info.entries }, text: text2 });
      } catch (err) {
        if (cfg.sbom) findings.push(errorFinding(err, file, "sbom"));
        else rejected.push(file);
      }
    }
    findings.push(...sbomFindings(sboms, rejected, ctx, configFile));
    const counts = { vuln: 0, secret: 0, misconfig: 0 };
    const vulns = vulnFindings(parsed, opts, { chars: LINE_SEARCH_BUDGET });
    counts.vuln = vulns.length;
    findings.push(...vulns);
    const secrets = secretFindings(parsed, ctx.root);
    counts.secret = secrets.length;
    findings.push(...secrets);
    const misconfigs = misconfigFindings(parsed, ctx, opts);
    counts.misconfig = misconfigs.length;
    findings.push(...misconfigs);
    for (const f of findings) if (f.location.file && !f.location.line) f.location.line = 1;
    const byTool = /* @__PURE__ */ new Map();
    for (const p of parsed) byTool.set(p.report.tool, (byTool.get(p.report.tool) ?? 0) + 1);
    const tools = [...byTool].map(([t, n]) => `${t} ${n}`).join(", ");
    return {
      findings,
      detail: `${parsed.length} reports${tools ? ` (${tools})` : ""}; ${counts.vuln} vulnerabilities at or above ${opts.threshold}, ${counts.secret} secrets, ${counts.misconfig} misconfigurations; ${sboms.length ? `SBOM: ${sboms.map((s) => `${s.file} (${s.info.format})`).join(", ")}` : "no SBOM"}`
    };
  }
};
function matchGlobs(ctx, key, globs, findings, configFile) {
  const out = /* @__PURE__ */ new Set();
  for (const g of globs) {
    const files = ctx.workspace.select([g], () => false);
    if (files.length === 0)
      findings.push(failed3(`${key}: "${g}" matches no file: the scanner step wrote no report (or the glob is wrong); the gate does not pass a missing report`, configFile, `${key}:${g}`, configFile ? configLine(ctx, g) : void 0));
    for (const f of files) out.add(f);
  }
  return [...out];
}
function vulnFindings(parsed, opts, budget) {
  const byKey = /* @__PURE__ */ new Map();
  for (const { file, report, text: text2 } of parsed) {
    const finder = text2 === void 0 ? void 0 : new LineFinder(text2, budget);
    for (const e of report.entries) {
      if (e.kind !== "vuln") continue;
      const severity = e.severity ?? opts.defaultSeverity;
      const k = `${e.pkg}\0${e.id}`;
      let a = byKey.get(k);
      if (!a) {
        a = { v: e, severity, installed: [], tools: [], file, finder };
        byKey.set(k, a);
      } else if (severityRank(severity) > severityRank(a.severity)) a.severity = severity;
      if (e.installed && !a.installed.includes(e.installed)) a.installed.push(e.installed);
      if (e.fixed && !a.fixed) a.fixed = e.fixed;
      if (!a.tools.includes(report.tool)) a.tools.push(report.tool);
    }
  }
  const min = severityRank(opts.threshold);
  const out = [];
  for (const a of byKey.values()) {
    if (severityRank(a.severity) < min) continue;
    if (opts.ignoreUnfixed && !a.fixed) continue;
    const { id, pkg } = a.v;
    const installed = a.installed.length ? ` ${a.installed.slice(0, 3).join(", ")}${a.installed.length > 3 ? ", ..." : ""}` : "";
    const tools = a.tools.sort();
    out.push({
      ruleId: "vuln/high-or-critical",
      message: `${id} (${a.severity}) in ${pkg}${installed}: ${a.fixed ? `fixed in ${a.fixed}` : "no fixed version known"}${a.v.target ? `; target ${a.v.target}` : ""} (${tools.join(", ")})`,
      location: { file: a.file, line: a.finder?.find([JSON.stringify(id), JSON.stringify(pkg)]) ?? 1, resource: `Vulnerability/${id}/${pkg}` },
      source: tools.join(","),
      remediation: a.fixed ? `Upgrade ${pkg} to ${a.fixed} (rebuild the image if it is an OS package).` : `No fix is published for ${id} in ${pkg}: remove or replace the package, or file a signed override with a remediation ticket.`
    });
  }
  return out;
}
function secretFindings(parsed, root) {
  const out = [];
  const ordinal = /* @__PURE__ */ new Map();
  const items = [];
  for (const { file, report } of parsed) for (const e of report.entries) if (e.kind === "secret") items.push({ e, file, tool: report.tool });
  items.sort((a, b) => (a.e.line ?? 0) - (b.e.line ?? 0));
  for (const { e, file, tool } of items) {
    const where3 = e.file ? normalisePath(e.file, root) : void 0;
    let key = e.valueKey;
    if (!key) {
      const g = `${tool}\0${where3 ?? file}\0${e.rule}`;
      const n = (ordinal.get(g) ?? 0) + 1;
      ordinal.set(g, n);
      key = `redacted:${tool}:${e.rule}#${n}`;
    }
    const place = where3 ? `${where3}${e.line ? `:${e.line}` : ""}` : `a location the report does not name (see ${file})`;
    out.push({
      ruleId: "secret/exposed",
      message: `${tool} rule ${e.rule}: credential found in ${place}${e.note ? ` (${e.note})` : ""}; value withheld`,
      location: { file: where3 ?? file, ...e.line ? { line: e.line } : {} },
      key,
      source: tool
    });
  }
  return out;
}
function misconfigFindings(parsed, ctx, opts) {
  const out = [];
  let objects;
  const k8sObjects = () => objects ??= ctx.workspace.kubernetes(ctx.config.kubernetes).objects;
  for (const { file, report } of parsed) {
    for (const e of report.entries) {
      if (e.kind !== "misconfig") continue;
      const tool = report.tool;
      const id = canonicalId(e.id);
      const target = e.file ? normalisePath(e.file, ctx.root) : void 0;
      const obj = resolveObject(e, target, k8sObjects);
      const resource = obj ? obj.resource : e.k8s ? `${e.k8s.kind}/${e.k8s.namespace || "default"}/${e.k8s.name}` : void 0;
      const fileLoc = { file: obj?.file ?? target ?? file, ...e.line && (obj ? obj.file === target : true) ? { line: e.line } : obj ? { line: obj.line } : {} };
      const label2 = `${tool} ${id}${e.title && e.title !== e.id ? ` (${e.title})` : ""}`;
      const rule2 = gateRuleFor(id);
      const scope = rule2 && ruleRecord(rule2).scope;
      if (rule2 && scope === "dockerfile") {
        out.push({ ruleId: rule2, message: `${label2}`, location: fileLoc, source: tool });
        continue;
      }
      if (rule2 && resource !== void 0) {
        const containers = scope === "pod" ? [void 0] : containersFor(rule2, e, obj);
        for (const container2 of containers)
          out.push({
            ruleId: rule2,
            message: `${resource}${container2 ? ` container "${container2}"` : ""}: ${label2}`,
            location: { ...fileLoc, resource, ...container2 ? { container: container2 } : {} },
            source: tool
          });
        continue;
      }
      const sev2 = e.severity ?? opts.defaultSeverity;
      if (sev2 === "info") continue;
      const container = e.k8s?.container;
      out.push({
        ruleId: "scanner/misconfiguration",
        message: `${resource ? `${resource}${container ? ` container "${container}"` : ""}: ` : ""}${label2}, severity ${sev2}${e.severity ? "" : " (scanner gave none: reports.defaultSeverity)"}`,
        location: { ...fileLoc, ...resource ? { resource } : {}, ...resource && container ? { container } : {} },
        severity: severityRank(sev2) >= severityRank("high") ? "block" : "warning",
        key: `${tool}:${id}${!resource && e.resource ? `:${e.resource}` : ""}`,
        source: tool
      });
    }
  }
  return out;
}
function resolveObject(e, target, objects) {
  if (e.k8s) {
    const { kind, name, namespace } = e.k8s;
    const same = objects().filter((o) => o.kind === kind && o.name === name && (!namespace || o.namespace === namespace));
    if (same.length <= 1) return same[0];
    return same.find((o) => o.file === target) ?? (namespace ? same[0] : void 0);
  }
  if (!target || !e.line) return void 0;
  const line = e.line;
  let best;
  for (const o of objects()) if (o.file === target && o.line <= line && (!best || o.line > best.line)) best = o;
  return best;
}
function containersFor(rule2, e, obj) {
  if (e.k8s?.container) return [e.k8s.container];
  if (!obj) return [void 0];
  let pod;
  try {
    pod = podTemplateOf(obj);
  } catch {
    return [void 0];
  }
  const evaluate = rule2 in CONTAINER_RULES ? CONTAINER_RULES[rule2] : void 0;
  if (!pod || !evaluate) return [void 0];
  const names = containersOf(pod).filter((c) => evaluate(c).length > 0).map((c) => c.name);
  return names.length ? names : [void 0];
}
function sbomFindings(sboms, rejected, ctx, configFile) {
  const cfg = ctx.config.reports ?? {};
  if (sboms.length === 0) {
    const file = configFile ?? DEFAULT_CONFIG_FILE;
    const why = cfg.sbom ? "none of the files under reports.sbom is a valid CycloneDX or SPDX SBOM" : `no SBOM found (no reports.sbom in ${file}; looked everywhere in the repository for *.cdx.json, *.spdx.json, *.spdx3.json, bom.json, sbom.json${rejected.length ? `; not a valid SBOM: ${rejected.slice(0, 3).join(", ")}` : ""})`;
    const line = configFile ? configLine(ctx, cfg.sbom ? "sbom:" : "reports:") : 1;
    return [{ ruleId: "sbom/missing", message: why, location: { file, line } }];
  }
  const out = [];
  let forBuild = sboms;
  const want = cfg.sbomComponent;
  if (want) {
    forBuild = sboms.filter((s) => s.info.root !== void 0 && (s.info.root === want || s.info.root.startsWith(`${want}:`) || s.info.root.startsWith(`${want}@`)));
    if (forBuild.length === 0) {
      const names = sboms.map((s) => `${s.file} describes ${s.info.root ? `"${s.info.root}"` : "no root component"}`).join("; ");
      out.push({ ruleId: "sbom/missing", message: `no SBOM is for this build (reports.sbomComponent "${want}"): ${names}`, location: { file: sboms[0]?.file, line: sboms[0]?.rootLine ?? 1 }, key: "not-this-build" });
      return out;
    }
  }
  const maxAge = cfg.sbomMaxAgeDays;
  if (maxAge) {
    const times = forBuild.map((s) => Date.parse(s.info.timestamp ?? "")).filter((t) => Number.isFinite(t));
    const newest = times.length ? Math.max(...times) : void 0;
    const ageDays = newest === void 0 ? void 0 : (ctx.now.getTime() - newest) / 864e5;
    if (ageDays === void 0 || ageDays > maxAge)
      out.push({
        ruleId: "sbom/missing",
        message: ageDays === void 0 ? `no SBOM for this build carries a creation timestamp (reports.sbomMaxAgeDays ${maxAge})` : `the newest SBOM for this build is ${Math.floor(ageDays)} days old, older than reports.sbomMaxAgeDays ${maxAge}: it was not generated by this build`,
        location: { file: forBuild[0]?.file, line: 1 },
        key: "stale"
      });
  }
  return out;
}
async function runScanner(tool, ctx) {
  const label2 = `reports.run:${tool}`;
  const at = (message) => failed3(message, ctx.configFile, label2, ctx.configFile ? configLine(ctx, "run:") : void 0);
  if (!ctx.runScanner) return { finding: at(`${label2}: this run of the gate cannot start scanners (only the CLI and the Action do)`) };
  try {
    const outcome = await ctx.runScanner(tool, { root: ctx.root, env: ctx.env, signal: ctx.signal });
    if ("error" in outcome) return { finding: at(`${label2}: ${outcome.error}`) };
    try {
      const text2 = readReportText(outcome.reportFile, label2);
      return { file: label2, report: parseReportText(tool, text2, label2) };
    } finally {
      outcome.dispose();
    }
  } catch (err) {
    return { finding: errorFinding(err, label2, "run") };
  }
}

// checks/probes/siem-check.ts
var siemProbeCheck = {
  id: "siem",
  rules: ["siem/unreachable", "siem/alert-rules-missing", "gate/check-failed"],
  async run(ctx) {
    const findings = [];
    const notes = [];
    const cfg = ctx.config.probes?.siem;
    if (!cfg) {
      findings.push({
        ruleId: "siem/unreachable",
        message: "audit logging not configured: no SIEM destination in probes.siem, so no audit log destination can be shown to be reachable",
        location: { ...configLocation(ctx, "siem"), resource: "Siem/none" },
        key: "siem"
      });
      notes.push("no probes.siem configured");
    } else {
      const { probeSiem } = await import("./chunk-TOGEDT3Y.js");
      const outcome = await probeSiem(ctx, cfg);
      findings.push(...outcome.findings);
      notes.push(outcome.detail);
    }
    const { present, missing: missing2 } = findAlertRules(ctx.workspace);
    for (const alert of missing2) {
      findings.push({
        ruleId: "siem/alert-rules-missing",
        message: `behavioural alert "${alert.title}" (a baseline-and-anomaly alert the security playbook asks for) has no Sigma rule in the repository (rule id ${alert.ids.join(" + ")}); run \`mcp-gate alerts init\` to write it to ${DEFAULT_ALERTS_DIR}/${alert.name}.yml`,
        location: { resource: "Siem/alert-rules" },
        key: alert.name
      });
    }
    notes.push(`alert rules found: ${present.size}/${ALERTS.length}${present.size ? ` (${[...present.values()].join(", ")})` : ""}`);
    return { findings, detail: notes.join("; ") };
  }
};

// checks/secrets/check.ts
import { isUtf8 } from "node:buffer";
import { statSync } from "node:fs";
import { join as join2 } from "node:path";

// src/workspace/gitignore.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
var GitIgnore = class _GitIgnore {
  #rules = [];
  /** Build from the files of a workspace listing (repository-relative paths). */
  static load(root, files) {
    const gi = new _GitIgnore();
    const sources = files.filter((f) => f === ".gitignore" || f.endsWith("/.gitignore"));
    sources.sort((a, b) => a.split("/").length - b.split("/").length || compareStrings(a, b));
    gi.#addFile(root, ".git/info/exclude", "");
    for (const f of sources) gi.#addFile(root, f, f.slice(0, Math.max(0, f.lastIndexOf("/"))));
    return gi;
  }
  #addFile(root, file, base) {
    let text2;
    try {
      text2 = readFileSync(join(root, file), "utf8");
    } catch {
      return;
    }
    this.add(text2, base);
  }
  /** Add the patterns of one ignore file whose directory is `base`. */
  add(text2, base) {
    for (const raw of text2.split(/\r?\n/)) {
      const rule2 = parseLine(raw, base);
      if (rule2) this.#rules.push(rule2);
    }
  }
  get size() {
    return this.#rules.length;
  }
  /** True when git would ignore this file (repository-relative, forward slashes). */
  ignores(file) {
    if (this.#rules.length === 0) return false;
    const parts = file.split("/");
    let dir = "";
    for (let i = 0; i < parts.length - 1; i++) {
      dir = dir ? `${dir}/${parts[i]}` : parts[i];
      if (this.#match(dir, true)) return true;
    }
    return this.#match(file, false);
  }
  #match(path, isDir) {
    let ignored = false;
    for (const r of this.#rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.base && !path.startsWith(`${r.base}/`)) continue;
      const rel = r.base ? path.slice(r.base.length + 1) : path;
      if (r.re.test(rel)) ignored = !r.negate;
    }
    return ignored;
  }
};
function parseLine(raw, base) {
  let p = raw;
  p = p.replace(/(?<!\\)\s+$/, "");
  if (p === "" || p.startsWith("#")) return void 0;
  let negate = false;
  if (p.startsWith("!")) {
    negate = true;
    p = p.slice(1);
  } else if (p.startsWith("\\!") || p.startsWith("\\#")) p = p.slice(1);
  let dirOnly = false;
  if (p.endsWith("/")) {
    dirOnly = true;
    p = p.slice(0, -1);
  }
  if (p === "" || p.length > 1024) return void 0;
  const anchored = p.includes("/");
  if (p.startsWith("/")) p = p.slice(1);
  const body = globToRegex(p);
  try {
    return { base, re: new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`), negate, dirOnly };
  } catch {
    return void 0;
  }
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
      const cls = bracket(glob, i);
      if (cls === void 0) out += "\\[";
      else {
        out += cls.regex;
        i = cls.end;
      }
    } else if (c === "\\" && i + 1 < glob.length) {
      i++;
      out += escapeChar(glob[i]);
    } else out += escapeChar(c);
    i++;
  }
  return out;
}
var POSIX_CLASSES = {
  alnum: "A-Za-z0-9",
  alpha: "A-Za-z",
  blank: " \\t",
  cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-/:-@\\[-`{-~",
  space: " \\t\\n\\r\\f\\v",
  upper: "A-Z",
  xdigit: "0-9A-Fa-f"
};
function bracket(glob, start) {
  let i = start + 1;
  let negate = false;
  if (glob[i] === "!" || glob[i] === "^") {
    negate = true;
    i++;
  }
  let body = "";
  let first = true;
  while (i < glob.length) {
    const c = glob[i];
    if (c === "]" && !first) return { regex: negate ? `(?!/)[^${body}]` : `(?!/)[${body}]`, end: i };
    first = false;
    if (c === "[" && glob[i + 1] === ":") {
      const close = glob.indexOf(":]", i + 2);
      const cls = close === -1 ? void 0 : POSIX_CLASSES[glob.slice(i + 2, close)];
      if (cls === void 0) return void 0;
      body += cls;
      i = close + 2;
      continue;
    }
    const escaped = c === "\\" && i + 1 < glob.length;
    if (escaped) i++;
    const ch = glob[i];
    const range = !escaped && ch === "-" && body !== "" && glob[i + 1] !== "]";
    body += range ? "-" : /[\\\][^-]/.test(ch) ? `\\${ch}` : ch;
    i++;
  }
  return void 0;
}
function escapeChar(c) {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

// checks/secrets/values.ts
function shannonEntropy(s) {
  if (s.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}
function isIdentifierWords(s) {
  if (s.split(/(?=[A-Z][a-z])/).every((w) => /^(?:[A-Z]?[a-z]{2,}|[A-Z]{2,})$/.test(w))) return true;
  let upper = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 97) upper++;
  return upper / s.length < 0.3;
}
function charClasses(s) {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}
var EXAMPLE_SEGMENTS = /* @__PURE__ */ new Set(["example", "examples", "sample", "samples", "template", "templates", "tmpl", "tpl"]);
function isExampleFile(file) {
  const base = file.slice(file.lastIndexOf("/") + 1).toLowerCase();
  const segments = base.split(".");
  return segments.some((s, i) => EXAMPLE_SEGMENTS.has(s) || i > 0 && s === "dist");
}
function isDummyToken(token) {
  if (/example|xxxxx|00000000|\.\.\.|<|>|\$\{|\{\{/i.test(token)) return true;
  if (hasTypedPattern(token)) return true;
  if (token.endsWith(".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")) return true;
  return new Set(token).size <= 6;
}
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var DOMAIN_OR_PATH = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[A-Za-z0-9._~-]*)*$/;
function looksLikeTokenUnderWeakName(value) {
  if (/^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9A-F]{32}|[0-9A-F]{40}|[0-9A-F]{64})$/.test(value)) return false;
  return value.length >= 16 && /^[A-Za-z0-9+/=_-]+$/.test(value) && !UUID.test(value) && /[0-9]/.test(value) && /[A-Za-z]/.test(value) && shannonEntropy(value) >= 3.5;
}
var WORDY = /^(?:[a-z]+(?:[A-Z][a-z]+)+|[A-Z]?[a-z]+(?:[_.-][A-Za-z]+)+|[A-Z]+(?:_[A-Z]+)+)$/;
var LOWER_WORDS = /^[a-z]{2,}\d*(?:[_.-][a-z]{2,}\d*)+$/;
var WORDS_AND_NUMBER = /^[A-Za-z]+(?:[_.-][A-Za-z]+)*[_.-]?\d{1,4}$/;
var EXPRESSION = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+(?:\(.*)?$|^[A-Za-z_$][\w$]*\(.*$/;
var SYNTAX_CHARS = /[[\](){}|^\\]/g;
var SINGLE_WORD = /^[A-Z]?[a-z]+$/;
function looksLikeGeneratedSecret(value) {
  if (value.length < 12 || value.length > 1e3) return false;
  const first = value.charCodeAt(0);
  if (first === 36 || first === 60 || first === 123 || first === 37) return false;
  if (/\s/.test(value)) return false;
  if (charClasses(value) < 2) return false;
  if (isPlaceholderValue(value)) return false;
  if (/^[0-9.:_-]+$/.test(value)) return false;
  if (DOMAIN_OR_PATH.test(value)) return false;
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|\/|\.\/|\.\.\/|~\/|[A-Za-z]:\\)/i.test(value)) return false;
  if (/^(?:sha(?:1|256|384|512)[:-]|md5:|\$2[aby]\$|\$argon2|\$6\$|\$5\$)/i.test(value)) return false;
  if (WORDY.test(value) || WORDS_AND_NUMBER.test(value) || EXPRESSION.test(value) || SINGLE_WORD.test(value) || LOWER_WORDS.test(value)) return false;
  if ((value.match(SYNTAX_CHARS)?.length ?? 0) >= 2) return false;
  if (/^[A-Za-z]+$/.test(value) && isIdentifierWords(value)) return false;
  if (isDummyToken(value)) return false;
  if (charClasses(value) < 2) return false;
  return shannonEntropy(value) >= 3;
}

// checks/secrets/scan.ts
var HASH_PREFIX = /(?:checksum|hash|digest|sha\d*)$/i;
var GITHUB_KINDS = {
  ghp: "GitHub personal access token",
  gho: "GitHub OAuth access token",
  ghu: "GitHub user-to-server token",
  ghs: "GitHub app installation token",
  ghr: "GitHub refresh token"
};
var TOKEN_RULES = [
  {
    id: "github-token",
    triggers: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
    re: /\bgh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/y,
    kind: (v) => GITHUB_KINDS[v.slice(0, 3)] ?? "GitHub token"
  },
  {
    id: "github-fine-grained-pat",
    triggers: ["github_pat_"],
    re: /\bgithub_pat_[A-Za-z0-9_]{82}(?![A-Za-z0-9_])/y,
    kind: "GitHub fine-grained personal access token"
  },
  {
    id: "aws-access-key-id",
    triggers: ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"],
    re: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/y,
    kind: "AWS access key ID"
  },
  { id: "gcp-api-key", triggers: ["AIza"], re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/y, kind: "Google Cloud API key" },
  { id: "gcp-oauth-client-secret", triggers: ["GOCSPX-"], re: /\bGOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/y, kind: "Google OAuth client secret" },
  { id: "slack-token", triggers: ["xox"], re: /\bxox[abposre]-(?:\d{8,14}-){0,3}[0-9A-Za-z-]{10,250}/y, kind: "Slack token" },
  {
    id: "slack-webhook",
    triggers: ["hooks.slack.com/"],
    re: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,150}/y,
    kind: "Slack incoming webhook URL"
  },
  {
    id: "stripe-secret-key",
    triggers: ["sk_", "rk_"],
    re: /\b[sr]k_(?:live|test|prod)_[0-9A-Za-z]{10,99}(?![0-9A-Za-z])/y,
    kind: (v) => v.startsWith("rk_") ? "Stripe restricted API key" : "Stripe secret API key"
  },
  {
    id: "anthropic-api-key",
    triggers: ["sk-ant-"],
    re: /\bsk-ant-(?:api|admin|oat)\d{2}-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])/y,
    kind: "Anthropic API key"
  },
  {
    id: "openai-api-key",
    triggers: ["sk-"],
    re: /\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|[A-Za-z0-9_-]{16,200}T3BlbkFJ[A-Za-z0-9_-]{16,200})(?![A-Za-z0-9_-])/y,
    kind: "OpenAI API key"
  },
  { id: "gitlab-pat", triggers: ["glpat-"], re: /\bglpat-[0-9A-Za-z_-]{20,64}(?![0-9A-Za-z_-])/y, kind: "GitLab personal access token" },
  { id: "npm-token", triggers: ["npm_"], re: /\bnpm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/y, kind: "npm access token" },
  { id: "pypi-token", triggers: ["pypi-AgEIcHlwaS5vcmc"], re: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}/y, kind: "PyPI upload token" },
  {
    id: "sendgrid-api-key",
    triggers: ["SG."],
    re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/y,
    kind: "SendGrid API key"
  },
  { id: "openshift-user-token", triggers: ["sha256~"], re: /\bsha256~[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/y, kind: "OpenShift user token" },
  { id: "huggingface-token", triggers: ["hf_"], re: /\bhf_[A-Za-z0-9]{34}(?![A-Za-z0-9])/y, kind: "Hugging Face access token" },
  {
    id: "digitalocean-token",
    triggers: ["dop_v1_", "doo_v1_", "dor_v1_"],
    re: /\bdo[por]_v1_[a-f0-9]{64}(?![A-Za-z0-9])/y,
    kind: "DigitalOcean token"
  },
  { id: "shopify-token", triggers: ["shpat_", "shpss_", "shpca_", "shppa_"], re: /\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}(?![A-Za-z0-9])/y, kind: "Shopify access token" },
  { id: "databricks-token", triggers: ["dapi"], re: /\bdapi[a-f0-9]{32}(?:-\d)?(?![A-Za-z0-9])/y, kind: "Databricks access token" }
];
var MAX_ATTEMPTS_PER_RULE = 1e4;
var MAX_HITS_PER_FILE = 1e3;
function isJwtHeader(token) {
  const header = token.slice(0, token.indexOf("."));
  try {
    const json = Buffer.from(header, "base64url").toString("utf8");
    return /^\s*\{/.test(json) && /"(?:alg|typ|kid)"/.test(json);
  } catch {
    return false;
  }
}
var PRIVATE_KEY_BEGIN = /-----BEGIN[ A-Z0-9_-]{0,60}PRIVATE KEY(?: BLOCK)?-----/y;
var PRIVATE_KEY_END = /-----END[ A-Z0-9_-]{0,60}PRIVATE KEY(?: BLOCK)?-----/y;
var MAX_PEM = 32 * 1024;
var TRIGGERS = /* @__PURE__ */ new Map();
for (const r of TOKEN_RULES) for (const t of r.triggers) TRIGGERS.set(t, [...TRIGGERS.get(t) ?? [], r]);
var TRIGGER_LIST = [...TRIGGERS.keys(), "-----BEGIN", "://", "eyJ"].sort((a, b) => b.length - a.length);
var TRIGGER_RE = new RegExp(TRIGGER_LIST.map(escapeRegExp).join("|"), "g");
var KEYWORDS = ["pass", "pwd", "secret", "token", "key", "auth", "cred", "dsn", "bearer"];
var KEYWORD_RE = new RegExp(
  KEYWORDS.map((k) => [...k].map((c) => `[${c}${c.toUpperCase()}]`).join("")).join("|"),
  "g"
);
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
var SOURCE_EXT = /\.(?:[cm]?[jt]sx?|java|kts?|scala|groovy|py|rb|go|rs|c|h|cc|cpp|cxx|hpp|cs|php|swift|m|mm|dart|lua|pl|pm|r|ex|exs|erl|clj|vue|svelte|html?|xml|jsp|aspx?|sql|robot)$/i;
function isSourceFile(file) {
  return SOURCE_EXT.test(file);
}
var IDENT2 = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  IDENT2[c] = /[A-Za-z0-9_.-]/.test(ch) ? 1 : 0;
}
function isIdent(code) {
  return code < 128 && IDENT2[code] === 1;
}
var UNQUOTED_STOP = new Set([..." 	\r\n'\"`,;#()[{}]<>"].map((c) => c.charCodeAt(0)));
var ALLOW_MARKERS = ["mcp-gate:allow", "gitleaks:allow"];
var WORD_CHAR = /[A-Za-z0-9_]/;
var JwtMatcher = class {
  #text;
  #runStart = -1;
  #runEnd = -1;
  constructor(text2) {
    this.#text = text2;
  }
  #run(from, cls) {
    let i = from;
    while (i < this.#text.length && cls(this.#text.charCodeAt(i))) i++;
    return i;
  }
  match(at) {
    const t = this.#text;
    if (!(at >= this.#runStart && at < this.#runEnd)) {
      this.#runStart = at;
      this.#runEnd = this.#run(at, isB64Url);
    }
    const headerEnd = this.#runEnd;
    const headerLen = headerEnd - at;
    if (headerLen < 17 || headerLen > 4003) return void 0;
    if (t.charCodeAt(headerEnd) !== 46 || !t.startsWith("eyJ", headerEnd + 1)) return void 0;
    const payloadEnd = this.#run(headerEnd + 1, isB64UrlOrSlash);
    const payloadLen = payloadEnd - headerEnd - 1;
    if (payloadLen < 17 || payloadLen > 16003 || t.charCodeAt(payloadEnd) !== 46) return void 0;
    let end = payloadEnd + 1;
    const sigEnd = this.#run(end, isB64UrlOrSlash);
    if (sigEnd - end >= 10 && sigEnd - end <= 4e3) {
      end = sigEnd;
      let pad = 0;
      while (pad < 2 && t.charCodeAt(end) === 61) {
        end++;
        pad++;
      }
    }
    const token = t.slice(at, end);
    return isJwtHeader(token) ? token : void 0;
  }
};
function isB64Url(c) {
  return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c >= 48 && c <= 57 || c === 95 || c === 45;
}
function isB64UrlOrSlash(c) {
  return isB64Url(c) || c === 47 || c === 92;
}
function scanText(text2, opts) {
  const hits = [];
  const taken = [];
  let lineOf2;
  const line = (offset) => {
    lineOf2 ??= lineIndex(text2);
    return lineOf2(offset);
  };
  let full = false;
  const add2 = (rule2, kind, value, offset) => {
    if (full) return;
    if (isAllowed(text2, offset)) return;
    if (hits.length >= MAX_HITS_PER_FILE) {
      full = true;
      opts.notes?.push(`${opts.file}: more than ${MAX_HITS_PER_FILE} secrets, only the first ${MAX_HITS_PER_FILE} reported`);
      return;
    }
    taken.push([offset, offset + value.length]);
    hits.push({ rule: rule2, kind, value, offset, line: line(offset) });
  };
  const attempts = /* @__PURE__ */ new Map();
  const budget = (rule2) => {
    const n = (attempts.get(rule2) ?? 0) + 1;
    attempts.set(rule2, n);
    const max = rule2 === "generic-credential" ? 10 * MAX_ATTEMPTS_PER_RULE : MAX_ATTEMPTS_PER_RULE;
    if (n === max + 1) opts.notes?.push(`${opts.file}: detector ${rule2} stopped after ${max} candidates (pathological input)`);
    return n <= max;
  };
  const jwt = new JwtMatcher(text2);
  let pemEndSearchedFrom = -1;
  let pemEnd = -1;
  TRIGGER_RE.lastIndex = 0;
  for (let m = TRIGGER_RE.exec(text2); m !== null; m = TRIGGER_RE.exec(text2)) {
    const at = m.index;
    const trig = m[0];
    if (trig === "-----BEGIN") {
      if (!budget("private-key")) continue;
      if (pemEnd !== -1 ? pemEnd < at : pemEndSearchedFrom === -1 || pemEndSearchedFrom < at) {
        pemEndSearchedFrom = at;
        pemEnd = text2.indexOf("-----END", at);
        if (pemEnd === -1) pemEndSearchedFrom = text2.length;
      }
      if (pemEnd === -1) continue;
      const end = privateKeyAt(text2, at, pemEnd);
      if (end !== void 0) {
        const value = text2.slice(at, end);
        add2("private-key", privateKeyKind(value), value, at);
        TRIGGER_RE.lastIndex = end;
      }
      continue;
    }
    if (trig === "eyJ") {
      if (at > 0 && WORD_CHAR.test(text2[at - 1])) continue;
      if (!budget("jwt")) continue;
      const token = jwt.match(at);
      if (token && !isDummyToken(token)) {
        add2("jwt", "JSON Web Token", token, at);
        TRIGGER_RE.lastIndex = at + token.length;
      }
      continue;
    }
    if (trig === "://") {
      if (!budget("connection-string-password")) continue;
      const found2 = connectionPassword(text2, at);
      if (found2) add2("connection-string-password", `password in a ${found2.scheme}:// connection string`, found2.value, found2.offset);
      continue;
    }
    if (at > 0 && WORD_CHAR.test(text2[at - 1]) && trig !== "hooks.slack.com/") continue;
    for (const rule2 of TRIGGERS.get(trig) ?? []) {
      if (!budget(rule2.id)) continue;
      rule2.re.lastIndex = at;
      const r = rule2.re.exec(text2);
      if (!r) continue;
      const value = r[0];
      if (isDummyToken(value) || rule2.validate && !rule2.validate(value)) continue;
      add2(rule2.id, typeof rule2.kind === "string" ? rule2.kind : rule2.kind(value), value, at);
      TRIGGER_RE.lastIndex = at + value.length;
      break;
    }
  }
  const quotedOnly = isSourceFile(opts.file);
  KEYWORD_RE.lastIndex = 0;
  let consumed = 0;
  for (let m = KEYWORD_RE.exec(text2); m !== null; m = KEYWORD_RE.exec(text2)) {
    let end = m.index + m[0].length;
    while (end < text2.length && isIdent(text2.charCodeAt(end))) end++;
    KEYWORD_RE.lastIndex = end;
    const leftLimit = consumed;
    consumed = end;
    if (!operatorFollows(text2, end)) continue;
    let start = m.index;
    while (start > leftLimit && end - start <= 200 && isIdent(text2.charCodeAt(start - 1))) start--;
    if (end - start > 200) continue;
    const name = text2.slice(start, end).replace(/^[.-]+|[.-]+$/g, "");
    const strength = credentialNameStrength(name);
    if (!strength) continue;
    if (!budget("generic-credential")) break;
    const before = start > 0 ? text2.charCodeAt(start - 1) : 0;
    const inQuery = before === 63 || before === 38;
    const quotedName = before === 34 || before === 39 || before === 96;
    if (before === 47 && HASH_PREFIX.test(text2.slice(Math.max(0, start - 24), start - 1))) continue;
    const v = assignedValue(text2, end, quotedOnly && !inQuery, quotedName);
    if (v) KEYWORD_RE.lastIndex = Math.max(KEYWORD_RE.lastIndex, v.offset + v.value.length);
    if (!v || !looksLikeGeneratedSecret(v.value)) continue;
    if (strength === "weak" && !looksLikeTokenUnderWeakName(v.value)) continue;
    if (overlaps(taken, v.offset, v.offset + v.value.length)) continue;
    add2("generic-credential", `high-entropy value assigned to "${shorten(name)}"`, v.value, v.offset);
  }
  return hits.sort((a, b) => a.offset - b.offset);
}
function operatorFollows(text2, end) {
  let i = end;
  let c = text2.charCodeAt(i);
  if (c === 34 || c === 39 || c === 96) c = text2.charCodeAt(++i);
  if (c === 93) c = text2.charCodeAt(++i);
  for (let k = 0; k < 16 && (c === 32 || c === 9); k++) c = text2.charCodeAt(++i);
  return c === 61 || c === 58 || c === 44 || c === 33 || c === 63;
}
function shorten(name) {
  return name.length > 60 ? `${name.slice(0, 57)}...` : name;
}
function overlaps(spans, a, b) {
  for (const [s, e] of spans) if (a < e && s < b) return true;
  return false;
}
function isAllowed(text2, offset) {
  const ls = text2.lastIndexOf("\n", offset) + 1;
  let le = text2.indexOf("\n", offset);
  if (le === -1) le = text2.length;
  const from = Math.max(ls, offset - 4096);
  const to = Math.min(le, offset + 4096);
  const lineText = text2.slice(from, to);
  return ALLOW_MARKERS.some((m) => lineText.includes(m));
}
function privateKeyAt(text2, at, endAt) {
  PRIVATE_KEY_BEGIN.lastIndex = at;
  const b = PRIVATE_KEY_BEGIN.exec(text2);
  if (!b) return void 0;
  const bodyStart = at + b[0].length;
  if (endAt < bodyStart || endAt - bodyStart > MAX_PEM) return void 0;
  PRIVATE_KEY_END.lastIndex = endAt;
  const e = PRIVATE_KEY_END.exec(text2);
  if (!e) return void 0;
  const body = text2.slice(bodyStart, endAt).replace(/\\[nr]/g, "");
  let b64 = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c >= 65 && c <= 90 || c >= 97 && c <= 122 || c >= 48 && c <= 57 || c === 43 || c === 47 || c === 61) b64++;
  }
  if (b64 < 64) return void 0;
  const bodyText = body.replace(/[^A-Za-z0-9+/=]/g, "");
  if (isPlaceholderBody(bodyText)) return void 0;
  return endAt + e[0].length;
}
function isPlaceholderBody(b) {
  return /^(?:x+|\.+|a+|0+)$/i.test(b) || /example|placeholder|yourkey|redacted/i.test(b) || new Set(b).size < 10;
}
function privateKeyKind(pem) {
  const m = /^-----BEGIN ?([ A-Z0-9_-]*?) ?PRIVATE KEY/.exec(pem);
  const algo = m?.[1]?.trim();
  return algo ? `${algo} private key` : "private key";
}
var SCHEME_CHAR = /[A-Za-z0-9+.-]/;
var USERINFO = /\/\/([^\s:@/'"`<>?#\\]{0,128}):([^\s@/'"`<>?#\\]{1,256})@(?=[A-Za-z0-9[_-])/y;
function connectionPassword(text2, at) {
  let s = at;
  while (s > 0 && at - s < 32 && SCHEME_CHAR.test(text2[s - 1])) s--;
  const scheme = text2.slice(s, at);
  if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme)) return void 0;
  USERINFO.lastIndex = at + 1;
  const m = USERINFO.exec(text2);
  if (!m) return void 0;
  const user = m[1];
  const password = m[2];
  if (password === user || isPlaceholderValue(password) || /^%[sdv]$|^\{\d*\}$|^\?+$|^:/.test(password)) return void 0;
  if (password.length < 4) return void 0;
  return { scheme: scheme.toLowerCase(), value: password, offset: at + 1 + 2 + user.length + 1 };
}
function assignedValue(text2, end, quotedOnly, quotedName) {
  let i = end;
  const n = text2.length;
  const q = text2.charCodeAt(i);
  if (q === 34 || q === 39 || q === 96) i++;
  if (text2.charCodeAt(i) === 93) i++;
  i = skipSpaces(text2, i);
  const op = text2.slice(i, i + 3);
  let opLen = 0;
  if (op.startsWith("===") || op.startsWith("!==")) opLen = 3;
  else if (op.startsWith(":=") || op.startsWith("=>") || op.startsWith("==") || op.startsWith("?=")) opLen = 2;
  else if (op[0] === "=" || op[0] === ":") opLen = 1;
  else if (op[0] === "," && quotedName) opLen = 1;
  if (opLen === 0) return void 0;
  if (op.startsWith("::")) return void 0;
  i = skipSpaces(text2, i + opLen);
  if (i >= n) return void 0;
  const c = text2.charCodeAt(i);
  if (op[0] === "," && !(c === 34 || c === 39 || c === 96)) return void 0;
  if (c === 34 || c === 39 || c === 96) {
    const close = String.fromCharCode(c);
    const limit2 = Math.min(n, i + 1 + 1001);
    let j2 = i + 1;
    while (j2 < limit2) {
      const d = text2.charCodeAt(j2);
      if (d === 10 || d === 13) return void 0;
      if (d === 92) {
        j2 += 2;
        continue;
      }
      if (text2[j2] === close) break;
      j2++;
    }
    if (j2 >= limit2) return void 0;
    return { value: text2.slice(i + 1, j2), offset: i + 1 };
  }
  if (quotedOnly) return void 0;
  if (c === 124 || c === 62 || c === 38 || c === 42 || c === 123 || c === 91) return void 0;
  let j = i;
  const limit = Math.min(n, i + 1001);
  while (j < limit && !UNQUOTED_STOP.has(text2.charCodeAt(j))) j++;
  if (j === limit && j < n && !UNQUOTED_STOP.has(text2.charCodeAt(j))) return void 0;
  if (j === i) return void 0;
  return { value: text2.slice(i, j), offset: i };
}
function skipSpaces(text2, i) {
  let k = i;
  while (k < text2.length && k - i < 16 && (text2.charCodeAt(k) === 32 || text2.charCodeAt(k) === 9)) k++;
  return k;
}

// checks/secrets/check.ts
var DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
var BINARY_SNIFF = 8e3;
var YIELD_EVERY_MS = 50;
function selectFiles(root, files, exclude, stats, reports = [], tracked) {
  const gitignore = GitIgnore.load(root, files);
  const excluded = exclude.map((g) => ({ glob: g, match: globMatcher(g), used: false }));
  const reportFiles = reports.map(globMatcher);
  const out = [];
  for (const f of files) {
    const ex = excluded.find((e) => e.match(f));
    if (ex) ex.used = true;
    if (gitignore.ignores(f) && !tracked?.has(f)) stats.ignored++;
    else if (ex) stats.excluded++;
    else if (reportFiles.some((m) => m(f))) stats.reports++;
    else if (isExampleFile(f)) stats.examples++;
    else {
      if (tracked?.has(f) && gitignore.ignores(f)) stats.trackedIgnored++;
      out.push(f);
    }
  }
  stats.unusedExcludes = excluded.filter((e) => !e.used).map((e) => e.glob);
  return out;
}
function emptyStats() {
  return {
    scanned: 0,
    bytes: 0,
    binary: [],
    tooLarge: [],
    notUtf8: [],
    unreadable: [],
    ignored: 0,
    trackedIgnored: 0,
    excluded: 0,
    unusedExcludes: [],
    reports: 0,
    examples: 0,
    notes: []
  };
}
function readForScan(root, file, maxBytes) {
  const size = statSync(join2(root, file), { throwIfNoEntry: false })?.size;
  if (size !== void 0 && size > maxBytes) return { skip: "tooLarge", why: `${size} bytes` };
  let data;
  try {
    data = readRegularFile(file, { within: root, maxBytes, display: file });
  } catch (err) {
    return { skip: "unreadable", why: err.message };
  }
  if (data.subarray(0, BINARY_SNIFF).includes(0)) return { skip: "binary" };
  const utf8 = isUtf8(data);
  return { text: data.toString(utf8 ? "utf8" : "latin1"), bytes: data.length, utf8 };
}
async function scanFiles(root, files, maxBytes, stats, signal) {
  const out = [];
  let last = performance.now();
  for (const file of files) {
    if (performance.now() - last > YIELD_EVERY_MS) {
      await new Promise((r2) => setImmediate(r2));
      signal?.throwIfAborted();
      last = performance.now();
    }
    const r = readForScan(root, file, maxBytes);
    if ("skip" in r) {
      if (r.skip === "unreadable") stats.unreadable.push({ file, why: r.why ?? "unreadable" });
      else stats[r.skip].push(r.why ? `${file} (${r.why})` : file);
      continue;
    }
    stats.scanned++;
    stats.bytes += r.bytes;
    if (!r.utf8) stats.notUtf8.push(file);
    const hits = scanText(r.text, { file, notes: stats.notes });
    if (hits.length) out.push({ file, hits });
  }
  return out;
}
function describeStats(s, maxBytes) {
  const mb = (s.bytes / (1024 * 1024)).toFixed(1);
  const parts = [`scanned ${s.scanned} text files (${mb} MB)`];
  const list = (names) => {
    const shown = names.slice(0, 5).join(", ");
    return names.length > 5 ? `${shown}, +${names.length - 5} more` : shown;
  };
  if (s.binary.length) parts.push(`skipped ${s.binary.length} binary`);
  if (s.tooLarge.length) parts.push(`skipped ${s.tooLarge.length} above ${maxBytes} bytes: ${list(s.tooLarge)}`);
  if (s.notUtf8.length) parts.push(`scanned byte for byte ${s.notUtf8.length} not valid UTF-8: ${list(s.notUtf8)}`);
  if (s.unreadable.length) parts.push(`could not read ${s.unreadable.length}: ${list(s.unreadable.map((u) => u.file))}`);
  const left = [
    s.ignored ? `${s.ignored} by .gitignore` : "",
    s.excluded ? `${s.excluded} by secrets.exclude` : "",
    s.examples ? `${s.examples} example/template files` : "",
    s.reports ? `${s.reports} scanner reports (ingested by the reports check)` : ""
  ].filter(Boolean);
  if (left.length) parts.push(`not scanned: ${left.join(", ")}`);
  if (s.trackedIgnored) parts.push(`scanned ${s.trackedIgnored} tracked by git although .gitignore lists them`);
  for (const g of s.unusedExcludes) parts.push(`secrets.exclude "${g}" matches no file`);
  if (s.gitError) parts.push(`git could not list tracked files (${s.gitError}): files .gitignore lists were not scanned`);
  if (s.notes.length) parts.push(`incomplete: ${list(s.notes)}`);
  return parts.join("; ");
}
function findingsOf(fileHits) {
  const findings = [];
  for (const { file, hits } of fileHits) {
    for (const h of hits) {
      findings.push({
        ruleId: "secret/exposed",
        message: `${capitalise(h.kind)} in ${file} at line ${h.line} (value not shown)`,
        location: { file, line: h.line },
        key: secretKey(h.value)
      });
    }
  }
  return findings;
}
function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
var secretsScanCheck = {
  id: "secrets",
  rules: ["secret/exposed", "gate/check-failed"],
  workerGroup: "secrets",
  async run(ctx) {
    const cfg = ctx.config.secrets ?? {};
    if (cfg.scan === false) return { findings: [], skipped: true, detail: "disabled by secrets.scan: false" };
    const maxBytes = cfg.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const stats = emptyStats();
    const r = ctx.config.reports ?? {};
    const reportGlobs = [r.trivy, r.checkov, r.gitleaks, r.trufflehog, r.grype, r.npmAudit, r.sarif, r.sbom].flatMap((g) => g ?? []);
    const tracked = await trackedFiles(ctx.root);
    if ("error" in tracked) stats.gitError = tracked.error;
    const files = selectFiles(ctx.root, ctx.workspace.files(), cfg.exclude ?? [], stats, reportGlobs, "files" in tracked ? tracked.files : void 0);
    const hits = await scanFiles(ctx.root, files, maxBytes, stats, ctx.signal);
    const unread = stats.unreadable.map(({ file, why }) => ({
      ruleId: "gate/check-failed",
      message: `${file}: the secret scan could not read it: ${why}`,
      location: { file, line: 1 },
      key: `secrets-read:${file}`
    }));
    return { findings: [...findingsOf(hits), ...unread], detail: describeStats(stats, maxBytes) };
  }
};

// checks/supply/check.ts
var NPM_LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock", "bun.lockb"];
var NPM_SECTIONS = ["dependencies", "devDependencies", "optionalDependencies"];
var MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
var EXACT_SEMVER = /^v?=?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
var COMMIT = /#[0-9a-f]{40}$/i;
function npmUnpinnedReason(spec) {
  const s = spec.trim();
  if (s.startsWith("npm:")) {
    const at = s.lastIndexOf("@");
    return at > 4 ? npmUnpinnedReason(s.slice(at + 1)) : "an alias without a version";
  }
  if (/^(?:file|link|portal|workspace):/.test(s)) return void 0;
  if (EXACT_SEMVER.test(s)) return void 0;
  if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:)|^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(s)) {
    return COMMIT.test(s) ? void 0 : "a git reference without a full commit hash";
  }
  if (/^https?:\/\//.test(s)) return "a URL, whose content can change";
  if (s === "" || s === "*" || /^[xX]$/.test(s)) return `"${s}" (any version)`;
  if (s.startsWith("^")) return "a range (^)";
  if (s.startsWith("~")) return "a range (~)";
  if (/[<>]|\|\|| - /.test(s)) return "a range";
  if (/(?:^|\.)[xX*](?:\.|$)/.test(s)) return "a wildcard range";
  if (/^\d+(?:\.\d+)?$/.test(s)) return "a partial version (a range)";
  if (/^[A-Za-z][\w.-]*$/.test(s)) return `the tag "${s}", which can move`;
  return "not an exact version";
}
function lineOfKey(text2, section, name) {
  const sec = text2.indexOf(`"${section}"`);
  const from = sec === -1 ? 0 : sec;
  const at = text2.indexOf(JSON.stringify(name), from);
  const offset = at === -1 ? from : at;
  let line = 1;
  for (let i = text2.indexOf("\n"); i !== -1 && i < offset; i = text2.indexOf("\n", i + 1)) line++;
  return line;
}
function dirOf(file) {
  const i = file.lastIndexOf("/");
  return i === -1 ? "" : file.slice(0, i);
}
function isWorkspaceRoot(files, dir, read) {
  const p = (n) => dir ? `${dir}/${n}` : n;
  if (files.has(p("pnpm-workspace.yaml"))) return true;
  if (!files.has(p("package.json"))) return false;
  try {
    const pkg = JSON.parse(read(p("package.json")) ?? "null");
    return pkg !== null && typeof pkg === "object" && pkg.workspaces !== void 0;
  } catch {
    return false;
  }
}
function findLockfile(files, dir, names, read) {
  let d = dir;
  while (d !== void 0) {
    if (d === dir || isWorkspaceRoot(files, d, read)) {
      for (const n of names) {
        const p = d ? `${d}/${n}` : n;
        if (files.has(p)) return p;
      }
    }
    d = d === "" ? void 0 : dirOf(d);
  }
  return void 0;
}
function checkPackageJson(file, text2, files, read = () => void 0) {
  let pkg;
  try {
    pkg = JSON.parse(text2);
  } catch (err) {
    return [{ ruleId: "gate/check-failed", message: `${file}: invalid JSON: ${err.message}`, location: { file, line: 1 }, key: `supply:${file}` }];
  }
  if (typeof pkg !== "object" || pkg === null || Array.isArray(pkg)) {
    return [{ ruleId: "gate/check-failed", message: `${file}: not a package manifest (expected a JSON object)`, location: { file, line: 1 }, key: `supply:${file}` }];
  }
  const out = [];
  let deps = 0;
  for (const section of NPM_SECTIONS) {
    const obj = pkg[section];
    if (typeof obj !== "object" || obj === null) continue;
    for (const [name, spec] of Object.entries(obj)) {
      deps++;
      const reason = typeof spec === "string" ? npmUnpinnedReason(spec) : "not a version string";
      if (!reason) continue;
      out.push({
        ruleId: "supply/unpinned-dependency",
        message: `${section} "${name}": "${String(spec)}" is ${reason}, not an exact version`,
        location: { file, line: lineOfKey(text2, section, name) },
        key: `npm:${name}`,
        remediation: `Pin "${name}" to the exact version the lockfile resolves (npm install --save-exact, or save-exact=true in .npmrc) and commit the lockfile.`
      });
    }
  }
  if (deps > 0 && !findLockfile(files, dirOf(file), NPM_LOCKFILES, read)) {
    out.push({
      ruleId: "supply/unpinned-dependency",
      message: `${file} declares ${deps} dependencies and no lockfile (${NPM_LOCKFILES.slice(0, 4).join(", ")}) is committed next to it or at its workspace root`,
      location: { file, line: 1 },
      key: "npm:lockfile",
      remediation: "Commit the lockfile of your package manager (package-lock.json, pnpm-lock.yaml or yarn.lock) and install with npm ci / pnpm install --frozen-lockfile / yarn install --immutable."
    });
  }
  return out;
}
function isRequirementsFile(file) {
  const base = file.slice(file.lastIndexOf("/") + 1).toLowerCase();
  return (/^requirements.*\.txt$/.test(base) || /(?:^|\/)requirements\/[^/]+\.txt$/.test(file.toLowerCase())) && !base.includes("example");
}
function checkRequirements(file, text2) {
  const out = [];
  const lines = text2.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i];
    while (line.endsWith("\\") && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i];
    line = line.replace(/(?:^|\s)#.*$/, "").trim();
    if (!line) continue;
    if (line.startsWith("-")) {
      const editable = /^(?:-e|--editable)\s+(\S+)/.exec(line);
      if (editable) {
        const target = editable[1];
        if (/^(?:\.|\/|file:)/.test(target) || /@[0-9a-f]{40}(?:#|$)/i.test(target)) continue;
        out.push({
          ruleId: "supply/unpinned-dependency",
          message: `editable requirement ${target} is not pinned to a commit`,
          location: { file, line: lineNo },
          key: `pip:${target}`
        });
      }
      continue;
    }
    const spec = line.split(";")[0]?.split(/\s--hash/)[0]?.trim() ?? "";
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/.exec(spec);
    if (!m) continue;
    const name = m[1].toLowerCase();
    const rest = m[3].trim();
    if (/^@\s*\S+/.test(rest)) {
      if (/@[0-9a-f]{40}(?:#|$)/i.test(rest) || /#sha256=[0-9a-f]{64}/i.test(rest)) continue;
      out.push({ ruleId: "supply/unpinned-dependency", message: `${name} is installed from a URL without a commit or hash`, location: { file, line: lineNo }, key: `pip:${name}` });
      continue;
    }
    if (/^===?\s*[^,*\s]+$/.test(rest)) continue;
    out.push({
      ruleId: "supply/unpinned-dependency",
      message: rest ? `${name} ${rest} is not an exact == pin` : `${name} has no version pin`,
      location: { file, line: lineNo },
      key: `pip:${name}`,
      remediation: "Pin every requirement with == (pip-compile / uv pip compile --generate-hashes write such a file)."
    });
  }
  return out;
}
function checkGoMod(file, text2, files) {
  const requireLine = text2.split(/\r?\n/).findIndex((l) => /^\s*require\b/.test(l));
  if (requireLine === -1) return [];
  const dir = dirOf(file);
  if (files.has(dir ? `${dir}/go.sum` : "go.sum")) return [];
  return [
    {
      ruleId: "supply/unpinned-dependency",
      message: `${file} requires modules but no go.sum is committed next to it, so module contents are not verified`,
      location: { file, line: requireLine + 1 },
      key: "go:go.sum",
      remediation: "Run go mod tidy and commit go.sum."
    }
  ];
}
var supplyChainCheck = {
  id: "supply",
  rules: ["supply/unpinned-dependency"],
  workerGroup: "supply",
  async run(ctx) {
    const all = ctx.workspace.files();
    const set = new Set(all);
    const findings = [];
    const counts = { npm: 0, pip: 0, go: 0 };
    for (const file of all) {
      const base = file.slice(file.lastIndexOf("/") + 1);
      const kind = base === "package.json" ? "npm" : base === "go.mod" ? "go" : isRequirementsFile(file) ? "pip" : void 0;
      if (!kind) continue;
      let text2;
      try {
        text2 = ctx.workspace.read(file);
        if (text2.length > MAX_MANIFEST_BYTES) throw new Error(`above the ${MAX_MANIFEST_BYTES}-byte limit for manifests`);
      } catch (err) {
        findings.push({ ruleId: "gate/check-failed", message: `${file}: cannot read: ${err.message}`, location: { file }, key: `supply:${file}` });
        continue;
      }
      counts[kind]++;
      const read = (f) => {
        try {
          return ctx.workspace.read(f);
        } catch {
          return void 0;
        }
      };
      if (kind === "npm") findings.push(...checkPackageJson(file, text2, set, read));
      else if (kind === "pip") findings.push(...checkRequirements(file, text2));
      else findings.push(...checkGoMod(file, text2, set));
    }
    const total = counts.npm + counts.pip + counts.go;
    if (total === 0) return { findings, skipped: true, detail: "no package.json, requirements*.txt or go.mod found" };
    return { findings, detail: `${counts.npm} package.json, ${counts.pip} requirements file(s), ${counts.go} go.mod checked` };
  }
};

// checks/workspace/check.ts
var REPORT_KEYS = ["trivy", "checkov", "gitleaks", "trufflehog", "grype", "npmAudit", "sarif", "sbom"];
function configGlobs(config) {
  const out = [
    { key: "kubernetes.paths", globs: config.kubernetes?.paths ?? [], inclusion: true },
    { key: "kubernetes.exclude", globs: config.kubernetes?.exclude ?? [], inclusion: false },
    { key: "mcp.paths", globs: config.mcp?.paths ?? [], inclusion: true },
    { key: "images.paths", globs: config.images?.paths ?? [], inclusion: true },
    { key: "secrets.exclude", globs: config.secrets?.exclude ?? [], inclusion: false },
    ...REPORT_KEYS.map((k) => ({ key: `reports.${k}`, globs: config.reports?.[k] ?? [], inclusion: true, reportedBy: "reports" }))
  ];
  return out.filter((g) => g.globs.length > 0);
}
function failed4(message, key, file, line) {
  return { ruleId: "gate/check-failed", message, location: { ...file ? { file } : {}, ...file && line ? { line } : {} }, key };
}
var workspaceCheck = {
  id: "workspace",
  rules: ["gate/check-failed"],
  async run(ctx) {
    const ws = ctx.workspace;
    const files = ws.files();
    const findings = ws.problems().map(
      (p) => failed4(`${p.path}: ${p.message}`, `workspace:${p.path}`, p.path, p.directory ? void 0 : 1)
    );
    const doc = configDocument(ctx);
    const scope = [];
    for (const { key, globs, inclusion, reportedBy } of configGlobs(ctx.config)) {
      const line = configKeyLine(doc, key);
      const matched = /* @__PURE__ */ new Set();
      for (const glob of globs) {
        const problem = globProblem(glob);
        if (problem !== void 0) {
          findings.push(failed4(`${key}: "${glob}" ${problem}; it matches nothing`, `${key}:${glob}`, ctx.configFile, line));
          continue;
        }
        const match2 = globMatcher(glob);
        let n = 0;
        for (const f of files)
          if (match2(f)) {
            n++;
            matched.add(f);
          }
        if (n === 0 && inclusion && reportedBy === void 0)
          findings.push(
            failed4(
              `${key}: "${glob}" matches no file: nothing it names is reviewed; fix the glob or remove it`,
              `${key}:${glob}`,
              ctx.configFile,
              line
            )
          );
      }
      scope.push(`${key} ${matched.size}`);
    }
    const loops = ws.loops();
    const parts = [`${files.length} files`, `${ws.problems().length} unreadable or refused`];
    if (loops.length) parts.push(`symlinks back into a directory they are in, not followed round: ${loops.join(", ")}`);
    if (scope.length) parts.push(`files per configured glob key: ${scope.join(", ")}`);
    return { findings, detail: parts.join("; ") };
  }
};

// checks/index.ts
var ALL_CHECKS = [workspaceCheck, k8sWorkloadCheck, netpolCheck, netpolLiveCheck, manifestIntegrityCheck, manifestLintCheck, endpointProbeCheck, behaviourProbeCheck, siemProbeCheck, dockerfileCheck, secretsScanCheck, supplyChainCheck, reportsCheck];

// src/gate/fingerprint.ts
import { hash } from "node:crypto";
function fingerprintOf(f) {
  const { resource, container, file } = f.location;
  return hash("sha256", `${f.ruleId}\0${resource ?? `file:${file ?? ""}`}\0${container ?? ""}\0${f.key ?? ""}`, "hex").slice(0, 32);
}

// src/gate/policy.ts
function resolvePolicy(config, flags = {}) {
  const rolloutSet = flags.rollout ?? config.rollout;
  const flagImpliesEnforce = flags.rollout !== void 0 && flags.rollout > 1;
  const mode = flags.mode ?? (flagImpliesEnforce ? "enforce" : void 0) ?? config.mode ?? (rolloutSet !== void 0 && rolloutSet > 1 ? "enforce" : "warn");
  const rollout = rolloutSet ?? (mode === "enforce" ? 3 : 1);
  const severities = {};
  for (const [rule2, v] of Object.entries(config.rules ?? {})) if (v) severities[rule2] = v.severity;
  return { mode, rollout, severities, failOn: flags.failOn ?? config.failOn ?? "all" };
}
function flagNotes(config, flags, configName) {
  const notes = [];
  if (flags.mode !== void 0 && config.mode !== void 0 && flags.mode !== config.mode) notes.push(`--mode ${flags.mode} wins over mode: ${config.mode} of ${configName}`);
  if (flags.rollout !== void 0 && config.rollout !== void 0 && flags.rollout !== config.rollout)
    notes.push(`--rollout ${flags.rollout} wins over rollout: ${config.rollout} of ${configName}`);
  if (flags.mode === void 0 && flags.rollout !== void 0 && flags.rollout > 1 && config.mode === "warn")
    notes.push(`--rollout ${flags.rollout} wins over mode: warn of ${configName}: enforced at rollout ${flags.rollout} (add --mode warn to report only)`);
  if (flags.mode === "enforce" && flags.rollout === void 0 && config.rollout === 1)
    notes.push(`--mode enforce keeps rollout: 1 of ${configName}, which reports only: nothing blocks (add --rollout 2 or 3 to block)`);
  return notes;
}
function effectiveSeverity(policy, rule2, fromCheck) {
  const configured = policy.severities[rule2];
  if (configured === "off") return void 0;
  return configured ?? fromCheck ?? RULES[rule2].defaultSeverity;
}
function blocksUnder(policy, rule2) {
  if (policy.mode === "warn" || policy.rollout === 1) return false;
  if (policy.rollout === 3) return true;
  return "critical" in RULES[rule2] && RULES[rule2].critical === true || rule2 === "gate/check-failed";
}
function decide(findings) {
  if (findings.some((f) => f.blocking)) return "block";
  if (findings.some((f) => f.status === "open")) return "warn";
  return "pass";
}
function exitCodeFor(decision) {
  return decision === "block" ? 1 : 0;
}

// src/gate/findings.ts
function toFinding(r, policy) {
  const severity = effectiveSeverity(policy, r.ruleId, r.severity);
  if (!severity) return void 0;
  return {
    ruleId: r.ruleId,
    severity,
    blocking: severity === "block" && blocksUnder(policy, r.ruleId),
    status: "open",
    message: r.message,
    location: r.location,
    fingerprint: fingerprintOf(r),
    remediation: r.remediation ?? RULES[r.ruleId].remediation,
    ...r.source ? { source: r.source } : {}
  };
}
function prepareOutcome(o, policy) {
  return { run: o.run, findings: prepareFindings(o.findings, policy) };
}
function prepareFindings(raw, policy) {
  const findings = [];
  for (const r of raw) {
    const f = toFinding(r, policy);
    if (f) findings.push(f);
  }
  return findings;
}

// src/gate/run-check.ts
async function runCheck(check, ctx) {
  const start = performance.now();
  if (ctx.signal.aborted) return failedCheck(check.id, ctx.signal.reason, 0);
  try {
    const aborted = new Promise((_, reject) => {
      if (ctx.signal.aborted) reject(ctx.signal.reason);
      ctx.signal.addEventListener("abort", () => reject(ctx.signal.reason), { once: true });
    });
    const result3 = await Promise.race([check.run(ctx), aborted]);
    return {
      run: { id: check.id, status: result3.skipped ? "skipped" : "ran", durationMs: elapsedSince(start), ...result3.detail ? { detail: result3.detail } : {} },
      findings: result3.findings
    };
  } catch (err) {
    return failedCheck(check.id, err, elapsedSince(start));
  }
}
function failedCheck(id, err, durationMs) {
  const input = err instanceof InputError ? err : void 0;
  const reason = err instanceof Error ? err.message : String(err);
  return {
    run: { id, status: "failed", durationMs, detail: reason },
    findings: [
      {
        ruleId: "gate/check-failed",
        message: `check "${id}" could not run: ${reason}`,
        location: { ...input?.file ? { file: input.file } : {}, ...input?.line ? { line: input.line } : {} },
        key: id
      }
    ]
  };
}
function elapsedSince(start) {
  return Math.round((performance.now() - start) * 10) / 10;
}

// src/gate/run-checks.ts
var WORKER_MIN_BYTES = 32 * 1024 * 1024;
var GROUP_ORDER = ["manifests", "reports", "secrets", "supply", "image"];
var YOUNG_GENERATION_MB = 8;
var GRACE_MS = 1e3;
async function runChecks(checks, ctx, opts) {
  const movable = checks.filter((c) => c.workerGroup !== void 0 && ALL_CHECKS.includes(c));
  const scans = ctx.runScanner !== void 0 && (ctx.config.reports?.run?.length ?? 0) > 0;
  const thread = movable.length > 0 && !scans && (opts.thread ?? ctx.workspace.holdsBytes(WORKER_MIN_BYTES));
  if (!thread) return (await Promise.all(checks.map((c) => runCheck(c, ctx)))).map((o) => prepareOutcome(o, opts.policy));
  const groups = /* @__PURE__ */ new Map();
  for (const c of movable) {
    const group = groups.get(c.workerGroup);
    if (group) group.push(c);
    else groups.set(c.workerGroup, [c]);
  }
  const rank = (group) => GROUP_ORDER.includes(group) ? GROUP_ORDER.indexOf(group) : GROUP_ORDER.length;
  const queue = [...groups.keys()].sort((a, b) => rank(a) - rank(b)).map((g) => groups.get(g));
  const { root, config, configFile, baseRef, now, env } = ctx;
  const queued = runGroups({ groups: queue, ctx, job: { root, config, configFile, baseRef, now, env: { ...env }, rendered: ctx.workspace.rendered, deadline: opts.deadline, deadlineMessage: opts.deadlineMessage, policy: opts.policy } });
  const mainThread = Promise.all(checks.filter((c) => !movable.includes(c)).map((c) => runCheck(c, ctx))).then((outcomes) => {
    ctx.workspace = ctx.workspace.fresh();
    return outcomes.map((o) => prepareOutcome(o, opts.policy));
  });
  const [onMain, fromQueue] = await Promise.all([mainThread, queued]);
  const byCheck = /* @__PURE__ */ new Map();
  for (const [i, group] of queue.entries()) for (const [j, c] of group.entries()) byCheck.set(c, fromQueue[i]?.[j]);
  let next2 = 0;
  return checks.map((c) => byCheck.get(c) ?? onMain[next2++]);
}
function workerUrl() {
  return import.meta.url.endsWith(".ts") ? new URL(import.meta.url) : new URL("./check-worker.js", import.meta.url);
}
function runGroups({ groups, ctx, job: job2, entry = workerUrl(), claimOnMain = true }) {
  const n = groups.length;
  const results = new Array(n);
  const prepare = (o) => prepareOutcome(o, job2.policy);
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const claimedHere = /* @__PURE__ */ new Set();
  const start = performance.now();
  const elapsed = () => Math.round(performance.now() - start);
  let left = n;
  return new Promise((resolve) => {
    if (n === 0) return resolve([]);
    let worker;
    let grace;
    const finish = () => {
      clearTimeout(grace);
      ctx.signal.removeEventListener("abort", onAbort);
      const w = worker;
      worker = void 0;
      if (w) void w.terminate();
      resolve(results);
    };
    const deliver = (i, outcomes) => {
      if (results[i]) return;
      results[i] = outcomes;
      if (--left === 0) finish();
    };
    let claiming = false;
    const claimLoop = async () => {
      if (claiming) return;
      claiming = true;
      for (let i = Atomics.add(claim, 0, 1); i < n; i = Atomics.add(claim, 0, 1)) {
        claimedHere.add(i);
        const groupCtx = { ...ctx, workspace: ctx.workspace.fresh() };
        const group = groups[i] ?? [];
        try {
          deliver(i, (await Promise.all(group.map((c) => runCheck(c, groupCtx)))).map(prepare));
        } catch (err) {
          deliver(i, group.map((c) => prepare(failedCheck(c.id, err, elapsed()))));
        }
      }
    };
    const lostWorker = (err) => {
      if (!worker) return;
      worker = void 0;
      const claimed = Math.min(Atomics.load(claim, 0), n);
      for (let i = 0; i < claimed; i++)
        if (!claimedHere.has(i)) deliver(i, (groups[i] ?? []).map((c) => prepare(failedCheck(c.id, err, elapsed()))));
      void claimLoop();
    };
    const onAbort = () => {
      worker?.postMessage("abort");
      grace = setTimeout(() => {
        const w = worker;
        lostWorker(ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error(String(ctx.signal.reason)));
        void w?.terminate();
      }, GRACE_MS);
    };
    try {
      const data = { ...job2, kind: "mcp-gate-checks", groups: groups.map((g) => g.map((c) => c.id)), claim };
      const w = new Worker(entry, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker = w;
      w.on("message", (m) => deliver(m.group, m.outcomes));
      w.once("error", (err) => lostWorker(new Error(`check worker failed: ${err.message}`)));
      w.once("exit", (code) => lostWorker(new Error(`check worker exited (code ${code}) before reporting`)));
    } catch {
    }
    if (ctx.signal.aborted) onAbort();
    else ctx.signal.addEventListener("abort", onAbort, { once: true });
    if (claimOnMain || !worker) setImmediate(() => void claimLoop());
  });
}
async function workerMain(job2) {
  const port = parentPort;
  if (!port) return;
  const controller = new AbortController();
  setMaxListeners(256, controller.signal);
  const timer = setTimeout(() => controller.abort(new Error(job2.deadlineMessage)), Math.max(0, job2.deadline - Date.now()));
  port.on("message", (m) => {
    if (m === "abort") controller.abort(new Error(job2.deadlineMessage));
  });
  const prepare = (o) => prepareOutcome(o, job2.policy);
  const files = new Workspace(job2.root);
  files.setRendered(job2.rendered);
  const run2 = (id, ctx) => {
    const check = ALL_CHECKS.find((c) => c.id === id);
    return check ? runCheck(check, ctx) : Promise.resolve(failedCheck(id, new Error(`check worker: unknown check "${id}"`), 0));
  };
  const send = (m) => {
    try {
      port.postMessage(m);
    } catch (err) {
      const why = new Error(`check worker could not send its results: ${err.message}`);
      port.postMessage({ group: m.group, outcomes: m.outcomes.map((o) => prepare(failedCheck(o.run.id, why, o.run.durationMs))) });
    }
  };
  for (let i = Atomics.add(job2.claim, 0, 1); i < job2.groups.length; i = Atomics.add(job2.claim, 0, 1)) {
    const ctx = {
      root: job2.root,
      config: job2.config,
      ...job2.configFile !== void 0 ? { configFile: job2.configFile } : {},
      ...job2.baseRef !== void 0 ? { baseRef: job2.baseRef } : {},
      workspace: files.fresh(),
      signal: controller.signal,
      now: job2.now,
      env: job2.env
    };
    const outcomes = await Promise.all((job2.groups[i] ?? []).map((id) => run2(id, ctx)));
    send({ group: i, outcomes: outcomes.map(prepare) });
  }
  clearTimeout(timer);
  port.close();
}
var job = isMainThread ? void 0 : workerData;
if (job?.kind === "mcp-gate-checks") await workerMain(job);

export {
  behaviourCheck,
  ALL_CHECKS,
  resolvePolicy,
  flagNotes,
  decide,
  exitCodeFor,
  toFinding,
  prepareFindings,
  runCheck,
  WORKER_MIN_BYTES,
  runChecks,
  runGroups
};
