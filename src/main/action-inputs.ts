// Parsing of the Action inputs the anchors' users expect (comment,
// skip-paths), apart from action.ts so each is tested without a runner.
import * as z from 'zod';
import { configSchema, type GateConfig } from '../config/schema.ts';
import { UsageError } from '../util/errors.ts';

export type CommentWhen = 'always' | 'on-failure' | 'never';

/** `comment` input: always, on-failure or never; `true`/`false` (the old boolean) mean always/never. Default always. */
export function commentWhen(input: string): CommentWhen {
  const value = input.trim().toLowerCase();
  if (value === '' || value === 'true' || value === 'always') return 'always';
  if (value === 'false' || value === 'never') return 'never';
  if (value === 'on-failure') return 'on-failure';
  throw new UsageError(`input "comment" must be always, on-failure or never (true and false still mean always and never), got "${input}"`);
}

/** `skip-paths` input: globs separated by newlines or commas (a comma inside {a,b} belongs to the glob). */
export function skipPathsOf(input: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of input) {
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    if (ch === '\n' || ch === '\r' || (ch === ',' && depth === 0)) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((g) => g.trim()).filter((g) => g !== '');
}

/** Every exclusion list of the config schema (`<section>.exclude`), so a new one is covered without editing this. */
export const EXCLUSION_KEYS: readonly string[] = Object.entries(configSchema.shape).flatMap(([section, schema]) => {
  const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  return inner instanceof z.ZodObject && 'exclude' in inner.shape ? [`${section}.exclude`] : [];
});

/** The config with `globs` appended to each exclusion list. */
export function withSkipPaths(config: GateConfig, globs: readonly string[]): GateConfig {
  if (globs.length === 0) return config;
  const out: Record<string, unknown> = { ...config };
  for (const key of EXCLUSION_KEYS) {
    const section = key.split('.')[0] as string;
    const current = (out[section] ?? {}) as { exclude?: string[] };
    out[section] = { ...current, exclude: [...(current.exclude ?? []), ...globs.filter((g) => !current.exclude?.includes(g))] };
  }
  return out as GateConfig;
}
