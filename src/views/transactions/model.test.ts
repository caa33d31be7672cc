import { describe, expect, it } from 'vitest';
import { createSession } from '../../store/session';
import { twoPcScenarios } from '../../protocols/twopc/scenarios';
import { threePcScenarios } from '../../protocols/threepc/scenarios';
import type { Scenario } from '../../scenario/types';
import { transactionTable, type TxView } from './model';

const pick = (list: Scenario[], name: string) => list.find((s) => s.name === name)!;

/** The table at simulated time `time`, from the store as the app has it. */
function tableAt(scenario: Scenario, time: number): TxView[] {
  const store = createSession(scenario);
  store.getState().seekStep(1e9);
  store.getState().seekTime(time);
  const { sim, frame, module } = store.getState();
  return transactionTable(sim.events, frame.step, frame.time, frame.nodes, module.view.transactions!);
}

const row = (v: TxView, node: string) => v.rows.find((r) => r.node === node)!;

describe('transaction table', () => {
  it('2PC happy path: two transactions, both committed everywhere, nobody blocked for long', () => {
    const [t1, t2] = tableAt(pick(twoPcScenarios, 'happy-commit'), 400);
    expect([t1!.tx, t2!.tx]).toEqual(['t1', 't2']);
    for (const v of [t1!, t2!]) {
      expect(v.outcome).toBe('committed');
      expect(v.blockedNow).toEqual([]);
      // Prepared from the vote (10 ms) to the Commit's arrival (30 ms): 20 ms each, exactly.
      for (const n of ['n2', 'n3', 'n4']) expect(row(v, n).blockedMs).toBe(20);
      expect(row(v, 'n1').lockHolder).toBe(false);
      expect(row(v, 'n1').spans.map((s) => s.state)).toEqual(['init', 'committed']);
      expect(row(v, 'n2').spans.map((s) => s.state)).toEqual(['prepared', 'committed']);
    }
    expect(t2!.start).toBe(100);
  });

  it('2PC blocking: the RMs stay prepared while the TM is down, and blocked-for grows with time', () => {
    const scenario = pick(twoPcScenarios, 'tm-crash-blocks');
    const [mid] = tableAt(scenario, 400);
    expect(mid!.outcome).toBe('open');
    expect(mid!.blockedNow).toEqual(['n2', 'n3', 'n4']);
    expect(row(mid!, 'n2').blockedMs).toBe(390);
    expect(row(mid!, 'n1').down).toEqual([{ from: 15, to: 400 }]);
    expect(row(mid!, 'n1').downNow).toBe(true);
    const [later] = tableAt(scenario, 450);
    expect(row(later!, 'n2').blockedMs).toBe(440);
    const [end] = tableAt(scenario, 800);
    expect(end!.outcome).toBe('aborted');
    expect(end!.blockedNow).toEqual([]);
    // Blocked until the restarted TM's Abort arrives: far longer than the happy path's 20 ms.
    expect(row(end!, 'n3').blockedMs).toBeGreaterThan(490);
    expect(row(end!, 'n1').down).toEqual([{ from: 15, to: 500 }]);
    expect(row(end!, 'n1').downNow).toBe(false);
    expect(end!.blockedTotal).toBe(['n2', 'n3', 'n4'].reduce((s, n) => s + row(end!, n).blockedMs, 0));
  });

  it('a transaction begun later does not show a node’s earlier down time', () => {
    const scenario = { ...pick(twoPcScenarios, 'tm-crash-blocks'), actions: [...pick(twoPcScenarios, 'tm-crash-blocks').actions, { at: 700, do: 'begin', node: 'n1', tx: 'late' }] };
    const views = tableAt(scenario, 800);
    const late = views.find((v) => v.tx === 'late')!;
    expect(late.start).toBe(700);
    expect(row(late, 'n1').down).toEqual([]);
    expect(row(views[0]!, 'n1').down).toEqual([{ from: 15, to: 500 }]);
  });

  it('2PC partition: decided once the TM commits, naming the RMs that do not know yet', () => {
    const scenario = pick(twoPcScenarios, 'compare-partition');
    const [cut] = tableAt(scenario, 400);
    expect(row(cut!, 'n1').now).toBe('committed');
    expect(row(cut!, 'n2').now).toBe('committed');
    expect(cut!.outcome).toBe('committing');
    expect(cut!.untold).toEqual(['n3', 'n4']);
    const [healed] = tableAt(scenario, 900);
    expect(healed!.outcome).toBe('committed');
    expect(healed!.untold).toEqual([]);
  });

  it('2PC: nothing decided while the TM is down; decided abort once the recovered TM aborts', () => {
    const scenario = pick(twoPcScenarios, 'tm-crash-blocks');
    expect(tableAt(scenario, 400)[0]!.outcome).toBe('open');
    // The TM restarts at 500 ms and presumes abort at 620 ms; its Abort messages are in flight.
    const [aborting] = tableAt(scenario, 620);
    expect(row(aborting!, 'n1').now).toBe('aborted');
    expect(aborting!.outcome).toBe('aborting');
    expect(aborting!.untold).toEqual(['n2', 'n3', 'n4']);
    expect(tableAt(scenario, 630)[0]!.outcome).toBe('aborted');
  });

  it('3PC partition: the table shows the split outcome', () => {
    const [t1] = tableAt(pick(threePcScenarios, 'partition'), 900);
    expect(t1!.outcome).toBe('split');
    expect(row(t1!, 'n2').now).toBe('c');
    expect(row(t1!, 'n3').now).toBe('a');
    expect(row(t1!, 'n3').spans.map((s) => s.state)).toEqual(['w', 'a']);
  });

  it('is the same whether indexed in one pass or while the run is recorded, step by step', () => {
    const scenario = pick(threePcScenarios, 'crash-in-p');
    const whole = tableAt(scenario, 700);
    const store = createSession(scenario);
    while (store.getState().frame.time < 700) {
      store.getState().stepForward();
      const { sim, frame, module } = store.getState();
      transactionTable(sim.events, frame.step, frame.time, frame.nodes, module.view.transactions!);
    }
    store.getState().seekTime(700);
    const { sim, frame, module } = store.getState();
    expect(transactionTable(sim.events, frame.step, frame.time, frame.nodes, module.view.transactions!)).toEqual(whole);
  });
});
