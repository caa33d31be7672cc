/**
 * Entering and leaving a role: Zab.tla `SwitchToLeader`, `SwitchToFollower`, `FollowerShutdown`
 * and `LeaderShutdown`. A follower opens a fresh connection and sends CEPOCH at once
 * (`ConnectAndFollowerSendCEPOCH`); any shutdown returns to LOOKING with a new FLE round.
 */
import { openLink } from './channel';
import { type Step, reply, set, stopTimer, timer, toLeader } from './context';
import { leaveElection, lookForLeader } from './election';
import type { Vote } from './types';

export function decide(s: Step, vote: Vote): void {
  leaveElection(s);
  set(s, { vote });
  if (vote.leader === s.c.id) becomeLeader(s);
  else becomeFollower(s, vote.leader);
}

function becomeLeader(s: Step): void {
  set(s, { state: 'LEADING', zabState: 'DISCOVERY', learners: {}, newEpoch: null, acks: {}, phaseTick: s.c.ticks, leader: s.c.id });
  timer(s, 'tick', s.c.params.tick);
}

function becomeFollower(s: Step, leader: string): void {
  connect(s, leader);
  armSyncLimit(s);
}

/** Opens a new connection and sends CEPOCH. Learner.connectToLeader retries while the leader
 * is not yet listening (it may still be finishing its own election); a retry is a new
 * connection, so the leader drops whatever it held of the old one. */
export function connect(s: Step, leader: string): void {
  const connCount = s.c.connCount + 1;
  set(s, {
    state: 'FOLLOWING',
    zabState: 'DISCOVERY',
    leader,
    connCount,
    // The opener's id keeps two servers' connections apart: n4's first connection to n5 and
    // n5's first to n4 would otherwise both be `0.1`, and a CEPOCH that n5 sent as a learner
    // would read as the next message on n4's link to its leader n5 (found by the explorer).
    link: openLink(`${s.c.id}:${s.c.incarnation}.${connCount}`),
    syncMode: null,
    newLeaderEpoch: null,
    ackedNewLeader: false,
    ackldZxid: null,
  });
  toLeader(s, { type: 'CEPOCH', mepoch: s.c.acceptedEpoch });
  timer(s, 'reconnect', s.c.params.tick * 3);
}

/** The follower's read timeout: silence from the leader for syncLimit ticks ends the link. */
export const armSyncLimit = (s: Step): void => timer(s, 'syncLimit', s.c.params.tick * s.c.params.syncLimit);

/** Back to election. What sync had only buffered is gone: the in-memory database is dropped
 * and reloaded from disk (the ZOOKEEPER-2845 fix), exactly as after a crash. Clients waiting on
 * this server learn nothing certain. */
export function shutdown(s: Step, reason: string): void {
  for (const op of s.c.pending) reply(s, { type: 'info', op, reason });
  stopTimer(s, 'tick');
  stopTimer(s, 'syncLimit');
  stopTimer(s, 'flush');
  stopTimer(s, 'reconnect');
  set(s, {
    pending: [],
    leader: null,
    link: null,
    learners: {},
    newEpoch: null,
    acks: {},
    buffer: [],
    replaceLog: false,
    syncMode: null,
    newLeaderEpoch: null,
    ackedNewLeader: false,
    ackldZxid: null,
  });
  lookForLeader(s);
}
