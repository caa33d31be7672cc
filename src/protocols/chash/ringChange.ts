/**
 * How a server follows membership changes: adopting a newer epoch (and dropping what it no
 * longer replicates), the seed's ordering of joins and leaves, and the key handoff between
 * them. Handlers change a draft of the context and collect effects (kernel.ts).
 *
 * A join of J: the seed marks J `joining` (epoch e1). Writes now also go to J, and J pulls
 * each arc it gains from one old replica of that arc that has seen e1. When every arc is
 * covered J reports JoinDone; the seed marks J `up` (e2) and the old replicas drop what they
 * no longer hold. A leave of L: `leaving` (e1); L pushes its keys to the servers that gain
 * them and waits for their acks; LeaveDone; the seed removes L (e2) and L drops its store.
 */
import { cancelTimer, send, setTimer, type Draft } from './kernel';
import { filterStore, futureReplicas, gainedArcSources, gainers, merge, pendingChange, readMembers, statusOf, withMember, writeSet } from './membership';
import type { Membership, NodeId, Store } from './messages';
import type { ServerContext } from './serverContext';

type D = Draft<ServerContext>;

export const MEMBERSHIP_RETRY = 'membershipRetry';
export const REQUEST_RETRY = 'requestRetry';
export const HANDOFF_RETRY = 'handoffRetry';
export const WRITE_TIMER = 'replicaTimeout';

const isSeed = (c: ServerContext) => c.id === c.seed;
const hasBug = (c: ServerContext, bug: string) => c.bugs.includes(bug);

// ── adopting a newer epoch ───────────────────────────────────────────────────────

/** Takes `ring` if it is newer, then does what the new epoch asks of this server. */
export function adopt(d: D, ring: Membership): void {
  if (ring.epoch <= d.ctx.ring.epoch) return;
  d.ctx.ring = ring;
  const { id } = d.ctx;
  // Keep exactly the keys this server must still store: it is in their write set.
  d.ctx.store = filterStore(d.ctx.store, (key) => writeSet(ring, key, d.ctx).includes(id));
  // A put waiting on the old epoch's replicas may miss the new ones: the client retries it.
  for (const [wid, w] of Object.entries(d.ctx.writes)) {
    d.out.push(cancelTimer(`${WRITE_TIMER}.${wid}`), send(w.client, { type: 'PutFailed', op: w.op, reason: 'the ring changed', ring }));
  }
  if (Object.keys(d.ctx.writes).length > 0) d.ctx.writes = {};
  const mine = statusOf(ring, id);
  if ((d.ctx.want === 'join' && mine !== undefined) || (d.ctx.want === 'leave' && mine !== 'up')) {
    d.ctx.want = null;
    d.out.push(cancelTimer(REQUEST_RETRY));
  }
  resumeHandoff(d);
}

/** Starts the handoff this server's status asks for, or ends one that is over. */
export function resumeHandoff(d: D): void {
  const mine = statusOf(d.ctx.ring, d.ctx.id);
  const h = d.ctx.handoff;
  if (mine === 'joining' && h?.kind !== 'join') startPull(d);
  else if (mine === 'leaving' && h?.kind !== 'leave') startPush(d);
  else if (h && mine !== (h.kind === 'join' ? 'joining' : 'leaving')) {
    d.ctx.handoff = null;
    d.out.push(cancelTimer(HANDOFF_RETRY));
  }
}

// ── join: the new server pulls the arcs it gains ─────────────────────────────────

/** Old replicas that hold an arc this joiner gains. */
const pullSources = (c: ServerContext): NodeId[][] => gainedArcSources(c.ring, c.id, c);
const covered = (c: ServerContext, answered: readonly NodeId[]) => pullSources(c).every((arc) => arc.some((s) => answered.includes(s)));

function startPull(d: D): void {
  // `no-handoff`: the joiner declares itself ready without fetching anything.
  if (hasBug(d.ctx, 'no-handoff') || covered(d.ctx, [])) return finishHandoff(d, { kind: 'join', answered: [], done: true });
  d.ctx.handoff = { kind: 'join', answered: [], done: false };
  askForArcs(d);
}

function askForArcs(d: D): void {
  const h = d.ctx.handoff;
  const answered = h?.kind === 'join' ? h.answered : [];
  const ask = new Set(pullSources(d.ctx).flat().filter((s) => !answered.includes(s)));
  for (const s of [...ask].sort()) d.out.push(send(s, { type: 'Pull', ring: d.ctx.ring }));
  d.out.push(setTimer(HANDOFF_RETRY, d.ctx.timeout));
}

/** An old replica answers a joiner's Pull with the keys the joiner gains. */
export function answerPull(d: D, from: NodeId, ring: Membership): void {
  adopt(d, ring);
  // A Pull from another epoch gets no answer: the joiner asks again once the seed has told it
  // (or this server) the current epoch, so every answer is from the joiner's epoch.
  if (ring.epoch !== d.ctx.ring.epoch) return;
  const change = pendingChange(d.ctx.ring);
  if (change?.kind !== 'join' || change.server !== from) return;
  // `whole-store`: no range filter, the joiner is sent everything.
  const entries = hasBug(d.ctx, 'whole-store') ? d.ctx.store : filterStore(d.ctx.store, (key) => futureReplicas(d.ctx.ring, key, d.ctx).includes(from));
  d.out.push(send(from, { type: 'Transfer', ring: d.ctx.ring, entries }));
}

// ── leave: the departing server pushes to the servers that gain its keys ─────────

/** The keys a leaver still has to hand over, by the server that gains them. */
function pushPlan(c: ServerContext): Map<NodeId, Store> {
  const plan = new Map<NodeId, [string, Store[string]][]>();
  for (const [key, e] of Object.entries(c.store)) {
    for (const g of gainers(c.ring, key, c)) {
      if (!plan.has(g)) plan.set(g, []);
      plan.get(g)!.push([key, e]);
    }
  }
  // fromEntries defines own keys, so a key named "__proto__" stays data.
  return new Map([...plan].map(([g, entries]) => [g, Object.fromEntries(entries)]));
}

function startPush(d: D): void {
  const plan = pushPlan(d.ctx);
  for (const [g, entries] of plan) d.out.push(send(g, { type: 'Transfer', ring: d.ctx.ring, entries }));
  if (hasBug(d.ctx, 'drop-before-ack')) {
    // `drop-before-ack`: what is sent is deleted at once, and nobody is waited for.
    const sent = new Set([...plan.values()].flatMap((e) => Object.keys(e)));
    d.ctx.store = filterStore(d.ctx.store, (key) => !sent.has(key));
    return finishHandoff(d, { kind: 'leave', waiting: [], done: true });
  }
  const waiting = [...plan.keys()].sort();
  if (waiting.length === 0) return finishHandoff(d, { kind: 'leave', waiting, done: true });
  d.ctx.handoff = { kind: 'leave', waiting, done: false };
  d.out.push(setTimer(HANDOFF_RETRY, d.ctx.timeout));
}

function resendPush(d: D, waiting: readonly NodeId[]): void {
  const plan = pushPlan(d.ctx);
  for (const g of waiting) d.out.push(send(g, { type: 'Transfer', ring: d.ctx.ring, entries: plan.get(g) ?? {} }));
}

/** A Transfer: a joiner's pulled arcs, or a leaver's keys pushed to a gaining server. */
export function receiveTransfer(d: D, from: NodeId, ring: Membership, entries: Store): void {
  adopt(d, ring);
  if (ring.epoch !== d.ctx.ring.epoch) return;
  const h = d.ctx.handoff;
  if (h?.kind === 'join' && !h.done) {
    d.ctx.store = merge(d.ctx.store, entries);
    const answered = h.answered.includes(from) ? h.answered : [...h.answered, from];
    if (covered(d.ctx, answered)) finishHandoff(d, { kind: 'join', answered, done: true });
    else d.ctx.handoff = { ...h, answered };
    return;
  }
  const change = pendingChange(d.ctx.ring);
  if (change?.kind === 'leave' && change.server === from) {
    d.ctx.store = merge(d.ctx.store, entries);
    d.out.push(send(from, { type: 'TransferAck', epoch: ring.epoch }));
  }
}

export function receiveTransferAck(d: D, from: NodeId, epoch: number): void {
  const h = d.ctx.handoff;
  if (h?.kind !== 'leave' || h.done || epoch !== d.ctx.ring.epoch || !h.waiting.includes(from)) return;
  const waiting = h.waiting.filter((g) => g !== from);
  if (waiting.length === 0) finishHandoff(d, { kind: 'leave', waiting, done: true });
  else d.ctx.handoff = { ...h, waiting };
}

/** The handoff is over on this side: tell the seed, and keep telling it until it answers. */
function finishHandoff(d: D, h: NonNullable<ServerContext['handoff']>): void {
  d.ctx.handoff = h;
  d.out.push(setTimer(HANDOFF_RETRY, d.ctx.timeout));
  reportDone(d);
}

function reportDone(d: D): void {
  const h = d.ctx.handoff!;
  const msg = h.kind === 'join' ? ({ type: 'JoinDone', epoch: d.ctx.ring.epoch } as const) : ({ type: 'LeaveDone', epoch: d.ctx.ring.epoch } as const);
  if (isSeed(d.ctx)) seedReceive(d, d.ctx.id, msg.type, msg.epoch);
  else d.out.push(send(d.ctx.seed, msg));
}

/** The retry timer of a handoff: ask again whoever has not answered. */
export function retryHandoff(d: D): void {
  const h = d.ctx.handoff;
  if (!h) return;
  if (h.done) {
    d.out.push(setTimer(HANDOFF_RETRY, d.ctx.timeout));
    return reportDone(d);
  }
  if (h.kind === 'join') return askForArcs(d);
  resendPush(d, h.waiting);
  d.out.push(setTimer(HANDOFF_RETRY, d.ctx.timeout));
}

// ── join and leave requests ──────────────────────────────────────────────────────

/** The `join` or `leave` command at this server: ask the seed (or be it), and ask again on a
 * timer until the seed's answer shows it granted. */
export function request(d: D, kind: 'join' | 'leave'): void {
  d.ctx.want = kind;
  d.out.push(setTimer(REQUEST_RETRY, d.ctx.timeout));
  const type = kind === 'join' ? 'JoinRequest' : 'LeaveRequest';
  if (isSeed(d.ctx)) seedReceive(d, d.ctx.id, type, d.ctx.ring.epoch);
  else d.out.push(send(d.ctx.seed, { type, epoch: d.ctx.ring.epoch }));
}

export function retryRequest(d: D): void {
  if (d.ctx.want) request(d, d.ctx.want);
}

/** The seed's answer `Busy`: another change is under way, or this leave would empty the ring. */
export function receiveBusy(d: D, ring: Membership, final: boolean): void {
  adopt(d, ring);
  if (final && d.ctx.want) {
    d.ctx.want = null;
    d.out.push(cancelTimer(REQUEST_RETRY));
  }
}

// ── the seed ─────────────────────────────────────────────────────────────────────

type SeedRequest = 'JoinRequest' | 'LeaveRequest' | 'JoinDone' | 'LeaveDone';

/** The seed orders membership changes one at a time (Dynamo section 4.8.1 has an operator
 * issue them and gossip spread them; here one server issues and announces them). Each request
 * and report carries the sender's epoch and counts only at the seed's own: a late or duplicated
 * JoinDone or LeaveDone from an earlier join or leave of the same server must not end this one
 * (the seed would drop a leaver that never handed its keys over), and a late JoinRequest or
 * LeaveRequest must not join or remove a server again. */
export function seedReceive(d: D, from: NodeId, type: SeedRequest, epoch: number): void {
  const ring = d.ctx.ring;
  const status = statusOf(ring, from);
  const busy = pendingChange(ring) !== null;
  const stale = epoch !== ring.epoch;
  const answer = (final = false) => {
    if (from === d.ctx.id) {
      if (final) receiveBusy(d, ring, true);
      return;
    }
    d.out.push(send(from, busy || final ? { type: 'Busy', ring, final } : { type: 'Members', ring }));
  };
  switch (type) {
    case 'JoinRequest':
      if (status !== undefined || busy || stale) return answer();
      return announce(d, withMember(ring, from, 'joining'));
    case 'LeaveRequest':
      if (status !== 'up' || busy || stale) return answer();
      if (readMembers(ring).length === 1) return answer(true);
      return announce(d, withMember(ring, from, 'leaving'));
    case 'JoinDone':
      if (status !== 'joining' || stale) return answer();
      return announce(d, withMember(ring, from, 'up'));
    case 'LeaveDone':
      if (status !== 'leaving' || stale) return answer();
      return announce(d, withMember(ring, from, null));
  }
}

/** A new epoch: the seed adopts it and tells every other node until each acknowledges. */
function announce(d: D, ring: Membership): void {
  adopt(d, ring);
  tellUninformed(d);
}

export function tellUninformed(d: D): void {
  const late = d.ctx.peers.filter((p) => (d.ctx.informed[p] ?? 0) < d.ctx.ring.epoch);
  for (const p of late) d.out.push(send(p, { type: 'Members', ring: d.ctx.ring }));
  if (late.length > 0) d.out.push(setTimer(MEMBERSHIP_RETRY, d.ctx.timeout));
}

export function receiveMembersAck(d: D, from: NodeId, epoch: number): void {
  if (!isSeed(d.ctx) || epoch <= (d.ctx.informed[from] ?? 0)) return;
  d.ctx.informed = { ...d.ctx.informed, [from]: epoch };
  const ring = d.ctx.ring;
  if (d.ctx.peers.every((p) => (d.ctx.informed[p] ?? 0) >= ring.epoch)) d.out.push(cancelTimer(MEMBERSHIP_RETRY));
}
