/**
 * Opening a run whose protocol is not loaded yet (issue 17: each protocol is a chunk of its
 * own). The session's `load` and `replace` defer through here, so every path that opens a run
 * (a scenario, a link, a new run, an import, compare, the explorer, a tour) works unchanged;
 * a caller that must act on the opened run right away awaits `ensureProtocols` first.
 */
import type { Scenario } from '../scenario/types';
import { PROTOCOL_IDS, isLoaded, loadProtocol } from '../protocols/loader';

/** The known protocols the scenario runs (its own, and a compared one) that are not loaded. */
export function missingProtocols(scenario: Scenario): string[] {
  const ids = [scenario.protocol, scenario.compare?.protocol];
  return ids.filter((id): id is string => !!id && PROTOCOL_IDS.includes(id) && !isLoaded(id));
}

/** Loads every protocol the scenario runs. */
export async function ensureProtocols(scenario: Scenario): Promise<void> {
  await Promise.all(missingProtocols(scenario).map(loadProtocol));
}

/**
 * False when the scenario's protocols are all loaded (go on now). Otherwise loads them, then
 * calls `then` (or `failed`, when a chunk could not be fetched), and returns true.
 */
export function deferUntilLoaded(scenario: Scenario, then: () => void, failed: (reason: string) => void): boolean {
  if (missingProtocols(scenario).length === 0) return false;
  const opened = ensureProtocols(scenario).then(then, (e: unknown) => failed(e instanceof Error ? e.message : String(e)));
  inFlight = opened;
  void opened.finally(() => {
    if (inFlight === opened) inFlight = null;
  });
  return true;
}

/** The run being opened while its protocol loads, if any. */
let inFlight: Promise<void> | null = null;

/**
 * Runs `act` now, or, while a run is being opened, once it is open (walk-through: End pressed
 * just after opening a scenario acted on the old run, which the opened one then replaced, so
 * End seemed to do nothing). Returns whether it waited.
 */
export function afterOpening(act: () => void): boolean {
  if (!inFlight) {
    act();
    return false;
  }
  void inFlight.then(act);
  return true;
}

/** For the views: readers that look protocols up, and the menus that list them all. */
export { PROTOCOL_IDS, loadAllProtocols, withProtocols } from '../protocols/loader';
