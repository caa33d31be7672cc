/**
 * A small JSON tree for observable states and message payloads: primitives inline, flat
 * objects as key/value tables (peers in a row, like nextIndex), arrays of flat records as a
 * table of their last entries, anything deeper collapsible. With a diff (diff.ts), what changed
 * at the current step is marked: a badge, and the old value struck through.
 */
import { useState, type ReactNode } from 'react';
import { useT } from '../session';
import type { FieldDiff, KeyDiff, StateDiff } from './diff';
import '../io/io.css';

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

/** Rows shown above the tail of a long array so that its changed entries stay in view. */
const MAX_EXTRA_ROWS = 24;

/** A compact one-line rendering of an old value (text only, never markup). */
function oneLine(v: Json): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/** The "changed" / "new" / "removed" badge: a glyph and a word, never colour alone. */
export function DiffBadge({ kind }: { kind: 'changed' | 'added' | 'removed' }) {
  const t = useT();
  const glyph = kind === 'changed' ? '▲' : kind === 'added' ? '+' : '−';
  return (
    <span className={`df-badge${kind === 'changed' ? '' : ` df-badge-${kind}`}`} data-diff={kind}>
      <span aria-hidden="true">{glyph}</span> {t(kind === 'changed' ? 'diff.changed' : kind === 'added' ? 'diff.added' : 'diff.removed')}
    </span>
  );
}

/** "was <old>", struck through. */
function Was({ old }: { old: Json }) {
  const t = useT();
  return (
    <span className="df-was" data-testid="diff-was">
      {t('diff.was')}{' '}
      <del>{isPrimitive(old) ? <Primitive value={old} /> : oneLine(old)}</del>
    </span>
  );
}

/** The marks after a value whose field changed as a whole (or appeared). */
function ValueMarks({ diff }: { diff: FieldDiff | undefined }) {
  if (!diff) return null;
  if (diff.kind === 'added') return <DiffBadge kind="added" />;
  if (diff.kind === 'changed')
    return (
      <>
        <DiffBadge kind="changed" />
        <Was old={diff.old} />
      </>
    );
  if (diff.kind === 'entries' || diff.kind === 'keys') return <DiffBadge kind="changed" />;
  return null;
}

/** An array's entry diff as a per-index diff, for arrays shown as fields. */
function entriesAsFields(d: FieldDiff | undefined, base: number): StateDiff | undefined {
  if (!d || d.kind !== 'entries') return undefined;
  const out: StateDiff = new Map();
  for (const i of d.added) out.set(String(i + base), { kind: 'added' });
  for (const [i, old] of d.replaced) out.set(String(i + base), { kind: 'changed', old });
  for (const r of d.removed) out.set(String(r.index + base), { kind: 'removed', old: r.old });
  return out;
}

/** A flat object as a table: keys as a header row when short (peer maps), else one row each. */
function FlatTable({ value, label, diff }: { value: Record<string, Json>; label: string; diff?: Map<string, KeyDiff> | undefined }) {
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
function RecordTable({ items, base, label, diff }: { items: Record<string, Json>[]; base: number; label: string; diff?: Extract<FieldDiff, { kind: 'entries' }> | undefined }) {
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
            <span className="js-count">{t('json.items', { count: value.length })}</span>
            <ValueMarks diff={diff} />
          </summary>
          <RecordTable items={value} base={base} label={name} diff={entries} />
        </details>
      );
    return (
      <details className="js-details" open={depth < 1 || !!diff}>
        <summary>
          <span className="js-count">{t('json.items', { count: value.length })}</span>
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
        <span className="js-count">{t('json.keys', { count: Object.keys(obj).length })}</span>
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
