/** For tests: drives one Raft machine with the pure \`transition\`, as the kernel would. */
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { raftMachine, type RaftContext, type RaftInput } from './machine';
import type { RaftEvent } from './messages';
import type { BatchParams } from '../../sim/machineActions';

export const input = (over: Partial<RaftInput> = {}): RaftInput => ({
  id: 'n1',
  peers: ['n2', 'n3', 'n4', 'n5'],
  electionTimeout: [150, 300],
  heartbeatInterval: 50,
  commitPreviousTerm: false,
  leaderNoop: false,
  ackOnAppend: false,
  staleRead: false,
  ...over,
});

export type Step = { snap: AnyMachineSnapshot; actions: { type: string; params?: unknown }[] };

/** The actions as the kernel carries them out: a `batch` stands for the actions it lists. */
const unbatched = (actions: Step['actions']): Step['actions'] => actions.flatMap((a) => (a.type === 'batch' ? [...(a.params as BatchParams).actions] : [a]));

export function start(over: Partial<RaftInput> = {}): Step {
  const [snap, actions] = initialTransition(raftMachine, input(over));
  return { snap, actions: unbatched(actions) };
}
export function send(s: Step, event: RaftEvent): Step {
  const [snap, actions] = transition(raftMachine, s.snap as never, event as never);
  return { snap, actions: unbatched(actions) };
}
export const ctx = (s: Step) => s.snap.context as RaftContext;
export const sends = (s: Step) => s.actions.filter((a) => a.type === 'send').map((a) => a.params as { to: string; msg: Record<string, unknown> });
export const timers = (s: Step) => s.actions.filter((a) => a.type === 'setTimer').map((a) => a.params as { name: string });

export function leaderOfTerm1(over: Partial<RaftInput> = {}): Step {
  let s = send(start(over), { type: 'electionTimeout' });
  for (const from of ['n2', 'n3']) s = send(s, { type: 'RequestVoteResponse', from, term: 1, voteGranted: true });
  return s;
}

