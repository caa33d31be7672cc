import { describe, expect, it } from 'vitest';
import { SlotKeys } from './slotKeys';

describe('SlotKeys', () => {
  it('keeps a slot while its id stays, and never gives two live ids one slot', () => {
    const k = new SlotKeys();
    expect(k.assign([10, 11, 12])).toEqual([0, 1, 2]);
    // 11 leaves, 13 arrives: 13 takes 11's slot, the others keep theirs.
    expect(k.assign([10, 12, 13])).toEqual([0, 2, 1]);
    expect(k.assign([13, 12, 10, 14])).toEqual([1, 2, 0, 3]);
  });

  it('reuses every slot when all ids change at once (a far seek), lowest first', () => {
    const k = new SlotKeys();
    k.assign([1, 2, 3, 4, 5]);
    expect(k.assign([100, 101, 102])).toEqual([0, 1, 2]);
    expect(k.assign([200, 201, 202, 203, 204, 205, 206])).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('gives the same slots when asked twice with the same ids (a repeated render)', () => {
    const k = new SlotKeys();
    k.assign([5, 6, 7]);
    const once = k.assign([7, 8]);
    expect(k.assign([7, 8])).toEqual(once);
    expect(new Set(once).size).toBe(2);
  });

  it('uses no more slots than the most ids live at once, over a long random sequence', () => {
    const k = new SlotKeys();
    let x = 7;
    const rnd = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296);
    let most = 0;
    let live: number[] = [];
    let nextId = 0;
    let slotsSeen = 0;
    for (let i = 0; i < 2000; i++) {
      live = live.filter(() => rnd() > 0.3);
      const add = Math.floor(rnd() * 6);
      for (let j = 0; j < add; j++) live.push(nextId++);
      most = Math.max(most, live.length);
      const slots = k.assign(live);
      expect(new Set(slots).size).toBe(live.length);
      slotsSeen = Math.max(slotsSeen, ...slots.map((s) => s + 1), 0);
    }
    expect(slotsSeen).toBe(most);
  });
});
