/**
 * How a change at the current step is marked in the tree (diff.ts computes it): a badge with a
 * glyph and a word (never colour alone), and the old value struck through after "was".
 */
import { useT } from '../session';
import type { FieldDiff, StateDiff } from './diff';
import { isPrimitive, oneLine, Primitive, type Json } from './jsonValue';

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
export function Was({ old }: { old: Json }) {
  const t = useT();
  return (
    <span className="df-was" data-testid="diff-was">
      {t('diff.was')}{' '}
      <del>{isPrimitive(old) ? <Primitive value={old} /> : oneLine(old)}</del>
    </span>
  );
}

/** The marks after a value whose field changed as a whole (or appeared). */
export function ValueMarks({ diff }: { diff: FieldDiff | undefined }) {
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
export function entriesAsFields(d: FieldDiff | undefined, base: number): StateDiff | undefined {
  if (!d || d.kind !== 'entries') return undefined;
  const out: StateDiff = new Map();
  for (const i of d.added) out.set(String(i + base), { kind: 'added' });
  for (const [i, old] of d.replaced) out.set(String(i + base), { kind: 'changed', old });
  for (const r of d.removed) out.set(String(r.index + base), { kind: 'removed', old: r.old });
  return out;
}
