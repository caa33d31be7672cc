/** Each invariant against hand-built views: it passes what the protocol does and catches what
 * the bug switches do. */
import { describe, expect, it } from 'vitest';
import type { InvariantCheck, NodeView, TraceEvent } from '../types';
import { chash } from '.';
import { withMember } from './membership';
import type { Entry, Membership, Store } from './messages';
import type { ClientObservable, ServerObservable } from './observe';

const NODES = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'];
const cfg = { nodes: NODES, params: { bugs: [] } };
const E0: Membership = { epoch: 0, status: { n1: 'up', n2: 'up', n3: 'up', n4: 'up', n5: 'up' } };
const E1 = withMember(E0, 'n6', 'joining');
const E2 = withMember(E1, 'n6', 'up');
const apple: Entry = { value: 'a', version: 1, writer: 'n7' };
const grape: Entry = { value: 'g', version: 2, writer: 'n7' };

const serverView = (id: string, ring: Membership, store: Store, up = true): NodeView => {
  const state: ServerObservable = { role: 'server', self: ring.status[id] ?? 'out', epoch: ring.epoch, members: ring.status, tokens: [], replicas: 3, store, handoff: null, writes: {} };
  return { id, role: 'server', up, paused: false, state };
};
const clientView = (acked: Record<string, Entry>): NodeView => {
  const state: ClientObservable = { role: 'client', epoch: 0, members: E0.status, ops: {}, acked, reads: {} };
  return { id: 'n7', role: 'client', up: true, paused: false, state };
};
/** apple lives on n2 n1 n4 at E0 and on n6 n2 n1 from E1's future ring on; grape on n1 n5 n2. */
function world(ring: Membership, stores: Record<string, Store>, acked: Record<string, Entry> = { apple }, down: string[] = []) {
  const m = new Map<string, NodeView>(NODES.slice(0, 6).map((id) => [id, serverView(id, ring, stores[id] ?? {}, !down.includes(id))]));
  m.set('n7', clientView(acked));
  return m;
}
const settled = () => world(E0, { n1: { apple }, n2: { apple }, n4: { apple } });
const checker = (id: string): InvariantCheck => chash.invariants.find((i) => i.id === id)!.create(cfg);
const ev = (over: Partial<TraceEvent> = {}): TraceEvent => ({ seq: 0, time: 0, kind: 'deliver', node: 'n1', ...over });
const transfer = (from: string, to: string, ring: Membership): TraceEvent =>
  ev({ node: to, message: { id: 1, from, to, type: 'Transfer', payload: { type: 'Transfer', ring, entries: {} }, sentAt: 0, arriveAt: 1 } });

describe('movement', () => {
  it('passes a joiner pulling a key it gains, catches an old server receiving, or a key it does not gain', () => {
    const check = checker('movement');
    check({ event: ev({ node: 'n6' }), nodes: world(E1, {}) });
    expect(check({ event: transfer('n2', 'n6', E1), nodes: world(E1, { n6: { apple } }) })).toBeNull();
    expect(check({ event: transfer('n1', 'n6', E1), nodes: world(E1, { n6: { apple, grape } }) })?.message).toBe('n1 moved grape to n6, which does not gain it');
    const other = checker('movement');
    other({ event: ev({ node: 'n5' }), nodes: world(E1, {}) });
    expect(other({ event: transfer('n1', 'n5', E1), nodes: world(E1, { n5: { apple } }) })?.message).toBe('the join of n6 moved apple from n1 to n5, an old server');
  });

  it('catches a move with no change under way, and a leave moving keys from a server that stays', () => {
    const check = checker('movement');
    check({ event: ev({ node: 'n3' }), nodes: world(E0, {}) });
    expect(check({ event: transfer('n1', 'n3', E0), nodes: world(E0, { n3: { apple } }) })?.message).toBe('n1 moved apple to n3 with no join or leave under way');
    const L1 = withMember(E0, 'n2', 'leaving');
    const leave = checker('movement');
    leave({ event: ev({ node: 'n3' }), nodes: world(L1, {}) });
    expect(leave({ event: transfer('n1', 'n3', L1), nodes: world(L1, { n3: { apple } }) })?.message).toBe('the leave of n2 moved apple from n1, which stays');
  });
});

describe('replicas-after-handoff', () => {
  it('passes a settled ring with every acknowledged key on exactly its replicas', () => {
    expect(checker('replicas-after-handoff')({ event: ev(), nodes: settled() })).toBeNull();
  });

  it('waits while a change is under way or a server is behind, then catches a missing or an extra copy', () => {
    const check = checker('replicas-after-handoff');
    expect(check({ event: ev(), nodes: world(E1, { n1: { apple } }) })).toBeNull();
    const behind = world(E2, { n2: { apple }, n1: { apple } });
    behind.set('n4', serverView('n4', E1, { apple }));
    expect(check({ event: ev(), nodes: behind })).toBeNull();
    expect(check({ event: ev(), nodes: world(E2, { n2: { apple }, n1: { apple } }) })?.message).toBe('the ring is settled at epoch 2 but replica n6 lacks apple (version 1 by n7)');
    const extra = checker('replicas-after-handoff');
    expect(extra({ event: ev(), nodes: world(E2, { n6: { apple }, n2: { apple }, n1: { apple }, n4: { apple } }) })?.message).toBe(
      'the ring is settled at epoch 2 but n4 still stores apple, which it does not replicate',
    );
  });

  it('counts an older version on a replica as missing', () => {
    const stale = world(E0, { n1: { apple }, n2: { apple }, n4: { apple } }, { apple: { ...apple, version: 3 } });
    expect(checker('replicas-after-handoff')({ event: ev(), nodes: stale })?.nodes).toEqual(['n2', 'n1', 'n4']);
  });
});

describe('no-loss', () => {
  it('passes R copies, crashed ones included', () => {
    expect(checker('no-loss')({ event: ev(), nodes: world(E0, { n1: { apple }, n2: { apple }, n4: { apple } }, { apple }, ['n1', 'n2']) })).toBeNull();
  });

  it('catches an acknowledged write held by fewer than R servers', () => {
    const f = checker('no-loss')({ event: ev(), nodes: world(E0, { n1: { apple }, n2: { apple } }, { apple }, ['n2']) });
    expect(f).toEqual({ message: 'apple (version 1 by n7) is held by n1, n2 (down); it needs 3 copies', nodes: ['n1', 'n2'] });
  });

  it('needs only as many copies as the seed’s ring has servers', () => {
    const two: Membership = { epoch: 9, status: { n1: 'up', n2: 'up' } };
    expect(checker('no-loss')({ event: ev(), nodes: world(two, { n1: { apple }, n2: { apple } }) })).toBeNull();
  });

  it('counts a copy lost with a disk as a crash, not as a protocol loss', () => {
    const check = checker('no-loss');
    check({ event: ev(), nodes: settled() });
    const restart = ev({ kind: 'restart', node: 'n4', detail: { loseDisk: true } });
    expect(check({ event: restart, nodes: world(E0, { n1: { apple }, n2: { apple } }) })).toBeNull();
    expect(check({ event: ev({ node: 'n1' }), nodes: world(E0, { n2: { apple } }) })?.message).toBe('apple (version 1 by n7) is held by n2, and lost with the disk of n4; it needs 3 copies');
  });
});
