/**
 * Phase 2, synchronization. The leader picks DIFF, TRUNC or SNAP as LearnerHandler.syncFollower
 * does (ZkV3_7_0.tla `SyncFollower`), then sends NEWLEADER. The follower buffers what it is
 * sent; on NEWLEADER it waits for the flush step (durability.ts), which writes the txns, then
 * currentEpoch, then acknowledges (Learner.java, after ZOOKEEPER-3911/4646/4643). A quorum of
 * acknowledgements commits the leader's whole history and starts broadcast (COMMITLD, the
 * implementation's UPTODATE).
 */
import { type Step, bug, flag, historyOf, randomTimer, set, toLeader, toLearner, updateLearner } from './context';
import { flush } from './durability';
import { commitUpTo, tryCommit } from './broadcast';
import { shutdown } from './roles';
import { ZERO, cmpZxid, indexOfZxid, isQuorum, lastZxid, zxidKey, type NodeId, type Txn, type Zxid } from './types';
import type { LinkBody } from './messages';

/** LearnerHandler.syncFollower over the leader's history, of which the last
 * `committedLogSize` txns form the in-memory committed log. */
export function syncPacket(history: readonly Txn[], peer: Zxid, windowSize: number, noTrunc: boolean): LinkBody {
  const max = lastZxid(history);
  if (cmpZxid(peer, max) === 0) return { type: 'DIFF', mtxns: [] };
  if (cmpZxid(peer, max) > 0) return { type: 'TRUNC', mtruncZxid: max, mtxns: [] };
  const from = Math.max(0, history.length - windowSize);
  const min = history[from]!.zxid;
  if (cmpZxid(peer, min) < 0) return { type: 'SNAP', mtxns: [...history] };
  const at = indexOfZxid(history, peer);
  if (at > 0) return { type: 'DIFF', mtxns: history.slice(at) };
  // ZOOKEEPER-1154: the peer's last zxid is in range but not in our log (a txn only it logged).
  // Before the fix the leader sent DIFF with everything newer; the fix truncates first.
  const newer = history.filter((t) => cmpZxid(t.zxid, peer) > 0);
  if (noTrunc) return { type: 'DIFF', mtxns: newer };
  const keep = history.length - newer.length;
  return { type: 'TRUNC', mtruncZxid: keep === 0 ? ZERO : history[keep - 1]!.zxid, mtxns: newer };
}

export function syncFollower(s: Step, j: NodeId): void {
  const l = s.c.learners[j];
  if (!l?.ackepoch || s.c.newEpoch === null) return;
  toLearner(s, j, syncPacket(historyOf(s.c), l.ackepoch.zxid, s.c.params.committedLogSize, bug(s.c, 'diff-without-trunc')));
  toLearner(s, j, { type: 'NEWLEADER', mepoch: s.c.newEpoch });
  updateLearner(s, j, { synced: true });
}

/** DIFF / TRUNC / SNAP at the follower. TRUNC cuts the log on disk at once (ZKDatabase
 * truncateLog); the txns sent wait in the buffer. */
export function followerOnSync(s: Step, m: LinkBody & { type: 'DIFF' | 'TRUNC' | 'SNAP' }): void {
  if (s.c.zabState !== 'SYNCHRONIZATION' || s.c.newLeaderEpoch !== null) return flag(s, 'stateInconsistent');
  if (m.type === 'SNAP') return set(s, { syncMode: 'SNAP', buffer: m.mtxns, replaceLog: true });
  if (m.type === 'DIFF') return set(s, { syncMode: 'DIFF', buffer: m.mtxns });
  const keep = s.c.log.filter((t) => cmpZxid(t.zxid, m.mtruncZxid) <= 0);
  set(s, { syncMode: 'TRUNC', log: keep.length === s.c.log.length ? s.c.log : keep, buffer: m.mtxns });
}

/** NEWLEADER(e′): if it is the epoch we accepted, start the flush. The bug switches move the
 * currentEpoch write, or the acknowledgement, ahead of it. */
export function followerOnNEWLEADER(s: Step, mepoch: number): void {
  if (s.c.acceptedEpoch !== mepoch) return shutdown(s, 'NEWLEADER for an epoch we did not accept');
  if (s.c.zabState !== 'SYNCHRONIZATION') flag(s, 'stateInconsistent');
  set(s, { newLeaderEpoch: mepoch });
  if (bug(s.c, 'epoch-before-log') || bug(s.c, 'ack-newleader-before-flush')) set(s, { currentEpoch: mepoch });
  if (bug(s.c, 'ack-newleader-before-flush')) acknowledgeNewLeader(s);
  if (s.c.buffer.length === 0 && !s.c.replaceLog) flush(s);
  else randomTimer(s, 'flush', s.c.params.flushDelay);
}

export function acknowledgeNewLeader(s: Step): void {
  const z = lastZxid(historyOf(s.c));
  set(s, { ackedNewLeader: true, ackldZxid: z });
  toLeader(s, { type: 'ACKLD', mzxid: z });
}

/** ACKLD(zxid): the learner holds our history up to zxid (`UpdateAcksid`). A quorum including
 * the leader commits the whole history and starts broadcast; later ones get COMMITLD with the
 * leader's lastCommitted (protocol-spec issue 3; the bug switch sends the ACKLD's zxid). */
export function leaderOnACKLD(s: Step, j: NodeId, mzxid: Zxid): void {
  const l = s.c.learners[j];
  if (!l?.synced) return flag(s, 'messageIllegal');
  updateLearner(s, j, { ackld: true });
  const acks = { ...s.c.acks };
  for (const t of historyOf(s.c)) {
    if (cmpZxid(t.zxid, mzxid) > 0) break;
    const k = zxidKey(t.zxid);
    if (!(acks[k] ?? []).includes(j)) acks[k] = [...(acks[k] ?? []), j];
  }
  set(s, { acks });
  if (s.c.zabState === 'DISCOVERY') return flag(s, 'stateInconsistent');
  if (s.c.zabState === 'BROADCAST') {
    const committed = s.c.lastCommitted === 0 ? ZERO : historyOf(s.c)[s.c.lastCommitted - 1]!.zxid;
    toLearner(s, j, { type: 'COMMITLD', mzxid: bug(s.c, 'commitld-ack-zxid') ? mzxid : committed });
    return tryCommit(s);
  }
  const acked = 1 + Object.values(s.c.learners).filter((x) => x.ackld).length;
  if (!isQuorum(acked, s.c.servers.length)) return;
  const h = historyOf(s.c);
  set(s, { zabState: 'BROADCAST' });
  commitUpTo(s, h.length, false);
  for (const [k, x] of Object.entries(s.c.learners)) if (x.ackld) toLearner(s, k, { type: 'COMMITLD', mzxid: lastZxid(h) });
}

/** COMMITLD(zxid): deliver up to it and enter broadcast (Zab.tla `FollowerProcessCOMMITLD`). */
export function followerOnCOMMITLD(s: Step, mzxid: Zxid): void {
  const index = indexOfZxid(historyOf(s.c), mzxid);
  if (index < 0) flag(s, 'proposalInconsistent');
  set(s, { zabState: 'BROADCAST' });
  if (index >= 0) commitUpTo(s, index, true);
}
