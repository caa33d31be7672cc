/** A duration as people read it, in the reader's language: 600 ms, 1.2 s, 10 min (walk-through:
 * the end-of-run reason left its units in English in Chinese). */
import { translate, type Lang } from './index';

export function formatDuration(lang: Lang, ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return translate(lang, 'walk.dur.min', { n: (ms / 60_000).toLocaleString(lang) });
  if (ms >= 1000) return translate(lang, 'walk.dur.s', { n: Number((ms / 1000).toFixed(1)).toLocaleString(lang) });
  return translate(lang, 'walk.dur.ms', { n: ms.toLocaleString(lang) });
}
