/**
 * Two-phase commit's messages, named after TwoPhase.tla (Gray and Lamport, "Consensus on
 * Transaction Commit", 2006) plus the cooperative termination protocol's request and answers.
 * Every message names its transaction: the TM runs many at once.
 */
export type NodeId = string;
export type TxId = string;

/** TCommit.tla's rmState values. A transaction an RM has not heard of is `working` (TCInit). */
export type RmState = 'working' | 'prepared' | 'committed' | 'aborted';
/** TwoPhase.tla's tmState values. */
export type TmState = 'init' | 'committed' | 'aborted';
export type Decision = 'committed' | 'aborted';

/** TM → RM: phase one. TwoPhase.tla leaves it out (RMs prepare spontaneously). */
export type Prepare = { type: 'Prepare'; tx: TxId };
/** RM → TM: a yes vote. */
export type Prepared = { type: 'Prepared'; tx: TxId };
/** RM → TM: a no vote (the paper's RM abort message, which TwoPhase.tla elides). */
export type Aborted = { type: 'Aborted'; tx: TxId };
/** The decision, from the TM, or from a peer that knows it (cooperative termination). */
export type Commit = { type: 'Commit'; tx: TxId };
export type Abort = { type: 'Abort'; tx: TxId };
/** A prepared RM that heard no decision asks the TM and its peers. */
export type DecisionRequest = { type: 'DecisionRequest'; tx: TxId };
/** A prepared peer's answer: it does not know either. */
export type Uncertain = { type: 'Uncertain'; tx: TxId };

export type TwoPcMessage = Prepare | Prepared | Aborted | Commit | Abort | DecisionRequest | Uncertain;

/** Delivered by the kernel: the message plus its sender. */
export type Incoming<M extends TwoPcMessage = TwoPcMessage> = M & { from: NodeId };

/** User commands. An empty `tx` means: the next id (begin), the next transaction asked about (vote-no). */
export type Begin = { type: 'Begin'; tx: TxId };
export type VoteNo = { type: 'VoteNo'; tx: TxId };

/** Per-transaction timers are named `<kind>.<tx>`, so one machine handles them with `kind.*`. */
export type VoteTimeout = { type: `voteTimeout.${TxId}` };
export type DecisionTimeout = { type: `decisionTimeout.${TxId}` };

export type TmEvent = Begin | VoteNo | Incoming | VoteTimeout;
export type RmEvent = Begin | VoteNo | Incoming | DecisionTimeout;

/** What the user is told about a command. */
export type CommandReply =
  | { type: 'begun'; tx: TxId }
  | { type: 'will-vote-no'; tx: TxId | null }
  | { type: 'refused'; reason: string };
