// Subcommands of the CLI. Each lives in its own module; register it here.
import { alertsCommand } from './alerts.ts';
import { checkCommand } from './check.ts';
import { manifestCommand } from './manifest.ts';
import { overrideCommand } from './override.ts';
import { rulesCommand } from './rules.ts';

export interface Command {
  usage: string;
  /** Returns the exit code. Throw UsageError for bad arguments (exit 2). */
  run(args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  rules: rulesCommand,
  manifest: manifestCommand,
  alerts: alertsCommand,
  override: overrideCommand,
};
