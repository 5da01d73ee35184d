// Subcommands of the CLI. Each lives in its own module, loaded only when it
// runs (a check never compiles the override signer); register it here.
import type { CommandEntry } from './command.ts';
import { USAGE } from './usage.ts';

export type { Command, CommandEntry } from './command.ts';

export const COMMANDS: Record<string, CommandEntry> = {
  check: { usage: USAGE.check, load: async () => (await import('./check.ts')).checkCommand },
  rules: { usage: USAGE.rules, load: async () => (await import('./rules.ts')).rulesCommand },
  manifest: { usage: USAGE.manifest, load: async () => (await import('./manifest.ts')).manifestCommand },
  probe: { usage: USAGE.probe, load: async () => (await import('./probe.ts')).probeCommand },
  alerts: { usage: USAGE.alerts, load: async () => (await import('./alerts.ts')).alertsCommand },
  override: { usage: USAGE.override, load: async () => (await import('./override.ts')).overrideCommand },
};
