/**
 * Reading input text for the CLI with its cap applied while reading: a file is refused by its
 * size before a byte is read, stdin stops at the cap, and devices, FIFOs and sockets are
 * refused by name (`/dev/zero` never ends, a FIFO with no writer never starts).
 */
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { InputError } from './args';

const CHUNK = 64 * 1024;

function kindOf(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'is a directory';
  if (st.isFIFO()) return 'is a pipe (FIFO), not a file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a file';
  if (st.isSocket()) return 'is a socket, not a file';
  return 'is not a regular file';
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

function tooLarge(source: string, what: string, max: number, size?: number): InputError {
  return new InputError(`${source}: ${what} is too large (${size === undefined ? 'more than the' : `${mib(size)},`} limit of ${mib(max)})`);
}

/** Reads from `fd` until EOF, refusing at once when more than `max` bytes arrive. */
function readCapped(fd: number, source: string, what: string, max: number): string {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, max + 1 - total));
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      // A non-blocking stdin with nothing yet: wait by retrying (a terminal, a slow pipe).
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > max) throw tooLarge(source, what, max);
    chunks.push(buf.subarray(0, n));
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/** The text of a file (or `-` for stdin), at most `max` bytes. Errors are input errors. */
export function readText(source: string, what: string, max: number): string {
  const name = source === '-' ? 'stdin' : source;
  let fd: number | undefined;
  try {
    if (source === '-') {
      const st = fstatSync(0);
      if (st.isFile() && st.size > max) throw tooLarge(name, what, max, st.size);
      if (st.isCharacterDevice() && !process.stdin.isTTY) throw new InputError(`stdin: ${what}: stdin is a device, not a file or a pipe`);
      return readCapped(0, name, what, max);
    }
    // stat, not open: opening a FIFO with no writer blocks forever.
    const st = statSync(source);
    const wrong = kindOf(st);
    if (wrong) throw new InputError(`cannot read ${what} "${source}": ${wrong}`);
    if (st.size > max) throw tooLarge(name, what, max, st.size);
    fd = openSync(source, 'r');
    return readCapped(fd, name, what, max);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
    throw new InputError(`cannot read ${what} "${name}": ${why}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
