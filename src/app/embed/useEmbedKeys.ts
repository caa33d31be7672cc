/**
 * The keys an embed keeps: playback, navigation and selection always; a node's or a message's
 * faults only while editing is open. Keys that open dialogs or change the run (partition,
 * scenarios, settings, compare, explorer, the manual schedule, copy link) have no place in a
 * frame on someone else's page.
 */
import { useEffect } from 'react';
import type { SessionStore } from '../../store/session';
import { handleKey, typing } from '../useShortcuts';
import type { LockControl } from './locks';

const VIEW_KEYS = new Set([' ', 'ArrowLeft', 'ArrowRight', '[', ']', 'Home', 'End', 'Escape', 'v']);
const EDIT_KEYS = new Set(['c', 'z', 't', 'q', 'k', 'x', 'd', 'y', 'h']);

/** Whether the embed handles `key` (lower-cased for letters). */
export function embedKey(key: string, editing: boolean): boolean {
  return VIEW_KEYS.has(key) || /^[1-9]$/.test(key) || (editing && EDIT_KEYS.has(key));
}

export function useEmbedKeys(store: SessionStore, control: LockControl): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (!embedKey(key, control.editing()) || typing(e.target, e.key)) return;
      if ((e.target as HTMLElement | null)?.tagName === 'BUTTON' && (e.key === 'Enter' || e.key === ' ')) return;
      if (handleKey(store.getState(), e)) e.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [store, control]);
}
