/**
 * Violations pinned through the track: this run's (red, named in the reader's language, one
 * label at a time) and, in compare mode, the other run's (hollow, moving the shared cursor to
 * their time), with the compared run's violation count.
 */
import { memo, useMemo, useState } from 'react';
import type { LinearScale } from './scale';
import { useStore } from 'zustand';
import type { SessionStore } from '../../store/session';
import { useSession } from '../session';
import { protocolName } from '../../i18n/contentText';
import { invariantName, useInvariantName } from '../invariantName';
import { clusterMarkers } from './markers';
import { PIN_GAP, ROW, type Pin, type Translate } from './track';

/** A pin through the track, with its tooltip and a wide hit area. */
export function PinGlyph({ title }: { title: string }) {
  return (
    <>
      <title>{title}</title>
      <line className="tl-pin-line" y1={ROW.pin} y2={ROW.trackBottom} />
      <rect className="tl-hit" x={-7} y={ROW.pin - 8} width={14} height={ROW.trackBottom - ROW.pin + 8} />
      <circle className="tl-pin-head" cy={ROW.pin} r={6.5} />
      <text className="tl-pin-mark" y={ROW.pin}>
        !
      </text>
    </>
  );
}

/** Violations, pinned through the track: red, with the invariant's id on hover and at the
 * cursor. Pins closer than PIN_GAP px share a glyph. */
export const Pins = memo(function Pins({ x, pins, step, t }: { x: LinearScale; pins: readonly Pin[]; step: number; t: Translate }) {
  const cols = useMemo(() => clusterMarkers(pins, x, PIN_GAP), [pins, x]);
  const nameOf = useInvariantName();
  const [hovered, setHovered] = useState<number | null>(null);
  // One label at a time, over every pin: the hovered pin's, else the one at the cursor.
  const labelled = cols.find((c) => c.items[0]!.seq === hovered) ?? cols.find((c) => c.items.some((v) => v.seq + 1 === step));
  const label = labelled && {
    px: labelled.x,
    names: [...new Set(labelled.items.map((v) => nameOf(v.invariant)))].join(', '),
  };
  const leftward = !!label && label.px > x.range()[1]! - 170;
  return (
    <g className="tl-pins" onPointerLeave={() => setHovered(null)}>
      {cols.map((col) => {
        const first = col.items[0]!;
        const current = col.items.some((v) => v.seq + 1 === step);
        return (
          <g
            key={first.seq}
            className={`tl-pin${current ? ' is-current' : ''}`}
            transform={`translate(${col.x} 0)`}
            data-step={first.seq + 1}
            data-testid="timeline-violation"
            data-invariant={[...new Set(col.items.map((v) => v.invariant))].join(' ')}
            onPointerEnter={() => setHovered(first.seq)}
            onPointerLeave={() => setHovered((h) => (h === first.seq ? null : h))}
          >
            <PinGlyph title={col.items.map((v) => t('timeline.violationAt', { invariant: nameOf(v.invariant), step: v.seq + 1, time: v.time })).join('\n')} />
          </g>
        );
      })}
      {label && (
        <text className="tl-pin-label" x={label.px + (leftward ? -10 : 10)} y={ROW.pin} textAnchor={leftward ? 'end' : 'start'} data-testid="timeline-violation-label">
          {label.names}
        </text>
      )}
    </g>
  );
});

/** The compared run's name: its protocol's, or "the right pane" when both panes run the same
 * protocol (walk-through: "1 violation · 0 in Lock service" named neither pane). */
function useOtherName(store: SessionStore, t: Translate): string {
  const mine = useSession((s) => s.module.id);
  const theirs = useStore(store, (s) => s.module.id);
  const name = useStore(store, (s) => protocolName(s.lang, s.module));
  return mine === theirs ? t('walk.pane.right') : name;
}

/** Compare mode: the second run's violations on the shared timeline, as hollow pins that move
 * the shared cursor to their time. */
export function ComparePins({ store, x, t }: { store: SessionStore; x: LinearScale; t: Translate }) {
  const count = useStore(store, (s) => s.sim.violations.length);
  const sim = useStore(store, (s) => s.sim);
  const name = useOtherName(store, t);
  const lang = useStore(store, (s) => s.lang);
  const module = useStore(store, (s) => s.module);
  const pins = sim.violations.slice(0, count).map((v) => ({ ...v, time: sim.events[v.seq]?.time ?? 0 }));
  return (
    <g className="tl-pins tl-pins-compare">
      {clusterMarkers(pins, x, PIN_GAP).map((col) => (
        <g
          key={col.items[0]!.seq}
          className="tl-pin"
          transform={`translate(${col.x} 0)`}
          data-time={col.items[0]!.time}
          data-testid="timeline-compare-violation"
          data-invariant={[...new Set(col.items.map((v) => v.invariant))].join(' ')}
        >
          <PinGlyph title={col.items.map((v) => `${name}: ${t('timeline.compareViolationAt', { invariant: invariantName(lang, module, v.invariant), time: v.time })}`).join('\n')} />
        </g>
      ))}
    </g>
  );
}

/** Compare mode: how many violations the compared run has recorded so far. */
export function CompareCount({ store, t }: { store: SessionStore; t: Translate }) {
  const count = useStore(store, (s) => s.sim.violations.length);
  const name = useOtherName(store, t);
  return <span data-testid="timeline-compare-count">{t('timeline.compareCount', { count, name })}</span>;
}
