/** Raft's explorer hooks (issue 12): the `!` flag marks Figure 8's last stage and nothing in
 * correct Raft; the fault points name the moments Figure 8 is made of. */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/simulation';
import type { NodeView } from '../../sim/types';
import { abstractRaft } from './abstract';
import { raftFaultPoint, raftFaults } from './faultPoints';
import { raft } from './index';

function walk(name: string) {
  const sc = raft.scenarios.find((s) => s.name === name)!;
  const flags: { time: number; abstract: string }[] = [];
  const points: string[] = [];
  const faults: string[] = [];
  const last = new Map<string, NodeView>();
  let violation = -1;
  const again = new Simulation(raft, sc, { record: false, checkpointEvery: 0 });
  for (let ev = again.step(); ev; ev = again.step()) {
    const a = abstractRaft(again.current.views);
    if (a.includes('!')) flags.push({ time: ev.time, abstract: a });
    if (ev.node) {
      const p = raftFaultPoint(ev, last.get(ev.node), again.current.views);
      if (p) points.push(p);
      for (const f of raftFaults(ev, again.current.views, sc, last.get(ev.node))) faults.push(`${p}:${f.fault}:${'keep' in f ? f.keep : ''}`);
      last.set(ev.node, again.current.views.get(ev.node)!);
    }
    if (again.violations.length > 0) {
      violation = ev.time;
      break;
    }
  }
  return { flags, points, faults, violation };
}

describe('raft explorer hooks', () => {
  it("proposes Figure 8's stage crashes where they happen, and the commit crash only with the bug", () => {
    const bug = walk('figure-8-bug');
    expect(bug.faults).toContain('raft.append-over-older:crash:0');
    expect(bug.faults).toContain('raft.commit-older:crash:');
    const fixed = walk('figure-8');
    expect(fixed.faults).toContain('raft.append-over-older:crash:0');
    expect(fixed.faults.filter((f) => f.startsWith('raft.commit-older'))).toEqual([]);
  });

  it('flags a server that lacks a committed entry yet could win, before Figure 8 breaks, and never in correct Figure 8', () => {
    const bug = walk('figure-8-bug');
    expect(bug.violation).toBeGreaterThan(0);
    expect(bug.flags.length).toBeGreaterThan(0);
    expect(bug.flags[0]!.time).toBeLessThan(bug.violation);
    const fixed = walk('figure-8');
    expect(fixed.violation).toBe(-1);
    expect(fixed.flags).toEqual([]);
  });

  it('names the elections, leader appends, commits and votes of Figure 8', () => {
    const { points } = walk('figure-8-bug');
    for (const p of ['raft.elected', 'raft.leader-append', 'raft.append-over-older', 'raft.commit', 'raft.commit-older', 'raft.vote']) expect(points).toContain(p);
  });
});
