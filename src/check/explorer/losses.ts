/**
 * Shrinking step 1, random network decisions made explicit (DEMi's "externalize"): the
 * messages the link's loss rate dropped become `drop` actions, and the rate goes to zero.
 */
import type { ProtocolModule } from '../../protocols/types';
import type { Action, Scenario } from '../../scenario/types';
import { Simulation } from '../../sim/simulation';

/**
 * The scenario with each random loss as a drop action placed right after the event that sent
 * the message (its `step`). Each drop action is an event of its own, so every `step` after one
 * grows by the drops placed before it: left as they were, later drops would come due before
 * their message was sent, and the run would not be the same.
 */
export function explicitLosses(module: ProtocolModule, s: Scenario): { scenario: Scenario; drops: number } {
  const sim = new Simulation(module, s, { checkpointEvery: 0 }).run();
  const sentBy = new Map<number, { at: number; step: number }>();
  for (const e of sim.events) for (const m of e.sent ?? []) sentBy.set(m.id, { at: e.time, step: e.seq + 1 });
  const drops: { at: number; do: 'drop'; message: number; step: number }[] = [];
  for (const e of sim.events) {
    if (e.kind !== 'lost' || e.reason !== 'dropped' || !e.message) continue;
    const from = sentBy.get(e.message.id);
    if (from) drops.push({ at: from.at, do: 'drop', message: e.message.id, step: from.step });
  }
  drops.sort((a, b) => a.at - b.at || a.step - b.step);
  // Merge without reordering the scenario's own actions: a drop goes before the first action
  // that comes due after it (a later time, or the same time at a later trace position).
  const actions: Action[] = [];
  let d = 0;
  let placed = 0;
  const shifted = (a: Action): Action => (a.step === undefined || placed === 0 ? a : ({ ...a, step: a.step + placed } as Action));
  for (const a of s.actions) {
    while (d < drops.length && (drops[d]!.at < a.at || (drops[d]!.at === a.at && a.step !== undefined && a.step > drops[d]!.step))) {
      actions.push(shifted(drops[d++]!));
      placed++;
    }
    actions.push(shifted(a));
  }
  while (d < drops.length) {
    actions.push(shifted(drops[d++]!));
    placed++;
  }
  return { scenario: { ...s, actions, network: { ...s.network, drop: 0 } }, drops: drops.length };
}
