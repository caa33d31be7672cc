/**
 * What the explorer sees of the lock service (issue 12's `explore` hints). Kleppmann's failure
 * needs two clients and a pause that lands in a holder's few milliseconds between its lock
 * check and its write; the lease bugs need a holder that sleeps through a KeepAlive reply, or
 * that does not hear from a new master. Random timing almost never lines these up, so the
 * protocol names the places: they are where any lock service is at risk, not where a bug is,
 * and with every switch off (fencing on) they fire the same and nothing breaks.
 */
import type { Action } from '../../scenario/types';
import type { ExploreHints, ProtocolFault, NodeView, ProtocolConfig, TraceEvent } from '../types';
import { resolveConfig } from './config';
import { abstractState } from './history';
import type { ClientObservable, LockObservable } from './observe';

const isClient = (s: LockObservable): s is ClientObservable => s.role === 'client' || s.role === 'redis-client';
const holds = (s: LockObservable) => isClient(s) && Object.keys(s.believes).length > 0;
const holdsNode = (nodes: ReadonlyMap<string, NodeView>, id: string) => {
  const v = nodes.get(id);
  return v !== undefined && v.up && holds(v.state as LockObservable);
};

function faults(event: TraceEvent, nodes: ReadonlyMap<string, NodeView>, cfg: ProtocolConfig): ProtocolFault[] {
  const id = event.node;
  const v = id === undefined ? undefined : nodes.get(id);
  if (!id || !v?.up || v.paused) return [];
  const s = v.state as LockObservable;
  const c = resolveConfig(cfg);
  // Long enough for the session to lapse, the lock-delay to pass and a rival to take the lock.
  const pastLease: [number, number] = [c.lease + c.lockDelay + 2 * c.retry, 2 * c.lease + c.lockDelay + 4 * c.retry];
  const sent = event.sent ?? [];
  // A GC pause between the lock check and the write it guards (Kleppmann's diagram).
  const started = (event.output ?? []).some((o) => (o as { kind?: string; op?: string }).kind === 'invoke' && (o as { op?: string }).op === (s as ClientObservable).working);
  if (isClient(s) && s.working !== null && started) return [{ fault: 'pause', node: id, heal: pastLease }];
  // A holder asleep while its KeepAlive reply is in flight: it reads the reply only on waking.
  if (holds(s) && sent.some((m) => m.type === 'KeepAlive' && nodes.get(m.to)?.up)) return [{ fault: 'pause', node: id, heal: pastLease }];
  if (s.role !== 'cell') return [];
  // The master that just granted a lock, or renewed a holder's lease, fails: the holder's
  // session must survive the fail-over, and its local lease runs longest from here.
  const renewsHolder = (m: (typeof sent)[number]) => m.type === 'KeepAliveReply' && holdsNode(nodes, m.to);
  if (sent.some((m) => (m.type === 'AcquireReply' && (m.payload as { ok?: boolean }).ok) || renewsHolder(m))) return [{ fault: 'crash', node: id, heal: [c.masterLease * 2, 2 * c.lease] }];
  // A new master whose fail-over news does not reach a holder, which keeps trusting its lease.
  if (sent.some((m) => m.type === 'Failover')) {
    return [...nodes.values()].filter((n) => n.up && holds(n.state as LockObservable)).map((n): ProtocolFault => ({ fault: 'cut', from: id, to: n.id, heal: [c.lockDelay + 2 * c.retry, c.lease] }));
  }
  return [];
}

/** Chubby's fault model (§2.8): clocks may drift only within the assumed bound rho, so skew is
 * brought inside it (any two rates differ by less than rho); a forced lease timer is a clock
 * jump no bound allows, so it is left out (as in lock.sim.test.ts). Beyond the bound, lease
 * belief breaks by design: the skew-beyond-bound scenario shows it. */
function admit(action: Action, cfg: ProtocolConfig): Action | null {
  if (action.do === 'timeout') return null;
  const rate = action.do === 'skew' ? (action as { rate: number }).rate : 1;
  if (rate === 1) return action;
  const edge = Math.pow(resolveConfig(cfg).rho, 0.45);
  return { ...action, rate: rate > 1 ? edge : 1 / edge };
}

/** No generic fault points: the places that matter are in `faults`. The generic ones (an event
 * sending to several nodes, a role change) each spend one of the run's few triggered faults
 * where no lock story starts: without them `storage-ignores-tokens` went from 4 explorer seeds
 * in 5 to 5 (docs/protocols/lock.md has the figures). */
const faultPoint = (): undefined => undefined;

/** Six nodes give two clients (db, two cell nodes, clients, storage); seven give three. */
export const lockExplore: ExploreHints = { abstract: abstractState, nodes: [6, 7], faults, faultPoint, admit };
