/**
 * The scripted future on the timeline (issue 17 item 4): a scenario just opened shows its
 * scripted faults, its violations "not reached yet" and its whole length at once, read from
 * the store's look-ahead (`store/lookAhead.ts`). What lies ahead of the run's head is drawn
 * faded; the run's own recorded faults and violations are drawn as before.
 */
import { memo, useMemo } from 'react';
import { lookAhead, type Ahead } from '../../store/lookAhead';
import type { SessionState } from '../../store/session';
import { useSession } from '../session';
import { useInvariantName } from '../invariantName';
import { PinGlyph } from './Pins';
import { clusterMarkers, isFault, type FaultMarker } from './markers';
import { PIN_GAP, type Pin, type Translate } from './track';
import type { LinearScale } from './scale';

export interface AheadView {
  ahead: Ahead | null;
  /** Faults ahead of the head, marked `ahead`, and violations ahead of it. */
  faults: FaultMarker[];
  pins: Pin[];
}

const NONE: AheadView = { ahead: null, faults: [], pins: [] };

/** The look-ahead of the session's run, past its head. */
export function useAhead(sim: SessionState['sim'], head: number): AheadView {
  // An action appended at the head rewrites the script's future.
  const actions = useSession((s) => s.sim.scenario.actions.length);
  const ahead = useMemo(() => lookAhead(sim, isFault), [sim, actions]);
  return useMemo(() => {
    if (!ahead) return NONE;
    const faults = ahead.faults.filter((f) => f.seq >= head).map((f) => ({ ...f, ahead: true }));
    const pins = ahead.violations.filter((v) => v.seq >= head).map((v) => ({ seq: v.seq, invariant: v.invariant, message: v.message, time: v.time }));
    return faults.length === 0 && pins.length === 0 && ahead.time <= 0 ? NONE : { ahead, faults, pins };
  }, [ahead, head]);
}

/** Violations the script reaches later: faded pins, each saying it is not reached yet. */
export const AheadPins = memo(function AheadPins({ x, pins, t }: { x: LinearScale; pins: readonly Pin[]; t: Translate }) {
  const nameOf = useInvariantName();
  const cols = useMemo(() => clusterMarkers(pins, x, PIN_GAP), [pins, x]);
  return (
    <g className="tl-pins tl-pins-ahead">
      {cols.map((col) => {
        const first = col.items[0]!;
        return (
          <g
            key={first.seq}
            className="tl-pin is-ahead"
            transform={`translate(${col.x} 0)`}
            data-step={first.seq + 1}
            data-testid="timeline-violation-ahead"
            data-invariant={[...new Set(col.items.map((v) => v.invariant))].join(' ')}
          >
            <PinGlyph title={col.items.map((v) => t('probe.violationAhead', { invariant: nameOf(v.invariant), step: v.seq + 1, time: v.time })).join('\n')} />
          </g>
        );
      })}
    </g>
  );
});
