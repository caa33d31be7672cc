/**
 * The track as an input: a press on a marker or pin seeks there (pausing), a press elsewhere
 * starts a drag that seeks along the track, and the keys step (arrows), jump a tenth of the
 * track (page keys) or go to either end. Shift+arrows are left to the app's fault jumps.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { LinearScale } from './scale';
import type { SessionStore } from '../../store/session';
import { goTo } from './navigate';

export function useScrub(store: SessionStore, x: LinearScale, end: number) {
  const dragging = useRef(false);
  const seekAt = (clientX: number, el: Element) => {
    const left = el.getBoundingClientRect().left;
    store.getState().seekTime(x.invert(clientX - left));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.focus();
    e.preventDefault();
    const other = (e.target as Element).closest?.('[data-time]');
    if (other) {
      const s = store.getState();
      s.pause();
      // The compared run may have recorded further than this one: record up to it too.
      s.followTime(Number(other.getAttribute('data-time')));
      return;
    }
    const marker = (e.target as Element).closest?.('[data-step]');
    if (marker) {
      const s = store.getState();
      s.pause();
      s.seekStep(Number(marker.getAttribute('data-step')));
      return;
    }
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    seekAt(e.clientX, e.currentTarget);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) seekAt(e.clientX, e.currentTarget);
  };
  const stopDrag = () => {
    dragging.current = false;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return; // Shift+arrows: fault jumps, globally
    const s = store.getState();
    const span = end / 10;
    switch (e.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        s.stepBack();
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        s.stepForward();
        break;
      case 'PageUp':
        s.seekTime(s.frame.time + span);
        break;
      case 'PageDown':
        s.seekTime(s.frame.time - span);
        break;
      case 'Home':
        goTo(s, 'start');
        break;
      case 'End':
        goTo(s, 'end');
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };
  return { onPointerDown, onPointerMove, onPointerUp: stopDrag, onPointerCancel: stopDrag, onKeyDown };
}
