import { parseArgs } from 'node:util';
import { rulesJson, rulesMarkdownTable, rulesText } from '../../rules/describe.ts';
import { oneOf } from './check.ts';
import type { Command } from './index.ts';
import { USAGE } from './usage.ts';

export const rulesCommand: Command = {
  usage: USAGE.rules,
  async run(args) {
    const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' } } });
    const format = oneOf(values.format, ['text', 'json', 'markdown'], '--format');
    process.stdout.write(format === 'json' ? rulesJson() : format === 'markdown' ? `${rulesMarkdownTable()}\n` : rulesText());
    return 0;
  },
};
