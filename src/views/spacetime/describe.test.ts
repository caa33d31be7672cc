import { describe, expect, it } from 'vitest';
import type { Message, TraceEvent } from '../../sim/types';
import { loadStrings, translate, type StringKey } from '../../i18n';
import { describeHit, type TipContext } from './describe';
import { RunIndex } from './runIndex';

const msg = (id: number, from: string, to: string): Message => ({ id, from, to, type: 'Ping', payload: { type: 'Ping' }, sentAt: 0, arriveAt: 10 });

function tip(events: TraceEvent[], id: number): string[] {
  const index = new RunIndex(['n1', 'n2']);
  index.update(events);
  const c: TipContext = { t: (k: StringKey, v) => translate('en', k, v), index, events, violations: [], invariantName: (s) => s };
  return describeHit(c, { kind: 'message', id } as Parameters<typeof describeHit>[1]).lines;
}

describe('message tooltips', () => {
  it('name the node whose crash lost the message: the receiver, or the sender whose outbox died with it', async () => {
    await loadStrings();
    const toReceiver = msg(1, 'n1', 'n2');
    const fromSender = msg(2, 'n1', 'n2');
    const byReceiver = tip([{ seq: 0, time: 0, kind: 'start', node: 'n1', sent: [toReceiver] }, { seq: 1, time: 5, kind: 'crash', node: 'n2', detail: { lostMessages: [1] } }], 1);
    const bySender = tip([{ seq: 0, time: 0, kind: 'start', node: 'n1', sent: [fromSender] }, { seq: 1, time: 5, kind: 'crash', node: 'n1', detail: { lostMessages: [2] } }], 2);
    expect(byReceiver).toContain('lost at 5 ms: n2 crashed');
    expect(bySender).toContain('lost at 5 ms: n1 crashed');
  });
});
