/**
 * The explorer's abstraction of a consistent-hashing cluster (issue 12): per server, up or
 * down, its place in the ring, whether it is handing keys off and how far its ring view lags
 * the newest epoch; per client, how many operations it waits on and how many writes it has
 * had acknowledged (capped). Node names are forgotten: a sorted multiset.
 */
import type { NodeId, NodeView } from '../types';
import type { ChashObservable } from './observe';

const cap = (x: number, c: number) => (x > c ? c : x);

export function abstractChash(nodes: ReadonlyMap<NodeId, NodeView>): string {
  let epoch = 0;
  for (const v of nodes.values()) epoch = Math.max(epoch, (v.state as ChashObservable).epoch);
  const parts: string[] = [];
  for (const v of nodes.values()) {
    const s = v.state as ChashObservable;
    const lag = cap(epoch - s.epoch, 2);
    if (s.role === 'server') parts.push(`s${v.up ? '' : 'x'}${s.self[0]}${s.handoff ? 'h' : ''}${lag}${cap(Object.keys(s.writes).length, 2)}`);
    else parts.push(`c${v.up ? '' : 'x'}${lag}${cap(Object.keys(s.ops).length, 2)}${cap(Object.keys(s.acked).length, 3)}`);
  }
  return parts.sort().join(' ');
}
