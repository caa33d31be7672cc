/**
 * One Zab server as a pure step: (context, event) → new context and kernel effects. The XState
 * machine (machine.ts) wraps it; every handler named here is a Zab.tla action.
 */
import { newerConn, openLink, receive } from './channel';
import { type Step, type ZabContext, historyOf, reply, set, timer, toLeader, toLearner, updateLearner } from './context';
import { onFinalize, onNotification, onNotifyTimeout } from './election';
import { armSyncLimit, connect, decide, shutdown } from './roles';
import { followerOnNEWEPOCH, leaderOnACKEPOCH, leaderOnCEPOCH } from './discovery';
import { followerOnCOMMITLD, followerOnNEWLEADER, followerOnSync, leaderOnACKLD } from './sync';
import { onFlushTimer } from './durability';
import { followerOnCOMMIT, followerOnPROPOSE, leaderOnACK, leaderPropose, onClientWrite } from './broadcast';
import type { Incoming, LinkMessage, ZabEvent } from './messages';
import { isQuorum, type NodeId } from './types';

function leaderHandles(s: Step, j: NodeId, m: LinkMessage): void {
  switch (m.type) {
    case 'CEPOCH': return leaderOnCEPOCH(s, j, m.mepoch);
    case 'ACKEPOCH': return leaderOnACKEPOCH(s, j, m.mepoch, m.mzxid);
    case 'ACKLD': return leaderOnACKLD(s, j, m.mzxid);
    case 'ACK': return leaderOnACK(s, j, m.mzxid);
    case 'REQUEST': return s.c.zabState === 'BROADCAST' ? leaderPropose(s, m.value, m.op, m.client) : undefined;
    case 'PING': return;
    default: return set(s, { anomalies: [...s.c.anomalies, 'messageIllegal'] });
  }
}

function followerHandles(s: Step, m: LinkMessage): void {
  switch (m.type) {
    case 'NEWEPOCH': return followerOnNEWEPOCH(s, m.mepoch);
    case 'DIFF': case 'TRUNC': case 'SNAP': return followerOnSync(s, m);
    case 'NEWLEADER': return followerOnNEWLEADER(s, m.mepoch);
    case 'COMMITLD': return followerOnCOMMITLD(s, m.mzxid);
    case 'PROPOSE': return followerOnPROPOSE(s, m.mtxn);
    case 'COMMIT': return followerOnCOMMIT(s, m.mzxid);
    case 'PING': return toLeader(s, { type: 'PING' });
    default: return set(s, { anomalies: [...s.c.anomalies, 'messageIllegal'] });
  }
}

/** A message on a leader–follower connection: read in order, then handled one by one while
 * the connection we read it on is still ours. */
function onLink(s: Step, m: Incoming<LinkMessage>): void {
  const j = m.from;
  if (s.c.state === 'LEADING') {
    let l = s.c.learners[j];
    if (m.type === 'CEPOCH' && m.n === 1 && (!l || newerConn(m.conn, l.link.conn))) {
      l = { link: openLink(m.conn), cepoch: null, ackepoch: null, synced: false, ackld: false, heard: s.c.ticks };
      set(s, { learners: { ...s.c.learners, [j]: l } });
    }
    if (!l) return;
    const { link, ready } = receive(l.link, m);
    updateLearner(s, j, ready.length > 0 ? { link, heard: s.c.ticks } : { link });
    for (const r of ready) {
      if (s.c.state !== 'LEADING' || s.c.learners[j]?.link.conn !== r.conn) break;
      leaderHandles(s, j, r);
    }
  } else if (s.c.state === 'FOLLOWING' && s.c.leader === j && s.c.link) {
    const { link, ready } = receive(s.c.link, m);
    if (link === s.c.link) return;
    set(s, { link });
    // A message held behind a gap is not yet read: only progress counts as hearing the leader.
    if (ready.length > 0) armSyncLimit(s);
    for (const r of ready) {
      if (s.c.state !== 'FOLLOWING' || s.c.link?.conn !== r.conn) break;
      followerHandles(s, r);
    }
  }
}

/** The leader's tick (Leader.java `lead` loop): ping learners, drop the silent ones, and give up
 * when recovery takes longer than initLimit or a quorum of synced followers is gone. */
function onTick(s: Step): void {
  if (s.c.state !== 'LEADING') return;
  const ticks = s.c.ticks + 1;
  set(s, { ticks });
  const learners = Object.fromEntries(Object.entries(s.c.learners).filter(([, l]) => ticks - l.heard <= s.c.params.syncLimit));
  set(s, { learners });
  for (const j of Object.keys(learners)) toLearner(s, j, { type: 'PING' });
  if (s.c.zabState !== 'BROADCAST' && ticks - s.c.phaseTick > s.c.params.initLimit) return shutdown(s, 'recovery took longer than initLimit');
  const synced = 1 + Object.values(s.c.learners).filter((l) => l.ackld).length;
  if (s.c.zabState === 'BROADCAST' && !isQuorum(synced, s.c.servers.length)) return shutdown(s, 'lost a quorum of followers');
  timer(s, 'tick', s.c.params.tick);
}

export function step(c: ZabContext, e: ZabEvent): Step {
  const s: Step = { c, out: [] };
  switch (e.type) {
    case 'NOTIFICATION':
      onNotification(s, e, decide);
      break;
    case 'ClientRequest': {
      const op = `${c.id}:${e.at}.${c.incarnation}.${c.opCount}`;
      const [key = '', ...rest] = e.command.split('=');
      set(s, { opCount: c.opCount + 1 });
      reply(s, { type: 'invoke', op, key, value: rest.join('=') });
      onClientWrite(s, e.command, op);
      break;
    }
    case 'notifyTimeout':
      onNotifyTimeout(s);
      break;
    case 'finalizeWait':
      onFinalize(s, decide);
      break;
    case 'tick':
      onTick(s);
      break;
    case 'reconnect':
      // Nothing read on this connection yet: the leader was not listening; connect again.
      if (s.c.state === 'FOLLOWING' && s.c.zabState === 'DISCOVERY' && s.c.link?.read === 0 && s.c.leader) connect(s, s.c.leader);
      break;
    case 'syncLimit':
      if (s.c.state === 'FOLLOWING') shutdown(s, 'leader silent for syncLimit');
      break;
    case 'flush':
      onFlushTimer(s);
      break;
    default:
      onLink(s, e);
  }
  return s;
}

export { historyOf };
