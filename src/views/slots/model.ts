/**
 * What the slot log draws, as data: per replica and slot, one of gap / voted / preparing /
 * committed / applied, with the vote's ballot, the command (no-ops marked), and whether the
 * checker's ghost history says that command is chosen there. Reads Multi-Paxos's observable
 * state (`insts`, `commitUpTo`) and the ghost ledger fed from the trace, never node internals.
 */
import type { Observable, TraceEvent } from '../../sim/types';
import { SlotLedgers, votesIn } from '../../protocols/multipaxos/ghost';

export type CellKind = 'gap' | 'voted' | 'preparing' | 'committed' | 'applied';

export interface Cell {
  slot: number;
  kind: CellKind;
  /** The command's text ('' for a gap). */
  command: string;
  noop: boolean;
  /** The replica's vote's ballot, or null. */
  ballot: number | null;
  /** The ghost history says this cell's command is chosen in this slot. */
  chosen: boolean;
}

interface InstLike {
  status: string;
  cmd: { op: string; cmd: string } | null;
  voted: { bal: number; cmd: { op: string; cmd: string } } | null;
}

export interface SlotState {
  insts: readonly (InstLike | null)[];
  commitUpTo: number;
  balMaxKnown: number;
}

/** The Multi-Paxos fields of an observable state, or null for another protocol's. */
export function readSlots(s: Observable): SlotState | null {
  if (!Array.isArray(s.insts) || typeof s.commitUpTo !== 'number' || typeof s.balMaxKnown !== 'number') return null;
  return { insts: s.insts as SlotState['insts'], commitUpTo: s.commitUpTo, balMaxKnown: s.balMaxKnown };
}

/** The ghost ledger of every vote in events[0..step), kept incrementally: a cursor that moves
 * forward feeds only the new events; one that moves back starts again. */
export class ChosenTracker {
  private ledger: SlotLedgers | null = null;
  private fed = 0;
  private events: readonly TraceEvent[] | null = null;

  at(events: readonly TraceEvent[], nodes: readonly string[], step: number): SlotLedgers {
    if (!this.ledger || this.events !== events || step < this.fed) {
      this.ledger = new SlotLedgers(nodes);
      this.fed = 0;
      this.events = events;
    }
    for (; this.fed < step && this.fed < events.length; this.fed++) {
      const e = events[this.fed]!;
      for (const v of votesIn(e)) this.ledger.record(v, e.seq, e.time);
    }
    return this.ledger;
  }
}

export function cellAt(s: SlotState, slot: number, chosenOp: string | undefined): Cell {
  const inst = s.insts[slot - 1] ?? null;
  if (!inst) return { slot, kind: 'gap', command: '', noop: false, ballot: null, chosen: false };
  const cmd = inst.cmd ?? inst.voted?.cmd ?? null;
  const kind: CellKind = inst.status === 'Committed' ? (slot <= s.commitUpTo ? 'applied' : 'committed') : inst.status === 'Preparing' ? 'preparing' : 'voted';
  return { slot, kind, command: cmd?.cmd ?? '', noop: cmd?.op === 'noop', ballot: inst.voted?.bal ?? null, chosen: !!cmd && cmd.op === chosenOp };
}

/** Columns: up to the highest slot any replica holds. */
export function slotColumns(states: readonly Observable[]): number {
  let n = 0;
  for (const s of states) {
    const r = readSlots(s);
    if (r) n = Math.max(n, r.insts.length);
  }
  return n;
}
