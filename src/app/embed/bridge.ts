/**
 * The embed's postMessage bridge to its host page (docs/embed.md). It reports the cursor
 * (step, time, total steps), a tour's progress, answers and completion, and takes "go to a
 * step", "go to a tour step", play and pause. It talks to one origin, fixed at start-up
 * (origin.ts): messages from any other window or origin are dropped unread, malformed ones are
 * dropped with a console warning, and everything it sends is posted to that origin only.
 */
import type { SessionState, SessionStore } from '../../store/session';
import { MAX_ID, PROTOCOL_VERSION, capAnswers, capText, checkHostMessage, type EmbedMessage, type HostMessage } from './messages';

/** What a tour player exposes (the tours feature provides one; the lead wires it). */
export interface TourProgressSource {
  get(): { tourId: string | null; step: number; steps: number; answers: Record<string, string>; completed: boolean };
  subscribe(listener: () => void): () => void;
  goTo(step: number): void;
}

export interface BridgeEnv {
  /** Where host messages arrive (the embed's window). */
  listen(handler: (e: Pick<MessageEvent, 'data' | 'origin' | 'source'>) => void): () => void;
  /** The host window (window.parent). */
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  /** The host's origin, fixed at start-up. */
  origin: string;
  warn(message: string): void;
  /** Coalesces cursor reports while playing (defaults to a 100 ms timer). */
  later?(fn: () => void): () => void;
}

export interface Bridge {
  connectTourProgress(source: TourProgressSource): () => void;
  stop(): void;
}

const REPORT_MS = 100;

const int = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

/** What the host is told about the locks (locks.ts). */
export interface BridgeLocks {
  range: [number, number] | null;
  editing(): boolean;
}

export function createBridge(store: SessionStore, locks: BridgeLocks, env: BridgeEnv): Bridge {
  const later = env.later ?? ((fn: () => void) => ((id) => () => clearTimeout(id))(setTimeout(fn, REPORT_MS)));
  const post = (message: EmbedMessage) => {
    try {
      env.parent.postMessage(message, env.origin);
    } catch (e) {
      env.warn(`Faultline embed: could not post ${message.type}: ${String(e)}`);
    }
  };
  const cursor = (s: SessionState) => ({ step: s.frame.step, total: s.sim.eventCount, time: Math.round(s.frame.time * 1000) / 1000, until: s.sim.scenario.until });
  const postStep = () => {
    const s = store.getState();
    post({ type: 'faultline:step', v: PROTOCOL_VERSION, ...cursor(s), playing: s.playing });
  };
  const postReady = () => {
    const s = store.getState();
    post({ type: 'faultline:ready', v: PROTOCOL_VERSION, protocol: s.module.id, scenario: capText(s.sim.scenario.name, MAX_ID), ...cursor(s), locks: { edit: !locks.editing(), range: locks.range } });
  };

  // Reports the cursor at most every REPORT_MS, and always its last position.
  let pending: (() => void) | null = null;
  const scheduleStep = () => {
    pending ??= later(() => {
      pending = null;
      postStep();
    });
  };
  const unwatch = store.subscribe(
    (s) => [s.frame.step, s.playing, s.sim.eventCount, s.revision] as const,
    scheduleStep,
    { equalityFn: (a, b) => a.every((x, i) => x === b[i]) },
  );

  let tour: TourProgressSource | null = null;
  let unTour: (() => void) | null = null;
  let last: { key: string; answers: Record<string, string>; completed: boolean; tourId: string | null } | null = null;
  const reportTour = (force: boolean) => {
    if (!tour) return;
    const p = tour.get();
    // No tour loaded (yet): nothing to report unprompted. A tour that was on and left is
    // reported once; a host's hello (force) always gets the tour state, null included.
    if (!force && p.tourId === null && (last === null || last.tourId === null)) return;
    const tourId = p.tourId === null ? null : capText(p.tourId, MAX_ID);
    const step = int(p.step);
    const steps = int(p.steps);
    const completed = p.completed === true;
    const answers = capAnswers(p.answers);
    const key = JSON.stringify([tourId, step, steps, completed]);
    const sameTour = last !== null && last.tourId === tourId;
    if (force || key !== last?.key) post({ type: 'faultline:tour', v: PROTOCOL_VERSION, tourId, step, steps, completed });
    for (const [question, answer] of Object.entries(answers)) {
      if (sameTour && last!.answers[question] === answer && !force) continue;
      post({ type: 'faultline:answer', v: PROTOCOL_VERSION, tourId, question, answer });
    }
    if (completed && !(sameTour && last!.completed)) post({ type: 'faultline:complete', v: PROTOCOL_VERSION, tourId, steps, answers });
    last = { key, answers, completed, tourId };
  };

  const handle = (m: HostMessage) => {
    const s = store.getState();
    switch (m.type) {
      case 'faultline:hello':
        postReady();
        postStep();
        reportTour(true);
        return;
      case 'faultline:goto':
        s.pause();
        // The store's seek is the locked one in a range: it clamps.
        store.getState().seekStep(m.step);
        return;
      case 'faultline:tour-goto': {
        if (!tour) return env.warn('Faultline embed: ignored faultline:tour-goto: no tour is playing');
        const steps = int(tour.get().steps);
        if (m.step >= steps) return env.warn(`Faultline embed: ignored faultline:tour-goto: step ${m.step} is past the tour's ${steps} steps`);
        tour.goTo(m.step);
        return;
      }
      case 'faultline:play':
        s.play();
        return;
      case 'faultline:pause':
        s.pause();
        return;
    }
  };

  const unlisten = env.listen((e) => {
    // Only the parent window at the fixed origin: anything else is not ours to read.
    if (e.source !== env.parent || e.origin !== env.origin) return;
    const checked = checkHostMessage(e.data);
    if (!checked.ok) return env.warn(`Faultline embed: ignored a malformed message (${checked.reason})`);
    handle(checked.message);
  });

  postReady();
  postStep();

  return {
    connectTourProgress(source) {
      unTour?.();
      tour = source;
      last = null;
      const off = source.subscribe(() => reportTour(false));
      unTour = () => {
        off();
        if (tour === source) tour = null;
        unTour = null;
      };
      reportTour(false);
      const mine = unTour;
      return () => {
        if (unTour === mine) mine();
      };
    },
    stop() {
      unlisten();
      unwatch();
      unTour?.();
      pending?.();
      pending = null;
    },
  };
}

// The page's one bridge, and the tour source connected to it (which may come first).
let active: Bridge | null = null;
let waiting: TourProgressSource | null = null;
let disconnect: (() => void) | null = null;

export function startBridge(store: SessionStore, locks: BridgeLocks, env: BridgeEnv): Bridge {
  active?.stop();
  active = createBridge(store, locks, env);
  disconnect = waiting ? active.connectTourProgress(waiting) : null;
  return active;
}

/** Connects a tour's progress to the host page: reports it while the page is embedded, and
 * lets the host move the tour. Safe to call in the full app (nothing is sent) and before the
 * bridge starts. Returns a disconnect. */
export function connectTourProgress(source: TourProgressSource): () => void {
  disconnect?.();
  waiting = source;
  disconnect = active ? active.connectTourProgress(source) : null;
  return () => {
    if (waiting !== source) return;
    waiting = null;
    disconnect?.();
    disconnect = null;
  };
}
