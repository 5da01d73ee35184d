// Benchmark: a ~100 MB trivy JSON report through the reports check.
// Target (issue 6): under 3 s, peak RSS under 1 GB.
//   node_modules/.bin/node bench/reports.ts [sizeMB] [--dense]
// --dense strips descriptions/CVSS from the entries: ~6x more, smaller
// objects in the same bytes (the worst case for memory per byte).
// The report is generated in a temp dir from the real trivy fixture
// (test/fixtures/shared/reports/trivy/alpine-310.json.golden): its
// vulnerability objects, with varied package names and ids, across many
// Results. The gate runs in a child process so the generator's memory does
// not count; the child reports wall time and peak RSS (getrusage maxrss).
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURE = join(import.meta.dirname, '../test/fixtures/shared/reports/trivy/alpine-310.json.golden');

async function child(root: string): Promise<void> {
  const { runGate } = await import('../src/gate/engine.ts');
  const { reportsCheck } = await import('../checks/reports/check.ts');
  const t0 = performance.now();
  const report = await runGate({ root, config: { mode: 'enforce', reports: { trivy: ['trivy.json'], sbom: ['bom.json'] } }, checks: [reportsCheck] });
  const ms = performance.now() - t0;
  const check = report.checks.find((c) => c.id === 'reports');
  process.stdout.write(
    JSON.stringify({
      ms: Math.round(ms),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      findings: report.findings.length,
      byRule: Object.fromEntries([...Map.groupBy(report.findings, (f) => f.ruleId)].map(([k, v]) => [k, v.length])),
      detail: check?.detail,
    }),
  );
}

export function generate(dir: string, targetBytes: number, dense: boolean): { bytes: number; vulns: number } {
  const base = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const templates: Record<string, unknown>[] = base.Results[0].Vulnerabilities;
  const severities = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL', 'MEDIUM', 'LOW'];
  const fd = openSync(join(dir, 'trivy.json'), 'w');
  const head = { ...base, Results: undefined };
  let bytes = writeSync(fd, `${JSON.stringify(head, null, 2).replace(/\n}$/, '')},\n  "Results": [\n`);
  let vulns = 0;
  let r = 0;
  while (bytes < targetBytes) {
    const list: unknown[] = [];
    for (let i = 0; i < 200; i++, vulns++) {
      const full = templates[vulns % templates.length] as Record<string, unknown>;
      const t = dense ? { PkgIdentifier: full.PkgIdentifier, InstalledVersion: full.InstalledVersion, FixedVersion: full.FixedVersion, Status: full.Status, Title: full.Title } : full;
      list.push({
        ...t,
        VulnerabilityID: `CVE-2026-${100000 + (vulns % 50000)}`,
        PkgName: `pkg-${r}-${i % 40}`,
        PkgID: `pkg-${r}-${i % 40}@1.0.${i}`,
        Severity: severities[vulns % severities.length],
        ...(vulns % 7 === 0 ? { FixedVersion: undefined, Status: 'affected' } : {}),
      });
    }
    const result = { Target: `layer-${r}/lib (alpine 3.10.2)`, Class: 'os-pkgs', Type: 'alpine', Vulnerabilities: list };
    bytes += writeSync(fd, `${r ? ',\n' : ''}${JSON.stringify(result, null, 2)}`);
    r++;
  }
  bytes += writeSync(fd, '\n  ]\n}\n');
  closeSync(fd);
  return { bytes, vulns };
}

if (import.meta.main && process.argv[2] === '--child') {
  await child(process.argv[3] as string);
} else if (import.meta.main) {
  const mb = Number(process.argv.find((a, i) => i > 1 && /^\d+$/.test(a)) ?? 100);
  const dense = process.argv.includes('--dense');
  const dir = mkdtempSync(join(tmpdir(), 'mcp-gate-bench-reports-'));
  try {
    const g0 = performance.now();
    const { bytes, vulns } = generate(dir, mb * 1024 * 1024, dense);
    execFileSync('cp', [join(import.meta.dirname, '../test/fixtures/shared/reports/sbom/cdx-valid-bom-1.6.json'), join(dir, 'bom.json')]);
    console.log(`generated ${(statSync(join(dir, 'trivy.json')).size / 1024 / 1024).toFixed(1)} MiB (${bytes} bytes), ${vulns} vulnerabilities in ${Math.round(performance.now() - g0)} ms`);
    const runs: { ms: number; maxRssMB: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const out = execFileSync(process.execPath, [import.meta.filename, '--child', dir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      const res = JSON.parse(out);
      runs.push(res);
      console.log(`run ${i + 1}: ${res.ms} ms, peak RSS ${res.maxRssMB} MB, ${res.findings} findings ${JSON.stringify(res.byRule)}`);
      if (i === 0) console.log(`  detail: ${res.detail}`);
    }
    const worstMs = Math.max(...runs.map((r) => r.ms));
    const worstRss = Math.max(...runs.map((r) => r.maxRssMB));
    const ok = worstMs < 3000 && worstRss < 1024;
    console.log(`worst: ${worstMs} ms (target < 3000), peak RSS ${worstRss} MB (target < 1024): ${ok ? 'PASS' : 'FAIL'}`);
    if (!ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
