// Untrusted-input fuzzing (issue 16) of the YAML decoder in both readings,
// the Kubernetes object layer above it, and the config loader: seeded random
// mutations of the repository's real YAML. Bad input may only ever be a
// YamlError, InputError or UsageError, and no case may take long.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseConfigText } from '../src/config/load.ts';
import { InputError, UsageError } from '../src/util/errors.ts';
import { kubernetesObjects, podTemplateOf } from '../src/workspace/kubernetes.ts';
import { parseYamlDocuments, YamlError } from '../src/workspace/yaml.ts';
import { REPO } from './cli-run.ts';
import { prng } from './prng.ts';

const CASES = 2500;
/** A case slower than this is a hang (a normal one takes about a millisecond). */
const HANG_MS = 2_000;

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(e.name) && statSync(p).size < 16_384) out.push(p);
  }
  return out.sort();
}

const SOURCES = yamlFiles(join(REPO, 'test/fixtures')).map((f) => readFileSync(f, 'utf8'));

/** Pieces that change YAML structure or meaning: anchors, aliases, merges, tags, flow and block indicators, 1.1 spellings. */
const TOKENS = [
  '&a ', '*a', '&b ', '*b', '<<: *a\n', '<<: ', '<<: [*a, *b]', ': ', '- ', '? ', '[', ']', '{', '}', ',', '"', "'", '|', '>-', '\n', '\n  ', '  ', '\t',
  '---\n', '...\n', '%TAG ! tag:x,2000:\n', '!!bool ', '!!int ', '!!binary ', '!!str ', '!foo ', '! ', '!<tag:yaml.org,2002:float> ', 'yes', 'on', '~',
  '0755', '0x', '.inf', '1e400', '#', '\\', '\u00a0', '\ufeff', 'privileged: yes\n', 'hostNetwork: on\n', 'securityContext:\n  <<: {privileged: true}\n',
];

function mutate(text: string, rand: () => number): string {
  const at = (n: number): number => Math.floor(rand() * n);
  let t = text;
  const steps = 1 + at(4);
  for (let s = 0; s < steps; s++) {
    const lines = t.split('\n');
    switch (at(6)) {
      case 0: {
        const i = at(t.length + 1);
        t = t.slice(0, i) + t.slice(i + 1 + at(8));
        break;
      }
      case 1:
      case 2: {
        const i = at(t.length + 1);
        t = t.slice(0, i) + (TOKENS[at(TOKENS.length)] as string) + t.slice(i);
        break;
      }
      case 3: {
        const i = at(lines.length);
        lines.splice(at(lines.length + 1), 0, lines[i] as string);
        t = lines.join('\n');
        break;
      }
      case 4: {
        const other = (SOURCES[at(SOURCES.length)] as string).split('\n');
        lines.splice(at(lines.length + 1), at(3), ...other.slice(at(other.length), at(other.length) + 1 + at(6)));
        t = lines.join('\n');
        break;
      }
      default: {
        // An anchor on one value and an alias to it on another: cycles, self-merges, aliased keys.
        const i = at(lines.length);
        const j = at(lines.length);
        lines[i] = (lines[i] as string).replace(/: /, ': &z ');
        lines[j] = (lines[j] as string).replace(/: .*/, rand() < 0.5 ? ': *z' : ': [*z, *z]');
        t = lines.join('\n');
      }
    }
  }
  return t;
}

/** Everything the gate does with a Kubernetes file and a config file, on one text. */
function exercise(text: string): void {
  for (const mode of ['core', 'kubernetes'] as const) {
    try {
      const docs = parseYamlDocuments(text, 'fuzz.yaml', mode);
      JSON.stringify(docs.map((d) => d.value)); // expanded once, as reporters and canonical JSON do
      if (mode === 'kubernetes')
        for (const obj of kubernetesObjects(docs, 'fuzz.yaml')) {
          try {
            podTemplateOf(obj);
          } catch (err) {
            if (!(err instanceof InputError)) throw err;
          }
        }
    } catch (err) {
      if (!(err instanceof YamlError || err instanceof InputError)) throw err;
    }
  }
  try {
    parseConfigText(text, '.mcp-gate.yml');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
  }
}

test(`fuzz: ${CASES} mutations of real YAML through the decoder, the Kubernetes objects and the config loader: no crash, no hang`, () => {
  assert.ok(SOURCES.length > 100, 'the fixtures hold the real YAML to mutate');
  const rand = prng(0x16_2026);
  const crashes: string[] = [];
  let slowest = 0;
  for (let n = 0; n < CASES; n++) {
    const text = mutate(SOURCES[Math.floor(rand() * SOURCES.length)] as string, rand);
    const started = performance.now();
    try {
      exercise(text);
    } catch (err) {
      if (crashes.length < 5) crashes.push(`case ${n}: ${(err as Error).stack?.split('\n').slice(0, 3).join(' | ')}\n${JSON.stringify(text.slice(0, 400))}`);
      else crashes.push(`case ${n}`);
    }
    slowest = Math.max(slowest, performance.now() - started);
  }
  assert.deepEqual(crashes, []);
  assert.ok(slowest < HANG_MS, `slowest case took ${Math.round(slowest)} ms`);
});
