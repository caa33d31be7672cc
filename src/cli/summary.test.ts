import { describe, expect, it } from 'vitest';
import { protocols } from '../protocols/registry';
import { Simulation } from '../sim/simulation';
import { SummaryFold } from './summary';

/** The CLI streams a run into its summary, keeping only what each protocol's `summaryReads`
 * declares. The lines must be exactly those of the whole recorded run. */
describe('streamed summary', () => {
  for (const module of protocols.values()) {
    it(`${module.id}: every curated scenario summarizes as from the whole trace`, () => {
      for (const scenario of module.scenarios) {
        const recorded = new Simulation(module, scenario).run();
        const sent = recorded.events.reduce((n, e) => n + (e.sent?.length ?? 0), 0);
        const whole = module.summarize?.(recorded.current.views, recorded.events) ?? [];

        const streamed = new Simulation(module, scenario, { checkpointEvery: 0, record: false });
        const fold = new SummaryFold(module);
        for (let ev = streamed.step(); ev; ev = streamed.step()) fold.add(ev, streamed.violations);
        const lines = fold.lines(streamed);

        expect(lines.slice(2, 2 + whole.length), scenario.name).toEqual(whole);
        expect(lines[1]).toContain(`events: ${recorded.events.length},`);
        expect(lines[1]).toContain(`messages: ${sent} sent`);
        for (const v of recorded.violations) expect(lines.join('\n')).toContain(`at step ${v.seq} (t=${recorded.events[v.seq]!.time} ms)`);
      }
    });
  }
});
