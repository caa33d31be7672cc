import { describe, expect, it } from 'vitest';
import { onDisk, readZab } from './model';

describe('readZab', () => {
  it('marks chips committed, logged or buffered', () => {
    const s = {
      state: 'FOLLOWING', zabState: 'SYNCHRONIZATION', acceptedEpoch: 2, currentEpoch: 1, lastCommitted: 1, logged: 2, leader: 'n3', round: 1,
      vote: { leader: 'n3', epoch: 1, zxid: [1, 3] },
      history: [{ zxid: [1, 1], value: 'a' }, { zxid: [1, 2], value: 'b' }, { zxid: [2, 1], value: 'c' }],
    };
    const r = readZab(s)!;
    expect(r.chips.map((c) => c.status)).toEqual(['committed', 'logged', 'buffered']);
    expect(r.chips[2]).toMatchObject({ epoch: 2, counter: 1, value: 'c', index: 3 });
    expect(r).toMatchObject({ acceptedEpoch: 2, currentEpoch: 1, leader: 'n3', syncMode: null });
    expect(onDisk(s, 2)).toBe(true);
    expect(onDisk(s, 3)).toBe(false);
  });
  it('reads another protocol as null', () => {
    expect(readZab({ role: 'leader', log: [] })).toBeNull();
  });
});
