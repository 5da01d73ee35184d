import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  ALLOWED_SIGNERS_FILE,
  NON_OVERRIDABLE,
  OVERRIDES_DIR,
  parseDateValue,
  parseOverrideText,
  partName,
  signedMessage
} from "./chunk-BL2EWJM3.js";
import {
  BaseRefError,
  readFileAtRef
} from "./chunk-RYM7ONMO.js";
import {
  compareStrings
} from "./chunk-RL6DG25S.js";
import {
  readRegularText
} from "./chunk-XAOTV5DC.js";
import {
  RULE_IDS,
  isRuleId
} from "./chunk-QFNJ2TLX.js";
import {
  InputError,
  didYouMean
} from "./chunk-LAB7SYR4.js";

// src/overrides/evaluate.ts
import { lstatSync as lstatSync2, readdirSync } from "node:fs";
import { join as join2 } from "node:path";

// src/overrides/sshsig.ts
import { createHash, createPublicKey, verify } from "node:crypto";
import { promisify } from "node:util";
var verifyAsync = promisify(verify);
var SSHSIG_MAGIC = "SSHSIG";
var OVERRIDE_NAMESPACE = "mcp-gate-override";
var BEGIN = "-----BEGIN SSH SIGNATURE-----";
var END = "-----END SSH SIGNATURE-----";
var MIN_RSA_BITS = 2048;
var SshSigError = class extends Error {
  name = "SshSigError";
};
var SshReader = class {
  #buf;
  #pos = 0;
  constructor(buf) {
    this.#buf = buf;
  }
  get done() {
    return this.#pos === this.#buf.length;
  }
  bytes(n) {
    if (n < 0 || this.#pos + n > this.#buf.length) throw new SshSigError("truncated SSH data");
    const out = this.#buf.subarray(this.#pos, this.#pos + n);
    this.#pos += n;
    return out;
  }
  uint32() {
    return this.bytes(4).readUInt32BE(0);
  }
  string() {
    return this.bytes(this.uint32());
  }
  text() {
    const b = this.string();
    const s = b.toString("utf8");
    if (!Buffer.from(s, "utf8").equals(b)) throw new SshSigError("invalid UTF-8 in SSH string");
    return s;
  }
  /** A non-negative mpint, returned without leading zero bytes. */
  mpint() {
    const b = this.string();
    if (b.length > 0 && b[0] & 128) throw new SshSigError("negative mpint");
    let i = 0;
    while (i < b.length && b[i] === 0) i++;
    return b.subarray(i);
  }
  end(what) {
    if (!this.done) throw new SshSigError(`trailing bytes after ${what}`);
  }
};
function sshString(b) {
  const body = typeof b === "string" ? Buffer.from(b, "utf8") : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length, 0);
  return Buffer.concat([len, body]);
}
function parseArmoredSignature(armored) {
  const lines = armored.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  if (lines[0] !== BEGIN) throw new SshSigError(`not an SSH signature: expected "${BEGIN}"`);
  if (lines[lines.length - 1] !== END || lines.length < 3) throw new SshSigError(`not an SSH signature: missing "${END}"`);
  const body = lines.slice(1, -1).join("");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) throw new SshSigError("SSH signature is not valid base64");
  return parseSignatureBlob(Buffer.from(body, "base64"));
}
function parseSignatureBlob(blob) {
  const r = new SshReader(blob);
  try {
    if (r.bytes(6).toString("latin1") !== SSHSIG_MAGIC) throw new SshSigError("not an SSH signature: missing SSHSIG preamble");
    const version = r.uint32();
    if (version !== 1) throw new SshSigError(`unsupported SSHSIG version ${version}`);
    const publicKey = r.string();
    const namespace = r.text();
    r.string();
    const hash = r.text();
    const sigBlob = r.string();
    r.end("the SSH signature");
    if (hash !== "sha256" && hash !== "sha512") throw new SshSigError(`unsupported SSHSIG hash algorithm "${hash}"`);
    const keyType = new SshReader(publicKey).text();
    const sr = new SshReader(sigBlob);
    const signatureAlgorithm = sr.text();
    const signature = sr.string();
    sr.end("the signature blob");
    return { publicKey, keyType, namespace, hashAlgorithm: hash, signatureAlgorithm, signature };
  } catch (err) {
    if (err instanceof SshSigError) throw err;
    throw new SshSigError(`malformed SSH signature: ${err.message}`);
  }
}
var EC_CURVES = {
  "ecdsa-sha2-nistp256": { crv: "P-256", hash: "sha256", bytes: 32 },
  "ecdsa-sha2-nistp384": { crv: "P-384", hash: "sha384", bytes: 48 },
  "ecdsa-sha2-nistp521": { crv: "P-521", hash: "sha512", bytes: 66 }
};
var SUPPORTED_KEY_TYPES = ["ssh-ed25519", "ssh-rsa", ...Object.keys(EC_CURVES)];
var keyCache = /* @__PURE__ */ new Map();
function parsePublicKey(blob) {
  const cacheKey = blob.toString("base64");
  const hit = keyCache.get(cacheKey);
  if (hit) return hit;
  const parsed = parsePublicKeyUncached(blob);
  if (keyCache.size > 1e4) keyCache.clear();
  keyCache.set(cacheKey, parsed);
  return parsed;
}
function parsePublicKeyUncached(blob) {
  const r = new SshReader(blob);
  const type = r.text();
  try {
    if (type === "ssh-ed25519") {
      const pk = r.string();
      r.end("the ed25519 key");
      if (pk.length !== 32) throw new SshSigError("ed25519 key is not 32 bytes");
      return { type, key: createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: pk.toString("base64url") }, format: "jwk" }) };
    }
    const ec = EC_CURVES[type];
    if (ec) {
      const curveName = r.text();
      const q = r.string();
      r.end("the ECDSA key");
      if (`ecdsa-sha2-${curveName}` !== type) throw new SshSigError(`ECDSA key names curve ${curveName} but type ${type}`);
      if (q.length !== 1 + 2 * ec.bytes || q[0] !== 4) throw new SshSigError("ECDSA key is not an uncompressed point of its curve");
      const x = q.subarray(1, 1 + ec.bytes).toString("base64url");
      const y = q.subarray(1 + ec.bytes).toString("base64url");
      return { type, key: createPublicKey({ key: { kty: "EC", crv: ec.crv, x, y }, format: "jwk" }), curveHash: ec.hash, scalarBytes: ec.bytes };
    }
    if (type === "ssh-rsa") {
      const e = r.mpint();
      const n = r.mpint();
      r.end("the RSA key");
      const bits = n.length * 8 - Math.clz32(n[0] ?? 0) + 24;
      if (bits < MIN_RSA_BITS) throw new SshSigError(`RSA key of ${bits} bits is below the ${MIN_RSA_BITS}-bit minimum`);
      return {
        type,
        key: createPublicKey({ key: { kty: "RSA", n: n.toString("base64url"), e: e.toString("base64url") }, format: "jwk" }),
        bits
      };
    }
  } catch (err) {
    if (err instanceof SshSigError) throw err;
    throw new SshSigError(`invalid ${type} public key: ${err.message}`);
  }
  if (type.includes("-cert-v01@openssh.com")) throw new SshSigError(`SSH certificates (${type}) are not supported: sign with a plain key listed in allowed_signers`);
  throw new SshSigError(`unsupported key type "${type}" (supported: ${SUPPORTED_KEY_TYPES.join(", ")})`);
}
function signedData(namespace, hashAlgorithm, message) {
  const digest = createHash(hashAlgorithm).update(message).digest();
  return Buffer.concat([Buffer.from(SSHSIG_MAGIC, "latin1"), sshString(namespace), sshString(""), sshString(hashAlgorithm), sshString(digest)]);
}
async function verifySignature(sig, message, namespace) {
  if (sig.namespace !== namespace) throw new SshSigError(`signature namespace is "${sig.namespace}", expected "${namespace}" (sign with ssh-keygen -Y sign -n ${namespace})`);
  const key = parsePublicKey(sig.publicKey);
  const data = signedData(sig.namespace, sig.hashAlgorithm, message);
  let ok;
  try {
    ok = await verifyInner(key, sig, data);
  } catch (err) {
    if (err instanceof SshSigError) throw err;
    ok = false;
  }
  if (!ok) throw new SshSigError("bad signature: the signature does not match the document (content changed after signing, or another key)");
}
async function verifyInner(key, sig, data) {
  const alg = sig.signatureAlgorithm;
  if (key.type === "ssh-ed25519") {
    if (alg !== "ssh-ed25519") throw new SshSigError(`signature algorithm ${alg} does not match an ed25519 key`);
    if (sig.signature.length !== 64) return false;
    return verifyAsync(null, data, key.key, sig.signature);
  }
  if (key.type === "ssh-rsa") {
    if (alg === "ssh-rsa") throw new SshSigError("ssh-rsa (SHA-1) signatures are refused: sign with rsa-sha2-256 or rsa-sha2-512 (any current ssh-keygen does)");
    const hash = alg === "rsa-sha2-256" ? "sha256" : alg === "rsa-sha2-512" ? "sha512" : void 0;
    if (!hash) throw new SshSigError(`signature algorithm ${alg} does not match an RSA key`);
    return verifyAsync(hash, data, key.key, sig.signature);
  }
  if (alg !== key.type) throw new SshSigError(`signature algorithm ${alg} does not match an ${key.type} key`);
  const sr = new SshReader(sig.signature);
  const r = sr.mpint();
  const s = sr.mpint();
  sr.end("the ECDSA signature");
  const width = key.scalarBytes;
  if (r.length > width || s.length > width) return false;
  const p1363 = Buffer.concat([Buffer.alloc(width - r.length), r, Buffer.alloc(width - s.length), s]);
  return verifyAsync(key.curveHash, data, { key: key.key, dsaEncoding: "ieee-p1363" }, p1363);
}
function keyFingerprint(blob) {
  return `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
}

// src/overrides/allowed-signers.ts
var KNOWN_KEY_TYPE = /^(ssh-|ecdsa-|sk-|rsa-)/;
function parseAllowedSigners(text) {
  const signers = [];
  const problems = [];
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, "");
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    try {
      signers.push(parseLine(trimmed, i + 1));
    } catch (err) {
      problems.push({ line: i + 1, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { signers, problems };
}
function parseLine(line, lineNo) {
  let rest = line;
  let principals;
  if (rest.startsWith('"')) {
    const close = rest.indexOf('"', 1);
    if (close < 0) throw new Error("unterminated quoted principals");
    principals = rest.slice(1, close);
    rest = rest.slice(close + 1);
    if (rest !== "" && !/^\s/.test(rest)) throw new Error("expected whitespace after quoted principals");
  } else {
    const m = /^\S+/.exec(rest);
    principals = m[0];
    rest = rest.slice(principals.length);
  }
  rest = rest.trimStart();
  if (principals === "" || principals.split(",").some((p) => p === "" || p === "!")) throw new Error("empty principal in the principals list");
  const signer = { line: lineNo, principals };
  const firstToken = /^\S*/.exec(rest)?.[0] ?? "";
  if (firstToken === "") throw new Error("missing key after the principals");
  if (!KNOWN_KEY_TYPE.test(firstToken) || firstToken.includes("=") || firstToken === "cert-authority") {
    const { options, after } = splitOptions(rest);
    applyOptions(signer, options);
    rest = after.trimStart();
  }
  const tokens = rest.split(/\s+/);
  const keyType = tokens[0] ?? "";
  const b64 = tokens[1];
  if (!keyType) throw new Error("missing key type");
  if (b64 === void 0 || b64 === "") throw new Error(`missing base64 key after "${keyType}"`);
  if (!SUPPORTED_KEY_TYPES.includes(keyType)) {
    if (keyType.includes("-cert-v01@openssh.com")) throw new Error(`certificate key type ${keyType} is not supported: list the engineer's plain public key`);
    throw new Error(`unsupported key type "${keyType}" (supported: ${SUPPORTED_KEY_TYPES.join(", ")})`);
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) throw new Error("key is not valid base64");
  const key = Buffer.from(b64, "base64");
  let inner;
  try {
    inner = new SshReader(key).text();
  } catch (err) {
    throw new Error(`malformed key blob: ${err.message}`);
  }
  if (inner !== keyType) throw new Error(`key type "${keyType}" does not match the key blob ("${inner}")`);
  if (signer.validAfter && signer.validBefore && signer.validBefore <= signer.validAfter) throw new Error("valid-before is not after valid-after");
  return { ...signer, keyType, key };
}
function splitOptions(s) {
  const options = [];
  let cur = "";
  let quoted = false;
  let i = 0;
  for (; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === "\\" && s[i + 1] === '"') {
        cur += '"';
        i++;
        continue;
      }
      if (ch === '"') quoted = false;
      cur += ch;
      continue;
    }
    if (ch === '"') {
      quoted = true;
      cur += ch;
    } else if (ch === ",") {
      options.push(cur);
      cur = "";
    } else if (/\s/.test(ch)) break;
    else cur += ch;
  }
  if (quoted) throw new Error("unterminated quote in options");
  options.push(cur);
  return { options, after: s.slice(i) };
}
function applyOptions(signer, options) {
  const seen = /* @__PURE__ */ new Set();
  for (const opt of options) {
    const eq = opt.indexOf("=");
    const name = (eq < 0 ? opt : opt.slice(0, eq)).toLowerCase();
    if (seen.has(name)) throw new Error(`option ${name} given twice`);
    seen.add(name);
    if (name === "cert-authority") {
      throw new Error(
        "cert-authority entries are not supported: mcp-gate trusts individual keys only, so every override names the engineer whose key signed it; list each approver's public key instead"
      );
    }
    if (eq < 0) throw new Error(`unknown option "${opt}" (supported: namespaces=, valid-after=, valid-before=)`);
    const rawValue = opt.slice(eq + 1);
    if (!(rawValue.length >= 2 && rawValue.startsWith('"') && rawValue.endsWith('"'))) throw new Error(`option ${name} needs a double-quoted value`);
    const value = rawValue.slice(1, -1);
    if (name === "namespaces") {
      if (value === "") throw new Error("namespaces is empty");
      signer.namespaces = value;
    } else if (name === "valid-after") signer.validAfter = parseSshTime(value, name);
    else if (name === "valid-before") signer.validBefore = parseSshTime(value, name);
    else throw new Error(`unknown option "${name}" (supported: namespaces=, valid-after=, valid-before=)`);
  }
}
function parseSshTime(value, what = "time") {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(Z?)$/i.exec(value);
  if (!m) throw new Error(`${what} "${value}" is not YYYYMMDD[HHMM[SS]][Z]`);
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => x === void 0 ? 0 : Number(x));
  const utc = m[7] !== "";
  const date = utc ? new Date(Date.UTC(y, mo - 1, d, h, mi, s)) : new Date(y, mo - 1, d, h, mi, s);
  const back = utc ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()] : [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
  if (back.join() !== [y, mo, d, h, mi, s].join()) throw new Error(`${what} "${value}" is not a valid date`);
  return date;
}
function matchPattern(s, pattern) {
  let si = 0;
  let pi = 0;
  let star = -1;
  let mark = 0;
  while (si < s.length) {
    const pc = pattern[pi];
    if (pc === "*") {
      star = pi++;
      mark = si;
    } else if (pc !== void 0 && (pc === "?" || pc === s[si])) {
      si++;
      pi++;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++mark;
    } else return false;
  }
  while (pattern[pi] === "*") pi++;
  return pi === pattern.length;
}
function matchPatternList(s, list) {
  let matched = false;
  for (const raw of list.split(",")) {
    const negated = raw.startsWith("!");
    const pattern = negated ? raw.slice(1) : raw;
    if (matchPattern(s, pattern)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}
function findSigner(signers, key, principal, namespace, at) {
  const sameKey = signers.filter((s) => s.key.equals(key));
  if (sameKey.length === 0) return { ok: false, kind: "untrusted", reason: "untrusted signer: the signing key is not in the trusted allowed_signers" };
  const forPrincipal = sameKey.filter((s) => matchPatternList(principal, s.principals));
  if (forPrincipal.length === 0) {
    const listed = sameKey.map((s) => s.principals).join("; ");
    return { ok: false, kind: "approver", reason: `approver mismatch: approver "${principal}" is not a principal of the signing key (allowed_signers lists it for ${listed})` };
  }
  const inNamespace = forPrincipal.filter((s) => s.namespaces === void 0 || matchPatternList(namespace, s.namespaces));
  if (inNamespace.length === 0)
    return { ok: false, kind: "namespace", reason: `namespace: the signing key is not allowed to sign in namespace "${namespace}" (allowed_signers line ${forPrincipal[0]?.line} restricts namespaces)` };
  const valid = inNamespace.find((s) => (!s.validAfter || at >= s.validAfter) && (!s.validBefore || at < s.validBefore));
  if (!valid) {
    const s = inNamespace[0];
    const window = `${s.validAfter ? `valid-after ${s.validAfter.toISOString()}` : ""}${s.validAfter && s.validBefore ? ", " : ""}${s.validBefore ? `valid-before ${s.validBefore.toISOString()}` : ""}`;
    return { ok: false, kind: "validity", reason: `untrusted signer: the signing key is not valid at ${at.toISOString()} (allowed_signers line ${s.line}: ${window})` };
  }
  return { ok: true, signer: valid };
}

// src/overrides/trust.ts
import { lstatSync } from "node:fs";
import { join } from "node:path";
var PR_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target", "merge_group"]);
var MAX_SIGNERS_BYTES = 1024 * 1024;
async function readTrustSource(root, baseRef, env) {
  if (baseRef !== void 0) return readFromBaseRef(root, baseRef);
  const event = env.GITHUB_EVENT_NAME;
  if (event && PR_EVENTS.has(event))
    return {
      origin: "none",
      description: "no base ref",
      refusal: `no --base-ref in a ${event} run: the change under review cannot supply its own trusted signers, so no override is trusted (pass the PR's base sha as --base-ref)`
    };
  const st = lstatSync(join(root, ALLOWED_SIGNERS_FILE), { throwIfNoEntry: false });
  if (!st) return { origin: "working-tree", description: "working tree (no --base-ref)" };
  if (!st.isFile()) throw new BaseRefError(`${ALLOWED_SIGNERS_FILE} is not a regular file (symlinks are not followed)`);
  try {
    return { origin: "working-tree", description: "working tree (no --base-ref)", text: readRegularText(ALLOWED_SIGNERS_FILE, { within: root, maxBytes: MAX_SIGNERS_BYTES }) };
  } catch (err) {
    throw err instanceof InputError ? new BaseRefError(`${ALLOWED_SIGNERS_FILE} ${err.message}`) : err;
  }
}
async function readFromBaseRef(root, ref) {
  const r = await readFileAtRef(root, ref, ALLOWED_SIGNERS_FILE, MAX_SIGNERS_BYTES);
  return { origin: "base-ref", description: r.description, commit: r.commit, ...r.text !== void 0 ? { text: r.text } : {} };
}

// src/overrides/evaluate.ts
var DEFAULT_MAX_LIFETIME_DAYS = 90;
var DUE_SOON_DAYS = 7;
var DAY_MS = 864e5;
var MAX_OVERRIDE_BYTES = 64 * 1024;
var MAX_OVERRIDE_FILES = 1e4;
async function evaluateOverrides(opts) {
  const findings = [];
  const listed = opts.files ? { files: [...opts.files], problems: [] } : listOverrideFiles(opts.root);
  if (!listed) return { present: false, overrides: [], applicable: [], findings, detail: "no .mcp-gate/overrides directory" };
  const parsed = [...listed.problems];
  for (const { file, text } of listed.files) parsed.push(parseOverrideText(text, file));
  if (parsed.length === 0) return { present: true, overrides: [], applicable: [], findings, detail: "no override files" };
  let trust;
  try {
    trust = opts.trust ?? await readTrustSource(opts.root, opts.baseRef, opts.env);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const failed = err instanceof BaseRefError ? reason : `cannot read trusted signers: ${reason}`;
    findings.push({
      ruleId: "gate/check-failed",
      message: `overrides could not be verified, so none of the ${parsed.length} override file(s) is applied: ${failed}`,
      // Line 1: the trust file as a whole (annotations need a line).
      location: { file: ALLOWED_SIGNERS_FILE, line: 1 },
      key: "overrides"
    });
    const overrides2 = parsed.map((p) => ({ file: p.file, line: p.line, ..."doc" in p ? { id: p.doc.id } : p.id ? { id: p.id } : {}, status: "invalid", reason: failed }));
    return { present: true, overrides: overrides2, applicable: [], findings, detail: `not verified: ${failed}` };
  }
  const { signers, problems, noTrust } = trustedSigners(trust);
  for (const p of problems)
    findings.push({
      ruleId: "gate/check-failed",
      message: `${ALLOWED_SIGNERS_FILE} line ${p.line} (${trust.description}) does not parse and grants no trust: ${p.message}`,
      location: { file: ALLOWED_SIGNERS_FILE, line: p.line },
      key: `allowed_signers:${p.line}`
    });
  const idCount = /* @__PURE__ */ new Map();
  for (const p of parsed) if ("doc" in p) idCount.set(p.doc.id, [...idCount.get(p.doc.id) ?? [], p.file]);
  const maxDays = opts.maxLifetimeDays ?? DEFAULT_MAX_LIFETIME_DAYS;
  const overrides = [];
  const applicable = [];
  const results = await Promise.all(
    parsed.map(async (p) => {
      if (!("doc" in p)) return { evaluated: { file: p.file, line: p.line, ...p.id ? { id: p.id } : {}, status: "invalid", reason: p.reason } };
      return verifyOne(p, { signers, noTrust, now: opts.now, maxDays, duplicates: idCount.get(p.doc.id) ?? [] });
    })
  );
  for (const r of results) {
    overrides.push(r.evaluated);
    if (r.applicable) applicable.push(r.applicable);
  }
  overrides.sort((a, b) => compareStrings(a.file, b.file));
  applicable.sort((a, b) => compareStrings(a.id, b.id) || compareStrings(a.file, b.file));
  for (const o of overrides) findings.push(...findingsFor(o, opts.now));
  const count = (s) => overrides.filter((o) => o.status === s).length;
  const detail = `${overrides.length} override file(s): ${count("valid") + count("expiring")} valid, ${count("invalid")} invalid, ${count("expired")} expired; trusted signers from ${trust.description}${trust.origin === "working-tree" ? " \u2014 trust NOT from a protected base: pass --base-ref in CI" : ""}` + (trust.text !== void 0 ? ` (${signers.length} key line(s))` : "");
  return { present: true, overrides, applicable, findings, trust, detail };
}
function trustedSigners(trust) {
  const { signers, problems } = trust.text !== void 0 ? parseAllowedSigners(trust.text) : { signers: [], problems: [] };
  const noTrust = trust.refusal ?? (trust.text === void 0 ? `untrusted signer: ${trust.description} has no ${ALLOWED_SIGNERS_FILE}, so no key is trusted` : signers.length === 0 ? `untrusted signer: ${ALLOWED_SIGNERS_FILE} in ${trust.description} lists no usable key` : void 0);
  return { signers, problems, noTrust };
}
function expiryProblem(expires, now, maxDays) {
  const expiresAt = parseDateValue(expires);
  if (expiresAt.getTime() <= now.getTime()) return { status: "expired", reason: `expired ${expires}` };
  const lifetimeDays = /T/.test(expires) ? (expiresAt.getTime() - now.getTime()) / DAY_MS : Math.round(parseDateValue(expires, false).getTime() / DAY_MS) - Math.floor(now.getTime() / DAY_MS);
  if (lifetimeDays > maxDays)
    return { status: "invalid", reason: `lifetime: expires ${expires}, ${Math.ceil(lifetimeDays)} days from now, beyond overrides.maxLifetimeDays (${maxDays}); sign a shorter override` };
  return void 0;
}
async function signingProblems(c) {
  const out = [];
  const expiry = expiryProblem(c.expires, c.now, c.maxLifetimeDays ?? DEFAULT_MAX_LIFETIME_DAYS);
  if (expiry) out.push({ kind: "expiry", reason: expiry.reason });
  let trust;
  try {
    trust = await readTrustSource(c.root, c.baseRef, c.env);
  } catch (err) {
    out.push({ kind: "trust", reason: `trusted signers cannot be read: ${err instanceof Error ? err.message : String(err)}` });
    return out;
  }
  const { signers, noTrust } = trustedSigners(trust);
  if (noTrust) out.push({ kind: "trust", reason: noTrust });
  else if (c.key) {
    const verdict = findSigner(signers, c.key, c.approver, OVERRIDE_NAMESPACE, c.now);
    if (!verdict.ok) out.push({ kind: verdict.kind === "approver" ? "approver" : "trust", reason: `${verdict.reason} (key ${keyFingerprint(c.key)}; signers from ${trust.description})` });
  } else if (!signers.some((s) => matchPatternList(c.approver, s.principals)))
    out.push({ kind: "approver", reason: `approver "${c.approver}" is not a principal of any key in ${ALLOWED_SIGNERS_FILE} of ${trust.description}` });
  return out;
}
async function verifyOne(p, ctx) {
  const d = p.doc;
  const expiresAt = parseDateValue(d.expires);
  const base = {
    file: p.file,
    line: p.line,
    id: d.id,
    status: "invalid",
    rule: d.target.rule,
    resource: d.target.resource,
    ...d.target.container !== void 0 ? { container: d.target.container } : {},
    approver: d.approver,
    expires: d.expires,
    daysLeft: Math.floor((expiresAt.getTime() - ctx.now.getTime()) / DAY_MS),
    ticket: d.remediation.ticket,
    due: d.remediation.due
  };
  const invalid = (reason, key) => ({ evaluated: { ...base, line: p.lineOfKey(key), reason } });
  if (ctx.duplicates.length > 1) {
    const others = ctx.duplicates.filter((f) => f !== p.file);
    return invalid(`duplicate id "${d.id}" (also in ${others.join(", ") || "this file"}): ids must be unique, so neither override applies`, "id");
  }
  if (!isRuleId(d.target.rule)) {
    const hint = didYouMean(d.target.rule, RULE_IDS);
    return invalid(`unknown rule "${d.target.rule}"${hint ? ` (did you mean "${hint}"?)` : ""}`, "target.rule");
  }
  const rule = d.target.rule;
  if (NON_OVERRIDABLE.has(rule)) return invalid(`rule ${rule} cannot be overridden`, "target.rule");
  if (d.signature === void 0 || d.signature.trim() === "")
    return invalid('unsigned: no signature (sign it with "mcp-gate override sign")', "id");
  let signer;
  try {
    const sig = parseArmoredSignature(d.signature);
    signer = keyFingerprint(sig.publicKey);
    await verifySignature(sig, signedMessage(p.raw), OVERRIDE_NAMESPACE);
    if (ctx.noTrust) return { evaluated: { ...base, signer, line: p.lineOfKey("signature"), reason: ctx.noTrust } };
    const verdict = findSigner(ctx.signers, sig.publicKey, d.approver, OVERRIDE_NAMESPACE, ctx.now);
    if (!verdict.ok) return { evaluated: { ...base, signer, line: p.lineOfKey(verdict.kind === "approver" ? "approver" : "signature"), reason: `${verdict.reason} (key ${signer})` } };
  } catch (err) {
    const message = err instanceof SshSigError ? err.message : `signature could not be checked: ${err.message}`;
    return { evaluated: { ...base, ...signer ? { signer } : {}, line: p.lineOfKey("signature"), reason: message } };
  }
  base.signer = signer;
  const expiry = expiryProblem(d.expires, ctx.now, ctx.maxDays);
  if (expiry?.status === "expired") return { evaluated: { ...base, line: p.lineOfKey("expires"), status: "expired", reason: expiry.reason } };
  if (expiry) return invalid(expiry.reason, "expires");
  const dueSoon = expiresAt.getTime() - ctx.now.getTime() <= DUE_SOON_DAYS * DAY_MS || parseDateValue(d.remediation.due).getTime() - ctx.now.getTime() <= DUE_SOON_DAYS * DAY_MS;
  const evaluated = { ...base, status: dueSoon ? "expiring" : "valid" };
  return {
    evaluated,
    applicable: {
      id: d.id,
      file: p.file,
      line: p.line,
      rule,
      resource: d.target.resource,
      ...d.target.container !== void 0 ? { container: d.target.container } : {},
      expiresAt,
      applied: {
        id: d.id,
        approver: d.approver,
        expires: d.expires,
        justification: d.justification,
        ticket: d.remediation.ticket,
        due: d.remediation.due,
        file: p.file
      }
    }
  };
}
function target(o) {
  return `${o.rule} on ${o.resource}${o.container ? ` (${partName(o)} ${o.container})` : ""}`;
}
function findingsFor(o, now) {
  const name = o.id ? `override ${o.id}` : `override file ${o.file}`;
  const location = { file: o.file, line: o.line };
  if (o.status === "invalid")
    return [{ ruleId: "override/invalid", message: `${name} is invalid and covers nothing: ${o.reason}`, location, key: o.id ?? "" }];
  if (o.status === "expired")
    return [{ ruleId: "override/expired", message: `${name} (${target(o)}, approved by ${o.approver}) expired ${o.expires}; the finding it covered counts again`, location, key: o.id ?? "" }];
  if (o.status !== "expiring") return [];
  const parts = [];
  const expiresAt = parseDateValue(o.expires);
  const dueAt = parseDateValue(o.due);
  if (expiresAt.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY_MS) parts.push(`expires ${o.expires} (${describeDays(expiresAt, now)})`);
  if (dueAt.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY_MS)
    parts.push(dueAt.getTime() < now.getTime() ? `remediation ${o.ticket} was due ${o.due} (${describeDays(dueAt, now)})` : `remediation ${o.ticket} is due ${o.due} (${describeDays(dueAt, now)})`);
  return [{ ruleId: "override/expiring", message: `${name} (${target(o)}, approved by ${o.approver}) ${parts.join("; ")}`, location, key: o.id ?? "" }];
}
function describeDays(at, now) {
  const ms = at.getTime() - now.getTime();
  const days = Math.floor(Math.abs(ms) / DAY_MS);
  if (ms < 0) return days === 0 ? "today" : `${days} day(s) ago`;
  return days === 0 ? "within a day" : `in ${days} day(s)`;
}
function listOverrideFiles(root) {
  const abs = join2(root, OVERRIDES_DIR);
  let st;
  let parent;
  try {
    st = lstatSync2(abs);
    parent = lstatSync2(join2(root, ".mcp-gate"));
  } catch {
    return void 0;
  }
  const out = { files: [], problems: [] };
  if (!st.isDirectory() || !parent.isDirectory()) {
    out.problems.push({ file: OVERRIDES_DIR, line: 1, reason: "malformed: .mcp-gate/overrides (or .mcp-gate) is not a directory (symlinks are not followed); no override is read" });
    return out;
  }
  const walk = (rel) => {
    let entries;
    try {
      entries = readdirSync(join2(root, rel), { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name));
    } catch (err) {
      out.problems.push({ file: rel, line: 1, reason: `malformed: directory cannot be read (${err.code ?? err})` });
      return;
    }
    for (const e of entries) {
      const file = `${rel}/${e.name}`;
      if (out.files.length + out.problems.length >= MAX_OVERRIDE_FILES) {
        out.problems.push({ file: OVERRIDES_DIR, line: 1, reason: `malformed: more than ${MAX_OVERRIDE_FILES} files under ${OVERRIDES_DIR}; the rest are not read` });
        return;
      }
      if (e.isDirectory()) walk(file);
      else if (!/\.ya?ml$/i.test(e.name) && (e.name.startsWith(".") || /\.(md|txt)$/i.test(e.name))) {
      } else if (e.isSymbolicLink()) out.problems.push({ file, line: 1, reason: "malformed: symbolic link; overrides must be regular files" });
      else if (!/\.ya?ml$/i.test(e.name)) out.problems.push({ file, line: 1, reason: "malformed: not a .yaml/.yml file; every file here must be an override" });
      else if (!e.isFile()) out.problems.push({ file, line: 1, reason: "malformed: not a regular file" });
      else {
        try {
          out.files.push({ file, text: readRegularText(file, { within: root, maxBytes: MAX_OVERRIDE_BYTES, display: file }) });
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          out.problems.push({ file, line: err.line ?? 1, reason: `malformed: ${err.message}` });
        }
      }
    }
  };
  walk(OVERRIDES_DIR);
  return out;
}

export {
  OVERRIDE_NAMESPACE,
  parseArmoredSignature,
  verifySignature,
  keyFingerprint,
  DEFAULT_MAX_LIFETIME_DAYS,
  DUE_SOON_DAYS,
  evaluateOverrides,
  expiryProblem,
  signingProblems,
  listOverrideFiles
};
