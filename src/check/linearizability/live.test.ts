/**
 * The live invariant (incremental, a window of the last order re-searched) agrees with the
 * offline checker (a full search) on every prefix of random histories, and names the first
 * answer that broke a corrupted one.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linearizabilityInvariant } from './invariant';
import { checkHistory } from './check';
import { IncrementalKey } from './incremental';
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

describe('the live check of one hot key', () => {
  it('costs an answer the ops near it, not the whole history', () => {
    // 4,000 ops on one key: were the check rebuilt per answer, the later answers would each
    // search thousands of ops. Counted in ops handed to the search, not in time.
    const h = new ClientHistory();
    const inc = new IncrementalKey();
    const searched: number[] = [];
    for (const e of syntheticEvents({ ops: 4000, clients: 5, keys: 1, seed: 11 })) {
      const touched = h.apply({ seq: e.seq, time: e.seq, kind: 'command' } as TraceEvent, e.records);
      if (!touched.some((o) => o.status === 'ok')) continue;
      expect(inc.check(h.byKey('k0'), touched, 2_000_000)).toBe(true);
      searched.push(inc.lastSearched);
    }
    expect(inc.undecided).toBe(false);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const early = mean(searched.slice(200, 1200));
    const late = mean(searched.slice(-1000));
    expect(late).toBeLessThan(60);
    expect(late).toBeLessThan(2 * early + 10);
  });
});
