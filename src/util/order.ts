// Sorting strings for output. Code-unit order, not localeCompare: the same on
// every machine whatever its locale (reports and fingerprints must not depend
// on the runner's ICU data), and no collator to load at start-up.

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
