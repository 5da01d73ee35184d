// One answer to "is this a credential name" (checks/common/credentials.ts)
// for every family that asks: the names the k8s check and the secret scan
// used to answer differently now get the same answer from the k8s env check,
// the Dockerfile check and the predicate itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credentialNameStrength, isCredentialName } from '../checks/common/credentials.ts';
import { checkDockerfile } from '../checks/image/check.ts';
import { evaluateWorkload, podRuleContext } from '../checks/k8s/check.ts';
import { kubernetesObjects } from '../src/workspace/kubernetes.ts';
import { parseYamlDocuments } from '../src/workspace/yaml.ts';

/** Names the two predicates disagreed on, and the one answer now. */
const CASES: Array<[string, 'strong' | 'weak' | undefined]> = [
  ['JWT_KEY', 'strong'],
  ['CONNECTION_STRING', 'strong'],
  ['AUTH', 'weak'],
  // A form's anti-forgery token and LLM token counts are not credentials.
  ['CSRF_TOKEN', undefined],
  ['MAX_TOKENS', undefined],
  ['NUM_TOKENS', undefined],
  ['TOKENIZER', undefined],
  ['PASSTHROUGH', undefined],
];

const VALUE = 'Zq8rT1vW4yB7nM2kP5sD9fG3hJ6lX0cV';

function envFindings(name: string): string[] {
  const yaml = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x\n      env:\n        - {name: ${name}, value: ${VALUE}}\n`;
  const objects = kubernetesObjects(parseYamlDocuments(yaml, 'p.yaml'), 'p.yaml');
  return (evaluateWorkload(objects[0]!, podRuleContext(objects)) ?? []).filter((f) => f.ruleId === 'k8s/secret-in-env').map((f) => f.message);
}

function dockerfileFindings(name: string): string[] {
  return checkDockerfile('Dockerfile', `FROM scratch\nENV ${name}=${VALUE}\nUSER 10001\n`, { requireDistroless: false })
    .filter((f) => f.ruleId === 'secret/exposed')
    .map((f) => f.message);
}

for (const [name, strength] of CASES) {
  test(`${name}: ${strength ? `a ${strength}` : 'not a'} credential name, to the predicate, a k8s env var and a Dockerfile ENV alike`, () => {
    assert.equal(credentialNameStrength(name), strength);
    const credential = isCredentialName(name);
    assert.equal(envFindings(name).length > 0, credential, `k8s env ${name}`);
    assert.equal(dockerfileFindings(name).length > 0, credential, `Dockerfile ENV ${name}`);
  });
}
