// The runtime behaviour probe (issue 21; seed 000 test cases 3 and 4, control
// 6): connect to a live MCP server, call only the tools the config allows
// (never one annotated destructive), with traversal payloads, arguments that
// break the declared schema and the configured canary calls, and judge the
// answers. Every string it emits is redacted of the canary values and
// credentials, whole or by any 8-character fragment.
import type { GateConfig } from '../../src/config/schema.ts';
import type { CheckContext, CheckResult, Location, RawFinding } from '../../src/types.ts';
import type { CallOutcome, McpSession } from '../common/mcp-client.ts';
import { commandSource } from '../common/server-source.ts';
import { describeArgs, type PlannedCall, type ToolInfo, toolInfo, traversalCalls, validationCalls } from './behaviour-payloads.ts';
import { answerText, errorLeak, excerpt, fileContent, FRAGMENT, redactor, refused, secretFound } from './behaviour-verdicts.ts';
import { configLocation, ProbeConfigError, probeTimeout, readCredential, readPem } from './common.ts';
import { scopedFetch } from './mcp-fetch.ts';
import { describeUrl, ProbeScope } from './net.ts';

export type BehaviourEntry = NonNullable<NonNullable<GateConfig['probes']>['behaviour']>[number];

/** Calls per tool, whatever its schema offers: the probe tests, it does not load the server. */
export const MAX_CALLS_PER_TOOL = 24;
/** Calls in flight per server. */
const CONCURRENCY = 4;

/** Probe every entry (or those of server `only`); messages keep each entry's index in the config. */
export async function probeBehaviour(ctx: CheckContext, entries: readonly BehaviourEntry[], only?: string): Promise<CheckResult> {
  const chosen = entries.flatMap((e, i) => (only === undefined || e.server === only ? [{ e, i }] : []));
  const outs = await Promise.all(chosen.map(({ e, i }) => probeServer(ctx, e, i)));
  return { findings: outs.flatMap((o) => o.findings), detail: outs.map((o) => o.detail).join(' | ') };
}

interface Target {
  source: string;
  open(secrets: readonly string[]): Promise<McpSession>;
}

interface Done {
  call: PlannedCall;
  outcome: CallOutcome;
}

async function probeServer(ctx: CheckContext, entry: BehaviourEntry, index: number): Promise<{ findings: RawFinding[]; detail: string }> {
  const at = `probes.behaviour[${index}]`;
  const findings: RawFinding[] = [];
  const notes: string[] = [];
  const secrets: string[] = [];
  const base: Location = { ...configLocation(ctx, 'behaviour'), resource: `McpServer/${entry.server}` };
  const failed = (key: string, message: string) =>
    findings.push({ ruleId: 'gate/check-failed', message: `behaviour probe of server "${entry.server}": ${message}`, location: base, key: `behaviour-${key}` });
  const finish = (source: string) => {
    const redact = redactor(secrets);
    const clean = (f: RawFinding): RawFinding => ({
      ...f,
      message: redact(f.message),
      location: { ...f.location, ...(f.location.container !== undefined ? { container: redact(f.location.container) } : {}) },
      ...(f.key !== undefined ? { key: redact(f.key) } : {}),
    });
    return { findings: findings.map(clean), detail: redact(`server "${entry.server}" (${source}): ${notes.join('; ')}`) };
  };

  const timeoutMs = probeTimeout(ctx);
  let target: Target | undefined;
  try {
    target = resolveTarget(ctx, entry, at, timeoutMs, secrets);
  } catch (err) {
    if (!(err instanceof ProbeConfigError)) throw err;
    failed('config', err.message);
    notes.push('not probed');
    return finish('unresolved');
  }
  const canaries = (entry.canaries ?? []).map((c, j) => {
    const value = ctx.env[c.valueEnv];
    if (value === undefined || value.trim() === '') failed(`canary-${j}`, `${at}.canaries[${j}].valueEnv: environment variable ${c.valueEnv} is not set or empty, so the canary call to "${c.tool}" was not made`);
    else if (value.trim().length < FRAGMENT) failed(`canary-${j}`, `${at}.canaries[${j}].valueEnv: the value of ${c.valueEnv} is shorter than ${FRAGMENT} characters, too short to be recognised in an answer`);
    else {
      secrets.push(value.trim());
      return { ...c, index: j, value: value.trim() };
    }
    return undefined;
  });

  let session: McpSession;
  try {
    session = await target.open(secrets);
  } catch (err) {
    failed('connect', `${target.source}: ${(err as Error).message}`);
    notes.push('could not connect');
    return finish(target.source);
  }
  const t0 = performance.now();
  try {
    const tools = session.acquired.tools.map(toolInfo).filter((t): t is ToolInfo => t !== undefined);
    const byName = new Map(tools.map((t) => [t.name, t]));
    const listed = tools.length > 12 ? `${tools.length} tools` : tools.map((t) => t.name).join(', ') || 'none';
    for (const name of entry.tools ?? []) {
      const t = byName.get(name);
      if (!t) failed(`tool-${name}`, `${at}.tools names "${name}", which the server does not list (it lists ${listed})`);
      else if (t.destructive) failed(`tool-${name}`, `${at}.tools names "${name}", which is annotated destructiveHint: true: the probe never calls a destructive tool`);
    }
    const allowed = tools.filter((t) => !t.destructive && (entry.tools ? entry.tools.includes(t.name) : t.readOnly));
    const skipped = tools.filter((t) => !allowed.includes(t)).map((t) => `${t.name} (${t.destructive ? 'destructiveHint' : entry.tools ? 'not in tools' : 'not readOnlyHint'})`);
    notes.push(`MCP ${session.acquired.protocolVersion}, ${tools.length} tools; may call: ${allowed.map((t) => t.name).join(', ') || 'none'}${skipped.length ? `; never called: ${skipped.join(', ')}` : ''}`);
    if (allowed.length === 0) {
      failed('no-tools', `no tool may be called: ${entry.tools ? `none of ${at}.tools is listed and non-destructive` : `none is annotated readOnlyHint: true; list the tools to test in ${at}.tools`}`);
    }

    const calls: PlannedCall[] = [];
    for (const t of allowed) {
      const own = [...traversalCalls(t, entry.root), ...validationCalls(t)];
      if (own.length > MAX_CALLS_PER_TOOL) notes.push(`${t.name}: ${own.length - MAX_CALLS_PER_TOOL} of ${own.length} planned calls not made (at most ${MAX_CALLS_PER_TOOL} per tool)`);
      calls.push(...own.slice(0, MAX_CALLS_PER_TOOL));
    }
    for (const c of canaries) {
      if (!c) continue;
      const t = byName.get(c.tool);
      if (!t) failed(`canary-${c.index}`, `${at}.canaries[${c.index}].tool names "${c.tool}", which the server does not list (it lists ${listed})`);
      else if (!allowed.includes(t)) failed(`canary-${c.index}`, `${at}.canaries[${c.index}].tool "${c.tool}" may not be called (${t.destructive ? 'annotated destructiveHint: true' : entry.tools ? `not in ${at}.tools` : 'not annotated readOnlyHint: true'})`);
      else calls.push({ tool: c.tool, family: 'canary', kind: `canary ${c.valueEnv}`, args: c.arguments ?? {}, canary: c.index });
    }

    const { done, failure } = await runCalls(session, calls);
    notes.push(`${done.length} of ${calls.length} calls in ${Math.round(performance.now() - t0)} ms`);
    if (failure) failed('call', `${target.source}: stopped after ${done.length} of ${calls.length} calls: ${failure}`);
    judge(entry, at, done, canaries.filter((c) => c !== undefined), base, findings, notes, redactor(secrets));
  } finally {
    await session.close();
  }
  return finish(target.source);
}

function resolveTarget(ctx: CheckContext, entry: BehaviourEntry, at: string, timeoutMs: number, secrets: string[]): Target {
  const common = { timeoutMs, signal: ctx.signal };
  if (entry.server === 'endpoint') {
    const ep = ctx.config.probes?.endpoint;
    if (!ep) throw new ProbeConfigError(`${at}.server is "endpoint", but probes.endpoint is not configured`);
    const url = new URL(ep.url);
    const scope = new ProbeScope({ allowedHosts: [url.hostname], timeoutMs, signal: ctx.signal });
    const ca = ep.caFile ? readPem(ctx, ep.caFile, 'probes.endpoint.caFile') : undefined;
    const headers: Record<string, string> = {};
    if (ep.tokenEnv) {
      if (url.protocol !== 'https:') throw new ProbeConfigError('the token from probes.endpoint.tokenEnv is not sent over plaintext HTTP');
      const token = readCredential(ctx, ep.tokenEnv);
      scope.addSecret(token);
      secrets.push(token);
      headers.authorization = `Bearer ${token}`;
    }
    return {
      source: describeUrl(url),
      open: async (s) => {
        const { openRemote } = await import('../common/mcp-client.ts');
        return openRemote({ url: url.href, env: ctx.env, fetch: scopedFetch(scope, { ...(ca ? { ca } : {}), headers }) }, { ...common, secrets: s });
      },
    };
  }
  const server = (ctx.config.mcp?.servers ?? []).find((s) => s.id === entry.server);
  if (!server || (server.command === undefined && server.url === undefined)) {
    throw new ProbeConfigError(
      `${at}.server: ${server ? `mcp.servers entry "${entry.server}" has no command or url` : `no live mcp.servers entry "${entry.server}" (an entry the change under review adds runs once it is on the base branch)`}, and it is not "endpoint"`,
    );
  }
  if (server.command !== undefined) {
    const command = server.command;
    return {
      source: commandSource(command),
      open: async (s) => {
        const { openStdio } = await import('../common/mcp-client.ts');
        return openStdio({ command, cwd: ctx.root, env: ctx.env, ...(server.env ? { envNames: server.env } : {}) }, { ...common, secrets: s });
      },
    };
  }
  const url = new URL(server.url as string);
  const scope = new ProbeScope({ allowedHosts: [url.hostname], timeoutMs, signal: ctx.signal });
  return {
    source: describeUrl(url),
    open: async (s) => {
      const { openRemote } = await import('../common/mcp-client.ts');
      return openRemote({ url: url.href, env: ctx.env, ...(server.headersEnv ? { headersEnv: server.headersEnv } : {}), fetch: scopedFetch(scope) }, { ...common, secrets: s });
    },
  };
}

/** Every planned call, CONCURRENCY at a time; the first transport failure stops the rest. */
async function runCalls(session: McpSession, calls: readonly PlannedCall[]): Promise<{ done: Done[]; failure?: string }> {
  const done: Done[] = [];
  let next = 0;
  let failure: string | undefined;
  const worker = async () => {
    while (failure === undefined && next < calls.length) {
      const call = calls[next++] as PlannedCall;
      try {
        done.push({ call, outcome: await session.callTool(call.tool, call.args) });
      } catch (err) {
        failure ??= `${call.tool} ${describeArgs(call.args)}: ${(err as Error).message}`;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // Report order follows the plan, not completion order.
  done.sort((a, b) => calls.indexOf(a.call) - calls.indexOf(b.call));
  return failure === undefined ? { done } : { done, failure };
}

function stringsIn(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(stringsIn);
  if (typeof v === 'object' && v !== null) return Object.values(v).flatMap(stringsIn);
  return [];
}

function judge(
  entry: BehaviourEntry,
  at: string,
  done: readonly Done[],
  canaries: readonly { index: number; tool: string; valueEnv: string; value: string }[],
  base: Location,
  findings: RawFinding[],
  notes: string[],
  redact: (t: string) => string,
): void {
  const where = (tool: string): Location => ({ ...base, container: tool });
  const traversal = new Map<string, { call: PlannedCall; what: string; kinds: string[] }>();
  const accepted = new Map<string, PlannedCall[]>();
  const leaks = new Map<string, { call: PlannedCall; what: string; quote: string; count: number }>();
  const credentials = new Map<string, { call: PlannedCall; env: string; verbatim: boolean; n: number; count: number }>();
  const verdicts: string[] = [];
  for (const { call, outcome } of done) {
    const raw = answerText(outcome);
    const text = redact(raw);
    const no = refused(outcome);
    const said: string[] = [no ? `refused (${outcome.kind === 'error' ? `JSON-RPC ${outcome.code}` : 'isError'})` : 'answered'];
    const content = call.family === 'traversal' ? fileContent(raw) : undefined;
    if (content) {
      said.push(`with ${content}`);
      const k = `${call.tool}\u0000${call.param}`;
      const t = traversal.get(k);
      if (t) t.kinds.push(call.kind);
      else traversal.set(k, { call, what: content, kinds: [call.kind] });
    }
    if (call.family === 'validation' && !no) {
      said.push('accepted an invalid call');
      accepted.set(call.tool, [...(accepted.get(call.tool) ?? []), call]);
    }
    for (const c of canaries) {
      const n = secretFound(raw, c.value);
      if (n === 0) continue;
      said.push(`holds the canary of ${c.valueEnv}`);
      const k = `${call.tool}\u0000${c.valueEnv}`;
      const seen = credentials.get(k);
      // The configured canary call is the one to quote; other calls that also return it are counted.
      if (!seen || (call.family === 'canary' && seen.call.family !== 'canary')) credentials.set(k, { call, env: c.valueEnv, verbatim: n >= c.value.length, n, count: (seen?.count ?? 0) + 1 });
      else seen.count++;
    }
    if (call.family === 'canary' && no) {
      findings.push({
        ruleId: 'gate/check-failed',
        message: `behaviour probe of server "${entry.server}": the canary call ${at}.canaries[${call.canary}] (${call.tool} ${describeArgs(call.args)}) was refused, so whether the credential reaches the model redacted cannot be told`,
        location: base,
        key: `behaviour-canary-${call.canary}`,
      });
    } else if (call.family === 'canary' && !said.some((s) => s.startsWith('holds'))) said.push('canary not in the answer');
    const leak = no ? errorLeak(text, stringsIn(call.args), entry.root) : undefined;
    if (leak) {
      said.push(`error holds ${leak.what.replace(/ \(.*$/, '')}`);
      const l = leaks.get(call.tool);
      if (l) l.count++;
      else leaks.set(call.tool, { call, what: leak.what, quote: excerpt(text, leak.index), count: 1 });
    }
    verdicts.push(`${call.tool} ${describeArgs(call.args)} → ${said.join(', ')}`);
  }
  for (const { call, what, kinds } of traversal.values()) {
    findings.push({
      ruleId: 'runtime/path-traversal',
      message: `${call.tool} answered the traversal payload ${describeArgs(call.args)} in parameter "${call.param}" with ${what} instead of an error (payloads that got through: ${kinds.join(', ')})`,
      location: where(call.tool),
      key: call.param as string,
    });
  }
  for (const { call, env, verbatim, n, count } of credentials.values()) {
    findings.push({
      ruleId: 'runtime/credential-in-output',
      message: `${call.tool} ${describeArgs(call.args)} returned the canary credential of ${env} ${verbatim ? 'verbatim' : `(a fragment of ${n} characters)`} instead of redacting it${count > 1 ? ` (${count} calls returned it)` : ''}`,
      location: where(call.tool),
      key: `canary-${env}`,
    });
  }
  for (const [tool, calls] of accepted) {
    findings.push({
      ruleId: 'runtime/input-not-validated',
      message: `${tool} accepted ${calls.length} call(s) that violate its declared inputSchema: ${calls.map((c) => `${c.kind}${c.param ? ` (${c.param})` : ''} ${describeArgs(c.args)}`).join('; ')}`,
      location: where(tool),
    });
  }
  for (const [tool, l] of leaks) {
    findings.push({
      ruleId: 'runtime/error-detail-leak',
      message: `the error ${tool} returned for ${describeArgs(l.call.args)} holds ${l.what}: ${l.quote}${l.count > 1 ? ` (${l.count} refused calls leaked details)` : ''}`,
      location: where(tool),
    });
  }
  if (verdicts.length) notes.push(verdicts.join('; '));
}
