// Real reports of three sizes for the summary snapshots (test/markdown-summary.test.ts)
// and the screenshots behind docs/github.md:
// the engine run on a small change, on examples/insecure with and without a
// base revision, and on a generated repository.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, shape } from '../bench/repos.ts';
import { runGate } from '../src/gate/engine.ts';
import type { Report } from '../src/types.ts';
import { REPO } from './cli-run.ts';

export interface Case {
  name: string;
  report: Report;
}

/** A hardened pod but for a privileged container and a moving tag: the small change a PR adds. */
const ADDED_POD = `apiVersion: v1
kind: Pod
metadata: {name: added, namespace: mcp, labels: {app: added}}
spec:
  automountServiceAccountToken: false
  securityContext: {runAsNonRoot: true, runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}
  containers:
    - name: c
      image: ghcr.io/example/added:latest
      securityContext: {privileged: true, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
`;

/** What the base already has: a default-deny policy and a workload with a moving tag. */
const BASE_FILES: Record<string, string> = {
  '.mcp-gate.yml': 'mode: enforce\nfailOn: new\nrules:\n  siem/unreachable: {severity: off}\n  siem/alert-rules-missing: {severity: off}\n  sbom/missing: {severity: off}\n',
  'deny.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: mcp}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
`,
  'old.yaml': ADDED_POD.replace('name: added', 'name: old').replace('privileged: true, ', ''),
};

function gitRepo(): { dir: string; commit: (msg: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'md-summary-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir } }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 't@example.test');
  git('config', 'user.name', 'test');
  return {
    dir,
    commit: (msg) => {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', msg);
      return git('rev-parse', 'HEAD');
    },
  };
}

/** Run-dependent parts (durations, temporary paths, commit ids) fixed, so a stored rendering compares. */
function stable(report: Report, root: string): Report {
  const text = JSON.stringify(report).replaceAll(root, '<repo>');
  const r = JSON.parse(text) as Report;
  for (const c of r.checks) c.durationMs = 0;
  if (r.baseline) {
    r.baseline.ref = '1'.repeat(40);
    r.baseline.commit = '1'.repeat(40);
  }
  return r;
}

/** About 5 findings: one old warning on the base, and a change adding one insecure pod. */
async function small(): Promise<Case> {
  const { dir, commit } = gitRepo();
  for (const [file, text] of Object.entries(BASE_FILES)) writeFileSync(join(dir, file), text);
  const base = commit('base');
  writeFileSync(join(dir, 'pod.yaml'), ADDED_POD);
  commit('head: add a pod');
  const report = await runGate({ root: dir, baseRef: base });
  rmSync(dir, { recursive: true, force: true });
  return { name: 'small-change', report: stable(report, dir) };
}

/** examples/insecure as it is: no base revision. */
async function insecure(): Promise<Case> {
  const report = await runGate({ root: join(REPO, 'examples/insecure') });
  return { name: 'insecure', report: stable(report, join(REPO, 'examples/insecure')) };
}

/** examples/insecure where the change adds the StatefulSet and the CronJob: about half the findings are new. */
async function insecureWithBase(): Promise<Case> {
  const { dir, commit } = gitRepo();
  cpSync(join(REPO, 'examples/insecure'), dir, { recursive: true });
  const servers = join(dir, 'deploy/mcp-servers.yaml');
  const full = readFileSync(servers, 'utf8');
  writeFileSync(servers, full.split(/^---$/m).slice(0, 2).join('---'));
  const base = commit('base: the Deployment only');
  writeFileSync(servers, full);
  commit('head: add the StatefulSet and the CronJob');
  const report = await runGate({ root: dir, baseRef: base });
  rmSync(dir, { recursive: true, force: true });
  return { name: 'insecure-with-base', report: stable(report, dir) };
}

/** About 500 findings: the bench generator at 90 documents. */
async function generated(): Promise<Case> {
  const dir = mkdtempSync(join(tmpdir(), 'md-summary-gen-'));
  generate(dir, shape(90));
  const report = await runGate({ root: dir });
  rmSync(dir, { recursive: true, force: true });
  return { name: 'generated', report: stable(report, dir) };
}

export async function summaryCases(): Promise<Case[]> {
  return [await small(), await insecure(), await insecureWithBase(), await generated()];
}

/** The links the Action would pass (a fixed head commit, so renderings compare). */
export const LINKS = { serverUrl: 'https://github.com', repository: 'example-org/mcp-deployments', sha: 'c0ffee'.padEnd(40, '0') };
