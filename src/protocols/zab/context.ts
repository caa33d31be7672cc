/**
 * A Zab server's context, split as Zab.tla splits its variables, and the step builder every
 * handler writes to. Handlers are pure: (step, message) → step with new context and effects.
 */
import type { KernelAction } from '../../sim/machineActions';
import { send as sendAction, setTimer, setRandomTimer, cancelTimer, output } from '../../sim/machineActions';
import type { Link } from './channel';
import type { ClientReply, LinkBody, Notification } from './messages';
import type { Anomaly, NodeId, ServerState, Txn, Vote, ZabState, Zxid, SyncMode } from './types';

export type ZabBug = 'diff-without-trunc' | 'ack-newleader-before-flush' | 'epoch-before-log' | 'new-epoch-from-self' | 'propose-to-ackld-only' | 'commitld-ack-zxid';

export interface ZabParams {
  tick: number;
  /** Ticks a follower waits for its leader, and a leader for a learner, before giving up. */
  syncLimit: number;
  /** Ticks a leader may spend in discovery and synchronization. */
  initLimit: number;
  notifyTimeout: readonly [number, number];
  finalizeWait: number;
  flushDelay: readonly [number, number];
  /** How many recent txns the leader keeps for DIFF (ZooKeeper's committedLog); older → SNAP. */
  committedLogSize: number;
  bugs: readonly ZabBug[];
}

/** What survives a crash: `acceptedEpoch`, `currentEpoch` and the logged history (Zab.tla
 * `Restart`), plus the incarnation number that keeps connection and op ids unique. */
export interface ZabDurable {
  acceptedEpoch: number;
  currentEpoch: number;
  log: readonly Txn[];
  incarnation: number;
}

export interface LearnerInfo {
  link: Link;
  /** f.p from CEPOCH, f.a and last zxid from ACKEPOCH (Zab.tla cepochRecv, ackeRecv). */
  cepoch: number | null;
  ackepoch: { epoch: number; zxid: Zxid } | null;
  /** NEWLEADER sent: PROPOSEs go to it from now on (protocol-spec issue 1). */
  synced: boolean;
  ackld: boolean;
  heard: number;
}

export interface Ballot {
  vote: Vote;
  round: number;
  state: ServerState;
}

export interface ZabContext extends ZabDurable {
  id: NodeId;
  servers: readonly NodeId[];
  params: ZabParams;
  state: ServerState;
  zabState: ZabState;
  /** Txns received in synchronization, in memory only until the flush step writes them. */
  buffer: readonly Txn[];
  /** SNAP: the buffer replaces the log when flushed. */
  replaceLog: boolean;
  /** Zab.tla `lastCommitted.index`: how many txns of the history are delivered. Volatile. */
  lastCommitted: number;
  // election
  round: number;
  vote: Vote;
  recvVotes: Readonly<Record<NodeId, Ballot>>;
  outOfElection: Readonly<Record<NodeId, Ballot>>;
  finalizing: boolean;
  // follower
  leader: NodeId | null;
  link: Link | null;
  connCount: number;
  syncMode: SyncMode | null;
  /** NEWLEADER received (its epoch), and what of flush → currentEpoch → ACK is done. */
  newLeaderEpoch: number | null;
  ackedNewLeader: boolean;
  /** The zxid our ACK of NEWLEADER named: later buffered proposals are acknowledged at flush. */
  ackldZxid: Zxid | null;
  heardTick: number;
  // leader
  learners: Readonly<Record<NodeId, LearnerInfo>>;
  newEpoch: number | null;
  /** Zab.tla ackSid, by zxid key. */
  acks: Readonly<Record<string, readonly NodeId[]>>;
  ticks: number;
  phaseTick: number;
  /** Client writes this server took and has not answered. */
  pending: readonly string[];
  opCount: number;
  anomalies: readonly Anomaly[];
}

export interface Step {
  c: ZabContext;
  out: KernelAction[];
}

export const set = (s: Step, patch: Partial<ZabContext>): void => {
  s.c = { ...s.c, ...patch };
};
export const bug = (c: ZabContext, b: ZabBug): boolean => c.params.bugs.includes(b);
export const flag = (s: Step, a: Anomaly): void => set(s, { anomalies: [...s.c.anomalies, a] });
export const others = (c: ZabContext): NodeId[] => c.servers.filter((n) => n !== c.id);

/** The in-memory history (Zab.tla `history`): the log, then what sync has buffered. */
export const historyOf = (c: Pick<ZabContext, 'log' | 'buffer' | 'replaceLog'>): readonly Txn[] =>
  c.replaceLog ? c.buffer : c.buffer.length === 0 ? c.log : [...c.log, ...c.buffer];

export const notify = (s: Step, to: NodeId, body: Notification): void => void s.out.push(sendAction(to, body));
export const timer = (s: Step, name: string, delay: number): void => void s.out.push(setTimer(name, delay));
export const randomTimer = (s: Step, name: string, [min, max]: readonly [number, number]): void => void s.out.push(setRandomTimer(name, min, max));
export const stopTimer = (s: Step, name: string): void => void s.out.push(cancelTimer(name));
export const reply = (s: Step, r: ClientReply): void => void s.out.push(output(r));

/** Sends on the follower's connection to its leader. */
export function toLeader(s: Step, body: LinkBody): void {
  const { link, leader } = s.c;
  if (!link || !leader) return;
  const n = link.sent + 1;
  set(s, { link: { ...link, sent: n } });
  s.out.push(sendAction(leader, { ...body, conn: link.conn, n }));
}

/** Sends on the leader's connection to learner `j`. */
export function toLearner(s: Step, j: NodeId, body: LinkBody): void {
  const l = s.c.learners[j];
  if (!l) return;
  const n = l.link.sent + 1;
  set(s, { learners: { ...s.c.learners, [j]: { ...l, link: { ...l.link, sent: n } } } });
  s.out.push(sendAction(j, { ...body, conn: l.link.conn, n }));
}

export const updateLearner = (s: Step, j: NodeId, patch: Partial<LearnerInfo>): void => {
  const l = s.c.learners[j];
  if (l) set(s, { learners: { ...s.c.learners, [j]: { ...l, ...patch } } });
};
