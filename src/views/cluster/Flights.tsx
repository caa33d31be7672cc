/** The moving layer: messages in flight, placed by simulated time along their lanes, and lost
 * messages as red crosses that fade within LOST_LINGER. */
import { memo, useRef } from 'react';
import { LOST_LINGER, type FlightView, type LostView } from '../../store/frame';
import { fade, flightProgress, pointAlong, WALL_AT, type Point } from './geometry';
import { reasonName, type Translate } from './labels';
import { MessageDot } from './MessageDot';
import { SlotKeys } from './slotKeys';

export interface Lanes {
  /** Node index by id. */
  index: ReadonlyMap<string, number>;
  points: readonly Point[];
  /** lanes[i][j]: the directed lane from node i to node j. */
  lanes: readonly (readonly [Point, Point][])[];
}

interface MessagesProps extends Lanes {
  inFlight: readonly FlightView[];
  time: number;
  selected: number | null;
  /** Behind the frame (useSettledDots.ts): kept as drawn, out of sight, while the canvas draws the frame. */
  hidden?: boolean;
  t: Translate;
  onSelect(id: number): void;
  onMenu(id: number, client: Point): void;
}

export interface Placed {
  flight: FlightView;
  at: Point;
}

/** Where each message in flight is at `time`, along its lane (the SVG and canvas layers both
 * draw from this). */
export function placeFlights(inFlight: readonly FlightView[], time: number, { index, points, lanes }: Lanes): Placed[] {
  const out: Placed[] = [];
  for (const flight of inFlight) {
    const { message: m, blocked } = flight;
    const i = index.get(m.from);
    const j = index.get(m.to);
    if (i === undefined || j === undefined) continue;
    const [a, b] = i === j ? [points[i]!, points[i]!] : lanes[i]![j]!;
    out.push({ flight, at: pointAlong(a, b, flightProgress(time, m.sentAt, m.arriveAt, blocked !== null)) });
  }
  return out;
}

/** Memoized: while the layer is behind a seek, its props stay and it does not render again. */
export const Messages = memo(function Messages({ inFlight, time, index, points, lanes, selected, hidden = false, t, onSelect, onMenu }: MessagesProps) {
  // Keyed by slot, not by message id: a far seek reuses the dots' elements (slotKeys.ts).
  const slots = useRef<SlotKeys | null>(null);
  slots.current ??= new SlotKeys();
  const placed = placeFlights(inFlight, time, { index, points, lanes });
  const keys = slots.current.assign(placed.map((p) => p.flight.message.id));
  return (
    <g className="cl-messages" visibility={hidden ? 'hidden' : undefined}>
      {placed.map(({ flight: { message: m, blocked }, at: p }, i) => (
        <MessageDot key={keys[i]} message={m} x={p.x} y={p.y} blocked={blocked} selected={selected === m.id} t={t} onSelect={onSelect} onMenu={onMenu} />
      ))}
    </g>
  );
});

/** Lost to the network: at the wall. Lost at the receiver (down, dropped): at its rim. */
function lostPoint(reason: string, from: Point, to: Point): Point {
  return reason === 'partition' || reason === 'cut' ? pointAlong(from, to, WALL_AT) : to;
}

interface LostProps extends Lanes {
  lost: readonly LostView[];
  time: number;
  t: Translate;
}

/** Memoized, as Messages: the cluster view renders again when its dots catch up with a seek. */
export const LostMarks = memo(function LostMarks({ lost, time, index, lanes, t }: LostProps) {
  return (
    <g className="cl-lost">
      {lost.map(({ message: m, reason, at }) => {
        const i = index.get(m.from);
        const j = index.get(m.to);
        const opacity = fade(time, at, LOST_LINGER);
        if (i === undefined || j === undefined || i === j || opacity <= 0) return null;
        const [a, b] = lanes[i]![j]!;
        const p = lostPoint(reason, a, b);
        const text = t('cluster.lost', { type: m.type, from: m.from, to: m.to, reason: reasonName(t, reason) });
        return (
          <g key={`${m.id}@${at}`} className="cl-lost-mark" transform={`translate(${p.x} ${p.y})`} opacity={opacity} data-testid="lost" data-reason={reason}>
            <title>{text}</title>
            <path d="M-6,-6L6,6M6,-6L-6,6" />
          </g>
        );
      })}
    </g>
  );
});
