/** Multi-Paxos beside Raft on one fault script (compare mode): both runs, asserted. */
import { describe, expect, it } from 'vitest';
import { getProtocol, protocols } from '../protocols/registry';
import { multipaxos } from '../protocols/multipaxos';
import { compareScenario } from '../scenario/compare';
import { validateScenario } from '../scenario/validate';
import { decodeScenarioUrl, encodeScenarioUrl } from '../scenario/codec';
import { runScenario } from '../sim/simulation';
import type { Scenario } from '../scenario/types';

const known = [...protocols.keys()];
const byName = (name: string) => multipaxos.scenarios.find((s) => s.name === name)!;

function both(name: string) {
  const s = byName(name);
  const raftRun = compareScenario(s)!;
  return { mp: runScenario(multipaxos, { ...s, compare: undefined } as Scenario), raft: runScenario(getProtocol('raft')!, raftRun) };
}
type Raft = { role: string; currentTerm: number; log: { term: number; command: string }[]; commitIndex: number };
type Mp = { role: string; commitUpTo: number; insts: ({ cmd: { cmd: string } | null } | null)[] };
const committedRaft = (s: Raft) => s.log.slice(0, s.commitIndex).map((e) => e.command);
const committedMp = (s: Mp) => s.insts.slice(0, s.commitUpTo).map((i) => i?.cmd?.cmd);

describe('Multi-Paxos against Raft', () => {
  it.each(multipaxos.scenarios.filter((s) => s.compare).map((s) => [s.name, s] as const))('%s validates with both protocols and survives a link', (_n, s) => {
    expect(s.compare!.protocol).toBe('raft');
    expect(validateScenario(s, getProtocol, known)).toStrictEqual({ ok: true, scenario: s });
    expect(decodeScenarioUrl(encodeScenarioUrl(s), getProtocol, known)).toStrictEqual({ ok: true, scenario: s });
  });

  it('compare-leader-crash: n3 leads and commits y=2 in Multi-Paxos; in Raft only n2 can lead, and y=2 commits only under z=3', () => {
    const { mp, raft } = both('compare-leader-crash');
    expect(mp.violations).toEqual([]);
    expect(raft.violations).toEqual([]);
    const n3 = mp.current.views.get('n3')!.state as Mp;
    expect(n3.role).toBe('leading');
    expect(committedMp(n3)).toEqual(['x=1', 'y=2', 'z=3']);
    const r2 = raft.current.views.get('n2')!.state as Raft;
    const r3 = raft.current.views.get('n3')!.state as Raft;
    expect(r2.role).toBe('leader');
    expect(r3.role).toBe('follower');
    expect(committedRaft(r2)).toEqual(['x=1', 'y=2', 'z=3']);
    // Before z=3, y=2 sat in the Raft leader's log uncommitted for half a second.
    const before = raft.events.filter((e) => e.node === 'n2' && e.time < 700 && e.state).at(-1)!.state as Raft;
    expect(before.log.map((e) => e.command)).toEqual(['x=1', 'y=2']);
    expect(before.commitIndex).toBe(1);
  });

  it('compare-stale-leader: both keep x=9 uncommitted and end with a=1, w=6 everywhere', () => {
    const { mp, raft } = both('compare-stale-leader');
    expect(mp.violations).toEqual([]);
    expect(raft.violations).toEqual([]);
    for (const n of ['n1', 'n2', 'n3']) {
      expect(committedMp(mp.current.views.get(n)!.state as Mp)).toEqual(['a=1', 'w=6']);
      expect(committedRaft(raft.current.views.get(n)!.state as Raft)).toEqual(['a=1', 'w=6']);
    }
    // Multi-Paxos refuses n1's stale Accept; Raft truncates n1's x=9.
    expect(mp.events.some((e) => e.kind === 'deliver' && e.node === 'n1' && e.message!.type === 'Preempted')).toBe(true);
    const n1Raft = raft.events.filter((e) => e.node === 'n1' && e.state).map((e) => (e.state as Raft).log.map((x) => x.command).join(','));
    expect(n1Raft).toContain('a=1,x=9');
    expect(n1Raft.at(-1)).toBe('a=1,w=6');
  });
});
