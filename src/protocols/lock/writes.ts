/**
 * Writes to the storage service, shared by both kinds of client: the client checks that it
 * holds the lock, does its work for `work` ms, then sends the write with its sequencer (none in
 * Redis mode). A pause during the work is Kleppmann's GC pause: the check is stale by the time
 * the write leaves, and nothing the client does can notice.
 */
import type { NodeId } from './config';
import { entry, record, send, setTimer, type Draft } from './kernel';
import type { Incoming, LockName, StorageMessage } from './messages';

/** A write waiting for the application's work (between its lock check and the send). */
export interface Working {
  op: string;
  lock: LockName;
  value: string;
  token?: number;
}

export interface Writer {
  id: NodeId;
  storage: NodeId;
  work: number;
  nextOp: number;
  /** Held locks: the sequencer's generation, or 0 where there are no sequencers (Redis). */
  held: Readonly<Record<LockName, number>>;
  working: Working | null;
  /** Writes sent and not yet answered: a duplicated answer must end its op only once. */
  writing: readonly string[];
}

export function newOp(d: Draft<Writer>): string {
  d.ctx.nextOp += 1;
  return `${d.ctx.id}.${d.ctx.nextOp}`;
}

/** `blocked`: why the client may not act now (jeopardy), or null. `tokens`: whether writes carry
 * the sequencer. */
export function write<C extends Writer>(d: Draft<C>, lock: LockName, value: string, blocked: string | null, tokens: boolean): void {
  const op = newOp(d as unknown as Draft<Writer>);
  const c = d.ctx;
  d.out.push(record({ kind: 'invoke', op, f: 'write', key: lock, value }));
  const token = entry(c.held, lock);
  if (token === undefined || blocked !== null) return void d.out.push(record({ kind: 'fail', op, reason: token === undefined ? 'not held' : blocked! }));
  if (c.working) return void d.out.push(record({ kind: 'fail', op, reason: 'busy' }));
  c.working = { op, lock, value, ...(tokens ? { token } : {}) };
  d.out.push(setTimer('work', c.work));
}

export function sendWrite<C extends Writer>(d: Draft<C>): void {
  const w = d.ctx.working;
  if (!w) return;
  d.ctx.working = null;
  d.ctx.writing = [...d.ctx.writing, w.op];
  d.out.push(send(d.ctx.storage, { type: 'Write', resource: w.lock, value: w.value, op: w.op, ...(w.token === undefined ? {} : { token: w.token }) }));
}

export function writeAnswered<C extends Writer>(d: Draft<C>, m: Incoming<StorageMessage>): void {
  if (!d.ctx.writing.includes(m.op)) return;
  d.ctx.writing = d.ctx.writing.filter((op) => op !== m.op);
  if (m.type === 'WriteOk') d.out.push(record({ kind: 'ok', op: m.op }));
  else if (m.type === 'WriteRejected') d.out.push(record({ kind: 'fail', op: m.op, reason: `token below ${m.maxToken}` }));
}
