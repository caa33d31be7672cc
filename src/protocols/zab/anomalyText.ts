/**
 * ShouldNotBeTriggered's flags (Zab.tla `violatedInvariants`: stateInconsistent,
 * proposalInconsistent, commitInconsistent, ackInconsistent, messageIllegal) said as sentences
 * in the protocol's terms, with the node, sender and zxid. The flag names stay the invariant's
 * source (docs/protocols/zab.md maps each sentence to its flag); a reader sees what went wrong.
 * src/i18n/violations/zab.ts says each shape in Chinese.
 */
import type { NodeId, TraceEvent } from '../types';
import type { Anomaly, Zxid } from './types';
import { showZxid } from './types';

type Message = NonNullable<TraceEvent['message']>;

/** Zab.tla's phases, as the docs name them. */
const PHASE: Record<string, string> = { ELECTION: 'election', DISCOVERY: 'discovery', SYNCHRONIZATION: 'synchronization', BROADCAST: 'broadcast' };

/** The zxid a message names: its mzxid, or its proposal's. */
function zxidOf(m: Message): string {
  const p = m.payload as { mzxid?: Zxid; mtxn?: { zxid: Zxid } };
  const z = p.mzxid ?? p.mtxn?.zxid;
  return z ? `zxid ${showZxid(z)}` : 'a zxid';
}

/** One flag raised at `node`, on message `m` (when a message arrived) in phase `phase`. */
export function anomalySentence(node: NodeId, flag: Anomaly, m: Message | undefined, phase: string): string {
  if (!m) return `${node} reached a state the protocol rules out (${phase in PHASE ? PHASE[phase] : phase})`;
  const from = m.from;
  switch (flag) {
    case 'commitInconsistent':
      return `${node} was told by ${from} to commit ${zxidOf(m)}, which is not the next uncommitted transaction in its log`;
    case 'proposalInconsistent':
      return m.type === 'PROPOSE'
        ? `${node} got a proposal for ${zxidOf(m)} from ${from} that does not follow the last transaction in its log`
        : `${node} was told by ${from} to commit up to ${zxidOf(m)}, which is not in its log`;
    case 'ackInconsistent':
      return `${node} got an acknowledgement from ${from} for ${zxidOf(m)}, which is not in its log`;
    case 'stateInconsistent':
      return `${node} got ${m.type} from ${from} during ${PHASE[phase] ?? phase}, a phase in which it cannot arrive`;
    case 'messageIllegal':
      return `${node} got ${m.type} from ${from}, which it cannot receive in its role and phase`;
  }
}

/** Every flag newly raised in one step, as one message. */
export function anomalyMessage(node: NodeId, flags: readonly Anomaly[], m: Message | undefined, phase: string): string {
  return [...new Set(flags)].map((f) => anomalySentence(node, f, m, phase)).join('; ');
}
