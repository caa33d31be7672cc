/**
 * An embed's locks, applied to the session store by replacing its actions: every view, key and
 * host message reaches the run through these, so no path around a lock is left open.
 * - edit lock: no fault, command, manual pick, schedule switch, other run or dialog;
 * - step range: the cursor stays within [from, to] (a course page's "look at this part").
 */
import type { SessionState, SessionStore } from '../../store/session';
import type { StepRange } from '../../store/embedLink';
import type { Scenario } from '../../scenario/types';

export interface Locks {
  lockEdit: boolean;
  range: StepRange | null;
}

export interface LockControl {
  /** A tour's task or sandbox step may open editing for a while (docs/embed.md). */
  setEditing(allowed: boolean): void;
  editing(): boolean;
  /** Told when editing opens or closes (the chrome shows or hides the fault tools). */
  subscribe(listener: () => void): () => void;
  /** The step a host's "go to" lands on: clamped into the range. */
  clamp(step: number): number;
  /** A run the embed opens itself (its tour's) passes the edit lock; null: none does. */
  allowRun(test: ((scenario: Scenario) => boolean) | null): void;
}

/** Actions that change the run itself (or open a dialog that would). */
const EDITS = ['act', 'pick', 'setSchedule', 'load', 'replace', 'undoFork', 'undoReplace'] as const;
/** Actions that move the cursor; after each, it is put back into the range. */
const MOVES = ['stepForward', 'stepBack', 'seekTime', 'followTime', 'tick', 'act', 'pick', 'load', 'replace', 'undoFork', 'undoReplace'] as const;

type Fn = (...args: never[]) => unknown;

export function applyLocks(store: SessionStore, locks: Locks): LockControl {
  let editing = !locks.lockEdit;
  let allowed: ((scenario: Scenario) => boolean) | null = null;
  const listeners = new Set<() => void>();
  const original = store.getState();
  const range = locks.range;
  const clamp = (step: number) => (range ? Math.max(range.from, Math.min(range.to, step)) : step);
  const patch: Partial<Record<keyof SessionState, unknown>> = {};

  if (range) {
    const { seekStep } = original;
    const into = () => {
      const { step } = store.getState().frame;
      // Playing into the range's end stops there, as a run stops at its end.
      if (step > range.to) {
        store.getState().pause();
        seekStep(range.to);
      } else if (step < range.from) seekStep(range.from);
    };
    for (const name of MOVES) {
      const fn = original[name] as Fn;
      patch[name] = (...args: never[]) => {
        const out = fn(...args);
        into();
        return out;
      };
    }
    patch.seekStep = (step: number, time?: number) => {
      const k = clamp(step);
      seekStep(k, k === step ? time : undefined);
    };
    // At the range's end, Play starts the range again.
    patch.play = () => {
      if (store.getState().frame.step >= range.to) seekStep(range.from);
      original.play();
    };
  }

  for (const name of EDITS) {
    const fn = (patch[name] ?? original[name]) as Fn;
    // Opening a run (load, replace) also passes when it is the one the embed's tour opens.
    const opens = name === 'load' || name === 'replace';
    patch[name] = (...args: never[]) => (editing || (opens && allowed?.(args[0] as unknown as Scenario)) ? fn(...args) : undefined);
  }
  const { openDialog } = original;
  patch.openDialog = (dialog: SessionState['dialog']) => {
    if (editing || dialog === null) openDialog(dialog);
  };

  store.setState(patch as Partial<SessionState>);
  if (range) store.getState().seekStep(store.getState().frame.step);
  return {
    setEditing: (allowed) => {
      if (editing === allowed) return;
      editing = allowed;
      listeners.forEach((l) => l());
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    editing: () => editing,
    clamp,
    allowRun: (test) => {
      allowed = test;
    },
  };
}
