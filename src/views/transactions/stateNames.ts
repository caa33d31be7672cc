/** Display names of transaction states: a protocol's own names (2PC `prepared`), with Skeen's
 * one-letter 3PC states spelled out (`w · waiting`). */
import { isStringKey, type StringKey } from '../../i18n';

type T = (key: StringKey, vars?: Record<string, string | number>) => string;

/** Short: for the Now column and under a node. */
export function shortState(t: T, state: string): string {
  const key = `tx.short.${state}`;
  return isStringKey(key) ? t(key) : state;
}

/** Long: for tooltips. */
export function stateName(t: T, state: string): string {
  const key = `tx.state.${state}`;
  return isStringKey(key) ? t(key) : state;
}
