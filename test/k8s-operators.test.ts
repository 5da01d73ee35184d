// MCP operator resources evaluated as the pods the operators create, Argo
// Rollouts' workloadRef, and the least-privilege rules (k8s/rbac-excessive,
// k8s/host-path, image/unpinned-tag) on real manifests copied from toolhive,
// kmcp, argo-rollouts and mcp-server-kubernetes
// (test/fixtures/k8s/operators/README.md) and on cases written beside them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { evaluateWorkload, k8sWorkloadCheck, podRuleContext } from '../checks/k8s/check.ts';
import { parseSelector } from '../checks/common/selectors.ts';
import { netpolCheck } from '../checks/netpol/check.ts';
import type { GateConfig } from '../src/config/schema.ts';
import { runGate } from '../src/gate/engine.ts';
import type { CheckContext, CheckResult, RawFinding } from '../src/types.ts';
import { kubernetesObjects } from '../src/workspace/kubernetes.ts';
import { podTemplateIn, viewOf } from '../src/workspace/operators.ts';
import { Workspace } from '../src/workspace/workspace.ts';
import { keyLine, lineOf, parseYamlDocuments } from '../src/workspace/yaml.ts';

const ROOT = join(import.meta.dirname, 'fixtures/k8s/operators');

async function run(check: typeof k8sWorkloadCheck, paths: string[], config: GateConfig = {}): Promise<CheckResult> {
  const ctx: CheckContext = {
    root: ROOT,
    config: { ...config, kubernetes: { ...config.kubernetes, paths } },
    workspace: new Workspace(ROOT),
    signal: new AbortController().signal,
    now: new Date('2026-12-01T00:00:00Z'),
    env: {},
  };
  return check.run(ctx);
}

/** 1-based line of the first line holding `needle` at or after the first line holding each of `after`. */
function lineIn(file: string, needle: string, ...after: string[]): number {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  let from = 0;
  for (const a of [...after, needle]) {
    const i = lines.findIndex((l, n) => n >= from && l.includes(a));
    assert.ok(i >= 0, `${file}: no line holding ${a} after line ${from}`);
    from = i;
  }
  return from + 1;
}

/** `rule resource[ container] file:line` of the findings of the given rules. */
const where = (fs: RawFinding[], ...rules: string[]) =>
  fs
    .filter((f) => rules.includes(f.ruleId))
    .map((f) => `${f.ruleId} ${f.location.resource}${f.location.container ? ` ${f.location.container}` : ''} ${f.location.file}:${f.location.line}`)
    .sort();

describe('operators: toolhive MCPServer, VirtualMCPServer, MCPRemoteProxy', () => {
  test('an MCPServer whose pod template asks for privileged and hostNetwork blocks, at the lines of the CR that ask', async () => {
    const f = 'written/mcpserver-privileged.yaml';
    const { findings } = await run(k8sWorkloadCheck, [f]);
    const server = findings.filter((x) => x.location.resource === 'MCPServer/mcp/node-tools');
    assert.deepEqual(where(server, 'k8s/privileged', 'k8s/privilege-escalation', 'k8s/host-namespaces', 'k8s/host-path'), [
      `k8s/host-namespaces MCPServer/mcp/node-tools ${f}:${lineIn(f, 'hostNetwork: true')}`,
      `k8s/host-path MCPServer/mcp/node-tools ${f}:${lineIn(f, 'hostPath: /var/run/docker.sock')}`,
      `k8s/privilege-escalation MCPServer/mcp/node-tools mcp ${f}:${lineIn(f, 'privileged: true')}`,
      `k8s/privileged MCPServer/mcp/node-tools mcp ${f}:${lineIn(f, 'privileged: true')}`,
    ]);
    assert.match(server.find((x) => x.ruleId === 'k8s/host-path')?.message ?? '', /the Docker socket \(\/var\/run\/docker\.sock\)/);
    // The operator's defaults fill what the template leaves unset: no other hardening finding.
    assert.deepEqual([...new Set(server.map((x) => x.ruleId))].sort(), ['k8s/host-namespaces', 'k8s/host-path', 'k8s/privilege-escalation', 'k8s/privileged']);
    const report = await runGate({ root: ROOT, config: { mode: 'enforce', rollout: 3, kubernetes: { paths: [f] } }, checks: [k8sWorkloadCheck], env: {} });
    assert.equal(report.decision, 'block');
  });

  test('a VirtualMCPServer template is strategic-merged: an added capability keeps the operator\'s drop ALL', async () => {
    const f = 'written/mcpserver-privileged.yaml';
    const { findings } = await run(k8sWorkloadCheck, [f]);
    const gw = findings.filter((x) => x.location.resource === 'VirtualMCPServer/mcp/gateway');
    assert.deepEqual(gw.map((x) => `${x.ruleId} ${x.key} ${x.location.line}`), [`k8s/capabilities-not-dropped add:NET_ADMIN ${lineIn(f, 'add: [NET_ADMIN]')}`]);
  });

  test('toolhive examples: hardened by the operator\'s defaults; the pod runs as <name>-sa, or spec.serviceAccount', async () => {
    const { findings } = await run(k8sWorkloadCheck, ['toolhive/**']);
    const hardening = findings.filter((x) => x.ruleId.startsWith('k8s/') && x.ruleId !== 'k8s/sa-token-automount' && x.ruleId !== 'k8s/secret-in-env' && x.ruleId !== 'k8s/rbac-excessive');
    assert.deepEqual(hardening.map((x) => `${x.ruleId} ${x.location.resource}`), []);
    const automount = findings.filter((x) => x.ruleId === 'k8s/sa-token-automount').map((x) => x.message.match(/token of "([^"]+)"/)?.[1]);
    assert.deepEqual(automount.sort(), ['fetch-sa', 'github-proxy-remote-proxy-runner', 'github-sa', 'mkp-sa', 'sample-with-pod-template-sa', 'simple-vmcp-vmcp', 'yardstick-simple-sa']);
    // spec.secrets become secretKeyRef env vars of the "mcp" container.
    const gh = 'toolhive/mcpserver_github.yaml';
    assert.deepEqual(where(findings, 'k8s/secret-in-env'), [`k8s/secret-in-env MCPServer/toolhive-system/github mcp ${gh}:${lineIn(gh, '- name: github-token')}`]);
  });

  test('toolhive mcpserver_mkp.yaml: the cluster-admin binding of its service account blocks, naming binding and role', async () => {
    const f = 'toolhive/mcpserver_mkp.yaml';
    const { findings } = await run(k8sWorkloadCheck, [f]);
    assert.deepEqual(where(findings, 'k8s/rbac-excessive'), [`k8s/rbac-excessive MCPServer/toolhive-system/mkp ${f}:${lineIn(f, 'serviceAccount: mkp-sa')}`]);
    const [rbac] = findings.filter((x) => x.ruleId === 'k8s/rbac-excessive');
    assert.equal(
      rbac?.message,
      `MCPServer/toolhive-system/mkp: ServiceAccount toolhive-system/mkp-sa is bound by ClusterRoleBinding/default/mkp-sa-cluster-admin (${f}:${lineIn(f, 'kind: ClusterRoleBinding') - 1}) to ClusterRole cluster-admin: built-in: every verb on every resource`,
    );
    assert.equal(rbac?.severity, undefined, 'BLOCK, the rule\'s default');
    // The token is mounted, and the automount finding says what it carries.
    assert.match(findings.find((x) => x.ruleId === 'k8s/sa-token-automount')?.message ?? '', /bound to ClusterRole cluster-admin/);
  });

  test('the netpol rules see the operator\'s pod labels: a policy selecting toolhive-name covers the MCPServer', async () => {
    const { findings } = await run(netpolCheck, ['toolhive/mcpserver_fetch.yaml']);
    assert.deepEqual(where(findings, 'netpol/missing').length, 2, 'ingress and egress unrestricted without a policy');
    assert.ok(findings.every((x) => x.location.resource === 'MCPServer/toolhive-system/fetch'));
    const objects = kubernetesObjects(parseYamlDocuments(readFileSync(join(ROOT, 'toolhive/mcpserver_fetch.yaml'), 'utf8'), 'f.yaml'), 'f.yaml');
    assert.deepEqual(podTemplateIn(objects[0]!, objects)?.labels, { app: 'fetch', toolhive: 'true', 'toolhive-name': 'fetch' });
  });
});

describe('operators: kmcp (kagent.dev) MCPServer', () => {
  test('the production sample passes the main container; the stdio copy-binary init container is writable as the sample says', async () => {
    const f = 'kmcp/mcpserver-production-security.yaml';
    const { findings } = await run(k8sWorkloadCheck, [f]);
    assert.deepEqual(where(findings, 'k8s/writable-root-fs', 'k8s/run-as-root', 'k8s/capabilities-not-dropped', 'k8s/privilege-escalation', 'k8s/no-seccomp'), [
      `k8s/writable-root-fs MCPServer/mcp-servers/mcp-server-secure copy-binary ${f}:${lineIn(f, 'readOnlyRootFilesystem: false')}`,
    ]);
    assert.deepEqual(where(findings, 'k8s/secret-in-env'), [`k8s/secret-in-env MCPServer/mcp-servers/mcp-server-secure mcp-server ${f}:${lineIn(f, '- name: mcp-server-secrets')}`]);
    assert.deepEqual(where(findings, 'image/unpinned-tag'), [`image/unpinned-tag MCPServer/mcp-servers/mcp-server-secure mcp-server ${f}:${lineIn(f, 'image: "ghcr.io/example/mcp-server:v1.0.0"')}`]);
  });

  test('no securityContext in spec.deployment: kmcp sets none, so every hardening rule fails, and :latest is named', async () => {
    const f = 'kmcp/mcpserver-serviceaccount-irsa.yaml';
    const { findings } = await run(k8sWorkloadCheck, [f]);
    const main = findings.filter((x) => x.location.container === 'mcp-server').map((x) => x.ruleId).sort();
    assert.deepEqual(main, ['image/unpinned-tag', 'k8s/capabilities-not-dropped', 'k8s/no-seccomp', 'k8s/privilege-escalation', 'k8s/run-as-root', 'k8s/writable-root-fs']);
    assert.match(findings.find((x) => x.ruleId === 'image/unpinned-tag')?.message ?? '', /moving :latest tag/);
    assert.equal(findings.find((x) => x.ruleId === 'image/unpinned-tag')?.location.line, lineIn(f, 'image: ghcr.io/modelcontextprotocol'));
  });
});

describe('operators: Argo Rollout workloadRef, unknown kinds', () => {
  test('a Rollout with workloadRef is evaluated on the referenced Deployment\'s pod template', async () => {
    const f = 'argo-rollouts/workload-ref.yaml';
    const { findings } = await run(k8sWorkloadCheck, [f]);
    assert.ok(!findings.some((x) => x.ruleId === 'gate/check-failed'), 'no longer check-failed');
    const rollout = findings.filter((x) => x.location.resource === 'Rollout/default/rollout-ref-deployment');
    const deployment = findings.filter((x) => x.location.resource === 'Deployment/default/rollout-ref-deployment');
    assert.deepEqual(rollout.map((x) => `${x.ruleId} ${x.location.file}:${x.location.line}`), deployment.map((x) => `${x.ruleId} ${x.location.file}:${x.location.line}`));
    assert.ok(rollout.length >= 6);
  });

  test('a workloadRef not in the manifests is gate/check-failed at its line; unknown pod-running kinds are listed as not evaluated', async () => {
    const f = 'written/references.yaml';
    const result = await run(k8sWorkloadCheck, [f]);
    assert.deepEqual(where(result.findings, 'gate/check-failed'), [`gate/check-failed Rollout/mcp/orphan ${f}:${lineIn(f, 'workloadRef:')}`]);
    assert.match(result.detail ?? '', /not evaluated .*MCPServer\/mcp\/future \(written\/references\.yaml:13, toolhive\.stacklok\.dev\/v1 is not a version of MCPServer the gate knows\), ToolRunner\/mcp\/runner \(written\/references\.yaml:19, has spec\.runtime\.image\)$/);
    assert.doesNotMatch(result.detail ?? '', /MCPGroup/);
  });

  test('operator resources the operator would reject are gate/check-failed at their line, and the rest is still evaluated', async () => {
    const f = 'written/malformed.yaml';
    const { findings } = await run(k8sWorkloadCheck, [f, 'toolhive/mcpserver_fetch.yaml']);
    assert.deepEqual(
      findings.filter((x) => x.ruleId === 'gate/check-failed').map((x) => `${x.location.resource} ${x.location.line} ${x.message}`),
      [
        `MCPServer/mcp/no-image ${lineIn(f, 'spec:')} MCPServer/mcp/no-image: malformed workload: MCPServer without spec.image`,
        `MCPServer/mcp/bad-template ${lineIn(f, 'podTemplateSpec:')} MCPServer/mcp/bad-template: malformed workload: spec.podTemplateSpec is not a mapping`,
        `MCPServer/mcp/no-deployment ${lineIn(f, 'spec:', 'no-deployment')} MCPServer/mcp/no-deployment: malformed workload: MCPServer without spec.deployment`,
      ],
    );
    assert.ok(findings.some((x) => x.location.resource === 'MCPServer/toolhive-system/fetch'));
  });

  test('a derived mapping reports the lines of the mapping it came from', () => {
    const [doc] = parseYamlDocuments('spec:\n  image: x\n  serviceAccount: sa\n', 'v.yaml');
    assert.ok(doc);
    const spec = (doc.value as { spec: Record<string, unknown> }).spec;
    const view = viewOf(spec, { image: 'x', serviceAccountName: 'sa' });
    assert.equal(lineOf(view), 2);
    assert.equal(keyLine(view, 'image'), 2);
    assert.equal(keyLine(view, 'serviceAccount'), 3);
    assert.deepEqual(Object.keys(view), ['image', 'serviceAccountName']);
    assert.deepEqual(JSON.parse(JSON.stringify(view)), { image: 'x', serviceAccountName: 'sa' });
  });
});

describe('rbac: least privilege of the service account an MCP workload runs as', () => {
  const f = 'written/rbac.yaml';

  test('the Flux159 chart (rendered): cluster-wide get/list/watch on secrets and pods/exec create block, one finding per rule', async () => {
    const r = 'flux159/rendered.yaml';
    const { findings } = await run(k8sWorkloadCheck, [r]);
    const rbac = findings.filter((x) => x.ruleId === 'k8s/rbac-excessive');
    assert.deepEqual(
      rbac.map((x) => x.message.replace(/^.*\): /, '')),
      [
        'rules[0] grants get, list, watch on secrets cluster-wide (every namespace)',
        'rules[1] grants create on pods (run any image with this account\'s rights)',
        'rules[2] grants create on pods/exec (a shell in other pods)',
      ],
    );
    // The chart names no namespace on its objects; the binding's subject (namespace mcp) still counts.
    assert.ok(rbac.every((x) => x.location.file === r && x.location.line === lineIn(r, 'serviceAccountName: mcp-mcp-server-kubernetes')));
    assert.match(rbac[0]?.message ?? '', new RegExp(`ClusterRoleBinding/default/mcp-mcp-server-kubernetes \\(${r}:\\d+\\) to ClusterRole mcp-mcp-server-kubernetes \\(${r}:${lineIn(r, '- apiGroups:')}\\)`));
  });

  test('least privilege passes; other namespaces\' secrets, group-bound impersonation, wildcards and pods/exec block', async () => {
    const { findings, detail } = await run(k8sWorkloadCheck, [f]);
    const got = findings.filter((x) => x.ruleId === 'k8s/rbac-excessive').map((x) => `${x.severity ?? 'block'} ${x.location.resource} ${x.location.line} ${x.message.replace(/^.*\): /, '')}`);
    assert.deepEqual(got, [
      `block Deployment/mcp/cross ${lineIn(f, 'serviceAccountName: cross')} rules[0] grants get, list on secrets in namespace prod, not its own (mcp)`,
      `block Deployment/tools/grouped ${lineIn(f, 'serviceAccountName: grouped')} rules[0] grants impersonate (on users, groups, serviceaccounts)`,
      `block Deployment/tools/grouped ${lineIn(f, 'serviceAccountName: grouped')} rules[1] grants get on every resource (*)`,
      `warning Deployment/apps/defaulted ${lineIn(f, 'containers:', 'name: defaulted')} Deployment/apps/defaulted: ServiceAccount apps/default is bound by RoleBinding/apps/default-config (${f}:${lineIn(f, 'kind: RoleBinding', 'name: config-reader') - 1}) to Role apps/config-reader: runs as the namespace's default ServiceAccount, so every pod of apps that names no account gets this role`,
      `block Deployment/mcp/wild ${lineIn(f, 'serviceAccountName: wild')} rules[0] grants every verb (*) on configmaps, deployments`,
      `block Deployment/mcp/wild ${lineIn(f, 'serviceAccountName: wild')} rules[1] grants create on pods/exec (a shell in other pods)`,
    ]);
    assert.ok(!findings.some((x) => x.ruleId === 'k8s/rbac-excessive' && x.location.resource === 'Deployment/mcp/reader'), 'own-namespace read of its secrets is least privilege');
    assert.match(detail ?? '', /RBAC not judged: ClusterRoleBinding\/default\/aggregated \(written\/rbac\.yaml:\d+\) binds ClusterRole mcp-aggregate, an aggregated ClusterRole[^;]*$/);
  });

  test('only MCP workloads (kubernetes.mcpWorkloads) are judged', () => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const objects = kubernetesObjects(parseYamlDocuments(text, f), f);
    const wild = objects.find((o) => o.resource === 'Deployment/mcp/wild');
    assert.ok(wild);
    const judged = (sel: unknown) => (evaluateWorkload(wild, podRuleContext(objects, parseSelector(sel))) ?? []).filter((x) => x.ruleId === 'k8s/rbac-excessive').length;
    assert.equal(judged({}), 2);
    assert.equal(judged({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['operator'] }] }), 0);
  });

  test('a projected API token is reported even with automount off', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: mcp}
spec:
  automountServiceAccountToken: false
  containers: [{name: c, image: x@sha256:00}]
  volumes:
    - name: token
      projected:
        sources:
          - serviceAccountToken: {path: token, expirationSeconds: 3600}
    - name: vault
      projected:
        sources:
          - serviceAccountToken: {path: token, audience: vault}
`;
    const objects = kubernetesObjects(parseYamlDocuments(yaml, 'p.yaml'), 'p.yaml');
    const found = (evaluateWorkload(objects[0]!, podRuleContext(objects)) ?? []).filter((x) => x.ruleId === 'k8s/sa-token-automount');
    assert.deepEqual(found.map((x) => `${x.key} ${x.location.line}`), ['projected:token 11']);
    assert.match(found[0]?.message ?? '', /although automountServiceAccountToken is false/);
  });
});

describe('host-path and image/unpinned-tag', () => {
  test('hostPath volumes name runtime sockets; every hostPort is one finding; digests pass, tags and :latest do not', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: mcp}
spec:
  containers:
    - name: a
      image: registry.local:5000/team/a
      ports: [{containerPort: 80, hostPort: 8080}, {containerPort: 81}]
    - name: b
      image: ghcr.io/x/b:1.2.3@sha256:abc
  initContainers:
    - name: init
      image: busybox:latest
      ports: [{containerPort: 53, hostPort: 53, protocol: UDP}]
  volumes:
    - {name: run, hostPath: {path: /run/containerd}}
    - {name: logs, hostPath: {path: /var/log/}}
    - {name: tmp, emptyDir: {}}
`;
    const objects = kubernetesObjects(parseYamlDocuments(yaml, 'p.yaml'), 'p.yaml');
    const found = evaluateWorkload(objects[0]!, podRuleContext(objects)) ?? [];
    assert.deepEqual(
      found.filter((x) => x.ruleId === 'k8s/host-path').map((x) => `${x.key} ${x.location.line} ${x.message}`),
      [
        'socket:run 16 Pod/mcp/p: volume "run" mounts /run/containerd, which holds the containerd socket (/run/containerd/containerd.sock): root on the node (hostPath)',
        "volume:logs 17 Pod/mcp/p: volume \"logs\" mounts the node's /var/log (hostPath)",
        'hostPort:a:8080 8 Pod/mcp/p: container "a" binds port 8080 on the node (hostPort for containerPort 80), bypassing Services and NetworkPolicies\' pod addressing',
        'hostPort:init:53 14 Pod/mcp/p: container "init" binds port 53 on the node (hostPort for containerPort 53), bypassing Services and NetworkPolicies\' pod addressing',
      ],
    );
    assert.deepEqual(
      found.filter((x) => x.ruleId === 'image/unpinned-tag').map((x) => `${x.location.container} ${x.location.line} ${x.message.replace(/^.*: image/, 'image')}`),
      [
        'a 7 image "registry.local:5000/team/a" has no tag and no digest: it pulls whatever :latest is at the time',
        'init 13 image "busybox:latest" uses the moving :latest tag and no digest',
      ],
    );
  });
});
