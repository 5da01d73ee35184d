// The MCP requests the endpoint probe sends, validated against the official
// JSON Schemas of both protocol revisions (test/fixtures/shared/mcp/spec, from
// modelcontextprotocol/modelcontextprotocol@b0f60ba), and the response readers
// against the spec's own example response.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { firstRequest, jsonRpcMessage, parseWwwAuthenticate, sameResource, sseEventComplete, wellKnownMetadataUrl } from '../checks/probes/mcp-protocol.ts';

const SPEC = 'test/fixtures/shared/mcp/spec';

function validator(version: string, def: string) {
  const schema = JSON.parse(readFileSync(`${SPEC}/${version}/schema.json`, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(schema, 'mcp');
  return ajv.compile({ $ref: `mcp#/$defs/${def}` });
}

test('2025-11-25: the probe sends a schema-valid InitializeRequest', () => {
  const req = firstRequest('2025-11-25');
  assert.equal(req.method, 'initialize');
  const validate = validator('2025-11-25', 'InitializeRequest');
  assert.ok(validate(JSON.parse(req.body)), JSON.stringify(validate.errors));
  assert.equal(req.headers['mcp-protocol-version'], undefined);
});

test('2026-07-28: the probe sends a schema-valid DiscoverRequest with a matching MCP-Protocol-Version header', () => {
  const req = firstRequest('2026-07-28');
  assert.equal(req.method, 'server/discover');
  const body = JSON.parse(req.body) as { params: { _meta: Record<string, unknown> } };
  const validate = validator('2026-07-28', 'DiscoverRequest');
  assert.ok(validate(body), JSON.stringify(validate.errors));
  assert.equal(req.headers['mcp-protocol-version'], (JSON.parse(req.body) as typeof body).params._meta['io.modelcontextprotocol/protocolVersion']);
  // Negative control: the 2025 request is not a valid 2026 DiscoverRequest.
  assert.equal(validate(JSON.parse(firstRequest('2025-11-25').body)), false);
});

test('the official DiscoverResultResponse example is read as a JSON-RPC result, as JSON and as SSE', () => {
  const text = readFileSync(`${SPEC}/2026-07-28/DiscoverResultResponse/discover-result-response.json`, 'utf8');
  const asJson = jsonRpcMessage(Buffer.from(text), 'application/json');
  assert.ok(asJson && 'result' in asJson);
  const sse = Buffer.from(`event: message\ndata: ${JSON.stringify(JSON.parse(text))}\n\n`);
  assert.ok(sseEventComplete(sse));
  assert.ok(!sseEventComplete(Buffer.from('event: message\ndata: {"jsonrpc"')));
  assert.deepEqual(jsonRpcMessage(sse, 'text/event-stream; charset=utf-8'), asJson);
  assert.equal(jsonRpcMessage(Buffer.from('<html>502</html>'), 'text/html'), undefined);
  assert.equal(jsonRpcMessage(Buffer.from('{"result": 1}'), 'application/json'), undefined, 'not JSON-RPC 2.0');
});

test('WWW-Authenticate, RFC 9728 well-known URL and resource comparison', () => {
  const sdk = parseWwwAuthenticate('Bearer error="invalid_token", error_description="Missing Authorization header", resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp"');
  assert.equal(sdk.bearer, true);
  assert.equal(sdk.params.resource_metadata, 'https://mcp.example/.well-known/oauth-protected-resource/mcp');
  assert.equal(parseWwwAuthenticate('Basic realm="x"').bearer, false);
  assert.equal(parseWwwAuthenticate(undefined).bearer, false);
  // A pathological header is parsed in linear time.
  const t0 = performance.now();
  parseWwwAuthenticate(`Bearer ${'a="'.repeat(20_000)}`);
  assert.ok(performance.now() - t0 < 500);
  assert.equal(wellKnownMetadataUrl(new URL('https://mcp.example/mcp?x=1')).href, 'https://mcp.example/.well-known/oauth-protected-resource/mcp');
  assert.equal(wellKnownMetadataUrl(new URL('https://mcp.example/')).href, 'https://mcp.example/.well-known/oauth-protected-resource');
  assert.ok(sameResource('https://mcp.example/mcp/', 'https://mcp.example/mcp'));
  assert.ok(!sameResource('https://mcp.example/other', 'https://mcp.example/mcp'));
});
