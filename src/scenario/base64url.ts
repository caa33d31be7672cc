/**
 * base64url without padding (RFC 4648 section 5). Our own, because atob/btoa work on
 * "binary strings" and differ in how they report bad input across engines.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));

export function encodeBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
    if (b1 !== undefined) out += ALPHABET[(n >> 6) & 63]!;
    if (b2 !== undefined) out += ALPHABET[n & 63]!;
  }
  return out;
}

export type DecodeResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/** Accepts trailing "=" padding, which some tools add; rejects anything else outside the alphabet. */
export function decodeBase64url(text: string): DecodeResult {
  const body = text.replace(/={1,2}$/, '');
  // Four characters carry three bytes; a lone trailing character carries none.
  if (body.length % 4 === 1) return { ok: false, error: `length ${body.length} is not a whole number of bytes` };
  const bytes = new Uint8Array(Math.floor((body.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < body.length; i++) {
    const v = VALUE.get(body.charCodeAt(i));
    if (v === undefined) return { ok: false, error: `character ${JSON.stringify(body[i])} at position ${i} is not base64url` };
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[o++] = (acc >> bits) & 0xff;
    }
  }
  return { ok: true, bytes };
}
