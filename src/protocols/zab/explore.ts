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

/** A follower that just read NEWLEADER with txns still only in its sync buffer: a crash before
 * the flush. A leader that just got its quorum of ACKLDs (it committed its history on them): a
 * crash that keeps it away while its followers come back and elect. */
function faults(event: TraceEvent, nodes: ReadonlyMap<string, NodeView>): ProtocolFault[] {
  const id = event.node;
  const v = id === undefined ? undefined : nodes.get(id);
  if (!id || !v?.up || event.kind !== 'deliver') return [];
  const s = v.state as ZabObservable;
  const type = event.message?.type;
  if (type === 'NEWLEADER' && s.state === 'FOLLOWING' && s.history.length > s.logged) return [{ fault: 'crash', node: id, heal: [30, 700] }];
  const quorum = Math.floor(nodes.size / 2) + 1;
  if (type === 'ACKLD' && s.state === 'LEADING' && s.zabState === 'BROADCAST' && s.ackldRecv?.length === quorum) return [{ fault: 'crash', node: id, heal: [700, 3000] }];
  return [];
}

/** Three servers: each durability bug needs its quorum crashed at the right instants, and with
 * five the same story needs five such crashes instead of three (the bugs' own traces use three). */
export const zabExplore: ExploreHints = { abstract, faults, nodes: [3] };
