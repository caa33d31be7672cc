import { describe, expect, it } from 'vitest';
import type { FlightView } from '../../store/frame';
import { placeFlights } from './Flights';
import { hitFlight } from './FlightCanvas';
import { MESSAGE_HIT_RADIUS } from './MessageDot';

const flight = (id: number, from: string, to: string, sentAt: number, arriveAt: number, blocked: FlightView['blocked'] = null): FlightView => ({
  message: { id, from, to, type: 'AppendEntries', payload: { type: 'AppendEntries' }, sentAt, arriveAt },
  blocked,
});
const points = [
  { x: 0, y: 0 },
  { x: 100, y: 0 },
];
const lanes = [
  [
    [points[0]!, points[0]!],
    [points[0]!, points[1]!],
  ],
  [
    [points[1]!, points[0]!],
    [points[1]!, points[0]!],
  ],
] as [{ x: number; y: number }, { x: number; y: number }][][];
const index = new Map([
  ['a', 0],
  ['b', 1],
]);

describe('flights', () => {
  it('are placed by simulated time along their lane, and stop at the wall when blocked', () => {
    const placed = placeFlights([flight(1, 'a', 'b', 0, 100), flight(2, 'b', 'a', 0, 100), flight(3, 'a', 'b', 0, 100, 'partition'), flight(4, 'a', 'zz', 0, 1)], 75, { index, points, lanes });
    expect(placed.map((p) => [p.flight.message.id, p.at.x])).toEqual([
      [1, 75],
      [2, 25],
      [3, 50],
    ]);
  });

  it('are hit within the hit radius, the nearest first, and missed beyond it', () => {
    const placed = placeFlights([flight(1, 'a', 'b', 0, 100), flight(2, 'a', 'b', 10, 110)], 50, { index, points, lanes });
    expect(hitFlight(placed, { x: 51, y: 3 })).toBe(1);
    expect(hitFlight(placed, { x: 44, y: 0 })).toBe(2);
    expect(hitFlight(placed, { x: 50, y: MESSAGE_HIT_RADIUS + 0.5 })).toBeNull();
    expect(hitFlight([], { x: 0, y: 0 })).toBeNull();
  });
});
