/** Number formats of the ring views, per language, built once each. */
import type { useT } from '../session';

type T = ReturnType<typeof useT>;
const formats = new Map<string, Intl.NumberFormat>();

export function fmt(lang: string, digits: number, min = 0): Intl.NumberFormat {
  const key = `${lang}/${digits}/${min}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: min })));
  return f;
}

export const count = (lang: string, n: number) => fmt(lang, 0).format(n);
/** A fraction as a percentage: one decimal, more below 1% so 0.1% and 0.116% differ. */
export function pct(t: T, lang: string, x: number): string {
  const digits = x !== 0 && Math.abs(x) < 0.01 ? 3 : 1;
  return t('ring.pct', { n: fmt(lang, digits, digits).format(x * 100) });
}
/** A ratio or a CV with three decimals. */
export const ratio = (lang: string, x: number) => fmt(lang, 3, 3).format(x);
export function duration(t: T, lang: string, ms: number): string {
  return ms < 1000 ? t('ring.ms', { n: fmt(lang, ms < 10 ? 1 : 0).format(ms) }) : t('ring.s', { n: fmt(lang, 2).format(ms / 1000) });
}
