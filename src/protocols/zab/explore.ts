/**
 * What the explorer sees of Zab (issue 12's `explore` hints): the abstraction it branches
 * from, and the fault points random timing almost never hits. The durability bugs
 * (ZOOKEEPER-4646, -4643) live in the few milliseconds between a follower's NEWLEADER and its
 * flush; the loss shows only if the leader that committed on those acknowledgements goes away
 * before the followers return. Both points are where the protocol is, not where a bug is:
 * with every switch off they fire the same and nothing breaks.
 */
import type { ExploreHints, ProtocolFault, NodeView, TraceEvent } from '../types';
import type { ZabObservable } from './observe';
import { sameZxid, type Zxid } from './types';

/** Per server its role, phase, epochs relative to the lowest current epoch, and history/commit
 * lengths; sorted, so renaming servers changes nothing. */
function abstract(nodes: ReadonlyMap<string, NodeView>): string {
  const states = [...nodes.values()].map((v) => v.state as ZabObservable);
  const base = Math.min(...states.map((s) => s.currentEpoch));
  return [...nodes.values()]
    .map((v) => {
      const s = v.state as ZabObservable;
      const up = v.up ? '' : '!';
      return `${up}${s.state[0]}${s.zabState[0]}${s.acceptedEpoch - base}/${s.currentEpoch - base}:${s.history.length}-${s.logged}-${Math.min(s.lastCommitted, s.history.length)}`;
    })
    .sort()
    .join(' ');
}

/** The moments the durability bugs (ZOOKEEPER-4646, -4643) need, each a place any Zab
 * deployment meets, proposed with the crash the protocol's timing needs:
 * - a leader's PROPOSE in flight: a follower that crashes before it arrives lags a txn the
 *   others may commit;
 * - a leader that counts an ACK while another server is down or lacks that txn: the acker
 *   crashing leaves the txn only on the leader, and the next epoch forms with the laggard;
 * - a follower that just read NEWLEADER with txns still only in its sync buffer: a crash before
 *   the flush; and, when the leader's epoch left a server out, the leader crashing for long, so
 *   the servers that return elect without it;
 * - a leader that just got its quorum of ACKLDs (it committed its history on them): a crash
 *   that keeps it away while its followers come back and elect. */
function faults(event: TraceEvent, nodes: ReadonlyMap<string, NodeView>): ProtocolFault[] {
  const id = event.node;
  const v = id === undefined ? undefined : nodes.get(id);
  if (!id || !v?.up) return [];
  const s = v.state as ZabObservable;
  const leading = s.state === 'LEADING' && s.zabState === 'BROADCAST';
  const proposed = leading ? (event.sent ?? []).filter((m) => m.type === 'PROPOSE' && nodes.get(m.to)?.up).map((m) => m.to) : [];
  if (proposed.length >= 2) return proposed.map((node): ProtocolFault => ({ fault: 'crash', node, heal: [100, 700] }));
  if (event.kind !== 'deliver') return [];
  const type = event.message?.type;
  if (leading && type === 'ACK') {
    const acker = event.message!.from;
    const zxid = (event.message!.payload as { mzxid?: Zxid }).mzxid;
    const lags = (n: NodeView) => !n.up || !(n.state as ZabObservable).history.some((t) => zxid !== undefined && sameZxid(t.zxid, zxid));
    const laggard = [...nodes.values()].some((n) => n.id !== id && n.id !== acker && lags(n));
    return laggard && nodes.get(acker)?.up ? [{ fault: 'crash', node: acker, heal: [900, 3000] }] : [];
  }
  if (type === 'NEWLEADER' && s.state === 'FOLLOWING' && s.history.length > s.logged) {
    const out: ProtocolFault[] = [{ fault: 'crash', node: id, heal: [30, 700] }];
    const leader = s.leader === null ? undefined : nodes.get(s.leader);
    const epoch = leader?.up ? (leader.state as ZabObservable).cepochRecv : undefined;
    if (leader && epoch && epoch.length < nodes.size) out.push({ fault: 'crash', node: leader.id, heal: [1500, 4000] });
    return out;
  }
  const quorum = Math.floor(nodes.size / 2) + 1;
  if (type === 'ACKLD' && leading && s.ackldRecv?.length === quorum) return [{ fault: 'crash', node: id, heal: [700, 3000] }];
  return [];
}

/** No generic fault points: every Zab moment worth a fault is in `faults`. The generic ones
 * (an event sending to several peers, a role change) fire mostly at the leader's PINGs and
 * during elections, and each spends one of the run's few triggered faults (one to six) where
 * no durability story starts: with them, `epoch-before-log`, whose story takes four, was
 * found for two explorer seeds in five; without them, for five. */
const faultPoint = (): undefined => undefined;

/** Three servers: each durability bug needs its quorum crashed at the right instants, and with
 * five the same story needs five such crashes instead of three (the bugs' own traces use three). */
export const zabExplore: ExploreHints = { abstract, faults, faultPoint, nodes: [3] };
