/** The observable and durable state of the three roles, named after Paxos.tla (acceptors) and
 * Paxos Made Simple (proposers, learners). */
import type { Snapshot } from 'xstate';
import type { Ballot, Tally } from '../kit/ballots';
import type { AcceptorContext, AcceptorDurable } from './acceptor';
import type { Promise1b, ProposerContext, ProposerDurable } from './proposer';
import type { LearnerContext } from './learner';
import type { Value } from './messages';

export interface AcceptorObservable {
  [key: string]: unknown;
  role: 'acceptor';
  maxBal: Ballot;
  maxVBal: Ballot;
  maxVal: Value | null;
}

export type Phase = 'idle' | 'p1' | 'p2' | 'backoff' | 'done';

export interface ProposerObservable {
  [key: string]: unknown;
  role: 'proposer';
  phase: Phase;
  curBal: Ballot;
  highestTried: Ballot;
  value: Value | null;
  promises: readonly Promise1b[];
  proposedVal: Value | null;
  accepts: Tally;
  chosen: Value | null;
  pending: readonly string[];
  attempts: number;
}

export interface LearnerObservable {
  [key: string]: unknown;
  role: 'learner';
  learned: Value | null;
  acceptances: Tally;
}

export type PaxosObservable = AcceptorObservable | ProposerObservable | LearnerObservable;

type Context = AcceptorContext | ProposerContext | LearnerContext;
const parts = (snapshot: Snapshot<unknown>) => snapshot as unknown as { context: Context; value: string };

export function observe(snapshot: Snapshot<unknown>): PaxosObservable {
  const { context: c, value } = parts(snapshot);
  if ('maxBal' in c) return { role: 'acceptor', maxBal: c.maxBal, maxVBal: c.maxVBal, maxVal: c.maxVal };
  if ('learned' in c) return { role: 'learner', learned: c.learned, acceptances: c.acceptances };
  return {
    role: 'proposer',
    phase: value as Phase,
    curBal: c.curBal,
    highestTried: c.highestTried,
    value: c.value,
    promises: c.promises,
    proposedVal: c.proposedVal,
    accepts: c.accepts,
    chosen: c.chosen,
    pending: c.pending,
    attempts: c.attempts,
  };
}

/** Acceptors keep all three variables (Paxos Made Simple 2.2: "an acceptor must remember this
 * information even if it fails and then restarts"); proposers their highest tried ballot;
 * learners nothing. */
export function durable(snapshot: Snapshot<unknown>): AcceptorDurable | ProposerDurable | null {
  const { context: c } = parts(snapshot);
  if ('maxBal' in c) return { maxBal: c.maxBal, maxVBal: c.maxVBal, maxVal: c.maxVal };
  if ('curBal' in c) return { highestTried: c.highestTried, ops: c.ops };
  return null;
}
