import { parseArgs } from 'node:util';
import { rulesJson, rulesMarkdownTable, rulesText } from '../../rules/describe.ts';
import { oneOf } from '../args.ts';
import type { Command } from './command.ts';
import { USAGE } from './usage.ts';

export const rulesCommand: Command = {
  usage: USAGE.rules,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' } } });
    const format = oneOf(values.format, ['text', 'json', 'markdown'], '--format');
    io.stdout(format === 'json' ? rulesJson() : format === 'markdown' ? `${rulesMarkdownTable()}\n` : rulesText());
    return 0;
  },
};
