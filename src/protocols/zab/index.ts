/** Zab (ZooKeeper Atomic Broadcast) as a ProtocolModule. docs/protocols/zab.md explains it. */
import type { ClientRecord, NodeView, ParamSpec, ProtocolConfig, ProtocolModule, TraceEvent } from '../types';
import { zabMachine, type ZabInput } from './machine';
import type { ZabBug, ZabDurable, ZabParams } from './context';
import { durable, observe, type ZabObservable } from './observe';
import { zabInvariants } from './invariants';
import { zabScenarios } from './scenarios';
import { zabBugs } from './bugs';
import type { ClientReply } from './messages';
import { showTxn } from './types';
import { zabExplore } from './explore';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const positive = (v: unknown) => (isInt(v) && v > 0 ? null : 'must be a whole number above 0');
const range = (v: unknown) =>
  Array.isArray(v) && v.length === 2 && isInt(v[0]) && isInt(v[1]) && v[0] > 0 && v[0] <= v[1] ? null : 'must be [min, max] with whole numbers 0 < min ≤ max';

const params: ParamSpec[] = [
  { name: 'tick', description: "ZooKeeper's tickTime: how often a leader pings its learners, in ms.", default: 40, check: positive },
  { name: 'syncLimit', description: 'Ticks of silence after which a follower leaves its leader, or a leader drops a learner.', default: 5, check: positive },
  { name: 'initLimit', description: 'Ticks a leader may spend in discovery and synchronization before it gives up.', default: 10, check: positive },
  { name: 'notifyTimeout', description: 'Range [min, max] of the wait before a LOOKING server sends its vote again, in ms.', default: [100, 200], check: range },
  { name: 'finalizeWait', description: 'How long FLE waits for a better vote once a quorum agrees, in ms.', default: 30, check: positive },
  { name: 'flushDelay', description: 'Range [min, max] of the time before synchronized txns reach the disk, in ms.', default: [5, 15], check: range },
  { name: 'committedLogSize', description: 'How many recent txns a leader keeps for DIFF; a follower further behind gets a SNAP.', default: 6, check: positive },
];

function param<T>(cfg: ProtocolConfig, name: string): T {
  return (cfg.params[name] ?? params.find((p) => p.name === name)!.default) as T;
}

function zabParams(cfg: ProtocolConfig): ZabParams {
  return {
    tick: param(cfg, 'tick'),
    syncLimit: param(cfg, 'syncLimit'),
    initLimit: param(cfg, 'initLimit'),
    notifyTimeout: param(cfg, 'notifyTimeout'),
    finalizeWait: param(cfg, 'finalizeWait'),
    flushDelay: param(cfg, 'flushDelay'),
    committedLogSize: param(cfg, 'committedLogSize'),
    bugs: cfg.params.bugs as ZabBug[],
  };
}

/** Client records from the answers a server gives (messages.ts ClientReply). */
function clientHistory(event: TraceEvent): ClientRecord[] {
  const out: ClientRecord[] = [];
  for (const o of event.output ?? []) {
    const r = o as ClientReply;
    if (r.type === 'invoke') out.push({ kind: 'invoke', op: r.op, client: event.node!, f: 'write', key: r.key, value: r.value });
    else if (r.type === 'ok') out.push({ kind: 'ok', op: r.op });
    else if (r.type === 'fail') out.push({ kind: 'fail', op: r.op, reason: r.reason });
    else if (r.type === 'info') out.push({ kind: 'info', op: r.op, reason: r.reason });
  }
  return out;
}

function summarize(nodes: ReadonlyMap<string, NodeView>, events: readonly TraceEvent[]): string[] {
  const leaders = new Map<number, Set<string>>();
  for (const e of events) {
    const s = e.state as ZabObservable | undefined;
    if (s && e.node && s.state === 'LEADING' && s.zabState !== 'DISCOVERY') {
      if (!leaders.has(s.currentEpoch)) leaders.set(s.currentEpoch, new Set());
      leaders.get(s.currentEpoch)!.add(e.node);
    }
  }
  let best: ZabObservable | undefined;
  for (const v of nodes.values()) {
    const s = v.state as ZabObservable;
    if (!best || s.lastCommitted > best.lastCommitted) best = s;
  }
  const committed = best ? best.history.slice(0, best.lastCommitted).map(showTxn) : [];
  const epochs = [...leaders].sort((a, b) => a[0] - b[0]).map(([e, ids]) => `e${e}=${[...ids].join('+')}`);
  return [`established leaders per epoch: ${epochs.join(' ') || 'none'}`, `committed: ${committed.join(' ') || 'none'}`];
}

export const zab: ProtocolModule = {
  id: 'zab',
  name: 'Zab (ZooKeeper)',
  minNodes: 3,
  maxNodes: 9,
  params,
  roles: (cfg) => Object.fromEntries(cfg.nodes.map((n) => [n, 'server'])),
  machine: () => zabMachine,
  input(node, _role, cfg, disk): ZabInput {
    return { id: node, servers: cfg.nodes, params: zabParams(cfg), ...(disk ? { durable: disk as ZabDurable } : {}) };
  },
  durable,
  observe,
  commands: [
    {
      id: 'request',
      label: 'Client write',
      description: 'A client asks this server to write. A follower forwards it to the leader; the client is answered when this server delivers the write.',
      fields: [{ name: 'command', kind: 'string', default: 'x=1', description: 'key=value to write' }],
      event: (a) => ({ type: 'ClientRequest', command: String(a.command ?? ''), at: a.at }),
    },
  ],
  invariants: zabInvariants,
  bugs: zabBugs,
  scenarios: zabScenarios,
  // The leader's PINGs (Leader.java's ping to each learner); a learner's PING back is their
  // reply, which the views find by what it answers.
  view: { roleGlyphs: { server: 'S' }, panels: ['zab-history'], heartbeat: (type) => type === 'PING' },
  summarize,
  summaryReads: ['state'],
  clientHistory,
  explore: zabExplore,
};
