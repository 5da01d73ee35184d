// The layout rules of ARCHITECTURE.md, checked on the import graph of src/
// and checks/ (every import, type-only ones included).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const repo = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(repo, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(repo, rel)).isDirectory()) out.push(...sources(rel));
    else if (name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

const FILES = [...sources('src'), ...sources('checks')];
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Each file's imports: repository files, and package names for the rest. */
const GRAPH = new Map<string, { files: string[]; packages: string[] }>();
for (const file of FILES) {
  const text = readFileSync(join(repo, file), 'utf8');
  const files: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = (m[1] ?? m[2]) as string;
    if (spec.startsWith('.')) files.push(relative(repo, resolve(repo, dirname(file), spec)));
    else packages.push(spec);
  }
  GRAPH.set(file, { files, packages });
}

const familyOf = (file: string): string | undefined => (file.startsWith('checks/') ? file.split('/')[1] : undefined);

test('the import graph of src/ and checks/ has no cycle', () => {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, path: string[]): void => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
      return;
    }
    state.set(file, 'open');
    for (const dep of GRAPH.get(file)?.files ?? []) if (GRAPH.has(dep)) visit(dep, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of FILES) visit(file, []);
  assert.deepEqual(cycles, []);
});

test('every import names a file that exists', () => {
  const missing = [...GRAPH].flatMap(([file, { files }]) => files.filter((f) => !f.endsWith('.json') && !GRAPH.has(f)).map((f) => `${file} -> ${f}`));
  assert.deepEqual(missing, []);
});

test('src/ has at most three files at its root, and the pipeline rooms', () => {
  const root = readdirSync(join(repo, 'src')).filter((n) => n.endsWith('.ts'));
  assert.ok(root.length <= 3, `src/ root holds ${root.join(', ')}`);
  const rooms = readdirSync(join(repo, 'src')).filter((n) => statSync(join(repo, 'src', n)).isDirectory());
  assert.deepEqual(rooms.sort(), ['config', 'gate', 'main', 'overrides', 'reporters', 'rules', 'util', 'workspace']);
});

test('each check family lives in its own folder under checks/', () => {
  const loose = readdirSync(join(repo, 'checks')).filter((n) => n.endsWith('.ts'));
  assert.deepEqual(loose, ['index.ts'], 'only the registry sits at the root of checks/');
  const registry = GRAPH.get('checks/index.ts')?.files ?? [];
  const families = new Set(registry.filter((f) => f.startsWith('checks/')).map(familyOf));
  for (const family of families) assert.ok(statSync(join(repo, 'checks', family as string)).isDirectory());
});

test('families import src/ and checks/common only (reports reads the k8s rules to place scanner findings)', () => {
  const crossings: string[] = [];
  for (const [file, { files }] of GRAPH) {
    const own = familyOf(file);
    if (own === undefined) continue;
    for (const dep of files) {
      const other = familyOf(dep);
      if (other === undefined || other === own || other === 'common' || file === 'checks/index.ts') continue;
      if (own === 'reports' && (dep === 'checks/k8s/rules.ts' || dep === 'checks/k8s/containers.ts')) continue;
      crossings.push(`${file} -> ${dep}`);
    }
  }
  assert.deepEqual(crossings, []);
});

test('only the adapters (src/main) reach @actions/*, and only the registry and the adapters reach checks/', () => {
  const wrong: string[] = [];
  for (const [file, { files, packages }] of GRAPH) {
    const adapter = file.startsWith('src/main/');
    if (!adapter && packages.some((p) => p.startsWith('@actions/'))) wrong.push(`${file} imports @actions/*`);
    if (file.startsWith('src/') && !adapter && file !== 'src/gate/engine.ts' && file !== 'src/gate/run-checks.ts' && files.some((f) => f.startsWith('checks/')))
      wrong.push(`${file} imports checks/`);
    if (!adapter && files.some((f) => f.startsWith('src/main/'))) wrong.push(`${file} imports the adapters`);
  }
  assert.deepEqual(wrong, []);
});

test('only the adapters touch process.argv, .env, .exit, .stdout and .stderr', () => {
  const code = (f: string) => readFileSync(join(repo, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const wrong = FILES.filter((f) => !f.startsWith('src/main/')).filter((f) => /\bprocess\.(argv|env|exit|exitCode|stdout|stderr|stdin)\b/.test(code(f)));
  assert.deepEqual(wrong, []);
});
