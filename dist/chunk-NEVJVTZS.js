import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  isYamlFile
} from "./chunk-SUVOHOKO.js";
import {
  isObj
} from "./chunk-ELCXR4WP.js";
import {
  parseYamlDocuments
} from "./chunk-XAOTV5DC.js";

// checks/probes/sigma.ts
var DEFAULT_THRESHOLDS = { baselinePerMinute: 20, medianSessionMs: 6e5 };
var SEED_REF = "seed 003 HD-06 Behavioral Baselines and Anomaly Detection";
var LOGSOURCE = ["logsource:", "  product: mcp", "  service: audit", '  definition: "JSON audit log lines of the MCP server (seed 003 auditLog: eventType, outcome, agentId, agentRole, sessionId, toolName, durationMs, sourceIP)"'];
var HEADER = (file) => [
  `# ${file} \u2014 written by \`mcp-gate alerts init\`; deploy it to your SIEM (sigma convert) and keep it in the repository.`,
  "# The id is how mcp-gate recognises this rule (siem/alert-rules-missing): keep it when you adapt the rule."
];
var q = (s) => JSON.stringify(s);
var ID = {
  unauthorized: "67993ba8-23bd-4618-a7bf-17e1593ed532",
  burstBase: "52a9b248-b816-4713-8331-dfe143d5d602",
  burst: "9c47d969-ab31-4775-900e-5770819acbf4",
  session: "5e6db3e5-4e52-481a-9c40-bfbb251b66c9",
  authBase: "383e7780-268b-4a1c-998a-23a2471447a7",
  auth: "2355e89f-2ce5-4b2f-84ad-ebaf863d701b"
};
function common(title, id, description, extra = []) {
  return [
    `title: ${q(title)}`,
    `id: ${id}`,
    ...extra,
    "status: experimental",
    `description: ${q(description)}`,
    "references:",
    `  - ${q(SEED_REF)}`,
    "author: mcp-gate",
    "date: 2026-11-21"
  ];
}
var ALERTS = [
  {
    name: "mcp-unauthorized-tool-attempt",
    title: "Unauthorized tool attempt",
    ids: [ID.unauthorized],
    render: () => [
      ...HEADER("mcp-unauthorized-tool-attempt.yml"),
      ...common(
        "MCP unauthorized tool attempt",
        ID.unauthorized,
        "A tool invocation was DENIED because the tool is not in the session allowlist: the highest-signal prompt injection indicator. Threshold: any occurrence. P1, 5-minute response SLA."
      ),
      "tags:",
      "  - attack.execution",
      ...LOGSOURCE,
      "detection:",
      "  selection:",
      "    eventType: TOOL_INVOKED",
      "    outcome: DENIED",
      "  condition: selection",
      "fields:",
      "  - agentId",
      "  - agentRole",
      "  - sessionId",
      "  - toolName",
      "  - sourceIP",
      "falsepositives:",
      "  - A client probing for tools after an allowlist change",
      "level: critical",
      ""
    ].join("\n")
  },
  {
    name: "mcp-burst-invocation",
    title: "Burst invocation pattern",
    ids: [ID.burstBase, ID.burst],
    render: (t) => {
      const threshold = Math.ceil(3 * t.baselinePerMinute);
      return [
        ...HEADER("mcp-burst-invocation.yml"),
        ...common("MCP tool invocation", ID.burstBase, "Every tool invocation; the base rule of the burst correlation below.", ["name: mcp_gate_tool_invoked"]),
        ...LOGSOURCE,
        "detection:",
        "  selection:",
        "    eventType: TOOL_INVOKED",
        "  condition: selection",
        "level: informational",
        "---",
        ...common(
          "MCP burst invocation pattern",
          ID.burst,
          `Tool invocations by one agent above 3x the established baseline (${t.baselinePerMinute}/min per role) within 60 seconds: active injection or a runaway agent loop. Action: rate-limit the session, alert the security team. Sigma has no dynamic baseline: regenerate with \`mcp-gate alerts init --baseline-per-minute N\` when the baseline changes.`
        ),
        "correlation:",
        "  type: event_count",
        "  rules:",
        "    - mcp_gate_tool_invoked",
        "  group-by:",
        "    - agentRole",
        "    - agentId",
        "  timespan: 60s",
        "  condition:",
        `    gte: ${threshold}`,
        "falsepositives:",
        "  - Batch jobs above the role baseline",
        "level: high",
        ""
      ].join("\n");
    }
  },
  {
    name: "mcp-session-duration-anomaly",
    title: "Session duration anomaly",
    ids: [ID.session],
    render: (t) => [
      ...HEADER("mcp-session-duration-anomaly.yml"),
      ...common(
        "MCP session duration anomaly",
        ID.session,
        `A session lasted more than 2x the median duration for its task type (median ${t.medianSessionMs} ms): the signature of an agent redirected from its task. The audit log's SESSION_ENDED event carries durationMs. Regenerate with \`mcp-gate alerts init --median-session-ms N\` per task type.`
      ),
      ...LOGSOURCE,
      "detection:",
      "  selection:",
      "    eventType: SESSION_ENDED",
      "    durationMs|gte: " + String(Math.ceil(2 * t.medianSessionMs)),
      "  condition: selection",
      "fields:",
      "  - agentId",
      "  - agentRole",
      "  - sessionId",
      "  - durationMs",
      "falsepositives:",
      "  - Legitimately long tasks of a type whose median is not yet established",
      "level: medium",
      ""
    ].join("\n")
  },
  {
    name: "mcp-auth-failure-spike",
    title: "Auth failure spike",
    ids: [ID.authBase, ID.auth],
    render: () => [
      ...HEADER("mcp-auth-failure-spike.yml"),
      ...common("MCP authentication failure", ID.authBase, "Every authentication failure; the base rule of the spike correlation below.", ["name: mcp_gate_auth_failure"]),
      ...LOGSOURCE,
      "detection:",
      "  selection:",
      "    eventType: AUTH_FAILURE",
      "  condition: selection",
      "level: low",
      "---",
      ...common(
        "MCP authentication failure spike",
        ID.auth,
        "Three or more authentication failures from the same agent identity within 60 seconds: a credential rotation failure or an active brute-force attempt. Both require immediate investigation."
      ),
      "correlation:",
      "  type: event_count",
      "  rules:",
      "    - mcp_gate_auth_failure",
      "  group-by:",
      "    - agentId",
      "  timespan: 60s",
      "  condition:",
      "    gte: 3",
      "falsepositives:",
      "  - A credential rotation that left an agent with a stale token",
      "level: high",
      ""
    ].join("\n")
  }
];
var DEFAULT_ALERTS_DIR = "siem/sigma";
function findAlertRules(ws) {
  const allIds = new Set(ALERTS.flatMap((a) => a.ids));
  const foundIds = /* @__PURE__ */ new Map();
  for (const file of ws.select(void 0, isYamlFile)) {
    let text;
    try {
      text = ws.read(file);
    } catch {
      continue;
    }
    if (![...allIds].some((id) => text.includes(id))) continue;
    let docs;
    try {
      docs = parseYamlDocuments(text, file);
    } catch {
      continue;
    }
    for (const d of docs) {
      const v = d.value;
      if (isObj(v) && typeof v.id === "string" && allIds.has(v.id) && (isObj(v.detection) || isObj(v.correlation))) foundIds.set(v.id, file);
    }
  }
  const present = /* @__PURE__ */ new Map();
  const missing = [];
  for (const a of ALERTS) {
    if (a.ids.every((id) => foundIds.has(id))) present.set(a.name, foundIds.get(a.ids[a.ids.length - 1]));
    else missing.push(a);
  }
  return { present, missing };
}

export {
  DEFAULT_THRESHOLDS,
  ALERTS,
  DEFAULT_ALERTS_DIR,
  findAlertRules
};
