/** Raw DEFLATE decompression that stops as soon as the output passes a cap (zip bombs). */
import { Inflate } from 'fflate';

/**
 * Input bytes per push. DEFLATE expands at most about 1032:1, so one push can overshoot the
 * cap by at most ~260 KiB, and a bomb is abandoned after a few pushes.
 */
const CHUNK = 256;
/** The most one push can produce (DEFLATE's best ratio is about 1032:1, plus a block). */
export const MAX_PUSH_OUTPUT = CHUNK * 1032 + 65536;

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  /** `read`: input bytes consumed before stopping, which shows that a bomb was cut short;
   * `produced`: bytes inflated before stopping; `kept`: bytes held (never past the cap). */
  | { ok: false; reason: 'too-large'; read: number; produced: number; kept: number }
  | { ok: false; reason: 'corrupt' };

export function inflateCapped(input: Uint8Array, cap: number): InflateResult {
  const parts: Uint8Array[] = [];
  let size = 0;
  let kept = 0;
  // The cap is checked before anything is kept or allocated: past it, output is only counted.
  const inflater = new Inflate((data) => {
    size += data.length;
    if (size <= cap) {
      parts.push(data);
      kept += data.length;
    }
  });
  try {
    let read = 0;
    do {
      const end = Math.min(input.length, read + CHUNK);
      // The last chunk goes with final = true: only then does a stream that stops mid-block
      // throw rather than quietly return a short result (an empty final push checks nothing).
      inflater.push(input.subarray(read, end), end === input.length);
      read = end;
      if (size > cap) return { ok: false, reason: 'too-large', read, produced: size, kept };
    } while (read < input.length);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (size > cap) return { ok: false, reason: 'too-large', read: input.length, produced: size, kept };
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { ok: true, bytes };
}
