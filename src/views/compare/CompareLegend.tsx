/**
 * Compare mode's one key for both panes (issue 17): the shapes once, and the role letters and
 * message types of both runs together. A type has one colour whatever the protocol
 * (cluster/palette.ts), so one list serves both panes; a type or role both runs draw is named
 * once. It sits under the panes, outside their scroll, so no "more below" fade covers it.
 */
import { useT } from '../session';
import { Legend } from '../cluster/Legend';
import type { LegendKeys } from '../cluster/legendKeys';

/** The words of `a`, then those of `b` not in `a`. */
function union(a: string, b: string): string {
  const left = a ? a.split(' ') : [];
  return [...left, ...(b ? b.split(' ') : []).filter((w) => !left.includes(w))].join(' ');
}

export function CompareLegend({ left, right }: { left: LegendKeys | null; right: LegendKeys | null }) {
  const t = useT();
  if (!left && !right) return null;
  const l = left ?? right!;
  const r = right ?? left!;
  const roles = union(l.roles, r.roles).split(' ').sort().join(' ');
  return (
    <div className="cmp-legend" data-testid="compare-legend">
      <Legend t={t} families={union(l.families, r.families)} roles={roles} hint={t('cluster.hint')} timer={l.timer || r.timer} locks={l.locks || r.locks} />
    </div>
  );
}
