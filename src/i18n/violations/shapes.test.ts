/**
 * One message of every shape the newer protocols' checkers can word (their `message:` strings,
 * including the ones no curated scenario produces), each translated with its ids kept.
 */
import { describe, expect, it } from 'vitest';
import { hasViolationText, violationText } from '../violations';

const SHAPES: Record<string, string[]> = {
  twopc: [
    't1: n2 committed and n3 aborted',
    'n1 committed t1 before n3, n4 prepared',
    'n2 aborted t1 after voting Prepared, with no abort by the TM or another RM',
    'n1 had committed t1, then forgot it',
    'n2 had aborted t2, then changed to committed',
    'n3 had committed t1, then changed to working',
  ],
  threepc: [
    't1: n1 committed and n3 aborted',
    'n1 committed t1 before n3 voted yes',
    'n2 had committed t1, then changed to waiting (w)',
    'n2 had aborted t1, then forgot it',
  ],
  paxos: [
    'two values chosen: v1 in ballot 1 (by a1, a2) and v2 in ballot 2 (by a2, a3)',
    'ballot 2 has votes for v1 and v2 and v3',
    "a2's vote for v2 in ballot 2 is not safe: in ballot 1 no majority voted for v2 or can no longer vote",
    'a2 had promised ballot 2, then forgot that promise',
    'a2 had promised ballot 3, then its promise went back to ballot 1',
    'p1 told its client v1 is chosen, which no majority of acceptors voted for in one ballot',
    'l1 learned v1, which no majority of acceptors voted for in one ballot',
    'p1 believes chosen v1, which no majority of acceptors voted for in one ballot',
    'v9 is chosen (ballot 3) but nobody proposed it',
  ],
  multipaxos: [
    'slot 3: w=3 (n1@100#3) chosen in ballot 1 and no-op in ballot 3',
    'slot 3, ballot 2: votes for w=3 (n1@100#3) and no-op',
    'slot 3: w=3 (n1@100#3) is chosen in ballot 1, but n3 voted for w=4 (n3@170#1) in ballot 3',
    'slot 3: ? (n9@1#1) is chosen but no client submitted it',
    'n3 committed w=4 (n3@170#1) in slot 3, but no-op is chosen there',
    'n1 committed no-op in slot 1, but nothing is chosen there',
    'slot 2: n2 committed w=6, n1 committed x=9',
    'n1 counts slots 1 to 3 as committed, but slot 2 is not committed',
    'n1\'s applied state is {"x":"3"}, but applying slots 1 to 1 in order gives {"x":"1"}',
    'n3 had promised ballot 2, then its promise went back to ballot 1',
  ],
  zab: [
    'n2 and n3 both established epoch 2',
    'at index 4 n3 committed (1,4)=g=4 but n1 committed (2,1)=d=81',
    'n3 delivered (1,4)=g=4 of an earlier epoch, which its leader n2 of epoch 2 has not',
    'n3 was told by n2 to commit zxid (1,2), which is not the next uncommitted transaction in its log',
    'n3 got a proposal for zxid (2,3) from n1 that does not follow the last transaction in its log',
    'n3 was told by n2 to commit up to zxid (2,1), which is not in its log',
    'n1 got an acknowledgement from n2 for zxid (1,7), which is not in its log',
    'n2 got NEWEPOCH from n1 during broadcast, a phase in which it cannot arrive',
    'n1 got PROPOSE from n2, which it cannot receive in its role and phase',
    'n2 reached a state the protocol rules out (synchronization)',
    'n3 was told by n2 to commit up to zxid (2,1), which is not in its log; n3 got COMMITLD from n2 during discovery, a phase in which it cannot arrive',
    'leader n1 of epoch 3 holds (1,3)=c at index 4, where (1,4)=d=4 was committed in epoch 1 (delivered by n3)',
    'leader n2 of epoch 3 holds nothing at index 4, where (1,4)=d=4 was committed in epoch 2 (delivered by n3)',
    'n1 delivered (1,5)=q, which no leader ever broadcast',
    "n2 delivered (2,2)=e=82 and n3 delivered (1,4)=g=4, but neither delivered the other's",
    'n1 delivered (2,1)=a at position 4, where it had delivered (1,4)=b',
    'n3 delivered (1,4)=g=4 before (2,1)=d=81, but n1 did not',
    'n2 broadcast (2,1)=a before (2,2)=b in epoch 2, but n1 delivered (2,2)=b without it first',
    'n1 delivered (1,5)=a after (2,1)=b of a later epoch',
  ],
  lock: [
    "two masters' views grant L to sessions s1-1 and s2-1 at once",
    'the database records L granted to s1-1 with sequencer 1, but L already had sequencer 2',
    'storage accepted token 4 for L after token 5',
    "c1 wrote L under grant #1 after c2's write under the newer grant #2 had landed",
    'c1 and c2 both believe they hold L',
    'c1 sent Acquire while its session was expired',
    'c1 sent Write while its session was in jeopardy',
  ],
};

/** English glue words: none may be left once a template has matched. */
const GLUE = /\b(?:in|of|and|but|the|was|is|to|for|after|before|by|at|which|no|not|it|its|nothing)\b/;
/** Node ids, values, sessions, zxids: all must survive. */
const IDS = /\b[a-z]\d+(?:-\d+)?\b|\(\d+,\d+\)=\S+?(?=[,\s]|$)/g;

describe('every message shape of the newer protocols', () => {
  for (const [id, messages] of Object.entries(SHAPES)) {
    it(`is translated for ${id}, keeping its ids`, () => {
      for (const m of messages) {
        expect(hasViolationText(id, m), m).toBe(true);
        const zh = violationText('zh-CN', id, m);
        expect(zh, m).not.toMatch(GLUE);
        for (const token of m.match(IDS) ?? []) expect(zh, m).toContain(token);
      }
    });
  }
});
