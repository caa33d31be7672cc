/**
 * Reads a Zab server's observable state (protocols/zab/observe.ts, named after Zab.tla) for the
 * history view, defensively: views do not import protocols, and a state from another protocol
 * reads as null.
 */
import type { Observable } from '../../sim/types';

export type ChipStatus = 'committed' | 'logged' | 'buffered';

export interface Chip {
  index: number;
  epoch: number;
  counter: number;
  value: string;
  status: ChipStatus;
}

export interface ZabRow {
  state: string;
  zabState: string;
  acceptedEpoch: number;
  currentEpoch: number;
  lastCommitted: number;
  leader: string | null;
  round: number;
  vote: { leader: string; epoch: number; zxid: [number, number] } | null;
  votes: Record<string, string> | null;
  syncMode: string | null;
  chips: Chip[];
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function zxid(v: unknown): [number, number] {
  return Array.isArray(v) ? [num(v[0]), num(v[1])] : [0, 0];
}

export function readZab(s: Observable): ZabRow | null {
  if (!Array.isArray(s.history) || typeof s.zabState !== 'string') return null;
  const logged = num(s.logged);
  const lastCommitted = num(s.lastCommitted);
  const chips = (s.history as unknown[]).map((t, i): Chip => {
    const o = (t ?? {}) as Record<string, unknown>;
    const [epoch, counter] = zxid(o.zxid);
    // Delivered wins: a buggy follower may deliver a txn it has not flushed yet, and the view
    // then says so with the dashed border on top of the solid fill.
    const status: ChipStatus = i < lastCommitted ? 'committed' : i < logged ? 'logged' : 'buffered';
    return { index: i + 1, epoch, counter, value: str(o.value) ?? '', status };
  });
  const v = s.vote as Record<string, unknown> | undefined;
  return {
    state: str(s.state) ?? '',
    zabState: s.zabState,
    acceptedEpoch: num(s.acceptedEpoch),
    currentEpoch: num(s.currentEpoch),
    lastCommitted,
    leader: str(s.leader),
    round: num(s.round),
    vote: v ? { leader: str(v.leader) ?? '', epoch: num(v.epoch), zxid: zxid(v.zxid) } : null,
    votes: s.votes && typeof s.votes === 'object' ? (s.votes as Record<string, string>) : null,
    syncMode: str(s.syncMode),
    chips,
  };
}

/** Whether a chip at `index` is on disk, for the dashed "buffered" marking over a delivered chip. */
export function onDisk(s: Observable, index: number): boolean {
  return index <= num(s.logged);
}
