import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_LIFETIME_DAYS,
  OVERRIDE_NAMESPACE,
  evaluateOverrides,
  keyFingerprint,
  parseArmoredSignature,
  signingProblems,
  verifySignature
} from "./chunk-5FTVMKFX.js";
import {
  clean
} from "./chunk-PVVDXCAZ.js";
import {
  directoryArg
} from "./chunk-POZA5NS5.js";
import {
  oneOf,
  parseFlags
} from "./chunk-S53EXTFC.js";
import {
  USAGE
} from "./chunk-3JVBWD4V.js";
import {
  runScanner
} from "./chunk-OXVGEM3X.js";
import {
  protectPolicy,
  runGate
} from "./chunk-YKW7JSOZ.js";
import {
  NON_OVERRIDABLE,
  OVERRIDES_DIR,
  formatLocation,
  parseDateValue,
  parseOverrideText,
  partName,
  signedMessage
} from "./chunk-BL2EWJM3.js";
import "./chunk-3IQIDTOS.js";
import "./chunk-RYM7ONMO.js";
import "./chunk-NZX64G7O.js";
import "./chunk-4OVJG3E2.js";
import "./chunk-NEVJVTZS.js";
import {
  writeFileAtomic
} from "./chunk-SUVOHOKO.js";
import {
  execFileSafe
} from "./chunk-RL6DG25S.js";
import "./chunk-RJCN6M3C.js";
import "./chunk-BLXERQGE.js";
import "./chunk-C7KT5PLB.js";
import "./chunk-SQCNUDAA.js";
import {
  readConfig
} from "./chunk-357DEUAJ.js";
import {
  DEFAULT_CONFIG_FILE
} from "./chunk-ELCXR4WP.js";
import "./chunk-XAOTV5DC.js";
import {
  isRuleId
} from "./chunk-QFNJ2TLX.js";
import {
  UsageError
} from "./chunk-LAB7SYR4.js";
import "./chunk-K4MPSSIE.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";

// src/main/commands/override.ts
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

// src/overrides/sign.ts
async function sshKeygenSign(message, opts) {
  const args = ["-Y", "sign", "-n", OVERRIDE_NAMESPACE, "-f", opts.keyFile, ...opts.agent ? ["-U"] : []];
  const r = await execFileSafe(opts.sshKeygen ?? "ssh-keygen", args, {
    input: message,
    reject: false,
    timeout: 12e4,
    ...opts.env ? { env: opts.env } : {}
  });
  if (r.exitCode !== 0 || !String(r.stdout).includes("-----BEGIN SSH SIGNATURE-----")) {
    const why = r.exitCode === void 0 ? r.shortMessage ?? "ssh-keygen could not run" : String(r.stderr).trim().split("\n").pop();
    throw new UsageError(`ssh-keygen -Y sign failed: ${why}`);
  }
  return String(r.stdout).trim();
}
function insertSignature(text, file, armored) {
  const before = parseOverrideText(text, file);
  if (!("doc" in before)) throw new UsageError(`${before.file}:${before.line}: ${before.reason}`);
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^signature\s*:/.test(line)) {
      while (i + 1 < lines.length && (/^\s/.test(lines[i + 1]) || lines[i + 1] === "")) i++;
      continue;
    }
    out.push(line);
  }
  while (out.length && out[out.length - 1].trim() === "") out.pop();
  const block = ["signature: |", ...armored.trim().split("\n").map((l) => `  ${l.trim()}`)];
  const result = `${[...out, ...block].join("\n")}
`;
  const after = parseOverrideText(result, file);
  if (!("doc" in after) || signedMessage(after.raw) !== signedMessage(before.raw) || after.doc.signature?.trim() !== armored.trim())
    throw new UsageError(`${file}: cannot place the signature: write the override as a top-level YAML block mapping (no flow style, no document markers around signature)`);
  return result;
}
function readForSigning(text, file) {
  const p = parseOverrideText(text, file);
  if (!("doc" in p)) throw new UsageError(`${p.file}:${p.line}: ${p.reason}`);
  for (const [key, value] of [
    ["justification", p.doc.justification],
    ["remediation.ticket", p.doc.remediation.ticket],
    ["approver", p.doc.approver]
  ])
    if (/\bTODO\b/.test(value)) throw new UsageError(`${file}:${p.lineOfKey(key)}: ${key} still holds the TODO placeholder`);
  return p;
}

// src/main/commands/override.ts
var DAY_MS = 864e5;
var overrideCommand = {
  usage: USAGE.override,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === "new") return overrideNew(rest, io);
    if (sub === "sign") return overrideSign(rest, io);
    if (sub === "verify") return overrideVerify(rest, io);
    if (sub === "list") return overrideList(rest, io);
    throw new UsageError(`override needs a subcommand: new, sign, verify or list${sub ? ` (got "${sub}")` : ""}`);
  }
};
async function maxLifetimeOf(root, file, baseRef, io) {
  const loaded = readConfig(root, file === void 0 ? void 0 : resolve(io.cwd, file));
  const name = loaded.configFile ?? DEFAULT_CONFIG_FILE;
  const config = baseRef !== void 0 && !isAbsolute(name) ? (await protectPolicy(root, baseRef, name, loaded.config)).config : loaded.config;
  return config.overrides?.maxLifetimeDays ?? DEFAULT_MAX_LIFETIME_DAYS;
}
var COMMON = { "base-ref": { type: "string" }, config: { type: "string" } };
var OVERRIDE_OPTIONS = {
  new: {
    fingerprint: { type: "string" },
    rule: { type: "string" },
    resource: { type: "string" },
    container: { type: "string" },
    report: { type: "string" },
    id: { type: "string" },
    approver: { type: "string" },
    expires: { type: "string" },
    ticket: { type: "string" },
    due: { type: "string" },
    justification: { type: "string" },
    force: { type: "boolean", default: false },
    ...COMMON
  },
  sign: { key: { type: "string", short: "f" }, agent: { type: "boolean", default: false }, "print-message": { type: "boolean", default: false }, ...COMMON },
  verify: COMMON,
  list: { ...COMMON, format: { type: "string" } }
};
function rootOf(positionals, what, io) {
  if (positionals.length > 1) throw new UsageError(`override ${what} takes one DIR, got ${positionals.length}`);
  return directoryArg(positionals[0], io);
}
function isoDate(d) {
  return d.toISOString().slice(0, 10);
}
function checkDate(value, flag) {
  if (value !== void 0 && parseDateValue(value) === void 0) throw new UsageError(`${flag} must be a date YYYY-MM-DD or an RFC 3339 timestamp (got "${value}")`);
  return value;
}
async function overrideNew(args, io) {
  const { values, positionals } = parseFlags(args, OVERRIDE_OPTIONS.new, "override new");
  const root = rootOf(positionals, "new", io);
  if (values.fingerprint === void 0 === (values.rule === void 0 && values.resource === void 0))
    throw new UsageError("choose the finding with --fingerprint FP, or with --rule RULE --resource RESOURCE [--container NAME]");
  if (values.fingerprint === void 0 && (values.rule === void 0 || values.resource === void 0)) throw new UsageError("--rule and --resource go together");
  const maxDays = await maxLifetimeOf(root, values.config, values["base-ref"], io);
  checkDate(values.expires, "--expires");
  checkDate(values.due, "--due");
  const findings = values.report !== void 0 ? readReportFindings(values.report, io) : (await runGate({ root, ...values.config ? { configFile: resolve(io.cwd, values.config) } : {}, env: io.env, runScanner })).findings;
  let rule;
  let resource;
  let container;
  let matched;
  if (values.fingerprint !== void 0) {
    const fp = values.fingerprint;
    const hits = fp.length >= 8 ? findings.filter((f) => f.fingerprint.startsWith(fp)) : [];
    if (hits.length !== 1)
      throw new UsageError(hits.length ? `fingerprint prefix "${fp}" matches ${hits.length} findings; give more characters` : `no finding with fingerprint "${fp}" in the current report (need at least 8 characters)`);
    matched = hits[0];
    rule = matched.ruleId;
    const res = matched.location.resource ?? (matched.location.file ? `file:${matched.location.file}` : void 0);
    if (!res) throw new UsageError(`finding ${fp} has neither a resource nor a file: it cannot be targeted by an override`);
    resource = res;
    container = values.container ?? matched.location.container;
  } else {
    rule = values.rule;
    resource = values.resource;
    container = values.container;
    if (!isRuleId(rule)) throw new UsageError(`unknown rule "${rule}" (see mcp-gate rules)`);
    matched = findings.find(
      (f) => f.ruleId === rule && (f.location.resource ?? `file:${f.location.file}`) === resource && (container === void 0 || f.location.container === container)
    );
    if (!matched && !values.force) throw new UsageError(`no ${rule} finding on ${resource}${container ? ` ${partName({ resource })} ${container}` : ""} in the current report (--force writes the override anyway)`);
  }
  if (isRuleId(rule) && NON_OVERRIDABLE.has(rule)) throw new UsageError(`rule ${rule} cannot be overridden`);
  const now = /* @__PURE__ */ new Date();
  const id = values.id ?? nextId(root, now);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id)) throw new UsageError(`--id "${id}": letters, digits, dot, dash, underscore`);
  const expires = values.expires ?? isoDate(new Date(now.getTime() + Math.min(30, maxDays) * DAY_MS));
  const approver = values.approver ?? await gitEmail(root, io.env) ?? "TODO@example.com";
  const problems = await signingProblems({ root, ...values["base-ref"] ? { baseRef: values["base-ref"] } : {}, env: io.env, now, maxLifetimeDays: maxDays, expires, approver });
  const refused = problems.filter((p) => p.kind !== "approver" || values.approver !== void 0);
  if (refused.length > 0) throw new UsageError(`override new: refused, "override verify" would reject it: ${refused.map((p) => p.reason).join("; ")}`);
  for (const p of problems) io.stderr(`mcp-gate: warning: ${p.reason}; set approver to your own principal before signing
`);
  const lines = [
    `# Override for ${rule} on ${resource}${container ? ` (${partName({ resource })} ${container})` : ""}.`,
    ...matched ? [`# Finding: ${clean(matched.message).replace(/\n/g, " ")}`] : [],
    "# Fill in every TODO, then sign: mcp-gate override sign <this file> --key ~/.ssh/id_ed25519",
    `# Any change after signing invalidates the signature. Expiry at most ${maxDays} days ahead (overrides.maxLifetimeDays).`,
    "apiVersion: mcp-gate/v1",
    "kind: Override",
    `id: ${id}`,
    "target:",
    `  rule: ${JSON.stringify(rule)}`,
    `  resource: ${JSON.stringify(resource)}`,
    ...container !== void 0 ? [`  container: ${JSON.stringify(container)}`] : [],
    `justification: ${JSON.stringify(values.justification ?? "TODO: why this risk is accepted until the fix, and what limits it meanwhile")}`,
    `remediation: {ticket: ${JSON.stringify(values.ticket ?? "TODO")}, due: ${values.due ?? expires}}`,
    `approver: ${JSON.stringify(approver)}`,
    `expires: ${expires}`,
    ""
  ];
  const dir = join(root, OVERRIDES_DIR);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${id}.yaml`);
  if (existsSync(file) && !values.force) throw new UsageError(`${relative(io.cwd, file)} exists (--force overwrites)`);
  writeFileAtomic(file, lines.join("\n"));
  io.stdout(`${relative(io.cwd, file) || file}
`);
  if (matched) io.stderr(`mcp-gate: finding ${matched.fingerprint} (${rule} at ${clean(formatLocation(matched.location))})
`);
  io.stderr(`mcp-gate: wrote override template ${id}; fill in the TODOs, then run: mcp-gate override sign ${relative(io.cwd, file)} --key KEYFILE
`);
  return 0;
}
function readReportFindings(path, io) {
  let report;
  try {
    report = JSON.parse(readFileSync(resolve(io.cwd, path), "utf8"));
  } catch (err) {
    throw new UsageError(`${path}: cannot read a JSON report (${err.message})`);
  }
  const findings = report?.findings;
  if (!Array.isArray(findings) || !findings.every((f) => f && typeof f.ruleId === "string" && typeof f.fingerprint === "string" && typeof f.location === "object"))
    throw new UsageError(`${path}: not an mcp-gate JSON report (mcp-gate check --format json)`);
  return findings;
}
function nextId(root, now) {
  const year = now.getUTCFullYear();
  let max = 0;
  const dir = join(root, OVERRIDES_DIR);
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      const m = new RegExp(`^OVR-${year}-(\\d+)\\.ya?ml$`).exec(name);
      if (m) max = Math.max(max, Number(m[1]));
    }
  }
  return `OVR-${year}-${String(max + 1).padStart(3, "0")}`;
}
async function gitEmail(root, env) {
  const r = await execFileSafe("git", ["config", "user.email"], { cwd: root, env: { ...env }, extendEnv: false, reject: false, timeout: 5e3 });
  const email = String(r.stdout ?? "").trim();
  return r.exitCode === 0 && email ? email : void 0;
}
async function overrideSign(args, io) {
  const { values, positionals } = parseFlags(args, OVERRIDE_OPTIONS.sign, "override sign");
  if (positionals.length === 0) throw new UsageError("override sign needs at least one override FILE");
  if (values["print-message"]) {
    if (positionals.length !== 1) throw new UsageError("--print-message takes exactly one FILE");
    const file = positionals[0];
    io.stdout(signedMessage(readForSigning(readTextFile(file, io), file).raw));
    return 0;
  }
  if (!values.key) throw new UsageError("--key KEYFILE is required (the private key, or with --agent the public key whose private half ssh-agent holds)");
  const keyFile = resolve(io.cwd, values.key);
  if (!existsSync(keyFile)) throw new UsageError(`${values.key}: key file not found`);
  const now = /* @__PURE__ */ new Date();
  for (const file of positionals) {
    const path = resolve(io.cwd, file);
    const text = readTextFile(file, io);
    const parsed = readForSigning(text, file);
    const message = signedMessage(parsed.raw);
    const armored = await sshKeygenSign(message, { keyFile, agent: values.agent, env: io.env });
    const sig = parseArmoredSignature(armored);
    await verifySignature(sig, message, OVERRIDE_NAMESPACE);
    const root = overrideRoot(path) ?? directoryArg(void 0, io);
    const maxDays = await maxLifetimeOf(root, values.config, values["base-ref"], io);
    const problems = await signingProblems({
      root,
      ...values["base-ref"] ? { baseRef: values["base-ref"] } : {},
      env: io.env,
      now,
      maxLifetimeDays: maxDays,
      expires: parsed.doc.expires,
      approver: parsed.doc.approver,
      key: sig.publicKey
    });
    if (problems.length > 0) throw new UsageError(`${file}: not signed, "override verify" would reject it: ${problems.map((p) => p.reason).join("; ")}`);
    writeFileAtomic(path, insertSignature(text, file, armored));
    io.stdout(`signed ${file} (${parsed.doc.id}) as ${parsed.doc.approver} with key ${keyFingerprint(sig.publicKey)}
`);
  }
  return 0;
}
function overrideRoot(path) {
  const marker = `${sep}${OVERRIDES_DIR.split("/").join(sep)}${sep}`;
  const at = path.lastIndexOf(marker);
  return at < 0 ? void 0 : path.slice(0, at) || sep;
}
function readTextFile(file, io) {
  try {
    return readFileSync(resolve(io.cwd, file), "utf8");
  } catch (err) {
    throw new UsageError(`${file}: cannot read (${err.code ?? err})`);
  }
}
async function evaluate(args, what, io) {
  const { values, positionals } = parseFlags(args, OVERRIDE_OPTIONS[what], `override ${what}`);
  const root = rootOf(positionals, what, io);
  const evaluation = await evaluateOverrides({
    root,
    ...values["base-ref"] ? { baseRef: values["base-ref"] } : {},
    env: io.env,
    now: /* @__PURE__ */ new Date(),
    maxLifetimeDays: await maxLifetimeOf(root, values.config, values["base-ref"], io)
  });
  return { evaluation, values };
}
async function overrideVerify(args, io) {
  const { evaluation } = await evaluate(args, "verify", io);
  if (!evaluation.present) {
    io.stdout(`no ${OVERRIDES_DIR} directory
`);
    return 0;
  }
  let bad = 0;
  for (const f of evaluation.findings.filter((x) => x.ruleId === "gate/check-failed")) {
    bad++;
    io.stdout(`FAILED  ${f.location.file ?? ""}${f.location.line ? `:${f.location.line}` : ""}  ${clean(f.message)}
`);
  }
  for (const o of evaluation.overrides) {
    const where = `${o.file}:${o.line}`;
    if (o.status === "valid" || o.status === "expiring") io.stdout(`OK      ${where}  ${clean(o.id ?? "")} approved by ${clean(o.approver ?? "")} (key ${o.signer}), ${o.daysLeft} day(s) left
`);
    else {
      bad++;
      io.stdout(`${o.status.toUpperCase().padEnd(7)} ${where}  ${clean(o.id ?? "")}: ${clean(o.reason ?? "")}
`);
    }
  }
  io.stdout(`${evaluation.detail}
`);
  return bad ? 1 : 0;
}
async function overrideList(args, io) {
  const { evaluation, values } = await evaluate(args, "list", io);
  const format = oneOf(values.format ?? "text", ["text", "json"], "--format");
  if (format === "json") {
    io.stdout(`${JSON.stringify({ trust: evaluation.trust?.description ?? null, overrides: evaluation.overrides, problems: evaluation.findings.filter((f) => f.ruleId === "gate/check-failed") }, null, 2)}
`);
    return 0;
  }
  io.stdout(listTable(evaluation.overrides));
  for (const f of evaluation.findings.filter((x) => x.ruleId === "gate/check-failed")) io.stderr(`mcp-gate: ${clean(f.message)}
`);
  io.stdout(`${evaluation.detail}
`);
  return 0;
}
function listTable(overrides) {
  const header = ["ID", "STATUS", "DAYS LEFT", "EXPIRES", "APPROVER", "RULE", "RESOURCE", "TICKET", "FILE"];
  const rows = overrides.map((o) => [
    o.id ?? "-",
    o.status,
    o.daysLeft === void 0 ? "-" : String(o.daysLeft),
    o.expires ?? "-",
    o.approver ?? "-",
    o.rule ?? "-",
    `${o.resource ?? "-"}${o.container ? ` (${o.container})` : ""}`,
    o.ticket ?? "-",
    `${o.file}:${o.line}`
  ].map(clean));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r) => r.map((c, i) => i === r.length - 1 ? c : c.padEnd(widths[i])).join("  ");
  const out = [fmt(header), ...rows.map(fmt)];
  const reasons = overrides.filter((o) => o.reason && o.status !== "valid").map((o) => `  ${o.id ?? o.file}: ${clean(o.reason ?? "")}`);
  return `${out.join("\n")}
${reasons.length ? `${reasons.join("\n")}
` : ""}`;
}
export {
  OVERRIDE_OPTIONS,
  listTable,
  overrideCommand
};
