/** The conservative lease: timers start at send time, replies confirm, late replies are worthless. */
import { describe, expect, it } from 'vitest';
import { confirm, fired, holds, NO_LEASE, reset, startRequest } from './lease';

describe('conservative lease tracking', () => {
  it('starts each request’s timer at send time and makes the confirmed one the lease', () => {
    const a = startRequest(NO_LEASE, 'lease', 1000 / 1.1);
    expect(a.rid).toBe(1);
    expect(a.fx).toEqual([{ type: 'setTimer', params: { name: 'lease.1', delay: 909 } }]);
    const b = startRequest(a.track, 'lease', 909);
    expect(holds(b.track)).toBe(false);
    const c = confirm(b.track, 'lease', 2)!;
    // The older request's timer is cancelled: the newer reply supersedes it.
    expect(c.fx).toEqual([{ type: 'cancelTimer', params: { name: 'lease.1' } }]);
    expect(c.track).toEqual({ next: 3, confirmed: 2, pending: [2] });
    expect(holds(c.track)).toBe(true);
  });

  it('ignores a reply whose timer already fired, and one older than the lease', () => {
    const a = startRequest(startRequest(NO_LEASE, 'lease', 10).track, 'lease', 10).track;
    const late = fired(a, 1).track;
    expect(confirm(late, 'lease', 1)).toBeNull();
    const two = confirm(a, 'lease', 2)!.track;
    expect(confirm(two, 'lease', 1)).toBeNull();
  });

  it('expires when the confirmed request’s timer fires, or any timer before a first reply', () => {
    const a = startRequest(startRequest(NO_LEASE, 'lease', 10).track, 'lease', 10).track;
    expect(fired(a, 1).expired).toBe(true);
    const one = confirm(a, 'lease', 1)!.track;
    expect(fired(one, 2).expired).toBe(false);
    expect(fired(one, 1).expired).toBe(true);
    expect(holds(fired(one, 1).track)).toBe(false);
  });

  it('under lease-from-reply restarts the lease at full length when the reply arrives', () => {
    const a = startRequest(NO_LEASE, 'lease', 909).track;
    expect(confirm(a, 'lease', 1, 1000)!.fx).toEqual([{ type: 'setTimer', params: { name: 'lease.1', delay: 1000 } }]);
  });

  it('reset cancels every pending timer and keeps request ids growing', () => {
    const a = startRequest(startRequest(NO_LEASE, 'm', 10).track, 'm', 10).track;
    const r = reset(a, 'm');
    expect(r.fx.map((f) => (f.params as { name: string }).name)).toEqual(['m.1', 'm.2']);
    expect(r.track).toEqual({ next: 3, confirmed: null, pending: [] });
  });
});
