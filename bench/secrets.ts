// Benchmark of the built-in secret scan (issue 7 "Must show": a repository
// of 20,000 files / 500 MB is scanned in under 10 s).
//
//   node_modules/.bin/node bench/secrets.ts [--files 20000] [--mb 500] [--synthetic] [--keep]
//
// Builds a repository in a temp dir from REAL text: the JavaScript,
// TypeScript, JSON, Markdown and YAML files of this project's node_modules
// (third-party code, so realistic density of `token`, `key`, `password`
// identifiers), cut into 20,000 files of equal size (the corpus is reused
// cyclically to reach 500 MB). Every 200th file gets one planted secret of a
// known kind. Noise the scan must skip: a .gitignore'd build directory,
// binary files, an invalid-UTF-8 file. `--synthetic` uses generated code
// instead (no node_modules needed). Generation is not timed; the scan is
// timed from the workspace walk to the last finding, wall clock and CPU.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, describeStats, emptyStats, findingsOf, scanFiles, selectFiles } from '../checks/secrets/check.ts';
import { Workspace } from '../src/workspace/workspace.ts';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? dflt : Number(process.argv[i + 1]);
}
const FILES = arg('files', 20_000);
const TOTAL_BYTES = arg('mb', 500) * 1024 * 1024;
const KEEP = process.argv.includes('--keep');
const SYNTHETIC = process.argv.includes('--synthetic');

// Deterministic PRNG (mulberry32): the same repository every run.
let seed = 0x5eed;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function rnd(n: number, alphabet = ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const WORDS = ['request', 'response', 'handler', 'config', 'server', 'client', 'session', 'token', 'password', 'user', 'cache', 'key', 'value', 'result', 'error', 'context', 'options', 'payload', 'secretName', 'authEnabled'];
const codeLine = (): string =>
  pick([
    () => `  const ${pick(WORDS)}${rnd(3)} = await ${pick(WORDS)}.${pick(WORDS)}(${pick(WORDS)}, { timeout: ${Math.floor(rand() * 9000)} });`,
    () => `  if (!${pick(WORDS)}.${pick(WORDS)}) throw new Error('missing ${pick(WORDS)} for ${pick(WORDS)}');`,
    () => `  const password = process.env.${pick(WORDS).toUpperCase()}_PASSWORD;`,
    () => `  headers['Authorization'] = \`Bearer \${${pick(WORDS)}.token}\`;`,
    () => `  // ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} https://docs.example.com/${pick(WORDS)}`,
    () => `  return { key: '${pick(WORDS)}-${pick(WORDS)}', ttl: ${Math.floor(rand() * 3600)} };`,
  ])();
const yamlLine = (): string =>
  pick([
    () => `  ${pick(WORDS)}: ${pick(WORDS)}-${Math.floor(rand() * 100)}`,
    () => `  password: \${${pick(WORDS).toUpperCase()}_PASSWORD}`,
    () => `  apiKey: <your-api-key>`,
    () => `  - name: ${pick(WORDS).toUpperCase()}_TOKEN\n    valueFrom: {secretKeyRef: {name: app, key: token}}`,
    () => `  image: ghcr.io/acme/${pick(WORDS)}:1.${Math.floor(rand() * 20)}.0`,
  ])();
const jsonLine = (): string => `  "${pick(WORDS)}${rnd(2)}": "${pick(WORDS)} ${pick(WORDS)}",`;

const PLANTED_RULES = ['github-token', 'aws-access-key-id', 'stripe-secret-key', 'connection-string-password', 'generic-credential'];
const SECRETS: Array<() => string> = [
  () => `GITHUB_TOKEN=ghp_${rnd(36)}`,
  () => `aws_access_key_id = AKIA${rnd(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  () => `  stripe: "sk_live_${rnd(24)}"`,
  () => `DATABASE_URL=postgres://app:${rnd(20)}@db.internal:5432/app`,
  () => `  "SEARCH_API_KEY": "${rnd(40)}",`,
];

/** Text of the project's node_modules, in a stable order. */
function loadCorpus(): string | undefined {
  const base = join(import.meta.dirname, '..', 'node_modules');
  const parts: string[] = [];
  let size = 0;
  const walk = (dir: string): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (size > TOTAL_BYTES) return;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(?:[cm]?js|ts|json|md|ya?ml)$/.test(e.name) && !e.name.endsWith('.map')) {
        const t = readFileSync(p, 'utf8');
        if (t.length > 4 * 1024 * 1024) continue;
        parts.push(t);
        size += t.length;
      }
    }
  };
  walk(base);
  return size > 10 * 1024 * 1024 ? parts.join('\n') : undefined;
}

function generate(root: string): { files: number; bytes: number; planted: number; plantedFiles: Map<string, string>; source: string } {
  const perFile = Math.floor(TOTAL_BYTES / FILES);
  let bytes = 0;
  let planted = 0;
  const plantedFiles = new Map<string, string>();
  const corpus = SYNTHETIC ? undefined : loadCorpus();
  let cursor = 0;
  const chunk = (): string[] => {
    const c = corpus as string;
    if (cursor >= c.length - perFile) cursor = 0;
    let end = c.indexOf('\n', cursor + perFile);
    if (end === -1) end = c.length;
    const text = c.slice(cursor, end);
    cursor = end + 1;
    return text.split('\n');
  };
  writeFileSync(join(root, '.gitignore'), 'build/\n*.log\n');
  for (let i = 0; i < FILES; i++) {
    if (i < 2000) mkdirSync(join(root, `pkg${i % 100}`, `mod${Math.floor(i / 100) % 20}`), { recursive: true });
    const kind = i % 4;
    const ext = ['js', 'yaml', 'json', 'env'][kind] as string;
    let lines: string[] = [];
    if (corpus) lines = chunk();
    else {
      let size = 0;
      const gen = kind === 0 ? codeLine : kind === 1 ? yamlLine : kind === 2 ? jsonLine : () => `${pick(WORDS).toUpperCase()}_${pick(['URL', 'TIMEOUT', 'TOKEN', 'PASSWORD'])}=\${${pick(WORDS).toUpperCase()}}`;
      while (size < perFile) {
        const l = gen();
        lines.push(l);
        size += l.length + 1;
      }
    }
    const rel = `pkg${i % 100}/mod${Math.floor(i / 100) % 20}/f${i}.${ext}`;
    if (i % 200 === 0) {
      const which = planted % SECRETS.length;
      lines.splice(Math.floor(lines.length / 2), 0, (SECRETS[which] as () => string)());
      plantedFiles.set(rel, PLANTED_RULES[which] as string);
      planted++;
    }
    const text = `${lines.join('\n')}\n`;
    writeFileSync(join(root, rel), text);
    bytes += Buffer.byteLength(text);
  }
  // Noise the scan must skip: ignored build output, binaries, invalid UTF-8.
  mkdirSync(join(root, 'build'), { recursive: true });
  writeFileSync(join(root, 'build', 'bundle.js'), `const t = "ghp_${rnd(36)}";\n`);
  for (let i = 0; i < 20; i++) writeFileSync(join(root, `pkg${i}`, `blob${i}.bin`), Buffer.concat([Buffer.from([0, 1, 2, 3]), Buffer.alloc(64 * 1024, i)]));
  writeFileSync(join(root, 'latin1.txt'), Buffer.from([0x70, 0x61, 0x73, 0x73, 0xe9, 0x0a]));
  return { files: FILES, bytes, planted, plantedFiles, source: corpus ? 'node_modules text (real third-party code)' : 'synthetic code' };
}

const root = mkdtempSync(join(tmpdir(), 'mcp-gate-bench-secrets-'));
try {
  const g0 = performance.now();
  const gen = generate(root);
  const genMs = performance.now() - g0;

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ws = new Workspace(root);
  const stats = emptyStats();
  const files = selectFiles(root, ws.files(), [], stats);
  const t1 = performance.now();
  const hits = await scanFiles(root, files, DEFAULT_MAX_FILE_BYTES, stats);
  const findings = findingsOf(hits);
  const t2 = performance.now();

  const cpu = process.cpuUsage(cpu0);
  const mb = stats.bytes / (1024 * 1024);
  const s = (t2 - t0) / 1000;
  const found = new Set<string>();
  for (const fh of hits) for (const h of fh.hits) if (gen.plantedFiles.get(fh.file) === h.rule) found.add(fh.file);
  const inCorpus = findings.length - found.size;
  console.log(`corpus: ${gen.source}`);
  console.log(`generated ${gen.files} files, ${(gen.bytes / (1024 * 1024)).toFixed(0)} MB, ${gen.planted} planted secrets in ${(genMs / 1000).toFixed(1)} s`);
  console.log(`walk + .gitignore: ${(t1 - t0).toFixed(0)} ms; read + scan: ${(t2 - t1).toFixed(0)} ms`);
  console.log(`secrets scan: ${s.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, for ${stats.scanned} files / ${mb.toFixed(0)} MB = ${(mb / s).toFixed(0)} MB/s`);
  console.log(`planted secrets found: ${found.size}/${gen.planted}; other findings (secrets inside the corpus, repeated by the cyclic reuse): ${inCorpus}`);
  console.log(`detail: ${describeStats(stats, DEFAULT_MAX_FILE_BYTES)}`);
  console.log(`node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  if (found.size !== gen.planted) {
    console.error(`MISSED: ${gen.planted - found.size} planted secrets not found`);
    process.exitCode = 1;
  }
  if (s >= 10) {
    console.error('SLOW: above the 10 s budget');
    process.exitCode = 1;
  }
} finally {
  if (KEEP) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
