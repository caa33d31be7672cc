import { beforeAll, describe, expect, it } from 'vitest';
import { loadStrings, translate } from '../../i18n';
import { paxosFacts, paxosLong, paxosShort } from './paxosFacts';

// Labels read string tables that the app loads on demand (i18n/later.ts).
beforeAll(() => loadStrings());

const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);
const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

describe('Paxos node text', () => {
  it('writes an acceptor’s promise and vote', () => {
    const f = paxosFacts({ role: 'acceptor', maxBal: 4, maxVBal: 2, maxVal: 'v1' })!;
    expect(paxosShort(en, f)).toBe('b4 · 2:v1');
    expect(paxosLong(en, f)).toBe('maxBal 4, maxVBal 2, maxVal v1');
    expect(paxosShort(en, paxosFacts({ role: 'acceptor', maxBal: -1, maxVBal: -1, maxVal: null })!)).toBe('b– · no vote');
  });
  it('writes a proposer’s phase and ballot, and a learner’s value', () => {
    expect(paxosShort(en, paxosFacts({ role: 'proposer', phase: 'p2', curBal: 3 })!)).toBe('phase 2 · b3');
    expect(paxosShort(zh, paxosFacts({ role: 'proposer', phase: 'idle', curBal: -1 })!)).toBe('空闲');
    expect(paxosShort(en, paxosFacts({ role: 'learner', learned: null })!)).toBe('nothing learned');
    expect(paxosLong(zh, paxosFacts({ role: 'learner', learned: 'v2' })!)).toBe('已学到 v2');
  });
  it('says nothing for other protocols', () => {
    expect(paxosFacts({ role: 'leader', currentTerm: 2 })).toBeNull();
    expect(paxosFacts({ role: 'participant', rmState: {} })).toBeNull();
  });
});
