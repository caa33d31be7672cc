/**
 * Single-decree Paxos messages, named and shaped after Paxos.tla's `Message` (tlaplus/Examples
 * specifications/Paxos/Paxos.tla), plus the optional Nack of Paxos Made Simple section 2.2 (last
 * paragraph: "a performance optimization"). Acceptors name themselves in `acc`, as in the spec.
 */
import type { Ballot } from '../kit/ballots';

export type NodeId = string;
export type Value = string;
/** Paxos.tla's `None`: no value voted for yet. */
export const NONE = null;

/** Phase1a(b): a proposer asks every acceptor to join ballot `bal`. */
export type M1a = { type: '1a'; bal: Ballot };
/** Phase1b(a): acceptor `acc` promises `bal` and reports its latest vote <<mbal, mval>>. */
export type M1b = { type: '1b'; acc: NodeId; bal: Ballot; mbal: Ballot; mval: Value | null };
/** Phase2a(b, v): a proposer asks the acceptors to vote for `val` in ballot `bal`. */
export type M2a = { type: '2a'; bal: Ballot; val: Value };
/** Phase2b(a): acceptor `acc` voted for `val` in ballot `bal` (to the learners and the proposer). */
export type M2b = { type: '2b'; acc: NodeId; bal: Ballot; val: Value };
/** A refusal: `bal` is below the acceptor's promise `maxBal` (param `nack`). */
export type Nack = { type: 'Nack'; acc: NodeId; bal: Ballot; maxBal: Ballot };

export type PaxosMessage = M1a | M1b | M2a | M2b | Nack;
export type Incoming<M extends PaxosMessage = PaxosMessage> = M & { from: NodeId };

/** The user's command at a proposer. `op` names the client operation (client history). */
export type Propose = { type: 'Propose'; value: Value; at: number };

/** What a proposer tells its client: the operation began, was refused, or ended with the value
 * chosen (which may be another proposer's). */
export type ProposeReply =
  | { type: 'proposing'; op: string; value: Value }
  | { type: 'chosen'; ops: string[]; value: Value }
  | { type: 'refused'; reason: string };
