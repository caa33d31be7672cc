/** The recorder's proposals: an anchor that resolves exactly at the cursor, and an answer found
 * by playing ahead, on a real Raft run. */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/simulation';
import { raft } from '../../protocols/raft';
import { raftElection } from './builtin/raftElection';
import { resolveAnchor } from './anchors';
import { answerOf, simSource } from './run';
import { proposeAnchor, proposeAnswer } from './propose';

describe('recorder proposals', () => {
  const sim = new Simulation(raft, raftElection.scenario);
  const src = simSource(sim);
  const leaderAt = () => {
    for (let i = 0; ; i++) if ((src.event(i)!.state as { role?: string } | undefined)?.role === 'leader') return { step: i + 1, time: src.event(i)!.time };
  };

  it('at a role change it proposes "becomes" that role, resolving exactly to the cursor', () => {
    const here = leaderAt();
    const a = proposeAnchor({ step: 5, time: 0 }, here, src);
    expect(a).toMatchObject({ event: { becomes: { role: 'leader' } }, resolved: { step: here.step, time: here.time } });
    expect(resolveAnchor(a, { step: 5, time: 0 }, src, {})).toMatchObject({ ok: true, at: here });
  });

  it('between events it proposes a time after the previous step; at time 0, the start', () => {
    const here = leaderAt();
    expect(proposeAnchor(null, { step: 5, time: 0 }, src)).toEqual({ at: 'start' });
    const a = proposeAnchor(here, { step: here.step, time: here.time + 0.5 }, src);
    expect(a).toMatchObject({ after: 0.5 });
  });

  it('an ask answer is proposed from what happens next, and computed from it', () => {
    const answer = proposeAnswer({ step: 5, time: 0 }, src);
    expect(answer).toEqual({ nodeOf: { becomes: { role: 'candidate' } } });
    const node = answerOf({ type: 'node', question: 'q', answer: answer! }, { step: 5, time: 0 }, src, {});
    const first = sim.events.find((e) => (e.state as { role?: string } | undefined)?.role === 'candidate');
    expect(node).toBe(first!.node);
  });
});
