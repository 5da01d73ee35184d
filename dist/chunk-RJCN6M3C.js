import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);

// checks/common/server-source.ts
function commandSource(command) {
  return `stdio:${command.map((a) => /^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a)).join(" ")}`;
}

export {
  commandSource
};
