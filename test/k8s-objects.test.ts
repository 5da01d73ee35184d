// Kubernetes objects in YAML documents, and the pod template of each kind.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../src/util/errors.ts';
import { type K8sObject, kubernetesObjects, podTemplateOf } from '../src/workspace/kubernetes.ts';
import { parseYamlDocuments } from '../src/workspace/yaml.ts';

const FIX = join(import.meta.dirname, 'fixtures/k8s');
const SHARED = join(import.meta.dirname, 'fixtures/shared/k8s');

function load(file: string, root = FIX): { objects: K8sObject[]; lines: string[] } {
  const text = readFileSync(join(root, file), 'utf8');
  return { objects: kubernetesObjects(parseYamlDocuments(text, file), file), lines: text.split('\n') };
}

const byName = (objects: K8sObject[], name: string): K8sObject => {
  const o = objects.find((x) => x.name === name);
  assert.ok(o, `no object ${name}`);
  return o;
};

test('objects: multi-document files, List items, non-Kubernetes documents skipped', () => {
  const { objects, lines } = load('objects.yaml');
  assert.deepEqual(
    objects.map((o) => o.resource),
    [
      'Pod/default/pod',
      'Deployment/mcp/deploy',
      'StatefulSet/default/sts',
      'DaemonSet/default/ds',
      'ReplicaSet/default/rs',
      'ReplicationController/default/rc',
      'Job/default/job-*',
      'CronJob/default/cron',
      'DeploymentConfig/default/dc',
      'Service/default/svc',
      'ConfigMap/default/cm',
      'PodTemplate/default/pt',
      'ConfigMap/default/listed-a',
      'ConfigMap/default/listed-b',
    ],
  );
  // Each object's line is where its mapping starts.
  for (const o of objects) assert.match(lines[o.line - 1] ?? '', /apiVersion/, `${o.resource} line ${o.line}`);
  assert.equal(byName(objects, 'listed-b').line, lines.findIndex((l) => l.includes('name: listed-b')) - 1);
  assert.equal(byName(objects, 'deploy').file, 'objects.yaml');
});

test('objects: the pod template of every pod-bearing kind, with the pod labels', () => {
  const { objects } = load('objects.yaml');
  const withPods = objects.filter((o) => podTemplateOf(o) !== undefined).map((o) => o.kind);
  assert.deepEqual(withPods, ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'DeploymentConfig']);
  const deploy = podTemplateOf(byName(objects, 'deploy'));
  assert.deepEqual(deploy?.labels, { app: 'deploy', tier: 'mcp-server' });
  assert.deepEqual(deploy?.annotations, { a: '1' });
  assert.equal(deploy?.incomplete, undefined);
  assert.deepEqual(podTemplateOf(byName(objects, 'pod'))?.annotations, { note: 'own-metadata' });
  assert.deepEqual(podTemplateOf(byName(objects, 'cron'))?.labels, { app: 'cron' });
  for (const name of ['svc', 'cm', 'pt', 'listed-a']) assert.equal(podTemplateOf(byName(objects, name)), undefined, name);
});

test('objects: malformed pod specs throw InputError with file and the line of the problem', () => {
  const { objects, lines } = load('objects-malformed.yaml');
  const lineOfText = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
  const expectations: [string, RegExp, number][] = [
    ['no-template', /Deployment without spec.template.spec/, lineOfText('replicas: 3')],
    ['empty-cron', /CronJob without spec.jobTemplate/, lineOfText('name: empty-cron') + 1],
    ['spec-list', /pod spec is not a mapping/, lineOfText('- containers: []') - 1],
    ['container-string', /containers\[0\] is not a mapping/, lineOfText('- nginx')],
    ['init-not-list', /initContainers is not a list/, lineOfText('initContainers: {name: init}')],
    ['pod-sc-string', /securityContext is not a mapping/, lineOfText('securityContext: runAsNonRoot')],
  ];
  for (const [name, message, line] of expectations) {
    const obj = byName(objects, name);
    assert.throws(
      () => podTemplateOf(obj),
      (err: unknown) => {
        assert.ok(err instanceof InputError, String(err));
        assert.match(err.message, message);
        assert.match(err.message, new RegExp(`^${obj.kind}/default/${name}: malformed workload`));
        assert.equal(err.file, 'objects-malformed.yaml');
        assert.equal(err.line, line, `${name}: ${err.message}`);
        return true;
      },
    );
  }
});

test('objects: a pod spec without containers is returned, marked incomplete', () => {
  const { objects } = load('malformed.yaml');
  const pod = podTemplateOf(byName(objects, 'patch-only'));
  assert.equal(pod?.incomplete, 'pod spec has no containers');
  assert.equal(pod?.spec.hostNetwork, true);
});

test('objects: every manifest of the peers fixtures yields a template, no pods, or an InputError', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e)) files.push(relative(SHARED, p));
    }
  };
  walk(SHARED);
  let workloads = 0;
  let malformed = 0;
  let unparsable = 0;
  for (const f of files) {
    let objects: K8sObject[];
    try {
      objects = load(f, SHARED).objects;
    } catch {
      unparsable++; // reported by the workspace as invalid YAML
      continue;
    }
    for (const o of objects) {
      try {
        if (podTemplateOf(o)) workloads++;
      } catch (err) {
        assert.ok(err instanceof InputError, `${f} ${o.resource}: ${String(err)}`);
        assert.ok((err.line ?? 0) > 0);
        malformed++;
      }
    }
  }
  assert.ok(files.length > 200, `${files.length} files`);
  assert.ok(workloads > 250, `${workloads} workloads`);
  assert.ok(malformed >= 3 && malformed < 20, `${malformed} malformed`);
  assert.ok(unparsable < 5, `${unparsable} unparsable`);
});

test('objects: a second ask for a pod template gives the same template, or the same error', () => {
  const { objects } = load('objects.yaml');
  for (const o of objects) assert.equal(podTemplateOf(o), podTemplateOf(o), o.name);
  const deploy = byName(objects, 'deploy');
  assert.deepEqual(podTemplateOf(deploy)?.labels, { app: 'deploy', tier: 'mcp-server' });
  const malformed = byName(load('objects-malformed.yaml').objects, 'no-template');
  let first: unknown;
  assert.throws(() => podTemplateOf(malformed), (e) => (first = e) instanceof InputError);
  assert.throws(() => podTemplateOf(malformed), (e) => e === first && /Deployment without spec.template.spec/.test((e as Error).message));
});
