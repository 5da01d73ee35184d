// The Kubernetes workload check on real data (the peers' fixtures and
// examples/) and on edge cases written as fixture files (test/fixtures/k8s).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { k8sWorkloadCheck } from '../checks/k8s/check.ts';
import type { GateConfig } from '../src/config/schema.ts';
import { runGate } from '../src/gate/engine.ts';
import { fingerprintOf } from '../src/gate/fingerprint.ts';
import type { CheckContext, CheckResult, RawFinding } from '../src/types.ts';
import { Workspace } from '../src/workspace/workspace.ts';

const HERE = import.meta.dirname;
const FIX = join(HERE, 'fixtures/k8s');
const SHARED = join(HERE, 'fixtures/shared/k8s');
const EXAMPLES = join(HERE, '../examples');

async function runCheck(root: string, paths?: string[]): Promise<CheckResult> {
  const ctx: CheckContext = {
    root,
    config: (paths ? { kubernetes: { paths } } : {}) as GateConfig,
    workspace: new Workspace(root),
    signal: new AbortController().signal,
    now: new Date('2026-11-21T00:00:00Z'),
    env: {},
  };
  return k8sWorkloadCheck.run(ctx);
}

async function findingsOf(file: string): Promise<RawFinding[]> {
  return (await runCheck(FIX, [file])).findings;
}

/**
 * 1-based line of the first line of `file` containing `needle`, searching
 * from the first line containing each of `after` in turn (so a key can be
 * located inside a given container).
 */
function lineIn(file: string, needle: string, ...after: string[]): number {
  const lines = readFileSync(join(FIX, file), 'utf8').split('\n');
  let from = 0;
  for (const a of after) {
    const i = lines.findIndex((l, n) => n >= from && l.includes(a));
    assert.ok(i >= 0, `${file}: no line containing ${a}`);
    from = i;
  }
  const i = lines.findIndex((l, n) => n >= from && l.includes(needle));
  assert.ok(i >= 0, `${file}: no line containing ${needle}`);
  return i + 1;
}

const pick = (fs: RawFinding[], rule: string, container?: string) =>
  fs.filter((f) => f.ruleId === rule && (container === undefined || f.location.container === container));
const one = (fs: RawFinding[], rule: string, container?: string): RawFinding => {
  const got = pick(fs, rule, container);
  assert.equal(got.length, 1, `expected one ${rule} for ${container ?? 'the pod'}, got ${JSON.stringify(got.map((f) => f.message))}`);
  return got[0] as RawFinding;
};
/** The hardening rules (k8s/*); image/unpinned-tag, which the check also runs, is tested on its own. */
const isK8sRule = (f: RawFinding) => f.ruleId.startsWith('k8s/');
const rulesOf = (fs: RawFinding[], container?: string) =>
  [...new Set(fs.filter((f) => f.location.container === container && isK8sRule(f)).map((f) => f.ruleId))].sort();

describe('k8s: examples', () => {
  test('examples/insecure: the expected findings, and nothing else', async () => {
    const report = await runGate({ root: join(EXAMPLES, 'insecure'), checks: [k8sWorkloadCheck], env: {} });
    // Workloads other helpers add to the example later are checked by the
    // generic assertions below; this list pins the three MCP servers.
    const got = report.findings
      .filter((f) => f.location.file === 'deploy/mcp-servers.yaml')
      .map((f) => `${f.severity} ${f.ruleId} ${f.location.resource}${f.location.container ? ` ${f.location.container}` : ''}`)
      .sort();
    const fs = 'Deployment/mcp/mcp-filesystem';
    const db = 'StatefulSet/mcp/mcp-db';
    const cron = 'CronJob/mcp/mcp-index-refresh';
    const expected = [
      `block k8s/secret-in-env ${fs} server`, // GITHUB_TOKEN literal
      `warning k8s/secret-in-env ${fs} server`, // DB_PASSWORD from secretKeyRef
      `block k8s/run-as-root ${fs} server`,
      `block k8s/capabilities-not-dropped ${fs} server`, // no drop ALL
      `block k8s/capabilities-not-dropped ${fs} server`, // adds NET_ADMIN
      `block k8s/privilege-escalation ${fs} server`,
      `block k8s/writable-root-fs ${fs} server`,
      `warning k8s/no-seccomp ${fs} server`,
      `warning k8s/sa-token-automount ${fs}`,
      `block k8s/host-namespaces ${db}`,
      `block k8s/run-as-root ${db} init-perms`, // runAsUser: 0 despite the pod's runAsNonRoot
      `block k8s/capabilities-not-dropped ${db} init-perms`,
      `block k8s/privilege-escalation ${db} init-perms`,
      `block k8s/writable-root-fs ${db} init-perms`,
      `warning k8s/no-seccomp ${db} init-perms`,
      `block k8s/privileged ${db} db`,
      `block k8s/privilege-escalation ${db} db`,
      `block k8s/capabilities-not-dropped ${db} db`,
      `block k8s/writable-root-fs ${db} db`,
      `warning k8s/no-seccomp ${db} db`,
      `warning k8s/sa-token-automount ${db}`,
      `block k8s/run-as-root ${cron} refresh`,
      `block k8s/privilege-escalation ${cron} refresh`,
      `block k8s/capabilities-not-dropped ${cron} refresh`,
      `block k8s/writable-root-fs ${cron} refresh`,
      `warning k8s/no-seccomp ${cron} refresh`,
      `warning k8s/sa-token-automount ${cron}`,
      // Every image is referenced by tag, none by digest.
      `warning image/unpinned-tag ${fs} server`,
      `warning image/unpinned-tag ${db} init-perms`,
      `warning image/unpinned-tag ${db} db`,
      `warning image/unpinned-tag ${cron} refresh`,
    ].sort();
    assert.deepEqual(got, expected);
    assert.equal(report.decision, 'block');
    for (const f of report.findings) {
      assert.ok(f.location.file?.endsWith('.yaml') || f.location.file?.endsWith('.yml'), JSON.stringify(f.location));
      assert.ok((f.location.line ?? 0) > 0);
      assert.notEqual(f.ruleId, 'gate/check-failed', f.message);
    }
    // The literal credential is never echoed.
    assert.ok(!JSON.stringify(report).includes('ghp_R8x2nQ7vLk3pT9wZ4mYc6bHf1sJd0aEu5gKi')); // mcp-gate:allow (the insecure example's deliberate token)
  });

  test('examples/hardened: zero k8s findings', async () => {
    const report = await runGate({ root: join(EXAMPLES, 'hardened'), checks: [k8sWorkloadCheck], env: {} });
    assert.deepEqual(
      report.findings.map((f) => `${f.ruleId} ${f.location.resource} ${f.message}`),
      [],
    );
    assert.equal(report.checks[0]?.status, 'ran');
    assert.match(report.checks[0]?.detail ?? '', /2 workloads/);
  });
});

describe('k8s: real fixtures of kube-linter, polaris, checkov and kubesec', () => {
  test('every manifest is evaluated without a crash; every finding names file, line and resource', async () => {
    const result = await runCheck(SHARED);
    assert.ok(result.findings.length > 500, `only ${result.findings.length} findings`);
    for (const f of result.findings) {
      assert.ok(f.location.file, JSON.stringify(f));
      assert.ok((f.location.line ?? 0) > 0, JSON.stringify(f));
      if (f.ruleId !== 'gate/check-failed') assert.match(f.location.resource ?? '', /^[A-Za-z]+\/[^/]+\/[^/]+$/);
    }
    // Malformed objects of the fixtures (checkov's *malformed* / UNKNOWN files) fail closed.
    const failed = result.findings.filter((f) => f.ruleId === 'gate/check-failed').map((f) => f.location.file);
    assert.ok(failed.includes('checkov/checks/example_RootContainers/rootContainersUNKNOWN.yaml'));
    assert.ok(failed.includes('checkov/checks/example_AllowPrivilegeEscalation/pod-runas1000-malformed-PASSED.yaml'));
  });

  test('findings point at the offending key in the real fixtures', async () => {
    const result = await runCheck(SHARED);
    const text = new Map<string, string[]>();
    const lineText = (f: RawFinding) => {
      const file = f.location.file as string;
      if (!text.has(file)) text.set(file, readFileSync(join(SHARED, file), 'utf8').split('\n'));
      return text.get(file)?.[(f.location.line as number) - 1] ?? '';
    };
    let checked = 0;
    for (const f of result.findings) {
      const expectKey =
        f.ruleId === 'k8s/host-namespaces'
          ? f.key
          : f.ruleId === 'k8s/privileged' && f.message.includes('privileged: true')
            ? 'privileged'
            : f.ruleId === 'k8s/privilege-escalation' && f.message.endsWith('allowPrivilegeEscalation: true')
              ? 'allowPrivilegeEscalation'
              : f.ruleId === 'k8s/run-as-root' && f.message.includes('runAsUser: 0')
                ? 'runAsUser'
                : f.ruleId === 'k8s/capabilities-not-dropped' && f.key?.startsWith('add:')
                  ? 'add'
                  : undefined;
      if (!expectKey) continue;
      checked++;
      assert.ok(lineText(f).includes(expectKey), `${f.location.file}:${f.location.line} "${lineText(f)}" should hold ${expectKey} (${f.message})`);
    }
    assert.ok(checked > 80, `only ${checked} findings checked`);
  });
});

describe('k8s: inheritance and overrides', () => {
  test('pod-level settings apply to containers unless a container overrides them', async () => {
    const fs = await findingsOf('override.yaml');
    assert.deepEqual(rulesOf(fs, 'inherits'), []);
    const root = one(fs, 'k8s/run-as-root', 'overrides-root');
    assert.match(root.message, /runs as UID 0/);
    assert.equal(root.location.line, lineIn('override.yaml', 'runAsUser: 0', 'name: overrides-root'));
    assert.deepEqual(rulesOf(fs, 'overrides-root'), ['k8s/run-as-root']);
    const sec = one(fs, 'k8s/no-seccomp', 'overrides-seccomp');
    assert.match(sec.message, /Unconfined/);
    assert.equal(sec.location.line, lineIn('override.yaml', 'type: Unconfined', 'name: overrides-seccomp'));
    assert.deepEqual(rulesOf(fs, 'overrides-seccomp'), ['k8s/no-seccomp']);
    assert.deepEqual(rulesOf(fs, undefined), [], 'automountServiceAccountToken: false on the pod');
    assert.equal(fs[0]?.location.resource, 'Deployment/mcp/overrides');
  });

  test('runAsUser 0 fails even with runAsNonRoot; root group fails; a non-zero UID passes', async () => {
    const fs = await findingsOf('root-user.yaml');
    const f = one(fs, 'k8s/run-as-root', 'uid0-nonroot');
    assert.match(f.message, /contradicts runAsNonRoot: true/);
    assert.equal(f.location.line, lineIn('root-user.yaml', 'runAsUser: 0', 'name: uid0-nonroot'));
    const g = one(fs, 'k8s/run-as-root', 'gid0');
    assert.match(g.message, /root group/);
    assert.equal(g.location.line, lineIn('root-user.yaml', 'runAsGroup: 0'));
    assert.deepEqual(pick(fs, 'k8s/run-as-root', 'uid-only'), []);
    const n = one(fs, 'k8s/run-as-root', 'nonroot-false');
    assert.match(n.message, /runAsNonRoot: false/);
    assert.equal(n.location.line, lineIn('root-user.yaml', 'runAsNonRoot: false', 'name: nonroot-false'));
    // UID 0 set on the pod, runAsNonRoot on the container: the line is the pod's runAsUser.
    const p = fs.find((x) => x.location.resource === 'Pod/mcp/pod-uid0' && x.ruleId === 'k8s/run-as-root');
    assert.ok(p);
    assert.equal(p.location.line, lineIn('root-user.yaml', 'runAsUser: 0', 'name: pod-uid0'));
    // Nothing else fires on the otherwise hardened pods.
    assert.deepEqual([...new Set(fs.filter(isK8sRule).map((x) => x.ruleId))], ['k8s/run-as-root']);
  });
});

describe('k8s: capabilities', () => {
  test('drop ALL with adds: one finding per added capability, keyed by it, at the add line', async () => {
    const fs = await findingsOf('capabilities.yaml');
    const adds = pick(fs, 'k8s/capabilities-not-dropped', 'drop-all-add-one');
    assert.deepEqual(adds.map((f) => f.key).sort(), ['add:NET_ADMIN', 'add:NET_BIND_SERVICE']);
    for (const f of adds) assert.equal(f.location.line, lineIn('capabilities.yaml', 'add: [NET_BIND_SERVICE', 'name: drop-all-add-one'));
  });

  test('"all" in lower case is ALL (container runtimes compare case-insensitively)', async () => {
    const fs = await findingsOf('capabilities.yaml');
    assert.deepEqual(rulesOf(fs, 'lowercase-all'), []);
    // ...but containerd prefixes CAP_ itself, so "CAP_ALL" names no capability.
    assert.match(one(fs, 'k8s/capabilities-not-dropped', 'cap-all-prefix').message, /drops only CAP_ALL, not ALL/);
  });

  test('cap_sys_admin is SYS_ADMIN, and forces privilege escalation', async () => {
    const fs = await findingsOf('capabilities.yaml');
    assert.deepEqual(pick(fs, 'k8s/capabilities-not-dropped', 'sys-admin').map((f) => f.key), ['add:SYS_ADMIN']);
    assert.match(one(fs, 'k8s/privilege-escalation', 'sys-admin').message, /SYS_ADMIN/);
  });

  test('dropping named capabilities is not dropping ALL', async () => {
    const fs = await findingsOf('capabilities.yaml');
    const f = one(fs, 'k8s/capabilities-not-dropped', 'drop-some');
    assert.equal(f.message.endsWith('drops only NET_RAW, MKNOD, not ALL'), true, f.message);
    assert.equal(f.key, undefined);
    assert.equal(f.location.line, lineIn('capabilities.yaml', 'drop: [NET_RAW', 'name: drop-some'));
  });
});

describe('k8s: containers of every kind, every pod-bearing kind', () => {
  test('init and ephemeral containers are checked like containers', async () => {
    const fs = await findingsOf('init-ephemeral.yaml');
    assert.deepEqual(rulesOf(fs, 'app'), []);
    assert.deepEqual(rulesOf(fs, 'init-perms'), ['k8s/capabilities-not-dropped', 'k8s/run-as-root']);
    assert.match(one(fs, 'k8s/run-as-root', 'init-perms').message, /initContainer "init-perms"/);
    assert.deepEqual(rulesOf(fs, 'debugger'), ['k8s/capabilities-not-dropped', 'k8s/privilege-escalation', 'k8s/privileged', 'k8s/writable-root-fs']);
    const p = one(fs, 'k8s/privileged', 'debugger');
    assert.match(p.message, /ephemeralContainer "debugger"/);
    assert.equal(p.location.line, lineIn('init-ephemeral.yaml', 'privileged: true', 'name: debugger'));
  });

  test('List items are objects of their own', async () => {
    const r = await runCheck(FIX, ['list.yaml']);
    const f = one(r.findings, 'k8s/privileged', 'web');
    assert.equal(f.location.resource, 'Deployment/mcp/mcp-web');
    assert.equal(f.location.line, lineIn('list.yaml', 'privileged: true'));
    assert.match(r.detail ?? '', /2 Kubernetes objects, 1 workloads/);
  });

  test('CronJob: the pod template under jobTemplate', async () => {
    const fs = await findingsOf('cronjob.yaml');
    assert.ok(fs.every((f) => f.location.resource === 'CronJob/mcp/reindex'));
    const h = one(fs, 'k8s/host-namespaces');
    assert.equal(h.key, 'hostPID');
    assert.equal(h.location.line, lineIn('cronjob.yaml', 'hostPID: true'));
    const e = one(fs, 'k8s/privilege-escalation', 'reindex');
    assert.equal(e.location.line, lineIn('cronjob.yaml', 'allowPrivilegeEscalation: true'));
  });

  test('Argo Rollout and any kind with spec.template.spec.containers; a template without containers is not a workload', async () => {
    const r = await runCheck(FIX, ['custom-kinds.yaml']);
    const resources = new Set(r.findings.map((f) => f.location.resource));
    assert.deepEqual([...resources].sort(), ['McpServerSet/mcp/custom', 'Rollout/mcp/canary']);
    assert.equal(one(r.findings.filter((f) => f.location.resource === 'McpServerSet/mcp/custom'), 'k8s/host-namespaces').key, 'hostIPC');
    assert.equal(pick(r.findings, 'k8s/run-as-root', 'server').length, 2);
    assert.match(r.detail ?? '', /3 Kubernetes objects, 2 workloads/);
  });
});

describe('k8s: service account token', () => {
  test('automount inherited from the ServiceAccount of the same namespace; the pod field wins', async () => {
    const fs = pick(await findingsOf('serviceaccounts.yaml'), 'k8s/sa-token-automount');
    assert.deepEqual(fs.map((f) => f.location.resource).sort(), ['Pod/mcp/default-sa', 'Pod/mcp/pod-true', 'Pod/tools/other-namespace']);
    const own = fs.find((f) => f.location.resource === 'Pod/mcp/pod-true');
    assert.match(own?.message ?? '', /automountServiceAccountToken: true/);
    assert.equal(own?.location.line, lineIn('serviceaccounts.yaml', 'automountServiceAccountToken: true'));
    assert.equal(own?.location.container, undefined);
  });
});

describe('k8s: secrets in env', () => {
  test('literal BLOCK, secretKeyRef/envFrom WARNING, placeholders and references pass; values never printed', async () => {
    const fs = pick(await findingsOf('secrets-env.yaml'), 'k8s/secret-in-env');
    const byKey = new Map(fs.map((f) => [f.key, f]));
    assert.deepEqual([...byKey.keys()].sort(), ['DATABASE_URL', 'DB_PASSWORD', 'OPENAI_API_KEY', 'SESSION_STORE', 'envFrom:app-secrets']);
    // A password in a URL is found whatever the variable is called, with or without a user name.
    assert.equal(byKey.get('SESSION_STORE')?.severity, 'block');
    assert.equal(byKey.get('OPENAI_API_KEY')?.severity, 'block');
    assert.equal(byKey.get('DATABASE_URL')?.severity, 'block');
    assert.match(byKey.get('DATABASE_URL')?.message ?? '', /URL with an embedded password/);
    assert.equal(byKey.get('DB_PASSWORD')?.severity, 'warning');
    assert.equal(byKey.get('envFrom:app-secrets')?.severity, 'warning');
    assert.equal(byKey.get('OPENAI_API_KEY')?.location.line, lineIn('secrets-env.yaml', 'name: OPENAI_API_KEY'));
    assert.equal(byKey.get('DB_PASSWORD')?.location.line, lineIn('secrets-env.yaml', 'name: DB_PASSWORD'));
    assert.equal(byKey.get('envFrom:app-secrets')?.location.line, lineIn('secrets-env.yaml', 'secretRef: {name: app-secrets}'));
    const all = JSON.stringify(fs);
    assert.ok(!all.includes('fake-0123456789abcdef'), 'literal value echoed');
    assert.ok(!all.includes('S3cr3tPassw0rd'), 'URL password echoed');
    assert.ok(!all.includes('r3disPassw0rd'), 'URL password echoed');
  });

  test('the engine keeps a literal BLOCK even where the rule is a warning elsewhere', async () => {
    const report = await runGate({ root: FIX, checks: [k8sWorkloadCheck], config: { mode: 'enforce', kubernetes: { paths: ['secrets-env.yaml'] } } as GateConfig, env: {} });
    const lit = report.findings.find((f) => f.ruleId === 'k8s/secret-in-env' && f.message.includes('OPENAI_API_KEY'));
    assert.equal(lit?.severity, 'block');
    assert.equal(lit?.blocking, true);
    const ref = report.findings.find((f) => f.ruleId === 'k8s/secret-in-env' && f.message.includes('DB_PASSWORD'));
    assert.equal(ref?.severity, 'warning');
  });
});

describe('k8s: bad input', () => {
  test('malformed pod specs are gate/check-failed with file and line; the rest of the report still appears', async () => {
    const fs = await findingsOf('malformed.yaml');
    const failed = pick(fs, 'gate/check-failed');
    const byRes = new Map(failed.map((f) => [f.location.resource, f]));
    assert.deepEqual([...byRes.keys()].sort(), ['DaemonSet/mcp/patch-only', 'Deployment/mcp/broken', 'Pod/mcp/broken-sc']);
    const broken = byRes.get('Deployment/mcp/broken');
    assert.match(broken?.message ?? '', /containers is not a list/);
    assert.equal(broken?.location.file, 'malformed.yaml');
    assert.equal(broken?.location.line, lineIn('malformed.yaml', 'containers: "nginx:latest"'));
    const sc = byRes.get('Pod/mcp/broken-sc');
    assert.match(sc?.message ?? '', /securityContext is not a mapping/);
    assert.equal(sc?.location.line, lineIn('malformed.yaml', 'securityContext: "privileged"'));
    // Still evaluated: the valid Pod, and the pod-level fields of the patch without containers.
    assert.equal(one(fs, 'k8s/privileged', 'app').location.resource, 'Pod/mcp/still-reported');
    const patch = fs.filter((f) => f.location.resource === 'DaemonSet/mcp/patch-only');
    assert.deepEqual(patch.map((f) => f.ruleId).sort(), ['gate/check-failed', 'k8s/host-namespaces', 'k8s/sa-token-automount']);
    assert.match(byRes.get('DaemonSet/mcp/patch-only')?.message ?? '', /no containers/);
  });

  test('the engine reports a malformed workload as a blocking gate/check-failed, never a crash', async () => {
    const report = await runGate({ root: FIX, checks: [k8sWorkloadCheck], config: { mode: 'enforce', kubernetes: { paths: ['malformed.yaml'] } } as GateConfig, env: {} });
    assert.equal(report.checks[0]?.status, 'ran');
    assert.equal(report.decision, 'block');
    assert.equal(report.findings.filter((f) => f.ruleId === 'gate/check-failed').length, 3);
    assert.ok(report.findings.some((f) => f.ruleId === 'k8s/privileged'));
  });

  test('invalid YAML is gate/check-failed with file:line; other files are still checked', async () => {
    const r = await runCheck(join(FIX, 'invalid-yaml'));
    const bad = one(r.findings, 'gate/check-failed');
    assert.equal(bad.location.file, 'bad.yaml');
    assert.equal(bad.location.line, lineIn('invalid-yaml/bad.yaml', 'image: example/app: 1'));
    assert.match(bad.message, /^bad\.yaml: invalid YAML/);
    assert.equal(one(r.findings, 'k8s/privileged', 'app').location.file, 'good.yaml');
    assert.match(r.detail ?? '', /1 files not parsed/);
  });

  test('YAML that is not Kubernetes is skipped, not reported', async () => {
    const r = await runCheck(FIX, ['not-kubernetes.yaml']);
    assert.deepEqual(r.findings, []);
    assert.equal(r.skipped, true);
  });
});

describe('k8s: Windows pods and legacy seccomp annotations', () => {
  test('Windows: Linux-only fields are not required; the administrator account and HostProcess are reported', async () => {
    const fs = await findingsOf('windows.yaml');
    const of = (name: string) => fs.filter((f) => f.location.resource === `Pod/mcp/${name}` && isK8sRule(f)).map((f) => f.ruleId).sort();
    assert.deepEqual(of('win-user'), []);
    assert.deepEqual(of('win-admin'), ['k8s/run-as-root']);
    assert.equal(
      fs.find((f) => f.location.resource === 'Pod/mcp/win-admin')?.location.line,
      lineIn('windows.yaml', 'windowsOptions:', 'name: win-admin'),
    );
    assert.deepEqual(of('win-hostprocess'), ['k8s/host-namespaces', 'k8s/privileged', 'k8s/run-as-root']);
    const hp = fs.find((f) => f.location.resource === 'Pod/mcp/win-hostprocess' && f.ruleId === 'k8s/privileged');
    assert.match(hp?.message ?? '', /HostProcess/);
    assert.equal(hp?.location.line, lineIn('windows.yaml', 'windowsOptions:', 'name: win-hostprocess'));
  });

  test('legacy seccomp annotations do not count (ignored since Kubernetes v1.27); the field does', async () => {
    const fs = await findingsOf('seccomp-annotations.yaml');
    const app = one(fs, 'k8s/no-seccomp', 'app');
    assert.match(app.message, /legacy annotation "seccomp\.security\.alpha\.kubernetes\.io\/pod: runtime\/default".*v1\.27/);
    assert.match(one(fs, 'k8s/no-seccomp', 'debug').message, /container\.seccomp\.security\.alpha\.kubernetes\.io\/debug: unconfined/);
    assert.deepEqual(rulesOf(fs, 'field'), []);
    assert.deepEqual([...new Set(fs.filter(isK8sRule).map((f) => f.ruleId))], ['k8s/no-seccomp']);
  });
});

describe('k8s: fingerprints', () => {
  test('reformatting and reordering a file changes lines, never fingerprints', async () => {
    const a = await findingsOf('fingerprint/original.yaml');
    const b = await findingsOf('fingerprint/reformatted.yaml');
    const prints = (fs: RawFinding[]) => fs.map((f) => `${f.ruleId} ${fingerprintOf(f)}`).sort();
    assert.equal(a.length, b.length);
    assert.ok(a.length >= 12, `only ${a.length} findings`);
    assert.deepEqual(prints(b), prints(a));
    // Distinct problems keep distinct fingerprints (host namespaces, added capabilities, env vars).
    assert.equal(new Set(prints(a)).size, a.length);
    const lines = (fs: RawFinding[]) => fs.map((f) => `${fingerprintOf(f)}@${f.location.line}`).sort();
    assert.notDeepEqual(lines(a), lines(b));
  });
});
