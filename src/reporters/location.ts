import type { Location } from '../types.ts';

/** `file:line (resource, container NAME)` as one short string for humans; on an MCP server the "container" is a tool. */
export function formatLocation(loc: Location): string {
  const place = loc.file ? `${loc.file}${loc.line ? `:${loc.line}` : ''}` : '';
  const what = [loc.resource, loc.container ? `${partName(loc)} ${loc.container}` : undefined].filter(Boolean).join(', ');
  return [place, what && `(${what})`].filter(Boolean).join(' ');
}

/** What `location.container` names on this resource: a tool of an McpServer, else a container. */
export function partName(loc: Location): 'tool' | 'container' {
  return loc.resource?.startsWith('McpServer/') ? 'tool' : 'container';
}
