/** Reading a Chrome trace (Tracing.dataCollected events) for the benches: time by kind of work
 * inside windows marked with `performance.mark('seek-a')` … `performance.mark('seek-b')`. */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** The kinds of work a seek's window is made of (nested: a FunctionCall holds the forced
 * style and layout it caused). */
const KINDS = ['RunTask', 'FunctionCall', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MC_BACKGROUND_MARKING', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'FireAnimationFrame', 'HitTest', 'ScheduleStyleRecalculation', 'InvalidateLayout'];

/** The page's main thread's events, in time order, and its marked windows. */
function windowsOf(events: readonly TraceEvent[]): { on: TraceEvent[]; spans: [number, number][] } | null {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return null;
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
  const spans: [number, number][] = [];
  let open: number | null = null;
  for (const e of on) {
    if (e.name === 'seek-a') open = e.ts;
    else if (e.name === 'seek-b' && open !== null) {
      spans.push([open, e.ts]);
      open = null;
    }
  }
  return { on, spans };
}

/** Per marked window, in order: its length and, per kind of work, the time and count inside it. */
export function perWindow(events: readonly TraceEvent[]): { us: number; kinds: Map<string, { us: number; n: number }> }[] {
  const w = windowsOf(events);
  if (!w) return [];
  const out = w.spans.map(([a, b]) => ({ us: b - a, kinds: new Map<string, { us: number; n: number }>() }));
  let i = 0;
  for (const e of w.on) {
    if (e.ph !== 'X' || !KINDS.includes(e.name)) continue;
    while (i < w.spans.length && w.spans[i]![1] < e.ts) i++;
    if (i >= w.spans.length) break;
    if (e.ts < w.spans[i]![0]) continue;
    const k = out[i]!.kinds.get(e.name) ?? { us: 0, n: 0 };
    k.us += e.dur ?? 0;
    k.n++;
    out[i]!.kinds.set(e.name, k);
  }
  return out;
}

/** Per kind, its total duration and count inside the marked windows, on the page's main thread. */
export function traceLines(events: readonly TraceEvent[], windows: number): string[] {
  const w = windowsOf(events);
  if (!w) return ['trace: no renderer main thread'];
  const { on, spans } = w;
  const inside = (ts: number) => spans.some(([a, b]) => ts >= a && ts <= b);
  const total = spans.reduce((n, [a, b]) => n + b - a, 0);
  const by = new Map<string, { us: number; n: number }>();
  for (const e of on) {
    if (e.ph !== 'X' || !KINDS.includes(e.name) || !inside(e.ts)) continue;
    const k = by.get(e.name) ?? { us: 0, n: 0 };
    k.us += e.dur ?? 0;
    k.n++;
    by.set(e.name, k);
  }
  return [
    `trace of ${spans.length} of ${windows} seeks: ${(total / 1000).toFixed(1)} ms in all (per seek, time and count):`,
    ...[...by].sort((a, b) => b[1].us - a[1].us).map(([name, k]) => `  ${name}: ${(k.us / 1000 / spans.length).toFixed(1)} ms, ${(k.n / spans.length).toFixed(1)}`),
  ];
}
