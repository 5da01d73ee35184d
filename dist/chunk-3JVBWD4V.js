import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);

// src/main/commands/usage.ts
var USAGE = {
  check: "mcp-gate check [DIR] [--config FILE] [--mode warn|enforce] [--rollout 1|2|3] [--format text|json|sarif|markdown] [--output FILE] [--base-ref REF] [--fail-on all|new]",
  rules: "mcp-gate rules [--format text|json|markdown]",
  manifest: "mcp-gate manifest pin|diff [DIR] [--config FILE]",
  probe: "mcp-gate probe behaviour [DIR] --server ID [--config FILE] [--mode warn|enforce] [--format text|json|sarif|markdown] [--output FILE]",
  alerts: "mcp-gate alerts init [DIR] [--out PATH] [--baseline-per-minute N] [--median-session-ms N] [--force]",
  override: [
    "mcp-gate override new [DIR] (--fingerprint FP | --rule RULE --resource RES [--container NAME]) [--report FILE] [--id ID]",
    "      [--approver EMAIL] [--expires DATE] [--ticket T] [--due DATE] [--justification TEXT] [--config FILE] [--base-ref REF] [--force]",
    "  mcp-gate override sign FILE... --key KEYFILE [--agent] [--base-ref REF] [--config FILE] | --print-message",
    "  mcp-gate override verify [DIR] [--base-ref REF] [--config FILE]",
    "  mcp-gate override list [DIR] [--base-ref REF] [--config FILE] [--format text|json]"
  ].join("\n")
};
var CONFIG = "  --config FILE         config file (default: DIR/.mcp-gate.yml when present); a named file must exist";
var DIR = "  DIR                   directory to review (default: the repository holding the working directory)";
var BASE_REF_TRUST = "  --base-ref REF        git revision whose .mcp-gate/allowed_signers is trusted (default: the working tree's, for local use only)";
var OVERRIDE_HELP = {
  new: `mcp-gate override new [DIR] (--fingerprint FP | --rule RULE --resource RES [--container NAME]) [options]

Writes an unsigned override template under DIR/.mcp-gate/overrides/ for one finding of the current
report, and prints the fingerprint of that finding. Refuses what "override verify" would refuse:
an expiry in the past, a lifetime above overrides.maxLifetimeDays (default 90), an approver no key
of the trusted allowed_signers names.

${DIR}
  --fingerprint FP      the finding (at least 8 leading characters of its fingerprint: "fingerprint"
                        in --format json, or the fingerprint this command prints)
  --rule RULE           the finding by rule id (see mcp-gate rules) ...
  --resource RES        ... and resource: Kind/namespace/name, McpServer/<id>, or file:<path>
  --container NAME      ... and container (or MCP tool); omitted: every container of the resource
  --report FILE         pick the finding from this JSON report (mcp-gate check --format json -o FILE)
                        instead of running the gate on DIR
  --id ID               override id and file name (default OVR-<year>-<next number>)
  --approver EMAIL      who signs (default: git config user.email); a principal of the signing key
  --expires DATE        YYYY-MM-DD or RFC 3339 (default: 30 days, at most overrides.maxLifetimeDays)
  --ticket T            remediation ticket (default: the TODO placeholder, which sign refuses)
  --due DATE            remediation due date (default: the expiry)
  --justification TEXT  why the risk is accepted until the fix (default: TODO placeholder)
${CONFIG}
${BASE_REF_TRUST}
  --force               write even when no current finding matches, or overwrite an existing file`,
  sign: `mcp-gate override sign FILE... --key KEYFILE [--agent] [--base-ref REF] [--config FILE]
mcp-gate override sign FILE --print-message

Signs each override FILE with ssh-keygen -Y sign (namespace mcp-gate-override) and writes the
signature: block into it. Refuses a file that "override verify" would refuse (placeholders left,
expired, lifetime above overrides.maxLifetimeDays, key or approver not in the trusted allowed_signers).

  FILE...               override files (.mcp-gate/overrides/*.yaml)
  --key KEYFILE, -f     the private key; with --agent the public key whose private half ssh-agent holds
  --agent               sign with the key held by ssh-agent (ssh-keygen -U), e.g. a hardware token
  --print-message       print the exact bytes to sign (one FILE) for signing elsewhere, then stop
${BASE_REF_TRUST}
${CONFIG.replace("DIR/.mcp-gate.yml", ".mcp-gate.yml of the repository holding FILE")}`,
  verify: `mcp-gate override verify [DIR] [--base-ref REF] [--config FILE]

Checks every override under DIR/.mcp-gate/overrides/: schema, signature, trusted signer and
approver, expiry, lifetime. Exit 1 when any override is not valid.

${DIR}
${BASE_REF_TRUST}
${CONFIG}`,
  list: `mcp-gate override list [DIR] [--base-ref REF] [--config FILE] [--format text|json]

Lists the overrides with status (valid, expiring, expired, invalid), days left, approver, target.

${DIR}
${BASE_REF_TRUST}
${CONFIG}
  --format text|json    table (default) or JSON`
};
var HELP = {
  check: `${USAGE.check}

Runs every check on DIR and prints the report. Exit 0 nothing blocks, 1 blocked, 2 the gate could not run as asked.

${DIR}
${CONFIG}
  --mode warn|enforce   warn: report only; enforce: blocking findings fail (default: the config's,
                        else warn, else enforce when a rollout of 2 or 3 is set). A flag wins over the
                        config, and says so on stderr when they differ
  --rollout 1|2|3       1: report only; 2: only the critical rules (and gate/check-failed) block;
                        3: every BLOCK rule blocks. --rollout 2|3 without --mode means enforce
  --format FORMAT       text, json, sarif or markdown (default: from the --output extension, else text)
  --output FILE, -o     write the report to FILE (atomically) instead of stdout; the format follows
                        the extension (.json, .sarif, .md/.markdown; else text) unless --format is given
  --base-ref REF        the base revision: policy keys of the config and the trusted override
                        signers come from it, and its tree is judged too, so each finding is
                        marked new or existing (docs/policy.md)
  --fail-on all|new     with --base-ref, new: only findings the change introduced block
                        (default: the config's failOn, else all)`,
  probe: `${USAGE.probe}

Runs the runtime behaviour probes (path traversal, input validation, canary credentials in output,
error detail) against one live server of the config, e.g. one under development, and prints the
report check gives. Uses the local config as it is (no base revision). docs/probes.md.

${DIR}
  --server ID           an mcp.servers id (command or url), or "endpoint" for probes.endpoint
${CONFIG}
  --mode warn|enforce   as for check
  --format FORMAT       text, json, sarif or markdown (default: from the --output extension, else text)
  --output FILE, -o     write the report to FILE instead of stdout (format from the extension)`,
  rules: `${USAGE.rules}

Prints the rule catalog: id, default severity, title, fix.

  --format FORMAT       text (default), json, or markdown (the README table)`,
  manifest: `${USAGE.manifest}

pin   records the tools/list of every MCP server of the deployment in .mcp-gate/manifests.lock.json
      (and the snapshot beside it); review and commit both.
diff  shows what changed against the lockfile (read-only); exit 1 when anything differs.

${DIR}
${CONFIG}`,
  alerts: `${USAGE.alerts}

Writes the Sigma rules of the four behavioural alerts (unauthorized tool attempt, burst invocation,
session duration anomaly, auth failure spike) into DIR, where the siem check looks for them.

${DIR}
  --out PATH            directory for the rules, relative to DIR (default siem/sigma)
  --baseline-per-minute N   normal tool calls per minute per agent role (default 20); the burst alert
                        fires above 3x this within 60 seconds
  --median-session-ms N     median session length in ms (default 600000); the duration alert fires
                        above 2x it
  --force               overwrite existing rule files`,
  override: `${USAGE.override}

Signed, expiring exceptions for one finding (docs/overrides.md). "mcp-gate override SUB --help" explains each:
${Object.values(OVERRIDE_HELP).map((h) => `
${h}`).join("\n")}`
};

export {
  USAGE,
  OVERRIDE_HELP,
  HELP
};
