/** Step placement after a task: a later anchor that resolves before the task's completion is
 * moved up to it, and the dry run would say so were it not. */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../sim/types';
import { arraySource } from './anchors';
import { endOf, placeStep, taskDoneAt, type Place } from './run';
import type { TourStep } from './types';

const ev = (time: number, node: string, role: string): TraceEvent => ({ seq: 0, time, kind: 'timer', node, state: { role } }) as unknown as TraceEvent;
const events = [ev(10, 'n1', 'candidate'), ev(20, 'n1', 'leader'), ev(30, 'n2', 'follower'), ev(40, 'n2', 'candidate'), ev(50, 'n2', 'leader'), ev(60, 'n3', 'follower')];
const src = arraySource(events, 100);
const steps: TourStep[] = [
  { id: 'task', kind: 'task', anchor: { at: 'start' }, say: 'do it', task: { done: { becomes: { role: 'leader' } }, within: 100, demo: [{ do: 'crash', node: 'n1' }] } },
  { id: 'then', kind: 'narrate', anchor: { after: 0 }, say: 'then' },
  { id: 'early', kind: 'narrate', anchor: { event: { becomes: { role: 'candidate' } } }, say: 'a candidate' },
];

describe('placing the step after a task', () => {
  it('finds the completion just after the task event, the first after the action', () => {
    expect(taskDoneAt(steps[0]!, { step: 2, time: 20 }, src, {})).toEqual({ step: 5, time: 50 });
    expect(taskDoneAt(steps[0]!, { step: 5, time: 50 }, src, {})).toBeNull();
  });
  it('is never before the completion, whatever its anchor says', () => {
    const task: Place = { index: 0, at: { step: 2, time: 20 }, bindings: {}, done: { step: 5, time: 50 } };
    const then = placeStep(steps, 1, [task], src);
    expect(then.ok && then.at).toEqual({ step: 5, time: 50 });
    // The candidate at 40 ms came before the task was done: the step waits at the completion.
    const early = placeStep([steps[0]!, steps[2]!], 1, [task], src);
    expect(early.ok && early.at).toEqual({ step: 5, time: 50 });
    // Without a completion, a step follows the place itself.
    const open = placeStep(steps, 1, [{ ...task, done: undefined } as Place], src);
    expect(open.ok && open.at).toEqual({ step: 2, time: 20 });
    expect(endOf(task)).toEqual({ step: 5, time: 50 });
  });
});
