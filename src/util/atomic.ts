import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Write a file so readers see the old or the new content, never half of it.
 * `data` may come in pieces (a large report), written in order; each piece
 * is encoded on its own, so none may end inside a surrogate pair.
 */
export function writeFileAtomic(path: string, data: string | readonly string[]): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    if (typeof data === 'string') writeFileSync(tmp, data, { mode: 0o644 });
    else writePieces(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {}
    throw err;
  }
}

function writePieces(file: string, pieces: readonly string[]): void {
  const fd = openSync(file, 'w', 0o644);
  try {
    for (const piece of pieces) {
      // Written as a string: Node encodes it into native memory, no Buffer for the GC to track
      // (docs/performance.md). A short write, rare on a regular file, is finished from the bytes.
      const written = writeSync(fd, piece);
      const bytes = Buffer.byteLength(piece, 'utf8');
      if (written === bytes) continue;
      const buf = Buffer.from(piece, 'utf8');
      for (let off = written; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
    }
  } finally {
    closeSync(fd);
  }
}
