/**
 * MurmurHash3_x86_32 (Austin Appleby, public domain): the stable, well-known hash that places
 * tokens and keys on the ring. Pure and dependency-free so views, workers and benches share it.
 */

/** UTF-8 bytes of a string, encoded by hand so the module needs no host API (TextEncoder). */
function utf8(key: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < key.length; i++) {
    let c = key.charCodeAt(i);
    // Join a surrogate pair into one code point; a lone surrogate becomes U+FFFD like TextEncoder.
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < key.length ? key.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xdc00 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** True when every char is ASCII, so bytes equal char codes and encoding can be skipped. */
function isAscii(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0x7f) return false;
  return true;
}

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** MurmurHash3_x86_32 over the UTF-8 bytes of `key`; an unsigned 32-bit result. */
export function murmur3(key: string, seed = 0): number {
  const ascii = isAscii(key);
  const bytes = ascii ? null : utf8(key);
  const len = bytes ? bytes.length : key.length;
  const at = bytes ? (i: number) => bytes[i]! : (i: number) => key.charCodeAt(i);
  let h = seed >>> 0;
  const blocks = len & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = at(i) | (at(i + 1) << 8) | (at(i + 2) << 16) | (at(i + 3) << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  // The 1 to 3 tail bytes, little-endian, mixed like a block but without the h rotation.
  const tail = len & 3;
  if (tail > 0) {
    let k = at(blocks);
    if (tail > 1) k |= at(blocks + 1) << 8;
    if (tail > 2) k |= at(blocks + 2) << 16;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  return fmix32(h ^ len);
}

/** MurmurHash3's finalizer: a bijection of 32-bit words with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The ring position of server's i-th virtual node. Computed from the id so every node agrees. */
export function tokenOf(server: string, i: number): number {
  return murmur3(`${server}#${i}`);
}
