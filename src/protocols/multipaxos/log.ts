/**
 * The replicated log as pure data and functions over it: SMR's `insts` (one entry per slot, from
 * slot 1 at index 0, `null` for an Empty slot), what a Prepare reply reports, the peak vote per
 * slot, the no-op gap filling of Paxos Made Simple section 3, and the in-order apply.
 */
import type { Ballot } from '../kit/ballots';
import { isNoop, NOOP, type Cmd, type Slot, type Vote } from './messages';

/** SMR's instance status. Empty slots are `null` in the log. */
export type Status = 'Preparing' | 'Accepting' | 'Committed';

export interface Inst {
  status: Status;
  /** The command this replica associates with the slot (proposed, voted, or committed). */
  cmd: Cmd | null;
  /** This replica's latest vote in the slot (durable). */
  voted: Vote | null;
  /** `execute-across-gap` only: applied before the slots below it were committed. */
  early?: true;
}

export type Insts = readonly (Inst | null)[];
/** The applied state: a key-value store that each `k=v` command writes. */
export type KValue = Readonly<Record<string, string>>;

export const instAt = (insts: Insts, s: Slot): Inst | null => insts[s - 1] ?? null;

/** `insts` with slot `s` replaced (grown with Empty slots when needed). */
export function withInst(insts: Insts, s: Slot, inst: Inst): Insts {
  const out = insts.slice();
  while (out.length < s - 1) out.push(null);
  out[s - 1] = inst;
  return out;
}

/** This replica's votes in slots ≥ `from`, as a PrepareReply carries them. */
export function votesFrom(insts: Insts, from: Slot): Record<string, Vote> {
  const out: Record<string, Vote> = {};
  for (let s = Math.max(1, from); s <= insts.length; s++) {
    const v = insts[s - 1]?.voted;
    if (v) out[s] = v;
  }
  return out;
}

/** SMR's PeakVotedCmd, folded one reply at a time: per slot, the vote with the highest ballot. */
export function mergePeaks(peaks: Readonly<Record<string, Vote>>, votes: Readonly<Record<string, Vote>>): Record<string, Vote> {
  const out = { ...peaks };
  for (const [s, v] of Object.entries(votes)) if (!out[s] || v.bal > out[s].bal) out[s] = v;
  return out;
}

/** Accepting slots wait for a new leader's phase 2 (SMR's BecomeLeader and HandlePrepare). */
export const toPreparing = (insts: Insts): Insts => (insts.some((i) => i?.status === 'Accepting') ? insts.map((i) => (i?.status === 'Accepting' ? { ...i, status: 'Preparing' as const } : i)) : insts);

/**
 * What a leader proposes once prepared: for every slot above `commitUpTo` that it has not
 * committed and that lies below the highest slot any reply voted in, the peak vote's command,
 * or a no-op where nobody voted (the gap of Paxos Made Simple section 3). `ignoreVotes`
 * (`ignore-prepare-votes`) proposes nothing there: the slots look free for new commands.
 */
export function proposalsAfterPrepare(insts: Insts, commitUpTo: Slot, peaks: Readonly<Record<string, Vote>>, ignoreVotes: boolean): { slot: Slot; cmd: Cmd }[] {
  if (ignoreVotes) return [];
  let top = commitUpTo;
  for (const s of Object.keys(peaks)) top = Math.max(top, Number(s));
  const out: { slot: Slot; cmd: Cmd }[] = [];
  for (let s = commitUpTo + 1; s <= top; s++) {
    if (instAt(insts, s)?.status === 'Committed') continue;
    out.push({ slot: s, cmd: peaks[s]?.cmd ?? NOOP });
  }
  return out;
}

/** SMR's FirstEmptySlot for a prepared leader: the first slot above `commitUpTo` neither
 * committed nor already proposed by this leader in `bal`. */
export function firstFreeSlot(insts: Insts, commitUpTo: Slot, bal: Ballot): Slot {
  let s = commitUpTo + 1;
  for (;;) {
    const i = instAt(insts, s);
    if (!i || (i.status !== 'Committed' && i.voted?.bal !== bal)) return s;
    s++;
  }
}

/** `k=v` writes v under k; text without `=` writes '' under itself. */
export function parseCommand(text: string): { key: string; value: string } {
  const eq = text.indexOf('=');
  return eq < 0 ? { key: text, value: '' } : { key: text.slice(0, eq), value: text.slice(eq + 1) };
}

export function applyCmd(kv: KValue, c: Cmd): KValue {
  if (isNoop(c)) return kv;
  const { key, value } = parseCommand(c.cmd);
  return kv[key] === value ? kv : { ...kv, [key]: value };
}

/** The in-order fold the applied state must equal (PMMC invariant R3). */
export const foldCommands = (cmds: readonly Cmd[]): KValue => cmds.reduce(applyCmd, {} as KValue);

/**
 * Applies committed slots strictly in order from commitUpTo + 1 (PMMC's perform, R2/R3), and
 * names the slots it applied. A slot already applied early (the bug) is not applied twice.
 */
export function advance(insts: Insts, commitUpTo: Slot, kvalue: KValue): { insts: Insts; commitUpTo: Slot; kvalue: KValue; applied: { slot: Slot; cmd: Cmd }[] } {
  let up = commitUpTo;
  let kv = kvalue;
  const applied: { slot: Slot; cmd: Cmd }[] = [];
  for (let i = instAt(insts, up + 1); i?.status === 'Committed' && i.cmd; i = instAt(insts, up + 1)) {
    up++;
    if (!i.early) kv = applyCmd(kv, i.cmd);
    applied.push({ slot: up, cmd: i.cmd });
  }
  return { insts, commitUpTo: up, kvalue: kv, applied };
}
