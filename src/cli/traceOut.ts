/**
 * `run --out`: the trace is written while the run goes, event by event, so a run of a million
 * events never holds its whole JSON text. The bytes are exactly `JSON.stringify(sim.trace())`
 * (trace format version 1, docs/formats.md). The file is opened before the run, so a path that
 * cannot be written fails at once; any write error (a full disk) removes the partial file.
 */
import { closeSync, fstatSync, openSync, unlinkSync, writeSync } from 'node:fs';
import type { Scenario } from '../scenario/types';
import type { Trace, TraceEvent, Violation } from '../sim/types';
import { InputError } from './args';

/** Bytes gathered before a write: few system calls, little memory. */
const FLUSH_AT = 1024 * 1024;

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no space left on the disk';
    case 'ENOTDIR':
      return 'part of the path is not a folder';
    default:
      return (e as Error).message;
  }
}

/** Write errors are the user's to fix (a path, a disk): exit 2 with a message, no stack. */
export class OutputError extends InputError {}

export class TraceWriter {
  private fd: number | null;
  private parts: string[] = [];
  private pending = 0;
  private first = true;
  /** Only a regular file is removed on failure: `--out /dev/stdout` is not ours to delete. */
  private readonly regular: boolean;

  constructor(readonly path: string) {
    try {
      this.fd = openSync(path, 'w');
      this.regular = fstatSync(this.fd).isFile();
    } catch (e) {
      throw new OutputError(`cannot write the trace to "${path}": ${why(e)}`);
    }
  }

  begin(scenario: Scenario): void {
    this.put(`{"format":"faultline-trace","version":1,"scenario":${JSON.stringify(scenario)},"events":[`);
  }

  event(e: TraceEvent): void {
    this.put(this.first ? JSON.stringify(e) : `,${JSON.stringify(e)}`);
    this.first = false;
  }

  end(final: Trace['final'], violations: readonly Violation[]): void {
    this.put(`],"final":${JSON.stringify(final)},"violations":${JSON.stringify(violations)}}`);
    this.flush();
    const fd = this.fd!;
    this.fd = null;
    try {
      closeSync(fd);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Gives up: closes and removes the partial file. */
  abort(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // Closing a file that failed to write can fail again; the unlink below still runs.
    }
    this.fd = null;
    if (!this.regular) return;
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone, or never ours to remove.
    }
  }

  private put(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.fd === null || this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.pending = 0;
    try {
      let off = 0;
      while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): never {
    this.abort();
    throw new OutputError(`cannot write the trace to "${this.path}": ${why(e)}${this.regular ? ' (the partial file was removed)' : ''}`);
  }
}
