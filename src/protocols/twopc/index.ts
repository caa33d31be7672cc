/** Two-phase commit as a ProtocolModule: one TM (the first node) and 2 to 8 RMs. */
import type { NodeView, ParamSpec, ProtocolConfig, ProtocolModule } from '../types';
import { coordinatorMachine, type TmDurable, type TmInput } from './coordinator';
import { participantMachine, type RmDurable, type RmInput } from './participant';
import { durable, observe, transactionHints, type TwoPcObservable } from './observe';
import { twoPcInvariants } from './invariants';
import { twoPcScenarios } from './scenarios';
import type { TxId } from './messages';
import { entry } from './kernel';
import { abstractTransactions, transactionFaultPoint } from '../kit/txAbstract';

const isPositiveInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v > 0;
const wholeMs = (v: unknown) => (isPositiveInt(v) ? null : 'must be a whole number of ms above 0');

const params: ParamSpec[] = [
  { name: 'voteTimeout', description: 'How long the TM waits for every vote before it aborts, in ms.', default: 200, check: wholeMs },
  {
    name: 'decisionTimeout',
    description: 'How long a prepared RM waits for the decision before it asks the TM and its peers, and again between asks, in ms.',
    default: 150,
    check: wholeMs,
  },
];

function param(cfg: ProtocolConfig, name: string): number {
  return (cfg.params[name] ?? params.find((p) => p.name === name)!.default) as number;
}

/** `rm-no-log`: what was only prepared is not on disk after a restart. */
function forgetPrepared(saved: RmDurable): RmDurable {
  // fromEntries defines own keys, so even a transaction named "__proto__" stays data.
  return { rmState: Object.fromEntries(Object.entries(saved.rmState).filter(([, s]) => s !== 'prepared')) };
}

export const twopc: ProtocolModule = {
  id: 'twopc',
  name: 'Two-phase commit',
  minNodes: 3,
  maxNodes: 9,
  params,
  roles: (cfg) => Object.fromEntries(cfg.nodes.map((n, i) => [n, i === 0 ? 'coordinator' : 'participant'])),
  machine: (role) => (role === 'coordinator' ? coordinatorMachine : participantMachine),
  input(node, role, cfg, disk): TmInput | RmInput {
    const [tm, ...rms] = cfg.nodes as [string, ...string[]];
    const bugs = cfg.params.bugs;
    if (role === 'coordinator') {
      const saved = disk as TmDurable | undefined;
      // `tm-no-log`: the decision was sent but never forced to the log.
      const kept = saved && bugs.includes('tm-no-log') ? { ...saved, decisions: {} } : saved;
      return { id: node, rms, voteTimeout: param(cfg, 'voteTimeout'), ...(kept ? { durable: kept } : {}) };
    }
    const saved = disk as RmDurable | undefined;
    const kept = saved && bugs.includes('rm-no-log') ? forgetPrepared(saved) : saved;
    return { id: node, tm, peers: rms.filter((r) => r !== node), decisionTimeout: param(cfg, 'decisionTimeout'), ...(kept ? { durable: kept } : {}) };
  },
  durable,
  observe,
  commands: [
    {
      id: 'begin',
      label: 'Begin transaction',
      description: 'The TM starts a transaction: it sends Prepare to every RM and waits for their votes.',
      fields: [{ name: 'tx', kind: 'string', default: '', description: 'Transaction id; empty for the next of t1, t2, …' }],
      roles: ['coordinator'],
      event: (a) => ({ type: 'Begin', tx: String(a.tx ?? '') }),
    },
    {
      id: 'vote-no',
      label: 'Vote No',
      description: 'The RM chooses to abort (RMChooseToAbort) and answers Prepare with an abort vote.',
      fields: [{ name: 'tx', kind: 'string', default: '', description: 'Transaction id; empty for the next one this RM is asked about' }],
      roles: ['participant'],
      event: (a) => ({ type: 'VoteNo', tx: String(a.tx ?? '') }),
    },
  ],
  invariants: twoPcInvariants,
  bugs: [
    {
      id: 'tm-no-log',
      description: 'The TM sends its decision without forcing it to its log, so a recovered TM has forgotten it and presumes abort.',
      breaks: ['decisions-final', 'tc-consistent'],
    },
    {
      id: 'rm-no-log',
      description: 'An RM does not force its Prepared vote to disk, so after a restart it thinks it is still working and may abort on its own.',
      breaks: ['abort-only-from-working', 'tc-consistent'],
    },
  ],
  scenarios: twoPcScenarios,
  view: { roleGlyphs: { coordinator: 'C', participant: 'P' }, panels: ['transactions'], transactions: transactionHints },
  explore: { abstract: (nodes) => abstractTransactions(transactionHints, nodes), faultPoint: transactionFaultPoint(transactionHints) },
  summarize: summarizeTwoPc,
  summaryReads: [],
};

/** One line per transaction: the TM's decision and every RM's state. */
function summarizeTwoPc(nodes: ReadonlyMap<string, NodeView>): string[] {
  const txs = new Set<TxId>();
  for (const v of nodes.values()) {
    const s = v.state as TwoPcObservable;
    for (const tx of Object.keys(s.role === 'coordinator' ? s.tmState : s.rmState)) txs.add(tx);
  }
  if (txs.size === 0) return ['transactions: none'];
  return [...txs].map((tx) => {
    const states = [...nodes].map(([id, v]) => {
      const s = v.state as TwoPcObservable;
      return `${id}=${(s.role === 'coordinator' ? entry(s.tmState, tx) : entry(s.rmState, tx)) ?? (s.role === 'coordinator' ? '?' : 'working')}`;
    });
    return `${tx}: ${states.join(' ')}`;
  });
}
