/** Raft as a ProtocolModule. */
import type { NodeView, ParamSpec, ProtocolConfig, ProtocolModule, TraceEvent } from '../types';
import { electionTimeoutParam, heartbeatInsideTimeout, heartbeatParam } from '../kit/timeouts';
import { raftMachine, type RaftDurable, type RaftInput } from './machine';
import { durable, observe, type RaftObservable } from './observe';
import { raftInvariants } from './invariants';
import { raftScenarios } from './scenarios';
import { abstractRaft } from './abstract';
import { raftFaultPoint, raftFaults } from './faultPoints';
import { raftClientHistory } from './history';

const params: ParamSpec[] = [
  electionTimeoutParam('Range [min, max] of randomized election timeouts, in ms (section 5.2).'),
  heartbeatParam('How often a leader sends empty AppendEntries, in ms.'),
  {
    name: 'leaderNoop',
    description: 'A new leader appends a no-op entry at the start of its term (section 8), so it learns what is committed and can serve reads. Figure 8 turns it off: the no-op would commit the old entry by Log Matching.',
    default: true,
    check: (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
    // Both are correct Raft: the explorer tries each (the paper's Figure 8 has no no-op).
    sample: [true, false],
  },
  {
    name: 'leaseReads',
    description: 'Serve reads under a leader lease (dissertation section 6.4.1) instead of a heartbeat round per read. It rests on a clock assumption, leaseDriftBound; off by default.',
    default: false,
    check: (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
  },
  {
    name: 'leaseDriftBound',
    description: "The clock assumption of lease reads: no server's clock runs more than this factor faster than another's. A lease lasts the minimum election timeout divided by it, from when its heartbeat round was sent; skew beyond it can make lease reads stale.",
    default: 1.2,
    check: (v) => (typeof v === 'number' && v >= 1 && v <= 10 ? null : 'must be a number from 1 to 10'),
  },
];

function param<T>(cfg: ProtocolConfig, name: string): T {
  return (cfg.params[name] ?? params.find((p) => p.name === name)!.default) as T;
}

export const raft: ProtocolModule = {
  id: 'raft',
  name: 'Raft',
  minNodes: 3,
  maxNodes: 9,
  params,
  // Section 5.6: heartbeats must come well inside the election timeout.
  checkParams: heartbeatInsideTimeout,
  roles: (cfg) => Object.fromEntries(cfg.nodes.map((n) => [n, 'server'])),
  machine: () => raftMachine,
  input(node, _role, cfg, disk): RaftInput {
    const saved = disk as RaftDurable | undefined;
    return {
      id: node,
      peers: cfg.nodes.filter((n) => n !== node),
      electionTimeout: param(cfg, 'electionTimeout'),
      heartbeatInterval: param(cfg, 'heartbeatInterval'),
      commitPreviousTerm: cfg.params.bugs.includes('commit-previous-term'),
      leaderNoop: param(cfg, 'leaderNoop'),
      ackOnAppend: cfg.params.bugs.includes('ack-on-append'),
      staleRead: cfg.params.bugs.includes('stale-read'),
      leaseReads: param(cfg, 'leaseReads'),
      leaseDriftBound: param(cfg, 'leaseDriftBound'),
      ...(saved
        ? { durable: cfg.params.bugs.includes('forget-vote-on-restart') ? { ...saved, votedFor: null } : saved }
        : {}),
    };
  },
  durable,
  observe,
  commands: [
    {
      id: 'request',
      label: 'Client request',
      description: 'A client writes through this server: `x=1` (or `put x 1`) puts 1 under x. The leader answers once the entry is committed and applied; a follower answers with a leader hint.',
      fields: [{ name: 'command', kind: 'string', default: 'x=1', description: 'The write: key=value' }],
      event: (a, ctx) => ({ type: 'ClientRequest', command: String(a.command ?? ''), op: ctx?.op ?? '' }),
    },
    {
      id: 'read',
      label: 'Client read',
      description: 'A client reads a key through this server. The leader answers after a heartbeat round confirms it still leads (ReadIndex); a follower answers with a leader hint.',
      fields: [{ name: 'key', kind: 'string', default: 'x', description: 'The key to read', sample: ['x'] }],
      event: (a, ctx) => ({ type: 'ClientRead', key: String(a.key ?? ''), op: ctx?.op ?? '' }),
    },
  ],
  invariants: raftInvariants,
  bugs: [
    {
      id: 'commit-previous-term',
      description: "A leader commits entries of earlier terms by counting replicas (the bug of the paper's Figure 8).",
      breaks: ['state-machine-safety', 'leader-completeness'],
    },
    {
      id: 'forget-vote-on-restart',
      description: 'votedFor is not persisted, so a restarted server can vote twice in one term.',
      breaks: ['one-vote-per-term', 'election-safety'],
    },
    {
      id: 'ack-on-append',
      description: 'The leader answers a write as soon as it appends the entry, before it commits: a leader cut off in a minority acknowledges writes that are later overwritten.',
      breaks: ['linearizable'],
    },
    {
      id: 'stale-read',
      description: 'The leader serves reads from its own state without confirming that it still leads: a deposed leader in a minority returns stale values.',
      breaks: ['linearizable'],
    },
  ],
  scenarios: raftScenarios,
  // A follower's success at the heartbeat's own term acknowledges it; a rejection (the log
  // check failed, or a newer term) is what the leader acts on, so it stays in view.
  view: {
    roleGlyphs: { server: 'S' },
    panels: ['log', 'history'],
    heartbeatReply: (r, beat) => r.type === 'AppendEntriesResponse' && r.payload.success === true && r.payload.term === beat.payload.term,
  },
  summarize: summarizeRaft,
  summaryReads: ['state'],
  explore: { abstract: abstractRaft, faultPoint: raftFaultPoint, faults: raftFaults, nodes: [3] },
  clientHistory: raftClientHistory,
};

function summarizeRaft(nodes: ReadonlyMap<string, NodeView>, events: readonly TraceEvent[]): string[] {
  const leaders = new Map<number, Set<string>>();
  for (const e of events) {
    const s = e.state as RaftObservable | undefined;
    if (s && e.node && s.role === 'leader') {
      if (!leaders.has(s.currentTerm)) leaders.set(s.currentTerm, new Set());
      leaders.get(s.currentTerm)!.add(e.node);
    }
  }
  let best: RaftObservable | undefined;
  for (const v of nodes.values()) {
    const s = v.state as RaftObservable;
    if (!best || s.commitIndex > best.commitIndex) best = s;
  }
  const committed = best ? best.log.slice(0, best.commitIndex).map((e, i) => `${i + 1}:${e.command}@t${e.term}`) : [];
  const terms = [...leaders].sort((a, b) => a[0] - b[0]).map(([t, ids]) => `t${t}=${[...ids].join('+')}`);
  return [`leaders per term: ${terms.join(' ') || 'none'}`, `committed entries: ${committed.join(' ') || 'none'}`];
}
