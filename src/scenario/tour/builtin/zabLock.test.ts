/** The Zab and lock-service tours play through and their asks come out as the text says: n3
 * leads (highest id), and storage does reject c1's stale write. */
import { describe, expect, it } from 'vitest';
import { zab } from '../../../protocols/zab';
import { lock } from '../../../protocols/lock';
import { dryRun } from '../dryRun';
import { zabBroadcast } from './zabBroadcast';
import { lockFencing } from './lockFencing';

describe('the Zab and lock tours', () => {
  it('zab-broadcast: n3 leads, the leader crash is a task its demo completes, every step is reached', () => {
    const r = dryRun(zabBroadcast, zab);
    expect(r.notes.filter((n) => n.kind !== 'moved')).toEqual([]);
    expect(r.answers.predict).toBe('n3');
    expect(r.resolved.leader!.time).toBeLessThan(r.resolved.commit!.time);
  });
  it('lock-fencing: storage rejects the stale write, and crashing the master hands the cell to the other node', () => {
    const r = dryRun(lockFencing, lock);
    expect(r.notes.filter((n) => n.kind !== 'moved')).toEqual([]);
    expect(r.answers.predict).toBe('yes');
    expect(r.resolved.rejected!.time).toBeGreaterThan(2100);
  });
});
