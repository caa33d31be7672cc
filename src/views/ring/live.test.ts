import { describe, expect, it } from 'vitest';
import type { NodeView, TraceEvent } from '../../sim/types';
import { syntheticKeys } from '../../protocols/chash/schemes';
import { changesUpTo, liveRing, membershipOf } from './live';
import { compare } from './compare';

type Status = Record<string, 'joining' | 'up' | 'leaving'>;
const server = (id: string, epoch: number, members: Status, keys: string[], up = true): NodeView => ({
  id,
  role: 'server',
  up,
  paused: false,
  state: { role: 'server', epoch, members, tokens: [], store: Object.fromEntries(keys.map((k) => [k, { value: 'v', version: 1, writer: 'c1' }])) },
});
const ev = (seq: number, time: number, epoch: number, members: Status): TraceEvent => ({ seq, time, kind: 'deliver', node: 's1', state: { epoch, members } });

const e0: Status = { s1: 'up', s2: 'up', s3: 'up' };
const e1: Status = { ...e0, s4: 'joining' };
const e2: Status = { ...e0, s4: 'up' };
const e3: Status = { s1: 'up', s3: 'up', s4: 'up', s2: 'leaving' };
const events = [ev(0, 0, 0, e0), ev(1, 10, 0, e0), ev(2, 50, 1, e1), ev(3, 60, 1, e1), ev(4, 90, 2, e2), ev(5, 120, 3, e3)];

describe('membershipOf', () => {
  it('reads chash’s epoch and members, and nothing else', () => {
    expect(membershipOf({ epoch: 2, members: e2 })).toEqual({ epoch: 2, status: e2 });
    expect(membershipOf({ epoch: 2 })).toBeNull();
    expect(membershipOf({ members: e2 })).toBeNull();
    expect(membershipOf(undefined)).toBeNull();
  });
});

describe('changesUpTo', () => {
  it('finds each join and leave once, with when it started and ended', () => {
    expect(changesUpTo(events, 2)).toEqual([]);
    const joining = changesUpTo(events, 4);
    expect(joining).toEqual([{ kind: 'join', server: 's4', epoch: 1, at: 50, doneAt: null, before: ['s1', 's2', 's3'], after: ['s1', 's2', 's3', 's4'] }]);
    const all = changesUpTo(events, 6);
    expect(all.map((c) => [c.kind, c.server, c.at, c.doneAt])).toEqual([
      ['join', 's4', 50, 90],
      ['leave', 's2', 120, null],
    ]);
    expect(all[1]!.before).toEqual(['s1', 's2', 's3', 's4']);
    expect(all[1]!.after).toEqual(['s1', 's3', 's4']);
  });
});

describe('liveRing', () => {
  it('takes the newest membership, the stored keys and who holds them', () => {
    const nodes = [
      server('s1', 2, e2, ['a', 'b']),
      server('s2', 1, e1, ['b', 'c'], false),
      server('s3', 2, e2, []),
      server('s4', 2, e2, ['c']),
      { id: 'c1', role: 'client', up: true, paused: false, state: { role: 'client', epoch: 2, members: e2 } },
    ];
    const live = liveRing(nodes, events, 5);
    expect(live.servers).toEqual(['s1', 's2', 's3', 's4']);
    expect(live.membership?.epoch).toBe(2);
    expect(live.members).toEqual(['s1', 's2', 's3', 's4']);
    expect(live.initial).toEqual(['s1', 's2', 's3']);
    expect(live.keys).toEqual(['a', 'b', 'c']);
    expect(live.stored.get('b')).toEqual(['s1', 's2']);
    expect([...live.down]).toEqual(['s2']);
    expect(live.changes).toHaveLength(1);
  });
});

describe('compare', () => {
  const hashes = syntheticKeys(4000);
  it('replays the changes under every scheme and measures the last one', () => {
    const c = compare(hashes, ['s1', 's2', 's3', 's4'], [{ kind: 'join', server: 's5' }], 16);
    expect(c.nBefore).toBe(4);
    expect(c.rows.map((r) => r.id)).toEqual(['ring', 'rendezvous', 'jump', 'mod']);
    const by = Object.fromEntries(c.rows.map((r) => [r.id, r]));
    // Binomial with K = 4,000: sd ≤ 0.0063; 0.04 is over 6 sd (the ring's share also varies: sd ≈ 0.045 at v = 16).
    expect(Math.abs(by.rendezvous!.movedFraction! - 0.2)).toBeLessThan(0.04);
    expect(Math.abs(by.jump!.movedFraction! - 0.2)).toBeLessThan(0.04);
    expect(Math.abs(by.mod!.movedFraction! - 0.8)).toBeLessThan(0.04);
    expect(Math.abs(by.ring!.movedFraction! - 0.2)).toBeLessThan(0.2);
    expect(by.mod!.expectedMoved).toBeCloseTo(0.8, 12);
    expect(by.ring!.theoryCv).toBeCloseTo(Math.sqrt(4 / 81), 12);
    expect(by.jump!.theoryCv).toBeNull();
    for (const r of c.rows) {
      expect(r.moved!.length).toBe(Math.round(r.movedFraction! * 4000));
      // Every moved key under a consistent scheme went to the newcomer.
      if (r.id !== 'mod') expect(r.moved!.every((i) => r.servers[r.owner[i]!] === 's5')).toBe(true);
      expect(r.stats.keys).toBe(4000);
    }
  });
  it('without changes: loads only, nothing moved', () => {
    const c = compare(hashes, ['a', 'b'], [], 4);
    expect(c.last).toBeNull();
    expect(c.rows.every((r) => r.moved === null && r.movedFraction === null && r.expectedMoved === null)).toBe(true);
  });
  it('jump hash: a middle leave expects about 2/N, the last bucket 1/N', () => {
    const servers = ['s1', 's2', 's3', 's4', 's5'];
    const mid = compare(hashes, servers, [{ kind: 'leave', server: 's2' }], 8).rows.find((r) => r.id === 'jump')!;
    const last = compare(hashes, servers, [{ kind: 'leave', server: 's5' }], 8).rows.find((r) => r.id === 'jump')!;
    expect(mid.expectedMoved).toBeCloseTo(0.2 + 0.2 * 0.75, 12);
    expect(compare(hashes, servers, [{ kind: 'leave', server: 's2' }], 8).leaverLast).toBe(false);
    expect(compare(hashes, servers, [{ kind: 'leave', server: 's5' }], 8).leaverLast).toBe(true);
    expect(last.expectedMoved).toBeCloseTo(0.2, 12);
    expect(Math.abs(mid.movedFraction! - mid.expectedMoved!)).toBeLessThan(0.04);
    expect(Math.abs(last.movedFraction! - 0.2)).toBeLessThan(0.04);
  });
});
