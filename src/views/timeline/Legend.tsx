/**
 * The timeline's key: the density strip, each fault family's glyph, a violation pin and the
 * not-yet-reached part of the run.
 */
import type { FaultFamily } from './markers';
import { FAMILY_SHAPES } from './StaticLayer';
import type { Translate } from './track';

const FAMILIES: FaultFamily[] = ['node', 'network', 'message', 'schedule'];

export function Legend({ t }: { t: Translate }) {
  return (
    <ul className="tl-legend" aria-label={t('timeline.legend')}>
      <li>
        <svg width="14" height="12" aria-hidden="true">
          <path className="tl-density" d="M3.5,12v-6M6.5,12v-10M9.5,12v-4" />
        </svg>
        {t('timeline.legend.density')}
      </li>
      {FAMILIES.map((f) => (
        <li key={f}>
          <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true" className={`tl-fault-${f}`}>
            <path d={FAMILY_SHAPES[f]} />
          </svg>
          {t(`timeline.legend.${f}`)}
        </li>
      ))}
      <li>
        <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true" className="tl-pin">
          <circle className="tl-pin-head" r={6} />
          <text className="tl-pin-mark">!</text>
        </svg>
        {t('timeline.legend.violation')}
      </li>
      <li>
        <svg width="16" height="12" aria-hidden="true">
          <rect className="tl-future" width="16" height="12" />
        </svg>
        {t('timeline.legend.future')}
      </li>
    </ul>
  );
}
