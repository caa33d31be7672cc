/**
 * The live run's ring under a placement scheme: the keys the run stored, their owners and
 * replicas, the last join or leave, and the figures and comparison rows the ring panel shows.
 * Read by the ring panel and by the cluster view's ring stage.
 */
import { useMemo } from 'react';
import type { StringKey } from '../../i18n';
import { tokenOf } from '../../protocols/chash/hash';
import { buildRing, preferenceList } from '../../protocols/chash/ring';
import { hashKeys, type SchemeId } from '../../protocols/chash/schemes';
import { useSession, useT } from '../session';
import type { CompareRow } from './Comparison';
import { compare } from './compare';
import type { FigureData, FiguresProps } from './Figures';
import { serverColor } from './geometry';
import { liveRing, type LiveRing } from './live';
import type { KeyDot, RingViewProps } from './RingLayers';

type T = ReturnType<typeof useT>;

export interface LiveShown {
  rows: CompareRow[];
  figure: FigureData;
  change: FiguresProps['change'];
  servers: string[];
  loads: Uint32Array;
  mark: string | null;
  timed: boolean;
  view: RingViewProps;
}

/** A protocol parameter from the scenario, else its declared default, else `fallback`. */
export function useParam(name: string, fallback: number): number {
  const value = useSession((s) => s.sim.scenario.params[name]);
  const spec = useSession((s) => s.module.params.find((p) => p.name === name)?.default);
  const v = value ?? spec;
  return typeof v === 'number' ? v : fallback;
}


/** What the live run shows under `scheme`. */
export function useLive(scheme: SchemeId, vnodes: number, replicas: number, t: T): LiveShown {
  const nodes = useSession((s) => s.frame.nodes);
  const events = useSession((s) => s.sim.events);
  const step = useSession((s) => s.frame.step);
  const live: LiveRing = useMemo(() => liveRing(nodes, events, step), [nodes, events, step]);

  // The comparison depends on the keys and the changes only: recompute when they change.
  const basis = `${vnodes}|${live.initial.join(',')}|${live.changes.map((c) => `${c.kind}:${c.server}`).join(',')}|${live.keys.join('\u0001')}`;
  const cmp = useMemo(() => {
    const hashes = hashKeys(live.keys);
    return { hashes, result: compare(hashes, live.initial, live.changes, vnodes) };
  }, [basis]);

  const row = cmp.result.rows.find((r) => r.id === scheme)!;
  const ringRow = cmp.result.rows.find((r) => r.id === 'ring')!;
  const ring = useMemo(() => buildRing(ringRow.servers, vnodes), [ringRow.servers, vnodes]);
  const last = live.changes.at(-1) ?? null;
  const pending = last && last.doneAt === null ? last : null;

  const keys: KeyDot[] = useMemo(() => {
    const moved = new Set(row.moved ?? []);
    return live.keys.map((key, i) => {
      const o = row.owner[i]!;
      const owner = o < 0 ? null : row.servers[o]!;
      const h = cmp.hashes[i]!;
      return {
        key,
        hash: h,
        owner,
        replicas: scheme === 'ring' ? preferenceList(ring, h, replicas) : owner ? [owner] : [],
        stored: live.stored.get(key) ?? [],
        movedFrom: moved.has(i) ? (row.ownerBefore?.[i] ?? null) : null,
      };
    });
  }, [live, row, cmp, scheme, ring, replicas]);

  const index = useMemo(() => new Map(live.servers.map((s, i) => [s, i])), [live.servers]);
  const color = useMemo(() => (s: string) => serverColor(index.get(s) ?? -1, live.servers.length), [index, live.servers.length]);
  const leaving = useMemo(
    () => (pending?.kind === 'leave' ? { server: pending.server, tokens: Uint32Array.from({ length: vnodes }, (_, i) => tokenOf(pending.server, i)) } : null),
    [pending?.kind, pending?.server, vnodes],
  );
  const schemeName = t(`ring.scheme.${scheme}` as StringKey);
  const note = live.members.length === 0 ? t('ring.view.noMembers') : live.keys.length === 0 ? t('ring.view.empty') : scheme !== 'ring' ? t('ring.view.noRing', { scheme: schemeName }) : null;

  return {
    rows: cmp.result.rows.map((r) => ({ id: r.id, moved: r.movedFraction, expected: r.expectedMoved, maxOverMean: r.stats.maxOverMean, cv: r.stats.cv })),
    figure: { id: row.id, stats: row.stats, theoryCv: row.theoryCv, expectedCv: row.expectedCv, movedFraction: row.movedFraction, movedCount: row.moved?.length ?? null, expectedMoved: row.expectedMoved },
    change: last ? { kind: last.kind, server: last.server, done: last.doneAt !== null, nBefore: cmp.result.nBefore, lastBucket: cmp.result.leaverLast } : null,
    servers: row.servers,
    loads: row.loads,
    mark: last?.kind === 'join' ? last.server : null,
    timed: false,
    view: {
      label: t('ring.view.label', { servers: row.servers.length, tokens: ring.tokens.length, keys: live.keys.length, scheme: schemeName }),
      ring: scheme === 'ring' ? ring : null,
      joining: pending?.kind === 'join' ? pending.server : null,
      leaving: scheme === 'ring' ? leaving : null,
      keys,
      color,
      down: live.down,
      note,
    },
  };
}

