/**
 * A resource manager of two-phase commit (TwoPhase.tla's RM), with the cooperative
 * termination protocol for a prepared RM that hears no decision. A prepared RM never decides
 * alone: it learns the decision from the TM or from a peer, however long that takes.
 */
import { enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import type { Incoming, NodeId, RmEvent, RmState, TxId } from './messages';
import { persistent, withKey } from '../../sim/precord';
import { cancelTimer, effects, reply, send, setTimer, timerName, txOf, entry, type KernelAction } from './kernel';

/** What an RM forces to its log before it answers: its vote and its decision per transaction. */
export interface RmDurable {
  rmState: Readonly<Record<TxId, RmState>>;
}

export interface RmInput {
  id: NodeId;
  tm: NodeId;
  /** The other RMs: cooperative termination asks them too. */
  peers: readonly NodeId[];
  decisionTimeout: number;
  durable?: RmDurable;
}

export interface RmContext {
  id: NodeId;
  tm: NodeId;
  peers: readonly NodeId[];
  /** Transactions absent from the map are `working`. */
  rmState: Readonly<Record<TxId, RmState>>;
  /** The user chose to abort the next transaction this RM is asked to prepare. */
  abortNext: boolean;
  decisionTimeout: number;
}

const DECISION = 'decisionTimeout';

// ── pure helpers ───────────────────────────────────────────────────────────────

const stateOf = (ctx: RmContext, tx: TxId): RmState => entry(ctx.rmState, tx) ?? 'working';
const withState = (ctx: RmContext, tx: TxId, s: RmState) => ({ rmState: withKey(ctx.rmState, tx, s) });

/** Ask everyone who may know: the TM, and every peer (cooperative termination). */
function askForDecision(ctx: RmContext, tx: TxId): KernelAction[] {
  return [...[ctx.tm, ...ctx.peers].map((to) => send(to, { type: 'DecisionRequest', tx })), setTimer(timerName(DECISION, tx), ctx.decisionTimeout)];
}

// ── the machine ────────────────────────────────────────────────────────────────

export const participantMachine = setup({
  types: {
    context: {} as RmContext,
    events: {} as RmEvent,
    input: {} as RmInput,
  },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    // After a restart a prepared RM is still uncertain: it asks at once instead of waiting.
    'ask about transactions left prepared': enqueueActions(({ context, enqueue }) => {
      for (const [tx, s] of Object.entries(context.rmState)) if (s === 'prepared') askForDecision(context, tx).forEach(effects(enqueue));
    }),
    // RMPrepare: the prepared state is logged before the vote leaves.
    'prepare and vote Prepared': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign(withState(context, tx, 'prepared'));
      effects(enqueue)(send(context.tm, { type: 'Prepared', tx }));
      effects(enqueue)(setTimer(timerName(DECISION, tx), context.decisionTimeout));
    }),
    // RMChooseToAbort, chosen earlier by the user, then the abort vote the spec elides.
    'abort and vote Aborted': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign({ ...withState(context, tx, 'aborted'), abortNext: false });
      effects(enqueue)(send(context.tm, { type: 'Aborted', tx }));
    }),
    // A duplicated or repeated Prepare gets the same vote again.
    'repeat vote': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      effects(enqueue)(send(context.tm, stateOf(context, tx) === 'prepared' ? { type: 'Prepared', tx } : { type: 'Aborted', tx }));
    }),
    // RMRcvCommitMsg and RMRcvAbortMsg, from the TM or from a peer that knows the decision.
    commit: enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign(withState(context, tx, 'committed'));
      effects(enqueue)(cancelTimer(timerName(DECISION, tx)));
    }),
    abort: enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign(withState(context, tx, 'aborted'));
      effects(enqueue)(cancelTimer(timerName(DECISION, tx)));
    }),
    // Cooperative termination, answering a peer: a working RM has not voted, so it may still
    // abort on its own (RMChooseToAbort), which also settles the asker.
    'abort unilaterally and answer Abort': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming;
      enqueue.assign(withState(context, m.tx, 'aborted'));
      effects(enqueue)(send(m.from, { type: 'Abort', tx: m.tx }));
    }),
    'answer with what it knows': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming;
      const s = stateOf(context, m.tx);
      const type = s === 'committed' ? 'Commit' : s === 'aborted' ? 'Abort' : 'Uncertain';
      effects(enqueue)(send(m.from, { type, tx: m.tx }));
    }),
    'ask TM and peers for the decision': enqueueActions(({ context, event, enqueue }) => {
      askForDecision(context, txOf(event)).forEach(effects(enqueue));
    }),
    'choose to abort the next transaction': enqueueActions(({ enqueue }) => {
      enqueue.assign({ abortNext: true });
      effects(enqueue)(reply({ type: 'will-vote-no', tx: null }));
    }),
    'choose to abort': enqueueActions(({ context, event, enqueue }) => {
      enqueue.assign(withState(context, txOf(event), 'aborted'));
      effects(enqueue)(reply({ type: 'will-vote-no', tx: txOf(event) }));
    }),
    'refuse vote-no': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      effects(enqueue)(reply({ type: 'refused', reason: `${tx} is ${stateOf(context, tx)}: an RM chooses to abort only while working` }));
    }),
    'refuse begin': enqueueActions(({ enqueue }) => {
      effects(enqueue)(reply({ type: 'refused', reason: 'only the transaction manager (coordinator) begins transactions' }));
    }),
  },
  guards: {
    'transaction is working': ({ context, event }) => stateOf(context, txOf(event)) === 'working',
    'RM chose to abort the next transaction': ({ context, event }) => context.abortNext && stateOf(context, txOf(event)) === 'working',
    'RM has voted': ({ context, event }) => {
      const s = stateOf(context, txOf(event));
      return s === 'prepared' || s === 'aborted';
    },
    'transaction is undecided': ({ context, event }) => {
      const s = stateOf(context, txOf(event));
      return s === 'working' || s === 'prepared';
    },
    'no transaction is named': ({ event }) => txOf(event) === '',
    'transaction is prepared': ({ context, event }) => stateOf(context, txOf(event)) === 'prepared',
  },
}).createMachine({
  id: 'twopc-rm',
  context: ({ input }) => ({
    id: input.id,
    tm: input.tm,
    peers: input.peers,
    rmState: persistent(input.durable?.rmState ?? {}),
    abortNext: false,
    decisionTimeout: input.decisionTimeout,
  }),
  initial: 'serving',
  states: {
    serving: {
      entry: 'ask about transactions left prepared',
      on: {
        Prepare: [
          { guard: 'RM chose to abort the next transaction', actions: 'abort and vote Aborted' },
          { guard: 'transaction is working', actions: 'prepare and vote Prepared' },
          { guard: 'RM has voted', actions: 'repeat vote' },
        ],
        // A decision is final: a conflicting one (possible only under a bug switch) is ignored.
        Commit: { guard: 'transaction is undecided', actions: 'commit' },
        Abort: { guard: 'transaction is undecided', actions: 'abort' },
        DecisionRequest: [{ guard: 'transaction is working', actions: 'abort unilaterally and answer Abort' }, { actions: 'answer with what it knows' }],
        'decisionTimeout.*': { guard: 'transaction is prepared', actions: 'ask TM and peers for the decision' },
        VoteNo: [
          { guard: 'no transaction is named', actions: 'choose to abort the next transaction' },
          { guard: 'transaction is working', actions: 'choose to abort' },
          { actions: 'refuse vote-no' },
        ],
        Begin: { actions: 'refuse begin' },
      },
    },
  },
});
