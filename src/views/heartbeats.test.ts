/**
 * What "hide heartbeats" hides, over every curated Raft and Multi-Paxos run: heartbeats and
 * plain acknowledgements of them, never a reply that carries news (a rejection, a newer term,
 * a Preempted that deposes a stale leader).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAllProtocols } from '../protocols/loader';
import type { ProtocolModule } from '../protocols/types';
import { createSession } from '../store/session';
import { isHeartbeat } from './heartbeats';

let modules: ReadonlyMap<string, ProtocolModule>;
beforeAll(async () => {
  modules = await loadAllProtocols();
});

/** Per run: the replies sent back to a heartbeat's sender, hidden or not. */
function replies(module: ProtocolModule) {
  const out: { type: string; payload: Record<string, unknown>; hidden: boolean }[] = [];
  for (const scenario of module.scenarios) {
    const session = createSession(scenario);
    session.getState().seekStep(Number.MAX_SAFE_INTEGER);
    const sim = session.getState().sim;
    const run = { module, events: sim.events };
    for (const e of sim.events) {
      if (e.kind !== 'deliver' || !e.message || !e.sent || !isHeartbeat(module, e.message)) continue;
      for (const m of e.sent) if (m.to === e.message.from) out.push({ type: m.type, payload: m.payload as Record<string, unknown>, hidden: isHeartbeat(module, m, run) });
    }
  }
  return out;
}

describe('hide heartbeats', () => {
  it('Raft: hides a success at the heartbeat’s term, keeps every rejection in view', () => {
    const all = replies(modules.get('raft')!);
    const rejections = all.filter((r) => r.payload.success === false);
    expect(all.some((r) => r.hidden)).toBe(true);
    expect(rejections.length).toBeGreaterThan(0); // Figure 8's log-mismatch answers
    expect(rejections.filter((r) => r.hidden)).toEqual([]);
    for (const r of all.filter((x) => x.hidden)) expect([r.type, r.payload.success]).toEqual(['AppendEntriesResponse', true]);
  });

  it('Multi-Paxos: hides HeartbeatReply, never the Preempted that deposes a stale leader', () => {
    const all = replies(modules.get('multipaxos')!);
    const preempted = all.filter((r) => r.type === 'Preempted');
    expect(preempted.length).toBeGreaterThan(0);
    expect(preempted.filter((r) => r.hidden)).toEqual([]);
    expect(all.filter((r) => r.hidden).every((r) => r.type === 'HeartbeatReply')).toBe(true);
    expect(all.some((r) => r.hidden)).toBe(true);
  });
});
