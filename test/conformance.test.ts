// Peer conformance: the gate's workload rules against the verdicts of
// kube-linter, polaris, checkov and kubesec on their own test fixtures
// (test/fixtures/shared/k8s, provenance in test/fixtures/shared/README.md).
//
// Every case of expectations.json is either mapped to one of our rules
// (optionally to one facet of it: the hostIPC part of k8s/host-namespaces,
// the "adds SYS_ADMIN" part of k8s/capabilities-not-dropped) or listed as out
// of scope with the reason. Mapped cases are evaluated with the real check
// (src/workspace/yaml.ts + kubernetesObjects + evaluateWorkload). Agreement per peer
// must not fall below the floors measured when this suite was written, and
// docs/conformance.md must show exactly the table computed here
// (regenerate with UPDATE_CONFORMANCE_DOC=1).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { evaluateWorkload, podRuleContext } from '../checks/k8s/check.ts';
import type { RuleId } from '../src/rules/catalog.ts';
import { InputError } from '../src/util/errors.ts';
import { type K8sObject, kubernetesObjects } from '../src/workspace/kubernetes.ts';
import type { RawFinding } from '../src/types.ts';
import { parseYamlDocuments } from '../src/workspace/yaml.ts';

const ROOT = join(import.meta.dirname, 'fixtures/shared/k8s');
const DOC = join(import.meta.dirname, '../docs/conformance.md');

type Peer = 'kube-linter' | 'polaris' | 'checkov' | 'kubesec';
type Expected = 'pass' | 'fail' | 'unknown';
/** What the gate says about one case. `check-failed`: the object is reported as malformed (fails closed). */
type Verdict = 'pass' | 'fail' | 'check-failed' | 'not-a-workload' | 'object-not-found';

interface Case {
  file: string;
  tool: Peer;
  check: string;
  expected: Expected;
  object: string;
  container?: string;
  concept: string;
}

interface Mapping {
  rule: RuleId;
  /** Which findings of the rule answer the peer's question (default: all). */
  facet?: string;
  select?: (f: RawFinding) => boolean;
}

const hostNs = (field: string): Mapping => ({ rule: 'k8s/host-namespaces', facet: field, select: (f) => f.key === field });
const capsDrop: Mapping = { rule: 'k8s/capabilities-not-dropped', facet: 'drop', select: (f) => !f.key?.startsWith('add:') };
const capsAdd: Mapping = { rule: 'k8s/capabilities-not-dropped', facet: 'add', select: (f) => f.key?.startsWith('add:') === true };
const capsAddSysAdmin: Mapping = { rule: 'k8s/capabilities-not-dropped', facet: 'add SYS_ADMIN', select: (f) => f.key === 'add:SYS_ADMIN' };
const rule = (r: RuleId): Mapping => ({ rule: r });
const hostPathVolume: Mapping = { rule: 'k8s/host-path', facet: 'hostPath volume', select: (f) => /^(volume|socket):/.test(f.key ?? '') };
const runtimeSocket: Mapping = { rule: 'k8s/host-path', facet: 'runtime socket', select: (f) => f.key?.startsWith('socket:') === true };
const hostPort: Mapping = { rule: 'k8s/host-path', facet: 'hostPort', select: (f) => f.key?.startsWith('hostPort:') === true };

/** Peer check -> our rule. Checks absent here are out of scope (OUT_OF_SCOPE says why). */
export const MAPPING: Record<Peer, Record<string, Mapping>> = {
  'kube-linter': {
    'run-as-non-root': rule('k8s/run-as-root'),
    'privilege-escalation-container': rule('k8s/privilege-escalation'),
    'privileged-container': rule('k8s/privileged'),
    'no-read-only-root-fs': rule('k8s/writable-root-fs'),
    'host-ipc': hostNs('hostIPC'),
    'host-network': hostNs('hostNetwork'),
    'host-pid': hostNs('hostPID'),
    'drop-net-raw-capability': capsDrop,
    'sensitive-host-mounts': hostPathVolume,
    'writable-host-mount': hostPathVolume,
    'docker-sock': runtimeSocket,
  },
  polaris: {
    automountServiceAccountToken: rule('k8s/sa-token-automount'),
    dangerousCapabilities: capsAdd,
    hostIPCSet: hostNs('hostIPC'),
    hostNetworkSet: hostNs('hostNetwork'),
    hostPIDSet: hostNs('hostPID'),
    hostProcess: rule('k8s/privileged'),
    insecureCapabilities: rule('k8s/capabilities-not-dropped'),
    linuxHardening: rule('k8s/no-seccomp'),
    notReadOnlyRootFilesystem: rule('k8s/writable-root-fs'),
    privilegeEscalationAllowed: rule('k8s/privilege-escalation'),
    runAsPrivileged: rule('k8s/privileged'),
    runAsRootAllowed: rule('k8s/run-as-root'),
    hostPathSet: hostPathVolume,
    hostPortSet: hostPort,
  },
  checkov: {
    CKV_K8S_16: rule('k8s/privileged'),
    CKV_K8S_17: hostNs('hostPID'),
    CKV_K8S_18: hostNs('hostIPC'),
    CKV_K8S_19: hostNs('hostNetwork'),
    CKV_K8S_20: rule('k8s/privilege-escalation'),
    CKV_K8S_22: rule('k8s/writable-root-fs'),
    CKV_K8S_23: rule('k8s/run-as-root'),
    CKV_K8S_25: capsAdd,
    CKV_K8S_28: capsDrop,
    CKV_K8S_31: rule('k8s/no-seccomp'),
    CKV_K8S_37: capsDrop,
    CKV_K8S_38: rule('k8s/sa-token-automount'),
    CKV_K8S_39: capsAddSysAdmin,
    CKV_K8S_27: runtimeSocket,
  },
  kubesec: {
    AllowPrivilegeEscalation: rule('k8s/privilege-escalation'),
    CapDropAll: capsDrop,
    CapDropAny: capsDrop,
    CapSysAdmin: capsAddSysAdmin,
    HostIPC: hostNs('hostIPC'),
    HostNetwork: hostNs('hostNetwork'),
    HostPID: hostNs('hostPID'),
    Privileged: rule('k8s/privileged'),
    ReadOnlyRootFilesystem: rule('k8s/writable-root-fs'),
    RunAsNonRoot: rule('k8s/run-as-root'),
    SeccompAny: rule('k8s/no-seccomp'),
    SeccompUnconfined: rule('k8s/no-seccomp'),
    AutomountServiceAccountToken: rule('k8s/sa-token-automount'),
    DockerSock: runtimeSocket,
  },
};

/** Why a peer check is not mapped: no rule of ours asks that question. */
export const OUT_OF_SCOPE: Record<Peer, Record<string, string>> = {
  'kube-linter': {
    'unsafe-proc-mount': 'procMount: no workload rule',
    'default-service-account': 'which service account is used: no rule (k8s/sa-token-automount asks whether its token is mounted)',
    'non-isolated-pod': 'NetworkPolicy coverage: the netpol check (docs/netpol-conformance.md)',
    'dangling-networkpolicy': 'NetworkPolicy hygiene: the netpol check (docs/netpol-conformance.md)',
    'dangling-networkpolicypeer-podselector': 'NetworkPolicy hygiene: the netpol check (docs/netpol-conformance.md)',
  },
  polaris: {
    procMount: 'procMount: no workload rule',
    missingNetworkPolicy: 'NetworkPolicy coverage: the netpol check (docs/netpol-conformance.md)',
  },
  checkov: {
    CKV_K8S_29: 'presence of a pod securityContext: no rule (the gate checks the effective settings, not the block)',
    CKV_K8S_30: 'presence of a container securityContext: no rule (the gate checks the effective settings, not the block)',
    CKV_K8S_40: 'UID/GID above 10000 (host user collision): no rule; k8s/run-as-root asks for non-root only',
    CKV2_K8S_6: 'NetworkPolicy coverage: the netpol check (docs/netpol-conformance.md)',
  },
  kubesec: {
    ProcMount: 'procMount: no workload rule',
    RunAsGroup: 'GID above 10000: no rule (k8s/run-as-root reports an explicit runAsGroup: 0 only)',
    RunAsUser: 'UID above 10000: no rule; k8s/run-as-root asks for non-root only',
    ServiceAccountName: 'which service account is used: no rule',
    HostUsers: 'user namespaces (hostUsers: false): no rule; k8s/host-namespaces covers network, PID and IPC',
  },
};

/** Why the gate disagrees, by `tool check` (or `tool check file` for one case). */
export const REASONS: Record<string, string> = {
  'kube-linter host-ipc':
    'The object has no containers. The API server rejects such a workload and the gate cannot see what its pod would run, so it reports gate/check-failed (fails closed) rather than passing it; kube-linter evaluates the pod-level field alone. In real repositories this is usually a kustomize patch: point `kubernetes.paths` at rendered manifests.',
  'kube-linter host-network': 'Same as host-ipc: a workload with no containers is reported as malformed (gate/check-failed), not passed.',
  'kube-linter host-pid': 'Same as host-ipc: a workload with no containers is reported as malformed (gate/check-failed), not passed.',
  'kube-linter drop-net-raw-capability':
    '`capabilities:` is empty, so nothing is dropped and the runtime default set (which includes NET_RAW) applies. kube-linter only objects when NET_RAW is added; the seed row requires ALL in the drop list.',
  'polaris insecureCapabilities':
    'Drops a list of named capabilities instead of ALL. Polaris accepts its own list; the seed row is "ALL not in drop list — BLOCKS DEPLOY", and a named list silently misses any capability outside it.',
  'polaris linuxHardening':
    'Polaris accepts AppArmor, SELinux options or drop ALL as alternatives to seccomp; k8s/no-seccomp implements the seed row "No seccomp profile configured" and asks for a RuntimeDefault or Localhost seccomp profile specifically (the others do not filter system calls).',
  'checkov CKV_K8S_31':
    'The only seccomp setting is the legacy annotation `seccomp.security.alpha.kubernetes.io/pod`. Kubernetes stopped applying it in v1.25 and removed it in v1.27 (kubernetes/kubernetes#114947): the container runs Unconfined, so the gate reports it (naming the annotation); checkov still counts it.',
  'checkov CKV_K8S_28': 'Drops NET_RAW only. checkov asks for NET_RAW; the seed row requires ALL in the drop list.',
  'kubesec CapDropAll':
    'kubesec scores a positive rule when at least one container has the setting; the gate requires it of every container (init and ephemeral included), and this fixture has containers without it.',
  'kubesec CapDropAny': 'kubesec rewards dropping any capability in at least one container; the gate requires ALL in every container.',
  'kubesec ReadOnlyRootFilesystem': 'kubesec scores the rule when one container has it; the gate requires readOnlyRootFilesystem: true in every container, and this fixture has containers without it.',
  'kubesec RunAsNonRoot': 'kubesec scores the rule when one container has it; the gate requires every container to be non-root, and this fixture has containers with runAsNonRoot unset or false.',
  'checkov CKV_K8S_27 checkov/checks/example_DockerSocketVolume/CronJob-pass.yaml':
    'The CronJob has `jobTemplate.spec: null`: no pod template, so the gate reports it as malformed (gate/check-failed, fails closed) instead of passing it.',
  'kubesec DockerSock kubesec/unit/dockerSock__Test_DockerSock_Missing.yaml':
    'The Pod has no containers: reported as malformed (gate/check-failed), not passed, as for kube-linter host-ipc.',
  'kubesec SeccompAny': 'kubesec scores the rule when any container (here only the init or ephemeral one) has a profile; the gate requires one for every container, and the main container has none.',
};

/**
 * Floors measured when the suite was written (agreeing cases / mapped cases).
 * Agreement may rise; it must not fall, and a changed mapping shows up here.
 */
const FLOORS: Record<Peer, { agree: number; total: number }> = {
  'kube-linter': { agree: 34, total: 42 },
  polaris: { agree: 64, total: 71 },
  checkov: { agree: 83, total: 89 },
  kubesec: { agree: 58, total: 68 },
};
const PEERS = Object.keys(FLOORS) as Peer[];

interface Outcome {
  c: Case;
  mapping: Mapping;
  verdict: Verdict;
  agree: boolean;
}

const parsed = new Map<string, K8sObject[]>();
function objectsOf(file: string): K8sObject[] {
  let objs = parsed.get(file);
  if (!objs) {
    const docs = parseYamlDocuments(readFileSync(join(ROOT, file), 'utf8'), file);
    objs = kubernetesObjects(docs, file);
    parsed.set(file, objs);
  }
  return objs;
}

/** The gate's verdict on one case: the mapped rule (facet) on the named object (and container). */
export function evaluateCase(c: Case, m: Mapping): Verdict {
  const objects = objectsOf(c.file);
  const [kind, name] = c.object.split('/') as [string, string];
  // kubesec's inline fixtures have no metadata.name; the peer calls them None.
  const targets = objects.filter((o) => o.kind === kind && (o.name === name || (name === 'None' && o.name === '(unnamed)')));
  if (targets.length === 0) return 'object-not-found';
  const ctx = podRuleContext(objects);
  let verdict: Verdict = 'not-a-workload';
  for (const obj of targets) {
    let found: RawFinding[] | undefined;
    try {
      found = evaluateWorkload(obj, ctx);
    } catch (err) {
      if (err instanceof InputError) return 'check-failed';
      throw err;
    }
    if (!found) continue;
    const hits = found.filter(
      (f) =>
        f.ruleId === m.rule &&
        (m.select?.(f) ?? true) &&
        (c.container === undefined || f.location.container === undefined || f.location.container === c.container),
    );
    if (hits.length) return 'fail';
    verdict = found.some((f) => f.ruleId === 'gate/check-failed') ? 'check-failed' : 'pass';
  }
  return verdict;
}

function agrees(expected: Expected, verdict: Verdict): boolean {
  if (expected === 'pass') return verdict === 'pass';
  // A peer's fail or unknown: the gate agrees when it does not pass the
  // object (a finding of the rule, or gate/check-failed, which blocks too).
  return verdict === 'fail' || verdict === 'check-failed';
}

export function loadCases(): Case[] {
  return JSON.parse(readFileSync(join(ROOT, 'expectations.json'), 'utf8')) as Case[];
}

export function runConformance(): { outcomes: Outcome[]; outOfScope: Case[] } {
  const outcomes: Outcome[] = [];
  const outOfScope: Case[] = [];
  for (const c of loadCases()) {
    const m = MAPPING[c.tool]?.[c.check];
    if (!m) {
      outOfScope.push(c);
      continue;
    }
    const verdict = evaluateCase(c, m);
    outcomes.push({ c, mapping: m, verdict, agree: agrees(c.expected, verdict) });
  }
  return { outcomes, outOfScope };
}

function reasonFor(c: Case): string | undefined {
  return REASONS[`${c.tool} ${c.check} ${c.file}`] ?? REASONS[`${c.tool} ${c.check}`];
}

const pct = (a: number, n: number) => (n === 0 ? '-' : `${((100 * a) / n).toFixed(1)}%`);
const mappingName = (m: Mapping) => (m.facet ? `${m.rule} (${m.facet})` : m.rule);

/** The generated part of docs/conformance.md. */
export function renderDoc(outcomes: Outcome[], outOfScope: Case[]): string {
  const lines: string[] = [];
  const row = (cells: (string | number)[]) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push('### Agreement per peer', '');
  row(['peer', 'cases', 'mapped', 'agree', 'disagree', 'agreement', 'out of scope']);
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:']);
  const all = loadCases();
  for (const p of PEERS) {
    const mine = outcomes.filter((o) => o.c.tool === p);
    const a = mine.filter((o) => o.agree).length;
    row([p, all.filter((c) => c.tool === p).length, mine.length, a, mine.length - a, pct(a, mine.length), outOfScope.filter((c) => c.tool === p).length]);
  }
  const a = outcomes.filter((o) => o.agree).length;
  row(['**all**', all.length, outcomes.length, a, outcomes.length - a, `**${pct(a, outcomes.length)}**`, outOfScope.length]);
  const permissive = outcomes.filter((o) => !o.agree && o.c.expected !== 'pass').length;
  lines.push(
    '',
    `Disagreements where the peer fails (or cannot evaluate) an object and the gate passes it: **${permissive}**. ` +
      `Every disagreement below is the gate being stricter than the peer.`,
    '',
    '### Agreement per rule',
    '',
  );
  row(['rule', 'mapped', 'agree', 'agreement']);
  row(['---', '---:', '---:', '---:']);
  const rules = [...new Set(outcomes.map((o) => o.mapping.rule))].sort();
  for (const r of rules) {
    const mine = outcomes.filter((o) => o.mapping.rule === r);
    const ag = mine.filter((o) => o.agree).length;
    row([`\`${r}\``, mine.length, ag, pct(ag, mine.length)]);
  }
  lines.push('', '### Mapping', '', 'Peer check -> gate rule (facet: the part of the rule that answers the peer\'s question).', '');
  row(['peer', 'check', 'gate rule', 'cases', 'agree']);
  row(['---', '---', '---', '---:', '---:']);
  for (const p of PEERS)
    for (const [check, m] of Object.entries(MAPPING[p])) {
      const mine = outcomes.filter((o) => o.c.tool === p && o.c.check === check);
      row([p, check, mappingName(m), mine.length, mine.filter((o) => o.agree).length]);
    }
  lines.push('', '### Every disagreement', '');
  row(['peer', 'check', 'fixture', 'object', 'peer says', 'gate says', 'reason']);
  row(['---', '---', '---', '---', '---', '---', '---']);
  for (const o of outcomes.filter((x) => !x.agree))
    row([o.c.tool, o.c.check, `\`${o.c.file}\``, `${o.c.object}${o.c.container ? ` (${o.c.container})` : ''}`, o.c.expected, o.verdict, reasonFor(o.c) ?? 'UNEXPLAINED']);
  lines.push('', '### Out of scope', '', 'Peer checks that no workload rule answers, with the number of cases.', '');
  row(['peer', 'check', 'concept', 'cases', 'why']);
  row(['---', '---', '---', '---:', '---']);
  const groups = new Map<string, Case[]>();
  for (const c of outOfScope) {
    const k = `${c.tool}\u0000${c.check}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  for (const cs of groups.values()) {
    const c = cs[0] as Case;
    row([c.tool, c.check, c.concept, cs.length, OUT_OF_SCOPE[c.tool]?.[c.check] ?? 'UNEXPLAINED']);
  }
  return lines.join('\n');
}

const BEGIN = '<!-- conformance:begin (generated by test/conformance.test.ts; UPDATE_CONFORMANCE_DOC=1 to refresh) -->';
const END = '<!-- conformance:end -->';

const { outcomes, outOfScope } = runConformance();

test('conformance: every mapped case resolves to a workload of the fixture', () => {
  const unresolved = outcomes.filter((o) => o.verdict === 'object-not-found' || o.verdict === 'not-a-workload');
  assert.deepEqual(unresolved.map((o) => `${o.c.file} ${o.c.object}: ${o.verdict}`), []);
  assert.equal(outcomes.length + outOfScope.length, 341);
});

test('conformance: every out-of-scope peer check says why', () => {
  const missing = [...new Set(outOfScope.filter((c) => !OUT_OF_SCOPE[c.tool]?.[c.check]).map((c) => `${c.tool} ${c.check}`))];
  assert.deepEqual(missing, []);
  // ...and none of them is about a concept one of our rules covers.
  const covered = new Set(['runAsNonRoot/root user', 'allowPrivilegeEscalation', 'privileged', 'readOnlyRootFilesystem', 'host namespaces', 'capabilities drop', 'capabilities add', 'seccomp', 'SA token automount']);
  const shouldMap = outOfScope.filter((c) => covered.has(c.concept) && !(c.tool === 'kubesec' && c.check === 'HostUsers'));
  assert.deepEqual(shouldMap.map((c) => `${c.tool} ${c.check}`), []);
});

test('conformance: every disagreement has a documented reason', () => {
  const unexplained = outcomes.filter((o) => !o.agree && !reasonFor(o.c));
  assert.deepEqual(unexplained.map((o) => `${o.c.tool} ${o.c.check} ${o.c.file} ${o.c.object}`), []);
});

test('conformance: the gate never passes an object a peer fails or cannot evaluate', () => {
  const permissive = outcomes.filter((o) => !o.agree && o.c.expected !== 'pass');
  assert.deepEqual(permissive.map((o) => `${o.c.tool} ${o.c.check} ${o.c.file} ${o.c.object}: ${o.verdict}`), []);
});

test('conformance: agreement per peer does not drop below the measured floor', () => {
  const table: Record<string, { mapped: number; agree: number; agreement: string }> = {};
  for (const p of PEERS) {
    const mine = outcomes.filter((o) => o.c.tool === p);
    const a = mine.filter((o) => o.agree).length;
    table[p] = { mapped: mine.length, agree: a, agreement: pct(a, mine.length) };
  }
  const a = outcomes.filter((o) => o.agree).length;
  table.all = { mapped: outcomes.length, agree: a, agreement: pct(a, outcomes.length) };
  console.table(table);
  for (const p of PEERS) {
    const floor = FLOORS[p];
    const t = table[p]!;
    assert.equal(t.mapped, floor.total, `${p}: mapped cases changed (${t.mapped} vs ${floor.total}); update FLOORS deliberately`);
    assert.ok(t.agree >= floor.agree, `${p}: agreement fell to ${t.agree}/${t.mapped} (floor ${floor.agree}/${floor.total})`);
  }
});

test('conformance: docs/conformance.md shows the table this suite computes', () => {
  const generated = renderDoc(outcomes, outOfScope);
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  assert.ok(start >= 0 && end > start, 'docs/conformance.md lacks the generated-section markers');
  if (process.env.UPDATE_CONFORMANCE_DOC) {
    writeFileSync(DOC, `${doc.slice(0, start + BEGIN.length)}\n${generated}\n${doc.slice(end)}`);
    return;
  }
  assert.equal(doc.slice(start + BEGIN.length, end).trim(), generated.trim(), 'docs/conformance.md is stale: run UPDATE_CONFORMANCE_DOC=1 node --test test/conformance.test.ts');
  // The hand-written summary quotes the same figures.
  const agree = outcomes.filter((o) => o.agree).length;
  const strictCases = outcomes.filter((o) => o.c.expected !== 'pass').length;
  const prose = doc.slice(0, start).replace(/\s+/g, ' ');
  assert.ok(prose.includes(`(${agree} of ${outcomes.length} mapped cases, ${pct(agree, outcomes.length)})`), 'summary figure in docs/conformance.md is stale');
  assert.ok(prose.includes(`0 of the ${strictCases} \`fail\`/\`unknown\` cases mapped`), 'fail/unknown count in docs/conformance.md is stale');
  for (const p of PEERS) assert.ok(prose.includes(`${p} ${FLOORS[p].agree}/${FLOORS[p].total}`), `floor of ${p} in docs/conformance.md is stale`);
});
