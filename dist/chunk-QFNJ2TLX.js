import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);

// src/rules/catalog.ts
var GATE = 'seed 003 "Pre-Deployment Security Gate"';
var HD02 = "seed 003 HD-02 / gate row";
var NET = 'seed 003 HD-01 / gate row "Network policy deployed and validated"';
var MAN = "seed 000";
var RULES = {
  "auth/not-enforced": {
    title: "Authentication not enforced on all MCP endpoints",
    defaultSeverity: "block",
    scope: "endpoint",
    critical: true,
    seed: `${GATE}: Authentication not enforced on all MCP endpoints`,
    remediation: "Require a bearer token on every MCP endpoint; answer unauthenticated requests with 401 and a WWW-Authenticate header pointing to RFC 9728 protected-resource metadata.",
    help: "The staging endpoint answered an MCP request that carried no valid credentials."
  },
  "tls/plaintext-accepted": {
    title: "Plaintext HTTP connections accepted",
    defaultSeverity: "block",
    scope: "endpoint",
    seed: `${GATE}: TLS 1.3 not configured \u2014 plaintext HTTP connections accepted`,
    remediation: "Serve MCP only over HTTPS; close the plaintext listener (or answer it only with a redirect to HTTPS on the same host).",
    help: "The endpoint accepted an unencrypted HTTP request."
  },
  "tls/weak-protocol": {
    title: "TLS below 1.3 accepted",
    defaultSeverity: "block",
    scope: "endpoint",
    seed: `${GATE}: TLS 1.3 not configured`,
    remediation: "Set the server or ingress minimum TLS version to 1.3 (e.g. ssl_protocols TLSv1.3; minVersion: TLSv1.3).",
    help: "A TLS handshake with a protocol version below 1.3 succeeded."
  },
  "tls/cert-expiring": {
    title: "TLS certificate expires within 14 days with no rotation scheduled",
    defaultSeverity: "block",
    scope: "endpoint",
    seed: `${GATE}: TLS certificate expiry within 14 days with no rotation scheduled`,
    remediation: "Renew the certificate, and schedule rotation (a cert-manager Certificate with renewBefore) so it cannot lapse again.",
    help: "The certificate served by the endpoint expires soon and no rotation is declared in the repository."
  },
  "k8s/run-as-root": {
    title: "Container may run as root",
    defaultSeverity: "block",
    scope: "container",
    scannerIds: ["KSV-0012", "KSV-0105", "CKV_K8S_23"],
    critical: true,
    seed: `${HD02} "Container running as root UID (runAsNonRoot: false)"`,
    remediation: "Set securityContext.runAsNonRoot: true and a non-zero runAsUser (e.g. 10001) on the pod or the container.",
    help: "Neither the container nor its pod sets runAsNonRoot: true with a non-zero user, or runAsUser is 0."
  },
  "k8s/capabilities-not-dropped": {
    title: "Linux capabilities not dropped",
    defaultSeverity: "block",
    scope: "container",
    linuxOnly: true,
    scannerIds: ["KSV-0003", "KSV-0004", "KSV-0005", "KSV-0022", "KSV-0106", "CKV_K8S_25", "CKV_K8S_28", "CKV_K8S_37", "CKV_K8S_39"],
    seed: `${HD02} "Linux capabilities not dropped (ALL not in drop list)"`,
    remediation: 'Set securityContext.capabilities.drop: ["ALL"] and add none back.',
    help: "ALL is not in capabilities.drop, or capabilities are added back."
  },
  "k8s/writable-root-fs": {
    title: "Root filesystem writable",
    defaultSeverity: "block",
    scope: "container",
    linuxOnly: true,
    scannerIds: ["KSV-0014", "CKV_K8S_22"],
    seed: `${HD02} "Root filesystem writable (readOnlyRootFilesystem: false)"`,
    remediation: "Set securityContext.readOnlyRootFilesystem: true; mount an emptyDir for paths the server must write.",
    help: "readOnlyRootFilesystem is not true for the container."
  },
  "k8s/privilege-escalation": {
    title: "Privilege escalation allowed",
    defaultSeverity: "block",
    scope: "container",
    linuxOnly: true,
    scannerIds: ["KSV-0001", "CKV_K8S_20"],
    seed: 'seed 003 HD-02 checklist "Privilege escalation disabled \u2014 allowPrivilegeEscalation: false"',
    remediation: "Set securityContext.allowPrivilegeEscalation: false (Kubernetes defaults it to true).",
    help: "allowPrivilegeEscalation is not explicitly false, or the container is privileged / has CAP_SYS_ADMIN, which forces it on."
  },
  "k8s/privileged": {
    title: "Privileged container",
    defaultSeverity: "block",
    scope: "container",
    scannerIds: ["KSV-0017", "CKV_K8S_16"],
    seed: "seed 003 HD-02 (process isolation)",
    remediation: "Remove securityContext.privileged: true; grant only the specific capability needed, if any.",
    help: "A privileged container has every capability and access to host devices."
  },
  "k8s/host-namespaces": {
    title: "Host namespaces shared",
    defaultSeverity: "block",
    scope: "pod",
    scannerIds: ["KSV-0008", "KSV-0009", "KSV-0010", "CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19"],
    seed: "seed 003 HD-01/HD-02 (network and process isolation)",
    remediation: "Remove hostNetwork, hostPID and hostIPC from the pod spec.",
    help: "The pod shares the node's network, process or IPC namespace."
  },
  "k8s/no-seccomp": {
    title: "No seccomp profile",
    defaultSeverity: "warning",
    scope: "container",
    linuxOnly: true,
    scannerIds: ["KSV-0030", "KSV-0104", "CKV_K8S_31"],
    seed: `${HD02} "No seccomp profile configured \u2014 WARNING + LOG"`,
    remediation: "Set securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a profile).",
    help: "Neither the container nor its pod sets a RuntimeDefault or Localhost seccomp profile."
  },
  "k8s/sa-token-automount": {
    title: "Service account token mounted without need",
    defaultSeverity: "warning",
    scope: "pod",
    scannerIds: ["KSV-0036", "CKV_K8S_38"],
    seed: "seed 003 HD-04 (zero-persistence credentials)",
    remediation: "Set automountServiceAccountToken: false on the pod (or its ServiceAccount); mount a projected token only where the server calls the Kubernetes API.",
    help: "The pod gets a Kubernetes API token it most likely does not need."
  },
  "k8s/secret-in-env": {
    title: "Credentials in environment variables",
    defaultSeverity: "block",
    scope: "container",
    severityNote: "BLOCK (literal) / WARNING (secretKeyRef)",
    seed: 'seed 003 HD-04 "Credentials in env vars \u2192 exposed in crash dumps / logs"; seed 000 control 4',
    remediation: "Never put a credential literal in a manifest. Fetch credentials at runtime from a secrets manager (or mount a Secret as a file); secretKeyRef env vars are reported as warnings because env vars leak into crash dumps and child processes.",
    help: "BLOCK for a literal credential value in env; WARNING for a credential injected from a Secret through env."
  },
  "k8s/host-path": {
    title: "Host filesystem or host port exposed to the pod",
    defaultSeverity: "block",
    scope: "pod",
    scannerIds: ["KSV-0023", "KSV-0024", "CKV_K8S_26", "CKV_K8S_27"],
    seed: 'seed 003 HD-02 (process isolation); seed 000 "every MCP server running with least privilege"',
    remediation: "Remove hostPath volumes (use emptyDir, a ConfigMap/Secret or a PersistentVolumeClaim) and hostPort (expose the port through a Service). Never mount a container runtime socket: it is root on the node.",
    help: "The pod mounts a hostPath volume (a container runtime socket such as /var/run/docker.sock is named as such) or a container binds a hostPort on the node."
  },
  "k8s/rbac-excessive": {
    title: "Service account bound to excessive RBAC permissions",
    defaultSeverity: "block",
    scope: "pod",
    severityNote: "BLOCK (excessive grant) / WARNING (any binding of the default ServiceAccount)",
    seed: 'seed 000 "every MCP server running with least privilege", control 4 "all tokens scoped"; seed 003 HD-02',
    remediation: "Bind the MCP server's own ServiceAccount to a Role in its namespace that lists only the resources and verbs its tools need (no wildcards, no secrets, no pods/exec, no impersonate/escalate/bind); never bind cluster-admin, admin or edit, and give the default ServiceAccount no bindings.",
    help: "A RoleBinding or ClusterRoleBinding in the manifests binds the service account an MCP workload runs as (kubernetes.mcpWorkloads) to cluster-admin, admin or edit, or to a role granting wildcards, secrets read (cluster-wide or in another namespace), pod creation or exec, impersonate, escalate or bind; or the workload runs as a default ServiceAccount that has bindings (WARNING)."
  },
  "netpol/missing": {
    title: "MCP workload selected by no NetworkPolicy",
    defaultSeverity: "block",
    scope: "workload",
    seed: `${NET} (REQUIRED PASS)`,
    remediation: "Add a default-deny NetworkPolicy for the namespace (podSelector: {}, policyTypes: [Ingress, Egress]) and allowlists for the agent runtime and the tool backends.",
    help: "No NetworkPolicy selects the workload for ingress or egress, so that direction is unrestricted."
  },
  "netpol/ingress-unrestricted": {
    title: "Ingress not limited to the agent runtime",
    defaultSeverity: "block",
    scope: "workload",
    seed: 'seed 003 HD-01 "Inbound connections restricted to authorized agent runtime pods only"',
    remediation: "Allow ingress only from pods matching the agent-runtime selector (kubernetes.agentRuntime), in the namespaces that run it.",
    help: "Some allowed ingress source lies outside the agent runtime selector."
  },
  "netpol/egress-unrestricted": {
    title: "Egress unrestricted",
    defaultSeverity: "block",
    scope: "workload",
    seed: 'seed 003 HD-01 "Egress restricted to declared tool backend services and DNS only"',
    remediation: "Restrict egress to the tool backends (by pod/namespace selector or narrow CIDR) plus DNS on port 53.",
    help: "Egress is open, or allowed to 0.0.0.0/0, ::/0 or all pods in all namespaces beyond DNS."
  },
  "netpol/metadata-reachable": {
    title: "Cloud metadata service reachable",
    defaultSeverity: "block",
    scope: "workload",
    seed: "seed 003 HD-01 / test case 5 (metadata service)",
    remediation: "Add 169.254.169.254/32 and fd00:ec2::254/128 to the except list of every ipBlock that contains them, or narrow the CIDR.",
    help: "The union of egress rules lets the pod reach 169.254.169.254 or fd00:ec2::254."
  },
  "netpol/not-deployed": {
    title: "NetworkPolicy not deployed in staging",
    defaultSeverity: "block",
    scope: "network-policy",
    seed: `${NET}`,
    remediation: "Apply the repository's NetworkPolicies to the staging cluster and re-run the gate.",
    help: "A NetworkPolicy of the repository is missing from, or differs in, the staging cluster."
  },
  "vuln/high-or-critical": {
    title: "Critical or high CVE in the dependency tree",
    defaultSeverity: "block",
    scope: "package",
    seed: `${GATE}: Critical or high CVEs detected in dependency tree`,
    remediation: "Upgrade the package to the fixed version shown; if no fix exists, remove the dependency or file a signed override with a remediation ticket.",
    help: "A scanner report lists a vulnerability at or above the configured severity threshold."
  },
  "secret/exposed": {
    title: "Secret exposed",
    defaultSeverity: "block",
    scope: "file",
    critical: true,
    seed: `${GATE}: Secrets detected in image layers, env vars, or config files; seed 000 control 4`,
    remediation: "Revoke and rotate the credential first (it is compromised once committed), then remove it from history and load it at runtime from a secrets manager.",
    help: "A credential was found in the repository, an image layer or a config file. Its value is never printed."
  },
  "sbom/missing": {
    title: "No SBOM for this build",
    defaultSeverity: "warning",
    scope: "build",
    seed: `${GATE}: SBOM not generated for this build`,
    remediation: "Generate a CycloneDX or SPDX SBOM in the workflow (e.g. cyclonedx-npm, syft, trivy --format cyclonedx) and list it under reports.sbom.",
    help: "No valid CycloneDX or SPDX SBOM was found for this build."
  },
  "scanner/misconfiguration": {
    title: "Misconfiguration reported by a scanner",
    defaultSeverity: "warning",
    scope: "scanner",
    seed: `${GATE}: scanner reports (trivy, checkov, SARIF) with one policy`,
    remediation: "Fix the configuration the scanner names (its check id is in the message), or switch the rule off with rules: {scanner/misconfiguration: {severity: off}}.",
    help: "A scanner check with no matching gate rule failed. Critical/high scanner severity reports as BLOCK, medium/low as WARNING."
  },
  "supply/unpinned-dependency": {
    title: "Dependency not pinned",
    defaultSeverity: "warning",
    scope: "file",
    seed: 'seed 003 HD-03 "All dependencies pinned to exact versions"',
    remediation: "Pin exact versions and commit the lockfile (package-lock.json, pnpm-lock.yaml, yarn.lock, requirements with ==, go.sum).",
    help: "A dependency uses a version range or tag, or a package manifest has no lockfile."
  },
  "image/runs-as-root": {
    title: "Image runs as root",
    defaultSeverity: "block",
    scope: "dockerfile",
    scannerIds: ["DS-0002"],
    seed: "seed 003 HD-02 (non-root image)",
    remediation: "End the final stage with USER <non-root uid> (e.g. USER 10001).",
    help: "The final stage of the Dockerfile has no USER, or USER root / 0."
  },
  "image/unpinned-base": {
    title: "Base image not pinned by digest",
    defaultSeverity: "warning",
    scope: "dockerfile",
    seed: "seed 003 HD-03 (supply chain)",
    remediation: "Pin the base image by digest: FROM image:tag@sha256:<digest>.",
    help: "A FROM line (of any stage: builder images end up in the artefacts) references an external image by a tag that can be moved."
  },
  "image/unpinned-tag": {
    title: "Workload image not pinned by digest",
    defaultSeverity: "warning",
    scope: "container",
    seed: 'seed 003 HD-03 "All dependencies pinned to exact versions" (supply chain)',
    remediation: "Reference the image by digest in the manifest: image: registry/name:tag@sha256:<digest> (Renovate or Dependabot can keep digests current).",
    help: "A container of a workload references its image by a tag that can be moved (`:latest`, no tag at all, or a version tag) instead of a digest. Dockerfile FROM lines are image/unpinned-base."
  },
  "image/non-minimal-base": {
    title: "Final image is not built on a minimal base",
    defaultSeverity: "warning",
    scope: "dockerfile",
    seed: "seed 003 HD-02 (minimal attack surface); reported only when images.requireDistroless is true",
    remediation: "Build the final stage FROM a distroless, scratch or Chainguard/Wolfi base and copy only the built artefacts into it.",
    help: "images.requireDistroless is set and the final stage of the Dockerfile is built on a general-purpose base (shell and package manager included)."
  },
  "manifest/unregistered": {
    title: "Tool manifest not registered in the integrity store",
    defaultSeverity: "block",
    scope: "server",
    seed: `${GATE}: Tool manifest not hashed and registered in manifest integrity store; ${MAN} control 2`,
    remediation: "Review the tools, then run `mcp-gate manifest pin` and commit .mcp-gate/manifests.lock.json.",
    help: "The server's tool manifest has no pin in .mcp-gate/manifests.lock.json."
  },
  "manifest/tampered": {
    title: "Tool manifest differs from its pin",
    defaultSeverity: "block",
    scope: "server",
    seed: `${MAN} control 2 (rug pull)`,
    remediation: "Review the diff (`mcp-gate manifest diff`); if the change is intended, re-pin with `mcp-gate manifest pin` in a reviewed commit.",
    help: "The SHA-256 of the canonical tools list differs from the pinned hash."
  },
  "manifest/poisoned": {
    title: "Tool poisoning",
    defaultSeverity: "block",
    scope: "tool",
    seed: `${MAN} control 1 / test case 1`,
    remediation: "Rewrite the text as a plain functional description of the tool; remove instructions to the model, references to other tools, hidden characters and exfiltration targets.",
    help: "A string the model sees contains instructions to the model, cross-tool references, exfiltration targets or hidden text."
  },
  "manifest/name-collision": {
    title: "Tool name collision across servers",
    defaultSeverity: "block",
    scope: "tool",
    seed: `${MAN} control 3 (tool shadowing)`,
    remediation: "Rename one tool, or have the router prefix tool names and set mcp.namespacing: prefix.",
    help: "Two servers of the deployment expose a tool with the same name, so one can shadow the other."
  },
  "manifest/permissive-schema": {
    title: "Permissive tool input schema",
    defaultSeverity: "warning",
    scope: "tool",
    seed: `${MAN} control 1 item 2`,
    remediation: "Type every parameter; bound strings with maxLength/enum/pattern/format; set additionalProperties: false and list required parameters.",
    help: "A tool parameter is untyped or unbounded, or the schema allows additional properties."
  },
  "siem/unreachable": {
    title: "Audit logging not configured or SIEM unreachable",
    defaultSeverity: "block",
    scope: "siem",
    seed: `${GATE}: Audit logging not configured \u2014 no SIEM destination reachable`,
    remediation: "Configure probes.siem with the SIEM endpoint and a credential in the named env var; make sure the credential may write.",
    help: "No SIEM is configured, it cannot be reached, or it rejected the credentials."
  },
  "siem/alert-rules-missing": {
    title: "Behavioural alert rules not confirmed",
    defaultSeverity: "warning",
    scope: "siem",
    seed: `${GATE}: No behavioral alert rules confirmed active in SIEM`,
    remediation: "Run `mcp-gate alerts init`, deploy the Sigma rules to the SIEM and commit them.",
    help: "The four behavioural alert rules (unauthorized tool attempt, burst invocation, session duration anomaly, auth failure spike) are not all present as Sigma rules in the repository."
  },
  "runtime/path-traversal": {
    title: "Path traversal through a tool parameter",
    defaultSeverity: "block",
    scope: "tool",
    seed: `${MAN} test case 3 (path traversal via tool parameter)`,
    remediation: "Resolve every path parameter (decode it, make it absolute, resolve symlinks) and refuse it unless it stays inside the allowed root (compare whole path components, not string prefixes); return a generic validation error.",
    help: "The live server answered a traversal payload in a path parameter (relative, URL-encoded, absolute, Windows-style or root-prefixed) with the content of a file outside its root instead of an error."
  },
  "runtime/input-not-validated": {
    title: "Tool arguments not validated against the input schema",
    defaultSeverity: "warning",
    scope: "tool",
    seed: `${MAN} control 6 (every tool parameter validated against a strict schema)`,
    remediation: "Validate arguments against the declared inputSchema before running the tool (types, required, additionalProperties, maxLength, enum) and refuse invalid calls with a JSON-RPC error or an isError result.",
    help: "The live server accepted arguments that violate its own declared inputSchema (wrong type, missing required property, unknown property, too long, outside enum)."
  },
  "runtime/credential-in-output": {
    title: "Credential returned in tool output",
    defaultSeverity: "block",
    scope: "tool",
    seed: `${MAN} test case 4 (credential leak in tool output)`,
    remediation: "Redact credentials in tool results before they reach the model (e.g. replace them with [REDACTED_CREDENTIAL]); never return secret columns or fields verbatim.",
    help: "The planted canary credential (or a fragment of 8 or more characters of it) came back in the result of a tool call."
  },
  "runtime/error-detail-leak": {
    title: "Tool error leaks internal details",
    defaultSeverity: "warning",
    scope: "tool",
    seed: `${MAN} test case 3 ("a generic error returned to the model")`,
    remediation: "Return a generic error to the model; log stack traces and server paths on the server side only.",
    help: "An error returned for a refused call holds a stack trace or an absolute path of the server's filesystem."
  },
  "override/invalid": {
    title: "Invalid override",
    defaultSeverity: "block",
    scope: "override",
    seed: `${GATE}: documented exception by a named security engineer`,
    remediation: "Fix the named problem and re-sign the override with a key listed in the base branch's allowed_signers.",
    help: "An override has a bad signature, an untrusted signer, or bad fields. It covers nothing."
  },
  "override/expired": {
    title: "Override expired",
    defaultSeverity: "warning",
    scope: "override",
    seed: `${GATE}: exception with a remediation commitment`,
    remediation: "Fix the finding, or have a security engineer sign a new override.",
    help: "The override is past its expiry; the finding it covered counts again."
  },
  "override/expiring": {
    title: "Override expiring or remediation due",
    defaultSeverity: "warning",
    scope: "override",
    seed: `${GATE}: exception with a remediation commitment`,
    remediation: "Finish the remediation named in the ticket, or have a security engineer sign a renewed override before it expires.",
    help: "The override expires, or its remediation is due, within 7 days (or the remediation is overdue). It still applies."
  },
  "override/stale": {
    title: "Override matches no finding",
    defaultSeverity: "warning",
    scope: "override",
    seed: `${GATE}: exception with a remediation commitment`,
    remediation: "Delete the override file: the finding it covered is gone (or its target is misspelt).",
    help: "A valid override whose rule, resource and container match no current finding."
  },
  "gate/policy-changed": {
    title: "The change edits the gate policy or scope",
    defaultSeverity: "warning",
    scope: "config",
    seed: "SPEC.md: trust roots and policy come from the base branch",
    remediation: "Policy key: merge the change on its own, reviewed by the security team; until then the base revision's value applies. Scope key: check that the new value still covers every manifest, report and file the base covered.",
    help: `The change under review edits the gate's config. A policy key (mode, rollout, rules, overrides, probes, thresholds, live servers: every key but the scope keys) keeps its base value until merged; a scope key (paths, excludes, report globs) follows the change and is shown so a reviewer sees what the gate stops or starts reading (docs/policy.md "Trust model").`
  },
  "gate/check-failed": {
    title: "A check could not run",
    defaultSeverity: "block",
    scope: "input",
    seed: "SPEC.md: the gate fails closed",
    remediation: "Fix the input named in the message (unparseable file, missing report, unreachable probe) and re-run.",
    help: "The gate could not evaluate part of the inputs; it fails closed rather than pass silently."
  }
};
var RULE_IDS = Object.keys(RULES);
function isRuleId(id) {
  return Object.hasOwn(RULES, id);
}
function ruleRecord(id) {
  return RULES[id];
}
function rulesOfScope(scope) {
  return RULE_IDS.filter((id) => RULES[id].scope === scope);
}
function docsAnchor(id) {
  return id.replace(/[^a-z0-9]+/g, "-");
}

export {
  RULES,
  RULE_IDS,
  isRuleId,
  ruleRecord,
  rulesOfScope,
  docsAnchor
};
