// The floor for `npm run bench`: read every input the gate reads, with the
// same parsers (YAML with line positions, JSON), and do nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../src/workspace/workspace.ts';
import { parseYamlDocuments } from '../src/workspace/yaml.ts';

const root = process.argv[2];
if (!root) throw new Error('usage: parse-only DIR');
const ws = new Workspace(root);
let documents = 0;
for (const file of ws.files()) {
  const text = readFileSync(join(root, file), 'utf8');
  if (file.endsWith('.yaml') || file.endsWith('.yml')) documents += parseYamlDocuments(text, file, 'kubernetes').length;
  else if (file.endsWith('.json')) JSON.parse(text);
}
try {
  JSON.parse(readFileSync(join(root, '.mcp-gate/manifests.lock.json'), 'utf8'));
} catch {}
process.stdout.write(`${documents}\n`);
