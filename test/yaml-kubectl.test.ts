// The gate's Kubernetes decoding against kubectl itself (issue 16: "read as
// the consumer reads"). `kubectl create --dry-run=client -o json -f FILE`
// prints the objects it would send, decoded from the YAML; it needs the
// API's discovery documents to map kinds, so a stand-in on 127.0.0.1 serves
// them (no cluster can run here). --validate=false: schema validation would
// need the cluster's OpenAPI document; it is not part of decoding.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { Workspace } from '../src/workspace/workspace.ts';
import { parseYamlDocuments } from '../src/workspace/yaml.ts';
import { REPO } from './cli-run.ts';

const DIR = join(REPO, 'test/fixtures/yaml-kubectl');
const ACCEPTED = readdirSync(join(DIR, 'accepted')).filter((f) => f.endsWith('.yaml'));
const REFUSED = readdirSync(join(DIR, 'refused')).filter((f) => f.endsWith('.yaml'));
/** Refused fixtures mark the line the refusal must name. */
const MARK = '# <- refused here';

function kubectlMissing(): string | false {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore', timeout: 20_000 });
    return false;
  } catch {
    return 'kubectl is not installed: the gate cannot be compared with it here';
  }
}

const resources = (groupVersion: string, kinds: string[]) => ({
  kind: 'APIResourceList',
  groupVersion,
  resources: kinds.map((kind) => ({ name: `${kind.toLowerCase()}s`, singularName: kind.toLowerCase(), namespaced: true, kind, verbs: ['create', 'get', 'list'] })),
});
const DISCOVERY: Record<string, unknown> = {
  '/version': { major: '1', minor: '32', gitVersion: 'v1.32.0' },
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] },
  '/apis': {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }],
  },
  '/api/v1': resources('v1', ['Pod', 'ConfigMap', 'ServiceAccount']),
  '/apis/apps/v1': resources('apps/v1', ['Deployment']),
};

describe('kubectl create --dry-run=client decodes the fixtures as the gate does', { skip: kubectlMissing() }, () => {
  let server: Server;
  let url: string;
  let home: string;

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'mcp-gate-kubectl-'));
    server = createServer((req, res) => {
      const body = DISCOVERY[(req.url ?? '').split('?')[0] as string];
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(body ? JSON.stringify(body) : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server?.close();
    rmSync(home, { recursive: true, force: true });
  });

  /** kubectl's exit code, and the objects it printed (one JSON object per document). */
  const kubectl = (file: string): Promise<{ code: number; objects: unknown[]; stderr: string }> =>
    new Promise((resolve) => {
      const args = ['create', '--dry-run=client', '--validate=false', '-o', 'json', '-f', file, '--server', url, '--cache-dir', join(home, 'cache')];
      execFile('kubectl', args, { timeout: 30_000, env: { PATH: process.env.PATH, HOME: home, KUBECONFIG: join(home, 'none') } }, (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        const objects = code === 0 ? (JSON.parse(`[${stdout.replace(/\n}\n\{/g, '\n},\n{')}]`) as unknown[]) : [];
        resolve({ code, objects, stderr });
      });
    });

  for (const name of ACCEPTED) {
    it(`${name}: every document is what kubectl prints, and not what a YAML 1.2 reading gives`, async () => {
      const file = join(DIR, 'accepted', name);
      const text = readFileSync(file, 'utf8');
      const k = await kubectl(file);
      assert.equal(k.code, 0, k.stderr);
      const gate = JSON.parse(JSON.stringify(parseYamlDocuments(text, name, 'kubernetes').map((d) => d.value))) as unknown[];
      assert.equal(gate.length, k.objects.length);
      for (const [i, obj] of k.objects.entries()) assert.deepEqual(gate[i], obj, `document ${i + 1}`);
      let core: unknown;
      try {
        core = JSON.parse(JSON.stringify(parseYamlDocuments(text, name, 'core').map((d) => d.value)));
      } catch {
        core = undefined; // the core schema refuses what kubectl reads: a difference too
      }
      assert.ok(!isDeepStrictEqual(core, k.objects), 'the fixture reads the same in YAML 1.2: it tests nothing');
    });
  }

  for (const name of REFUSED) {
    it(`${name}: kubectl refuses it, and the gate reports it at the marked line`, async () => {
      const k = await kubectl(join(DIR, 'refused', name));
      assert.notEqual(k.code, 0, 'kubectl accepted it');
      const lines = readFileSync(join(DIR, 'refused', name), 'utf8').split('\n');
      const line = lines.findIndex((l) => l.includes(MARK)) + 1;
      assert.ok(line > 0, `no "${MARK}" in the fixture`);
      const { objects, problems } = new Workspace(DIR).kubernetes({ paths: [`refused/${name}`] });
      assert.deepEqual(
        problems.map((p) => [p.file, p.line]),
        [[`refused/${name}`, line]],
        `${problems[0]?.message ?? 'no problem'}; kubectl: ${k.stderr.trim()}`,
      );
      assert.equal(objects.length, 0);
    });
  }
});
