/**
 * The consistent-hashing panel ('ring' in a protocol's view.panels): the ring, the load
 * histogram, live figures, the comparison of four placement schemes over the run's keys and
 * membership changes, and a scale computation in a Web Worker. Reads the store; never steps
 * machines. Keys 1–4 pick the scheme while focus is in the panel.
 */
import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { StringKey } from '../../i18n';
import { tokenOf } from '../../protocols/chash/hash';
import { buildRing, preferenceList } from '../../protocols/chash/ring';
import { hashKeys, SCHEME_IDS, type SchemeId } from '../../protocols/chash/schemes';
import { expectedCv2, theoreticalCv } from '../../protocols/chash/stats';
import { useSession, useT } from '../session';
import { BinnedRing } from './BinnedRing';
import { Comparison, type CompareRow } from './Comparison';
import { compare } from './compare';
import { Figures, type FigureData, type FiguresProps } from './Figures';
import { count } from './format';
import { serverColor } from './geometry';
import { Histogram } from './Histogram';
import { liveRing, type LiveRing } from './live';
import { RingView, type KeyDot, type RingViewProps } from './RingView';
import { ScaleForm } from './ScaleForm';
import { BINS, serverName, type ScaleResult } from './scale';
import { useScale } from './useScale';
import './ring.css';

type T = ReturnType<typeof useT>;

/** A protocol parameter from the scenario, else its declared default, else `fallback`. */
function useParam(name: string, fallback: number): number {
  const value = useSession((s) => s.sim.scenario.params[name]);
  const spec = useSession((s) => s.module.params.find((p) => p.name === name)?.default);
  const v = value ?? spec;
  return typeof v === 'number' ? v : fallback;
}

interface Shown {
  rows: CompareRow[];
  figure: FigureData;
  change: FiguresProps['change'];
  servers: string[];
  loads: Uint32Array;
  mark: string | null;
  ring: ReactNode;
  timed: boolean;
}

/** What the live run shows under `scheme`. */
function useLive(scheme: SchemeId, vnodes: number, replicas: number, t: T): Omit<Shown, 'ring'> & { view: RingViewProps } {
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

/** What a scale result shows under `scheme`. */
function scaleShown(r: ScaleResult, scheme: SchemeId, t: T, lang: string): Shown {
  const s = r.schemes.find((x) => x.id === scheme)!;
  const { servers: n, vnodes, keys } = r.input;
  const shareCv = scheme === 'ring' ? theoreticalCv(n + 1, vnodes) : null;
  const names = Array.from({ length: n + 1 }, (_, i) => serverName(i));
  const color = (i: number) => serverColor(i, n + 1);
  const schemeName = t(`ring.scheme.${scheme}` as StringKey);
  return {
    rows: r.schemes.map((x) => ({ id: x.id, moved: x.moved, expected: x.expectedMoved, maxOverMean: x.after.maxOverMean, cv: x.after.cv, placeMs: x.placeMs, joinMs: x.joinMs, joinIncrementalMs: x.joinIncrementalMs })),
    figure: {
      id: scheme,
      stats: s.after,
      theoryCv: shareCv,
      expectedCv: Math.sqrt(expectedCv2(n + 1, keys, (shareCv ?? 0) ** 2)),
      movedFraction: s.moved,
      movedCount: Math.round(s.moved * keys),
      expectedMoved: s.expectedMoved,
    },
    change: { kind: 'join', server: r.joiner, done: true, nBefore: n, lastBucket: true },
    servers: names,
    loads: s.loads,
    mark: r.joiner,
    timed: true,
    ring: (
      <BinnedRing
        label={t('ring.view.binned', { servers: count(lang, n + 1), vnodes: count(lang, vnodes), keys: count(lang, keys), bins: BINS })}
        ownerBins={r.ownerBins}
        keyBins={r.keyBins}
        movedBins={s.movedBins}
        joinTokens={r.joinTokens}
        color={color}
        titles={{ keys: t('ring.legend.keys'), moved: `${t('ring.legend.movedDensity')} · ${schemeName}`, joiner: t('ring.legend.joiner', { server: r.joiner }) }}
      />
    ),
  };
}

/** Legend entries: a swatch class and its text. */
function Legend({ t, scale, joiner }: { t: T; scale: boolean; joiner: string | null }) {
  const items: [string, string][] = scale
    ? [['lg-density', t('ring.legend.keys')], ['lg-moved-density', t('ring.legend.movedDensity')], ...(joiner ? [['lg-joiner-tick', t('ring.legend.joiner', { server: joiner })] as [string, string]] : [])]
    : [['lg-key', t('ring.legend.key')], ['lg-moved', t('ring.legend.moved')], ['lg-handoff', t('ring.legend.handoff')]];
  return (
    <ul className="ring-legend">
      {items.map(([swatch, text]) => (
        <li key={swatch}>
          <span className={`lg ${swatch}`} aria-hidden="true" />
          {text}
        </li>
      ))}
      {!scale && <li className="ring-hint">{t('ring.view.hint')}</li>}
    </ul>
  );
}

export function RingPanel() {
  const t = useT();
  const lang = useSession((s) => s.lang);
  const vnodes = useParam('vnodes', 8);
  const replicas = useParam('replicas', 3);
  const [scheme, setScheme] = useState<SchemeId>('ring');
  const [source, setSource] = useState<'live' | 'scale'>('live');
  const [open, setOpen] = useState(true);
  const scale = useScale();
  useEffect(() => {
    if (scale.result) setSource('scale');
  }, [scale.result]);

  const live = useLive(scheme, vnodes, replicas, t);
  const showScale = source === 'scale' && scale.result !== null;
  const atScale = useMemo(() => (scale.result ? scaleShown(scale.result, scheme, t, lang) : null), [scale.result, scheme, t, lang]);
  const shown: Shown = showScale && atScale ? atScale : { ...live, ring: <RingView {...live.view} /> };
  const colorOf = showScale ? (s: string) => serverColor(Number(s.slice(1)) - 1, scale.result!.input.servers + 1) : live.view.color;
  const schemeName = t(`ring.scheme.${scheme}` as StringKey);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    const el = e.target as HTMLElement;
    if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text') return;
    const i = ['1', '2', '3', '4'].indexOf(e.key);
    if (i < 0) return;
    setScheme(SCHEME_IDS[i]!);
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <section className="ring-panel" aria-labelledby="ring-title" data-testid="ring-panel" onKeyDown={onKeyDown}>
      <header className="ring-bar">
        <h2 id="ring-title">
          <button type="button" className="ring-toggle" aria-expanded={open} aria-controls="ring-body" onClick={() => setOpen(!open)} title={t(open ? 'ring.hide' : 'ring.show')}>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('ring.title')}
          </button>
        </h2>
        {scale.result && (
          <div className="ring-seg" role="group" aria-label={t('ring.source')}>
            <button type="button" aria-pressed={!showScale} onClick={() => setSource('live')} title={t('ring.source.liveTip')}>
              {t('ring.source.live')}
            </button>
            <button
              type="button"
              aria-pressed={showScale}
              onClick={() => setSource('scale')}
              title={t('ring.source.scaleTip', { servers: count(lang, scale.result.input.servers), vnodes: count(lang, scale.result.input.vnodes), keys: count(lang, scale.result.input.keys) })}
            >
              {t('ring.source.scale')}
            </button>
          </div>
        )}
        <fieldset className="ring-schemes">
          <legend>{t('ring.scheme')}</legend>
          {SCHEME_IDS.map((id, i) => (
            <label key={id} title={t(`ring.scheme.${id}Tip` as StringKey, { v: vnodes })}>
              <input type="radio" name="ring-scheme" value={id} checked={scheme === id} onChange={() => setScheme(id)} />
              <kbd aria-hidden="true">{i + 1}</kbd>
              {t(`ring.scheme.${id}` as StringKey)}
            </label>
          ))}
        </fieldset>
      </header>
      <div id="ring-body" className="ring-body" hidden={!open}>
        <div className="ring-figure">
          {shown.ring}
          <Legend t={t} scale={showScale} joiner={showScale ? scale.result!.joiner : null} />
        </div>
        <div className="ring-stats">
          <Histogram scheme={schemeName} servers={shown.servers} loads={shown.loads} color={colorOf} mark={shown.mark} lang={lang} />
          <Figures data={shown.figure} scheme={schemeName} vnodes={showScale ? scale.result!.input.vnodes : vnodes} change={shown.change} lang={lang} />
        </div>
        <div className="ring-side">
          <Comparison rows={shown.rows} selected={scheme} onSelect={setScheme} timed={shown.timed} lang={lang} />
          <ScaleForm state={scale.state} run={scale.run} cancel={scale.cancel} lang={lang} />
        </div>
      </div>
    </section>
  );
}
