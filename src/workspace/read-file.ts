// The one way the gate reads a file it did not write: only a regular file,
// only inside the repository (symlinks followed while they stay inside), and
// with the size checked on the open descriptor before a byte is read. A FIFO,
// a device or /proc file would otherwise block or read without end.
import { closeSync, constants, fstatSync, openSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '../util/errors.ts';
import { readFully } from '../util/read-fully.ts';

export interface ReadOptions {
  /** Refuse files larger than this. */
  maxBytes: number;
  /** How the file is named in errors (default: the path as given). */
  display?: string;
  /**
   * Directory the file (after following symlinks) must stay in. Omit only for
   * a path the invoker chose (a CLI flag), never for one the change names.
   */
  within?: string;
}

/** Whether `path` is `dir` or below it (both absolute, already resolved). */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The bytes of one regular file; every refusal is an InputError naming it. */
export function readRegularFile(path: string, opts: ReadOptions): Buffer {
  const display = opts.display ?? path;
  const abs = resolve(opts.within ?? '', path);
  if (opts.within !== undefined && !isInside(resolve(opts.within), abs)) throw new InputError('is outside the repository; only files inside it are read', display);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (err) {
    throw new InputError(describeErrno(err, 'cannot read'), display);
  }
  if (opts.within !== undefined) {
    let root: string;
    try {
      root = realpathSync(opts.within);
    } catch (err) {
      throw new InputError(describeErrno(err, 'cannot read the repository root'), display);
    }
    if (!isInside(root, real)) throw new InputError(`is a symlink that leaves the repository (to ${real}); only files inside it are read`, display);
  }
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not wait; it is refused below.
    fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new InputError(describeErrno(err, 'cannot read'), display);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError(`is ${kindOf(st)}, not a regular file; refused`, display);
    if (st.size > opts.maxBytes) throw new InputError(`is ${st.size} bytes, above the ${opts.maxBytes}-byte limit`, display);
    const { buf, length } = readFully(fd, st.size);
    return buf.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** The text of one regular file, which must be valid UTF-8 (a byte BOM is dropped). */
export function readRegularText(path: string, opts: ReadOptions): string {
  return decodeUtf8(readRegularFile(path, opts), opts.display ?? path);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Strict UTF-8, as Kubernetes and JSON parsers require; the error names the line of the first bad byte. */
export function decodeUtf8(buf: Buffer, display: string): string {
  try {
    return strictUtf8.decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    let line = 1;
    for (let i = 0; i < at; i++) if (buf[i] === 0x0a) line++;
    throw new InputError(`is not valid UTF-8 (first invalid byte at offset ${at})`, display, line);
  }
}

function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > buf.length) return i;
    try {
      strictUtf8.decode(buf.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return buf.length;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function describeErrno(err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return `${what}: permission denied`;
  if (code === 'ELOOP') return `${what}: symlink loop`;
  return `${what}: ${code ?? (err as Error).message}`;
}
