import { parseArgs } from 'node:util';
import { RULE_IDS, RULES } from '../../rules/catalog.ts';
import { oneOf } from './check.ts';
import type { Command } from './index.ts';
import { USAGE } from './usage.ts';

export const rulesCommand: Command = {
  usage: USAGE.rules,
  async run(args) {
    const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' } } });
    const format = oneOf(values.format, ['text', 'json', 'markdown'], '--format');
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify(RULE_IDS.map((id) => ({ id, ...RULES[id] })), null, 2)}\n`);
    } else if (format === 'markdown') {
      process.stdout.write(`${rulesMarkdownTable()}\n`);
    } else {
      const width = Math.max(...RULE_IDS.map((id) => id.length));
      for (const id of RULE_IDS) {
        const r = RULES[id];
        process.stdout.write(`${id.padEnd(width)}  ${r.defaultSeverity.toUpperCase().padEnd(7)}  ${r.title}\n${' '.repeat(width + 11)}${r.seed}\n`);
      }
    }
    return 0;
  },
};

/** The README's rule table, generated from the catalog. */
export function rulesMarkdownTable(): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  const rows = RULE_IDS.map((id) => {
    const r = RULES[id];
    const sev = id === 'k8s/secret-in-env' ? 'BLOCK (literal) / WARNING (secretKeyRef)' : r.defaultSeverity.toUpperCase();
    return `| \`${id}\` | ${sev} | ${esc(r.title)} | ${esc(r.seed)} |`;
  });
  return ['| rule | default | what | seed row / control |', '|---|---|---|---|', ...rows].join('\n');
}
