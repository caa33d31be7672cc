/**
 * Three-phase commit's messages (Skeen, "Nonblocking commit protocols", SIGMOD 1981), plus
 * the termination protocol's state request and the question a recovering site asks
 * (Skeen and Stonebraker, "A formal model of crash recovery in a distributed system", 1983).
 */
export type NodeId = string;
export type TxId = string;

/** Skeen's local states: q (initial), w (wait: voted yes), p (prepared to commit), c, a.
 * A transaction a site has not heard of is in q. */
export type Site = 'q' | 'w' | 'p' | 'c' | 'a';

/** Coordinator → participants: phase one, "can you commit?". */
export type CanCommit = { type: 'CanCommit'; tx: TxId };
export type Yes = { type: 'Yes'; tx: TxId };
export type No = { type: 'No'; tx: TxId };
/** Coordinator or backup → participants: every site voted yes; move to p. */
export type PreCommit = { type: 'PreCommit'; tx: TxId };
export type Ack = { type: 'Ack'; tx: TxId };
export type DoCommit = { type: 'DoCommit'; tx: TxId };
export type Abort = { type: 'Abort'; tx: TxId };
/** Termination protocol: a site that timed out asks the other participants for their state. */
export type StateReq = { type: 'StateReq'; tx: TxId };
export type StateResp = { type: 'StateResp'; tx: TxId; state: Site };
/** A recovering site asks everyone whether the transaction was decided while it was down. */
export type DecisionReq = { type: 'DecisionReq'; tx: TxId };

export type ThreePcMessage = CanCommit | Yes | No | PreCommit | Ack | DoCommit | Abort | StateReq | StateResp | DecisionReq;

/** Delivered by the kernel: the message plus its sender. */
export type Incoming<M extends ThreePcMessage = ThreePcMessage> = M & { from: NodeId };

/** User commands. An empty `tx` means: the next id (begin), the next transaction asked about (vote-no). */
export type Begin = { type: 'Begin'; tx: TxId };
export type VoteNo = { type: 'VoteNo'; tx: TxId };

/** Per-transaction timers are named `<kind>.<tx>`, so one machine handles them with `kind.*`. */
export type TimerEvent =
  | { type: `voteTimeout.${TxId}` }
  | { type: `ackTimeout.${TxId}` }
  | { type: `waitTimeout.${TxId}` }
  | { type: `stateWindow.${TxId}` };

export type ThreePcEvent = Begin | VoteNo | Incoming | TimerEvent;

/** What the user is told about a command. */
export type CommandReply =
  | { type: 'begun'; tx: TxId }
  | { type: 'will-vote-no'; tx: TxId | null }
  | { type: 'refused'; reason: string };
