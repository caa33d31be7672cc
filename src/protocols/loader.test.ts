import { describe, expect, it, vi } from 'vitest';
import { protocols } from './registry';
import { encodeScenarioUrl, decodeScenarioUrl } from '../scenario/codec';

/** A fresh loader, with nothing loaded (the test setup imports the registry, which marks every
 * protocol loaded in the shared instance). */
async function freshLoader(): Promise<typeof import('./loader')> {
  vi.resetModules();
  return import('./loader');
}

describe('protocol loader', () => {
  it('lists the same protocols as the registry, in its order', async () => {
    const { PROTOCOL_IDS } = await freshLoader();
    expect([...PROTOCOL_IDS]).toEqual([...protocols.keys()]);
  });

  it('loads each protocol on demand, and the sync getter then returns it', async () => {
    const l = await freshLoader();
    for (const id of l.PROTOCOL_IDS) {
      expect(l.getProtocol(id)).toBeUndefined();
      const m = await l.loadProtocol(id);
      expect(m.id).toBe(id);
      expect(l.getProtocol(id)).toBe(m);
    }
    await expect(l.loadProtocol('nope')).rejects.toThrow('unknown protocol nope');
  });

  it('re-runs a reader once the protocols it asked for are loaded', async () => {
    const l = await freshLoader();
    const scenario = protocols.get('zab')!.scenarios[0]!;
    const link = encodeScenarioUrl({ ...scenario, compare: undefined });
    let runs = 0;
    const read = () => {
      runs++;
      return decodeScenarioUrl(link, l.getProtocol, l.PROTOCOL_IDS);
    };
    expect(read().ok).toBe(false);
    const r = await l.withProtocols(read);
    expect(r.ok).toBe(true);
    expect(l.isLoaded('zab')).toBe(true);
    expect(l.isLoaded('raft')).toBe(false);
    // Once without zab, once with it; and a reader that needs nothing more runs once.
    expect(runs).toBe(3);
    await l.withProtocols(read);
    expect(runs).toBe(4);
  });
});
