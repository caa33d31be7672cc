/**
 * The comparison table: for every scheme, over the same keys and the same changes, the moved
 * fraction next to its expectation and the load spread; at scale also the times. The selected
 * scheme's row is marked (a word and a weight, not only a colour).
 */
import type { StringKey } from '../../i18n';
import { SCHEME_IDS, type SchemeId } from '../../protocols/chash/schemes';
import { useT } from '../session';
import { duration, pct, ratio } from './format';

export interface CompareRow {
  id: SchemeId;
  moved: number | null;
  expected: number | null;
  maxOverMean: number;
  cv: number;
  placeMs?: number;
  joinMs?: number | null;
  joinIncrementalMs?: number | null;
}

export interface ComparisonProps {
  rows: CompareRow[];
  selected: SchemeId;
  onSelect(id: SchemeId): void;
  timed: boolean;
  lang: string;
}

export function Comparison({ rows, selected, onSelect, timed, lang }: ComparisonProps) {
  const t = useT();
  const name = (id: SchemeId) => t(`ring.scheme.${id}` as StringKey);
  const num = (x: number | null | undefined, f: (x: number) => string) => (x === null || x === undefined ? t('ring.cmp.na') : f(x));
  return (
    <>
      <table className="ring-cmp" data-testid="ring-comparison">
      <Head title="ring.cmp.title" caption="ring.cmp.caption" columns={[['ring.cmp.moved'], ['ring.cmp.expected'], ['ring.cmp.maxMean'], ['ring.cmp.cv']]} />
      <tbody>
        {SCHEME_IDS.map((id) => {
          const r = rows.find((x) => x.id === id);
          if (!r) return null;
          const on = id === selected;
          return (
            <tr key={id} data-scheme={id} className={on ? 'ring-cmp-on' : undefined} aria-current={on ? 'true' : undefined}>
              <th scope="row">
                <button type="button" className="ring-cmp-pick" aria-pressed={on} onClick={() => onSelect(id)} title={t('ring.cmp.select', { scheme: name(id) })}>
                  <span aria-hidden="true" className="ring-cmp-mark">
                    {on ? '▸' : ''}
                  </span>
                  {name(id)}
                </button>
              </th>
              <td data-col="moved">{num(r.moved, (x) => pct(t, lang, x))}</td>
              <td data-col="expected">{num(r.expected, (x) => pct(t, lang, x))}</td>
              <td data-col="maxMean">{ratio(lang, r.maxOverMean)}</td>
              <td data-col="cv">{ratio(lang, r.cv)}</td>
            </tr>
          );
        })}
      </tbody>
      </table>
      {timed && <Times rows={rows} lang={lang} />}
    </>
  );
}

/** A table's caption and header row: the scheme column, then `columns` as [label, tooltip?]. */
function Head({ title, caption, columns }: { title: StringKey; caption: StringKey; columns: [StringKey, StringKey?][] }) {
  const t = useT();
  return (
    <>
      <caption>
        <strong>{t(title)}</strong> <span>{t(caption)}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('ring.cmp.scheme')}</th>
          {columns.map(([label, tip]) => (
            <th key={label} scope="col" title={tip ? t(tip) : undefined}>
              {t(label)}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}

/** At scale: how long each scheme took to place the keys and to follow the join. */
function Times({ rows, lang }: { rows: CompareRow[]; lang: string }) {
  const t = useT();
  const ms = (x: number | null | undefined) => (x === null || x === undefined ? t('ring.cmp.na') : duration(t, lang, x));
  return (
    <table className="ring-cmp ring-times" data-testid="ring-times">
      <Head
        title="ring.cmp.timesTitle"
        caption="ring.cmp.timesCaption"
        columns={[
          ['ring.cmp.place', 'ring.cmp.placeTip'],
          ['ring.cmp.join', 'ring.cmp.joinTip'],
          ['ring.cmp.joinInc', 'ring.cmp.joinIncTip'],
        ]}
      />
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-scheme={r.id}>
            <th scope="row">{t(`ring.scheme.${r.id}` as StringKey)}</th>
            <td data-col="place">{ms(r.placeMs)}</td>
            <td data-col="join">{ms(r.joinMs)}</td>
            <td data-col="joinInc">{ms(r.joinIncrementalMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
