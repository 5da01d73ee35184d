import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  directoryArg
} from "./chunk-POZA5NS5.js";
import {
  parseFlags
} from "./chunk-S53EXTFC.js";
import {
  USAGE
} from "./chunk-3JVBWD4V.js";
import {
  ALERTS,
  DEFAULT_ALERTS_DIR,
  DEFAULT_THRESHOLDS
} from "./chunk-NEVJVTZS.js";
import {
  writeFileAtomic
} from "./chunk-SUVOHOKO.js";
import "./chunk-RL6DG25S.js";
import "./chunk-ELCXR4WP.js";
import "./chunk-XAOTV5DC.js";
import "./chunk-QFNJ2TLX.js";
import {
  UsageError
} from "./chunk-LAB7SYR4.js";
import "./chunk-W4AQ4HPL.js";
import "./chunk-7DU3YBTW.js";

// src/main/commands/alerts.ts
import { existsSync, mkdirSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
var ALERTS_OPTIONS = {
  out: { type: "string" },
  "baseline-per-minute": { type: "string" },
  "median-session-ms": { type: "string" },
  force: { type: "boolean", default: false }
};
var alertsCommand = {
  usage: USAGE.alerts,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, ALERTS_OPTIONS, "alerts");
    const [sub, dirArg, ...extra] = positionals;
    if (sub !== "init") throw new UsageError(`alerts: unknown subcommand ${sub === void 0 ? "(none)" : `"${sub}"`} (expected: init)`);
    if (extra.length > 0) throw new UsageError(`alerts init takes one DIR, got: ${[dirArg, ...extra].join(" ")}`);
    const root = directoryArg(dirArg, io);
    const thresholds = {
      baselinePerMinute: positiveInt(values["baseline-per-minute"], "--baseline-per-minute") ?? DEFAULT_THRESHOLDS.baselinePerMinute,
      medianSessionMs: positiveInt(values["median-session-ms"], "--median-session-ms") ?? DEFAULT_THRESHOLDS.medianSessionMs
    };
    const out = values.out ?? DEFAULT_ALERTS_DIR;
    const dir = isAbsolute(out) ? out : join(root, out);
    const files = ALERTS.map((a) => ({ path: join(dir, `${a.name}.yml`), text: a.render(thresholds) }));
    const existing = files.filter((f) => existsSync(f.path));
    if (existing.length > 0 && !values.force) {
      throw new UsageError(`refusing to overwrite ${existing.map((f) => relative(root, f.path)).join(", ")} (use --force)`);
    }
    mkdirSync(dir, { recursive: true });
    for (const f of files) {
      writeFileAtomic(f.path, f.text);
      io.stdout(`wrote ${relative(io.cwd, f.path) || f.path}
`);
    }
    io.stdout(`${files.length} Sigma rules written; convert them for your SIEM (e.g. sigma convert -t splunk) and commit them.
`);
    return 0;
  }
};
function positiveInt(value, flag) {
  if (value === void 0) return void 0;
  if (!/^[1-9][0-9]{0,9}$/.test(value)) throw new UsageError(`${flag} must be a positive integer (got "${value}")`);
  return Number(value);
}
export {
  ALERTS_OPTIONS,
  alertsCommand
};
