/**
 * Opening a large run without freezing the page (issue 10): the simulation records in chunks
 * of at most CHUNK_MS of work, yielding to the browser between them, and shows its progress.
 * Cancelling drops the run being built; the session keeps the run it had, so no work is lost.
 * The recorded run is exactly what `load` would record: the same steps, only spread in time.
 */
import { createStore } from 'zustand/vanilla';
import type { Scenario } from '../scenario/types';
import { Simulation } from '../sim/simulation';
import { ScenarioRuntimeError } from '../sim/world';
import { getProtocol } from '../protocols/loader';
import type { SessionStore } from './session';

/** Work per chunk, in ms of wall time: the page answers between chunks. */
const CHUNK_MS = 40;
/** Scenarios with fewer actions open at once, as before. */
export const CHUNKED_FROM_ACTIONS = 300;

export interface Loading {
  /** Events recorded so far, and the simulated time reached, of `until`. */
  events: number;
  time: number;
  until: number;
  /** The cursor wanted at the end, when the link names a step. */
  step?: number;
}

export interface LoaderState {
  loading: Loading | null;
  cancel(): void;
}

type Yield = () => Promise<void>;
const yieldToBrowser: Yield = () => new Promise((resolve) => setTimeout(resolve, 0));
const clock = () => performance.now();

/** `chunkMs`: work per chunk (at least 64 events); `yieldNow`: how to let the page answer. */
export function createLoader({ yieldNow = yieldToBrowser, chunkMs = CHUNK_MS }: { yieldNow?: Yield; chunkMs?: number } = {}) {
  let generation = 0;
  const store = createStore<LoaderState>()((set) => ({
    loading: null,
    cancel() {
      generation++;
      set({ loading: null });
    },
  }));

  /** Records `scenario` up to `step` (else through t = 0, as `load` does) in chunks, then
   * hands the run to the session as a replacement, with one undo. Resolves to whether it was
   * adopted (false when cancelled, replaced by a newer open, or the scenario failed). */
  async function open(session: SessionStore, scenario: Scenario, step?: number): Promise<boolean> {
    const module = getProtocol(scenario.protocol);
    if (!module) return false;
    const mine = ++generation;
    const sim = new Simulation(module, scenario);
    const progress = (): Loading => ({ events: sim.eventCount, time: sim.current.time, until: sim.scenario.until, ...(step === undefined ? {} : { step }) });
    store.setState({ loading: progress() });
    // The same steps as `load`: everything due at t = 0, then on to the step asked for.
    const next = () => (sim.eventCount < (step ?? 0) ? sim.step() : sim.step(0));
    try {
      for (;;) {
        const t0 = clock();
        let more = true;
        do for (let i = 0; i < 64 && (more = next() !== null); i++);
        while (more && clock() - t0 < chunkMs);
        if (!more) break;
        store.setState({ loading: progress() });
        await yieldNow();
        if (generation !== mine) return false;
      }
    } catch (e) {
      if (!(e instanceof ScenarioRuntimeError)) throw e;
      store.setState({ loading: null });
      session.getState().setNotice({ kind: 'error', key: 'notice.runError', detail: e.message });
      return false;
    }
    if (generation !== mine) return false;
    store.setState({ loading: null });
    session.getState().adopt(sim, step);
    return true;
  }

  return { store, open };
}

export type Loader = ReturnType<typeof createLoader>;

/** The app's loader: one at a time, shared by the boot, links and the progress view. */
export const loader = createLoader();
