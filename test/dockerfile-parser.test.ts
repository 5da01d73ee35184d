// The Dockerfile parser and stage model (checks/image/): BuildKit line
// semantics, heredocs, ARG scoping and substitution, multi-stage, --platform.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildModel, effectiveUser, rootBase } from '../checks/image/dockerfile-model.ts';
import { parseDockerfile, parsePairs, splitFlags, substitute } from '../checks/image/dockerfile-parser.ts';

const fixture = (name: string) => readFileSync(new URL(`fixtures/dockerfile/${name}`, import.meta.url), 'utf8');

test('continuations join lines; comments and blank lines inside them are dropped', () => {
  const p = parseDockerfile(fixture('multistage-hardened.Dockerfile'));
  const run = p.instructions.find((i) => i.keyword === 'RUN' && i.args.includes('apt-get'));
  assert.ok(run);
  assert.equal(run.line, 10);
  assert.equal(run.endLine, 14);
  assert.ok(!run.args.includes('comment inside'));
  assert.match(run.args, /apt-get update && +apt-get install -y/);
  assert.deepEqual(p.problems, []);
});

test('heredoc bodies are not instructions (COPY <<EOT, RUN <<-SCRIPT with tab stripping)', () => {
  const p = parseDockerfile(fixture('multistage-hardened.Dockerfile'));
  const keywords = p.instructions.map((i) => i.keyword);
  assert.equal(keywords.filter((k) => k === 'FROM').length, 2, 'FROM inside a heredoc is content');
  assert.equal(keywords.filter((k) => k === 'USER').length, 1, 'USER root inside a heredoc is content');
  const copy = p.instructions.find((i) => i.keyword === 'COPY' && i.heredocs.length > 0);
  assert.equal(copy?.heredocs[0]?.name, 'EOT');
  assert.match(copy?.heredocs[0]?.body ?? '', /^package main\nFROM this line/);
  const run = p.instructions.find((i) => i.heredocs[0]?.name === 'SCRIPT');
  assert.match(run?.heredocs[0]?.body ?? '', /^set -eu\nCGO_ENABLED=0/);
  const unterminated = parseDockerfile(fixture('unterminated-heredoc.Dockerfile'));
  assert.deepEqual(unterminated.problems, [{ line: 2, message: 'heredoc <<EOF is not terminated' }]);
});

test('escape directive: backtick continuations, backslashes literal', () => {
  const p = parseDockerfile(fixture('escape-backtick.Dockerfile'));
  assert.equal(p.escapeChar, '`');
  const run = p.instructions.find((i) => i.keyword === 'RUN');
  assert.match(run?.args ?? '', /-Command +Write-Host "C:\\path\\with\\backslashes\\"/);
  assert.equal(p.instructions.at(-1)?.keyword, 'USER');
});

test('global ARGs feed FROM; --platform is a flag; stage names are case-insensitive', () => {
  const m = buildModel(parseDockerfile(fixture('multistage-hardened.Dockerfile')));
  assert.equal(m.stages.length, 2);
  const [build, final] = m.stages;
  assert.equal(build?.name, 'build');
  assert.equal(build?.platform, '$BUILDPLATFORM');
  assert.match(build?.base ?? '', /^golang:1\.22\.5-bookworm@sha256:/);
  assert.match(final?.base ?? '', /^gcr\.io\/distroless\/static-debian12:nonroot@sha256:/);
  assert.equal(effectiveUser(final!)?.value, '65532:65532');
  assert.deepEqual(splitFlags('--platform=linux/arm64 --foo img AS x'), { flags: new Map([['platform', 'linux/arm64'], ['foo', '']]), rest: 'img AS x' });
  const inherit = buildModel(parseDockerfile('FROM alpine AS Base\nUSER 10001\nFROM base\nRUN true\n'));
  assert.equal(inherit.stages[1]?.parent, inherit.stages[0]);
  assert.equal(effectiveUser(inherit.stages[1]!)?.value, '10001');
  assert.equal(rootBase(inherit.stages[1]!).base, 'alpine');
});

test('ARG inside a stage: default, re-declared global, unresolved', () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Dockerfile variable syntax
  const m = buildModel(parseDockerfile('ARG UID=0\nFROM alpine\nARG UID\nUSER ${UID}\nFROM alpine AS b\nUSER $UID\n'));
  assert.equal(m.stages[0]?.user?.value, '0', 're-declared global ARG keeps its default');
  assert.deepEqual(m.stages[1]?.user?.unresolved, ['UID'], 'global ARG not re-declared is not visible');
});

test('substitution forms and ENV/ARG pair parsing', () => {
  const vars = new Map([
    ['A', 'x'],
    ['E', ''],
  ]);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Dockerfile variable syntax
  assert.equal(substitute('${A}-$A-${B:-d}-${A:+set}-${E:-empty}-${E-unset}', vars), 'x-x-d-set-empty-');
  assert.equal(substitute('\\$A', vars), '$A');
  const unresolved = new Set<string>();
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Dockerfile variable syntax
  substitute('${NOPE}$ALSO', vars, '\\', unresolved);
  assert.deepEqual([...unresolved], ['NOPE', 'ALSO']);
  assert.deepEqual(parsePairs('A=1 B="two words" C', 'ARG', '\\'), [
    { name: 'A', value: '1' },
    { name: 'B', value: 'two words' },
    { name: 'C', value: undefined },
  ]);
  assert.deepEqual(parsePairs('LEGACY value with spaces', 'ENV', '\\'), [{ name: 'LEGACY', value: 'value with spaces' }]);
});

test('a 5 MB Dockerfile of continuations parses in linear time', () => {
  const text = `FROM scratch\nRUN true${' \\\n  && true'.repeat(500_000)}\n`;
  const start = performance.now();
  const p = parseDockerfile(text);
  assert.equal(p.instructions.length, 2);
  // A hang detector, not a speed test (about 0.5 s; quadratic would be hours).
  assert.ok(performance.now() - start < 30_000);
});
