import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  UsageError,
  didYouMean
} from "./chunk-LAB7SYR4.js";

// src/main/args.ts
import { parseArgs } from "node:util";
function oneOf(value, allowed, flag) {
  if (value === void 0) return void 0;
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
  return value;
}
function parseFlags(args, options, command) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw flagError(err, options, command);
  }
}
function flagError(err, options, command) {
  const code = err?.code;
  if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS")) return err;
  const help = `see "mcp-gate ${command} --help"`;
  const message = err.message;
  const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
  if (unknown !== void 0) {
    const flags = ["--help", ...Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...o.short ? [`-${o.short}`] : []])];
    const hint = didYouMean(unknown.replace(/=.*/, ""), flags);
    return new UsageError(`${command}: unknown option ${unknown}${hint ? ` (did you mean ${hint}?)` : ""}; ${help}`);
  }
  const missing = /^Option '(-\S+?)(?:, (--\S+))? <value>' argument missing/.exec(message);
  if (missing) return new UsageError(`${command}: ${missing[2] ?? missing[1]} needs a value; ${help}`);
  const noArg = /^Option '(-\S+?)(?:, (--\S+))?' does not take an argument/.exec(message);
  if (noArg) return new UsageError(`${command}: ${noArg[2] ?? noArg[1]} takes no value; ${help}`);
  return new UsageError(`${command}: ${message.split(/\.\s|\n/)[0]}; ${help}`);
}

export {
  oneOf,
  parseFlags
};
