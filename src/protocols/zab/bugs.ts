/** Bug switches: each one a mistake ZooKeeper or the Zab spec actually made, with the curated
 * scenario `<id>-bug` that shows it (scenarios.ts) and the invariants that catch it. */
import type { BugSpec } from '../types';

export const zabBugs: BugSpec[] = [
  {
    id: 'diff-without-trunc',
    description: 'ZOOKEEPER-1154: the leader sends DIFF whenever the follower\'s last zxid lies inside its committed log, without checking that the zxid is in it, so an old-epoch txn only the follower logged survives.',
    breaks: ['prefix-consistency', 'agreement', 'total-order', 'primary-integrity', 'leader-log-completeness'],
  },
  {
    id: 'ack-newleader-before-flush',
    description: 'ZOOKEEPER-3911 / 4646: a follower acknowledges NEWLEADER while the synchronized txns are still only in memory; crashing before the flush loses txns the leader counted as held and committed.',
    breaks: ['leader-log-completeness', 'total-order'],
  },
  {
    id: 'epoch-before-log',
    description: 'ZOOKEEPER-4643: a follower writes currentEpoch on NEWLEADER before the synchronized txns; crashing in between leaves a server with a new epoch and an old log, which then wins the election and truncates a committed txn away.',
    breaks: ['leader-log-completeness'],
  },
  {
    id: 'new-epoch-from-self',
    description: 'The leader picks its new epoch from its own accepted epoch only, ignoring the followers\' CEPOCH: a follower that accepted that epoch from a leader which died can accept it again, and one epoch gets two leaders.',
    breaks: ['one-leader-per-epoch'],
  },
  {
    id: 'propose-to-ackld-only',
    description: 'Protocol-spec issue 1: PROPOSE goes only to followers that acknowledged NEWLEADER, so a follower between NEWLEADER and its acknowledgement misses a proposal and later gets a COMMIT for a txn it lacks.',
    breaks: ['should-not-be-triggered'],
  },
  {
    id: 'commitld-ack-zxid',
    description: 'Protocol-spec issue 3: COMMITLD carries the zxid of the follower\'s ACKLD instead of the leader\'s lastCommitted, so a txn committed meanwhile is never committed on the late follower and the next COMMIT is out of order.',
    breaks: ['should-not-be-triggered'],
  },
];
