/** Raft as a ProtocolModule. */
import type { NodeView, ParamSpec, ProtocolConfig, ProtocolModule, TraceEvent } from '../types';
import { electionTimeoutParam, heartbeatInsideTimeout, heartbeatParam } from '../kit/timeouts';
import { raftMachine, type RaftDurable, type RaftInput } from './machine';
import { durable, observe, type RaftObservable } from './observe';
import { raftInvariants } from './invariants';
import { raftScenarios } from './scenarios';

const params: ParamSpec[] = [
  electionTimeoutParam('Range [min, max] of randomized election timeouts, in ms (section 5.2).'),
  heartbeatParam('How often a leader sends empty AppendEntries, in ms.'),
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
      description: 'A client asks this server to append a command. A follower answers with a leader hint.',
      fields: [{ name: 'command', kind: 'string', default: 'x=1', description: 'The command to replicate' }],
      event: (a) => ({ type: 'ClientRequest', command: String(a.command ?? '') }),
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
  ],
  scenarios: raftScenarios,
  view: { roleGlyphs: { server: 'S' }, panels: ['log'] },
  summarize: summarizeRaft,
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
