/** Multi-Paxos as a ProtocolModule: every node a replica, leader candidate and acceptor (the
 * SMR model of tlaplus/Examples MultiPaxos-SMR), with no-op gap filling (Paxos Made Simple 3). */
import type { ClientRecord, NodeView, ParamSpec, ProtocolConfig, ProtocolModule, TraceEvent } from '../types';
import { electionTimeoutParam, heartbeatInsideTimeout, heartbeatParam } from '../kit/timeouts';
import { multiPaxosMachine } from './machine';
import type { MultiPaxosDurable, MultiPaxosInput } from './context';
import { durable, observe, type MultiPaxosObservable } from './observe';
import { multiPaxosInvariants } from './invariants';
import { multiPaxosScenarios } from './scenarios';
import { abstractState } from './abstract';
import { parseCommand } from './log';
import type { ClientReply } from './messages';

const params: ParamSpec[] = [
  electionTimeoutParam('Range [min, max] of randomized election timeouts, in ms: a follower that hears no leader for that long runs phase 1.'),
  heartbeatParam('How often a leader sends heartbeats and resends unanswered Accepts, in ms.'),
];

function param<T>(cfg: ProtocolConfig, name: string): T {
  return (cfg.params[name] ?? params.find((p) => p.name === name)!.default) as T;
}

export const multipaxos: ProtocolModule = {
  id: 'multipaxos',
  name: 'Multi-Paxos',
  minNodes: 3,
  maxNodes: 9,
  params,
  checkParams: heartbeatInsideTimeout,
  roles: (cfg) => Object.fromEntries(cfg.nodes.map((n) => [n, 'replica'])),
  machine: () => multiPaxosMachine,
  input(node, _role, cfg, disk): MultiPaxosInput {
    const bugs = cfg.params.bugs;
    return {
      id: node,
      nodes: cfg.nodes,
      electionTimeout: param(cfg, 'electionTimeout'),
      heartbeatInterval: param(cfg, 'heartbeatInterval'),
      bugs: {
        ignorePrepareVotes: bugs.includes('ignore-prepare-votes'),
        commitQuorumMinusOne: bugs.includes('commit-quorum-minus-one'),
        acceptBelowPromise: bugs.includes('accept-below-promise'),
        executeAcrossGap: bugs.includes('execute-across-gap'),
        bareCommitNotice: bugs.includes('bare-commit-notice'),
      },
      ...(disk ? { durable: disk as MultiPaxosDurable } : {}),
    };
  },
  durable,
  observe,
  commands: [
    {
      id: 'request',
      label: 'Client request',
      description: 'A client asks this replica to replicate a command (k=v). The leader answers once the command is committed and applied; a follower refuses with a leader hint.',
      fields: [{ name: 'command', kind: 'string', default: 'x=1', description: 'The command to replicate' }],
      event: (a) => ({ type: 'Request', command: String(a.command ?? ''), at: a.at }),
    },
  ],
  invariants: multiPaxosInvariants,
  bugs: [
    { id: 'ignore-prepare-votes', description: 'A new leader ignores the votes in the Prepare replies and puts new commands in slots that may already have one chosen.', breaks: ['chosen-is-proposed-above', 'consistency', 'commits-agree', 'commit-is-chosen'] },
    { id: 'commit-quorum-minus-one', description: 'The leader commits a slot when a majority minus one has voted for it.', breaks: ['commit-is-chosen', 'commits-agree', 'consistency', 'chosen-is-proposed-above'] },
    { id: 'accept-below-promise', description: 'An acceptor accepts an Accept below its promise (and lowers balMaxKnown to it).', breaks: ['bal-max-known-monotone', 'consistency', 'chosen-is-proposed-above', 'commits-agree', 'commit-is-chosen'] },
    { id: 'execute-across-gap', description: 'A replica applies a committed slot at once, even when a slot below it is not committed yet.', breaks: ['applied-is-fold'] },
    { id: 'bare-commit-notice', description: 'A commit notice carries only the slot, and a follower commits its own last vote there (SMR’s CommitNotice{upto}).', breaks: ['commits-agree', 'commit-is-chosen'] },
  ],
  scenarios: multiPaxosScenarios,
  // The leader's periodic Heartbeat (handlers.ts announce) and its HeartbeatReply; a Preempted
  // sent back to a heartbeat deposes the leader, so it is never hidden. Resent Accepts are not
  // heartbeats.
  view: {
    roleGlyphs: { replica: 'R', follower: 'F', preparing: 'P', leading: 'L' },
    panels: ['slots'],
    heartbeat: (type) => type === 'Heartbeat',
    heartbeatReply: (r) => r.type === 'HeartbeatReply',
  },
  summarize: summarizeMultiPaxos,
  summaryReads: ['state'],
  clientHistory,
  explore: { abstract: abstractState },
};

/** Leaders per ballot, and the longest committed log. */
function summarizeMultiPaxos(nodes: ReadonlyMap<string, NodeView>, events: readonly TraceEvent[]): string[] {
  const leaders = new Map<number, string>();
  for (const e of events) {
    const s = e.state as MultiPaxosObservable | undefined;
    if (s && e.node && s.role === 'leading') leaders.set(s.balPrepared, e.node);
  }
  let best: MultiPaxosObservable | undefined;
  for (const v of nodes.values()) {
    const s = v.state as MultiPaxosObservable;
    if (!best || s.commitUpTo > best.commitUpTo) best = s;
  }
  const log = best ? best.insts.slice(0, best.commitUpTo).map((i, k) => `${k + 1}:${i?.cmd?.cmd ?? '?'}`) : [];
  const bals = [...leaders].sort((a, b) => a[0] - b[0]).map(([b, n]) => `b${b}=${n}`);
  return [`leaders per ballot: ${bals.join(' ') || 'none'}`, `committed slots: ${log.join(' ') || 'none'}`];
}

/**
 * A request is a `put` of k=v (a `write` of the text when it has no `=`): invoked when a
 * replica takes it, `ok` when that replica applies it (after commit), `fail` when it is
 * refused (a follower's redirect: nothing was sent), `info` when the replica crashes first (the
 * command may still be chosen and applied elsewhere).
 */
function clientHistory(event: TraceEvent): ClientRecord[] {
  const out: ClientRecord[] = [];
  const invoke = (op: string, command: string): ClientRecord => {
    const { key, value } = parseCommand(command);
    return command.includes('=') ? { kind: 'invoke', op, client: event.node!, f: 'put', key, value } : { kind: 'invoke', op, client: event.node!, f: 'write', key: 'log', value: command };
  };
  for (const r of (event.output ?? []) as ClientReply[]) {
    if (r.type === 'proposing') out.push(invoke(r.op, r.command));
    else if (r.type === 'committed') out.push({ kind: 'ok', op: r.op });
    else if (r.type === 'redirect') {
      // A request refused at once was never invoked before; a queued one was.
      if (event.kind === 'command') out.push(invoke(r.op, r.command));
      out.push({ kind: 'fail', op: r.op, reason: r.leaderHint ? `not the leader (try ${r.leaderHint})` : 'not the leader' });
    }
  }
  const s = event.state as MultiPaxosObservable | undefined;
  if (event.kind === 'crash' && !event.reason && s) for (const op of s.pending) out.push({ kind: 'info', op, reason: 'replica crashed' });
  return out;
}
