/**
 * The live invariant (incremental.ts: a window of the last order re-searched, explainKey at the
 * first failing answer) against the whole-history check (check.ts: a full search per key, the
 * first failing answer by bisection) after every event of thousands of random histories: with
 * failed writes, writes that never answer, `info` answers later settled `ok`, and both
 * linearizable and non-linearizable histories (counted, so neither kind can vanish unnoticed).
 * When exactly one key breaks, the two must name the same core in the same words.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linearizabilityInvariant } from './invariant';
import { checkHistory } from './check';
import { ClientHistory } from '../history';
import { Rng } from '../../sim/rng';
import type { ClientRecord, ProtocolModule } from '../../protocols/types';
import type { TraceEvent } from '../../sim/types';

type Events = Map<number, ClientRecord[]>;
type Outcome = 'linearizable' | 'violated';

/** Feeds both checkers event by event; returns how the history ended. */
function compare(events: Events): Outcome {
  const seqs = [...events.keys()].sort((a, b) => a - b);
  const module = { clientHistory: (e: TraceEvent) => events.get(e.seq) ?? [] } as unknown as ProtocolModule;
  const live = linearizabilityInvariant(module).create({ nodes: [], params: { bugs: [] } });
  const whole = new ClientHistory();
  for (const seq of seqs) {
    const event = { seq, time: seq, kind: 'command' } as TraceEvent;
    const found = live({ event, nodes: new Map() });
    whole.apply(event, events.get(seq)!);
    const bad = checkHistory(whole).filter((v) => !v.ok);
    expect(found !== null, `at ${seq}: live ${found?.message}, whole ${bad.map((v) => v.why).join(' | ')}`).toBe(bad.length > 0);
    if (!found) continue;
    if (bad.length === 1) expect(found.message).toBe(`key ${bad[0]!.key}: ${bad[0]!.why}`);
    return 'violated';
  }
  return 'linearizable';
}

const push = (events: Events, at: number, r: ClientRecord) => events.set(at, [...(events.get(at) ?? []), r]);

/** Small histories drawn op by op, values from a tiny domain so that reads often cannot be
 * explained: anything goes, which is what makes them a fair test of the refutations. */
const smallOp = fc.record({
  put: fc.boolean(),
  key: fc.constantFrom('x', 'y'),
  value: fc.integer({ min: 0, max: 3 }),
  call: fc.integer({ min: 0, max: 30 }),
  length: fc.integer({ min: 0, max: 12 }),
  end: fc.constantFrom('ok', 'ok', 'ok', 'fail', 'info', 'pending', 'info-then-ok'),
});

type SmallOp = typeof smallOp extends fc.Arbitrary<infer T> ? T : never;

function smallHistory(ops: SmallOp[]): Events {
  const events: Events = new Map();
  ops.forEach((o, i) => {
    const op = `o${i}`;
    // Invocations on even positions, answers on odd ones: an answer and an invocation never
    // share an event unless the generator says so through equal times.
    push(events, 2 * o.call, { kind: 'invoke', op, client: `c${i}`, f: o.put ? 'put' : 'get', key: o.key, ...(o.put ? { value: o.value } : {}) });
    const at = 2 * (o.call + o.length) + 1;
    const value = o.value === 0 ? null : o.value;
    if (o.end === 'ok') push(events, at, o.put ? { kind: 'ok', op } : { kind: 'ok', op, value });
    else if (o.end === 'fail' || o.end === 'info') push(events, at, { kind: o.end, op });
    else if (o.end === 'info-then-ok') {
      push(events, at, { kind: 'info', op });
      push(events, at + 8, o.put ? { kind: 'ok', op } : { kind: 'ok', op, value });
    }
  });
  return events;
}

/**
 * Longer histories, linearizable by construction (each op takes effect at an instant inside its
 * interval, clients run one op at a time), then perturbed: with `noise`, a read returns a value
 * of the key written anywhere in the run instead (often stale, sometimes from the future).
 * Failed writes did not take effect; `info` and never-answered writes did, or did not.
 */
function longHistory(seed: number, n: number, clients: number, noise: number): Events {
  const rng = Rng.fromSeed(seed);
  type Op = { id: string; client: string; key: string; put: boolean; value: number; call: number; ret: number; at: number; end: string; applies: boolean; out?: number | null };
  const free = Array.from({ length: clients }, () => rng.int(0, 3));
  const ops: Op[] = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, clients - 1);
    const call = free[c]!;
    const ret = call + rng.int(0, 3 * clients);
    const put = rng.chance(0.5);
    const end = rng.chance(0.8) ? 'ok' : put ? (['fail', 'info', 'pending', 'info-then-ok'] as const)[rng.int(0, 3)]! : (['fail', 'pending'] as const)[rng.int(0, 1)]!;
    const applies = end === 'ok' || end === 'info-then-ok' || ((end === 'info' || end === 'pending') && rng.chance(0.5));
    ops.push({ id: `o${i}`, client: `c${c}`, key: rng.chance(0.7) ? 'x' : 'y', put, value: i + 1, call, ret, at: rng.int(call, ret), end, applies });
    free[c] = ret + rng.int(0, 2);
  }
  const state = new Map<string, number>();
  for (const op of [...ops].sort((a, b) => a.at - b.at)) {
    if (op.put && op.applies) state.set(op.key, op.value);
    if (!op.put) op.out = state.get(op.key) ?? null;
  }
  const written = ops.filter((o) => o.put).map((o) => o.value);
  for (const op of ops) if (!op.put && written.length > 0 && rng.chance(noise)) op.out = written[rng.int(0, written.length - 1)]!;
  const events: Events = new Map();
  for (const op of ops) {
    push(events, 2 * op.call, { kind: 'invoke', op: op.id, client: op.client, f: op.put ? 'put' : 'get', key: op.key, ...(op.put ? { value: op.value } : {}) });
    const ok: ClientRecord = op.put ? { kind: 'ok', op: op.id } : { kind: 'ok', op: op.id, value: op.out };
    const at = 2 * op.ret + 1;
    if (op.end === 'ok') push(events, at, ok);
    else if (op.end === 'fail' || op.end === 'info') push(events, at, { kind: op.end, op: op.id });
    else if (op.end === 'info-then-ok') {
      push(events, at, { kind: 'info', op: op.id });
      push(events, at + 2 * rng.int(1, 20), ok);
    }
  }
  return events;
}

describe('the live invariant agrees with the whole-history check', () => {
  it('on 3,000 small histories of anything, after every event', () => {
    const seen: Record<Outcome, number> = { linearizable: 0, violated: 0 };
    fc.assert(
      fc.property(fc.array(smallOp, { minLength: 1, maxLength: 9 }), (ops) => {
        seen[compare(smallHistory(ops))]++;
      }),
      { numRuns: 3000, seed: 11 },
    );
    expect(seen.linearizable).toBeGreaterThan(300);
    expect(seen.violated).toBeGreaterThan(300);
  });

  it('on 600 longer histories, linearizable by construction and then perturbed, after every event', () => {
    const seen: Record<Outcome, number> = { linearizable: 0, violated: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 20, max: 70 }), fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, 0.02, 0.05), (seed, n, clients, noise) => {
        seen[compare(longHistory(seed, n, clients, noise))]++;
      }),
      { numRuns: 600, seed: 5 },
    );
    expect(seen.linearizable).toBeGreaterThan(150);
    expect(seen.violated).toBeGreaterThan(100);
  });
});
