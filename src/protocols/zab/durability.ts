/**
 * The flush step: what synchronization buffered reaches the disk. Until it runs, a crash loses
 * the buffer (ZabDurable holds only the log). The correct order, from Learner.java's NEWLEADER
 * case after ZOOKEEPER-3911/4646 and 4643, is: write the txns, then currentEpoch, then ACK the
 * NEWLEADER. Proposals that arrived after an early ACK (the bug switch) are acknowledged here,
 * once they are on disk.
 */
import { type Step, historyOf, set, toLeader } from './context';
import { acknowledgeNewLeader } from './sync';
import { cmpZxid } from './types';

export function flush(s: Step): void {
  const c = s.c;
  const written = c.buffer;
  const log = historyOf(c);
  set(s, { log, buffer: [], replaceLog: false });
  if (c.newLeaderEpoch === null) return;
  if (c.currentEpoch !== c.newLeaderEpoch) set(s, { currentEpoch: c.newLeaderEpoch });
  if (!c.ackedNewLeader) return acknowledgeNewLeader(s);
  const after = c.ackldZxid;
  for (const t of written) if (after === null || cmpZxid(t.zxid, after) > 0) toLeader(s, { type: 'ACK', mzxid: t.zxid });
}

export function onFlushTimer(s: Step): void {
  if (s.c.buffer.length > 0 || s.c.replaceLog) flush(s);
}
