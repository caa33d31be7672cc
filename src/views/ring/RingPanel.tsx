/**
 * The consistent-hashing panel ('ring' in a protocol's view.panels): the load histogram, live figures, the comparison of four placement schemes over the run's keys and
 * membership changes, and a scale computation in a Web Worker (drawn on a binned ring). The
 * live ring itself is the cluster view's stage (RingStage.tsx). Reads the store; never steps
 * machines. Keys 1–4 pick the scheme while focus is in the panel.
 */
import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { StringKey } from '../../i18n';
import { SCHEME_IDS, type SchemeId } from '../../protocols/chash/schemes';
import { expectedCv2, theoreticalCv } from '../../protocols/chash/stats';
import { useSession, useT } from '../session';
import { BinnedRing } from './BinnedRing';
import { Comparison } from './Comparison';
import { Figures } from './Figures';
import { count } from './format';
import { serverColor } from './geometry';
import { Histogram } from './Histogram';
import { ScaleForm } from './ScaleForm';
import { BINS, serverName, type ScaleResult } from './scale';
import { useScale } from './useScale';
import { useLive, useParam, type LiveShown } from './useLive';
import './ring.css';

type T = ReturnType<typeof useT>;

/** What the panel shows: the live run's figures, or a scale result's with its binned ring. */
type Shown = Omit<LiveShown, 'view'> & { ring: ReactNode };

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
  // The live ring is the cluster view's stage (RingStage); the panel draws only a scale result's.
  const shown: Shown = showScale && atScale ? atScale : { ...live, ring: null };
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
      <div id="ring-body" className={showScale ? 'ring-body' : 'ring-body ring-live'} hidden={!open}>
        {showScale && (
          <div className="ring-figure">
            {shown.ring}
            <Legend t={t} scale joiner={scale.result!.joiner} />
          </div>
        )}
        <div className="ring-stats">
          {!showScale && <Legend t={t} scale={false} joiner={null} />}
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
