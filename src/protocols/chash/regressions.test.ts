/**
 * Scripted regressions for races found in review: late or duplicated membership messages, ids
 * reused after a restart, and a client stuck on a server that is behind it. Each script failed
 * (the invariant or the outcome named in its test) before the fix it guards.
 */
import { describe, expect, it } from 'vitest';
import { runScenario, type Simulation } from '../../sim/simulation';
import type { Action, Scenario } from '../../scenario/types';
import { chash } from '.';
import { initialMembership, readReplicas } from './membership';
import type { ServerObservable } from './observe';

const byName = (name: string) => chash.scenarios.find((s) => s.name === name)!;
const SERVERS = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
const server = (sim: Simulation, id: string) => sim.current.views.get(id)!.state as ServerObservable;
const outputs = (sim: Simulation) => sim.events.flatMap((e) => (e.output ?? []) as { type: string; key?: string; value?: string | null; version?: number; from?: string }[]);
const seedDeliveries = (sim: Simulation, type: string) => sim.events.filter((e) => e.kind === 'deliver' && e.node === 'n1' && e.message!.type === type);

/** A curated scenario's actions up to `until`, and the first `type` message it sends. */
function firstMessage(name: string, until: number, type: string) {
  const base = byName(name);
  const actions = base.actions.filter((a) => a.at <= until);
  const msg = runScenario(chash, { ...base, actions, until: until + 60 }).events.find((e) => e.message?.type === type)!.message!;
  return { base, actions, msg };
}

describe('late and duplicated membership messages', () => {
  it('a LeaveDone from an earlier leave does not end a later leave of the same server', () => {
    // n3 leaves; its first LeaveDone (epoch 1) is held back 1000 ms and a retry ends the leave.
    // n3 joins again and leaves again, its transfers cut off, so this leave stays under way when
    // the old LeaveDone arrives. Taking it would drop n3 before it handed banana, cherry, date
    // and elder over (no-loss: banana held by n2, n4).
    const { base, actions, msg } = firstMessage('leave', 200, 'LeaveDone');
    const cut = (to: string): Action => ({ at: 590, do: 'cut', from: 'n3', to });
    const s: Scenario = {
      ...base,
      actions: [...actions, { at: msg.sentAt + 1, do: 'delay', message: msg.id, by: 1000 }, { at: 400, do: 'join', node: 'n3' }, cut('n2'), cut('n4'), cut('n5'), { at: 600, do: 'leave', node: 'n3' }, { at: 1400, do: 'heal' }],
      until: 1800,
    };
    const sim = runScenario(chash, s);
    expect(sim.violations).toEqual([]);
    const late = seedDeliveries(sim, 'LeaveDone').find((e) => e.message!.id === msg.id)!;
    expect(late.time).toBe(msg.arriveAt + 1000);
    expect((late.state as ServerObservable).members.n3).toBe('leaving');
    // The leave ends once the transfers get through after the heal; every key is then on its replicas.
    expect(server(sim, 'n3')).toMatchObject({ self: 'out', store: {} });
    const seed = server(sim, 'n1');
    for (const k of ['banana', 'cherry', 'date', 'elder', 'grape']) {
      const want = readReplicas({ epoch: seed.epoch, status: seed.members }, k, { vnodes: 8, replicas: 3 }).sort();
      expect(SERVERS.filter((id) => Object.hasOwn(server(sim, id).store, k)), k).toEqual(want);
    }
  });

  it('a JoinRequest that arrives after the server joined and left does not join it again', () => {
    const { base, actions, msg } = firstMessage('join', 200, 'JoinRequest');
    const s: Scenario = { ...base, actions: [...actions, { at: msg.sentAt + 1, do: 'delay', message: msg.id, by: 1000 }, { at: 500, do: 'leave', node: 'n6' }], until: 1500 };
    const sim = runScenario(chash, s);
    expect(sim.violations).toEqual([]);
    expect(seedDeliveries(sim, 'JoinRequest').map((e) => e.time)).toContain(msg.arriveAt + 1000);
    expect(server(sim, 'n6').self).toBe('out');
    expect(server(sim, 'n1').epoch).toBe(4);
  });
});

describe('ids that survive a restart', () => {
  it('a Stored for a write from before the coordinator crashed does not acknowledge a write after it', () => {
    // n2 coordinates apple-1 and crashes; n1 and n4 store it and answer Stored(w1) while n2
    // restarts. n2 then coordinates apple-2, whose Replicates are cut off. With the write-id
    // counter lost in the crash, apple-2 took the id w1 and the old answers acknowledged it
    // (no-loss: apple version 2 held by n2 alone).
    const s: Scenario = {
      ...byName('put-get'),
      actions: [
        { at: 0, do: 'put', node: 'n7', key: 'apple', value: 'apple-1' },
        { at: 15, do: 'crash', node: 'n2' },
        { at: 16, do: 'restart', node: 'n2' },
        { at: 17, do: 'put', node: 'n7', key: 'apple', value: 'apple-2' },
        { at: 21, do: 'cut', from: 'n2', to: 'n1' },
        { at: 21, do: 'cut', from: 'n2', to: 'n4' },
        { at: 300, do: 'heal' },
      ],
      until: 800,
    };
    const sim = runScenario(chash, s);
    expect(sim.violations).toEqual([]);
    const replicate = sim.events.find((e) => e.message?.type === 'Replicate' && e.message.from === 'n2' && e.message.sentAt > 16)!;
    expect((replicate.message!.payload as unknown as { wid: string }).wid).toBe('w2');
    // apple-2 is acknowledged only after the heal, once n1, n2 and n4 all hold it.
    const ok = sim.events.find((e) => e.output?.some((o) => (o as { version?: number }).version === 2))!;
    expect(ok.time).toBeGreaterThan(300);
    for (const id of ['n1', 'n2', 'n4']) expect(server(sim, id).store.apple?.value).toBe('apple-2');
  });

  it('an answer to an op from before the client crashed does not answer an op after its restart', () => {
    // The PutOk for apple (op o1) reaches the client after it restarted and sent a put of
    // cherry, which cannot succeed with n3 down. With the op counter lost in the crash, cherry
    // took the id o1 and the client reported put-ok for a write no server holds.
    const s: Scenario = {
      ...byName('put-get'),
      actions: [
        { at: 0, do: 'crash', node: 'n3' },
        { at: 0, do: 'put', node: 'n7', key: 'apple', value: 'apple-1' },
        { at: 25, do: 'crash', node: 'n7' },
        { at: 35, do: 'restart', node: 'n7' },
        { at: 36, do: 'put', node: 'n7', key: 'cherry', value: 'cherry-1' },
      ],
      until: 1000,
    };
    const sim = runScenario(chash, s);
    expect(sim.violations).toEqual([]);
    expect(outputs(sim).filter((o) => o.type === 'put-ok')).toEqual([]);
    expect(outputs(sim).filter((o) => o.type === 'failed').map((o) => o.key)).toEqual(['cherry']);
  });
});

describe('reads while a server is behind', () => {
  it('a NotMine from a server behind the client sends the get to the next replica', () => {
    // n6 never hears that it is up (the seed's link to it is cut), so it keeps answering NotMine
    // with its older ring. The client used to ask n6 again five times and fail; n2, apple's next
    // replica, holds it.
    const { base, actions } = firstMessage('join', 200, 'JoinRequest');
    const s: Scenario = { ...base, actions: [...actions, { at: 249, do: 'cut', from: 'n1', to: 'n6' }, { at: 270, do: 'get', node: 'n7', key: 'apple' }, { at: 600, do: 'heal' }], until: 800 };
    const sim = runScenario(chash, s);
    expect(sim.violations).toEqual([]);
    const answers = outputs(sim).filter((o) => o.type === 'get' || o.type === 'failed');
    expect(answers.map((o) => `${o.type} ${o.value}@${o.from}`)).toEqual(['get apple-1@n2']);
  });
});

describe('reads with R − 1 replicas down', () => {
  it('reach the last replica when R is above the client’s usual five tries', () => {
    // R = 8 over 9 servers; the first 7 replicas of apple crash. The client gave up after 5 tries.
    const servers = Array.from({ length: 9 }, (_, i) => `n${i + 1}`);
    const shape = { vnodes: 8, replicas: 8 };
    const reps = readReplicas(initialMembership(servers), 'apple', shape);
    const s: Scenario = {
      ...byName('put-get'),
      nodes: [...servers, 'n10'],
      params: { bugs: [], ...shape, clients: 1, spares: 0 },
      actions: [{ at: 0, do: 'put', node: 'n10', key: 'apple', value: 'a' }, ...reps.slice(0, 7).map((node): Action => ({ at: 100, do: 'crash', node })), { at: 150, do: 'get', node: 'n10', key: 'apple' }],
      until: 2000,
    };
    const sim = runScenario(chash, s);
    expect(sim.violations).toEqual([]);
    expect(outputs(sim).filter((o) => o.type !== 'put-ok').map((o) => `${o.type} ${o.value}@${o.from}`)).toEqual([`get a@${reps[7]}`]);
  });
});
