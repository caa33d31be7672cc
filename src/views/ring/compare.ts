/**
 * The comparison: the same keys and the same membership changes under every scheme. Each
 * scheme replays the changes from the first membership (order matters to jump hash and mod N),
 * places the keys before and after the last change, and reports what moved and the load.
 */
import { applyChange, schemes, SCHEME_IDS, type Change, type SchemeId } from '../../protocols/chash/schemes';
import { expectedCv2, expectedMoved, loadStats, loadsOf, theoreticalCv, type LoadStats } from '../../protocols/chash/stats';

export interface SchemeRow {
  id: SchemeId;
  /** The server list after the last change, as the scheme orders it. */
  servers: string[];
  /** Owner index (into `servers`) of every key. */
  owner: Int32Array;
  loads: Uint32Array;
  stats: LoadStats;
  /** Theory for the load CV: √((N−1)/(Nv+1)) for the ring, null for the others (even shares). */
  theoryCv: number | null;
  /** What the CV should be with this many keys (share spread plus key sampling). */
  expectedCv: number;
  /** Keys whose owner changed in the last change, as indices into the keys. */
  moved: number[] | null;
  movedFraction: number | null;
  expectedMoved: number | null;
  /** Owner (by name) of every key before the last change. */
  ownerBefore: (string | null)[] | null;
}

export interface Comparison {
  keys: number;
  last: Change | null;
  /** Servers before the last change (N of the expected fractions). */
  nBefore: number;
  /** The last change is a leave of the last server in jump hash's bucket order. */
  leaverLast: boolean;
  rows: SchemeRow[];
}

export function compare(hashes: Uint32Array, initial: readonly string[], changes: readonly Change[], vnodes: number): Comparison {
  const all = schemes(vnodes);
  const last = changes.at(-1) ?? null;
  let nBefore = 0;
  let leaverLast = false;
  const rows = SCHEME_IDS.map((id): SchemeRow => {
    let order = [...initial];
    for (const c of changes.slice(0, -1)) order = applyChange(id, order, c);
    const before = order;
    const after = last ? applyChange(id, before, last) : before;
    nBefore = before.length;
    const owner = all[id].place(hashes, after);
    const loads = loadsOf(owner, after.length);
    const stats = loadStats(loads);
    const shareCv = id === 'ring' ? theoreticalCv(after.length, vnodes) : null;
    let moved: number[] | null = null;
    let ownerBefore: (string | null)[] | null = null;
    if (last) {
      const prev = all[id].place(hashes, before);
      ownerBefore = Array.from(prev, (o) => (o < 0 ? null : before[o]!));
      moved = [];
      for (let i = 0; i < owner.length; i++) if (ownerBefore[i] !== (owner[i]! < 0 ? null : after[owner[i]!]!)) moved.push(i);
    }
    const wasLast = last?.kind === 'leave' && before.at(-1) === last.server;
    if (id === 'jump') leaverLast = wasLast;
    return {
      id,
      servers: after,
      owner,
      loads,
      stats,
      theoryCv: shareCv,
      expectedCv: Math.sqrt(expectedCv2(after.length, hashes.length, (shareCv ?? 0) ** 2)),
      moved,
      movedFraction: moved && hashes.length ? moved.length / hashes.length : null,
      expectedMoved: last && before.length > 0 ? expectedMoved(id, last.kind, before.length, wasLast) : null,
      ownerBefore,
    };
  });
  return { keys: hashes.length, last, nBefore, leaverLast, rows };
}
