/**
 * The space-time diagram's palette, in one place so the canvas, the SVG export and the legend
 * agree. Message colours come from the cluster view's families (cluster/palette.ts), so both
 * views speak one visual language.
 */
import { messageColor } from '../cluster/palette';

export const C = {
  bg: '#ffffff',
  alt: '#f8fafc',
  future: '#eef2f6',
  selectBg: '#e0ecff',
  ink: '#111827',
  muted: '#64748b',
  grid: '#eef1f5',
  laneLine: '#cbd5e1',
  axis: '#94a3b8',
  accent: '#2563eb',
  danger: '#b91c1c',
  dangerSoft: '#dc2626',
  ok: '#15803d',
  warn: '#b45309',
  slate: '#475569',
  violet: '#7c3aed',
  downBg: '#f1f2f4',
  downLine: '#9ca3af',
  downInk: '#4b5563',
  pauseBg: '#fef3c7',
  pauseLine: '#d97706',
  pauseInk: '#92400e',
  density: '#334155',
  hover: '#64748b',
} as const;

/** Partition groups: the cluster view's band colours (cluster.css .cl-band-N), and an ink for their tags. */
export const BAND_FILL = ['#eff6ff', '#fff7ed', '#f0fdf4'];
export const BAND_INK = ['#1d4ed8', '#c2410c', '#15803d'];

/** Opacity of what lies after the cursor: recorded, visible, but not yet happened. */
export const FUTURE_ALPHA = 0.3;

/** Dash pattern of duplicates and partition walls. */
export const DASH = [4, 3];

const colors = new Map<string, string>();
/** A message type's family colour, cached because it is asked for every arrow of every frame. */
export function colorOf(type: string): string {
  let c = colors.get(type);
  if (c === undefined) {
    c = messageColor(type);
    colors.set(type, c);
  }
  return c;
}
