/**
 * Raft's clients (Ongaro and Ousterhout 2014, Figure 2 and section 8; Ongaro's dissertation
 * section 6.4): a key-value state machine over the log, writes answered only once their entry
 * is committed and applied, and reads served through ReadIndex: the leader notes its commit
 * index, confirms with a heartbeat round that a majority still follows it, and only then
 * answers from its state machine. Pure helpers; the machine calls them.
 */
import type { Entry, NodeId } from './messages';
import { termAt } from './log';
import { itemAt } from '../../sim/parray';

/** The entry a new leader appends at the start of its term (section 8), so that it learns
 * which entries are committed and can serve reads. It changes no key. */
export const NOOP = 'no-op';

/** `put x 1` and the older `x=1` both write; anything else (the no-op) writes nothing. */
export function parseWrite(command: string): { key: string; value: string } | null {
  const put = /^put\s+(\S+)\s+(.*)$/.exec(command);
  if (put) return { key: put[1]!, value: put[2]! };
  const eq = command.indexOf('=');
  return eq > 0 ? { key: command.slice(0, eq).trim(), value: command.slice(eq + 1).trim() } : null;
}

/** The state machine's value of `key` after applying entries 1..upTo: the last write wins. */
export function valueAt(log: readonly Entry[], upTo: number, key: string): string | null {
  for (let i = Math.min(upTo, log.length); i >= 1; i--) {
    const w = parseWrite(itemAt(log, i - 1)!.command);
    if (w && w.key === key) return w.value;
  }
  return null;
}

/** A write this server accepted and has not answered: its entry's index. Volatile: a crash
 * forgets it, and the client never hears (its op stays pending, which the checker allows). */
export interface WaitingWrite {
  op: string;
  index: number;
}

/** A read waiting for its heartbeat round (`round`) to be acknowledged by a majority. */
export interface WaitingRead {
  op: string;
  key: string;
  round: number;
}

/** What a client is told. Every reply names the op; the first reply to a request also says
 * what was asked (`f`, `key`, `value`), which is what the client history records. */
export type ClientReply =
  | { type: 'redirect'; op: string; f: 'put' | 'get'; key: string; value?: string; leaderHint: NodeId | null }
  | { type: 'accepted'; op: string; f: 'put'; key: string; value: string; index: number; term: number }
  | { type: 'accepted-read'; op: string; f: 'get'; key: string }
  | { type: 'ok'; op: string; f?: 'put' | 'get'; key?: string; value?: string | null; index?: number }
  | { type: 'fail'; op: string; reason: string };

export interface ClientState {
  log: readonly Entry[];
  commitIndex: number;
  currentTerm: number;
  waiting: readonly WaitingWrite[];
}

/**
 * Answers the writes whose fate is now known: committed (the entry at its index is still ours
 * and covered by commitIndex: applied, so `ok`), or overwritten (another leader's entry took its
 * index, which under Raft's rules means ours was never committed: `fail`).
 */
export function settleWrites(s: ClientState): { waiting: readonly WaitingWrite[]; replies: ClientReply[] } {
  if (s.waiting.length === 0) return { waiting: s.waiting, replies: [] };
  const replies: ClientReply[] = [];
  const waiting = s.waiting.filter((w) => {
    const entry = itemAt(s.log, w.index - 1);
    if (!entry || entry.op !== w.op) {
      // Replaced or truncated by a newer leader's entries: it was never committed.
      replies.push({ type: 'fail', op: w.op, reason: `entry ${w.index} was overwritten by another leader` });
      return false;
    }
    if (w.index > s.commitIndex) return true;
    replies.push({ type: 'ok', op: w.op, index: w.index });
    return false;
  });
  return { waiting: replies.length === 0 ? s.waiting : waiting, replies };
}

/** ReadIndex, step 1: a leader may serve reads only once it has committed an entry of its own
 * term; until then its commitIndex may lag what earlier leaders committed. */
export function knowsCommitted(s: ClientState): boolean {
  return s.commitIndex > 0 && termAt(s.log, s.commitIndex) === s.currentTerm;
}

/** Whether a majority (counting the leader) acknowledged round `round` or a later one. */
export function roundConfirmed(acked: Readonly<Record<NodeId, number>>, peers: readonly NodeId[], round: number): boolean {
  const majority = Math.floor((peers.length + 1) / 2) + 1;
  return 1 + peers.filter((p) => (acked[p] ?? 0) >= round).length >= majority;
}

/** ReadIndex, steps 2 to 4: the reads whose round a majority confirmed are answered from the
 * state machine at commitIndex (which covers the index noted when they arrived). */
export function serveReads(
  s: ClientState & { reads: readonly WaitingRead[]; acked: Readonly<Record<NodeId, number>>; peers: readonly NodeId[] },
): { reads: readonly WaitingRead[]; replies: ClientReply[] } {
  if (s.reads.length === 0 || !knowsCommitted(s)) return { reads: s.reads, replies: [] };
  const replies: ClientReply[] = [];
  const reads = s.reads.filter((r) => {
    if (!roundConfirmed(s.acked, s.peers, r.round)) return true;
    replies.push({ type: 'ok', op: r.op, value: valueAt(s.log, s.commitIndex, r.key) });
    return false;
  });
  return { reads: replies.length === 0 ? s.reads : reads, replies };
}
