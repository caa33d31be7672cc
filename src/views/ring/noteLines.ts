/**
 * The ring's centre note ("No keys stored yet…") wrapped to the free disc inside the key
 * track, so it never runs over the ring, its tokens or its nodes (issue 17). Text widths are
 * estimated, generously, from the characters: wide (CJK) ones 1 em, others 0.62 em. No DOM.
 */

/** The free disc's radius, as a fraction of the ring's: inside the innermost key dots (at
 * 85/118 of the ring, less a moved key's 6.5-unit halo), and so inside the glyphs of the
 * nodes on the ring (their radius is at most a quarter of the ring's). */
export const NOTE_DISC = 0.66;
export const NOTE_FONT = 12;
export const NOTE_LINE = 15;

const wide = (ch: string) => ch.charCodeAt(0) > 0x2e7f;
/** Estimated width of `text` at `font` px. */
export function textWidth(text: string, font: number): number {
  let w = 0;
  for (const ch of text) w += wide(ch) ? 1 : ch === ' ' ? 0.32 : 0.62;
  return w * font;
}

/** Break points: after each space, and between wide characters (CJK wraps anywhere). */
function pieces(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    cur += ch;
    if (ch === ' ' || wide(ch)) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Room on a line `dy` from the disc's centre (its nearer edge's chord), `disc` its radius. */
const room = (disc: number, dy: number) => {
  const y = Math.abs(dy) + NOTE_LINE / 2;
  return y >= disc ? 0 : 2 * Math.sqrt(disc * disc - y * y);
};

export interface NoteLines {
  lines: string[];
  /** The first line's offset from the centre; each next one is NOTE_LINE lower. */
  top: number;
  /** The widest line's estimated width. */
  width: number;
}

/**
 * `text` in as few centred lines as fit the disc of radius NOTE_DISC × `ringRadius`: each line
 * no wider than the disc's chord at its height. Null when no count of lines fits (a small ring).
 */
export function noteLines(text: string, ringRadius: number): NoteLines | null {
  const disc = ringRadius * NOTE_DISC;
  const parts = pieces(text);
  for (let count = 1; count <= 8; count++) {
    const top = -((count - 1) * NOTE_LINE) / 2;
    const rooms = Array.from({ length: count }, (_, i) => room(disc, top + i * NOTE_LINE));
    const lines: string[] = [];
    let k = 0;
    for (let i = 0; i < count && k < parts.length; i++) {
      let line = parts[k++]!;
      while (k < parts.length && textWidth((line + parts[k]!).trimEnd(), NOTE_FONT) <= rooms[i]!) line += parts[k++]!;
      // The trailing space stays, so the text reads whole (textContent) across the lines.
      lines.push(line);
    }
    const widths = lines.map((l) => textWidth(l.trimEnd(), NOTE_FONT));
    // Every piece placed, in exactly `count` lines (so the block is centred), each in its room.
    if (k >= parts.length && lines.length === count && widths.every((w, i) => w <= rooms[i]!)) return { lines, top, width: Math.max(...widths) };
  }
  return null;
}

/** Room kept between a corner caption and the stage's edge. */
const CORNER = 8;

/** `text` greedily wrapped to lines no wider than `width`. */
export function wrapTo(text: string, width: number): string[] {
  const parts = pieces(text);
  const lines: string[] = [];
  let k = 0;
  while (k < parts.length) {
    let line = parts[k++]!;
    while (k < parts.length && textWidth((line + parts[k]!).trimEnd(), NOTE_FONT) <= width) line += parts[k++]!;
    lines.push(line);
  }
  return lines;
}

export interface NotePlace {
  lines: string[];
  /** Where the first line's middle is, in the stage's units, and how the lines align there. */
  x: number;
  y: number;
  anchor: 'middle' | 'start';
}

/**
 * Where the ring's note goes: centred inside the ring when it fits there, else as a caption in
 * the stage's top-left corner, wrapped to the room left of the ring and its labels (`side`:
 * the room a ring node's label takes beside it).
 */
export function notePlace(text: string, center: { x: number; y: number }, ringRadius: number, side: number): NotePlace {
  const inside = noteLines(text, ringRadius);
  if (inside) return { lines: inside.lines, x: center.x, y: center.y + inside.top, anchor: 'middle' };
  const width = Math.max(170, center.x - ringRadius - side - CORNER);
  return { lines: wrapTo(text, width), x: CORNER, y: CORNER + NOTE_LINE / 2, anchor: 'start' };
}
