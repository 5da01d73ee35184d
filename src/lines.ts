// Offset -> line lookups shared by every parser that reports file:line.

/**
 * Offset -> 1-based line of `text`, by binary search over line starts. The
 * starts are computed on the first lookup (most parsed objects are never
 * asked for a line) and the text is released then.
 */
export function lineIndex(text: string): (offset: number) => number {
  let source: string | undefined = text;
  let starts: number[] | undefined;
  return (offset: number) => {
    if (!starts) {
      const t = source ?? '';
      starts = [0];
      for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      source = undefined;
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
