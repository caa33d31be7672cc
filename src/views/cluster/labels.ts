/** Text of the cluster view: accessible names and tooltips of nodes and messages, built from
 * the observable state with whatever fields the protocol has (Raft's names first). */
import { isStringKey, type StringKey } from '../../i18n';
import type { Message } from '../../sim/types';
import type { NodeFrame } from '../../store/frame';
import type { NoteText, TransactionHints } from '../../protocols/types';
import { shortState } from '../transactions/stateNames';
import { isEmptyPayload, messageKind } from './geometry';
import { paxosFacts, paxosLong, type PaxosFacts } from './paxosFacts';

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

/** The fields of a node's observable state the glyph shows. */
export interface NodeFacts {
  id: string;
  /** The protocol's state role (Raft: leader/candidate/follower), else the node's role. */
  role: string;
  term: number | null;
  /** Paxos-family ballot (Multi-Paxos `balMaxKnown`), else null. */
  ballot?: number | null;
  /** Whom the node believes leads (Multi-Paxos `leader`); undefined when the protocol has none. */
  leader?: string | null;
  /** undefined: the protocol has no vote; null: no vote this term. */
  vote: string | null | undefined;
  up: boolean;
  paused: boolean;
  rate: number;
  commit: number | null;
  logLength: number | null;
  /** The node's latest transaction and its state there, for protocols with transactions. */
  tx: { id: string; state: string; locked: boolean } | null;
  /** Paxos's ballots and values, for Paxos nodes. */
  paxos?: PaxosFacts | null;
}

/** The latest transaction a node lists (ids are in order of first appearance), and whether it
 * holds its locks there without knowing the outcome. */
function latestTx(node: NodeFrame, hints: TransactionHints | undefined): NodeFacts['tx'] {
  if (!hints) return null;
  const last = Object.entries(hints.states(node.state)).at(-1);
  if (!last) return null;
  const [id, state] = last;
  return { id, state, locked: hints.kinds[state] === 'uncertain' && hints.lockHolders.includes(node.role) };
}

export function nodeFacts(node: NodeFrame, hints?: TransactionHints): NodeFacts {
  const s = node.state;
  const role = typeof s.role === 'string' ? s.role : node.role;
  const vote = typeof s.votedFor === 'string' || s.votedFor === null ? s.votedFor : undefined;
  return {
    id: node.id,
    role,
    term: typeof s.currentTerm === 'number' ? s.currentTerm : null,
    ballot: typeof s.balMaxKnown === 'number' ? s.balMaxKnown : null,
    leader: typeof s.leader === 'string' || s.leader === null ? s.leader : undefined,
    vote,
    up: node.up,
    paused: node.paused,
    rate: node.rate,
    commit: typeof s.commitIndex === 'number' ? s.commitIndex : null,
    logLength: Array.isArray(s.log) ? s.log.length : null,
    tx: latestTx(node, hints),
    paxos: paxosFacts(s),
  };
}

const ROLE_KEYS: Record<string, StringKey> = {
  leader: 'cluster.role.leader',
  candidate: 'cluster.role.candidate',
  follower: 'cluster.role.follower',
  coordinator: 'cluster.role.coordinator',
  participant: 'cluster.role.participant',
  server: 'cluster.role.server',
  client: 'cluster.role.client',
  proposer: 'paxos.role.proposer',
  acceptor: 'paxos.role.acceptor',
  learner: 'paxos.role.learner',
  leading: 'mp.role.leading',
  preparing: 'mp.role.preparing',
  // The lock service's roles (walk-through: shown untranslated in Chinese).
  cell: 'walk.role.cell',
  storage: 'walk.role.storage',
  db: 'walk.role.db',
  redis: 'walk.role.redis',
  'redis-client': 'walk.role.redisClient',
};

/** A protocol's note (view hints' `nodeNote`), translated; an unknown key shows as itself. */
export function noteText(t: Translate, n: NoteText): string {
  return isStringKey(n.key) ? t(n.key, n.vars) : n.key;
}

export function roleName(t: Translate, role: string): string {
  const key = ROLE_KEYS[role];
  return key ? t(key) : role;
}

/** The node's letter: the protocol's glyph for the role if it has one, else its initial. */
export function roleLetter(role: string, glyphs: Record<string, string>): string {
  return glyphs[role] ?? (role.charAt(0).toUpperCase() || '?');
}

/** "n1: leader, term 3, voted for n1" (and down, paused, clock skew when they apply). */
export function nodeLabel(t: Translate, f: NodeFacts): string {
  const role = roleName(t, f.role);
  const parts = [f.up ? t('cluster.node', { id: f.id, role }) : t('cluster.node.down', { id: f.id, role })];
  if (f.term !== null) parts.push(t('cluster.node.term', { term: f.term }));
  if (typeof f.ballot === 'number') parts.push(f.ballot < 0 ? t('mp.node.noBallot') : t('mp.node.ballot', { ballot: f.ballot }));
  if (f.leader) parts.push(t('mp.node.leader', { leader: f.leader }));
  if (f.vote !== undefined) parts.push(f.vote === null ? t('cluster.node.noVote') : t('cluster.node.vote', { vote: f.vote }));
  if (f.tx) parts.push(t('cluster.node.tx', { tx: f.tx.id, state: shortState(t, f.tx.state) }));
  if (f.tx?.locked) parts.push(t('cluster.node.locked'));
  if (f.paxos) parts.push(paxosLong(t, f.paxos));
  if (f.paused) parts.push(t('cluster.node.paused'));
  if (f.rate !== 1) parts.push(t('cluster.node.skew', { rate: f.rate }));
  return parts.join(t('cluster.sep'));
}

/** The tooltip adds what the glyph does not spell out. */
export function nodeTitle(t: Translate, f: NodeFacts): string {
  const lines = [nodeLabel(t, f)];
  if (f.commit !== null && f.logLength !== null) lines.push(t('cluster.node.commit', { commit: f.commit, length: f.logLength }));
  return lines.join('\n');
}

const SKIP = new Set(['type', 'term', 'entries']);

/** A one-line summary of a payload: term, entries, then up to three other scalar fields. */
export function payloadSummary(t: Translate, payload: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof payload.term === 'number') parts.push(t('cluster.message.term', { term: payload.term }));
  if (Array.isArray(payload.entries)) parts.push(isEmptyPayload(payload) ? t('cluster.message.heartbeat') : t('cluster.message.entries', { count: payload.entries.length }));
  for (const [k, v] of Object.entries(payload)) {
    if (parts.length >= 5) break;
    if (SKIP.has(k)) continue;
    if (typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= 16)) parts.push(`${k}=${String(v)}`);
  }
  return parts.join(t('cluster.sep'));
}

/** "AppendEntries n1 → n2 (request)" then the payload, the times and any fate. */
export function messageTitle(t: Translate, m: Message, blocked: string | null): string {
  const kind = t(messageKind(m.type) === 'reply' ? 'cluster.message.reply' : 'cluster.message.request');
  const lines = [`#${m.id} ${t('cluster.message', { type: m.type, from: m.from, to: m.to })} (${kind})`];
  const summary = payloadSummary(t, m.payload);
  if (summary) lines.push(summary);
  lines.push(t('cluster.message.times', { sent: m.sentAt, due: m.arriveAt }));
  if (m.duplicateOf !== undefined) lines.push(t('cluster.message.duplicate', { id: m.duplicateOf }));
  if (blocked) lines.push(t('cluster.message.blocked', { reason: reasonName(t, blocked) }));
  return lines.join('\n');
}

const REASON_KEYS: Record<string, StringKey> = {
  partition: 'cluster.reason.partition',
  cut: 'cluster.reason.cut',
  down: 'cluster.reason.down',
  dropped: 'cluster.reason.dropped',
};

export function reasonName(t: Translate, reason: string): string {
  const key = REASON_KEYS[reason];
  return key ? t(key) : reason;
}
