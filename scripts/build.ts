// Bundle the CLI (dist/cli.js) and the Action (dist/index.js) into one file
// each, runnable on Node 24 with no install. Heavy dependencies that only
// some runs need (the Kubernetes client, Octokit) are reached through
// dynamic import(): esbuild keeps them in the file but wrapped, so they are
// evaluated only when a probe or a PR comment needs them.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
const entries = { cli: 'src/cli.ts', index: 'src/action.ts' };
await Promise.all(
  Object.entries(entries).map(([name, entry]) =>
    build({
      entryPoints: [entry],
      outfile: `dist/${name}.js`,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node24',
      legalComments: 'eof',
      // CommonJS dependencies call require(); give the ESM bundle one.
      banner: {
        js: "import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);",
      },
      logLevel: 'warning',
    }),
  ),
);
