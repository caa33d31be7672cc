/**
 * Where a client-history bar's label goes, so it never runs over the next bar of its row (the
 * lock page at 1024 px showed "✓ a" where "✓ acquire L" ran into "✗ write L=a"). The width is
 * estimated from the character count: measuring each label would force a layout per bar.
 */

/** An 11 px label's average character width, slightly generous so an estimate never overlaps. */
const CHAR_PX = 6.6;
/** Padding on each side of a label. */
const PAD = 3;

export interface LabelFit {
  /** 'inside' the bar, 'after' it (in the free room to its right), or 'none' (the tooltip only). */
  at: 'inside' | 'after' | 'none';
  /** The text to draw: the whole label, or its head with "…" when only part fits. */
  text: string;
}

const widthOf = (text: string) => [...text].length * CHAR_PX + 2 * PAD;

/** The longest head of `text` (with "…") that fits `px`, or null when not even a character does. */
function head(text: string, px: number): string | null {
  const chars = [...text];
  const fit = Math.floor((px - 2 * PAD) / CHAR_PX) - 1;
  return fit >= 2 ? `${chars.slice(0, fit).join('')}…` : null;
}

/**
 * `bar`: the bar's width; `room`: the free width between its end and the next bar of its row
 * (or the lane's end). `mark`: the status mark, kept when the whole label fits nowhere.
 */
export function fitLabel(text: string, mark: string, bar: number, room: number): LabelFit {
  if (widthOf(text) <= bar) return { at: 'inside', text };
  if (widthOf(text) <= room) return { at: 'after', text };
  // Truncated where there is more space; else at least the status mark.
  const [at, px] = room > bar ? (['after', room] as const) : (['inside', bar] as const);
  const cut = head(text, px);
  if (cut && cut.length > mark.length + 2) return { at, text: cut };
  // A mark alone may sit on the bar's edges.
  const markPx = [...mark].length * CHAR_PX + 2;
  if (markPx <= bar) return { at: 'inside', text: mark };
  if (markPx <= room) return { at: 'after', text: mark };
  return { at: 'none', text: '' };
}

/** Each bar's free room to its right: up to the next bar of its sub-row, or `end` (px). */
export function roomAfter<O extends { id: string }>(ops: readonly O[], row: ReadonlyMap<string, number>, x0: (o: O) => number, x1: (o: O) => number, end: number): Map<string, number> {
  const byRow = new Map<number, O[]>();
  for (const o of ops) {
    const r = row.get(o.id) ?? 0;
    const list = byRow.get(r);
    if (list) list.push(o);
    else byRow.set(r, [o]);
  }
  const room = new Map<string, number>();
  for (const list of byRow.values()) {
    list.sort((a, b) => x0(a) - x0(b));
    list.forEach((o, i) => room.set(o.id, Math.max(0, (i + 1 < list.length ? x0(list[i + 1]!) : end) - x1(o) - 2)));
  }
  return room;
}
