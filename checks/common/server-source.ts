// How a live MCP server is named in the lockfile and in messages; apart from
// the client so that naming a server does not load the MCP SDK.

/** Shell-like rendering of an argv for the lockfile `source` (`stdio:<command>`); never executed. */
export function commandSource(command: readonly string[]): string {
  return `stdio:${command.map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}`;
}
