/** Global keyboard shortcuts (see shortcutList.ts). Ignored while typing in a field or while a
 * dialog is open, except Escape. */
import { useEffect } from 'react';
import type { SessionStore, SessionState } from '../store/session';
import { copyLink } from '../views/copyLink';
import { commandAction, commandsFor } from '../views/commands';
import { DELAY_BY, nextRate } from '../views/faults';
import { goTo } from '../views/timeline/navigate';
import { compareStore } from '../views/compare/context';
import { afterOpening } from '../store/protocolLoad';

/** Inputs that take keys only to toggle or move (a radio, a checkbox, a slider). */
const CHOICE_INPUTS = new Set(['radio', 'checkbox', 'range', 'button', 'submit']);

/** Whether the key belongs to the focused control rather than to the app's shortcuts. Space
 * is the app's everywhere but in a text field: a focused button or radio would otherwise take
 * it and act again (a fault recorded once more on every press). */
export function typing(target: EventTarget | null, key: string): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.tagName === 'INPUT' && CHOICE_INPUTS.has((el as HTMLInputElement).type)) return key === 'Enter' || key.startsWith('Arrow');
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Returns true when the key was handled. */
export function handleKey(s: SessionState, e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  const node = s.selection?.kind === 'node' ? s.frame.nodes.find((n) => n.id === s.selection!.id) : undefined;
  const message = s.selection?.kind === 'message' ? s.selection.id : undefined;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.shiftKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
    goTo(s, key === 'ArrowLeft' ? 'prevFault' : 'nextFault');
    return true;
  }
  switch (key) {
    case ' ':
      s.togglePlay();
      return true;
    case 'ArrowRight':
      s.stepForward();
      return true;
    case 'ArrowLeft':
      s.stepBack();
      return true;
    case '[':
      s.setSpeed(Number((s.speed / 2).toPrecision(2)));
      return true;
    case ']':
      s.setSpeed(Number((s.speed * 2).toPrecision(2)));
      return true;
    case '?':
      s.openDialog('help');
      return true;
    case 'Escape':
      if (s.dialog) s.openDialog(null);
      else s.select(null);
      return true;
    case 'a': {
      // The selected node's actions beside it (views/cluster/NodeActions.tsx), else the first in
      // the actions bar (a small stage shows no strip).
      const first = node && typeof document !== 'undefined' ? document.querySelector<HTMLElement>('[data-testid="node-actions"] button, .faults [data-testid^="fault-"]') : null;
      first?.focus();
      return !!first;
    }
    case 'p':
      s.openDialog('partition');
      return true;
    case 'h':
      s.act({ do: 'heal' });
      return true;
    case 'm':
      s.setSchedule(s.frame.mode === 'auto' ? 'manual' : 'auto');
      return true;
    case 'l':
      void copyLink(s);
      return true;
    case 's':
      s.openDialog('scenarios');
      return true;
    case ',':
      s.openDialog('settings');
      return true;
    case 'w':
      s.openDialog('compare');
      return true;
    case 'f':
      s.openDialog('explorer');
      return true;
    case 'v':
      goTo(s, e.shiftKey ? 'prevViolation' : 'nextViolation', compareStore()?.getState());
      return true;
    case 'Home':
      goTo(s, 'start');
      return true;
    case 'End':
      goTo(s, 'end');
      return true;
  }
  if (/^[1-9]$/.test(key)) {
    const n = s.frame.nodes[Number(key) - 1];
    if (n) s.select({ kind: 'node', id: n.id });
    return !!n;
  }
  if (node) {
    const id = node.id;
    switch (key) {
      case 'c':
        s.act(node.up ? { do: 'crash', node: id } : e.shiftKey ? { do: 'restart', node: id, loseDisk: true } : { do: 'restart', node: id });
        return true;
      case 'z':
        if (node.up) s.act(node.paused ? { do: 'resume', node: id } : { do: 'pause', node: id });
        return true;
      case 't':
        s.act({ do: 'timeout', node: id });
        return true;
      case 'q': {
        const first = commandsFor(s.module, node.role, node.state)[0];
        if (first && node.up) s.act(commandAction(first, id, s.frame.step));
        return !!first;
      }
      case 'k':
        s.act({ do: 'skew', node: id, rate: nextRate(node.rate) });
        return true;
    }
  }
  if (message !== undefined) {
    switch (key) {
      case 'x':
        s.act({ do: 'drop', message });
        return true;
      case 'd':
        s.act({ do: 'duplicate', message });
        return true;
      case 'y':
        s.act({ do: 'delay', message, by: DELAY_BY });
        return true;
    }
  }
  return false;
}

export function useShortcuts(store: SessionStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      if (e.key !== 'Escape' && (typing(e.target, e.key) || s.dialog)) return;
      // Enter still presses the focused button; Space plays (see `typing`).
      if ((e.target as HTMLElement | null)?.tagName === 'BUTTON' && e.key === 'Enter') return;
      // A run still opening (its protocol loading): the key acts on it once it is open.
      const key = { key: e.key, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey };
      let handled = false;
      const waited = afterOpening(() => {
        handled = handleKey(store.getState(), key);
      });
      if (handled || waited) e.preventDefault();
    };
    // A button clicks on Space's keyup: keep that from firing it once more.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && !typing(e.target, e.key) && !store.getState().dialog) e.preventDefault();
    };
    addEventListener('keydown', onKey);
    addEventListener('keyup', onKeyUp);
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('keyup', onKeyUp);
    };
  }, [store]);
}
