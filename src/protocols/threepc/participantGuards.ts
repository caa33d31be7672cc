/**
 * The participant's guards, by name (the machine in participant.ts refers to them as phrases):
 * which site state a transaction is in, where the termination protocol stands, and the backup
 * election's and decision rule's verdicts.
 */
import type { Incoming, StateResp, ThreePcEvent } from './messages';
import { entry, txOf } from './kernel';
import { isFirst, terminationRule } from './termination';
import { isUncertain, phaseOf, responsesOf, siteOf, type ParticipantContext } from './participantState';

interface GuardArgs {
  context: ParticipantContext;
  event: ThreePcEvent;
}

export const participantGuards = {
  'transaction is in q': ({ context, event }: GuardArgs) => siteOf(context, txOf(event)) === 'q',
  'site chose to abort the next transaction': ({ context, event }: GuardArgs) => context.abortNext && siteOf(context, txOf(event)) === 'q',
  'site voted': ({ context, event }: GuardArgs) => {
    const s = siteOf(context, txOf(event));
    return s === 'w' || s === 'a';
  },
  'transaction is in w': ({ context, event }: GuardArgs) => siteOf(context, txOf(event)) === 'w',
  'transaction is in p': ({ context, event }: GuardArgs) => siteOf(context, txOf(event)) === 'p',
  'transaction is uncertain': ({ context, event }: GuardArgs) => isUncertain(siteOf(context, txOf(event))),
  'transaction is not decided': ({ context, event }: GuardArgs) => {
    const s = siteOf(context, txOf(event));
    return s !== 'c' && s !== 'a';
  },
  'transaction is decided': ({ context, event }: GuardArgs) => {
    const s = siteOf(context, txOf(event));
    return s === 'c' || s === 'a';
  },
  'is recovering': ({ context, event }: GuardArgs) => phaseOf(context, txOf(event)) === 'recovering',
  'is terminating': ({ context, event }: GuardArgs) => phaseOf(context, txOf(event)) !== undefined,
  'is electing': ({ context, event }: GuardArgs) => phaseOf(context, txOf(event)) === 'electing',
  'is backup': ({ context, event }: GuardArgs) => phaseOf(context, txOf(event)) === 'backup',
  'asker comes later in node order': ({ context, event }: GuardArgs) => context.order.indexOf((event as Incoming).from) > context.order.indexOf(context.id),
  'response reports commit': ({ event }: GuardArgs) => (event as Incoming<StateResp>).state === 'c',
  'response reports abort': ({ event }: GuardArgs) => (event as Incoming<StateResp>).state === 'a',
  'site is first among responders': ({ context, event }: GuardArgs) => {
    const tx = txOf(event);
    return isFirst(context.order, context.id, Object.keys(responsesOf(context, tx)));
  },
  'rule says abort': ({ context, event }: GuardArgs) => terminationRule(context.id, responsesOf(context, txOf(event))) === 'abort',
  'rule says commit': ({ context, event }: GuardArgs) => terminationRule(context.id, responsesOf(context, txOf(event))) === 'commit',
  'this ack completes the set': ({ context, event }: GuardArgs) => {
    const m = event as Incoming;
    const t = entry(context.termination, m.tx);
    return t?.phase === 'backup' && t.awaiting.every((n) => n === m.from);
  },
  'no transaction is named': ({ event }: GuardArgs) => txOf(event) === '',
};
