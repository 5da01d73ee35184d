// Issue 16, "read as the consumer reads" and the YAML crashes and limits:
// Kubernetes manifests decoded as kubectl decodes them, and a decoder that
// refuses recursive aliases and alias bombs without refusing big files.
// What kubectl itself prints for the same files: test/yaml-kubectl.test.ts.
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseConfigText } from '../src/config/load.ts';
import type { Finding, Report } from '../src/types.ts';
import { UsageError } from '../src/util/errors.ts';
import { Workspace } from '../src/workspace/workspace.ts';
import { keyLine, lineOf, MAX_DEPTH, MAX_EXPANDED_NODES, parseYamlDocuments, YamlError } from '../src/workspace/yaml.ts';
import { REPO, runCli, STACK_FRAME } from './cli-run.ts';
import { tempRepo } from './temp-repo.ts';

const FIXTURES = join(REPO, 'test/fixtures');
type Obj = Record<string, unknown>;

/** The one document of a Kubernetes-mode parse. */
function k8s(text: string): Obj {
  const docs = parseYamlDocuments(text, 'm.yaml', 'kubernetes');
  assert.equal(docs.length, 1);
  return docs[0]?.value as Obj;
}

function securityContext(text: string): Obj {
  return k8s(`securityContext:\n${text}`).securityContext as Obj;
}

function yamlErrorOf(fn: () => unknown): YamlError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof YamlError, `expected a YamlError, got ${err}`);
    return err;
  }
  assert.fail('accepted');
}

test('privileged: yes, hostNetwork: on and hostPID: Y are true, as kubectl reads them', () => {
  const v = k8s('hostNetwork: on\nhostPID: Y\nsecurityContext:\n  privileged: yes\n');
  assert.deepEqual(v, { hostNetwork: true, hostPID: true, securityContext: { privileged: true } });
});

test('every YAML 1.1 boolean spelling is a boolean; mixed case and quoted ones stay strings', () => {
  for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) assert.equal(k8s(`v: ${s}`).v, true, s);
  for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) assert.equal(k8s(`v: ${s}`).v, false, s);
  for (const s of ['yEs', 'oN', 'tRUE', 'nO', 'Yes!', '"yes"', "'on'", '!!str true']) assert.equal(typeof k8s(`v: ${s}`).v, 'string', s);
  assert.equal(k8s('v: !!bool "yes"').v, true, 'an explicit !!bool tag resolves a quoted spelling');
});

test('YAML 1.1 numbers: 0755 is octal, underscores and 0o/0x/0b forms are integers, as kubectl reads them', () => {
  const v = k8s('a: 0755\nb: 0o755\nc: 0x1F\nd: 1_000\ne: 0b101\nf: 08\ng: 1e3\nh: -0\ni: 12:30:00\nj: 2001-12-14\nk: 1e400\n');
  assert.deepEqual(v, { a: 493, b: 493, c: 31, d: 1000, e: 5, f: 8, g: 1000, h: 0, i: '12:30:00', j: '2001-12-14', k: '1e400' });
  // The core schema the config uses reads the same text the YAML 1.2 way.
  assert.deepEqual(parseYamlDocuments('a: 0755\nd: 1_000\n', 'c.yml')[0]?.value, { a: 755, d: '1_000' });
});

test('<<: {privileged: true} is applied, at the line of the merge key', () => {
  const sc = k8s('securityContext:\n  runAsNonRoot: true\n  <<: {privileged: true}\n').securityContext as Obj;
  assert.deepEqual(sc, { runAsNonRoot: true, privileged: true });
  assert.equal(keyLine(sc, 'privileged'), 3);
});

test('merge keys follow go-yaml: in place and in order, the first of a list wins', () => {
  assert.deepEqual(securityContext('  privileged: false\n  <<: {privileged: true}\n'), { privileged: true }, 'a key before << is overwritten');
  assert.deepEqual(securityContext('  <<: {privileged: true}\n  privileged: false\n'), { privileged: false }, 'a key after << wins');
  assert.deepEqual(securityContext('  <<: [{privileged: true}, {privileged: false, runAsNonRoot: true}]\n'), { privileged: true, runAsNonRoot: true });
  assert.deepEqual(securityContext('  <<: {privileged: false}\n  <<: {privileged: true}\n'), { privileged: true }, 'the later of two merges wins');
  assert.deepEqual(securityContext('  "<<": {privileged: true}\n'), { '<<': { privileged: true } }, 'a quoted << is a plain key');
});

test('hardening given through <<: *hardened is seen, and aliases inside a merge list too', () => {
  const v = k8s('a: &hardened {runAsNonRoot: true, readOnlyRootFilesystem: true}\nb:\n  <<: *hardened\nc:\n  <<: [{privileged: true}, *hardened]\n');
  assert.deepEqual(v.b, { runAsNonRoot: true, readOnlyRootFilesystem: true });
  assert.deepEqual(v.c, { privileged: true, runAsNonRoot: true, readOnlyRootFilesystem: true });
});

test('merges kubectl refuses are refused: a scalar, null, a list through an alias, a nested list', () => {
  for (const merge of ['5', '~', '*l', '[[{a: 1}]]', '[{a: 1}, 5]'])
    assert.equal(yamlErrorOf(() => parseYamlDocuments(`l: &l [{a: 1}]\nm:\n  <<: ${merge}\n`, 'm.yaml', 'kubernetes')).line, 3, merge);
});

test('keys become JSON strings as kubectl makes them; keys that would collide at random are refused', () => {
  assert.deepEqual(k8s('yes: a\n0755: b\n0x10: c\nd: 1\nd: 2\n'), { true: 'a', '493': 'b', '16': 'c', d: 2 });
  assert.equal(yamlErrorOf(() => k8s('1: a\n"1": b\n')).line, 2);
  assert.equal(yamlErrorOf(() => k8s('a: 1\n~: b\n')).line, 2);
  assert.equal(yamlErrorOf(() => k8s('a: 1\n? [x]\n: b\n')).line, 2);
  assert.equal(yamlErrorOf(() => k8s('a: 1\n1.5: b\n')).line, 2, 'a float key kubectl prints through float32');
});

test('a quoted "yes" on a boolean security field (and a string runAsUser, a boolean template label) is gate/check-failed naming file and line', async () => {
  const root = tempRepo('quoted-yes', {
    '.mcp-gate.yml': 'mode: enforce\n',
    'deploy/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx\n      securityContext:\n        privileged: "yes"\n',
    'deploy/sa.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: q\nspec:\n  securityContext:\n    runAsUser: "0"\n  containers: [{name: c, image: nginx}]\n',
    'deploy/tpl.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      labels:\n        tier: on\n    spec:\n      containers: [{name: c, image: nginx}]\n',
  });
  const { objects } = new Workspace(root).kubernetes(undefined);
  assert.equal(objects.length, 3);
  const r = await runCli(['check', root, '--format', 'json']);
  const failed = (JSON.parse(r.stdout) as Report).findings.filter((f) => f.ruleId === 'gate/check-failed' && f.location.file?.startsWith('deploy/'));
  assert.deepEqual(
    failed.map((f) => [f.location.file, f.location.line, f.severity]),
    [
      ['deploy/pod.yaml', 10, 'block'],
      ['deploy/sa.yaml', 7, 'block'],
      ['deploy/tpl.yaml', 9, 'block'],
    ],
  );
  assert.match(failed[0]?.message ?? '', /privileged is the string "yes"; Kubernetes requires true or false/);
  assert.match(failed[1]?.message ?? '', /securityContext\.runAsUser is the string "0"; Kubernetes requires an integer/);
  assert.match(failed[2]?.message ?? '', /template metadata\.labels\.tier is the boolean true; Kubernetes requires a string/);
  assert.equal(r.code, 1);
});

test('metadata kubectl refuses (name: on, a boolean label, an octal namespace) is a parse problem with its line', () => {
  const ws = new Workspace(join(FIXTURES, 'yaml-kubectl'));
  for (const [file, line] of [
    ['refused/name-on.yaml', 4],
    ['refused/label-boolean.yaml', 8],
    ['refused/namespace-octal.yaml', 5],
  ] as const) {
    const { objects, problems } = ws.kubernetes({ paths: [file] });
    assert.equal(objects.length, 0, file);
    assert.deepEqual(problems.map((p) => [p.file, p.line]), [[file, line]]);
    assert.match(problems[0]?.message ?? '', /kubectl requires a string there/);
  }
});

/** The findings of one rule, as file:line container. */
const where = (findings: Finding[], rule: string): string[] =>
  findings.filter((f) => f.ruleId === rule).map((f) => `${f.location.file}:${f.location.line}${f.location.container ? ` ${f.location.container}` : ''}`);

test('end to end: privileged: yes, hostNetwork: on, hostPID: Y and <<: {privileged: true} block under enforce; hardening through << counts', async () => {
  const root = tempRepo('k8s-yaml11', {});
  cpSync(join(FIXTURES, 'yaml-kubectl/e2e'), root, { recursive: true });
  const r = await runCli(['check', root, '--format', 'json']);
  const report = JSON.parse(r.stdout) as Report;
  assert.equal(r.code, 1);
  assert.equal(report.decision, 'block');
  assert.deepEqual(where(report.findings, 'k8s/privileged'), ['deploy/merge.yaml:32 escalates', 'deploy/merge.yaml:37 overridden-by-merge', 'deploy/yes-no.yaml:24 server']);
  assert.ok(report.findings.filter((f) => f.ruleId === 'k8s/privileged').every((f) => f.severity === 'block'));
  assert.deepEqual(where(report.findings, 'k8s/host-namespaces'), ['deploy/yes-no.yaml:14', 'deploy/yes-no.yaml:15']);
  // runAsNonRoot: yes, readOnlyRootFilesystem: True, automountServiceAccountToken: off, and the
  // hardening the "inherits" container takes through <<: *hardened are all seen.
  for (const rule of ['k8s/run-as-root', 'k8s/writable-root-fs', 'k8s/sa-token-automount'])
    assert.deepEqual(where(report.findings, rule), [], rule);
  assert.deepEqual(
    report.findings.filter((f) => f.location.container === 'inherits' || f.location.container === 'hardened').map((f) => f.ruleId),
    [],
  );
  assert.deepEqual(where(report.findings, 'gate/check-failed'), ['deploy/quoted.yaml:13', 'deploy/quoted.yaml:22']);
});

test('a NetworkPolicy selecting app: yes protects nothing: the API server refuses a boolean label value', async () => {
  const root = tempRepo('netpol-yes', {});
  cpSync(join(FIXTURES, 'yaml-kubectl/netpol'), root, { recursive: true });
  const report = JSON.parse((await runCli(['check', root, '--format', 'json'])).stdout) as Report;
  assert.deepEqual(where(report.findings, 'netpol/missing'), ['deploy/app.yaml:3', 'deploy/app.yaml:3']);
  assert.deepEqual(where(report.findings, 'gate/check-failed'), ['deploy/app.yaml:20']);
  assert.match(report.findings.find((f) => f.ruleId === 'gate/check-failed')?.message ?? '', /matchLabels\.app is not a string/);
});

test('cyclic aliases in the config are a UsageError naming the line, not "Maximum call stack size exceeded"', () => {
  for (const [file, line] of [
    ['cyclic-alias-list.yml', 4],
    ['cyclic-alias-map.yml', 4],
    ['cyclic-alias-merge.yml', 3],
  ] as const) {
    const text = readFileSync(join(FIXTURES, 'config', file), 'utf8');
    assert.throws(
      () => parseConfigText(text, file),
      (err: unknown) => err instanceof UsageError && err.message.startsWith(`${file}:${line}: invalid YAML: recursive alias`),
      file,
    );
  }
});

test('a cyclic alias in the config: manifest pin and check exit 2 with one line, no stack trace', async () => {
  const root = tempRepo('cyclic-config', { '.mcp-gate.yml': readFileSync(join(FIXTURES, 'config/cyclic-alias-list.yml'), 'utf8') });
  for (const args of [['manifest', 'pin', root], ['check', root]]) {
    const r = await runCli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /\.mcp-gate\.yml:4: invalid YAML: recursive alias: anchor "p" contains itself/);
    assert.doesNotMatch(r.stderr, STACK_FRAME);
  }
});

test('recursive aliases are refused in both readings, through sequences, mappings and merges', () => {
  for (const text of ['a: &x [*x]\n', 'a: &x {b: *x}\n', 'a: &x\n  <<: *x\n', 'a: &x [[[{b: [*x]}]]]\n', '- &x\n  - a\n  - *x\n']) {
    for (const mode of ['core', 'kubernetes'] as const) assert.match(yamlErrorOf(() => parseYamlDocuments(text, 'c.yaml', mode)).message, /recursive alias/, `${mode}: ${text}`);
  }
  // An anchor redefined inside itself is not recursion: the alias names the inner one.
  assert.deepEqual(k8s('a: &x [&x 1, *x]\n'), { a: [1, 1] });
});

test('75,000 alias-free documents in one file are read, not refused as "billion laughs"', () => {
  // 15 nodes each, 1.1 million in all; the "*" in a value makes the alias bound count them (a text without one skips it).
  const text = Array.from({ length: 75_000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\ndata: {a: "1", b: "*"}\n`).join('---\n');
  const started = performance.now();
  assert.equal(parseYamlDocuments(text, 'big.yaml', 'kubernetes').length, 75_000);
  assert.ok(performance.now() - started < 30_000, 'hangs');
  // Documents with small aliases, many of them, are read too: only what aliases add is counted.
  const aliased = Array.from({ length: 20_000 }, (_, i) => `a: &a {name: c${i}}\nb: *a\n`).join('---\n');
  assert.equal(parseYamlDocuments(aliased, 'aliased.yaml', 'kubernetes').length, 20_000);
});

test('alias bombs stay refused: in one document, and spread over many', () => {
  const bomb = (n: number): string => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < n; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    return `${lines.join('\n')}\n`;
  };
  const one = yamlErrorOf(() => parseYamlDocuments(bomb(9), 'bomb.yaml', 'kubernetes'));
  assert.match(one.message, new RegExp(`more than ${MAX_EXPANDED_NODES} nodes`));
  assert.equal(one.line, 6);
  // 10^5-node documents, each under the per-document bound, 50 of them: the file's aliases add 5 million.
  const many = Array.from({ length: 50 }, () => bomb(5)).join('---\n');
  assert.match(yamlErrorOf(() => parseYamlDocuments(many, 'many.yaml')).message, /aliases in this file add more than/);
});

test('aliases cannot nest a document deeper than the depth limit', () => {
  const lines = [`l0: &l0 ${'['.repeat(50)}x${']'.repeat(50)}`];
  for (let i = 1; i < 6; i++) lines.push(`l${i}: &l${i} ${'['.repeat(50)}*l${i - 1}${']'.repeat(50)}`);
  const err = yamlErrorOf(() => parseYamlDocuments(`${lines.join('\n')}\n`, 'deep.yaml', 'kubernetes'));
  assert.match(err.message, new RegExp(`deeper than ${MAX_DEPTH} levels`));
  assert.equal(err.line, 4);
  // Written out, the same depth is refused by the parser.
  yamlErrorOf(() => parseYamlDocuments(`a: ${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}\n`, 'deep.yaml', 'kubernetes'));
});

/** Every line lineOf and keyLine give for a parse, with the path they are asked at. */
function lines(docs: ReturnType<typeof parseYamlDocuments>): string[] {
  const out: string[] = [];
  const visit = (v: unknown, path: string): void => {
    if (typeof v !== 'object' || v === null) return;
    out.push(`${path}@${lineOf(v)}`);
    if (Array.isArray(v)) for (const [i, x] of v.entries()) visit(x, `${path}[${i}]`);
    else
      for (const [k, x] of Object.entries(v)) {
        out.push(`${path}.${k}:${keyLine(v, k)}`);
        visit(x, `${path}.${k}`);
      }
  };
  docs.forEach((d, i) => {
    out.push(`doc${i}@${d.line}`);
    visit(d.value, `doc${i}`);
  });
  return out;
}

test('the Kubernetes reading gives the same lines as the core reading wherever both read the same values', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
  let compared = 0;
  for (const file of [...files(FIXTURES), ...files(join(REPO, 'examples'))]) {
    const text = readFileSync(file, 'utf8');
    let core: ReturnType<typeof parseYamlDocuments>;
    let kube: ReturnType<typeof parseYamlDocuments>;
    try {
      core = parseYamlDocuments(text, file);
      kube = parseYamlDocuments(text, file, 'kubernetes');
    } catch {
      continue;
    }
    if (JSON.stringify(core.map((d) => d.value)) !== JSON.stringify(kube.map((d) => d.value))) continue;
    assert.deepEqual(lines(kube), lines(core), file);
    compared++;
  }
  assert.ok(compared > 300, `${compared} files compared`);
});
