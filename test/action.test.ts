// Runs dist/index.js exactly as the GitHub runner does: INPUT_* variables,
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, an event payload, and the REST
// API at GITHUB_API_URL. No real GitHub is reachable here, so the few REST
// endpoints the Action uses (list/create/update issue comments) are served
// by a local stand-in on 127.0.0.1 that implements their documented shape.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import { COMMENT_MARKER } from '../src/main/github/comment.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const ACTION = join(repo, 'dist/index.js');
// The PR's base: this repository's own HEAD, so trust roots are read from a real revision.
const HEAD = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();

interface Comment {
  id: number;
  body: string;
  user: { type: string };
}
const state = { comments: [] as Comment[], nextId: 1, forbid: false, stall: false, calls: [] as string[] };
let server: Server;
let apiUrl = '';

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      state.calls.push(`${req.method} ${req.url}`);
      if (state.stall) return; // an API that accepts the connection and never answers
      const send = (status: number, data: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      if (req.headers.authorization !== 'token test-token') return send(401, { message: 'Bad credentials' });
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'GET' && /^\/repos\/acme\/mcp\/issues\/7\/comments$/.test(url.pathname)) {
        const page = Number(url.searchParams.get('page') ?? '1');
        return send(200, page === 1 ? state.comments : []);
      }
      if (state.forbid) return send(403, { message: 'Resource not accessible by integration' });
      if (req.method === 'POST' && url.pathname === '/repos/acme/mcp/issues/7/comments') {
        const c = { id: state.nextId++, body: JSON.parse(body).body, user: { type: 'Bot' } };
        state.comments.push(c);
        return send(201, c);
      }
      const m = /^\/repos\/acme\/mcp\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if (req.method === 'PATCH' && m) {
        const c = state.comments.find((x) => x.id === Number(m[1]));
        if (!c) return send(404, { message: 'Not Found' });
        c.body = JSON.parse(body).body;
        return send(200, c);
      }
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

interface Run {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  sarif: string;
}

function runAction(example: string, extraEnv: Record<string, string> = {}, baseSha: string | null = HEAD): Promise<Run & { stderr: string; ms: number }> {
  const tmp = mkdtempSync(join(tmpdir(), 'action-'));
  const event = join(tmp, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      pull_request: {
        number: 7,
        base: { ...(baseSha ? { sha: baseSha } : {}), repo: { full_name: 'acme/mcp' } },
        head: { sha: 'b'.repeat(40), repo: { full_name: 'acme/mcp' } },
      },
    }),
  );
  for (const f of ['output', 'summary']) writeFileSync(join(tmp, f), '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/mcp',
    GITHUB_API_URL: apiUrl,
    GITHUB_OUTPUT: join(tmp, 'output'),
    GITHUB_STEP_SUMMARY: join(tmp, 'summary'),
    RUNNER_TEMP: tmp,
    INPUT_PATH: join(repo, example),
    'INPUT_GITHUB-TOKEN': 'test-token',
    INPUT_COMMENT: 'true',
    ...extraEnv,
  };
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [ACTION], { env, cwd: tmp, timeout: 60_000 }, (err, stdout, stderr) => {
      const outputs: Record<string, string> = {};
      // GITHUB_OUTPUT uses name<<DELIM\nvalue\nDELIM blocks.
      for (const m of readFileSync(join(tmp, 'output'), 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1] as string] = m[3] as string;
      resolve({
        code: err ? Number(err.code) : 0,
        stdout,
        outputs,
        summary: readFileSync(join(tmp, 'summary'), 'utf8'),
        sarif: outputs['sarif-file'] ? readFileSync(outputs['sarif-file'], 'utf8') : '',
        stderr,
        ms: Date.now() - started,
      });
    });
  });
}

test('insecure example as the runner runs it: exit 1, outputs, summary, capped annotations, valid SARIF, one comment', async () => {
  state.comments = [];
  const r = await runAction('examples/insecure');
  assert.equal(r.code, 1);
  assert.equal(r.outputs.decision, 'block');
  assert.equal(r.outputs.blocked, 'true');
  assert.ok(Number(r.outputs['block-count']) > 10);
  const errors = r.stdout.match(/^::error[ :].*$/gm) ?? [];
  const warnings = r.stdout.match(/^::warning .*$/gm) ?? [];
  const notices = r.stdout.match(/^::notice .*$/gm) ?? [];
  // GitHub shows 10 per step: 9 findings and the error core.setFailed writes.
  assert.equal(errors.length, 10, `${errors.length} errors`);
  assert.match(errors.at(-1) ?? '', /::error::mcp-gate: \d+ blocking, \d+ warning, \d+ overridden \(mode enforce/);
  assert.ok(warnings.length <= 10);
  assert.ok(notices.some((n) => /more findings are not annotated/.test(n)));
  assert.ok(errors.slice(0, -1).filter((e) => e.includes('file=')).every((e) => /file=[^,]+,line=\d+/.test(e)), 'annotations with a file carry its line');
  assert.equal(errors.filter((e) => e.includes('file=')).length, 9);
  assert.match(r.summary.slice(0, 400), /mcp-gate: BLOCK/);
  const ajv = new (AjvDraft04 as unknown as typeof import('ajv').default)({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(JSON.parse(readFileSync(join(repo, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')));
  assert.ok(validate(JSON.parse(r.sarif)), JSON.stringify(validate.errors?.slice(0, 3)));
  assert.equal(state.comments.length, 1);
  assert.ok(state.comments[0]?.body.startsWith(COMMENT_MARKER));

  // Second run updates the same comment instead of adding one.
  const before = state.calls.length;
  const again = await runAction('examples/insecure');
  assert.equal(again.code, 1);
  assert.equal(state.comments.length, 1);
  const second = state.calls.slice(before);
  assert.ok(!second.some((c) => c.startsWith('POST')), 'no second comment created');
  assert.ok(second.some((c) => c.startsWith('PATCH /repos/acme/mcp/issues/comments/1')), 'comment updated in place');
});

test('fork PR: 403 on comments degrades to a notice; the exit code still reflects the decision', async () => {
  state.comments = [];
  state.forbid = true;
  try {
    const r = await runAction('examples/insecure');
    assert.equal(r.code, 1);
    assert.equal(r.outputs.decision, 'block');
    assert.match(r.stdout, /::notice::mcp-gate: cannot comment on the pull request \(HTTP 403\).*pull-requests: write/);
    assert.equal(state.comments.length, 0);
  } finally {
    state.forbid = false;
  }
});

test('bad input: a malformed event payload and an invalid token still produce the decision', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'bad-event-'));
  const event = join(tmp, 'event.json');
  writeFileSync(event, '{not json');
  const r = await runAction('examples/insecure', { GITHUB_EVENT_PATH: event, 'INPUT_GITHUB-TOKEN': 'wrong' });
  assert.equal(r.code, 1);
  assert.equal(r.outputs.decision, 'block');
  assert.match(r.stdout, /cannot read the event payload/);
});

test('hardened example: decision output without failing the job', async () => {
  const r = await runAction('examples/hardened', { INPUT_COMMENT: 'false' });
  assert.ok(['pass', 'warn', 'block'].includes(r.outputs.decision ?? ''));
  assert.equal(r.code, r.outputs.decision === 'block' ? 1 : 0);
});

test('a stalled GitHub API: the comment times out, outputs and the decision are written anyway, warnings stay within 10', async () => {
  state.stall = true;
  try {
    const r = await runAction('examples/insecure', { MCP_GATE_GITHUB_TIMEOUT_MS: '1500' });
    assert.equal(r.code, 1);
    assert.equal(r.outputs.decision, 'block');
    assert.ok(r.outputs['json-file'], 'outputs written');
    assert.match(r.stdout, /::warning::mcp-gate: PR comment failed: no answer from the GitHub API within 1.5 s/);
    assert.ok((r.stdout.match(/^::warning[ :]/gm) ?? []).length <= 10);
    assert.ok((r.stdout.match(/^::error/gm) ?? []).length <= 10);
    assert.ok(r.ms < 40_000, `the Action ended (${r.ms} ms)`);
  } finally {
    state.stall = false;
  }
});

test('a pull_request event without a base sha fails closed: enforced, one gate/check-failed, the change\'s policy not applied', async () => {
  // examples/hardened passes on its own; without a base the run must block and say why.
  const r = await runAction('examples/hardened', { INPUT_COMMENT: 'false' }, null);
  assert.equal(r.code, 1);
  assert.equal(r.outputs.decision, 'block');
  const report = JSON.parse(readFileSync(r.outputs['json-file'] as string, 'utf8')) as { mode: string; findings: Array<{ ruleId: string; message: string }> };
  assert.equal(report.mode, 'enforce');
  const failed = report.findings.filter((f) => f.ruleId === 'gate/check-failed' && /no usable base revision/.test(f.message));
  assert.equal(failed.length, 1, JSON.stringify(report.findings));
  assert.match(failed[0]?.message ?? '', /nothing the change names is executed or contacted/);
});

test('a config input naming a missing file fails the step with a clear message, never falls back to defaults', async () => {
  for (const config of ['.mcp-gate.yaml', 'missing/gate.yml']) {
    const r = await runAction('examples/hardened', { INPUT_COMMENT: 'false', INPUT_CONFIG: config });
    assert.equal(r.code, 2, config);
    assert.match(r.stdout, new RegExp(`::error::mcp-gate: ${config.replace('.', '\\.')}: config file not found`));
    assert.equal(r.outputs.decision, undefined, 'no decision from a run that did not happen');
  }
});

test('comment: on-failure creates no comment while nothing blocks, one when blocked, and then keeps it up to date; never calls no API', async () => {
  state.comments = [];
  const quiet = await runAction('examples/insecure', { INPUT_COMMENT: 'on-failure', INPUT_MODE: 'warn' });
  assert.equal(quiet.outputs.decision, 'warn');
  assert.equal(state.comments.length, 0, 'findings, but nothing blocks: no new comment');
  const blocked = await runAction('examples/insecure', { INPUT_COMMENT: 'on-failure' });
  assert.equal(blocked.code, 1);
  assert.equal(state.comments.length, 1);
  assert.match(state.comments[0]?.body ?? '', /BLOCK/);
  const fixed = await runAction('examples/insecure', { INPUT_COMMENT: 'on-failure', INPUT_MODE: 'warn' });
  assert.equal(fixed.code, 0);
  assert.equal(state.comments.length, 1, 'no second comment');
  assert.doesNotMatch(state.comments[0]?.body ?? '', /mcp-gate: BLOCK/, 'the earlier verdict is replaced, not left standing');
  const before = state.calls.length;
  await runAction('examples/insecure', { INPUT_COMMENT: 'never' });
  assert.deepEqual(state.calls.slice(before), [], 'never: no GitHub API call');
  const bad = await runAction('examples/insecure', { INPUT_COMMENT: 'sometimes' });
  assert.equal(bad.code, 2);
  assert.match(bad.stdout, /::error::mcp-gate: input "comment" must be always, on-failure or never/);
});

test('skip-paths: the globs join the config\'s exclusions, the run says so, and the widened scope is reported against the base', async () => {
  const all = await runAction('examples/insecure', { INPUT_COMMENT: 'never' });
  const fullReport = JSON.parse(readFileSync(all.outputs['json-file'] as string, 'utf8')) as { findings: Array<{ ruleId: string; key?: string; message: string; location: { file?: string } }> };
  assert.ok(fullReport.findings.some((f) => f.location.file?.startsWith('deploy/')), 'the example has findings under deploy/');
  const r = await runAction('examples/insecure', { INPUT_COMMENT: 'never', 'INPUT_SKIP-PATHS': 'deploy/**,\nnot-there/{a,b}/**' });
  assert.match(r.stdout, /::notice::mcp-gate: skip-paths deploy\/\*\*, not-there\/\{a,b\}\/\*\* added to kubernetes\.exclude and secrets\.exclude/);
  const report = JSON.parse(readFileSync(r.outputs['json-file'] as string, 'utf8')) as typeof fullReport;
  assert.deepEqual(report.findings.filter((f) => f.location.file?.startsWith('deploy/')), []);
  const scope = report.findings.filter((f) => f.ruleId === 'gate/policy-changed').map((f) => f.message);
  assert.ok(scope.some((m) => /scope "kubernetes\.exclude".*deploy\/\*\*/.test(m)), scope.join('\n'));
  assert.ok(scope.some((m) => /scope "secrets\.exclude".*deploy\/\*\*/.test(m)), scope.join('\n'));
});
