// The config file as YAML with line positions, for checks that point a
// finding at the setting it is about. The engine has already read and
// validated it; this reads it again the same safe way (a regular file, inside
// the repository unless the invoker named it with --config, size-capped).
import { isAbsolute } from 'node:path';
import type { CheckContext } from '../../src/types.ts';
import { readRegularText } from '../../src/workspace/read-file.ts';
import { parseYamlDocuments } from '../../src/workspace/yaml.ts';

/** A config file is a few kilobytes; anything this large is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The first document of the config file, or undefined when there is none; throws when it cannot be read. */
export function configDocument(ctx: CheckContext): unknown {
  const file = ctx.configFile;
  if (!file) return undefined;
  // An absolute path came from --config (the invoker's choice); a relative one is the repository's.
  const text = readRegularText(file, { maxBytes: MAX_CONFIG_BYTES, display: file, ...(isAbsolute(file) ? {} : { within: ctx.root }) });
  return parseYamlDocuments(text, file)[0]?.value;
}
