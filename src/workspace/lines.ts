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

/**
 * Offset -> 1-based line for offsets asked in increasing order (a parser's
 * walk over its events): counted forward from the last one, one pass over
 * the text in all. An offset behind the last is answered from a full
 * lineIndex, built then.
 */
export function forwardLines(text: string): (offset: number) => number {
  let line = 1;
  let nl = text.indexOf('\n');
  let last = 0;
  let index: ((offset: number) => number) | undefined;
  return (offset: number) => {
    if (offset < last) return (index ??= lineIndex(text))(offset);
    last = offset;
    while (nl !== -1 && nl < offset) {
      line++;
      nl = text.indexOf('\n', nl + 1);
    }
    return line;
  };
}
