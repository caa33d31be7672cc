/** CLI summary lines: the master and its epoch, each lock's holder and sequencer, each client's
 * session, and storage's accepted and rejected writes. */
import type { NodeId, NodeView } from '../types';
import type { LockObservable } from './observe';

export function summarizeLock(nodes: ReadonlyMap<NodeId, NodeView>): string[] {
  const lines: string[] = [];
  for (const v of nodes.values()) {
    const s = v.state as LockObservable;
    if (s.role === 'cell' && s.status !== 'standby') {
      const locks = Object.entries(s.locks).map(([l, x]) => `${l}=${x.holder ?? 'free'}#${x.gen}`);
      lines.push(`master ${v.id}: epoch ${s.epoch}, ${s.status}${v.up ? '' : ' (down)'}; ${locks.join(' ') || 'no locks'}`);
    } else if (s.role === 'client' || s.role === 'redis-client') {
      lines.push(`client ${v.id}: ${s.role === 'client' ? s.session : 'redis'}, holds ${Object.entries(s.held).map(([l, t]) => `${l}#${t}`).join(' ') || 'nothing'}`);
    } else if (s.role === 'storage') {
      const ok = s.log.filter((e) => e.accepted).map((e) => `${e.writer}:${e.token ?? '-'}`);
      const no = s.log.filter((e) => !e.accepted).map((e) => `${e.writer}:${e.token ?? '-'}`);
      lines.push(`storage: accepted ${ok.join(' ') || 'none'}; rejected ${no.join(' ') || 'none'}`);
    }
  }
  return lines;
}
