/**
 * Which messages the SVG dot layer draws (issue 17, item 5: the seek's p99). A paused seek that
 * would move more than `urgentMax` SVG dots leaves them as they were, hidden, and the seek's
 * own commit draws the messages on the canvas instead (a few hundred arcs); the SVG dots, with
 * their tooltips and focus, follow after the frame that shows it (settle.ts), and the canvas
 * goes. Seeks in a row (a drag) supersede the catch-up: the canvas draws them all, and the SVG
 * follows once the cursor rests. Few dots, and playback, are drawn at once as before.
 */
import { useLayoutEffect, useReducer, useRef } from 'react';
import type { FlightView } from '../../store/frame';
import { afterFrame } from '../settle';

export interface DotsAt {
  inFlight: readonly FlightView[];
  time: number;
}

const NONE: DotsAt = { inFlight: [], time: 0 };

export interface SettledDots {
  /** What the SVG layer draws: the frame's messages, or what it drew before while it is behind. */
  svg: DotsAt;
  /** The SVG layer is behind the frame: it is hidden, and the canvas draws the frame's messages. */
  behind: boolean;
}

/**
 * `svgWanted`: the SVG layer is drawn at all (not a backlog that stays on the canvas). Returns
 * what the SVG layer shows; re-renders its component once when the layer catches up.
 */
export function useSettledDots(inFlight: readonly FlightView[], time: number, playing: boolean, svgWanted: boolean, urgentMax: number): SettledDots {
  // What the SVG layer showed in the last commit (none while it was not drawn).
  const drawn = useRef<DotsAt>(NONE);
  const latest = useRef<DotsAt>({ inFlight, time });
  latest.current = { inFlight, time };
  const [, caughtUp] = useReducer((n: number) => n + 1, 0);
  const urgent = playing || !svgWanted || (inFlight.length <= urgentMax && drawn.current.inFlight.length <= urgentMax);
  const svg = urgent || (drawn.current.inFlight === inFlight && drawn.current.time === time) ? latest.current : drawn.current;
  const behind = svg !== latest.current;
  useLayoutEffect(() => {
    drawn.current = svgWanted ? svg : NONE;
  });
  // A layout effect: the catch-up is pending (settle.ts counts it) by the end of the commit.
  useLayoutEffect(() => {
    if (!behind) return;
    return afterFrame(() => {
      drawn.current = latest.current;
      caughtUp();
    });
  }, [behind, inFlight, time]);
  return { svg, behind };
}
