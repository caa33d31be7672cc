/**
 * Raft's client history (the `clientHistory` hook): the first reply to a request names what was
 * asked, so it is the invocation; `ok` and `fail` replies end the op. A request that reaches a
 * down or paused server gets no reply and never enters the history: the client could not even
 * send it. A redirect is a `fail`: a follower appended nothing.
 */
import type { ClientRecord, TraceEvent } from '../types';
import type { ClientReply } from './clients';

/** What most events give (no client reply): shared and frozen, as this runs for every event. */
const NONE: ClientRecord[] = Object.freeze([]) as unknown as ClientRecord[];

export function raftClientHistory(event: TraceEvent): ClientRecord[] {
  if (!event.output || event.node === undefined) return NONE;
  const out: ClientRecord[] = [];
  for (const data of event.output) {
    const r = data as ClientReply;
    if (typeof r !== 'object' || r === null || typeof r.op !== 'string') continue;
    if ('f' in r && r.f !== undefined && r.key !== undefined) {
      out.push({ kind: 'invoke', op: r.op, client: event.node, f: r.f, key: r.key, ...(r.f === 'put' ? { value: r.value } : {}) });
    }
    if (r.type === 'redirect') out.push({ kind: 'fail', op: r.op, reason: r.leaderHint ? `not the leader; try ${r.leaderHint}` : 'not the leader' });
    else if (r.type === 'fail') out.push({ kind: 'fail', op: r.op, reason: r.reason });
    else if (r.type === 'ok') out.push(r.f === 'put' || (r.f === undefined && r.value === undefined) ? { kind: 'ok', op: r.op } : { kind: 'ok', op: r.op, value: r.value });
  }
  return out;
}
