// Temporary repositories for tests: files written from a map, removed when
// the test file ends.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

export function tempRepo(prefix: string, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), `mcp-gate-${prefix}-`));
  dirs.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

/** An empty git repository (no system or user git config) and a commit function returning the new sha. */
export function gitRepo(prefix: string): { dir: string; commit: (msg: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), `mcp-gate-${prefix}-`));
  dirs.push(dir);
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
