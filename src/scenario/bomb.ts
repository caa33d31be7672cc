/**
 * A DEFLATE bomb for the codec's test and its bench: about 180 MB of zeros in under 190 KB,
 * one byte-aligned, non-final block that inflates to 1 MiB of zeros, repeated, then an empty
 * final block. Fully inflating it takes seconds.
 */
import { Deflate } from 'fflate';

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function bigBomb(copies = 180): { bytes: Uint8Array; inflated: number } {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  deflate.push(new Uint8Array(1 << 20), false);
  deflate.flush(true);
  const block = concat(parts);
  const finalEmptyBlock = new Uint8Array([0x03, 0x00]);
  return { bytes: concat([...Array.from({ length: copies }, () => block), finalEmptyBlock]), inflated: copies << 20 };
}
