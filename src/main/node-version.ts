// The bundle runs on the Node of package.json "engines" (20 and later; the
// Action runs on 24); on an older Node it would fail deep inside a command.
// Checked before anything else loads, so every subcommand says it in one line.
import pkg from '../../package.json' with { type: 'json' };

/** The minimum major version, from `engines.node` (">=24"). */
export const REQUIRED_NODE_MAJOR = Number(/(\d+)/.exec(pkg.engines.node)?.[1] ?? 0);

/** The one-line refusal for a Node older than the engines range, or undefined when it suits. */
export function nodeVersionProblem(version: string): string | undefined {
  const major = Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
  if (major >= REQUIRED_NODE_MAJOR) return undefined;
  return `this is Node.js ${version.replace(/^v?/, 'v')}; mcp-gate needs Node.js ${pkg.engines.node} (package.json "engines"). Install Node ${REQUIRED_NODE_MAJOR} or newer.`;
}
