/** Curated two-phase commit scenarios: the happy path, a no vote, blocking, cooperative
 * termination and the two bug switches. Outcomes are asserted in scenarios.test.ts and
 * explained in docs/protocols/2pc.md. n1 is the TM; n2, n3 and n4 are the RMs. Every link takes
 * exactly 10 ms, so each script's timing is exact. */
import type { Action, Scenario } from '../../scenario/types';

function scenario(s: Pick<Scenario, 'name' | 'title' | 'description' | 'actions' | 'until'> & Partial<Scenario>): Scenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'twopc',
    nodes: ['n1', 'n2', 'n3', 'n4'],
    seed: 1,
    params: { bugs: [], voteTimeout: 200, decisionTimeout: 150 },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    ...s,
  };
}

const begin = (at: number, tx = ''): Action => ({ at, do: 'begin', node: 'n1', tx });

export const happyCommit = scenario({
  name: 'happy-commit',
  title: 'Two transactions commit',
  description: 'The TM begins t1 and t2. Every RM prepares and votes Prepared, so the TM commits each and every RM commits.',
  actions: [begin(0), begin(100)],
  until: 400,
});

export const voteNo = scenario({
  name: 'vote-no',
  title: 'One No vote aborts everyone',
  description: 'n3 chooses to abort the next transaction. It answers Prepare(t1) with Aborted, the TM aborts t1, and the RMs that had prepared abort on its Abort.',
  actions: [{ at: 0, do: 'vote-no', node: 'n3', tx: '' }, begin(10)],
  until: 300,
});

export const blocking = scenario({
  name: 'tm-crash-blocks',
  title: '2PC blocks when the TM crashes',
  description: 'The TM crashes while the Prepared votes are in flight. The RMs stay prepared, holding their locks: they ask each other, but a prepared peer is as uncertain as they are. When the TM recovers it has no logged decision, presumes abort, and every RM aborts.',
  actions: [begin(0), { at: 15, do: 'crash', node: 'n1' }, { at: 500, do: 'restart', node: 'n1' }],
  until: 800,
});

export const cooperative = scenario({
  name: 'coop-termination',
  title: 'Cooperative termination: a peer knows the decision',
  description: 'The TM commits t1, but a brief partition keeps the Commit from n3 and n4, and then the TM crashes for good. n3 and n4 time out, ask their peers, learn Commit from n2 and commit without the TM.',
  actions: [begin(0), { at: 25, do: 'partition', groups: [['n1', 'n2'], ['n3', 'n4']] }, { at: 40, do: 'crash', node: 'n1' }, { at: 50, do: 'heal' }],
  until: 400,
});

/** The TM commits t1 and only n2 hears it; the TM crashes and recovers while n2 is cut off,
 * so n3 and n4 can only learn the decision from the recovered TM. */
function tmLog(withBug: boolean): Scenario {
  return scenario({
    name: withBug ? 'tm-no-log-bug' : 'tm-logs-decision',
    title: withBug ? 'A TM that does not log its decision (bug switch on)' : 'A recovered TM repeats its logged decision',
    description: withBug
      ? 'The TM commits t1 without logging it; a partition keeps the Commit from n3 and n4, and the TM crashes. The recovered TM knows nothing of t1 and answers n3 and n4 with a presumed Abort: n2 committed, n3 and n4 aborted.'
      : 'The TM commits t1; a partition keeps the Commit from n3 and n4, and the TM crashes. The decision is in its log, so the recovered TM sends Commit again and n3 and n4 commit.',
    params: { bugs: withBug ? ['tm-no-log'] : [], voteTimeout: 200, decisionTimeout: 150 },
    actions: [
      begin(0),
      { at: 25, do: 'partition', groups: [['n1', 'n2'], ['n3', 'n4']] },
      { at: 40, do: 'crash', node: 'n1' },
      { at: 50, do: 'partition', groups: [['n1', 'n3', 'n4'], ['n2']] },
      { at: 100, do: 'restart', node: 'n1' },
    ],
    until: 400,
  });
}

export const tmLogsDecision = tmLog(false);
export const tmNoLogBug = tmLog(true);

/** n2 prepares t1 and crashes before the Commit arrives; n4 hears the Commit, n3 does not,
 * and {n2, n3} are cut off from {n1, n4} until 400. */
function rmVote(withBug: boolean): Scenario {
  return scenario({
    name: withBug ? 'rm-no-log-bug' : 'rm-logs-vote',
    title: withBug ? 'An RM that forgets its Prepared vote (bug switch on)' : 'A restarted RM keeps its Prepared vote',
    description: withBug
      ? 'n2 votes Prepared on t1 and crashes; its vote was not on disk. When n3 asks it for the decision, n2 thinks it is still working and aborts on its own, so n3 aborts while n4 committed.'
      : 'n2 votes Prepared on t1 and crashes; it comes back prepared. n2 and n3, cut off from the TM and n4, stay uncertain and ask again until the partition heals, then learn Commit.',
    params: { bugs: withBug ? ['rm-no-log'] : [], voteTimeout: 200, decisionTimeout: 150 },
    actions: [
      begin(0),
      { at: 25, do: 'crash', node: 'n2' },
      { at: 25, do: 'partition', groups: [['n1', 'n4'], ['n2', 'n3']] },
      { at: 50, do: 'restart', node: 'n2' },
      { at: 400, do: 'heal' },
    ],
    until: 700,
  });
}

export const rmKeepsVote = rmVote(false);
export const rmForgetsVoteBug = rmVote(true);

/** Compare mode (scenario/compare.ts): the same script under three-phase commit, by its id
 * only (a protocol never imports another), with 3PC's default timeouts. */
const against3pc = { protocol: 'threepc', params: { bugs: [], voteTimeout: 200, ackTimeout: 200, waitTimeout: 400, stateWindow: 100 } };

export const compareCrash = scenario({
  name: 'compare-tm-crash',
  title: '2PC against 3PC: the coordinator crashes before deciding',
  description:
    'Both coordinators crash while the Yes votes are in flight, and recover only at 1500 ms. In 2PC (left) the RMs stay prepared, holding their locks, until then: over 1.4 s each. In 3PC (right) the participants time out in w, elect a backup among themselves and abort at about 520 ms: nobody waits for the coordinator.',
  actions: [begin(0), { at: 15, do: 'crash', node: 'n1' }, { at: 1500, do: 'restart', node: 'n1' }],
  until: 1800,
  compare: against3pc,
});

export const comparePartition = scenario({
  name: 'compare-partition',
  title: '2PC against 3PC under a partition',
  description:
    'The decision (2PC’s Commit, 3PC’s PreCommit) reaches only n2, then the network splits {n1, n2} | {n3, n4} until 700 ms. 2PC (left) stays consistent: n3 and n4 block, prepared, and commit after the heal. 3PC (right) splits: n3 and n4 abort through the termination protocol while n1 and n2 commit, and the consistent-outcome invariant breaks.',
  actions: [begin(0), { at: 25, do: 'partition', groups: [['n1', 'n2'], ['n3', 'n4']] }, { at: 700, do: 'heal' }],
  until: 900,
  compare: against3pc,
});

export const twoPcScenarios: Scenario[] = [happyCommit, voteNo, blocking, cooperative, tmLogsDecision, tmNoLogBug, rmKeepsVote, rmForgetsVoteBug, compareCrash, comparePartition];
