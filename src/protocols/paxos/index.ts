/** Single-decree Paxos as a ProtocolModule: proposers, acceptors and learners by parameters. */
import type { ClientRecord, NodeView, ParamSpec, ProtocolConfig, ProtocolModule, TraceEvent } from '../types';
import { acceptorMachine, type AcceptorDurable, type AcceptorInput } from './acceptor';
import { proposerMachine, type ProposerDurable, type ProposerInput } from './proposer';
import { learnerMachine, type LearnerInput } from './learner';
import { durable, observe, type PaxosObservable } from './observe';
import { castFor, DEFAULTS, paramsOf, quorumSize, roleOf } from './config';
import { paxosInvariants } from './invariants';
import { paxosScenarios } from './scenarios';
import { abstractState } from './abstract';
import type { ProposeReply } from './messages';
import { ledgerOf } from './ghost';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const intIn = (lo: number, hi: number) => (v: unknown) => (isInt(v) && v >= lo && v <= hi ? null : `must be a whole number from ${lo} to ${hi}`);

const params: ParamSpec[] = [
  { name: 'proposers', description: 'How many nodes (the first ones) are proposers.', default: DEFAULTS.proposers, check: intIn(1, 8) },
  { name: 'learners', description: 'How many nodes (the last ones) are learners; the rest are acceptors.', default: DEFAULTS.learners, check: intIn(0, 7) },
  { name: 'nack', description: 'Acceptors answer a stale 1a or 2a with a Nack (Paxos Made Simple 2.2: an optimization).', default: DEFAULTS.nack, check: (v) => (typeof v === 'boolean' ? null : 'must be true or false') },
  {
    name: 'backoff',
    description: 'First random backoff window [min, max] after a preemption, in ms; max doubles per consecutive preemption (×16 at most).',
    default: DEFAULTS.backoff,
    check: (v) => (Array.isArray(v) && v.length === 2 && isInt(v[0]) && isInt(v[1]) && v[0] >= 0 && v[0] <= v[1] ? null : 'must be [min, max] with whole numbers 0 ≤ min ≤ max'),
  },
  { name: 'retryTimeout', description: 'A phase that gets no quorum within this many ms is retried with a higher ballot.', default: DEFAULTS.retryTimeout, check: intIn(1, 60_000) },
];

export const paxos: ProtocolModule = {
  id: 'paxos',
  name: 'Paxos (single-decree)',
  minNodes: 3,
  maxNodes: 9,
  params,
  roles: (cfg) => {
    const cast = castFor(cfg);
    return Object.fromEntries(cfg.nodes.map((n) => [n, roleOf(cast, n)]));
  },
  machine: (role) => (role === 'proposer' ? proposerMachine : role === 'learner' ? learnerMachine : acceptorMachine),
  input(node, role, cfg: ProtocolConfig, disk): AcceptorInput | ProposerInput | LearnerInput {
    const cast = castFor(cfg);
    const p = paramsOf(cfg.params);
    const bugs = cfg.params.bugs;
    const quorum = quorumSize(cast.acceptors.length, bugs.includes('minority-quorum'));
    if (role === 'proposer') {
      const saved = disk as ProposerDurable | undefined;
      return {
        id: node,
        index: Math.max(0, cast.proposers.indexOf(node)),
        proposers: cast.proposers.length,
        acceptors: cast.acceptors,
        quorum,
        backoff: p.backoff,
        retryTimeout: p.retryTimeout,
        ignoreVotes: bugs.includes('ignore-promised-votes'),
        ...(saved ? { durable: saved } : {}),
      };
    }
    if (role === 'learner') return { id: node, quorum, countMessages: bugs.includes('learner-counts-messages') };
    const saved = disk as AcceptorDurable | undefined;
    let kept = saved;
    // `forget-promise`: only the vote reached the disk; the promise falls back to it.
    if (kept && bugs.includes('forget-promise')) kept = { ...kept, maxBal: kept.maxVBal };
    // `forget-vote`: only the promise reached the disk.
    if (kept && bugs.includes('forget-vote')) kept = { ...kept, maxVBal: -1, maxVal: null };
    return { id: node, learners: cast.learners, nack: p.nack, ...(kept ? { durable: kept } : {}) };
  },
  durable,
  observe,
  commands: [
    {
      id: 'propose',
      label: 'Propose',
      description: 'A client asks this proposer to get a value chosen. It is answered with the value chosen, which may be another proposer’s.',
      // Distinct values are what make a lost decision visible (two chosen values, an unsafe vote):
      // the explorer picks from `sample`, so its proposers can disagree as in the scenarios.
      fields: [{ name: 'value', kind: 'string', default: 'v1', description: 'The value to propose', sample: ['v1', 'v2', 'v3'] }],
      roles: ['proposer'],
      event: (a) => ({ type: 'Propose', value: String(a.value ?? ''), at: a.at }),
    },
  ],
  invariants: paxosInvariants,
  bugs: [
    { id: 'ignore-promised-votes', description: 'The proposer ignores the votes reported in 1b messages and always proposes its own value.', breaks: ['votes-safe', 'consensus'] },
    { id: 'forget-promise', description: 'An acceptor does not persist maxBal: after a restart it has forgotten its promise (it keeps only its vote).', breaks: ['promise-monotone', 'votes-safe', 'consensus'] },
    { id: 'forget-vote', description: 'An acceptor does not persist maxVBal and maxVal: after a restart it reports no vote in its 1b messages.', breaks: ['votes-safe', 'consensus'] },
    { id: 'minority-quorum', description: 'Proposers and learners take ⌊n/2⌋ acceptors for a quorum, so two quorums need not intersect.', breaks: ['learn-sound', 'votes-safe', 'consensus'] },
    { id: 'learner-counts-messages', description: 'The learner counts 2b messages instead of distinct acceptors, so a duplicated 2b counts twice.', breaks: ['learn-sound'] },
  ],
  scenarios: paxosScenarios,
  view: { roleGlyphs: { proposer: 'P', acceptor: 'A', learner: 'L' }, panels: ['chosen', 'acceptors'] },
  summarize: summarizePaxos,
  summaryReads: ['sent'],
  clientHistory,
  explore: { abstract: abstractState },
};

/** What is chosen (from the votes in the trace, as the checker sees it), then one line per
 * node: proposers' phases and ballots, acceptors' variables, what learners learned. */
function summarizePaxos(nodes: ReadonlyMap<string, NodeView>, events: readonly TraceEvent[]): string[] {
  const acceptors = [...nodes.values()].filter((v) => v.role === 'acceptor').map((v) => v.id);
  const chosen = ledgerOf(events, acceptors).chosen();
  const lines = [`chosen: ${chosen.length ? chosen.map((c) => `${c.value} (ballot ${c.ballot} by ${c.voters.join(', ')}, at ${c.time} ms)`).join('; ') : 'nothing'}`];
  for (const [id, v] of nodes) {
    const s = v.state as PaxosObservable;
    if (s.role === 'proposer') lines.push(`${id} proposer: ${s.phase} curBal=${s.curBal} proposedVal=${s.proposedVal ?? 'None'} chosen=${s.chosen ?? 'None'}`);
    else if (s.role === 'acceptor') lines.push(`${id} acceptor: maxBal=${s.maxBal} maxVBal=${s.maxVBal} maxVal=${s.maxVal ?? 'None'}`);
    else if (s.role === 'learner') lines.push(`${id} learner: learned=${s.learned ?? 'None'}`);
  }
  return lines;
}

/**
 * A propose is a client operation `propose` on the single key `value`: invoked when the
 * proposer takes it, `ok` with the chosen value (maybe another's) when the proposer sees a
 * quorum of 2b for one ballot, `info` when the proposer crashes first (the value may still be
 * chosen). Read off the command's and the deliveries' outputs, and off the crash's state.
 */
function clientHistory(event: TraceEvent): ClientRecord[] {
  const out: ClientRecord[] = [];
  for (const r of (event.output ?? []) as ProposeReply[]) {
    if (r.type === 'proposing') out.push({ kind: 'invoke', op: r.op, client: event.node!, f: 'propose', key: 'value', value: r.value });
    else if (r.type === 'chosen') for (const op of r.ops) out.push({ kind: 'ok', op, value: r.value });
  }
  const s = event.state as PaxosObservable | undefined;
  if (event.kind === 'crash' && !event.reason && s?.role === 'proposer') for (const op of s.pending) out.push({ kind: 'info', op, reason: 'proposer crashed' });
  return out;
}
