// Shared pieces of the probe checks: where in the config a probe finding
// points, reading trust material named by the config, credentials from env.
import type { CheckContext, Location } from '../../src/types.ts';
import { InputError } from '../../src/util/errors.ts';
import { readRegularFile } from '../../src/workspace/read-file.ts';
import { keyLine } from '../../src/workspace/yaml.ts';
import { configDocument } from '../common/config-document.ts';
import type { ProbeScope } from './net.ts';

/** Budget of one probe unless probes.timeoutMs says otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Config files are small; trust material too. Anything bigger is a mistake. */
const MAX_PEM_BYTES = 1024 * 1024;

export function probeTimeout(ctx: CheckContext): number {
  return ctx.config.probes?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}

/**
 * file:line of `probes.<section>[.<key>]` in the config file, so a probe
 * finding points at the setting it is about (line 1 when the section is
 * absent). Best effort: the config was already validated, this only looks
 * up lines.
 */
export function configLocation(ctx: CheckContext, section: 'endpoint' | 'siem' | 'behaviour', key?: string): Location {
  if (!ctx.configFile) return {};
  try {
    const doc = configDocument(ctx) as Record<string, unknown> | undefined;
    const probes = doc?.probes as Record<string, unknown> | undefined;
    const sec = probes?.[section];
    const line = (key ? keyLine(sec, key) : undefined) ?? keyLine(probes, section) ?? keyLine(doc, 'probes') ?? 1;
    return { file: ctx.configFile, line };
  } catch {
    return { file: ctx.configFile, line: 1 };
  }
}

export class ProbeConfigError extends Error {
  override name = 'ProbeConfigError';
}

/**
 * A PEM file named by config key `what`, relative to the repository root.
 * Read only if it is a regular file inside the repository (an absolute path
 * or a symlink leaving it is refused, like a device or FIFO), size-capped.
 */
export function readPem(ctx: CheckContext, path: string, what: string): Buffer {
  let data: Buffer;
  try {
    data = readRegularFile(path, { within: ctx.root, maxBytes: MAX_PEM_BYTES, display: path });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new ProbeConfigError(`${what} ${path} ${err.message}`);
  }
  if (!data.includes('-----BEGIN ')) throw new ProbeConfigError(`${what} ${path} is not PEM`);
  return data;
}

/** The credential held by env var `name`; never returned into any message. */
export function readCredential(ctx: CheckContext, name: string): string {
  const value = ctx.env[name];
  if (value === undefined || value.trim() === '') throw new ProbeConfigError(`environment variable ${name} (tokenEnv) is not set or empty`);
  return value.trim();
}

/** Parse a JSON body; undefined when it is not JSON. */
export function jsonOf(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A short printable description of an unexpected body (HTML title, first characters), redacted before it is cut. */
export function bodySummary(scope: ProbeScope, body: Buffer, contentType: string | undefined): string {
  // The whole body (at most the probe's byte cap) is redacted first: any cut could split a secret.
  const text = scope.redact(body.toString('utf8'));
  const title = /<title[^>]{0,200}>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
  const kind = contentType ? scope.quote(contentType.split(';')[0] ?? '', 60) : 'no content type';
  if (title) return `${kind} page "${scope.quote(title, 120)}"`;
  const snippet = scope.quote(text, 80);
  return snippet ? `${kind}: "${snippet}"` : `${kind}, empty body`;
}
