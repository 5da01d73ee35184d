// Regenerate what the docs say about the rules from the catalog: the README
// table and docs/rules.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { rulesDocument, rulesMarkdownTable } from '../src/rules/describe.ts';

export function withRulesTable(readme: string): string {
  return readme.replace(/<!-- rules:start -->[\s\S]*?<!-- rules:end -->/, `<!-- rules:start -->\n${rulesMarkdownTable()}\n<!-- rules:end -->`);
}

if (import.meta.main) {
  writeFileSync('README.md', withRulesTable(readFileSync('README.md', 'utf8')));
  writeFileSync('docs/rules.md', rulesDocument());
}
