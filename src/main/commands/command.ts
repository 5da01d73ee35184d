// The shape of a subcommand, apart from the registry (commands/index.ts) so
// that a command module never imports the registry that imports it.
import type { CliIO } from '../io.ts';

export interface Command {
  usage: string;
  /** Returns the exit code. Throw UsageError for bad arguments (exit 2). All output, env and cwd go through io. */
  run(args: string[], io: CliIO): Promise<number>;
}

export interface CommandEntry {
  usage: string;
  load(): Promise<Command>;
}
