/**
 * Fast leader election (ZooKeeper FastLeaderElection.java; system spec FastLeaderElection.tla):
 * votes (epoch, zxid, id) compared by `newerVote`, rounds (`logicalclock`), rebroadcast on
 * every change, and a decision once a quorum agrees on one vote, confirmed after `finalizeWait`.
 * A server already FOLLOWING or LEADING answers a LOOKING one with the vote it decided on, so a
 * late joiner follows the established leader (the `outofelection` path).
 */
import type { Notification, Incoming } from './messages';
import { type Ballot, type Step, others, notify, randomTimer, set, stopTimer, timer } from './context';
import { isQuorum, lastZxid, newerVote, sameVote, type NodeId, type Vote } from './types';
import type { ZabContext } from './context';

export const selfVote = (c: ZabContext): Vote => ({ leader: c.id, zxid: lastZxid(c.log), epoch: c.currentEpoch });

const ballot = (c: ZabContext): Ballot => ({ vote: c.vote, round: c.round, state: c.state });
const message = (c: ZabContext): Notification => ({ type: 'NOTIFICATION', round: c.round, state: c.state, vote: c.vote });

function broadcastVote(s: Step): void {
  for (const j of others(s.c)) notify(s, j, message(s.c));
  randomTimer(s, 'notifyTimeout', s.c.params.notifyTimeout);
}

/** FLE `termPredicate`: a quorum of the recorded ballots names this vote. */
function agreed(c: ZabContext, set: Readonly<Record<NodeId, Ballot>>, vote: Vote): boolean {
  const n = Object.values(set).filter((b) => sameVote(b.vote, vote)).length;
  return isQuorum(n, c.servers.length);
}

/** FLE `checkLeader`: the leader we would follow says it leads (or it is us, in this round). */
function leaderConfirmed(c: ZabContext, set: Readonly<Record<NodeId, Ballot>>, leader: NodeId, round: number): boolean {
  return leader === c.id ? round === c.round : set[leader]?.state === 'LEADING';
}

/** Enter LOOKING: a new round, a vote for ourselves, broadcast (at start, on the first timer,
 * once every server exists). */
export function lookForLeader(s: Step, atStart = false): void {
  const c = s.c;
  const round = c.round + 1;
  set(s, { state: 'LOOKING', zabState: 'ELECTION', round, finalizing: false, outOfElection: {} });
  set(s, { vote: selfVote(s.c) });
  set(s, { recvVotes: { [c.id]: ballot(s.c) } });
  if (atStart) timer(s, 'notifyTimeout', 0);
  else broadcastVote(s);
}

export type Decide = (s: Step, vote: Vote) => void;

export function onNotification(s: Step, m: Incoming<Notification>, decide: Decide): void {
  const c = s.c;
  if (c.state !== 'LOOKING') {
    // WorkerReceiver: tell a looking server whom we follow.
    if (m.state === 'LOOKING') notify(s, m.from, message(c));
    return;
  }
  const theirs: Ballot = { vote: m.vote, round: m.round, state: m.state };
  if (m.state === 'LOOKING') {
    if (m.round < c.round) {
      notify(s, m.from, message(c));
      return;
    }
    if (m.round > c.round) {
      const mine = selfVote(c);
      set(s, { round: m.round, recvVotes: {}, finalizing: false, vote: newerVote(m.vote, mine) ? m.vote : mine });
      broadcastVote(s);
    } else if (newerVote(m.vote, c.vote)) {
      set(s, { vote: m.vote, finalizing: false });
      broadcastVote(s);
    }
    set(s, { recvVotes: { ...s.c.recvVotes, [m.from]: theirs, [c.id]: ballot(s.c) } });
    if (!s.c.finalizing && agreed(s.c, s.c.recvVotes, s.c.vote)) {
      set(s, { finalizing: true });
      timer(s, 'finalizeWait', s.c.params.finalizeWait);
    }
    return;
  }
  // A server out of election: FOLLOWING or LEADING.
  if (m.round === c.round) {
    const recv = { ...c.recvVotes, [m.from]: theirs };
    set(s, { recvVotes: recv });
    if (agreed(s.c, recv, m.vote) && leaderConfirmed(s.c, { ...recv, ...s.c.outOfElection }, m.vote.leader, m.round)) return decide(s, m.vote);
  }
  const out = { ...s.c.outOfElection, [m.from]: theirs };
  set(s, { outOfElection: out });
  if (agreed(s.c, out, m.vote) && leaderConfirmed(s.c, out, m.vote.leader, m.round)) {
    set(s, { round: m.round });
    decide(s, m.vote);
  }
}

/** `finalizeWait` ran out with no better vote: decide if the quorum still holds. */
export function onFinalize(s: Step, decide: Decide): void {
  if (s.c.state !== 'LOOKING' || !s.c.finalizing) return;
  set(s, { finalizing: false });
  if (agreed(s.c, s.c.recvVotes, s.c.vote)) decide(s, s.c.vote);
}

export function onNotifyTimeout(s: Step): void {
  if (s.c.state === 'LOOKING') broadcastVote(s);
}

export function leaveElection(s: Step): void {
  stopTimer(s, 'notifyTimeout');
  stopTimer(s, 'finalizeWait');
  set(s, { finalizing: false });
}
