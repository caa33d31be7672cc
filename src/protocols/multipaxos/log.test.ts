/** The log's pure functions: peak votes, no-op gap filling, in-order apply. */
import { describe, expect, it } from 'vitest';
import { advance, firstFreeSlot, foldCommands, mergePeaks, proposalsAfterPrepare, votesFrom, withInst, type Insts } from './log';
import { NOOP, type Cmd } from './messages';

const c = (op: string, cmd = op): Cmd => ({ op, cmd });
const committed = (cmd: Cmd) => ({ status: 'Committed' as const, cmd, voted: null });
const voted = (bal: number, cmd: Cmd) => ({ status: 'Accepting' as const, cmd, voted: { bal, cmd } });

describe('the Multi-Paxos log', () => {
  it('peaks keep each slot’s highest-ballot vote (PeakVotedCmd)', () => {
    const a = { 3: { bal: 1, cmd: c('w3') }, 5: { bal: 4, cmd: c('w5') } };
    const b = { 3: { bal: 2, cmd: c('v3') }, 5: { bal: 1, cmd: c('v5') } };
    expect(mergePeaks(mergePeaks({}, a), b)).toEqual({ 3: { bal: 2, cmd: c('v3') }, 5: { bal: 4, cmd: c('w5') } });
  });

  it('fills every gap below the highest voted slot with a no-op, skipping committed slots', () => {
    const insts: Insts = withInst([committed(c('a'))], 3, committed(c('c')));
    const peaks = { 5: { bal: 1, cmd: c('e') } };
    expect(proposalsAfterPrepare(insts, 1, peaks, false)).toEqual([
      { slot: 2, cmd: NOOP },
      { slot: 4, cmd: NOOP },
      { slot: 5, cmd: c('e') },
    ]);
    expect(proposalsAfterPrepare(insts, 1, peaks, true)).toEqual([]);
  });

  it('reports votes from a slot on, and finds the first slot free for a new command', () => {
    const insts = withInst([committed(c('a')), voted(1, c('b'))], 4, voted(3, c('d')));
    expect(votesFrom(insts, 2)).toEqual({ 2: { bal: 1, cmd: c('b') }, 4: { bal: 3, cmd: c('d') } });
    expect(firstFreeSlot(insts, 1, 3)).toBe(2);
    expect(firstFreeSlot(withInst(insts, 2, voted(3, c('b'))), 1, 3)).toBe(3);
  });

  it('applies committed slots strictly in order and stops at a gap', () => {
    const insts = withInst([committed(c('1', 'x=1'))], 3, committed(c('3', 'x=3')));
    const a = advance(insts, 0, {});
    expect([a.commitUpTo, a.kvalue]).toEqual([1, { x: '1' }]);
    const b = advance(withInst(insts, 2, committed(NOOP)), a.commitUpTo, a.kvalue);
    expect([b.commitUpTo, b.kvalue, b.applied.map((x) => x.slot)]).toEqual([3, { x: '3' }, [2, 3]]);
    expect(foldCommands([c('1', 'x=1'), NOOP, c('2', 'y=2'), c('3', 'x=3')])).toEqual({ x: '3', y: '2' });
  });
});
