import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  execFileSafe
} from "./chunk-RL6DG25S.js";

// src/workspace/git.ts
var BaseRefError = class extends Error {
  name = "BaseRefError";
};
var GIT_TIMEOUT_MS = 15e3;
async function git(root, args, maxBuffer) {
  const r = await execFileSafe("git", args, {
    cwd: root,
    reject: false,
    timeout: GIT_TIMEOUT_MS,
    stripFinalNewline: false,
    maxBuffer,
    env: { GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1" },
    extendEnv: true
  });
  if (r.failed && r.exitCode === void 0) throw new BaseRefError(`git ${args[0]} could not run: ${r.shortMessage ?? r.message}`);
  return { exitCode: r.exitCode ?? 1, stdout: String(r.stdout ?? ""), stderr: String(r.stderr ?? "") };
}
async function readFileAtRef(root, ref, path, maxBytes = 1024 * 1024) {
  if (ref === "" || ref.startsWith("-") || /[\s\u0000-\u001f]/.test(ref)) throw new BaseRefError(`base ref "${ref}" is not a valid git revision`);
  const resolved = await git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], 4096);
  const commit = resolved.stdout.trim();
  if (resolved.exitCode !== 0 || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit)) {
    const why = resolved.stderr.includes("not a git repository") ? `${root} is not a git repository` : `base ref "${ref}" does not exist in this repository (shallow clone? fetch the base, e.g. actions/checkout with fetch-depth: 0)`;
    throw new BaseRefError(why);
  }
  const prefix = await git(root, ["rev-parse", "--show-prefix"], 65536);
  if (prefix.exitCode !== 0) throw new BaseRefError(`git rev-parse --show-prefix failed: ${prefix.stderr.trim()}`);
  const full = `${prefix.stdout.trim()}${path}`;
  const description = `base revision ${ref} (${commit.slice(0, 12)})`;
  const type = await git(root, ["cat-file", "-t", `${commit}:${full}`], 4096);
  if (type.exitCode !== 0) return { commit, description };
  if (type.stdout.trim() !== "blob") throw new BaseRefError(`${path} in ${description} is a ${type.stdout.trim()}, not a file`);
  const shown = await git(root, ["show", "--no-textconv", `${commit}:${full}`], maxBytes * 2);
  if (shown.exitCode !== 0) throw new BaseRefError(`cannot read ${path} from ${description}: ${shown.stderr.trim()}`);
  if (shown.stdout.length > maxBytes) throw new BaseRefError(`${path} in ${description} is larger than ${maxBytes} bytes`);
  return { commit, description, text: shown.stdout };
}
async function trackedFiles(root) {
  let r;
  try {
    r = await git(root, ["-c", "core.fsmonitor=false", "ls-files", "-z", "--cached"], 256 * 1024 * 1024);
  } catch (err) {
    return { error: err.message };
  }
  if (r.exitCode === 0) return { files: new Set(r.stdout.split("\0").filter(Boolean)) };
  if (r.stderr.includes("not a git repository")) return { notRepository: true };
  return { error: `git ls-files failed: ${r.stderr.trim().slice(0, 200)}` };
}

export {
  BaseRefError,
  readFileAtRef,
  trackedFiles
};
