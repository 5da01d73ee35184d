// Benchmark: the manifest check group (manifest-lint + manifest integrity)
// on a repository's *.tools.json files and lockfile, as the gate runs them,
// without the rest of the gate. Run:
//   node bench/manifest-group.ts DIR   (e.g. a repository `npm run bench` generated)
// Prints CPU time (user+system) per phase, median of 5 runs, and a digest of
// the findings so that two versions can be compared for identical results.
import { createHash } from 'node:crypto';
import { integrityFindings } from '../checks/manifests/integrity-check.ts';
import { lintServers } from '../checks/manifests/lint-check.ts';
import { readLockfile } from '../checks/manifests/lockfile.ts';
import { loadManifests } from '../checks/manifests/manifests.ts';
import type { CheckContext } from '../src/types.ts';
import { Workspace } from '../src/workspace/workspace.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/manifest-group.ts DIR');
const runs = Number(process.env.BENCH_RUNS ?? 5);

function cpu(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

const times: Record<string, number[]> = { load: [], lint: [], integrity: [], total: [] };
let digest = '';
for (let r = 0; r < runs; r++) {
  // A fresh workspace per run: the manifests are read and parsed again, as in a gate run.
  const ctx = { root: dir, config: {}, workspace: new Workspace(dir) } as unknown as CheckContext;
  const t0 = cpu();
  const { servers } = await loadManifests(ctx);
  const t1 = cpu();
  const lint = lintServers(servers);
  const t2 = cpu();
  const integrity = integrityFindings(ctx, servers, readLockfile(dir));
  const t3 = cpu();
  times.load!.push(t1 - t0);
  times.lint!.push(t2 - t1);
  times.integrity!.push(t3 - t2);
  times.total!.push(t3 - t0);
  digest = createHash('sha256').update(JSON.stringify([lint, integrity])).digest('hex').slice(0, 16);
  if (r === 0)
    console.log(
      `${servers.length} servers, ${lint.tools} tools, ${lint.findings.length} lint findings, ${integrity.length} integrity findings; first (cold) run: load ${(t1 - t0).toFixed(0)} ms, lint ${(t2 - t1).toFixed(0)} ms, integrity ${(t3 - t2).toFixed(0)} ms`,
    );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(Object.entries(times).map(([k, v]) => `${k} ${median(v).toFixed(0)} ms`).join(', '), `(CPU, median of ${runs}; digest ${digest})`);
