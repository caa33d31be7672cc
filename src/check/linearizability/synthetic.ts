/**
 * Synthetic client histories for benches and tests: `clients` clients, each running one op at a
 * time against an atomic register per key, every op taking effect at a random instant inside
 * its interval, so the history is linearizable by construction. Some writes end `info` (a
 * crash): half of those took effect, half did not. `corrupt` changes one read's answer to a
 * value nobody wrote, which no order can explain; `stale` makes one read return an overwritten
 * value.
 */
import type { ClientRecord } from '../../protocols/types';
import type { TraceEvent } from '../../sim/types';
import { Rng } from '../../sim/rng';
import { ClientHistory } from '../history';

export interface SyntheticOptions {
  ops: number;
  clients: number;
  keys: number;
  seed: number;
  /** Share of writes that never return. */
  info?: number;
  corrupt?: boolean;
  /** Makes one read stale instead: it returns the value of a write that ended before another
   * write that ended before the read began (a core of three ops, as a stale leader's read). */
  stale?: boolean;
}

/** The records, one event per trace position, in order. */
export function syntheticEvents(o: SyntheticOptions): { seq: number; records: ClientRecord[] }[] {
  const rng = Rng.fromSeed(o.seed);
  type Op = { id: string; client: string; key: string; f: 'put' | 'get'; value: number; call: number; ret: number; at: number; info: boolean; applies: boolean; out?: number | null };
  const ops: Op[] = [];
  const free = Array.from({ length: o.clients }, () => rng.int(0, 5));
  for (let i = 0; i < o.ops; i++) {
    const c = i % o.clients;
    const call = free[c]!;
    const ret = call + rng.int(1, 4 * o.clients);
    const f = rng.chance(0.5) ? 'put' : 'get';
    const info = f === 'put' && rng.chance(o.info ?? 0.02);
    ops.push({ id: `o${i}`, client: `c${c}`, key: `k${rng.int(0, o.keys - 1)}`, f, value: i, call, ret, at: rng.int(call, ret), info, applies: !info || rng.chance(0.5) });
    // A client that saw no answer moves on (as Jepsen's process does after :info).
    free[c] = ret + rng.int(0, 3);
  }
  const state = new Map<string, number | null>();
  for (const op of [...ops].sort((a, b) => a.at - b.at)) {
    if (op.f === 'put' && op.applies) state.set(op.key, op.value);
    if (op.f === 'get') op.out = state.get(op.key) ?? null;
  }
  if (o.corrupt) {
    const reads = ops.filter((x) => x.f === 'get');
    reads[Math.floor(reads.length / 2)]!.out = -1;
  }
  if (o.stale) staleRead(ops);
  const at = new Map<number, ClientRecord[]>();
  const push = (t: number, r: ClientRecord) => at.set(t * 2 + (r.kind === 'invoke' ? 0 : 1), [...(at.get(t * 2 + (r.kind === 'invoke' ? 0 : 1)) ?? []), r]);
  for (const op of ops) {
    push(op.call, { kind: 'invoke', op: op.id, client: op.client, f: op.f, key: op.key, ...(op.f === 'put' ? { value: op.value } : {}) });
    if (op.info) push(op.ret, { kind: 'info', op: op.id });
    else push(op.ret, op.f === 'get' ? { kind: 'ok', op: op.id, value: op.out } : { kind: 'ok', op: op.id });
  }
  return [...at.keys()].sort((a, b) => a - b).map((seq) => ({ seq, records: at.get(seq)! }));
}

type Timed = { f: 'put' | 'get'; value: number; call: number; ret: number; info: boolean; key: string; out?: number | null };

/** The first read from the middle on with two answered writes of its key before it, one after
 * the other in real time: it now returns the older one's value. */
function staleRead(ops: Timed[]): void {
  for (const r of ops.slice(ops.length >> 1)) {
    if (r.f !== 'get') continue;
    const done = ops.filter((w) => w.f === 'put' && !w.info && w.key === r.key && w.ret < r.call);
    const newer = done.find((w2) => done.some((w1) => w1.ret < w2.call));
    if (!newer) continue;
    r.out = done.find((w1) => w1.ret < newer.call)!.value;
    return;
  }
}

export function syntheticHistory(o: SyntheticOptions): ClientHistory {
  const h = new ClientHistory();
  for (const e of syntheticEvents(o)) h.apply({ seq: e.seq, time: e.seq, kind: 'command' } as TraceEvent, e.records);
  return h;
}
