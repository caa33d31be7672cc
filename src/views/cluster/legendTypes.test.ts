/** The legend keys only the message types a run's parameters can send (issue 17): the lock
 * service's Redis mode lists none of the cell's types, and its Chubby mode none of Redis's. */
import { beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_IDS, loadAllProtocols } from '../../protocols/loader';
import type { ProtocolModule } from '../../protocols/types';
import { createSession } from '../../store/session';
import { MESSAGE_TYPES } from './messageTypes';

let modules: ReadonlyMap<string, ProtocolModule>;
beforeAll(async () => {
  modules = await loadAllProtocols();
});

describe('message types per run', () => {
  it('every curated run sends only types its parameters declare, and those are the protocol table\'s', () => {
    let narrowed = 0;
    for (const id of PROTOCOL_IDS) {
      const m = modules.get(id)!;
      if (!m.view.messageTypes) continue;
      for (const sc of m.scenarios) {
        const can = m.view.messageTypes(sc.params);
        for (const type of can) expect(MESSAGE_TYPES[id], `${id} declares ${type}`).toContain(type);
        const run = createSession(sc);
        run.getState().seekStep(Number.MAX_SAFE_INTEGER);
        for (const e of run.getState().sim.events) for (const s of e.sent ?? []) expect(can, `${id}:${sc.name} sends ${s.type}`).toContain(s.type);
        if (can.length < MESSAGE_TYPES[id]!.length) narrowed++;
      }
    }
    expect(narrowed).toBeGreaterThan(0);
  });

  it('the lock service: Redis mode keys SET NX and storage only; Chubby mode keys no Redis type', () => {
    const lock = modules.get('lock')!;
    const redis = lock.view.messageTypes!({ bugs: [], mode: 'redis' });
    const chubby = lock.view.messageTypes!({ bugs: [] });
    expect([...redis].sort()).toEqual(['Del', 'DelReply', 'SetNX', 'SetReply', 'Write', 'WriteOk', 'WriteRejected']);
    for (const t of ['SetNX', 'SetReply', 'Del', 'DelReply']) expect(chubby).not.toContain(t);
    // Between them the two modes key every type the protocol declares.
    expect(new Set([...redis, ...chubby])).toEqual(new Set(MESSAGE_TYPES.lock));
  });
});
