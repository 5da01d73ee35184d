import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);

// src/util/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var InputError = class extends Error {
  name = "InputError";
  file;
  line;
  constructor(message, file, line) {
    super(message);
    this.file = file;
    this.line = line;
  }
};

export {
  UsageError,
  InputError
};
