/** Three-phase commit as a ProtocolModule: one coordinator (the first node) and 2 to 8
 * participants, with the termination protocol for coordinator failures. */
import type { NodeView, ParamSpec, ProtocolConfig, ProtocolModule } from '../types';
import { coordinatorMachine, type CoordinatorDurable, type CoordinatorInput } from './coordinator';
import { participantMachine, type ParticipantDurable, type ParticipantInput } from './participant';
import { durable, observe, transactionHints, type ThreePcObservable } from './observe';
import { threePcInvariants } from './invariants';
import { threePcScenarios } from './scenarios';
import type { TxId } from './messages';
import { entry } from './kernel';
import { abstractTransactions } from '../kit/txAbstract';

const isPositiveInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v > 0;
const wholeMs = (v: unknown) => (isPositiveInt(v) ? null : 'must be a whole number of ms above 0');

const params: ParamSpec[] = [
  { name: 'voteTimeout', description: 'How long the coordinator waits for every vote before it aborts, in ms.', default: 200, check: wholeMs },
  { name: 'ackTimeout', description: 'How long the coordinator (or a backup) waits for Acks before it commits anyway, in ms.', default: 200, check: wholeMs },
  {
    name: 'waitTimeout',
    description: 'How long a participant in w or p waits for the next message before it suspects the coordinator and runs the termination protocol, in ms. Failure detection is accurate only if it is longer than voteTimeout and ackTimeout plus two message delays.',
    default: 400,
    check: wholeMs,
  },
  { name: 'stateWindow', description: 'How long a terminating site collects StateResp answers before the backup is chosen, in ms.', default: 100, check: wholeMs },
];

function param(cfg: ProtocolConfig, name: string): number {
  return (cfg.params[name] ?? params.find((p) => p.name === name)!.default) as number;
}

export const threepc: ProtocolModule = {
  id: 'threepc',
  name: 'Three-phase commit',
  minNodes: 3,
  maxNodes: 9,
  params,
  roles: (cfg) => Object.fromEntries(cfg.nodes.map((n, i) => [n, i === 0 ? 'coordinator' : 'participant'])),
  machine: (role) => (role === 'coordinator' ? coordinatorMachine : participantMachine),
  input(node, role, cfg, disk): CoordinatorInput | ParticipantInput {
    const [coordinator, ...participants] = cfg.nodes as [string, ...string[]];
    const timing = { waitTimeout: param(cfg, 'waitTimeout'), ackTimeout: param(cfg, 'ackTimeout') };
    if (role === 'coordinator') {
      const saved = disk as CoordinatorDurable | undefined;
      return { id: node, participants, voteTimeout: param(cfg, 'voteTimeout'), ...timing, ...(saved ? { durable: saved } : {}) };
    }
    const saved = disk as ParticipantDurable | undefined;
    return { id: node, coordinator, order: cfg.nodes, stateWindow: param(cfg, 'stateWindow'), ...timing, ...(saved ? { durable: saved } : {}) };
  },
  durable,
  observe,
  commands: [
    {
      id: 'begin',
      label: 'Begin transaction',
      description: 'The coordinator starts a transaction: it sends CanCommit to every participant.',
      fields: [{ name: 'tx', kind: 'string', default: '', description: 'Transaction id; empty for the next of t1, t2, …' }],
      roles: ['coordinator'],
      event: (a) => ({ type: 'Begin', tx: String(a.tx ?? '') }),
    },
    {
      id: 'vote-no',
      label: 'Vote No',
      description: 'The participant chooses to abort and answers CanCommit with No.',
      fields: [{ name: 'tx', kind: 'string', default: '', description: 'Transaction id; empty for the next one this participant is asked about' }],
      roles: ['participant'],
      event: (a) => ({ type: 'VoteNo', tx: String(a.tx ?? '') }),
    },
  ],
  invariants: threePcInvariants,
  bugs: [],
  scenarios: threePcScenarios,
  view: { roleGlyphs: { coordinator: 'C', participant: 'P' }, panels: ['transactions'], transactions: transactionHints },
  explore: { abstract: (nodes) => abstractTransactions(transactionHints, nodes) },
  summarize: summarizeThreePc,
  summaryReads: [],
};

/** One line per transaction: every site's state. */
function summarizeThreePc(nodes: ReadonlyMap<string, NodeView>): string[] {
  const txs = new Set<TxId>();
  for (const v of nodes.values()) for (const tx of Object.keys((v.state as ThreePcObservable).state)) txs.add(tx);
  if (txs.size === 0) return ['transactions: none'];
  return [...txs].map((tx) => `${tx}: ${[...nodes].map(([id, v]) => `${id}=${entry((v.state as ThreePcObservable).state, tx) ?? 'q'}`).join(' ')}`);
}
