/** What the cluster view writes under a Paxos node and in its accessible name: an acceptor's
 * maxBal and vote, a proposer's phase and ballot, a learner's learned value. */
import type { Observable } from '../../sim/types';
import type { Translate } from './labels';

export type PaxosFacts =
  | { kind: 'acceptor'; bal: number; vbal: number; val: string | null }
  | { kind: 'proposer'; phase: string; bal: number }
  | { kind: 'learner'; learned: string | null };

export function paxosFacts(s: Observable): PaxosFacts | null {
  if (s.role === 'acceptor' && typeof s.maxBal === 'number') return { kind: 'acceptor', bal: s.maxBal, vbal: Number(s.maxVBal), val: (s.maxVal as string | null) ?? null };
  if (s.role === 'proposer' && typeof s.curBal === 'number') return { kind: 'proposer', phase: String(s.phase), bal: s.curBal };
  if (s.role === 'learner' && 'learned' in s) return { kind: 'learner', learned: (s.learned as string | null) ?? null };
  return null;
}

const ballot = (b: number) => (b < 0 ? '–' : String(b));
const PHASES = new Set(['idle', 'p1', 'p2', 'backoff', 'done']);
const phaseName = (t: Translate, phase: string) => (PHASES.has(phase) ? t(`paxos.phase.${phase}` as Parameters<Translate>[0]) : phase);

/** Under the node's id. */
export function paxosShort(t: Translate, f: PaxosFacts): string {
  if (f.kind === 'acceptor') return t('paxos.short.acceptor', { bal: ballot(f.bal), vote: f.vbal < 0 ? t('paxos.short.noVote') : `${f.vbal}:${f.val}` });
  if (f.kind === 'proposer') return f.bal < 0 ? phaseName(t, f.phase) : t('paxos.short.proposer', { phase: phaseName(t, f.phase), bal: f.bal });
  return f.learned === null ? t('paxos.short.notLearned') : t('paxos.short.learned', { val: f.learned });
}

/** In the node's accessible name and tooltip. */
export function paxosLong(t: Translate, f: PaxosFacts): string {
  if (f.kind === 'acceptor') return t('paxos.node.acceptor', { bal: f.bal, vbal: f.vbal, val: f.val ?? t('acc.none') });
  if (f.kind === 'proposer') return t('paxos.node.proposer', { phase: phaseName(t, f.phase), bal: f.bal });
  return f.learned === null ? t('paxos.short.notLearned') : t('paxos.short.learned', { val: f.learned });
}
