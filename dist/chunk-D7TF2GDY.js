import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);

// src/util/exec.ts
async function execFileSafe(file, args, options) {
  const { execa } = await import("./chunk-CCG4ILTB.js");
  return execa(file, args, options);
}

export {
  execFileSafe
};
