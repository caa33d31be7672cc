/**
 * A stable categorical palette by term (Observable 10 without its grey, which reads as
 * "disabled"). Each colour comes with the text colour, black or white, that contrasts most
 * with it, and a light tint for uncommitted entries. Colour is never the only signal: cells
 * print the term number too.
 */
export const TERM_PALETTE: readonly string[] = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e'];

const DARK = '#111827';
const LIGHT = '#ffffff';

export interface TermColor {
  /** Fill of a committed entry. */
  bg: string;
  /** Text on `bg`. */
  fg: string;
  /** Fill of an uncommitted entry: `bg` mixed with white. */
  tint: string;
  /** Text on `tint`. */
  tintFg: string;
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` mixed with white; `amount` is the share of white (0..1). */
export function mixWhite(color: string, amount: number): string {
  return hex(rgb(color).map((c) => c + (255 - c) * amount) as [number, number, number]);
}

const textOn = (bg: string): string => (contrast(bg, DARK) >= contrast(bg, LIGHT) ? DARK : LIGHT);

const cache = new Map<number, TermColor>();

/** The colours of a term: stable (term 1 is always the first colour), cycling past the palette. */
export function termColor(term: number): TermColor {
  const hit = cache.get(term);
  if (hit) return hit;
  const n = TERM_PALETTE.length;
  const i = (((Math.trunc(term) - 1) % n) + n) % n;
  const bg = TERM_PALETTE[i]!;
  const tint = mixWhite(bg, 0.62);
  const out = { bg, fg: textOn(bg), tint, tintFg: textOn(tint) };
  cache.set(term, out);
  return out;
}
