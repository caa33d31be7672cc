import { describe, expect, it } from 'vitest';
import { optionOrder } from './optionOrder';
import { BUILTIN_TOURS } from './builtin';

describe('the order of a choice question’s options', () => {
  it('is a permutation, the same for the same tour and step', () => {
    const opts = ['a', 'b', 'c', 'd'];
    const once = optionOrder(opts, 'raft-election', 'why');
    expect([...once].sort()).toEqual(opts);
    expect(optionOrder(opts, 'raft-election', 'why')).toEqual(once);
    // Different steps do not all share one order.
    const orders = new Set(['s1', 's2', 's3', 's4', 's5', 's6'].map((s) => optionOrder(opts, 't', s).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('does not show any built-in tour’s right answer first in every ask', () => {
    let asks = 0;
    for (const tour of BUILTIN_TOURS) {
      const firsts = tour.steps.flatMap((s) => {
        const ask = s.ask;
        if (!ask || ask.type !== 'choice' || !('value' in ask.answer)) return [];
        return [optionOrder(ask.options ?? [], tour.id, s.id)[0]!.id === ask.answer.value];
      });
      asks += firsts.length;
      if (firsts.length > 0) expect(firsts.every(Boolean), tour.id).toBe(false);
    }
    expect(asks).toBeGreaterThanOrEqual(4);
  });
});
