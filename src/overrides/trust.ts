// Trust roots: the allowed_signers file of the BASE revision (git show
// REF:path), never the change under review. Without a base ref (local use)
// the working tree's file is used and the report says so; in a pull-request
// CI run without a base ref no signer is trusted at all.
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../util/errors.ts';
import { readRegularText } from '../workspace/read-file.ts';
import { BaseRefError, readFileAtRef } from '../workspace/git.ts';
import { ALLOWED_SIGNERS_FILE } from './document.ts';

export { BaseRefError };

export interface TrustSource {
  /** Where the signers came from, for the report. */
  origin: 'base-ref' | 'working-tree' | 'none';
  /** Human description: "base revision main (1a2b3c4)", "working tree". */
  description: string;
  /** File text; undefined when the file does not exist there. */
  text?: string;
  /** Resolved commit of the base ref. */
  commit?: string;
  /** Why no signer is trusted, when origin is none. */
  refusal?: string;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);
const MAX_SIGNERS_BYTES = 1024 * 1024;

export async function readTrustSource(root: string, baseRef: string | undefined, env: Readonly<Record<string, string | undefined>>): Promise<TrustSource> {
  if (baseRef !== undefined) return readFromBaseRef(root, baseRef);
  const event = env.GITHUB_EVENT_NAME;
  if (event && PR_EVENTS.has(event))
    return {
      origin: 'none',
      description: 'no base ref',
      refusal: `no --base-ref in a ${event} run: the change under review cannot supply its own trusted signers, so no override is trusted (pass the PR's base sha as --base-ref)`,
    };
  const st = lstatSync(join(root, ALLOWED_SIGNERS_FILE), { throwIfNoEntry: false });
  if (!st) return { origin: 'working-tree', description: 'working tree (no --base-ref)' };
  if (!st.isFile()) throw new BaseRefError(`${ALLOWED_SIGNERS_FILE} is not a regular file (symlinks are not followed)`);
  try {
    // Checked again on the open descriptor: the file may change between the lstat and the read.
    return { origin: 'working-tree', description: 'working tree (no --base-ref)', text: readRegularText(ALLOWED_SIGNERS_FILE, { within: root, maxBytes: MAX_SIGNERS_BYTES }) };
  } catch (err) {
    throw err instanceof InputError ? new BaseRefError(`${ALLOWED_SIGNERS_FILE} ${err.message}`) : err;
  }
}

async function readFromBaseRef(root: string, ref: string): Promise<TrustSource> {
  const r = await readFileAtRef(root, ref, ALLOWED_SIGNERS_FILE, MAX_SIGNERS_BYTES);
  return { origin: 'base-ref', description: r.description, commit: r.commit, ...(r.text !== undefined ? { text: r.text } : {}) };
}
