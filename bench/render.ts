// node bench/render.ts: a 30-template chart, rendered and checked by the CLI
// (node dist/cli.js check), against `helm template` of the same chart alone.
// The difference is what the gate adds to helm's own time (issue 17: < 1 s).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);

const root = mkdtempSync(join(tmpdir(), 'bench-render-'));
execFileSync('git', ['init', '-q'], { cwd: root });
const chart = join(root, 'chart');
cpSync(join(repo, 'test/fixtures/render/chart-small'), chart, { recursive: true });
// 30 templates: the fixture's deployment, configmap and test hook, plus 27 more deployments.
const deployment = (i: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-svc-${i}\nspec:\n  selector:\n    matchLabels: {app: svc-${i}}\n  template:\n    metadata:\n      labels: {app: svc-${i}}\n    spec:\n      containers:\n        - name: server\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          securityContext:\n            {{- toYaml .Values.securityContext | nindent 12 }}\n`;
mkdirSync(join(chart, 'templates'), { recursive: true });
for (let i = 0; i < 27; i++) writeFileSync(join(chart, `templates/svc-${i}.yaml`), deployment(i));

const time = (argv: string[]): number => {
  const t0 = performance.now();
  const r = spawnSync(argv[0] as string, argv.slice(1), { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')}: exit ${r.status} ${r.stderr}`);
  return performance.now() - t0;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const helm: number[] = [];
const gate: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so drift of the machine affects both alike.
  helm.push(time(['helm', 'template', 'release', chart]));
  gate.push(time([process.execPath, join(repo, 'dist/cli.js'), 'check', root, '--format', 'json']));
}
const h = median(helm);
const g = median(gate);
console.log(`30-template chart, ${RUNS} runs, median: helm template ${h.toFixed(0)} ms; mcp-gate check ${g.toFixed(0)} ms; the gate beyond helm ${(g - h).toFixed(0)} ms`);
