/** The kernel's reason for a lost message or an event that did nothing, in the reader's
 * language (the trace keeps the English word; an unknown one is shown as it is). */
import type { StringKey } from '../i18n';

type T = (key: StringKey, vars?: Record<string, string | number>) => string;

const REASONS: Record<string, StringKey> = {
  partition: 'cluster.reason.partition',
  cut: 'cluster.reason.cut',
  down: 'cluster.reason.down',
  dropped: 'cluster.reason.dropped',
  'already down': 'walk.reason.alreadyDown',
  'already up': 'walk.reason.alreadyUp',
  'not paused': 'walk.reason.notPaused',
  'already paused': 'walk.reason.alreadyPaused',
  'no pending timer': 'walk.reason.noTimer',
  'node is down': 'walk.reason.nodeDown',
  'node is paused': 'walk.reason.nodePaused',
};

export function reasonText(t: (key: StringKey) => string, reason: string): string {
  const key = Object.hasOwn(REASONS, reason) ? REASONS[reason] : undefined;
  return key ? t(key) : reason;
}

/** Why a client operation failed, as its protocol answered (Raft's redirect names the leader). */
export function opReason(t: T, reason: string): string {
  const redirect = /^not the leader(?:; try (\S+))?$/.exec(reason);
  if (redirect) return redirect[1] ? t('walk.op.notLeader', { leader: redirect[1] }) : t('walk.op.notLeaderUnknown');
  return reasonText(t, reason);
}
