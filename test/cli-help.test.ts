// Every subcommand has its own --help explaining each option it parses, and a
// mistyped flag is one line with a suggestion and exit 2, not Node's message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALERTS_OPTIONS } from '../src/main/commands/alerts.ts';
import { CHECK_OPTIONS } from '../src/main/commands/check.ts';
import { MANIFEST_OPTIONS } from '../src/main/commands/manifest.ts';
import { OVERRIDE_OPTIONS } from '../src/main/commands/override.ts';
import { RULES_OPTIONS } from '../src/main/commands/rules.ts';
import { runCli, STACK_FRAME } from './cli-run.ts';

type Options = Record<string, { type: string; short?: string }>;

/** Each flag appears at the start of an option line of the help (not just in the usage line). */
function assertExplained(help: string, options: Options, what: string): void {
  for (const [name, o] of Object.entries(options)) {
    assert.match(help, new RegExp(`^  --${name}\\b[^\\n]*? {2,}\\S`, 'm'), `${what}: --${name} is explained`);
    if (o.short) assert.match(help, new RegExp(`^  --${name}[^\\n]*, -${o.short}\\b`, 'm'), `${what}: -${o.short} is named`);
  }
}

test('each command prints its own help, explaining every option it parses', async () => {
  const cases: Array<[string[], Options, RegExp]> = [
    [['check', '--help'], CHECK_OPTIONS, /^Usage: mcp-gate check \[DIR\]/],
    [['rules', '--help'], RULES_OPTIONS, /^Usage: mcp-gate rules /],
    [['manifest', '--help'], MANIFEST_OPTIONS, /^Usage: mcp-gate manifest pin\|diff/],
    [['alerts', 'init', '-h'], ALERTS_OPTIONS, /^Usage: mcp-gate alerts init/],
    [['override', 'new', '--help'], OVERRIDE_OPTIONS.new, /^Usage: mcp-gate override new /],
    [['override', 'sign', '--help'], OVERRIDE_OPTIONS.sign, /^Usage: mcp-gate override sign /],
    [['override', 'verify', '--help'], OVERRIDE_OPTIONS.verify, /^Usage: mcp-gate override verify /],
    [['override', 'list', '--help'], OVERRIDE_OPTIONS.list, /^Usage: mcp-gate override list /],
  ];
  const seen = new Set<string>();
  for (const [args, options, start] of cases) {
    const r = await runCli(args);
    assert.equal(r.code, 0, args.join(' '));
    assert.match(r.stdout, start, args.join(' '));
    assertExplained(r.stdout, options, args.join(' '));
    seen.add(r.stdout);
  }
  assert.equal(seen.size, cases.length, 'no two commands share one help text');
  // The help of check is not the help of the others (it was, for rules, manifest, override, alerts).
  assert.doesNotMatch((await runCli(['rules', '--help'])).stdout, /--rollout/);
  const override = (await runCli(['override', '--help'])).stdout;
  for (const sub of ['new', 'sign', 'verify', 'list']) assert.match(override, new RegExp(`^mcp-gate override ${sub} `, 'm'));
});

test('an unknown flag is one line naming the closest known one, exit 2', async () => {
  const cases: Array<[string[], string]> = [
    [['check', '.', '--fromat', 'json'], 'mcp-gate: check: unknown option --fromat (did you mean --format?); see "mcp-gate check --help"\n'],
    [['override', 'sign', 'x.yaml', '--agnet'], 'mcp-gate: override sign: unknown option --agnet (did you mean --agent?); see "mcp-gate override sign --help"\n'],
    [['rules', '--formt=json'], 'mcp-gate: rules: unknown option --formt (did you mean --format?); see "mcp-gate rules --help"\n'],
    [['alerts', 'init', '--zzzzzzzz'], 'mcp-gate: alerts: unknown option --zzzzzzzz; see "mcp-gate alerts --help"\n'],
    [['check', '-o'], 'mcp-gate: check: --output needs a value; see "mcp-gate check --help"\n'],
    [['override', 'sign', 'x.yaml', '--agent=yes'], 'mcp-gate: override sign: --agent takes no value; see "mcp-gate override sign --help"\n'],
    [['chek', '.'], 'mcp-gate: unknown command "chek" (did you mean "check"?); commands: check, rules, manifest, probe, alerts, override\n'],
  ];
  for (const [args, stderr] of cases) {
    const r = await runCli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stderr, stderr);
    assert.doesNotMatch(r.stderr, STACK_FRAME);
    assert.doesNotMatch(r.stderr, /To specify a positional argument/, 'not Node\'s raw parseArgs message');
  }
});
