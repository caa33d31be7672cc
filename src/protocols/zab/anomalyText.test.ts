import { describe, expect, it } from 'vitest';
import { anomalyMessage, anomalySentence } from './anomalyText';

const msg = (type: string, payload: Record<string, unknown>) => ({ id: 1, from: 'n2', to: 'n3', type, payload: { type, ...payload }, sentAt: 0, arriveAt: 1 });

describe('ShouldNotBeTriggered flags as sentences', () => {
  it('names the node, the sender, the message and its zxid, never the flag', () => {
    const cases: [Parameters<typeof anomalySentence>, string][] = [
      [['n3', 'commitInconsistent', msg('COMMIT', { mzxid: [1, 2] }), 'BROADCAST'], 'n3 was told by n2 to commit zxid (1,2), which is not the next uncommitted transaction in its log'],
      [['n3', 'proposalInconsistent', msg('PROPOSE', { mtxn: { zxid: [2, 3], value: 'x' } }), 'BROADCAST'], 'n3 got a proposal for zxid (2,3) from n2 that does not follow the last transaction in its log'],
      [['n3', 'proposalInconsistent', msg('COMMITLD', { mzxid: [2, 1] }), 'SYNCHRONIZATION'], 'n3 was told by n2 to commit up to zxid (2,1), which is not in its log'],
      [['n3', 'ackInconsistent', msg('ACK', { mzxid: [1, 7] }), 'BROADCAST'], 'n3 got an acknowledgement from n2 for zxid (1,7), which is not in its log'],
      [['n3', 'stateInconsistent', msg('NEWEPOCH', { mepoch: 2 }), 'BROADCAST'], 'n3 got NEWEPOCH from n2 during broadcast, a phase in which it cannot arrive'],
      [['n3', 'messageIllegal', msg('PROPOSE', {}), 'DISCOVERY'], 'n3 got PROPOSE from n2, which it cannot receive in its role and phase'],
      [['n3', 'messageIllegal', undefined, 'DISCOVERY'], 'n3 reached a state the protocol rules out (discovery)'],
    ];
    for (const [args, text] of cases) {
      expect(anomalySentence(...args)).toBe(text);
      expect(anomalySentence(...args)).not.toMatch(/Inconsistent|Illegal/);
    }
  });
  it('joins the flags of one step, each once', () => {
    const m = msg('COMMITLD', { mzxid: [2, 1] });
    expect(anomalyMessage('n3', ['proposalInconsistent', 'stateInconsistent', 'stateInconsistent'], m, 'DISCOVERY')).toBe(
      'n3 was told by n2 to commit up to zxid (2,1), which is not in its log; n3 got COMMITLD from n2 during discovery, a phase in which it cannot arrive',
    );
  });
});
