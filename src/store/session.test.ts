import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from './session';
import { raft } from '../protocols/raft';
import { runScenario } from '../sim/simulation';
import { freeCluster, DEFAULT_SETTINGS } from './settings';

/** The few Raft fields these tests read (the store never knows a protocol's state shape). */
interface RaftObservable {
  [key: string]: unknown;
  role: string;
  currentTerm: number;
  votedFor: string | null;
}

// A playback tick also stops after TICK_MS of wall time, so on a loaded machine one tick could
// cover less simulated time than asked. These tests count simulated time per tick: freeze the
// wall clock so that a tick is cut only by its event budget.
beforeEach(() => {
  vi.spyOn(performance, 'now').mockReturnValue(0);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const scenario = (name: string) => raft.scenarios.find((s) => s.name === name)!;
const roles = (store: ReturnType<typeof createSession>) => store.getState().frame.nodes.map((n) => (n.state as RaftObservable).role);

describe('session store', () => {
  it('plays: simulated time follows real time × speed, and stops at the end of the run', () => {
    const store = createSession(scenario('happy-path'));
    const s = store.getState();
    s.setSpeed(1);
    s.play();
    store.getState().tick(100);
    expect(store.getState().frame.time).toBe(100);
    expect(roles(store)).toContain('leader');
    for (let i = 0; i < 20; i++) store.getState().tick(100);
    expect(store.getState().frame.time).toBe(1000);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().frame.finished).toBe(true);
  });

  it('shows messages in flight at the cursor time', () => {
    const store = createSession(scenario('happy-path'));
    store.getState().setSpeed(1);
    store.getState().play();
    store.getState().tick(5); // n1's RequestVotes are on the wire
    const flying = store.getState().frame.inFlight;
    expect(flying.length).toBeGreaterThan(0);
    for (const f of flying) expect(f.message.sentAt <= 5 && f.message.arriveAt > 5).toBe(true);
  });

  it('acting at the head records an action that a fresh run replays exactly', () => {
    const store = createSession(freeCluster(DEFAULT_SETTINGS));
    store.getState().setSpeed(1);
    store.getState().play();
    for (let i = 0; i < 8; i++) store.getState().tick(50);
    const leader = store.getState().frame.nodes.find((n) => (n.state as RaftObservable).role === 'leader')!;
    store.getState().act({ do: 'crash', node: leader.id });
    expect(store.getState().frame.nodes.find((n) => n.id === leader.id)!.up).toBe(false);
    for (let i = 0; i < 20; i++) store.getState().tick(50);
    const { sim } = store.getState();
    expect(sim.scenario.actions).toEqual([expect.objectContaining({ do: 'crash', node: leader.id, at: 400 })]);
    const replay = runScenario(raft, { ...sim.scenario, until: 1400 });
    expect(JSON.stringify(replay.events.slice(0, sim.eventCount))).toBe(JSON.stringify(sim.events));
    // A new leader, in a higher term.
    const newLeader = store.getState().frame.nodes.filter((n) => n.up).map((n) => n.state as RaftObservable).find((x) => x.role === 'leader');
    expect(newLeader?.currentTerm).toBeGreaterThan(1);
  });

  it('steps back and forward through recorded events', () => {
    const store = createSession(scenario('happy-path'));
    store.getState().seekStep(40);
    const at40 = store.getState().frame;
    store.getState().stepBack();
    expect(store.getState().frame.step).toBe(39);
    store.getState().stepForward();
    expect(store.getState().frame.step).toBe(40);
    expect(store.getState().frame.nodes).toEqual(at40.nodes);
  });

  it('seeks by time within the recorded run', () => {
    const store = createSession(scenario('happy-path'));
    store.getState().seekStep(1e9);
    store.getState().seekTime(205.5);
    const { frame, sim } = store.getState();
    expect(frame.time).toBe(205.5);
    expect(sim.events[frame.step - 1]!.time).toBeLessThanOrEqual(205.5);
    expect(sim.events[frame.step]!.time).toBeGreaterThan(205.5);
    store.getState().seekTime(1e9);
    expect(store.getState().frame.step).toBe(sim.eventCount);
  });

  it('acting in the past forks the run, tells the user, and can be undone once', () => {
    const store = createSession(scenario('leader-crash'));
    store.getState().seekStep(1e9);
    const head = store.getState().frame.head;
    store.getState().seekStep(30);
    store.getState().act({ do: 'crash', node: 'n2' });
    const s = store.getState();
    expect(s.notice?.key).toBe('notice.forked');
    // The old future (n1's crash at 300 and its restart) is gone; the new crash ends the plan.
    expect(s.sim.scenario.actions.map((a) => [a.do, (a as { node?: string }).node])).toEqual([['timeout', 'n1'], ['request', 'n1'], ['crash', 'n2']]);
    expect(s.frame.head).toBeLessThan(head);
    s.undoFork();
    expect(store.getState().sim.scenario.actions.map((a) => a.do)).toEqual(['timeout', 'request', 'crash', 'restart']);
    expect(store.getState().frame.step).toBe(30);
    expect(store.getState().frame.head).toBe(head); // the old future is recorded again
    expect(store.getState().beforeFork).toBeNull();
  });

  it('remembers the furthest step shown: a run opened at a step has seen nothing after it', () => {
    const store = createSession(scenario('leader-crash'));
    // Opened and placed at step 12 with more recorded ahead (a tour's first step).
    store.getState().load(scenario('leader-crash'));
    store.getState().recordAhead(() => false, 200);
    store.getState().seekStep(12);
    expect(store.getState().frame.head).toBeGreaterThan(12);
    expect(store.getState().seen).toBe(12);
    // The user goes on, then back: the later steps were seen.
    store.getState().seekStep(40);
    store.getState().seekStep(20);
    expect(store.getState().seen).toBe(40);
    // Another run starts over.
    store.getState().load(scenario('happy-path'), 8);
    expect(store.getState().seen).toBe(8);
  });

  it('manual schedule: nothing happens until the user picks; a pick is recorded and replays', () => {
    const store = createSession(freeCluster(DEFAULT_SETTINGS));
    store.getState().setSchedule('manual');
    store.getState().play();
    expect(store.getState().playing).toBe(false);
    const timer = store.getState().frame.enabled.find((e) => e.kind === 'fire' && e.node === 'n3')!;
    store.getState().pick(timer);
    expect((store.getState().frame.nodes[2]!.state as RaftObservable).role).toBe('candidate');
    const vote = store.getState().frame.enabled.find((e) => e.kind === 'deliver' && e.message.to === 'n1')!;
    store.getState().pick(vote);
    const n1 = store.getState().frame.nodes[0]!.state as RaftObservable;
    expect(n1.votedFor).toBe('n3');
    const { sim } = store.getState();
    expect(JSON.stringify(runScenario(raft, sim.scenario).events.slice(0, sim.eventCount))).toBe(JSON.stringify(sim.events));
  });

  it('a run error stops playback with a notice instead of crashing the app', () => {
    const store = createSession(freeCluster(DEFAULT_SETTINGS));
    store.getState().act({ do: 'request', node: 'n1', command: 'x' });
    expect(store.getState().notice).toBeNull();
    store.getState().load({ ...freeCluster(DEFAULT_SETTINGS), protocol: 'raft' });
    expect(store.getState().frame.step).toBeGreaterThan(0);
  });
});

describe('violations during playback', () => {
  it('pause at the violation step even when one tick spans the whole run', () => {
    const store = createSession(raft.scenarios.find((s) => s.name === 'figure-8-bug')!);
    store.getState().setSpeed(100);
    // Each tick asks for 10,000 simulated ms, far past the end. A tick records for a bounded
    // wall time (TICK_MS) and may stop short on a busy machine: tick again while it plays.
    const playOn = () => {
      store.getState().play();
      for (let i = 0; i < 1000 && store.getState().playing && !store.getState().frame.finished; i++) store.getState().tick(100);
    };
    playOn();
    const { frame, sim, playing } = store.getState();
    expect(playing).toBe(false);
    expect(frame.step).toBe(sim.violations[0]!.seq + 1);
    expect(frame.violations).toHaveLength(1);
    playOn();
    expect(store.getState().frame.step).toBe(store.getState().sim.violations[1]!.seq + 1);
  });

  it('never puts the cursor before the start events', () => {
    const store = createSession(raft.scenarios[0]!);
    store.getState().seekStep(0);
    expect(store.getState().frame.step).toBe(5);
    expect(store.getState().frame.nodes.every((n) => typeof n.state.role === 'string')).toBe(true);
  });
});

describe('frames between events', () => {
  it('reuse unchanged parts, so narrow selectors do not re-render while time glides', () => {
    const store = createSession(raft.scenarios.find((s) => s.name === 'happy-path')!);
    store.getState().setSpeed(1);
    store.getState().play();
    store.getState().tick(12);
    const a = store.getState().frame;
    store.getState().tick(0.5); // no event falls in this half millisecond
    const b = store.getState().frame;
    expect(b.step).toBe(a.step);
    expect(b.time).toBeGreaterThan(a.time);
    expect(b.nodes).toBe(a.nodes);
    expect(b.inFlight).toBe(a.inFlight);
    expect(b.violations).toBe(a.violations);
    store.getState().tick(40);
    const c = store.getState().frame;
    expect(c.step).toBeGreaterThan(b.step);
    expect(c.nodes).not.toBe(b.nodes);
    // A node whose state did not change keeps its frame object.
    const unchanged = c.nodes.filter((n, i) => n === b.nodes[i]);
    expect(unchanged.length).toBeLessThan(c.nodes.length);
  });
});

describe('acting at the end of a run', () => {
  it('extends the run so the action plays out, says so, and replays identically from its link', async () => {
    const { twopc } = await import('../protocols/twopc');
    const store = createSession(twopc.scenarios.find((s) => s.name === 'tm-crash-blocks')!);
    store.getState().setSpeed(1);
    store.getState().play();
    store.getState().tick(1000);
    expect(store.getState().frame.time).toBe(800);
    expect(store.getState().frame.finished).toBe(true);
    store.getState().act({ do: 'begin', node: 'n1', tx: 'pay' });
    const s = store.getState();
    expect(s.sim.scenario.until).toBe(800 + 1000);
    expect(s.notice).toEqual({ kind: 'info', key: 'notice.extended', detail: '1800' });
    expect(s.frame.finished).toBe(false);
    store.getState().seekStep(1e9);
    const states = store.getState().frame.nodes.map((n) => (n.state as { tmState?: Record<string, string>; rmState?: Record<string, string> }));
    expect(states.map((x) => (x.tmState ?? x.rmState)!.pay)).toEqual(['committed', 'committed', 'committed', 'committed']);
    // The link carries the longer run: a fresh replay gives the same events.
    const again = createSession(store.getState().sim.scenario);
    again.getState().seekStep(1e9);
    expect(JSON.stringify(again.getState().sim.events)).toBe(JSON.stringify(store.getState().sim.events));
  });
});

describe('acting behind a clock that ran on to the end', () => {
  it('records the action at the cursor, not at the end, and extends only when the room is short', async () => {
    const { twopc } = await import('../protocols/twopc');
    const store = createSession(twopc.scenarios.find((s) => s.name === 'happy-commit')!);
    store.getState().setSpeed(1);
    store.getState().play();
    store.getState().tick(1000);
    store.getState().seekTime(200);
    const cursor = store.getState().frame.time;
    expect(cursor).toBeLessThan(200);
    store.getState().act({ do: 'crash', node: 'n3' });
    const s = store.getState();
    expect(s.sim.scenario.actions.at(-1)).toMatchObject({ do: 'crash', node: 'n3', at: Math.floor(cursor) });
    expect(s.frame.nodes.find((n) => n.id === 'n3')!.up).toBe(false);
    // Enough room before `until` (400): no extension, no fork notice (nothing was dropped).
    expect(s.sim.scenario.until).toBe(400);
    expect(s.notice).toBeNull();
  });

  it('refuses a command the protocol, or the compared protocol, does not have', async () => {
    const { twopc } = await import('../protocols/twopc');
    const store = createSession(twopc.scenarios.find((s) => s.name === 'compare-tm-crash')!);
    const before = store.getState().sim.scenario.actions.length;
    store.getState().act({ do: 'request', node: 'n1', command: 'x=1' });
    expect(store.getState().notice).toEqual({ kind: 'error', key: 'notice.actionRefused', detail: 'Two-phase commit has no command "request"' });
    expect(store.getState().sim.scenario.actions).toHaveLength(before);
    const happy = raft.scenarios.find((x) => x.name === 'happy-path')!;
    const withTwoPc = createSession({ ...happy, compare: { protocol: 'twopc', params: { bugs: [] } } });
    withTwoPc.getState().act({ do: 'request', node: 'n1', command: 'y=2' });
    expect(withTwoPc.getState().notice?.detail).toBe('the compared run (Two-phase commit) has no command "request"');
  });
});
