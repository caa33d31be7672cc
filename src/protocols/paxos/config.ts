/**
 * Who plays which part, from the parameters: the first `proposers` nodes propose, the last
 * `learners` learn, and every node between is an acceptor. Quorums are majorities of the
 * acceptors (`minority-quorum` bug: ⌊n/2⌋).
 */
import { majority } from '../kit/ballots';
import type { NodeId } from './messages';

export type PaxosRole = 'proposer' | 'acceptor' | 'learner';

export interface Cast {
  proposers: NodeId[];
  acceptors: NodeId[];
  learners: NodeId[];
}

/** At least one proposer and one acceptor; learners are optional (proposers learn their own
 * outcome from the 2b replies). Asked-for counts that do not fit are cut down. */
export function castOf(nodes: readonly NodeId[], proposers: number, learners: number): Cast {
  const n = nodes.length;
  const p = Math.max(1, Math.min(proposers, n - 1));
  const l = Math.max(0, Math.min(learners, n - p - 1));
  return { proposers: nodes.slice(0, p), acceptors: nodes.slice(p, n - l), learners: nodes.slice(n - l) };
}

export function roleOf(cast: Cast, node: NodeId): PaxosRole {
  if (cast.proposers.includes(node)) return 'proposer';
  return cast.learners.includes(node) ? 'learner' : 'acceptor';
}

/** The quorum size nodes use; the checker always judges with a true majority. */
export const quorumSize = (acceptors: number, minorityBug: boolean): number => (minorityBug ? Math.max(1, Math.floor(acceptors / 2)) : majority(acceptors));

export interface PaxosParams {
  proposers: number;
  learners: number;
  nack: boolean;
  backoff: [number, number];
  retryTimeout: number;
}

export const DEFAULTS: PaxosParams = { proposers: 2, learners: 1, nack: true, backoff: [10, 60], retryTimeout: 200 };

/** The parameters in force: the scenario's, else the defaults. */
export function paramsOf(params: Record<string, unknown>): PaxosParams {
  const pick = <K extends keyof PaxosParams>(k: K): PaxosParams[K] => (params[k] ?? DEFAULTS[k]) as PaxosParams[K];
  return { proposers: pick('proposers'), learners: pick('learners'), nack: pick('nack'), backoff: pick('backoff'), retryTimeout: pick('retryTimeout') };
}

/** The cast of a run, from its nodes and parameters. */
export const castFor = (cfg: { nodes: readonly NodeId[]; params: Record<string, unknown> }): Cast => {
  const p = paramsOf(cfg.params);
  return castOf(cfg.nodes, p.proposers, p.learners);
};
