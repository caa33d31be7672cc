/**
 * The client history of consistent hashing (the `clientHistory` hook). A client names its ops
 * `o<n>` with a counter kept on disk, so `<client>.o<n>` is unique in a run. The invocation is
 * the command event: the op the client just opened is the newest in its `ops`, or the one its
 * immediate `failed` reply names. An op that gave up after tries may have reached some replicas
 * before they stopped answering, so it is `info`.
 */
import { lastKey } from '../../sim/precord';
import type { ClientRecord, TraceEvent } from '../types';
import type { CommandReply } from './messages';
import type { ClientObservable } from './observe';


export function chashClientHistory(event: TraceEvent): ClientRecord[] {
  const client = event.node;
  // Records come only from a command or from answers: the other events (most of a run) need
  // not rebuild their node's state, which a long run keeps as patches (issue 10).
  if (client === undefined || (event.kind !== 'command' && !event.output?.length)) return [];
  const state = event.state as ClientObservable | undefined;
  if (state?.role !== 'client') return [];
  const out: ClientRecord[] = [];
  const replies = (event.output ?? []) as CommandReply[];
  const f = event.detail?.command;
  if (event.kind === 'command' && !event.reason && (f === 'put' || f === 'get')) {
    const failed = replies.find((r) => r.type === 'failed');
    // Op ids only grow (the counter is on disk, `ops` is volatile), so the newest op is the
    // last one added: found without listing thousands of pending ops (issue 10).
    const newest = lastKey(state.ops);
    const op = failed?.op ?? newest;
    const pending = newest === undefined ? undefined : state.ops[newest];
    if (op !== undefined) {
      const key = failed?.key ?? pending?.key ?? '';
      out.push({ kind: 'invoke', op: `${client}.${op}`, client, f, key, ...(f === 'put' && pending?.entry ? { value: pending.entry.value } : {}) });
    }
  }
  for (const r of replies) {
    if (r.type === 'put-ok') out.push({ kind: 'ok', op: `${client}.${r.op}` });
    else if (r.type === 'get') out.push({ kind: 'ok', op: `${client}.${r.op}`, value: r.value });
    // Failing in the command itself (an empty ring) sent nothing: certainly not applied.
    // Later, after tries, some replica may hold it: unknown. (A get that is `info` constrains
    // nothing, so not knowing which kind failed there costs nothing.)
    else if (r.type === 'failed') out.push({ kind: event.kind === 'command' ? 'fail' : 'info', op: `${client}.${r.op}`, reason: r.reason });
  }
  return out;
}
