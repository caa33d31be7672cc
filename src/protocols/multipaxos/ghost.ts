/**
 * What the checker reads off a trace event for its ghost history (never a node's state): the
 * votes <<bal, slot, cmd>> cast, and the commands clients submitted. A vote is an AcceptReply an
 * acceptor sends (the spec's VotedForIn over 2b messages) or an Accept a leader sends: the leader
 * votes for its own proposal in the same step (SMR's TakeNewRequest). Votes are keyed by the
 * command's op id (`noop` for a no-op), so each submitted command is one value.
 */
import type { TraceEvent } from '../types';
import { VoteLedger } from '../kit/votes';
import { majority, type Ballot } from '../kit/ballots';
import type { Accept, AcceptReply, ClientReply, Cmd, NodeId, Slot } from './messages';

export interface GhostVote {
  acc: NodeId;
  bal: Ballot;
  slot: Slot;
  cmd: Cmd;
}

/** The votes this event sent. A resent Accept or AcceptReply repeats a vote; the ledger
 * ignores repeats. */
export function votesIn(event: TraceEvent): GhostVote[] {
  const out: GhostVote[] = [];
  for (const m of event.sent ?? []) {
    if (m.type !== 'Accept' && m.type !== 'AcceptReply') continue;
    const p = m.payload as Accept | AcceptReply;
    out.push({ acc: m.from, bal: p.bal, slot: p.slot, cmd: p.cmd });
  }
  return out;
}

/** The commands clients handed to a replica at this event (taken or queued). */
export function submissionsIn(event: TraceEvent): { op: string; command: string }[] {
  if (!event.output) return [];
  return (event.output as ClientReply[]).filter((r) => r.type === 'proposing').map((r) => ({ op: r.op, command: r.command }));
}

/** Per slot, a Voting.tla ledger of votes judged with a true majority of every replica, plus
 * each slot's votes in arrival order (for A5) and the command text of every op seen. */
export class SlotLedgers {
  private readonly ledgers = new Map<Slot, VoteLedger>();
  readonly votes = new Map<Slot, GhostVote[]>();
  readonly commands = new Map<string, string>();
  private readonly quorum: number;

  constructor(readonly acceptors: readonly NodeId[]) {
    this.quorum = majority(acceptors.length);
  }

  /** Records a vote; true when it is new. */
  record(v: GhostVote, seq: number, time: number): boolean {
    let l = this.ledgers.get(v.slot);
    if (!l) this.ledgers.set(v.slot, (l = new VoteLedger(this.acceptors, this.quorum)));
    this.commands.set(v.cmd.op, v.cmd.cmd);
    if (!l.record(v.acc, v.bal, v.cmd.op, seq, time)) return false;
    const list = this.votes.get(v.slot) ?? [];
    list.push(v);
    this.votes.set(v.slot, list);
    return true;
  }

  ledger(slot: Slot): VoteLedger | undefined {
    return this.ledgers.get(slot);
  }

  /** The op chosen first in `slot`, with its ballot, or undefined. */
  chosen(slot: Slot): { op: string; ballot: Ballot } | undefined {
    const c = this.ledgers.get(slot)?.chosen()[0];
    return c ? { op: c.value, ballot: c.ballot } : undefined;
  }

  slots(): Slot[] {
    return [...this.ledgers.keys()];
  }
}

/** A ledger of every vote in `events` (tests and views). */
export function ledgerOf(events: readonly TraceEvent[], nodes: readonly NodeId[]): SlotLedgers {
  const l = new SlotLedgers(nodes);
  for (const e of events) for (const v of votesIn(e)) l.record(v, e.seq, e.time);
  return l;
}
