/**
 * The zoomed-out picture: when too many messages are in view for arrows, each lane shows how
 * many messages start or end per pixel column (and, below, how many are lost), on a log scale
 * of a few shades. Computed from the window's events only, and cached until the window, the
 * width or the run changes.
 */
import type { Scene } from './scene';

/** Shades of the density view. */
export const DENSITY_LEVELS = 8;

/** Message ends per lane and pixel column, from the window's events only. */
export function fillDensity(scene: Scene): void {
  const { events, index, win, width, count } = scene.input;
  const cols = Math.max(1, Math.floor(width));
  const lanes = index.lanes.length;
  const key = `${win.start}:${win.end}:${cols}:${count}:${lanes}`;
  if (key === scene.densityKey) return;
  scene.densityKey = key;
  if (scene.density.length !== cols * lanes) {
    scene.density = new Uint16Array(cols * lanes);
    scene.lossDensity = new Uint16Array(cols * lanes);
    scene.levels = new Uint8Array(2 * cols * lanes);
  } else {
    scene.density.fill(0);
    scene.lossDensity.fill(0);
  }
  const d = scene.density;
  const l = scene.lossDensity;
  const k = cols / (win.end - win.start);
  let max = 0;
  let messages = 0;
  const bump = (arr: Uint16Array, lane: number, t: number) => {
    const c = Math.floor((t - win.start) * k);
    if (lane < 0 || c < 0 || c >= cols) return;
    const i = lane * cols + c;
    if (arr[i]! < 0xffff) arr[i]!++;
    if (arr === d && arr[i]! > max) max = arr[i]!;
  };
  const [lo, hi] = [scene.lo, scene.hi];
  for (let i = lo; i < hi; i++) {
    const e = events[i]!;
    if (e.sent) for (const m of e.sent) bump(d, index.from[m.id] ?? -1, e.time);
    if (e.kind === 'crash' && e.reason === undefined && Array.isArray(e.detail?.lostMessages)) {
      const lane = index.laneOf.get(e.node ?? '') ?? -1;
      for (let j = 0; j < e.detail.lostMessages.length; j++) bump(l, lane, e.time);
      messages += e.detail.lostMessages.length;
    }
    const m = e.message;
    if (!m || (e.reason !== undefined && e.kind !== 'lost')) continue;
    if (e.kind === 'deliver') {
      bump(d, index.to[m.id] ?? -1, e.time);
      messages++;
    } else if (e.kind === 'lost' || e.kind === 'drop') {
      bump(l, index.to[m.id] ?? -1, e.time);
      messages++;
    }
  }
  scene.densityMax = max;
  scene.densityMessages = messages;
  let lossMax = 0;
  for (let i = 0; i < l.length; i++) if (l[i]! > lossMax) lossMax = l[i]!;
  const n = cols * lanes;
  const logD = Math.log1p(Math.max(1, max));
  const logL = Math.log1p(Math.max(1, lossMax));
  const top = DENSITY_LEVELS - 1;
  for (let i = 0; i < n; i++) {
    const a = d[i]!;
    const b = l[i]!;
    scene.levels[i] = a === 0 ? 0 : 1 + Math.min(top, Math.floor((Math.log1p(a) / logD) * top));
    scene.levels[n + i] = b === 0 ? 0 : 1 + Math.min(top, Math.floor((Math.log1p(b) / logL) * top));
  }
}
