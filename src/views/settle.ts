/**
 * Panels that follow a seek after the frame that shows it (issue 17, item 5). A seek's urgent
 * commit renders what the user is moving (the cluster view, the playback bar, the timeline);
 * the calmed panels (session.tsx's CalmSession: statistics, the log view, history, the
 * space-time diagram, the inspector) catch up in their own tasks once that frame is painted,
 * so pointer input can run between them. A seek that comes before they ran supersedes it.
 */

/** When frames do not come (a hidden tab), the panels still follow after this long. */
const NO_FRAME_MS = 100;

let pending = 0;
/** How long the latest catch-up tasks took, their React commit included (read by the bench). */
const taskMs: number[] = [];

/** How many calmed panels still have a seek to catch up with (the bench and tests wait for 0). */
export function deferredPending(): number {
  return pending;
}

/** The catch-up tasks' durations since the last call, in ms (and forgets them). */
export function takeTaskTimes(): number[] {
  return taskMs.splice(0);
}

/** Runs `fn` in a task after the next frame has been painted. Returns the cancel. */
export function afterFrame(fn: () => void): () => void {
  pending++;
  let done = false;
  let raf = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = () => {
    done = true;
    pending--;
    if (raf && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(raf);
    clearTimeout(timer);
  };
  const run = () => {
    if (done) return;
    finish();
    const start = performance.now();
    fn();
    // React commits a store update in a microtask queued during fn: this one runs after it.
    queueMicrotask(() => {
      if (taskMs.length >= 256) taskMs.shift();
      taskMs.push(performance.now() - start);
    });
  };
  timer = setTimeout(run, NO_FRAME_MS);
  if (typeof requestAnimationFrame === 'function') {
    // A frame callback runs before that frame's paint; the task it posts runs after it.
    raf = requestAnimationFrame(() => {
      raf = 0;
      clearTimeout(timer);
      timer = setTimeout(run, 0);
    });
  }
  return () => {
    if (!done) finish();
  };
}

/** Keys a seek changes (session.ts's `show`): the cursor's frame, its world, the furthest step seen. */
const CURSOR_KEYS = new Set(['frame', 'world', 'seen']);

/** Whether `next` differs from `shown` only where a seek changes the session. */
export function onlyCursorMoved(next: object, shown: object): boolean {
  const a = next as Record<string, unknown>;
  const b = shown as Record<string, unknown>;
  for (const key in a) if (a[key] !== b[key] && !CURSOR_KEYS.has(key)) return false;
  return true;
}
