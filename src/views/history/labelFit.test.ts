import { describe, expect, it } from 'vitest';
import { fitLabel, roomAfter } from './labelFit';

describe('client-history bar labels', () => {
  it('a label that fits its bar goes inside', () => {
    expect(fitLabel('✓ acquire L', '✓', 200, 0)).toEqual({ at: 'inside', text: '✓ acquire L' });
  });
  it('a short bar with room after it gets its label there', () => {
    expect(fitLabel('✓ acquire L', '✓', 10, 300)).toEqual({ at: 'after', text: '✓ acquire L' });
  });
  it('a short bar right before the next bar never writes into it: its label is cut or reduced to the mark', () => {
    // The lock page at 1024 px: "✓ acquire L" on a 10 px bar, 2 px before the next bar.
    const fit = fitLabel('✓ acquire L', '✓', 10, 2);
    expect(fit).toEqual({ at: 'inside', text: '✓' });
    const cut = fitLabel('✓ acquire L', '✓', 10, 50);
    expect(cut.at).toBe('after');
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.text.length).toBeLessThan('✓ acquire L'.length);
  });
  it('nothing fits: no text (the tooltip still names the op)', () => {
    expect(fitLabel('✓ acquire L', '✓', 4, 4)).toEqual({ at: 'none', text: '' });
  });
});

describe('room after a bar', () => {
  it('runs to the next bar of the same sub-row, or to the lane end', () => {
    const ops = [
      { id: 'a', from: 10, to: 20 },
      { id: 'b', from: 22, to: 80 },
      { id: 'c', from: 30, to: 40 },
    ];
    const row = new Map([['a', 0], ['b', 0], ['c', 1]]);
    const room = roomAfter(ops, row, (o) => o.from, (o) => o.to, 100);
    expect(room.get('a')).toBe(0);
    expect(room.get('b')).toBe(18);
    expect(room.get('c')).toBe(58);
  });
});
