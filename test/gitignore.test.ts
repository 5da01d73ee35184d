// The secret scan's .gitignore reading against git itself: for each
// pattern, every path is asked of `git check-ignore` in a real repository
// and of GitIgnore, and the answers must agree.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { GitIgnore } from '../src/workspace/gitignore.ts';
import { tempRepo } from './temp-repo.ts';

const PATTERNS = [
  '*.log',
  'build/',
  '/root-only.txt',
  'docs/*.md',
  '**/cache',
  'a/**/z.txt',
  'logs/**',
  'file?.txt',
  'data[0-9].csv',
  'data[!0-9].csv',
  'data[^a].csv',
  '[[:upper:]]*.env',
  '*.{yaml,yml}',
  '\\#hash',
  '\\!bang',
  'x\\*y',
  'keep/**/*.tmp',
  'trail\\ ',
  '[]]x',
  'one**two',
  'v[a\\-c].txt',
  'v[a-c].txt',
];

const PATHS = [
  'app.log',
  'sub/app.log',
  'build/out.js',
  'src/build/out.js',
  'build',
  'root-only.txt',
  'sub/root-only.txt',
  'docs/a.md',
  'docs/sub/a.md',
  'x/cache',
  'cache',
  'x/cache/y',
  'a/z.txt',
  'a/b/c/z.txt',
  'b/a/z.txt',
  'logs/x/y.txt',
  'file1.txt',
  'file12.txt',
  'data1.csv',
  'datax.csv',
  'dataa.csv',
  'Upper.env',
  'lower.env',
  'a.yaml',
  'a.{yaml,yml}',
  '#hash',
  '!bang',
  'x*y',
  'xzy',
  'keep/a/b.tmp',
  'keep/b.tmp',
  'trail ',
  ']x',
  'onetwo',
  'one/two',
  'oneXtwo',
  'va.txt',
  'vb.txt',
  'v-.txt',
  'vc.txt',
];

test('gitignore patterns match what git check-ignore says, pattern by pattern', () => {
  const mismatches: string[] = [];
  let ignoredByGit = 0;
  for (const pattern of PATTERNS) {
    const repo = tempRepo('gitignore', { '.gitignore': `${pattern}\n` });
    execFileSync('git', ['init', '-q', repo]);
    let out = '';
    try {
      out = execFileSync('git', ['-C', repo, 'check-ignore', '--no-index', '--stdin', '-z'], { input: PATHS.join('\0'), encoding: 'utf8' });
    } catch (err) {
      out = String((err as { stdout?: string }).stdout ?? ''); // exit 1: none ignored
    }
    const byGit = new Set(out.split('\0').filter(Boolean));
    ignoredByGit += byGit.size;
    const gi = new GitIgnore();
    gi.add(`${pattern}\n`, '');
    for (const p of PATHS) if (gi.ignores(p) !== byGit.has(p)) mismatches.push(`${JSON.stringify(pattern)} on ${JSON.stringify(p)}: git ${byGit.has(p)}`);
  }
  assert.ok(ignoredByGit > PATTERNS.length, 'git ignored paths for most patterns (the comparison is not empty)');
  assert.deepEqual(mismatches, []);
});
