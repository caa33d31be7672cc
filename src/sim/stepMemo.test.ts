import { describe, expect, it } from 'vitest';
import type { EventObject } from 'xstate';
import { StepMemo, sameEvent } from './stepMemo';
import type { Effect } from './effects';

const ev = (o: object) => o as EventObject;

describe('sameEvent', () => {
  it('is equal for the same own keys and values, arrays element by element', () => {
    const entry = { term: 1, command: 'x' };
    expect(sameEvent(ev({ type: 'A', term: 2, entries: [entry] }), ev({ type: 'A', term: 2, entries: [entry] }))).toBe(true);
    expect(sameEvent(ev({ type: 'A', entries: [] }), ev({ type: 'A', entries: [] }))).toBe(true);
  });
  it('tells apart any difference a machine could read', () => {
    expect(sameEvent(ev({ type: 'A', term: 2 }), ev({ type: 'A', term: 3 }))).toBe(false);
    expect(sameEvent(ev({ type: 'A' }), ev({ type: 'B' }))).toBe(false);
    expect(sameEvent(ev({ type: 'A', x: undefined }), ev({ type: 'A', y: undefined }))).toBe(false);
    expect(sameEvent(ev({ type: 'A', x: undefined }), ev({ type: 'A' }))).toBe(false);
    expect(sameEvent(ev({ type: 'A' }), ev({ type: 'A', x: undefined }))).toBe(false);
    // Equal contents in different entry objects: not the same values.
    expect(sameEvent(ev({ type: 'A', entries: [{ term: 1 }] }), ev({ type: 'A', entries: [{ term: 1 }] }))).toBe(false);
    expect(sameEvent(ev({ type: 'A', o: { a: 1 } }), ev({ type: 'A', o: { a: 1 } }))).toBe(false);
    expect(sameEvent(ev({ type: 'A', entries: [1] }), ev({ type: 'A', entries: [1, 2] }))).toBe(false);
  });
});

describe('StepMemo', () => {
  const send = (to: string) => ({ type: 'send', params: { to, msg: { type: 'M' } } }) as unknown as Effect;
  it('answers only for the same snapshot object and an equal event, with a copy of the effects', () => {
    const memo = new StepMemo();
    const s = {};
    const effects = [send('n2')];
    memo.remember(s, ev({ type: 'hb', from: 'n1' }), effects);
    effects.length = 0; // the stepper refills its array: the memo kept its own
    expect(memo.find(s, ev({ type: 'hb', from: 'n1' }))).toEqual([send('n2')]);
    expect(memo.find(s, ev({ type: 'hb', from: 'n3' }))).toBeUndefined();
    expect(memo.find({}, ev({ type: 'hb', from: 'n1' }))).toBeUndefined();
  });
  it('keeps several events per snapshot, replacing the oldest beyond that', () => {
    const memo = new StepMemo();
    const s = {};
    for (let i = 0; i < 9; i++) memo.remember(s, ev({ type: 'e', i }), [send(`n${i}`)]);
    expect(memo.find(s, ev({ type: 'e', i: 0 }))).toBeUndefined();
    for (let i = 1; i < 9; i++) expect(memo.find(s, ev({ type: 'e', i }))).toEqual([send(`n${i}`)]);
  });
});
