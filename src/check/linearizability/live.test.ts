/**
 * The live invariant (incremental, a window of the last order re-searched) agrees with the
 * offline checker (a full search) on every prefix of random histories, and names the first
 * answer that broke a corrupted one.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linearizabilityInvariant } from './invariant';
import { checkHistory } from './check';
import { syntheticEvents } from './synthetic';
import { ClientHistory } from '../history';
import type { ProtocolModule } from '../../protocols/types';
import type { TraceEvent } from '../../sim/types';

function feed(events: ReturnType<typeof syntheticEvents>) {
  const records = new Map(events.map((e) => [e.seq, e.records]));
  const module = { clientHistory: (e: TraceEvent) => records.get(e.seq) ?? [] } as unknown as ProtocolModule;
  const check = linearizabilityInvariant(module).create({ nodes: [], params: { bugs: [] } });
  const offline = new ClientHistory();
  for (const e of events) {
    const event = { seq: e.seq, time: e.seq, kind: 'command' } as TraceEvent;
    const live = check({ event, nodes: new Map() });
    offline.apply(event, e.records);
    const ok = checkHistory(offline).every((v) => v.ok);
    expect(live === null, `at ${e.seq}`).toBe(ok);
    if (live) return { seq: e.seq, message: live.message };
  }
  return null;
}

describe('the live invariant', () => {
  it('agrees with a full search after every event of random histories', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 6 }), fc.boolean(), (seed, clients, corrupt) => {
        feed(syntheticEvents({ ops: 60, clients, keys: 2, seed, info: 0.1, corrupt }));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('stops at the corrupted read and names it', () => {
    const found = feed(syntheticEvents({ ops: 300, clients: 4, keys: 1, seed: 3, corrupt: true }));
    expect(found).not.toBeNull();
    expect(found!.message).toMatch(/get\(k0\) → -1/);
  });
});
