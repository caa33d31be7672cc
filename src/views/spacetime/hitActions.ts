/**
 * What a click on the diagram does: it pauses the run, moves the cursor to the thing clicked
 * (just after a message is sent, at a fault or a violation, at the start of a span or cut, or
 * at the time under the pointer) and selects the node or message it concerns. Kept apart from
 * the controller, which only finds the hit, so the mapping reads as one table.
 */
import type { SessionState } from '../../store/session';
import type { RunIndex } from './runIndex';
import type { Hit } from './scene';

export function applyHit(s: SessionState, index: RunIndex, hit: Hit): void {
  const node = (lane: number) => ({ kind: 'node' as const, id: index.lanes[lane]! });
  s.pause();
  switch (hit.kind) {
    case 'message':
      s.seekStep(index.sendSeq[hit.id]! + 1);
      s.select({ kind: 'message', id: hit.id });
      break;
    case 'event': {
      const ev = s.sim.events[hit.seq]!;
      s.seekStep(hit.seq + 1);
      if (ev.message && (ev.kind === 'drop' || ev.kind === 'duplicate' || ev.kind === 'delay')) s.select({ kind: 'message', id: ev.message.id });
      else if (ev.node) s.select({ kind: 'node', id: ev.node });
      break;
    }
    case 'violation':
      s.seekStep(s.sim.violations[hit.index]!.seq + 1);
      s.select(node(hit.lane));
      break;
    case 'span':
      s.seekStep(hit.span.startSeq + 1);
      s.select(node(hit.span.lane));
      break;
    case 'cut':
      s.seekStep(hit.cut.startSeq + 1);
      s.select(node(hit.cut.from));
      break;
    case 'partition':
    case 'lane':
      s.seekTime(Math.max(0, hit.time));
      s.select(node(hit.lane));
      break;
    case 'axis':
      s.seekTime(Math.max(0, hit.time));
      break;
  }
}
