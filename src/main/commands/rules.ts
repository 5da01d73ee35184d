import { rulesJson, rulesMarkdownTable, rulesText } from '../../rules/describe.ts';
import { UsageError } from '../../util/errors.ts';
import { oneOf, parseFlags } from '../args.ts';
import type { Command } from './command.ts';
import { USAGE } from './usage.ts';

export const RULES_OPTIONS = { format: { type: 'string' } } as const;

export const rulesCommand: Command = {
  usage: USAGE.rules,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, RULES_OPTIONS, 'rules');
    if (positionals.length > 0) throw new UsageError(`rules takes no arguments, got: ${positionals.join(' ')}`);
    const format = oneOf(values.format ?? 'text', ['text', 'json', 'markdown'], '--format');
    io.stdout(format === 'json' ? rulesJson() : format === 'markdown' ? `${rulesMarkdownTable()}\n` : rulesText());
    return 0;
  },
};
