/**
 * The client history of a run (DESIGN.md section 6, docs/formats.md): every client operation
 * with its invocation and its completion, read off trace events through the protocol's
 * `clientHistory` hook. It is derived from the events alone, so a replay or an imported trace
 * rebuilds it exactly. Order is by trace position (`seq`), which is finer than simulated time:
 * two events at the same millisecond still happened one after the other.
 */
import type { ClientRecord, ProtocolModule } from '../protocols/types';
import type { NodeId, TraceEvent } from '../sim/types';

/** `pending`: invoked, never answered (yet). `info`: answered "unknown". Both may or may not
 * have taken effect. `fail`: certainly did not. `ok`: did, with `output` the value a read got. */
export type OpStatus = 'ok' | 'fail' | 'info' | 'pending';

export interface HistoryOp {
  id: string;
  client: NodeId;
  f: string;
  key: string;
  /** The operation's argument (a put's value). */
  value?: unknown;
  status: OpStatus;
  /** What an `ok` returned (a read's value). */
  output?: unknown;
  reason?: string;
  invokeSeq: number;
  invokeTime: number;
  endSeq?: number;
  endTime?: number;
}

/** Grows event by event. Ops are kept in invocation order; `byKey` partitions them. */
export class ClientHistory {
  readonly ops: HistoryOp[] = [];
  private readonly byId = new Map<string, HistoryOp>();
  private readonly keys = new Map<string, HistoryOp[]>();
  /** Records the hook gave that the history could not place (a completion of an unknown op, a
   * second invocation of one id, a second completion). Kept so tests and docs can see them. */
  readonly anomalies: { seq: number; record: ClientRecord; why: string }[] = [];

  get(id: string): HistoryOp | undefined {
    return this.byId.get(id);
  }

  /** Every op on one key, in invocation order. */
  byKey(key: string): readonly HistoryOp[] {
    return this.keys.get(key) ?? [];
  }

  keyNames(): string[] {
    return [...this.keys.keys()];
  }

  /** Applies one event's records; returns the ops they touched. */
  apply(event: TraceEvent, records: readonly ClientRecord[]): HistoryOp[] {
    const touched: HistoryOp[] = [];
    for (const r of records) {
      if (r.kind === 'invoke') {
        if (this.byId.has(r.op)) {
          this.anomalies.push({ seq: event.seq, record: r, why: 'op id invoked twice' });
          continue;
        }
        const op: HistoryOp = { id: r.op, client: r.client, f: r.f, key: r.key, status: 'pending', invokeSeq: event.seq, invokeTime: event.time };
        if (r.value !== undefined) op.value = r.value;
        this.ops.push(op);
        this.byId.set(r.op, op);
        const list = this.keys.get(r.key);
        if (list) list.push(op);
        else this.keys.set(r.key, [op]);
        touched.push(op);
        continue;
      }
      const op = this.byId.get(r.op);
      if (!op) {
        this.anomalies.push({ seq: event.seq, record: r, why: 'completion of an op never invoked' });
        continue;
      }
      // An op ends once. An `info` may still be settled by a later definite answer (a reply
      // that arrives after the client gave up), which only adds knowledge.
      if (op.status !== 'pending' && op.status !== 'info') {
        this.anomalies.push({ seq: event.seq, record: r, why: `op already ended ${op.status}` });
        continue;
      }
      if (op.status === 'info' && r.kind === 'info') continue;
      op.status = r.kind;
      op.endSeq = event.seq;
      op.endTime = event.time;
      if (r.kind === 'ok' && r.value !== undefined) op.output = r.value;
      if (r.kind !== 'ok' && r.reason !== undefined) op.reason = r.reason;
      touched.push(op);
    }
    return touched;
  }
}

/** The history of a run so far, from its events. Empty when the protocol records no clients. */
export function buildHistory(module: ProtocolModule, events: readonly TraceEvent[]): ClientHistory {
  const history = new ClientHistory();
  const hook = module.clientHistory;
  if (!hook) return history;
  for (const e of events) {
    const records = hook(e);
    if (records.length > 0) history.apply(e, records);
  }
  return history;
}
