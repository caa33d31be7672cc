/**
 * The diagram's keyboard map (on its scrollbar, which holds focus): arrows and page keys
 * scroll, Home/End jump to the run's ends, + − 0 zoom and fit, F toggles following. It drives
 * the controller through this narrow interface so the map can be read, and changed, alone.
 */
import { LEFT_PAD, PAN_STEP, RIGHT_PAD, span, type TimeWindow } from './layout';

export interface KeyTarget {
  readonly window: TimeWindow;
  /** How far the user may scroll (ms). */
  boundsEnd(): number;
  panBy(fraction: number): void;
  userPan(dt: number): void;
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  toggleFollow(): void;
}

/** Handles `e` if it is one of the diagram's keys; the event is then consumed. */
export function onViewKey(e: KeyboardEvent, v: KeyTarget): void {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const win = v.window;
  const s = span(win);
  const end = v.boundsEnd();
  switch (e.key) {
    case 'ArrowLeft':
      v.panBy(-PAN_STEP);
      break;
    case 'ArrowRight':
      v.panBy(PAN_STEP);
      break;
    case 'PageUp':
      v.panBy(-0.9);
      break;
    case 'PageDown':
      v.panBy(0.9);
      break;
    case 'Home':
      v.userPan(-LEFT_PAD * s - win.start);
      break;
    case 'End':
      v.userPan(end + RIGHT_PAD * s - win.end);
      break;
    case '+':
    case '=':
      v.zoomIn();
      break;
    case '-':
    case '_':
      v.zoomOut();
      break;
    case '0':
      v.fit();
      break;
    case 'f':
    case 'F':
      v.toggleFollow();
      break;
    default:
      return;
  }
  // The app's shortcuts (← → step the run) must not also see it.
  e.preventDefault();
  e.stopPropagation();
}
