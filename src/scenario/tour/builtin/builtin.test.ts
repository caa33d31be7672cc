/** Every built-in tour is valid, every path plays through, and its asks are answerable. */
import { describe, expect, it } from 'vitest';
import { raft } from '../../../protocols/raft';
import { twopc } from '../../../protocols/twopc';
import { threepc } from '../../../protocols/threepc';
import { chash } from '../../../protocols/chash';
import { zab } from '../../../protocols/zab';
import { lock } from '../../../protocols/lock';
import { paxos } from '../../../protocols/paxos';
import { multipaxos } from '../../../protocols/multipaxos';
import type { ProtocolModule } from '../../../protocols/types';

const MODULES: Record<string, ProtocolModule> = { raft, twopc, threepc, chash, zab, lock, paxos, multipaxos };
const getProtocol = (id: string): ProtocolModule | undefined => (Object.hasOwn(MODULES, id) ? MODULES[id] : undefined);
import { validateTour } from '../validate';
import { dryRun } from '../dryRun';
import { BUILTIN_TOURS } from './index';
import { resolveTour } from '../scenarioRef';
import type { Tour } from '../types';

describe('built-in tours', () => {
  for (const input of BUILTIN_TOURS) {
    // A tour may name a curated scenario (raft-figure-8 does): resolved as the app opens it.
    const r = resolveTour(input, getProtocol, Object.keys(MODULES));
    if (!r.ok) throw new Error(`${input.id}: ${r.errors.join('; ')}`);
    const tour: Tour = r.tour;
    it(`${tour.id} is valid, in both languages, with an ask and a task step`, () => {
      const v = validateTour(JSON.parse(JSON.stringify(input)), getProtocol, Object.keys(MODULES));
      expect(v.ok ? [] : v.errors).toEqual([]);
      expect(tour.steps.some((s) => s.kind === 'ask')).toBe(true);
      expect(tour.steps.some((s) => s.kind === 'task')).toBe(true);
      for (const s of tour.steps) {
        for (const text of [s.say, s.ask?.question]) if (text !== undefined) expect(typeof text === 'object' && text['zh-CN'], `${s.id} has zh-CN`).toBeTruthy();
      }
      // The validator takes any invariant name (a tour may outlive one); built-in tours name real ones.
      const invariants = (getProtocol(tour.scenario.protocol)!.invariants ?? []).map((i) => i.id);
      for (const s of tour.steps) for (const name of s.show?.invariants ?? []) expect(invariants, `${s.id} highlights ${name}`).toContain(name);
    });
    it(`${tour.id}: the dry run reaches every step on every path`, () => {
      const r = dryRun(tour, getProtocol(tour.scenario.protocol)!);
      expect(r.notes.filter((n) => n.kind !== 'moved')).toEqual([]);
      expect(Object.keys(r.resolved).sort()).toEqual(tour.steps.map((s) => s.id).sort());
      for (const s of tour.steps) if (s.ask && !('value' in s.ask.answer)) expect(r.answers[s.id], s.id).toBeDefined();
      // The step after a task shows its outcome: never placed before the task was completed.
      tour.steps.forEach((s, i) => {
        const after = tour.steps[s.next === undefined ? i + 1 : tour.steps.findIndex((x) => x.id === s.next)];
        if (!s.task || !after) return;
        const done = r.completed[s.id]!;
        expect(done, s.id).toBeDefined();
        expect(r.resolved[after.id]!.step, after.id).toBeGreaterThanOrEqual(done.step);
        expect(r.resolved[after.id]!.time, after.id).toBeGreaterThanOrEqual(done.time);
      });
    });
  }
});
