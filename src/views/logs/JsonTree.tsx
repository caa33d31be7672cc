/**
 * A small JSON tree for observable states and message payloads: primitives inline, flat
 * objects as key/value tables (peers in a row, like nextIndex), arrays of flat records as a
 * table of their last entries, anything deeper collapsible.
 */
import { useState, type ReactNode } from 'react';
import { useT } from '../session';

/** Arrays longer than this show only their last entries until expanded. */
export const ARRAY_TAIL = 6;

type Json = unknown;

const isPrimitive = (v: Json): boolean => v === null || v === undefined || typeof v !== 'object';
const isFlatObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isPrimitive);

/** Keys whose arrays are numbered from 1, as in the papers (Raft's log, Zab's history). */
const ONE_BASED = new Set(['log', 'history']);

export function Primitive({ value }: { value: Json }) {
  if (value === null || value === undefined) return <span className="js-null">null</span>;
  if (typeof value === 'number') return <span className="js-num">{value}</span>;
  if (typeof value === 'boolean') return <span className="js-bool">{String(value)}</span>;
  if (typeof value === 'string') return <span className="js-str">"{value}"</span>;
  return <span className="js-str">{String(value)}</span>;
}

/** A flat object as a table: keys as a header row when short (peer maps), else one row each. */
function FlatTable({ value, label }: { value: Record<string, Json>; label: string }) {
  const t = useT();
  const keys = Object.keys(value);
  if (keys.length === 0) return <span className="js-null">{'{ }'} {t('json.emptyObject')}</span>;
  if (keys.length <= 9 && keys.every((k) => k.length <= 10)) {
    return (
      <table className="js-table js-peers" aria-label={label}>
        <thead>
          <tr>
            {keys.map((k) => (
              <th key={k} scope="col">
                {k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {keys.map((k) => (
              <td key={k}>
                <Primitive value={value[k]} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    );
  }
  return <Fields value={value} />;
}

/** An array of flat records (a log) as a table of its last entries. */
function RecordTable({ items, base, label }: { items: Record<string, Json>[]; base: number; label: string }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const cols = [...new Set(items.flatMap((r) => Object.keys(r)))];
  const start = all ? 0 : Math.max(0, items.length - ARRAY_TAIL);
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
          {items.slice(start).map((r, k) => (
            <tr key={start + k}>
              <th scope="row">{start + k + base}</th>
              {cols.map((c) => (
                <td key={c} className="js-clip" title={typeof r[c] === 'string' ? (r[c] as string) : undefined}>
                  <Primitive value={r[c]} />
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

/** Any JSON value under `name`. */
export function JsonValue({ name, value, depth = 0 }: { name: string; value: Json; depth?: number }): ReactNode {
  const t = useT();
  if (isPrimitive(value)) return <Primitive value={value} />;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="js-null">[ ] {t('json.emptyArray')}</span>;
    if (value.every(isPrimitive) && value.length <= 12)
      return (
        <span className="js-inline">
          [
          {value.map((v, k) => (
            <span key={k}>
              {k > 0 && ', '}
              <Primitive value={v} />
            </span>
          ))}
          ]
        </span>
      );
    const base = ONE_BASED.has(name) ? 1 : 0;
    if (value.every(isFlatObject))
      return (
        <details className="js-details" open={depth < 1}>
          <summary>
            <span className="js-count">{t('json.items', { count: value.length })}</span>
          </summary>
          <RecordTable items={value} base={base} label={name} />
        </details>
      );
    return (
      <details className="js-details" open={depth < 1}>
        <summary>
          <span className="js-count">{t('json.items', { count: value.length })}</span>
        </summary>
        <Fields value={Object.fromEntries(value.map((v, k) => [String(k + base), v]))} depth={depth + 1} />
      </details>
    );
  }
  const obj = value as Record<string, Json>;
  if (isFlatObject(obj)) return <FlatTable value={obj} label={name} />;
  return (
    <details className="js-details" open={depth < 1}>
      <summary>
        <span className="js-count">{t('json.keys', { count: Object.keys(obj).length })}</span>
      </summary>
      <Fields value={obj} depth={depth + 1} />
    </details>
  );
}

/** An object's fields as a two-column list: key, value. */
export function Fields({ value, depth = 0 }: { value: Record<string, Json>; depth?: number }) {
  return (
    <dl className="js-fields">
      {Object.entries(value).map(([k, v]) => (
        <div key={k} className={`js-field${isPrimitive(v) || (Array.isArray(v) && v.length === 0) ? '' : ' js-wide'}`} data-key={k}>
          <dt>{k}</dt>
          <dd>
            <JsonValue name={k} value={v} depth={depth} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
