/**
 * Shrinks a counterexample, in the order of issue 12: make the random network decisions that
 * mattered explicit, remove actions (ddmin), simplify them (partition → one-way cut, drop →
 * delay), shrink times, try fewer nodes, rename nodes canonically. Every accepted step is a run
 * that breaks the same invariant, so the result re-checks by construction; the last step
 * checks it once more.
 */
import type { ProtocolModule } from '../../protocols/types';
import type { Action, Scenario } from '../../scenario/types';
import { isKernelAction } from '../../scenario/types';
import { ddmin } from './ddmin';
import { explicitLosses } from './losses';
import { exciseSegments, lowerRates, removePairs } from './shrinkPasses';
import { earlier, simplify } from './shrinkSteps';
import { firstBreak, ShrinkRunner } from './shrinkRunner';

export { breaksAt } from './shrinkRunner';

/** Rounds of steps 2–4 at most (a round that changes nothing ends them sooner). */
const MAX_ROUNDS = 4;
/** Candidates per round for segment removal (about n² × offsets for n actions). */
const EXCISE_BUDGET = 600;

export type ShrinkStep = 'check' | 'network' | 'actions' | 'simplify' | 'times' | 'nodes' | 'rename' | 'recheck';

export interface ShrinkResult {
  scenario: Scenario;
  runs: number;
  /** Actions at the start of the action steps, once the random network decisions that
   * mattered are explicit: what the counterexample was shrunk from. */
  from: number;
  /** Whether the final scenario was re-run and still breaks the invariant. */
  confirmed: boolean;
  /** The final scenario's violation message, from that re-run (absent if not confirmed): the
   * original run's message names other terms, values and nodes than the run a user opens. */
  message?: string;
  /** Candidates answered from memory (tried before), not run again. */
  hits: number;
  /** Runs, memory hits and kept candidates per pass (`ddmin2`: ddmin in round 2). */
  perPass: Map<string, { runs: number; hits: number; kept: number }>;
}

export interface ShrinkProgress {
  step: ShrinkStep;
  actions: number;
  runs: number;
}

export interface ShrinkOptions {
  budget?: number;
  /** At each step's start: the step, the scenario so far and the runs so far. */
  onStep?: (step: ShrinkStep, s: Scenario, runs: number) => void;
  /** After every candidate run (memory hits are not runs): the step, actions and runs so far. */
  onRun?: (p: ShrinkProgress) => void;
  /** Answer candidates tried before from memory (default true; false only to compare). */
  memo?: boolean;
  /** The rounds' schedule (default LEAN; FULL is session 5's schedule). */
  schedule?: ShrinkSchedule;
}

export interface ShrinkSchedule {
  /** A round after one that changed only times ends after its removal passes when they
   * remove nothing (no segments, simplify, rates or times again): on the bench's cases such
   * rounds only moved times again, never letting an action go. */
  stopAfterTimesOnly: boolean;
  /** Segments are not tried again once a segment pass removed nothing: on the bench's cases
   * a segment pass after a fruitless one never removed anything, at up to 600 runs. */
  segmentsUntilDry: boolean;
}

export const LEAN: ShrinkSchedule = { stopAfterTimesOnly: true, segmentsUntilDry: true };
export const FULL: ShrinkSchedule = { stopAfterTimesOnly: false, segmentsUntilDry: false };

/** What removal and simplification change: everything but the times. */
const structure = (s: Scenario) => JSON.stringify({ network: s.network, nodes: s.nodes, actions: s.actions.map(({ at: _a, ...rest }) => rest) });

const mentions = (a: Action, node: string): boolean =>
  ('node' in a && a.node === node) || ('from' in a && a.from === node) || ('to' in a && a.to === node);

function withoutNode(s: Scenario, node: string): Scenario {
  const actions: Action[] = [];
  for (const a of s.actions) {
    if (mentions(a, node)) continue;
    if (a.do === 'partition') {
      const groups = (a as { groups: string[][] }).groups.map((g) => g.filter((x) => x !== node)).filter((g) => g.length > 0);
      if (groups.length < 2) continue;
      actions.push({ ...a, groups } as Action);
    } else actions.push(a);
  }
  const links = s.network.links?.filter((l) => l.from !== node && l.to !== node);
  return { ...s, nodes: s.nodes.filter((n) => n !== node), actions, network: { ...s.network, ...(links ? { links } : {}) } };
}

function renamed(s: Scenario, map: Map<string, string>): Scenario {
  const r = (x: string) => map.get(x) ?? x;
  const actions = s.actions.map((a) => {
    const b = { ...a } as Record<string, unknown>;
    for (const k of ['node', 'from', 'to']) if (typeof b[k] === 'string') b[k] = r(b[k] as string);
    if (Array.isArray(b.groups)) b.groups = (b.groups as string[][]).map((g) => g.map(r));
    return b as unknown as Action;
  });
  const links = s.network.links?.map((l) => ({ ...l, from: r(l.from), to: r(l.to) }));
  return { ...s, nodes: s.nodes.map(r).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b)), actions, network: { ...s.network, ...(links ? { links } : {}) } };
}

const isClientOp = (a: Action) => !isKernelAction(a);

function dropClientOps(start: Scenario, accept: (s: Scenario) => boolean): void {
  let cur = start;
  const without = (gone: (a: Action) => boolean) => {
    const next = { ...cur, actions: cur.actions.filter((a) => !gone(a)) };
    if (next.actions.length < cur.actions.length && accept(next)) cur = next;
  };
  without(isClientOp);
  for (const kind of new Set(cur.actions.filter(isClientOp).map((a) => a.do))) {
    without((a) => a.do === kind);
    const ops = cur.actions.filter((a) => a.do === kind);
    without((a) => ops.indexOf(a) >= 0 && ops.indexOf(a) < ops.length / 2);
    without((a) => ops.indexOf(a) >= ops.length / 2);
  }
  for (let i = cur.actions.length - 1; i >= 0; i--) if (isClientOp(cur.actions[i]!)) without((a) => a === cur.actions[i]);
}

/** Tries each crash with its same-step drops folded into `loseOutbox`, one crash at a time. */
function mergeCrashDrops(start: Scenario, accept: (s: Scenario) => boolean): void {
  let cur = start;
  const crashes = start.actions.filter((a) => a.do === 'crash' && a.step !== undefined);
  for (const c of crashes) {
    const i = cur.actions.indexOf(c);
    if (i < 0) continue;
    const same = (a: Action) => a.do === 'drop' && a.at === c.at && a.step === c.step;
    if (!cur.actions.some(same)) continue;
    const next = { ...cur, actions: cur.actions.filter((a) => !same(a)).map((a) => (a === c ? ({ ...c, loseOutbox: true } as Action) : a)) };
    if (accept(next)) cur = next;
  }
}

export function shrink(
  module: ProtocolModule,
  original: Scenario,
  invariant: string,
  opts: ShrinkOptions = {},
): ShrinkResult {
  const budget = opts.budget ?? 4000;
  let cur: Scenario = { ...original, name: 'explorer-counterexample' };
  let step: ShrinkStep = 'check';
  const onRun = opts.onRun;
  const runner = new ShrinkRunner(module, invariant, budget, onRun && ((runs) => onRun({ step, actions: cur.actions.length, runs })), opts.memo ?? true);
  const fails = (s: Scenario): boolean => runner.fails(s);
  const note = (next: ShrinkStep) => {
    step = next;
    runner.pass = step;
    opts.onStep?.(step, cur, runner.runs);
  };
  let round = 0;
  const pass = (name: string) => (runner.pass = `${name}${round + 1}`);
  const done = (confirmed: boolean, message?: string) => ({ scenario: cur, runs: runner.runs, from, confirmed, ...(message !== undefined ? { message } : {}), hits: runner.hits, perPass: runner.perPass });
  const accept = (next: Scenario) => {
    if (fails(next)) {
      runner.count('kept');
      cur = next;
      return true;
    }
    return false;
  };
  note('check');
  let from = cur.actions.length;
  if (!fails(cur)) return done(false);

  // 1. Random network decisions: a counterexample reads better without them. Zero the rates if
  //    the bug survives that; else (versions 1 and 2) turn the random losses into explicit drop
  //    actions (DEMi's "externalize"), which keeps removal from re-drawing them. Version 3
  //    draws a loss from the message's causal key, which removal does not shift, so its losses
  //    stay random: explicit drops name messages by id, ids shift when an earlier action goes,
  //    so each drop would pin every action before it, and each loss that mattered would be one
  //    more action (one Zab counterexample: 14 actions at a 15 % loss rate, or 30 with its 16
  //    losses as drops).
  note('network');
  if (cur.network.drop > 0 || cur.network.duplicate > 0) {
    if (!accept({ ...cur, network: { ...cur.network, drop: 0, duplicate: 0 } })) {
      accept({ ...cur, network: { ...cur.network, duplicate: 0 } });
      if (cur.network.drop > 0 && cur.version < 3 && accept(explicitLosses(module, cur).scenario)) from = cur.actions.length;
    }
  }
  const current = () => cur;
  // Version 3 keeps its losses random: fewer of them, at a lower rate, where the bug allows.
  if (cur.version >= 3) lowerRates(current, accept);

  // 2. Remove actions. A crash together with drops of the messages its node had just sent
  //    (placed at one step: a triggered fault) becomes one crash that loses its outbox: drops
  //    name messages by id, and ids shift when an earlier action goes, so they pin every
  //    action before them.
  mergeCrashDrops(cur, accept);
  // Steps 2 to 4 repeat until a round changes nothing: a simpler action or an earlier time
  // often lets an action go that could not before (a crash moved next to its restart, a
  // trace position dropped), and a removal lets times move again. LEAN ends a round early
  // after a times-only round when its removals find nothing, and stops segments once dry.
  let excisedShape = '';
  const schedule = opts.schedule ?? LEAN;
  let timesOnly = false;
  for (round = 0; round < MAX_ROUNDS && !runner.spent; round++) {
    const before = JSON.stringify(cur);
    const shapeBefore = structure(cur);
    note('actions');
    pass('ddmin');
    const kept = ddmin(cur.actions, (subset) => fails({ ...cur, actions: subset.slice() }), Math.max(0, budget - runner.runs));
    if (kept.length < cur.actions.length) {
      runner.count('kept');
      cur = { ...cur, actions: kept };
    }
    // A lone remaining action may still be removable one at a time (ddmin tried complements).
    pass('singles');
    for (let i = cur.actions.length - 1; i >= 0; i--) accept({ ...cur, actions: cur.actions.filter((_, j) => j !== i) });
    // Client operations often matter only together (each shifts the timing the others left):
    // try without all of one kind, then without each kind's half, then one at a time again.
    pass('clientOps');
    dropClientOps(cur, accept);
    // Actions that matter only together: a fault and its undoing, neighbours, and whole
    // episodes with the time they took (shrinkPasses.ts).
    pass('pairs');
    removePairs(current, accept);
    if (schedule.stopAfterTimesOnly && timesOnly && structure(cur) === shapeBefore) break;
    // Segments cost about n² × offsets runs: not again for the same actions at other times.
    const shape = JSON.stringify(cur.actions.map(({ at: _a, step: _s, ...rest }) => rest));
    if (shape !== excisedShape && !(schedule.segmentsUntilDry && excisedShape)) {
      const n = cur.actions.length;
      pass('segments');
      exciseSegments(current, accept, Math.min(EXCISE_BUDGET, Math.max(0, budget - runner.runs)));
      if (cur.actions.length === n) excisedShape = shape;
    }

    // 3. Simpler actions: a partition becomes a one-way cut, a drop a delay, forks lose their
    //    trace positions, restarts keep their disk, crashes keep their outbox.
    note('simplify');
    pass('simplify');
    simplify(current, accept);
    // With fewer actions the random faults may matter less.
    pass('rates');
    if (cur.version >= 3) lowerRates(current, accept, 2);

    // 4. Times: the run ends at the violation; each action moves as early as it can.
    note('times');
    pass('times');
    earlier(current, accept, (s) => runner.breaksAt(s));
    if (JSON.stringify(cur) === before) break;
    timesOnly = structure(cur) === shapeBefore;
  }

  // 5. Fewer nodes, from the last.
  note('nodes');
  for (let i = cur.nodes.length - 1; i >= 0 && cur.nodes.length > module.minNodes; i--) {
    accept(withoutNode(cur, cur.nodes[i]!));
  }

  // 6. Canonical names: n1, n2, … in order of first mention, then the rest.
  note('rename');
  const order: string[] = [];
  for (const a of cur.actions) for (const k of ['node', 'from', 'to'] as const) {
    const v = (a as Record<string, unknown>)[k];
    if (typeof v === 'string' && !order.includes(v)) order.push(v);
  }
  for (const n of cur.nodes) if (!order.includes(n)) order.push(n);
  const map = new Map(order.map((n, i) => [n, `n${i + 1}`]));
  if ([...map].some(([a, b]) => a !== b)) accept(renamed(cur, map));

  note('recheck');
  // Run again, not from memory: this is the check that the result breaks the invariant.
  const last = firstBreak(module, cur, invariant);
  runner.runs++;
  return done(last !== null, last?.message);
}
