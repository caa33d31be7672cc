/**
 * Compare mode: a second session that runs the scenario's compare run (scenario/compare.ts)
 * and follows the first session's cursor by simulated time.
 *
 * The first session owns the scenario. Acting, seeking and playing from the second pane go
 * to it, and the second run is rebuilt whenever the scenario it derives from changes. Only
 * selection and the dialogs stay the pane's own.
 */
import { compareScenario, sharedAction } from '../scenario/compare';
import type { Scenario } from '../scenario/types';
import { getProtocol } from '../protocols/loader';
import { createSession, type SessionState, type SessionStore } from './session';
import { invariantsOf } from '../check/invariants';

export interface CompareLink {
  store: SessionStore;
  dispose(): void;
}

const scenarioKey = (s: Scenario | null) => (s ? JSON.stringify(s) : '');

/** The second session of `first`'s compare scenario, kept in step; null without `compare`. */
export function linkCompare(first: SessionStore): CompareLink | null {
  const initial = compareScenario(first.getState().sim.scenario);
  if (!initial) return null;
  const second = createSession(initial, first.getState().lang);
  const own: Pick<SessionState, 'load' | 'followTime'> = { load: second.getState().load, followTime: second.getState().followTime };
  const lead = () => first.getState();

  second.setState({
    // A node is the same node in both runs: selecting it in either pane selects it in both (the
    // toolbar acts on the one script). A message id names another message in the other run.
    select: (sel) => (sel?.kind === 'message' ? second.setState({ selection: sel }) : lead().select(sel)),
    // Message ids name other messages in the first run: those actions stay with this pane.
    act: (a) => (sharedAction(a as Parameters<typeof sharedAction>[0]) ? lead().act(a) : lead().setNotice({ kind: 'info', key: 'notice.otherRunMessage' })),
    // A manual schedule and message-level actions belong to the first run only.
    pick: () => {},
    setSchedule: (mode) => lead().setSchedule(mode),
    undoFork: () => lead().undoFork(),
    play: () => lead().play(),
    pause: () => lead().pause(),
    togglePlay: () => lead().togglePlay(),
    setSpeed: (speed) => lead().setSpeed(speed),
    tick: () => {},
    stepForward: () => lead().stepForward(),
    stepBack: () => lead().stepBack(),
    // By time, recording the first run that far if needed: the second may have recorded
    // further (a violation seen while following).
    seekStep: (step) => {
      const ev = second.getState().sim.events[step - 1];
      lead().pause();
      lead().followTime(ev ? ev.time : 0);
    },
    seekTime: (time) => {
      lead().pause();
      lead().followTime(time);
    },
  });

  let key = scenarioKey(initial);
  const follow = (s: SessionState, rederive: boolean, selected = false) => {
    if (rederive) {
      const derived = compareScenario(s.sim.scenario);
      if (!derived) return;
      const next = scenarioKey(derived);
      if (next !== key) {
        key = next;
        own.load(derived);
      }
    }
    own.followTime(s.frame.time);
    // A node selection made in either pane reaches both; a message selected here stays.
    second.setState({ playing: s.playing, lang: s.lang, ...(selected && s.selection?.kind !== 'message' ? { selection: s.selection } : {}) });
  };
  // Playback asks before each tick where the compared run breaks an invariant, so both runs
  // stop at the same instant at any frame rate.
  first.setState({
    peerStop: (from, to) => {
      const { sim, module } = second.getState();
      sim.advanceTo(to);
      const v = sim.violations.find((x) => {
        const t = sim.events[x.seq]!.time;
        return t > from && t <= to;
      });
      if (!v) return null;
      const time = sim.events[v.seq]!.time;
      const name = invariantsOf(module).find((i) => i.id === v.invariant)?.name ?? v.invariant;
      return { time, detail: `${module.name}: ${name} (${time} ms)` };
    },
  });
  follow(first.getState(), false);
  const off = first.subscribe((s, prev) => {
    // The scenario changes only with a new run or a new revision: re-derive only then.
    const rederive = s.sim !== prev.sim || s.revision !== prev.revision;
    const selected = s.selection !== prev.selection;
    if (rederive || selected || s.frame !== prev.frame || s.playing !== prev.playing || s.lang !== prev.lang) follow(s, rederive, selected);
  });
  return {
    store: second,
    dispose: () => {
      off();
      first.setState({ peerStop: null });
    },
  };
}

/**
 * `scenario` compared with `protocolId` and these bug switches. Parameters the other protocol
 * also takes (a timeout of the same name) carry over when they are valid there; the rest take
 * its defaults. The result still needs validating: the script may not suit that protocol.
 */
export function compareWith(scenario: Scenario, protocolId: string, bugs: readonly string[]): Scenario {
  const module = getProtocol(protocolId);
  const params: Scenario['params'] = { bugs: [...bugs] };
  for (const spec of module?.params ?? []) {
    const value = scenario.params[spec.name];
    if (value !== undefined && spec.check(value) === null) params[spec.name] = value;
  }
  return { ...scenario, compare: { protocol: protocolId, params } };
}

/** `scenario` without its second run. */
export function withoutCompare(scenario: Scenario): Scenario {
  const { compare: _compare, ...rest } = scenario;
  return rest;
}
