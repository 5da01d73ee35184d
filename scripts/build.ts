// Bundle the CLI (dist/cli.js) and the Action (dist/index.js), runnable on
// Node 24 with no install. Code splitting: what a run may not need (the MCP
// SDK, the probes, the override verifier, the other commands, the report
// parsers) is reached through import() and lands in its own chunk
// (dist/chunk-*.js, shared by the entry points), so a run compiles only
// what it uses: compiling one 2 MB bundle cost every run about 100 ms.
// dist/check-worker.js is the entry of the check worker thread (src/gate/run-checks.ts). The
// Kubernetes client, which only the live cluster probe needs and which is
// bigger than everything else together, is bundled on its own, minified
// (dist/k8s-client.js).
import { rmSync } from 'node:fs';
import { build, type Plugin } from 'esbuild';

const K8S_CLIENT = /[\\/]checks[\\/]netpol[\\/]k8s-client\.ts$/;

/** Turn imports of checks/netpol/k8s-client.ts into a run-time import of ./k8s-client.js. */
const lazyK8sClient: Plugin = {
  name: 'lazy-k8s-client',
  setup(b) {
    b.onResolve({ filter: /k8s-client\.ts$/ }, async (args) => {
      if (args.pluginData === 'skip') return undefined;
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'skip' });
      if (!K8S_CLIENT.test(resolved.path)) return undefined;
      if (args.kind !== 'dynamic-import') throw new Error(`${args.importer}: import checks/netpol/k8s-client.ts only with import()`);
      return { path: './k8s-client.js', external: true };
    });
  },
};

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  // The CLI runs on Node 20 too (package.json engines): the README demo runs on what a fresh machine has.
  target: 'node20',
  legalComments: 'eof',
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
} as const;

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  // Chunks sit beside the entry points: the external './k8s-client.js' is relative to whichever file imports it.
  build({ ...common, entryPoints: { cli: 'src/main/cli.ts', index: 'src/main/action.ts', 'check-worker': 'src/gate/run-checks.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunk-[hash]', plugins: [lazyK8sClient] }),
  build({ ...common, entryPoints: ['checks/netpol/k8s-client.ts'], outfile: 'dist/k8s-client.js', minify: true }),
]);
