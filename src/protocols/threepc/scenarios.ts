/** Curated three-phase commit scenarios: the happy path, a No vote, the two coordinator
 * crashes 3PC survives without blocking, and the partition it does not survive. Outcomes are
 * asserted in scenarios.test.ts and explained in docs/protocols/3pc.md. n1 is the coordinator;
 * n2, n3 and n4 (P1, P2, P3) participate. Every link takes exactly 10 ms. */
import type { Action, Scenario } from '../../scenario/types';

function scenario(s: Pick<Scenario, 'name' | 'title' | 'description' | 'actions' | 'until'> & Partial<Scenario>): Scenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'threepc',
    nodes: ['n1', 'n2', 'n3', 'n4'],
    seed: 1,
    params: { bugs: [], voteTimeout: 200, ackTimeout: 200, waitTimeout: 400, stateWindow: 100 },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    ...s,
  };
}

const begin = (at: number): Action => ({ at, do: 'begin', node: 'n1', tx: '' });

export const happyCommit = scenario({
  name: 'happy-commit',
  title: 'Three phases, one commit',
  description: 'Every participant votes Yes, acknowledges PreCommit, and commits on DoCommit.',
  actions: [begin(0)],
  until: 200,
});

export const voteNo = scenario({
  name: 'vote-no',
  title: 'One No vote aborts everyone',
  description: 'n3 chooses to vote No. The coordinator aborts t1 and the participants that voted Yes abort on its Abort.',
  actions: [{ at: 0, do: 'vote-no', node: 'n3', tx: '' }, begin(10)],
  until: 200,
});

export const crashInWait = scenario({
  name: 'crash-in-w',
  title: 'Where 2PC blocks, 3PC aborts',
  description: 'The coordinator crashes while the Yes votes are in flight, as in 2PC’s blocking scenario. The participants time out in w, n2 is elected backup, finds everyone in w and aborts. The coordinator recovers later and learns the abort.',
  actions: [begin(0), { at: 15, do: 'crash', node: 'n1' }, { at: 700, do: 'restart', node: 'n1' }],
  until: 900,
});

export const crashAfterPreCommit = scenario({
  name: 'crash-in-p',
  title: 'The coordinator crashes after one PreCommit',
  description: 'PreCommit reaches only n2: a brief partition loses the other two, as if the coordinator had crashed halfway through sending them, and then it crashes. n3 and n4 time out in w; n2, in p, is elected backup, moves n3 and n4 to p and commits everywhere. Nobody blocks, and the coordinator learns the commit when it recovers.',
  actions: [
    begin(0),
    { at: 25, do: 'partition', groups: [['n1', 'n2'], ['n3', 'n4']] },
    { at: 35, do: 'crash', node: 'n1' },
    { at: 40, do: 'heal' },
    { at: 800, do: 'restart', node: 'n1' },
  ],
  until: 1000,
});

export const partition = scenario({
  name: 'partition',
  title: '3PC under partition',
  description: 'PreCommit reaches only n2, then the network splits {n1, n2} | {n3, n4}. The coordinator times out on the missing Acks and commits with n2; n3 and n4, all in w on their side, abort through the termination protocol. the consistent-outcome invariant breaks: 3PC is nonblocking only when failures are crashes and timeouts are accurate.',
  actions: [begin(0), { at: 25, do: 'partition', groups: [['n1', 'n2'], ['n3', 'n4']] }, { at: 700, do: 'heal' }],
  until: 900,
});

export const threePcScenarios: Scenario[] = [happyCommit, voteNo, crashInWait, crashAfterPreCommit, partition];
