import { describe, expect, it } from 'vitest';
import { chash } from './index';
import { tokenOf } from './hash';

describe('chash view hint ringPlace', () => {
  const place = chash.view.ringPlace!;
  it('puts a server in the ring at its first token, as a fraction of the circle', () => {
    const p = place('n3', { role: 'server', self: 'up' });
    expect(p).toBe(tokenOf('n3', 0) / 2 ** 32);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1);
  });
  it('keeps clients and servers out of the ring off it', () => {
    expect(place('n7', { role: 'client' })).toBeNull();
    expect(place('n6', { role: 'server', self: 'out' })).toBeNull();
  });
});
