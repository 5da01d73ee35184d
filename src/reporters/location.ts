import type { Location } from '../types.ts';

/** `file:line (resource, container)` as one short string for humans. */
export function formatLocation(loc: Location): string {
  const place = loc.file ? `${loc.file}${loc.line ? `:${loc.line}` : ''}` : '';
  const what = [loc.resource, loc.container ? `container ${loc.container}` : undefined].filter(Boolean).join(', ');
  return [place, what && `(${what})`].filter(Boolean).join(' ');
}
