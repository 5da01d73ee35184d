// What the CLI takes from its process. main() and every command write, and
// read the environment and the working directory, only through it:
// src/main/cli.ts passes the real process, tests a capturing one.
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Relative paths given on the command line resolve against it. */
  cwd: string;
  /** stdout is a terminal: text reports may use colour (unless NO_COLOR). */
  isTTY: boolean;
}
