/**
 * A small JSON tree for observable states and message payloads: primitives inline, flat
 * objects as key/value tables (peers in a row, like nextIndex), arrays of flat records as a
 * table of their last entries, anything deeper collapsible. With a diff (diff.ts), what changed
 * at the current step is marked: a badge, and the old value struck through.
 *
 * Layout pieces live beside it: jsonValue.tsx (leaves), JsonTables.tsx (tables), DiffMarks.tsx
 * (change marks); Primitive, DiffBadge and ARRAY_TAIL are re-exported from here.
 */
import type { ReactNode } from 'react';
import { useT } from '../session';
import type { FieldDiff, StateDiff } from './diff';
import { isFlatObject, isPrimitive, Primitive, type Json } from './jsonValue';
import { DiffBadge, entriesAsFields, ValueMarks, Was } from './DiffMarks';
import { FlatTable, RecordTable } from './JsonTables';
import '../io/io.css';

export { Primitive } from './jsonValue';
export { DiffBadge } from './DiffMarks';
export { ARRAY_TAIL } from './JsonTables';

/** Keys whose arrays are numbered from 1, as in the papers (Raft's log, Zab's history). */
const ONE_BASED = new Set(['log', 'history']);

/** Any JSON value under `name`, with what changed in it at this step when `diff` is given. */
export function JsonValue({ name, value, depth = 0, diff }: { name: string; value: Json; depth?: number; diff?: FieldDiff | undefined }): ReactNode {
  const t = useT();
  if (isPrimitive(value))
    return (
      <>
        <Primitive value={value} />
        <ValueMarks diff={diff} />
      </>
    );
  if (Array.isArray(value)) {
    const entries = diff?.kind === 'entries' ? diff : undefined;
    if (value.length === 0 && !entries?.removed.length)
      return (
        <>
          <span className="js-null">[ ] {t('json.emptyArray')}</span>
          <ValueMarks diff={diff} />
        </>
      );
    if (value.every(isPrimitive) && value.length <= 12)
      return (
        <>
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
          <ValueMarks diff={diff} />
        </>
      );
    const base = ONE_BASED.has(name) ? 1 : 0;
    if (value.every(isFlatObject) && (!entries || entries.removed.every((r) => isFlatObject(r.old))))
      return (
        <details className="js-details" open={depth < 1 || !!diff}>
          <summary>
            <span className="js-count">{t(value.length === 1 ? 'walk.json.item' : 'json.items', { count: value.length })}</span>
            <ValueMarks diff={diff} />
          </summary>
          <RecordTable items={value} base={base} label={name} diff={entries} />
        </details>
      );
    return (
      <details className="js-details" open={depth < 1 || !!diff}>
        <summary>
          <span className="js-count">{t(value.length === 1 ? 'walk.json.item' : 'json.items', { count: value.length })}</span>
          <ValueMarks diff={diff} />
        </summary>
        <Fields value={Object.fromEntries(value.map((v, k) => [String(k + base), v]))} depth={depth + 1} diff={entriesAsFields(diff, base)} />
      </details>
    );
  }
  const obj = value as Record<string, Json>;
  if (isFlatObject(obj))
    return (
      <>
        <FlatTable value={obj} label={name} diff={diff?.kind === 'keys' ? diff.keys : undefined} />
        {diff && diff.kind !== 'keys' && <ValueMarks diff={diff} />}
      </>
    );
  return (
    <details className="js-details" open={depth < 1 || !!diff}>
      <summary>
        <span className="js-count">{t(Object.keys(obj).length === 1 ? 'walk.json.key' : 'json.keys', { count: Object.keys(obj).length })}</span>
        <ValueMarks diff={diff} />
      </summary>
      <Fields value={obj} depth={depth + 1} />
    </details>
  );
}

/** An object's fields as a two-column list; with a diff, changed fields marked and removed ones listed struck through. */
export function Fields({ value, depth = 0, diff }: { value: Record<string, Json>; depth?: number; diff?: StateDiff | undefined }) {
  const removed = diff ? [...diff].filter(([k, d]) => d.kind === 'removed' && !Object.hasOwn(value, k)) : [];
  return (
    <dl className="js-fields">
      {Object.entries(value).map(([k, v]) => {
        const d = diff?.get(k);
        return (
          <div key={k} className={`js-field${isPrimitive(v) || (Array.isArray(v) && v.length === 0) ? '' : ' js-wide'}${d ? ' df-changed' : ''}`} data-key={k} data-changed={d?.kind}>
            <dt>{k}</dt>
            <dd>
              <JsonValue name={k} value={v} depth={depth} diff={d} />
            </dd>
          </div>
        );
      })}
      {removed.map(([k, d]) => (
        <div key={`-${k}`} className="js-field df-changed" data-key={k} data-changed="removed">
          <dt>
            <del>{k}</del>
          </dt>
          <dd>
            <DiffBadge kind="removed" />
            {d.kind === 'removed' && <Was old={d.old} />}
          </dd>
        </div>
      ))}
    </dl>
  );
}

