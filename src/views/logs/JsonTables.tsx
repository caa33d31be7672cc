/**
 * The tree's two table layouts: a flat object as a key/value table (peers in a row, like
 * nextIndex), and an array of flat records (a log) as a table of its last entries, with the
 * entries added, replaced or removed at this step marked.
 */
import { useState } from 'react';
import { useT } from '../session';
import type { FieldDiff, KeyDiff } from './diff';
import { oneLine, Primitive, type Json } from './jsonValue';
// A long flat object falls back to the field list, which recurses into the tree again: the
// import cycle with JsonTree.tsx is used only while rendering, never at module load.
import { Fields } from './JsonTree';

/** Arrays longer than this show only their last entries until expanded. */
export const ARRAY_TAIL = 6;

/** Rows shown above the tail of a long array so that its changed entries stay in view. */
const MAX_EXTRA_ROWS = 24;

/** A flat object as a table: keys as a header row when short (peer maps), else one row each. */
export function FlatTable({ value, label, diff }: { value: Record<string, Json>; label: string; diff?: Map<string, KeyDiff> | undefined }) {
  const t = useT();
  const keys = Object.keys(value);
  const removed = diff ? [...diff].filter((e): e is [string, Extract<KeyDiff, { kind: 'removed' }>] => e[1].kind === 'removed') : [];
  if (keys.length === 0 && removed.length === 0) return <span className="js-null">{'{ }'} {t('json.emptyObject')}</span>;
  if (keys.length + removed.length <= 9 && keys.every((k) => k.length <= 10)) {
    return (
      <table className="js-table js-peers" aria-label={label}>
        <thead>
          <tr>
            {keys.map((k) => (
              <th key={k} scope="col">
                {k}
              </th>
            ))}
            {removed.map(([k]) => (
              <th key={`-${k}`} scope="col">
                <del>{k}</del>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {keys.map((k) => {
              const d = diff?.get(k);
              return (
                <td key={k} className={d ? 'df-cell-changed' : undefined} data-changed={d?.kind}>
                  <Primitive value={value[k]} />
                  {d?.kind === 'changed' && (
                    <del className="df-old" title={t('diff.was')}>
                      <span className="df-sr">{t('diff.was')} </span>
                      <Primitive value={d.old} />
                    </del>
                  )}
                  {d?.kind === 'added' && <span className="df-sr"> {t('diff.added')}</span>}
                </td>
              );
            })}
            {removed.map(([k, d]) => (
              <td key={`-${k}`} className="df-cell-changed" data-changed="removed">
                <del className="df-old">
                  <span className="df-sr">{t('diff.removed')} </span>
                  <Primitive value={d.old} />
                </del>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    );
  }
  return <Fields value={value} diff={diff} />;
}

/** An array of flat records (a log) as a table of its last entries; entries added, replaced or removed at this step marked. */
export function RecordTable({ items, base, label, diff }: { items: Record<string, Json>[]; base: number; label: string; diff?: Extract<FieldDiff, { kind: 'entries' }> | undefined }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const removed = diff?.removed ?? [];
  const cols = [...new Set([...items, ...removed.map((r) => r.old as Record<string, Json>)].flatMap((r) => (r && typeof r === 'object' ? Object.keys(r) : [])))];
  const tail = Math.max(0, items.length - ARRAY_TAIL);
  // Earlier changed entries stay in view, within reason.
  const firstChanged = diff ? Math.min(...diff.added, ...diff.replaced.keys()) : Infinity;
  const start = all ? 0 : firstChanged < tail && tail - firstChanged <= MAX_EXTRA_ROWS ? firstChanged : tail;
  const added = new Set(diff?.added ?? []);
  return (
    <div className="js-records">
      <table className="js-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">#</th>
            {cols.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {start > 0 && (
            <tr>
              <td colSpan={cols.length + 1} className="js-more">
                {t('json.earlier', { count: start })}
              </td>
            </tr>
          )}
          {items.slice(start).map((r, k) => {
            const i = start + k;
            const isNew = added.has(i);
            const old = diff?.replaced.get(i) as Record<string, Json> | undefined;
            const replaced = diff?.replaced.has(i) ?? false;
            return (
              <tr key={i} className={isNew ? 'df-row-added' : replaced ? 'df-row-replaced' : undefined} data-changed={isNew ? 'added' : replaced ? 'replaced' : undefined}>
                <th scope="row">
                  {(isNew || replaced) && (
                    <span className="df-row-mark" aria-hidden="true">
                      {isNew ? '+' : '▲'}
                    </span>
                  )}
                  {i + base}
                  {(isNew || replaced) && <span className="df-sr">, {t(isNew ? 'diff.entryAdded' : 'diff.entryReplaced')}</span>}
                </th>
                {cols.map((c) => {
                  const changed = replaced && (!old || typeof old !== 'object' || JSON.stringify(old[c]) !== JSON.stringify(r[c]));
                  return (
                    <td key={c} className={`js-clip${changed ? ' df-cell-changed' : ''}`} title={typeof r[c] === 'string' ? (r[c] as string) : undefined}>
                      <Primitive value={r[c]} />
                      {changed && (
                        <del className="df-old">
                          <span className="df-sr">{t('diff.was')} </span>
                          {old && typeof old === 'object' ? <Primitive value={old[c]} /> : oneLine(old)}
                        </del>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {removed.map(({ index, old }) => (
            <tr key={`-${index}`} className="df-row-removed" data-changed="removed">
              <th scope="row">
                <span className="df-row-mark" aria-hidden="true">
                  −
                </span>
                {index + base}
                <span className="df-sr">, {t('diff.entryRemoved')}</span>
              </th>
              {cols.map((c) => (
                <td key={c} className="js-clip">
                  <del>{old && typeof old === 'object' ? <Primitive value={(old as Record<string, Json>)[c]} /> : oneLine(old)}</del>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {items.length > ARRAY_TAIL && (
        <button type="button" className="js-toggle" onClick={() => setAll(!all)}>
          {all ? t('json.showLast', { count: ARRAY_TAIL }) : t('json.showAll', { count: items.length })}
        </button>
      )}
    </div>
  );
}
