// Cold-start figures (median of repeated runs, wall time):
// - `node dist/cli.js check examples/insecure` (foundation issue: < 300 ms)
// - `node dist/index.js` as the runner starts it, on an empty repository (< 300 ms)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 20);

function median(argv: string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, { env, cwd, encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')}: exit ${r.status}\n${r.stderr}`);
    if (i >= 2) times.push(ms); // two warm-up runs (file cache)
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const empty = mkdtempSync(join(tmpdir(), 'mcp-gate-empty-'));
const tmp = mkdtempSync(join(tmpdir(), 'mcp-gate-runner-'));
for (const f of ['output', 'summary']) writeFileSync(join(tmp, f), '');
const runnerEnv = {
  PATH: process.env.PATH,
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_OUTPUT: join(tmp, 'output'),
  GITHUB_STEP_SUMMARY: join(tmp, 'summary'),
  RUNNER_TEMP: tmp,
  INPUT_PATH: empty,
  INPUT_COMMENT: 'false',
};
console.log(`Node ${process.version}, ${RUNS} runs each, median wall time`);
console.log(`cli  check examples/insecure: ${median([join(repo, 'dist/cli.js'), 'check', 'examples/insecure'], { ...process.env, NO_COLOR: '1' }, repo).toFixed(0)} ms`);
console.log(`action dist/index.js, empty repository: ${median([join(repo, 'dist/index.js')], runnerEnv, tmp).toFixed(0)} ms`);
