/**
 * A participant of Skeen's three-phase commit (1981), with the termination protocol
 * for a site that times out in w or p (Skeen and Stonebraker 1983). A timed-out site asks the
 * other participants for their state and listens for a short window; the first responder in
 * node order acts as backup coordinator and applies the decision rule (termination.ts), the
 * others defer and start over if no outcome arrives. A site that restarts with a transaction
 * in w or p takes no part in termination: it asks how the transaction ended.
 *
 * The context and pure helpers are in participantState.ts, the guards in participantGuards.ts;
 * the types are re-exported from here.
 */
import { and, enqueueActions, not, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import type { Incoming, StateResp, ThreePcEvent, TxId } from './messages';
import { cancelTimer, effects, reply, send, setTimer, timerName, txOf, entry } from './kernel';
import { ACK, decide, isUncertain, otherParticipants, others, phaseOf, responsesOf, siteOf, WAIT, WINDOW, withoutTermination, type ParticipantContext, type ParticipantInput, type Termination } from './participantState';
import { participantGuards } from './participantGuards';

export type { ParticipantContext, ParticipantDurable, ParticipantInput, Termination } from './participantState';

// ── the machine ────────────────────────────────────────────────────────────────

export const participantMachine = setup({
  types: {
    context: {} as ParticipantContext,
    events: {} as ThreePcEvent,
    input: {} as ParticipantInput,
  },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    // Recovery: whatever was uncertain at the crash may have been terminated by the others.
    'ask how uncertain transactions ended': enqueueActions(({ context, enqueue }) => {
      const uncertain = Object.entries(context.state).filter(([, s]) => isUncertain(s)).map(([tx]) => tx);
      for (const tx of uncertain) {
        for (const n of others(context)) effects(enqueue)(send(n, { type: 'DecisionReq', tx }));
        effects(enqueue)(setTimer(timerName(WAIT, tx), context.waitTimeout));
      }
      if (uncertain.length > 0) enqueue.assign({ termination: Object.fromEntries(uncertain.map((tx): [TxId, Termination] => [tx, { phase: 'recovering' }])) });
    }),
    'ask again': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      for (const n of others(context)) effects(enqueue)(send(n, { type: 'DecisionReq', tx }));
      effects(enqueue)(setTimer(timerName(WAIT, tx), context.waitTimeout));
    }),
    // q → w: the Yes vote is logged before it leaves.
    'vote Yes': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign({ state: { ...context.state, [tx]: 'w' } });
      effects(enqueue)(send(context.coordinator, { type: 'Yes', tx }));
      effects(enqueue)(setTimer(timerName(WAIT, tx), context.waitTimeout));
    }),
    // q → a, chosen earlier by the user.
    'abort and vote No': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign({ state: { ...context.state, [tx]: 'a' }, abortNext: false });
      effects(enqueue)(send(context.coordinator, { type: 'No', tx }));
    }),
    'repeat vote': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      effects(enqueue)(send(context.coordinator, { type: siteOf(context, tx) === 'w' ? 'Yes' : 'No', tx }));
    }),
    // w → p, from the coordinator or a backup: acknowledge to whoever sent it.
    'prepare to commit and acknowledge': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming;
      enqueue.assign({ state: { ...context.state, [m.tx]: 'p' } });
      effects(enqueue)(send(m.from, { type: 'Ack', tx: m.tx }));
      if (phaseOf(context, m.tx) === undefined) effects(enqueue)(setTimer(timerName(WAIT, m.tx), context.waitTimeout));
    }),
    'acknowledge again': enqueueActions(({ event, enqueue }) => {
      const m = event as Incoming;
      effects(enqueue)(send(m.from, { type: 'Ack', tx: m.tx }));
    }),
    // The outcome, from the coordinator or a backup: stop any termination in progress.
    'adopt the outcome': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign({ state: { ...context.state, [tx]: event.type === 'DoCommit' ? 'c' : 'a' }, termination: withoutTermination(context, tx) });
      for (const t of [WAIT, WINDOW, ACK]) effects(enqueue)(cancelTimer(timerName(t, tx)));
    }),
    'answer with the outcome': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming;
      effects(enqueue)(send(m.from, { type: siteOf(context, m.tx) === 'c' ? 'DoCommit' : 'Abort', tx: m.tx }));
    }),
    // A site in q has not voted, so it may abort on its own; that settles the asker too.
    'abort unilaterally': enqueueActions(({ context, event, enqueue }) => {
      enqueue.assign({ state: { ...context.state, [txOf(event)]: 'a' } });
    }),
    'answer with its state': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming;
      // Read after any unilateral abort in the same step.
      const s = siteOf(context, m.tx);
      effects(enqueue)(send(m.from, { type: 'StateResp', tx: m.tx, state: s === 'q' ? 'a' : s }));
    }),
    'start termination': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign({ termination: { ...context.termination, [tx]: { phase: 'electing', responses: {} } } });
      for (const n of otherParticipants(context)) effects(enqueue)(send(n, { type: 'StateReq', tx }));
      effects(enqueue)(cancelTimer(timerName(WAIT, tx)));
      effects(enqueue)(setTimer(timerName(WINDOW, tx), context.stateWindow));
    }),
    // Someone else runs termination: give it time before suspecting it too.
    'defer to the asker': enqueueActions(({ context, event, enqueue }) => {
      effects(enqueue)(setTimer(timerName(WAIT, txOf(event)), context.waitTimeout));
    }),
    'record state response': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming<StateResp>;
      const t = entry(context.termination, m.tx);
      if (t?.phase !== 'electing') return;
      enqueue.assign({ termination: { ...context.termination, [m.tx]: { phase: 'electing', responses: { ...t.responses, [m.from]: m.state } } } });
    }),
    'defer to an earlier responder': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign({ termination: withoutTermination(context, tx) });
      effects(enqueue)(setTimer(timerName(WAIT, tx), context.waitTimeout));
    }),
    'commit and tell the others': enqueueActions(({ context, event, enqueue }) => {
      const d = decide(context, txOf(event), 'c');
      enqueue.assign(d.assign);
      d.effects.forEach(effects(enqueue));
    }),
    'abort and tell the others': enqueueActions(({ context, event, enqueue }) => {
      const d = decide(context, txOf(event), 'a');
      enqueue.assign(d.assign);
      d.effects.forEach(effects(enqueue));
    }),
    // The backup's third case: bring every responder still in w to p before anyone commits.
    'move the uncertain to p': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      const awaiting = Object.entries(responsesOf(context, tx))
        .filter(([n, s]) => n !== context.id && s === 'w')
        .map(([n]) => n);
      enqueue.assign({ state: { ...context.state, [tx]: 'p' }, termination: { ...context.termination, [tx]: { phase: 'backup', awaiting } } });
      for (const n of awaiting) effects(enqueue)(send(n, { type: 'PreCommit', tx }));
      effects(enqueue)(setTimer(timerName(ACK, tx), context.ackTimeout));
    }),
    'record ack': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming;
      const t = entry(context.termination, m.tx);
      if (t?.phase !== 'backup') return;
      enqueue.assign({ termination: { ...context.termination, [m.tx]: { phase: 'backup', awaiting: t.awaiting.filter((n) => n !== m.from) } } });
    }),
    'choose to abort the next transaction': enqueueActions(({ enqueue }) => {
      enqueue.assign({ abortNext: true });
      effects(enqueue)(reply({ type: 'will-vote-no', tx: null }));
    }),
    'choose to abort': enqueueActions(({ context, event, enqueue }) => {
      enqueue.assign({ state: { ...context.state, [txOf(event)]: 'a' } });
      effects(enqueue)(reply({ type: 'will-vote-no', tx: txOf(event) }));
    }),
    'refuse vote-no': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      effects(enqueue)(reply({ type: 'refused', reason: `${tx} is in ${siteOf(context, tx)}: a participant chooses to abort only before it votes (q)` }));
    }),
    'refuse begin': enqueueActions(({ enqueue }) => {
      effects(enqueue)(reply({ type: 'refused', reason: 'only the coordinator begins transactions' }));
    }),
  },
  guards: participantGuards,
}).createMachine({
  id: 'threepc-participant',
  context: ({ input }) => ({
    id: input.id,
    coordinator: input.coordinator,
    order: input.order,
    state: input.durable?.state ?? {},
    termination: {},
    abortNext: false,
    waitTimeout: input.waitTimeout,
    ackTimeout: input.ackTimeout,
    stateWindow: input.stateWindow,
  }),
  initial: 'participating',
  states: {
    participating: {
      entry: 'ask how uncertain transactions ended',
      on: {
        CanCommit: [
          { guard: 'site chose to abort the next transaction', actions: 'abort and vote No' },
          { guard: 'transaction is in q', actions: 'vote Yes' },
          { guard: 'site voted', actions: 'repeat vote' },
        ],
        PreCommit: [
          { guard: 'transaction is in w', actions: 'prepare to commit and acknowledge' },
          { guard: 'transaction is in p', actions: 'acknowledge again' },
        ],
        // A decision is final: a conflicting one (under partition) is ignored.
        DoCommit: { guard: 'transaction is uncertain', actions: 'adopt the outcome' },
        Abort: { guard: 'transaction is not decided', actions: 'adopt the outcome' },
        DecisionReq: { guard: 'transaction is decided', actions: 'answer with the outcome' },
        StateReq: [
          // A recovering site may have missed what the others did: it stays out.
          { guard: 'is recovering' },
          { guard: 'transaction is in q', actions: ['abort unilaterally', 'answer with its state'] },
          { guard: 'transaction is decided', actions: 'answer with its state' },
          { guard: 'is terminating', actions: 'answer with its state' },
          // The asker suspects the coordinator; a site before it in node order runs for backup too.
          { guard: 'asker comes later in node order', actions: ['answer with its state', 'start termination'] },
          { actions: ['answer with its state', 'defer to the asker'] },
        ],
        StateResp: [
          { guard: and(['response reports commit', 'transaction is uncertain', not('is recovering')]), actions: 'commit and tell the others' },
          { guard: and(['response reports abort', 'transaction is uncertain', not('is recovering')]), actions: 'abort and tell the others' },
          { guard: 'is electing', actions: 'record state response' },
        ],
        'stateWindow.*': [
          { guard: and(['is electing', not('site is first among responders')]), actions: 'defer to an earlier responder' },
          { guard: and(['is electing', 'rule says abort']), actions: 'abort and tell the others' },
          { guard: and(['is electing', 'rule says commit']), actions: 'commit and tell the others' },
          { guard: 'is electing', actions: 'move the uncertain to p' },
        ],
        Ack: [
          { guard: and(['is backup', 'this ack completes the set']), actions: 'commit and tell the others' },
          { guard: 'is backup', actions: 'record ack' },
        ],
        // Like the coordinator, the backup commits anyway: a site that did not acknowledge failed.
        'ackTimeout.*': { guard: 'is backup', actions: 'commit and tell the others' },
        'waitTimeout.*': [
          { guard: 'is recovering', actions: 'ask again' },
          { guard: and(['transaction is uncertain', not('is terminating')]), actions: 'start termination' },
        ],
        VoteNo: [
          { guard: 'no transaction is named', actions: 'choose to abort the next transaction' },
          { guard: 'transaction is in q', actions: 'choose to abort' },
          { actions: 'refuse vote-no' },
        ],
        Begin: { actions: 'refuse begin' },
      },
    },
  },
});
