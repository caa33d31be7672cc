/**
 * Multi-Paxos safety, checked after every step (protocols.md section 2.5; sources in
 * docs/protocols/multipaxos.md). "Chosen" is a global fact no replica sees: each checker keeps
 * its own ghost ledger of votes per slot (ghost.ts), judged with a true majority of the
 * replicas, and crashes never reset it. Predicates over replicas read only the touched one.
 */
import type { Invariant, InvariantCheck, InvariantFailure, InvariantInput, NodeId, ProtocolConfig } from '../types';
import { NO_BALLOT, type Ballot } from '../kit/ballots';
import { NOOP_OP, type Slot } from './messages';
import { SlotLedgers, submissionsIn, votesIn, type GhostVote } from './ghost';
import { foldCommands, type KValue } from './log';
import type { MultiPaxosObservable } from './observe';

type Judge = (l: SlotLedgers, input: InvariantInput, fresh: GhostVote[]) => InvariantFailure | null;

/** A checker with a ghost ledger, fed with this event's submissions and new votes first. */
function withLedger(cfg: ProtocolConfig, judge: Judge): InvariantCheck {
  const l = new SlotLedgers(cfg.nodes);
  return (input) => {
    for (const s of submissionsIn(input.event)) l.commands.set(s.op, s.command);
    const fresh = votesIn(input.event).filter((v) => l.record(v, input.event.seq, input.event.time));
    return judge(l, input, fresh);
  };
}

/** The touched replica and its state, if it is one. */
function touched({ event, nodes }: InvariantInput): { id: NodeId; s: MultiPaxosObservable } | null {
  const v = event.node === undefined ? undefined : nodes.get(event.node);
  return v ? { id: v.id, s: v.state as MultiPaxosObservable } : null;
}

const text = (l: SlotLedgers, op: string) => (op === NOOP_OP ? 'no-op' : `${l.commands.get(op) ?? '?'} (${op})`);

const consistency: Invariant = {
  id: 'consistency',
  name: 'One command chosen per slot',
  description: 'In every slot at most one command is chosen (a majority voted for it in one ballot).',
  source: 'MultiPaxos.tla (tlaplus/Examples specifications/MultiPaxos), Consistency; Chosen over VotedForIn',
  everyEvent: true,
  create: (cfg) =>
    withLedger(cfg, (l, _i, fresh) => {
      for (const v of fresh) {
        const chosen = l.ledger(v.slot)!.chosen();
        if (chosen.length > 1) return { message: `slot ${v.slot}: ${text(l, chosen[0]!.value)} chosen in ballot ${chosen[0]!.ballot} and ${text(l, chosen[1]!.value)} in ballot ${chosen[1]!.ballot}` };
      }
      return null;
    }),
};

const oneCommandPerBallotSlot: Invariant = {
  id: 'one-command-per-ballot-slot',
  name: 'One command per ballot and slot',
  description: 'No two votes in the same ballot and slot are for different commands.',
  source: 'PMMC invariant A4 (via C1); Voting.tla, OneValuePerBallot, per slot',
  everyEvent: true,
  create: (cfg) =>
    withLedger(cfg, (l, _i, fresh) => {
      for (const v of fresh) {
        const bad = l.ledger(v.slot)!.twoValuesInOneBallot();
        if (bad) return { message: `slot ${v.slot}, ballot ${bad.bal}: votes for ${bad.values.map((o) => text(l, o)).join(' and ')}`, nodes: [v.acc] };
      }
      return null;
    }),
};

const a5: Invariant = {
  id: 'chosen-is-proposed-above',
  name: 'A chosen command is the one voted for above',
  description: 'Once a command is chosen in a slot at ballot b, every vote in that slot at a higher ballot is for the same command.',
  source: 'PMMC invariant A5 (via C2); Voting.tla, VotesSafe',
  everyEvent: true,
  create: (cfg) => {
    const known = new Map<Slot, number>();
    return withLedger(cfg, (l, _i, fresh) => {
      for (const v of fresh) {
        const c = l.chosen(v.slot);
        if (!c) continue;
        // A slot newly chosen: look at every vote in it; otherwise only at the new one.
        const newly = !known.has(v.slot);
        known.set(v.slot, c.ballot);
        for (const w of newly ? l.votes.get(v.slot)! : [v]) {
          if (w.bal > c.ballot && w.cmd.op !== c.op) return { message: `slot ${v.slot}: ${text(l, c.op)} is chosen in ballot ${c.ballot}, but ${w.acc} voted for ${text(l, w.cmd.op)} in ballot ${w.bal}`, nodes: [w.acc] };
        }
      }
      return null;
    });
  },
};

const validity: Invariant = {
  id: 'validity',
  name: 'Only submitted commands or no-ops are chosen',
  description: 'Every chosen command was submitted by a client, or is a no-op.',
  source: 'Paxos Made Simple, section 2.1 (only a proposed value may be chosen), with section 3’s no-ops',
  everyEvent: true,
  create(cfg): InvariantCheck {
    const submitted = new Set<string>([NOOP_OP]);
    return withLedger(cfg, (l, { event }, fresh) => {
      for (const s of submissionsIn(event)) submitted.add(s.op);
      for (const v of fresh) {
        const c = l.chosen(v.slot);
        if (c && !submitted.has(c.op)) return { message: `slot ${v.slot}: ${text(l, c.op)} is chosen but no client submitted it` };
      }
      return null;
    });
  },
};

const commitIsChosen: Invariant = {
  id: 'commit-is-chosen',
  name: 'A committed command is chosen',
  description: 'A replica commits a command in a slot only if that command is chosen there.',
  source: 'protocols.md 2.5 MP-CommitImpliesChosen (SMR HandleAcceptReplies’ quorum rule); Paxos Made Simple 2.1, learn only what is chosen',
  everyEvent: true,
  create: (cfg) => {
    const seen = new Map<NodeId, MultiPaxosObservable['insts']>();
    return withLedger(cfg, (l, input) => {
      const t = touched(input);
      if (!t || seen.get(t.id) === t.s.insts) return null;
      const before = seen.get(t.id) ?? [];
      seen.set(t.id, t.s.insts);
      for (let i = 0; i < t.s.insts.length; i++) {
        const inst = t.s.insts[i];
        if (inst?.status !== 'Committed' || !inst.cmd || before[i] === inst) continue;
        const c = l.chosen(i + 1);
        if (c?.op !== inst.cmd.op) return { message: `${t.id} committed ${text(l, inst.cmd.op)} in slot ${i + 1}, but ${c ? `${text(l, c.op)} is chosen there` : 'nothing is chosen there'}`, nodes: [t.id] };
      }
      return null;
    });
  },
};

const commitsAgree: Invariant = {
  id: 'commits-agree',
  name: 'Replicas commit the same command per slot',
  description: 'No two replicas commit different commands in the same slot.',
  source: 'PMMC invariant R1',
  create(): InvariantCheck {
    const first = new Map<Slot, { op: string; cmd: string; node: NodeId }>();
    return (input) => {
      const t = touched(input);
      if (!t) return null;
      for (let i = 0; i < t.s.insts.length; i++) {
        const inst = t.s.insts[i];
        if (inst?.status !== 'Committed' || !inst.cmd) continue;
        const f = first.get(i + 1);
        if (!f) first.set(i + 1, { op: inst.cmd.op, cmd: inst.cmd.cmd, node: t.id });
        else if (f.op !== inst.cmd.op) return { message: `slot ${i + 1}: ${f.node} committed ${f.cmd}, ${t.id} committed ${inst.cmd.cmd}`, nodes: [f.node, t.id] };
      }
      return null;
    };
  },
};

const sameKv = (a: KValue, b: KValue) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

const appliedFold: Invariant = {
  id: 'applied-is-fold',
  name: 'Applied state follows the committed slots in order',
  description: 'A replica’s applied state equals applying its committed slots 1..commitUpTo in slot order, and nothing beyond.',
  source: 'PMMC invariants R2 and R3 (perform in slot order); MultiPaxos-SMR, kvalue',
  create(): InvariantCheck {
    return (input) => {
      const t = touched(input);
      if (!t) return null;
      const cmds = [];
      for (let s = 1; s <= t.s.commitUpTo; s++) {
        const inst = t.s.insts[s - 1];
        if (inst?.status !== 'Committed' || !inst.cmd) return { message: `${t.id} counts slots 1 to ${t.s.commitUpTo} as committed, but slot ${s} is not committed`, nodes: [t.id] };
        cmds.push(inst.cmd);
      }
      const want = foldCommands(cmds);
      return sameKv(want, t.s.kvalue) ? null : { message: `${t.id}'s applied state is ${JSON.stringify(t.s.kvalue)}, but applying slots 1 to ${t.s.commitUpTo} in order gives ${JSON.stringify(want)}`, nodes: [t.id] };
    };
  },
};

const balMonotone: Invariant = {
  id: 'bal-max-known-monotone',
  name: 'Promises never go back',
  description: 'A replica’s balMaxKnown (its promise) never decreases, across restarts too.',
  source: 'PMMC invariant A1; Paxos Made Simple 2.2 (an acceptor remembers its promise through failures)',
  create(): InvariantCheck {
    const high = new Map<NodeId, Ballot>();
    return (input) => {
      const t = touched(input);
      if (!t) return null;
      const before = high.get(t.id) ?? NO_BALLOT;
      if (t.s.balMaxKnown < before) return { message: `${t.id} had promised ballot ${before}, then its promise went back to ballot ${t.s.balMaxKnown}`, nodes: [t.id] };
      high.set(t.id, t.s.balMaxKnown);
      return null;
    };
  },
};

export const multiPaxosInvariants: Invariant[] = [consistency, commitsAgree, appliedFold, balMonotone, oneCommandPerBallotSlot, a5, commitIsChosen, validity];
