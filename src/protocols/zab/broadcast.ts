/**
 * Phase 3, broadcast (Zab.tla `LeaderProcessRequest`, `LeaderBroadcastPROPOSE`,
 * `FollowerProcessPROPOSE`, `LeaderProcessACK`, `FollowerProcessCOMMIT`). zxids are
 * (epoch, counter); the leader commits strictly in zxid order once a quorum has logged a txn,
 * and a client is answered only when the server it asked delivers its write.
 */
import { type Step, bug, flag, historyOf, reply, set, toLeader, toLearner } from './context';
import { indexOfZxid, isNextZxid, isQuorum, lastZxid, sameZxid, zxidKey, type NodeId, type Txn, type Zxid } from './types';

/** Deliver up to `index`: lastCommitted moves and the clients who asked this server hear ok. */
export function commitUpTo(s: Step, index: number, exact: boolean): void {
  const from = s.c.lastCommitted;
  if (index === from || (!exact && index < from)) return;
  const h = historyOf(s.c);
  const answered: string[] = [];
  for (let i = from; i < Math.min(index, h.length); i++) {
    const t = h[i]!;
    if (t.op && t.client === s.c.id && s.c.pending.includes(t.op)) {
      reply(s, { type: 'ok', op: t.op, zxid: t.zxid });
      answered.push(t.op);
    }
  }
  set(s, { lastCommitted: index, ...(answered.length ? { pending: s.c.pending.filter((p) => !answered.includes(p)) } : {}) });
}

/** Zab.tla `IncZxid`: the next counter in our epoch, or 1 in a new one. */
const nextZxid = (s: Step): Zxid => {
  const last = lastZxid(historyOf(s.c));
  return last[0] === s.c.currentEpoch ? [last[0], last[1] + 1] : [s.c.currentEpoch, 1];
};

/** The leader logs the write (it is on its disk before it counts its own ack) and proposes it to
 * every learner it has sent NEWLEADER (issue 1's fix), or only to those that acknowledged it
 * (the bug switch). */
export function leaderPropose(s: Step, value: string, op: string, client: NodeId): void {
  const txn: Txn = { zxid: nextZxid(s), value, op, client };
  set(s, { log: [...s.c.log, txn], acks: { ...s.c.acks, [zxidKey(txn.zxid)]: [s.c.id] } });
  const onlyAckld = bug(s.c, 'propose-to-ackld-only');
  for (const [j, l] of Object.entries(s.c.learners)) if (onlyAckld ? l.ackld : l.synced) toLearner(s, j, { type: 'PROPOSE', mtxn: txn });
  tryCommit(s);
}

/** PROPOSE: the next zxid is logged and acknowledged; during synchronization it joins the
 * buffer and is acknowledged once flushed; a copy already held is ignored (issue 2); anything
 * else cannot happen. */
export function followerOnPROPOSE(s: Step, txn: Txn): void {
  const h = historyOf(s.c);
  if (!isNextZxid(lastZxid(h), txn.zxid)) {
    if (indexOfZxid(h, txn.zxid) < 1) flag(s, 'proposalInconsistent');
    return;
  }
  if (s.c.ackedNewLeader && s.c.buffer.length === 0 && !s.c.replaceLog) {
    set(s, { log: [...s.c.log, txn] });
    toLeader(s, { type: 'ACK', mzxid: txn.zxid });
  } else set(s, { buffer: [...s.c.buffer, txn] });
}

export function leaderOnACK(s: Step, j: NodeId, mzxid: Zxid): void {
  const k = zxidKey(mzxid);
  if (indexOfZxid(historyOf(s.c), mzxid) < 1) return flag(s, 'ackInconsistent');
  const have = s.c.acks[k] ?? [];
  if (!have.includes(j)) set(s, { acks: { ...s.c.acks, [k]: [...have, j] } });
  if (s.c.zabState === 'BROADCAST') tryCommit(s);
}

/** `LeaderTryToCommit`, in order: commit each next txn a quorum holds, COMMIT to ackldRecv. */
export function tryCommit(s: Step): void {
  const h = historyOf(s.c);
  let i = s.c.lastCommitted;
  while (i < h.length && isQuorum((s.c.acks[zxidKey(h[i]!.zxid)] ?? []).length, s.c.servers.length)) i++;
  if (i === s.c.lastCommitted) return;
  const from = s.c.lastCommitted;
  commitUpTo(s, i, false);
  for (const t of h.slice(from, i)) for (const [j, l] of Object.entries(s.c.learners)) if (l.ackld) toLearner(s, j, { type: 'COMMIT', mzxid: t.zxid });
}

/** COMMIT: it must name the next pending txn (`commitInconsistent` otherwise); a zxid already
 * delivered is a harmless repeat. */
export function followerOnCOMMIT(s: Step, mzxid: Zxid): void {
  const h = historyOf(s.c);
  const next = h[s.c.lastCommitted];
  if (next && sameZxid(next.zxid, mzxid)) return commitUpTo(s, s.c.lastCommitted + 1, false);
  const at = indexOfZxid(h, mzxid);
  if (at < 1 || at > s.c.lastCommitted) flag(s, 'commitInconsistent');
}

/** A client write: the leader in broadcast proposes it; a follower in broadcast forwards it
 * (ZooKeeper's FollowerRequestProcessor) and answers when it delivers it. */
export function onClientWrite(s: Step, value: string, op: string): void {
  if (s.c.zabState !== 'BROADCAST') return reply(s, { type: 'fail', op, reason: `not serving (${s.c.state})` });
  set(s, { pending: [...s.c.pending, op] });
  if (s.c.state === 'LEADING') leaderPropose(s, value, op, s.c.id);
  else toLeader(s, { type: 'REQUEST', value, op, client: s.c.id });
}
