/**
 * Live figures of the selected scheme: max/mean load, the load CV next to its theory, and the
 * fraction of keys the last change moved next to what theory expects.
 */
import type { StringKey } from '../../i18n';
import type { SchemeId } from '../../protocols/chash/schemes';
import type { LoadStats } from '../../protocols/chash/stats';
import { useT } from '../session';
import { count, pct, ratio } from './format';

export interface FigureData {
  id: SchemeId;
  stats: LoadStats;
  theoryCv: number | null;
  expectedCv: number;
  movedFraction: number | null;
  movedCount: number | null;
  expectedMoved: number | null;
}

export interface FiguresProps {
  data: FigureData;
  scheme: string;
  vnodes: number;
  /** The last change, its state, and N before it. */
  change: { kind: 'join' | 'leave'; server: string; done: boolean; nBefore: number; lastBucket: boolean } | null;
  lang: string;
}

/** Under way, then done. */
const CHANGE: Record<'join' | 'leave', [StringKey, StringKey]> = {
  join: ['ring.fig.change.joining', 'ring.fig.change.join'],
  leave: ['ring.fig.change.leaving', 'ring.fig.change.leave'],
};

function expectedLabel(id: SchemeId, kind: 'join' | 'leave', lastBucket: boolean): StringKey {
  if (kind === 'join') return id === 'mod' ? 'ring.fig.expectedModJoin' : 'ring.fig.expectedJoin';
  if (id === 'mod') return 'ring.fig.expectedModLeave';
  return id === 'jump' && !lastBucket ? 'ring.fig.expectedJumpLeave' : 'ring.fig.expectedLeave';
}

/** Below this many keys per server on average, a measured spread says more about the sample
 * than about the scheme: sampling alone gives a CV of about √((N−1)/K), over 0.3 here. */
export const FEW_KEYS_PER_SERVER = 10;

export function Figures({ data, scheme, vnodes, change, lang }: FiguresProps) {
  const t = useT();
  const { stats } = data;
  const need = FEW_KEYS_PER_SERVER * stats.servers;
  const few = stats.servers > 0 && stats.keys < need;
  const changeText = change ? t(CHANGE[change.kind][change.done ? 1 : 0], { server: change.server }) : t('ring.fig.noChange');
  return (
    <section className="ring-figs" aria-label={t('ring.fig.title', { scheme })} data-testid="ring-figures">
      <h3>{t('ring.fig.title', { scheme })}</h3>
      <p className="ring-sub">{t('ring.fig.servers', { n: count(lang, stats.servers), keys: count(lang, stats.keys) })}</p>
      {few && (
        <p className="ring-few" role="note" data-testid="ring-few">
          {t('ux.ring.fewKeys', { keys: count(lang, stats.keys), n: count(lang, stats.servers), need: count(lang, need) })}
        </p>
      )}
      <dl className="ring-fig-list">
        <div title={t('ring.fig.maxMeanTip')} data-fig="maxMean">
          <dt>{t('ring.fig.maxMean')}</dt>
          <dd>{stats.keys ? ratio(lang, stats.maxOverMean) : '—'}</dd>
        </div>
        <div title={t('ring.fig.cvTip')} data-fig="cv">
          <dt>{t('ring.fig.cv')}</dt>
          <dd>
            {stats.keys ? ratio(lang, stats.cv) : '—'}
            {data.theoryCv !== null ? (
              <span className="ring-vs" title={t('ring.fig.theoryTip', { n: stats.servers, v: vnodes, keys: count(lang, stats.keys), expected: ratio(lang, data.expectedCv) })} data-fig="cvTheory">
                {t('ring.fig.theory')} = <b>{ratio(lang, data.theoryCv)}</b>
              </span>
            ) : null}
            {data.theoryCv !== null ? (
              <span className="ring-vs" data-fig="cvExpected">
                {t('ring.fig.withKeys', { keys: count(lang, stats.keys) })} ≈ <b>{ratio(lang, data.expectedCv)}</b>
              </span>
            ) : (
              <span className="ring-vs" title={t('ring.fig.samplingTip', { keys: count(lang, stats.keys) })} data-fig="cvTheory">
                {t('ring.fig.sampling')} = <b>{ratio(lang, data.expectedCv)}</b>
              </span>
            )}
          </dd>
        </div>
        <div title={data.movedCount !== null ? t('ring.fig.movedTip', { moved: count(lang, data.movedCount), keys: count(lang, stats.keys) }) : undefined} data-fig="moved">
          <dt>
            {t('ring.fig.moved')} <span className="ring-change">({changeText})</span>
          </dt>
          <dd>
            {data.movedFraction !== null ? pct(t, lang, data.movedFraction) : '—'}
            {change && data.expectedMoved !== null && (
              <span className="ring-vs" title={t('ring.fig.expectedTip', { n: change.nBefore })} data-fig="movedExpected">
                {t(expectedLabel(data.id, change.kind, change.lastBucket))} = <b>{pct(t, lang, data.expectedMoved)}</b>
              </span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
