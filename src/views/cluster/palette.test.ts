/** Message colours (issue 17, item 10): within each protocol every type it sends has its own
 * colour, whatever was coloured before; the table names every type the curated runs send. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_IDS, loadAllProtocols } from '../../protocols/loader';
import type { ProtocolModule } from '../../protocols/types';
import { createSession } from '../../store/session';
import { MESSAGE_TYPES } from './messageTypes';

let modules: ReadonlyMap<string, ProtocolModule>;
beforeAll(async () => {
  modules = await loadAllProtocols();
});

/** A fresh copy of the palette module (no colour handed out yet). */
async function freshPalette() {
  vi.resetModules();
  return import('./palette');
}

describe('message colours', () => {
  it('every registered protocol declares its types, and each curated run sends only declared ones', () => {
    for (const id of PROTOCOL_IDS) {
      const declared = MESSAGE_TYPES[id];
      expect(declared, id).toBeDefined();
      const m = modules.get(id)!;
      const sent = new Set<string>();
      for (const sc of m.scenarios) {
        // Recorded to its end through a session, as the app does.
        const run = createSession(sc);
        run.getState().seekStep(Number.MAX_SAFE_INTEGER);
        for (const e of run.getState().sim.events) for (const s of e.sent ?? []) sent.add(s.type);
      }
      expect(sent.size, id).toBeGreaterThan(0);
      for (const type of sent) expect(declared, `${id} sends ${type}`).toContain(type);
    }
  });

  it('within each protocol, all declared types have pairwise distinct colours (a reply too)', async () => {
    const { messageColor } = await freshPalette();
    for (const [id, types] of Object.entries(MESSAGE_TYPES)) {
      const colours = types.map(messageColor);
      expect(new Set(colours).size, `${id}: ${types.map((t, i) => `${t}=${colours[i]}`).join(' ')}`).toBe(types.length);
    }
    expect(messageColor('AppendEntries')).not.toBe(messageColor('AppendEntriesResponse'));
  });

  it('colours do not depend on the order protocols were visited', async () => {
    const ids = Object.keys(MESSAGE_TYPES);
    const colours = async (order: string[]) => {
      const { messageColor } = await freshPalette();
      // An unknown type first, as a file from elsewhere might bring.
      messageColor('SomethingElse');
      const out: Record<string, string> = {};
      for (const id of order) for (const t of [...MESSAGE_TYPES[id]!].reverse()) out[`${id}:${t}`] = messageColor(t);
      return out;
    };
    const forward = await colours(ids);
    expect(await colours([...ids].reverse())).toEqual(forward);
    expect(await colours(['lock', 'zab', 'chash', ...ids.filter((i) => !['lock', 'zab', 'chash'].includes(i))])).toEqual(forward);
  });
});
