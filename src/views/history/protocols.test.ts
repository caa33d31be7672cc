/**
 * Every protocol with clients feeds the client history, and the History view is offered for
 * it: a curated scenario of each gives answered operations, lanes in the view's model, and
 * the 'history' panel (views/panelIds.ts), whether or not the protocol names it.
 */
import { describe, expect, it } from 'vitest';
import { protocols } from '../../protocols/registry';
import { createSession } from '../../store/session';
import { buildHistory } from '../../check/history';
import { panelIds } from '../panelIds';
import { historyModel } from './model';

const WITH_CLIENTS = ['raft', 'paxos', 'multipaxos', 'zab', 'lock', 'chash'];

describe('client histories of every protocol with clients', () => {
  it('the protocols with a clientHistory hook are exactly those with clients', () => {
    const hooked = [...protocols.values()].filter((m) => m.clientHistory).map((m) => m.id);
    expect(hooked.sort()).toEqual([...WITH_CLIENTS].sort());
  });

  for (const id of WITH_CLIENTS) {
    it(`${id}: a curated scenario records answered ops, and the History view shows them`, () => {
      const module = protocols.get(id)!;
      expect(panelIds(module)).toContain('history');
      let best: { name: string; answered: number; lanes: number } | null = null;
      for (const s of module.scenarios) {
        if (s.compare) continue;
        const store = createSession(s);
        store.getState().seekStep(1e9);
        const sim = store.getState().sim;
        const ops = buildHistory(module, sim.events).ops;
        const answered = ops.filter((o) => o.status === 'ok' && o.endSeq !== undefined && o.endSeq >= o.invokeSeq).length;
        if (answered === 0) continue;
        // Every op's client is a node of the run, and the view has a lane for each client.
        for (const o of ops) expect(s.nodes).toContain(o.client);
        const lanes = historyModel(module, sim.events, sim.violations, sim.events.length).lanes;
        expect(lanes.map((l) => l.client).sort()).toEqual([...new Set(ops.map((o) => o.client))].sort());
        best = { name: s.name ?? '', answered, lanes: lanes.length };
        break;
      }
      expect(best, `no curated ${id} scenario answered a client`).not.toBeNull();
      expect(best!.lanes).toBeGreaterThan(0);
    });
  }
});
