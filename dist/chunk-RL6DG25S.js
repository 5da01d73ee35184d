import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);

// src/util/order.ts
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/util/exec.ts
async function execFileSafe(file, args, options) {
  const { execa } = await import("./chunk-CCG4ILTB.js");
  return execa(file, args, options);
}

export {
  compareStrings,
  execFileSafe
};
