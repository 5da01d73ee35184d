// Files a chainsaw (kyverno/chainsaw) end-to-end Test only compares the
// cluster against: `assert` and `error` operations name partial objects
// (no pod template, JMESPath keys), not objects anyone applies, and so is
// any file beside a Test that no step uses. A file the tests apply, create,
// update or patch is a manifest and stays one.
import { posix } from 'node:path';
import { isObj } from '../kubernetes.ts';
import { parseYamlDocuments } from '../yaml.ts';

const COMPARED = new Set(['assert', 'error']);
const APPLIED = new Set(['apply', 'create', 'update', 'patch']);

/** Repository files named only by chainsaw assert/error operations, or unused beside a Test. */
export function chainsawAssertionFiles(files: readonly string[], readText: (file: string) => string): string[] {
  const compared = new Set<string>();
  const applied = new Set<string>();
  for (const file of files) {
    if (!/\.ya?ml$/.test(file)) continue;
    let text: string;
    try {
      text = readText(file);
    } catch {
      continue; // the manifest reader reports what cannot be read
    }
    if (!text.includes('chainsaw.kyverno.io/')) continue;
    let docs: Array<{ value: unknown }>;
    try {
      docs = parseYamlDocuments(text, file);
    } catch {
      continue; // read as a manifest, so an invalid test file is still reported
    }
    const dir = posix.dirname(file);
    for (const { value } of docs) {
      if (!isObj(value) || typeof value.apiVersion !== 'string' || !value.apiVersion.startsWith('chainsaw.kyverno.io/')) continue;
      // Beside a chainsaw Test, a file no step applies is never applied (drafts, unused assertions).
      if (value.kind === 'Test') for (const f of files) if (f !== file && posix.dirname(f) === dir && /\.ya?ml$/.test(f)) compared.add(f);
      collect(value, (op, ref) => {
        const target = posix.normalize(posix.join(dir, ref));
        const matches = ref.includes('*') ? files.filter((f) => posix.matchesGlob(f, target)) : [target];
        for (const m of matches) (COMPARED.has(op) ? compared : applied).add(m);
      });
    }
  }
  const known = new Set(files);
  return [...compared].filter((f) => known.has(f) && !applied.has(f)).sort();
}

/** Every `<operation>: {file: ...}` of a chainsaw document, at any depth (steps, try, catch, finally, cleanup). */
function collect(node: unknown, found: (op: string, ref: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, found);
    return;
  }
  if (!isObj(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if ((COMPARED.has(key) || APPLIED.has(key)) && isObj(value) && typeof value.file === 'string') found(key, value.file);
    else collect(value, found);
  }
}
