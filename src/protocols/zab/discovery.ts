/**
 * Phase 1, discovery (Zab.tla `LeaderProcessCEPOCH`, `FollowerProcessNEWEPOCH`,
 * `LeaderProcessACKEPOCH`; Leader.java `getEpochToPropose`, `waitForEpochAck`).
 */
import { type Step, bug, flag, historyOf, set, stopTimer, toLeader, toLearner, updateLearner } from './context';
import { shutdown } from './roles';
import { syncFollower } from './sync';
import { cmpZxid, isQuorum, lastZxid, type NodeId, type Zxid } from './types';

const count = (s: Step, has: (l: (typeof s.c.learners)[string]) => boolean): number => 1 + Object.values(s.c.learners).filter(has).length;

/** CEPOCH(f.p). Once a quorum including the leader has sent one, e′ = max f.p + 1
 * (`DetermineNewEpoch`); later learners get the same e′. */
export function leaderOnCEPOCH(s: Step, j: NodeId, mepoch: number): void {
  updateLearner(s, j, { cepoch: mepoch });
  if (s.c.newEpoch !== null) {
    toLearner(s, j, { type: 'NEWEPOCH', mepoch: s.c.newEpoch });
    return;
  }
  if (!isQuorum(count(s, (l) => l.cepoch !== null), s.c.servers.length)) return;
  const epochs = Object.values(s.c.learners).flatMap((l) => (l.cepoch === null ? [] : [l.cepoch]));
  // The bug switch forgets the followers' f.p: a follower that accepted a newer epoch from a
  // leader that then died can be handed the same epoch twice (Zab.tla's `epochOk` is ≥).
  const e = bug(s.c, 'new-epoch-from-self') ? s.c.acceptedEpoch + 1 : Math.max(s.c.acceptedEpoch, ...epochs) + 1;
  set(s, { acceptedEpoch: e, newEpoch: e });
  for (const [k, l] of Object.entries(s.c.learners)) if (l.cepoch !== null) toLearner(s, k, { type: 'NEWEPOCH', mepoch: e });
}

/** NEWEPOCH(e′): accept if e′ ≥ acceptedEpoch (Zab.tla `epochOk`), else back to election
 * (Learner.java: "Leaders epoch … is less than accepted epoch"). */
export function followerOnNEWEPOCH(s: Step, mepoch: number): void {
  if (s.c.zabState !== 'DISCOVERY') return flag(s, 'stateInconsistent');
  if (mepoch < s.c.acceptedEpoch) return shutdown(s, 'leader epoch is below our accepted epoch');
  stopTimer(s, 'reconnect');
  set(s, { acceptedEpoch: mepoch, zabState: 'SYNCHRONIZATION' });
  toLeader(s, { type: 'ACKEPOCH', mepoch: s.c.currentEpoch, mzxid: lastZxid(historyOf(s.c)) });
}

/** Leader.java `isMoreRecentThan`: a follower with a newer (currentEpoch, zxid) than ours. */
const ahead = (s: Step, epoch: number, zxid: Zxid): boolean =>
  epoch > s.c.currentEpoch || (epoch === s.c.currentEpoch && cmpZxid(zxid, lastZxid(historyOf(s.c))) > 0);

/** ACKEPOCH(f.a, last zxid). A quorum including the leader establishes it: currentEpoch := e′,
 * every txn of its history carries its own ack (`InitAcksid`), and each acknowledged follower
 * is synchronized. Later ACKEPOCHs are synchronized one by one. */
export function leaderOnACKEPOCH(s: Step, j: NodeId, mepoch: number, mzxid: Zxid): void {
  const l = s.c.learners[j];
  if (!l || l.cepoch === null || s.c.newEpoch === null) return flag(s, 'messageIllegal');
  if (s.c.zabState === 'DISCOVERY' && ahead(s, mepoch, mzxid)) return shutdown(s, `follower ${j} is ahead of the leader`);
  updateLearner(s, j, { ackepoch: { epoch: mepoch, zxid: mzxid } });
  if (s.c.zabState !== 'DISCOVERY') return syncFollower(s, j);
  if (!isQuorum(count(s, (x) => x.ackepoch !== null), s.c.servers.length)) return;
  const acks = Object.fromEntries(historyOf(s.c).map((t) => [`${t.zxid[0]}.${t.zxid[1]}`, [s.c.id]]));
  set(s, { currentEpoch: s.c.newEpoch, zabState: 'SYNCHRONIZATION', acks });
  for (const [k, x] of Object.entries(s.c.learners)) if (x.ackepoch !== null) syncFollower(s, k);
}
