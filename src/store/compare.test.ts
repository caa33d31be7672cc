import { describe, expect, it } from 'vitest';
import { getProtocol, protocols } from '../protocols/registry';
import { twopc } from '../protocols/twopc';
import { validateScenario } from '../scenario/validate';
import { decodeScenarioUrl, encodeScenarioUrl } from '../scenario/codec';
import { createSession, type SessionStore } from './session';
import { linkCompare } from './compare';

const known = [...protocols.keys()];
const byName = (name: string) => twopc.scenarios.find((s) => s.name === name)!;
const compareScenarios = twopc.scenarios.filter((s) => s.compare);

/** Each node's state in t1 (2PC: tmState/rmState; 3PC: state). */
function t1(store: SessionStore): Record<string, string> {
  return Object.fromEntries(
    store.getState().frame.nodes.map((n) => {
      const s = n.state as { tmState?: Record<string, string>; rmState?: Record<string, string>; state?: Record<string, string> };
      return [n.id, (s.tmState ?? s.rmState ?? s.state ?? {}).t1 ?? '-'];
    }),
  );
}

function linked(name: string) {
  const first = createSession(byName(name));
  const link = linkCompare(first)!;
  return { first, second: link.store, link };
}

describe('compare scenarios', () => {
  it.each(compareScenarios.map((s) => [s.name, s] as const))('%s validates unchanged with every protocol and survives a link', (_n, s) => {
    expect(validateScenario(s, getProtocol, known)).toStrictEqual({ ok: true, scenario: s });
    expect(decodeScenarioUrl(encodeScenarioUrl(s), getProtocol, known)).toStrictEqual({ ok: true, scenario: s });
  });

  it('compare-tm-crash: 2PC blocks until the TM recovers; 3PC aborts through a backup without it', () => {
    const { first, second } = linked('compare-tm-crash');
    expect(second.getState().module.id).toBe('threepc');
    first.getState().seekStep(1e9);
    first.getState().seekTime(1400);
    expect(second.getState().frame.time).toBe(1400);
    expect(t1(first)).toEqual({ n1: 'init', n2: 'prepared', n3: 'prepared', n4: 'prepared' });
    expect(first.getState().frame.nodes[0]!.up).toBe(false);
    expect(t1(second)).toEqual({ n1: 'w', n2: 'a', n3: 'a', n4: 'a' });
    first.getState().seekTime(1800);
    expect(t1(first)).toEqual({ n1: 'aborted', n2: 'aborted', n3: 'aborted', n4: 'aborted' });
    expect(first.getState().sim.violations).toEqual([]);
    expect(second.getState().sim.violations).toEqual([]);
  });

  it('compare-partition: 2PC blocks and stays consistent; 3PC splits and TCConsistent breaks', () => {
    const { first, second } = linked('compare-partition');
    first.getState().seekStep(1e9);
    first.getState().seekTime(600);
    expect(t1(first)).toEqual({ n1: 'committed', n2: 'committed', n3: 'prepared', n4: 'prepared' });
    first.getState().seekTime(900);
    expect(t1(first)).toEqual({ n1: 'committed', n2: 'committed', n3: 'committed', n4: 'committed' });
    expect(first.getState().sim.violations).toEqual([]);
    expect(t1(second)).toEqual({ n1: 'c', n2: 'c', n3: 'a', n4: 'a' });
    expect(second.getState().frame.violations.map((v) => v.invariant)).toContain('tc-consistent');
  });

  it('follows the first run while it plays, and pauses at the second run’s violation with a notice', () => {
    const { first, second } = linked('compare-partition');
    first.getState().setSpeed(1);
    first.getState().play();
    for (let i = 0; i < 200 && first.getState().playing; i++) first.getState().tick(16);
    const violation = second.getState().sim.violations[0]!;
    const at = second.getState().sim.events[violation.seq]!.time;
    expect(first.getState().playing).toBe(false);
    expect(first.getState().frame.time).toBe(at);
    expect(second.getState().frame.violations.map((v) => v.invariant)).toEqual(['tc-consistent']);
    expect(first.getState().notice).toMatchObject({ key: 'notice.compareViolation' });
    expect(second.getState().frame.time).toBe(first.getState().frame.time);
  });

  it('stops at the compared run’s earlier violation even when one tick covers both runs’ violations', async () => {
    const { threepc } = await import('../protocols/threepc');
    const partition = threepc.scenarios.find((x) => x.name === 'partition')!;
    const first = createSession({ ...partition, params: { ...partition.params, waitTimeout: 600 }, compare: { protocol: 'threepc', params: partition.params } });
    const second = linkCompare(first)!.store;
    first.getState().setSpeed(100);
    first.getState().play();
    // Ticks of 10,000 simulated ms; one may stop short on a busy machine (TICK_MS): tick while it plays.
    for (let i = 0; i < 1000 && first.getState().playing && !first.getState().frame.finished; i++) first.getState().tick(100);
    const at = second.getState().sim.events[second.getState().sim.violations[0]!.seq]!.time;
    expect(at).toBeLessThan(700);
    expect(first.getState().playing).toBe(false);
    expect(first.getState().frame.time).toBe(at);
    expect(first.getState().notice).toMatchObject({ key: 'notice.compareViolation' });
    expect(first.getState().sim.violations.filter((v) => v.seq < first.getState().frame.step)).toEqual([]);
    expect(second.getState().frame.time).toBe(at);
  });

  it('acting from either pane changes the one scenario, and the second run is rebuilt from it', () => {
    const { first, second } = linked('compare-tm-crash');
    first.getState().seekStep(1e9);
    first.getState().seekTime(100);
    const before = first.getState().revision;
    // A restart from the second pane goes to the first session's scenario...
    second.getState().act({ do: 'restart', node: 'n1' });
    expect(first.getState().revision).toBeGreaterThan(before);
    expect(first.getState().sim.scenario.actions.some((a) => a.do === 'restart' && a.at === 100)).toBe(true);
    // ...and both runs have it.
    expect(second.getState().sim.scenario.actions.some((a) => a.do === 'restart' && a.at === 100)).toBe(true);
    first.getState().seekStep(1e9);
    first.getState().seekTime(400);
    expect(Object.values(t1(first)).every((s) => s === 'aborted')).toBe(true);
    expect(second.getState().frame.nodes[0]!.up).toBe(true);
  });

  it('seeking from the second pane moves the shared cursor; message actions stay with the first run', () => {
    const { first, second } = linked('compare-partition');
    first.getState().seekStep(1e9);
    second.getState().seekTime(300);
    expect(first.getState().frame.time).toBe(300);
    expect(second.getState().frame.time).toBe(300);
    const k = 20;
    second.getState().seekStep(k);
    expect(first.getState().frame.time).toBe(second.getState().sim.events[k - 1]!.time);
    first.getState().seekTime(10);
    const id = first.getState().frame.inFlight[0]!.message.id;
    first.getState().act({ do: 'drop', message: id });
    expect(first.getState().sim.scenario.actions.some((a) => a.do === 'drop')).toBe(true);
    expect(second.getState().sim.scenario.actions.some((a) => a.do === 'drop')).toBe(false);
    // From the second pane, a message action is not recorded against the first run's message.
    const count = first.getState().sim.scenario.actions.length;
    second.getState().act({ do: 'drop', message: 4 });
    expect(first.getState().sim.scenario.actions).toHaveLength(count);
    expect(first.getState().notice).toMatchObject({ key: 'notice.otherRunMessage' });
  });

  it('shares node selections between the panes, not message selections', () => {
    const { first, second } = linked('compare-tm-crash');
    second.getState().select({ kind: 'node', id: 'n3' });
    expect(first.getState().selection).toEqual({ kind: 'node', id: 'n3' });
    expect(second.getState().selection).toEqual({ kind: 'node', id: 'n3' });
    first.getState().select({ kind: 'node', id: 'n2' });
    expect(second.getState().selection).toEqual({ kind: 'node', id: 'n2' });
    second.getState().select({ kind: 'message', id: 4 });
    expect(first.getState().selection).toEqual({ kind: 'node', id: 'n2' });
    expect(second.getState().selection).toEqual({ kind: 'message', id: 4 });
    // It stays while the shared cursor moves.
    first.getState().seekStep(1e9);
    first.getState().seekTime(50);
    expect(second.getState().selection).toEqual({ kind: 'message', id: 4 });
  });

  it('dispose stops following', () => {
    const { first, second, link } = linked('compare-tm-crash');
    first.getState().seekStep(1e9);
    first.getState().seekTime(200);
    link.dispose();
    first.getState().seekTime(300);
    expect(second.getState().frame.time).toBe(200);
  });

  it('is null for a scenario without compare', () => {
    expect(linkCompare(createSession(byName('tm-crash-blocks')))).toBeNull();
  });
});
