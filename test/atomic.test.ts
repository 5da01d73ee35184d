// writeFileAtomic writes report pieces as strings; a short write (which a
// regular file does not do in practice) must still leave exactly the bytes.
import assert from 'node:assert/strict';
import fs, { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mock, test } from 'node:test';
import { writeFileAtomic } from '../src/util/atomic.ts';

const PIECES = ['{"a": "é😀', ' ascii only ', '→ \u0000 end"}\n'];

test('pieces are written in order, as UTF-8', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-gate-atomic-'));
  try {
    writeFileAtomic(join(dir, 'r.json'), PIECES);
    assert.equal(readFileSync(join(dir, 'r.json'), 'utf8'), PIECES.join(''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a short write of a piece is finished from its encoded bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-gate-atomic-'));
  const real = fs.writeSync;
  let short = 0;
  // A string write that stops after 3 bytes (inside "é" of the first piece, say); buffer writes go through.
  mock.method(fs, 'writeSync', (fd: number, data: string | Buffer, ...rest: unknown[]) => {
    if (typeof data !== 'string') return (real as (...a: unknown[]) => number)(fd, data, ...rest);
    short++;
    return real(fd, Buffer.from(data, 'utf8').subarray(0, 3));
  });
  syncBuiltinESMExports();
  try {
    writeFileAtomic(join(dir, 'r.json'), PIECES);
  } finally {
    mock.restoreAll();
    syncBuiltinESMExports();
  }
  try {
    assert.equal(short, PIECES.length);
    assert.deepEqual(readFileSync(join(dir, 'r.json')), Buffer.from(PIECES.join(''), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
