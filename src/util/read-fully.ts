import { readSync } from 'node:fs';

/**
 * Read up to `size` bytes of an open file (its size from fstat, already
 * checked against the caller's limit). Stops early if the file shrank.
 */
export function readFully(fd: number, size: number): { buf: Buffer; length: number } {
  const buf = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const n = readSync(fd, buf, length, size - length, length);
    if (n === 0) break;
    length += n;
  }
  return { buf, length };
}
