/**
 * A three-phase-commit participant's context and the pure helpers its actions and guards share:
 * where each transaction stands at this site (q, w, p, c, a), where the site is in the
 * termination protocol, and the backup's decision broadcast. No XState here, so it reads (and
 * tests) as plain data.
 */
import type { NodeId, Site, TxId } from './messages';
import { cancelTimer, send, timerName, entry, type KernelAction } from './kernel';

export interface ParticipantDurable {
  state: Readonly<Record<TxId, Site>>;
}

export interface ParticipantInput {
  id: NodeId;
  coordinator: NodeId;
  /** Every node in cluster order: the backup election's order. */
  order: readonly NodeId[];
  waitTimeout: number;
  ackTimeout: number;
  stateWindow: number;
  durable?: ParticipantDurable;
}

/** Where a site is in the termination protocol for one transaction. */
export type Termination =
  | { phase: 'electing'; responses: Readonly<Record<NodeId, Site>> }
  | { phase: 'backup'; awaiting: readonly NodeId[] }
  | { phase: 'recovering' };

export interface ParticipantContext {
  id: NodeId;
  coordinator: NodeId;
  order: readonly NodeId[];
  state: Readonly<Record<TxId, Site>>;
  termination: Readonly<Record<TxId, Termination>>;
  /** The user chose to vote No on the next transaction this site is asked about. */
  abortNext: boolean;
  waitTimeout: number;
  ackTimeout: number;
  stateWindow: number;
}

export const WAIT = 'waitTimeout';
export const WINDOW = 'stateWindow';
export const ACK = 'ackTimeout';

// ── pure helpers ───────────────────────────────────────────────────────────────

export const siteOf = (ctx: ParticipantContext, tx: TxId): Site => entry(ctx.state, tx) ?? 'q';
export const phaseOf = (ctx: ParticipantContext, tx: TxId): Termination['phase'] | undefined => entry(ctx.termination, tx)?.phase;
export const others = (ctx: ParticipantContext): NodeId[] => ctx.order.filter((n) => n !== ctx.id);
export const otherParticipants = (ctx: ParticipantContext): NodeId[] => others(ctx).filter((n) => n !== ctx.coordinator);
export const isUncertain = (s: Site): boolean => s === 'w' || s === 'p';

export function withoutTermination(ctx: ParticipantContext, tx: TxId): Record<TxId, Termination> {
  const out = { ...ctx.termination };
  delete out[tx];
  return out;
}

/** The states a site collected, its own (as it is now) included. */
export function responsesOf(ctx: ParticipantContext, tx: TxId): Record<NodeId, Site> {
  const t = entry(ctx.termination, tx);
  return { ...(t?.phase === 'electing' ? t.responses : {}), [ctx.id]: siteOf(ctx, tx) };
}

/** Reach an outcome, tell every other site (the backup's broadcast), and stop every timer. */
export function decide(ctx: ParticipantContext, tx: TxId, outcome: 'c' | 'a'): { assign: Partial<ParticipantContext>; effects: KernelAction[] } {
  return {
    assign: { state: { ...ctx.state, [tx]: outcome }, termination: withoutTermination(ctx, tx) },
    effects: [...others(ctx).map((n) => send(n, { type: outcome === 'c' ? 'DoCommit' : 'Abort', tx })), ...[WAIT, WINDOW, ACK].map((t) => cancelTimer(timerName(t, tx)))],
  };
}
