// The config file as parsed YAML with positions, so findings about a config
// key (a glob that matches nothing, a server entry) point at its line. The
// engine has read and validated it already; this reads it again the same
// safe way (a regular file, inside the repository unless the invoker named
// it with --config, size-capped).
import { isAbsolute } from 'node:path';
import { MAX_CONFIG_BYTES } from '../../src/config/load.ts';
import type { CheckContext } from '../../src/types.ts';
import { readRegularText } from '../../src/workspace/read-file.ts';
import { keyLine, parseYamlDocuments } from '../../src/workspace/yaml.ts';

/** The config document (positions attached), or undefined when there is no config file or it no longer reads. */
export function configDocument(ctx: Pick<CheckContext, 'root' | 'configFile'>): unknown {
  if (!ctx.configFile) return undefined;
  try {
    // A config outside the tree was named by the invoker (a CLI flag), not by the change.
    const within = isAbsolute(ctx.configFile) ? {} : { within: ctx.root };
    return parseYamlDocuments(readRegularText(ctx.configFile, { maxBytes: MAX_CONFIG_BYTES, ...within }), ctx.configFile)[0]?.value;
  } catch {
    return undefined; // lines are a convenience: the findings still name the file and key
  }
}

/** 1-based line of a dotted key (`kubernetes.paths`) in the config document. */
export function configKeyLine(doc: unknown, dotted: string): number | undefined {
  const keys = dotted.split('.');
  let node = doc;
  let line: number | undefined;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null) return line;
    line = keyLine(node, key) ?? line;
    node = (node as Record<string, unknown>)[key];
  }
  return line;
}
