// The scenario side of compare mode (scenario/compare.ts), here because it needs every protocol.
import { describe, expect, it } from 'vitest';
import { getProtocol, protocols } from '../protocols/registry';
import { twopc } from '../protocols/twopc';
import type { Scenario } from '../scenario/types';
import { validateScenario } from '../scenario/validate';
import { compareScenario } from '../scenario/compare';
import { decodeScenarioUrl, encodeScenarioUrl } from '../scenario/codec';

const known = [...protocols.keys()];
const validate = (input: unknown) => validateScenario(input, getProtocol, known);
const blocking = twopc.scenarios.find((s) => s.name === 'tm-crash-blocks')!;
const withCompare = (compare: unknown): Record<string, unknown> => ({ ...structuredClone(blocking), compare });
const errorsOf = (input: unknown) => {
  const r = validate(input);
  if (r.ok) throw new Error('expected a rejection');
  return r.errors;
};

describe('compare scenarios', () => {
  it('derive the second run: same nodes, seed, network and shared script, the other protocol', () => {
    const s: Scenario = {
      ...structuredClone(blocking),
      schedule: 'manual',
      actions: [...blocking.actions, { at: 20, do: 'drop', message: 3 }, { at: 30, do: 'deliver', message: 4 }],
      notes: [{ at: 0, text: 'first run only' }],
      compare: { protocol: 'threepc', params: { bugs: [], waitTimeout: 300 } },
    };
    const second = compareScenario(s)!;
    expect(second.protocol).toBe('threepc');
    expect(second.params).toEqual({ bugs: [], waitTimeout: 300 });
    expect(second.nodes).toEqual(s.nodes);
    expect(second.seed).toBe(s.seed);
    expect(second.network).toEqual(s.network);
    expect(second.schedule).toBe('auto');
    expect(second.actions).toEqual(blocking.actions);
    expect(second.compare).toBeUndefined();
    expect(second.notes).toBeUndefined();
    expect(compareScenario(blocking)).toBeNull();
    // A fork's tie-break names an event of the first run: here, after every event at that time.
    const forked = compareScenario({ ...s, actions: [{ at: 10, step: 6, do: 'crash', node: 'n4' }] })!;
    expect(forked.actions).toEqual([{ at: 10, step: Number.MAX_SAFE_INTEGER, do: 'crash', node: 'n4' }]);
  });

  it('are accepted and round-trip through a link', () => {
    const input = withCompare({ protocol: 'threepc', params: { bugs: [], waitTimeout: 300 } });
    const r = validate(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.compare).toEqual({ protocol: 'threepc', params: { bugs: [], waitTimeout: 300 } });
    const back = decodeScenarioUrl(encodeScenarioUrl(r.scenario), getProtocol, known);
    expect(back).toEqual({ ok: true, scenario: r.scenario });
  });

  it('name what is wrong with the second run, under `compare`', () => {
    expect(errorsOf(withCompare('threepc'))).toEqual(['compare: must be an object { protocol, params }, got "threepc"']);
    expect(errorsOf(withCompare({ protocol: 'threepc', params: { bugs: [] }, extra: 1 }))[0]).toMatch(/^compare\.extra: unknown/);
    expect(errorsOf(withCompare({ protocol: 'nope', params: { bugs: [] } }))[0]).toMatch(/^compare: protocol: unknown protocol "nope"/);
    expect(errorsOf(withCompare({ protocol: 'threepc', params: { bugs: ['tm-no-log'] } }))[0]).toMatch(/^compare: params\.bugs\[0\]: unknown bug "tm-no-log"/);
    expect(errorsOf(withCompare({ protocol: 'threepc', params: { bugs: [], waitTimeout: -1 } }))[0]).toMatch(/^compare: params\.waitTimeout:/);
    // Raft has no `begin` command: the shared script cannot run there.
    expect(errorsOf(withCompare({ protocol: 'raft', params: { bugs: [] } })).some((e) => /^compare: actions\[0\]/.test(e))).toBe(true);
  });
});
