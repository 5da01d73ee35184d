// Rendered YAML (helm template, kustomize build) keeps no line numbers of its
// sources. A finding should still point at the line a reviewer edits, so each
// rendered line is matched to the source line with the same text; a line the
// source does not hold verbatim (a value from values.yaml, a patch) falls back
// to the nearest matched line above it, then to the object's first line.

/**
 * For every line of `rendered` (1-based, index 0 unused), the 1-based line of
 * `source` it came from, searching forward from the last match first (helm
 * keeps template order) and anywhere after `start` otherwise (kustomize sorts
 * keys).
 */
export function alignLines(rendered: string, source: string, start = 1): number[] {
  const src = source.split('\n').map(normalise);
  const positions = new Map<string, number[]>();
  // "key: {{ expression }}" in a template matches any rendered value of that key.
  const templated = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, line: number): void => {
    const list = map.get(key);
    if (list) list.push(line);
    else map.set(key, [line]);
  };
  for (let i = start - 1; i < src.length; i++) {
    const text = src[i] as string;
    if (text === '' || text === '---') continue;
    add(positions, text, i + 1);
    const key = /^([^\s:{]+):\s*\S*\{\{/.exec(text)?.[1];
    if (key) add(templated, key, i + 1);
  }
  const map: number[] = [start];
  let last = start;
  for (const line of rendered.split('\n')) {
    const text = normalise(line);
    const list = positions.get(text) ?? templated.get(/^([^\s:]+):/.exec(text)?.[1] ?? '');
    let hit: number | undefined;
    if (list) hit = list.find((l) => l >= last) ?? list[0];
    if (hit !== undefined) last = hit;
    map.push(hit ?? last);
  }
  return map;
}

function normalise(line: string): string {
  // Quotes and a leading "- " differ between a template and its output; the key and value do not.
  return line.trim().replace(/^-\s+/, '').replace(/["']/g, '');
}
