// Subcommands of the CLI. Each lives in its own module; register it here.
import { checkCommand } from './check.ts';
import { rulesCommand } from './rules.ts';

export interface Command {
  usage: string;
  /** Returns the exit code. Throw UsageError for bad arguments (exit 2). */
  run(args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  rules: rulesCommand,
};
