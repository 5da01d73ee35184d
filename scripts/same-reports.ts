// npm run same-reports -- REF [--quick]
// Proves a refactoring kept behaviour: runs `mcp-gate check` of revision REF
// (from its sources, in a temporary git worktree) and of the working tree on
// the same inputs — examples/, the test fixtures, the bench repositories —
// in every format, and compares the outputs byte for byte once durations are
// masked. Exits 1 on the first difference of each input, naming it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, shape } from '../bench/repos.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const ref = process.argv[2];
if (!ref || ref.startsWith('-')) {
  process.stderr.write('usage: node scripts/same-reports.ts REF [--quick]\n');
  process.exit(2);
}
const quick = process.argv.includes('--quick');
const FORMATS = ['json', 'sarif', 'markdown', 'text'] as const;

const work = mkdtempSync(join(tmpdir(), 'mcp-gate-same-'));
const base = join(work, 'base');
const git = (args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
const added = git(['worktree', 'add', '--detach', base, ref]);
if (added.status !== 0) {
  process.stderr.write(`cannot check out ${ref}: ${added.stderr}`);
  process.exit(2);
}
symlinkSync(join(repo, 'node_modules'), join(base, 'node_modules'));

/** The CLI entry of a tree: the sources as they were laid out at that revision. */
function cliOf(tree: string): string {
  for (const entry of ['src/main/cli.ts', 'src/cli.ts']) if (existsSync(join(tree, entry))) return join(tree, entry);
  throw new Error(`${tree}: no CLI entry`);
}

/** Durations are the only output that may differ between two runs. */
function mask(text: string): string {
  return text
    .replace(/"durationMs": [0-9.]+/g, '"durationMs": 0')
    .replace(/ in [0-9.]+ ms/g, ' in 0 ms')
    .replace(/^\| ([^|]+) \| (ran|skipped|failed) \| [0-9.]+ \|/gm, '| $1 | $2 | 0 |');
}

function run(tree: string, args: string[]): string {
  const r = spawnSync(process.execPath, [cliOf(tree), ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  return `exit ${r.status}\n${mask(r.stdout)}\n--- stderr\n${r.stderr}`;
}

// Inputs: the examples, every fixture directory, the bench repositories.
const inputs: Array<{ dir: string; extra?: string[] }> = [];
for (const name of readdirSync(join(repo, 'examples'))) inputs.push({ dir: join(repo, 'examples', name) });
inputs.push({ dir: join(repo, 'examples/insecure'), extra: ['--mode', 'enforce', '--rollout', '2'] });
inputs.push({ dir: join(repo, 'examples/hardened'), extra: ['--base-ref', 'HEAD'] });
inputs.push({ dir: join(repo, 'test/fixtures') });
for (const name of readdirSync(join(repo, 'test/fixtures'))) {
  const dir = join(repo, 'test/fixtures', name);
  if (statSync(dir).isDirectory()) inputs.push({ dir });
}
for (const docs of quick ? [100] : [100, 1_000]) {
  const dir = join(work, `bench-${docs}`);
  generate(dir, shape(docs));
  // Pinned once (by the base revision), as the bench does, so the integrity comparison runs.
  spawnSync(process.execPath, [cliOf(base), 'manifest', 'pin', dir], { encoding: 'utf8' });
  inputs.push({ dir });
}

let differences = 0;
let compared = 0;
for (const { dir, extra = [] } of inputs) {
  for (const format of FORMATS) {
    const args = ['check', dir, '--format', format, ...extra];
    const before = run(base, args);
    const after = run(repo, args);
    compared++;
    if (before === after) continue;
    differences++;
    const a = before.split('\n');
    const b = after.split('\n');
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    const out = join(work, `diff-${differences}`);
    writeFileSync(`${out}.before`, before);
    writeFileSync(`${out}.after`, after);
    process.stdout.write(`DIFFERENT  ${args.join(' ')}\n  line ${i + 1}:\n  - ${a[i] ?? '(end)'}\n  + ${b[i] ?? '(end)'}\n  (whole outputs: ${out}.before / .after)\n`);
  }
}
git(['worktree', 'remove', '--force', base]);
process.stdout.write(`${compared - differences} of ${compared} outputs identical to ${ref}${differences ? '' : ' (all)'}\n`);
if (!differences) rmSync(work, { recursive: true, force: true });
process.exit(differences ? 1 : 0);
