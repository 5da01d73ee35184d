import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  execFileSafe
} from "./chunk-RL6DG25S.js";

// src/main/scanners.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
var RUN_TIMEOUT_MS = 1e5;
var runScanner = async (tool, { root, env, signal }) => {
  const dir = mkdtempSync(join(tmpdir(), "mcp-gate-run-"));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  const out = join(dir, "report.json");
  const args = tool === "trivy" ? ["fs", "--quiet", "--format", "json", "--scanners", "vuln,secret,misconfig", "--output", out, root] : ["dir", root, "--report-format", "json", "--report-path", out, "--no-banner", "--exit-code", "0"];
  try {
    const r = await execFileSafe(tool, args, {
      env: { ...env },
      extendEnv: false,
      timeout: RUN_TIMEOUT_MS,
      reject: false,
      stdin: "ignore",
      stdout: "ignore",
      stderr: "pipe",
      cancelSignal: signal,
      maxBuffer: 1024 * 1024
    });
    const code = r.code;
    let error;
    if (code === "ENOENT" || /ENOENT/.test(String(r.message ?? "")))
      error = `${tool} is not on PATH; install it in the workflow or remove it from reports.run and list its report file instead`;
    else if (r.timedOut) error = `${tool} did not finish within ${RUN_TIMEOUT_MS} ms`;
    else if (r.failed) {
      const tail = tool === "trivy" ? String(r.stderr ?? "").trim().split("\n").pop()?.slice(0, 300) : void 0;
      error = `${tool} exited with code ${r.exitCode ?? "?"}${tail ? `: ${tail}` : ""}`;
    }
    if (error === void 0) return { reportFile: out, dispose };
    dispose();
    return { error };
  } catch (err) {
    dispose();
    throw err;
  }
};

export {
  runScanner
};
