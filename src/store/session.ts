/**
 * The session: one run of one scenario, a cursor in it, and playback. Views read `frame`
 * and call these actions; only the store steps the simulation.
 */
import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { Scenario } from '../scenario/types';
import { Simulation, forkScenario, type ActionWithoutTime } from '../sim/simulation';
import { ScenarioRuntimeError } from '../sim/world';
import { getProtocol } from '../protocols/loader';
import { deferUntilLoaded } from './protocolLoad';
import { computeFrame } from './frame';
import { uiSlice } from './ui';
import type { Lang } from '../i18n';
import { DEFAULT_SPEED, MAX_SPEED, MIN_SPEED, TICK_EVENTS, TICK_MS, type Notice, type SessionState } from './sessionState';
import { ROOM, at, cursorOf, extension, refusal, stepsUpTo } from './sessionSteps';

export type { ActionWithoutTime };
export { MIN_SPEED, MAX_SPEED, DEFAULT_SPEED, TICK_EVENTS } from './sessionState';
export type { Notice, SessionState } from './sessionState';
export { extension } from './sessionSteps';

export function createSession(initial: Scenario, lang: Lang = 'en') {
  return createStore<SessionState>()(
    subscribeWithSelector((set, get) => {
      /** Moves the cursor and recomputes the frame: the one place that does. */
      const show = (sim: Simulation, step: number, time: number, extra: Partial<SessionState> = {}) => {
        // Never before the start events: before them a node has no state to show.
        step = Math.max(step, Math.min(sim.scenario.nodes.length, sim.eventCount));
        const same = get().sim === sim;
        // Same run, same step: the same world (the live head, or the past already sought),
        // unless that world was the head and has since recorded further.
        const world = same && get().frame.step === step && get().world.eventCount === step ? get().world : at(sim, step);
        const prev = same ? get().frame : undefined;
        set({ sim, world, frame: computeFrame(sim, world, step, time, prev), seen: same ? Math.max(get().seen, step) : step, ...extra });
      };
      const guard = (fn: () => void) => {
        try {
          fn();
        } catch (e) {
          if (!(e instanceof ScenarioRuntimeError)) throw e;
          set({ playing: false, notice: { kind: 'error', key: 'notice.runError', detail: e.message } });
        }
      };
      const failed = (detail: string) => set({ notice: { kind: 'error', key: 'notice.runError', detail } });
      const start = (scenario: Scenario, step?: number) => {
        const module = getProtocol(scenario.protocol);
        if (!module) throw new Error(`unknown protocol ${scenario.protocol}`);
        const sim = new Simulation(module, scenario);
        sim.advanceTo(0);
        if (step !== undefined) while (sim.eventCount < step && sim.step());
        return { module, ...cursorOf(sim, step) };
      };
      const first = start(initial);
      const world0 = first.sim.current;

      return {
        ...uiSlice(set, lang),
        module: first.module,
        sim: first.sim,
        world: world0,
        frame: computeFrame(first.sim, world0, first.cursor, first.time),
        seen: first.cursor,
        revision: 0,
        beforeReplace: null,
        replacesUndone: 0,
        beforeFork: null,
        playing: false,
        speed: DEFAULT_SPEED,
        notice: null,

        load(scenario, step) {
          if (deferUntilLoaded(scenario, () => get().load(scenario, step), failed)) return;
          guard(() => {
            const { module, sim, cursor, time } = start(scenario, step);
            show(sim, cursor, time, { module, playing: false, beforeFork: null, beforeReplace: null, revision: get().revision + 1, selection: null, notice: null, runTitle: null });
          });
        },

        replace(scenario, step) {
          if (deferUntilLoaded(scenario, () => get().replace(scenario, step), failed)) return;
          const { sim, frame } = get();
          const before = { scenario: structuredClone(sim.scenario), step: frame.step, time: frame.time };
          get().load(scenario, step);
          // A run that failed to load kept the old one and said why.
          if (get().sim === sim) return;
          set({ beforeReplace: before, notice: { kind: 'info', key: 'newcomer.replaced' } });
        },

        adopt(recorded, step) {
          const { sim: old, frame } = get();
          const before = { scenario: structuredClone(old.scenario), step: frame.step, time: frame.time };
          const { sim, cursor, time } = cursorOf(recorded, step);
          show(sim, cursor, time, { module: sim.module, playing: false, beforeFork: null, beforeReplace: before, revision: get().revision + 1, selection: null, notice: { kind: 'info', key: 'newcomer.replaced' } });
        },

        undoReplace() {
          const before = get().beforeReplace;
          if (!before) return;
          get().load(before.scenario, before.step);
          get().seekStep(before.step, before.time);
          set({ beforeReplace: null, notice: null, replacesUndone: get().replacesUndone + 1 });
        },

        act(action) {
          const refused = refusal(get(), action);
          if (refused) {
            set({ notice: { kind: 'error', key: 'notice.actionRefused', detail: refused } });
            return;
          }
          if (get().beforeReplace) set({ beforeReplace: null });
          guard(() => {
            const { sim, frame } = get();
            const time = Math.floor(frame.time);
            // Too close to the end for the action to play out: the run goes on.
            const until = sim.scenario.until;
            const extended = until - frame.time < ROOM ? Math.max(until, time + extension(until)) : null;
            const extendedNotice: Notice | null = extended === null ? null : { kind: 'info', key: 'notice.extended', detail: String(extended) };
            if (frame.step >= sim.eventCount && frame.time >= sim.current.time) {
              if (extended !== null) sim.scenario.until = extended;
              sim.append(action, time);
              sim.advanceTo(frame.time);
              show(sim, sim.eventCount, frame.time, { revision: get().revision + 1, ...(extendedNotice ? { notice: extendedNotice } : {}) });
              return;
            }
            // In the past (or behind a clock that ran on to the end): the run forks here, and
            // any later events are dropped (one undo kept).
            const dropping = frame.step < sim.eventCount;
            const scenario = forkScenario(sim, frame.step - 1, action, time);
            if (extended !== null) scenario.until = Math.max(scenario.until, extended);
            const forked = new Simulation(get().module, scenario);
            forked.advanceTo(frame.time);
            show(forked, forked.eventCount, frame.time, {
              revision: get().revision + 1,
              beforeFork: dropping ? { scenario: structuredClone(sim.scenario), step: frame.step, head: sim.eventCount } : get().beforeFork,
              // Only a future with actions in it (scripted or the user's) is work to lose.
              notice: dropping && frame.dropsActions ? { kind: 'info', key: 'notice.forked' } : extendedNotice,
            });
          });
        },

        pick(choice) {
          const due = Math.max(get().frame.time, choice.dueAt);
          if (get().beforeReplace) set({ beforeReplace: null });
          guard(() => {
            const { sim } = get();
            if (get().frame.step < sim.eventCount) get().seekStep(sim.eventCount);
            const action: ActionWithoutTime = choice.kind === 'deliver' ? { do: 'deliver', message: choice.message.id } : { do: 'fire', node: choice.node, timer: choice.timer };
            sim.append(action, Math.floor(due));
            sim.advanceTo(due);
            show(sim, sim.eventCount, due, { revision: get().revision + 1 });
          });
        },

        setSchedule(mode) {
          if (get().frame.mode === mode) return;
          get().act({ do: 'schedule', mode });
          if (mode === 'manual') set({ playing: false });
        },

        undoFork() {
          const before = get().beforeFork;
          if (!before) return;
          // Replay the old run to its old head (deterministic: the same events), then put the
          // cursor back where the user acted.
          get().load(before.scenario, before.head);
          get().seekStep(before.step);
          set({ beforeFork: null, notice: null });
        },

        play() {
          const { frame } = get();
          if (frame.mode === 'manual') return;
          // At the end, Play replays from the start, and says so.
          if (frame.finished) {
            get().seekStep(0);
            set({ notice: { kind: 'info', key: 'newcomer.replaying' } });
          }
          set({ playing: true });
        },
        pause: () => set({ playing: false }),
        togglePlay: () => (get().playing ? get().pause() : get().play()),
        setSpeed: (speed) => set({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) }),

        tick(realMs) {
          const { playing, speed, sim, frame, peerStop } = get();
          if (!playing || frame.mode === 'manual') return;
          const until = sim.scenario.until;
          const wanted = Math.min(until, frame.time + realMs * speed);
          guard(() => {
            // A compared run's violation on the way is a stop too, wherever the frames fall.
            const peer = peerStop?.(frame.time, wanted) ?? null;
            let time = peer ? peer.time : wanted;
            // Record what is due (the head only grows when the cursor is there), at most
            // TICK_EVENTS and TICK_MS per tick: thousands of events at one instant play over several
            // frames instead of freezing the page, the cursor waiting at the last recorded.
            if (frame.step >= sim.eventCount) {
              const t0 = performance.now();
              let cut = false;
              for (let n = 0; !cut && sim.step(time); n++) cut = n + 1 >= TICK_EVENTS || ((n & 63) === 63 && performance.now() - t0 > TICK_MS);
              if (cut && sim.events.length > 0) time = Math.min(time, sim.events.at(-1)!.time);
            }
            const reached = stepsUpTo(sim, time);
            // A violation on the way pauses playback at its step, however long the tick was.
            const hit = sim.violations.find((v) => v.seq >= frame.step && v.seq < reached);
            if (hit) {
              show(sim, hit.seq + 1, sim.events[hit.seq]!.time, { playing: false });
              return;
            }
            if (peer) {
              show(sim, reached, time, { playing: false, notice: { kind: 'info', key: 'notice.compareViolation', detail: peer.detail } });
              return;
            }
            const done = reached >= sim.eventCount && sim.done && time >= until;
            show(sim, reached, time, done ? { playing: false } : {});
          });
        },

        stepForward() {
          guard(() => {
            const { sim, frame } = get();
            if (frame.step < sim.eventCount) {
              show(sim, frame.step + 1, Math.max(frame.time, sim.events[frame.step]!.time));
              return;
            }
            // The manual schedule waits for a pick: Step takes the first pending event.
            if (frame.mode === 'manual') {
              const first = frame.enabled[0];
              if (first) get().pick(first);
              return;
            }
            const ev = sim.step();
            if (ev) show(sim, sim.eventCount, Math.max(frame.time, ev.time), { playing: false, revision: get().revision });
            else set({ playing: false });
          });
        },

        stepBack() {
          const { sim, frame } = get();
          if (frame.step <= 0) return;
          const step = frame.step - 1;
          show(sim, step, step > 0 ? sim.events[step - 1]!.time : 0, { playing: false });
        },

        seekStep(step, time) {
          const { sim } = get();
          guard(() => {
            // With a time (a link's, a saved session's: between two events), record what is due
            // by then, as the sender's run had, not one event past it (its counter read 13 of 14).
            while (sim.eventCount < step && sim.step());
            if (time !== undefined && sim.eventCount <= step) sim.advanceTo(Math.min(time, sim.scenario.until));
            const k = Math.max(0, Math.min(step, sim.eventCount));
            const at = k > 0 ? sim.events[k - 1]!.time : 0;
            const next = sim.events[k]?.time ?? sim.scenario.until;
            show(sim, k, time === undefined ? at : Math.max(at, Math.min(time, next, sim.scenario.until)));
          });
        },

        seekTime(time) {
          const { sim } = get();
          const t = Math.max(0, Math.min(time, sim.events.at(-1)?.time ?? 0));
          show(sim, stepsUpTo(sim, t), t, { playing: false });
        },

        followTime(time) {
          const { sim } = get();
          const t = Math.max(0, Math.min(time, sim.scenario.until));
          guard(() => {
            sim.advanceTo(t);
            show(sim, stepsUpTo(sim, t), t);
          });
        },

        recordAhead(stop, maxEvents) {
          const { sim, frame } = get();
          let found = false;
          guard(() => {
            for (let i = 0; i < maxEvents && !found; i++) {
              const seen = sim.violations.length;
              const ev = sim.step();
              if (!ev) break;
              found = stop(ev, sim.violations.length > seen);
            }
          });
          show(sim, frame.step, frame.time);
          return found;
        },

        setNotice: (notice) => set({ notice }),
        peerStop: null,
      };
    }),
  );
}

export type SessionStore = ReturnType<typeof createSession>;
