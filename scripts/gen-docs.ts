// Regenerate the README's rule table from the catalog.
import { readFileSync, writeFileSync } from 'node:fs';
import { rulesMarkdownTable } from '../src/rules/describe.ts';

export function withRulesTable(readme: string): string {
  return readme.replace(/<!-- rules:start -->[\s\S]*?<!-- rules:end -->/, `<!-- rules:start -->\n${rulesMarkdownTable()}\n<!-- rules:end -->`);
}

if (import.meta.main) writeFileSync('README.md', withRulesTable(readFileSync('README.md', 'utf8')));
