/** For tests: histories written by hand as intervals, `[call, ret]` in trace positions. */
import type { ClientRecord } from '../../protocols/types';
import type { TraceEvent } from '../../sim/types';
import { ClientHistory } from '../history';

export interface HandOp {
  f: 'put' | 'get';
  key?: string;
  /** The put's value, or the get's result. */
  value: unknown;
  call: number;
  /** Omitted: never answered. */
  ret?: number;
  status?: 'ok' | 'fail' | 'info';
  client?: string;
}

export function handHistory(ops: readonly HandOp[]): ClientHistory {
  const at = new Map<number, ClientRecord[]>();
  const push = (t: number, r: ClientRecord) => at.set(t, [...(at.get(t) ?? []), r]);
  ops.forEach((o, i) => {
    const op = `o${i}`;
    push(o.call, { kind: 'invoke', op, client: o.client ?? `c${i}`, f: o.f, key: o.key ?? 'x', ...(o.f === 'put' ? { value: o.value } : {}) });
    if (o.ret === undefined) return;
    const status = o.status ?? 'ok';
    if (status === 'ok') push(o.ret, { kind: 'ok', op, ...(o.f === 'get' ? { value: o.value } : {}) });
    else push(o.ret, { kind: status, op });
  });
  const h = new ClientHistory();
  for (const t of [...at.keys()].sort((a, b) => a - b)) h.apply({ seq: t, time: t, kind: 'command' } as TraceEvent, at.get(t)!);
  return h;
}
