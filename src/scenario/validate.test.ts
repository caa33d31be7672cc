import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { raft } from '../protocols/raft';
import type { ProtocolModule } from '../protocols/types';
import type { Scenario } from './types';
import { validateScenario } from './validate';
import { MAX_ERRORS } from './problems';

/** Raft plus a command with one field of each kind and a parameter that takes any JSON. */
const fake: ProtocolModule = {
  ...raft,
  id: 'fake',
  minNodes: 1,
  params: [{ name: 'anything', description: '', default: null, check: () => null }],
  commands: [
    {
      id: 'set',
      label: 'Set',
      description: '',
      fields: [
        { name: 'key', kind: 'string', default: 'k' },
        { name: 'value', kind: 'number', default: 7 },
        { name: 'sync', kind: 'boolean', default: false },
      ],
      event: () => ({ type: 'Set' }),
    },
  ],
};
const modules = new Map([raft, fake].map((m) => [m.id, m]));
const lookup = (id: string) => modules.get(id);
const known = [...modules.keys()];
const validate = (input: unknown) => validateScenario(input, lookup, known);

const base: Scenario = raft.scenarios.find((s) => s.name === 'stale-leader')!;
/** The base scenario with some top-level fields replaced (undefined removes one). */
function variant(changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(base) as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}
const withActions = (...actions: unknown[]) => variant({ actions });
const accepted = (input: unknown): Scenario => {
  const r = validate(input);
  if (!r.ok) throw new Error(`expected the scenario to be accepted:\n${r.errors.join('\n')}`);
  return r.scenario;
};
const errorsOf = (input: unknown): string[] => {
  const r = validate(input);
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.errors;
};

describe('validateScenario accepts', () => {
  it.each(raft.scenarios.map((s) => [s.name, s] as const))('the curated Raft scenario %s, unchanged', (_name, s) => {
    const r = validate(s);
    expect(r).toStrictEqual({ ok: true, scenario: s });
  });

  it('returns a copy that shares nothing with the input', () => {
    const input = structuredClone(base);
    const s = accepted(input);
    (input.params.electionTimeout as number[])[0] = 1;
    input.actions[0]!.at = 99;
    input.nodes.push('n6');
    (input.network.latency as number[])[0] = 5;
    expect(s).toStrictEqual(base);
  });

  it('every kernel action with its fields', () => {
    const actions = [
      { at: 0, do: 'crash', node: 'n1' },
      { at: 1, do: 'restart', node: 'n1', loseDisk: true },
      { at: 2, do: 'pause', node: 'n2' },
      { at: 3, do: 'resume', node: 'n2' },
      { at: 4, do: 'skew', node: 'n3', rate: 0.5 },
      { at: 5, do: 'timeout', node: 'n3' },
      { at: 5, do: 'timeout', node: 'n3', timer: 'election' },
      { at: 6, do: 'partition', groups: [['n1'], ['n2', 'n3']] },
      { at: 7, do: 'cut', from: 'n1', to: 'n2' },
      { at: 8, do: 'heal' },
      { at: 9, do: 'drop', message: 1 },
      { at: 10, do: 'duplicate', message: 2 },
      { at: 11, do: 'delay', message: 3, by: 2.5 },
      { at: 12, do: 'deliver', message: 4, step: 40 },
      { at: 13, do: 'fire', node: 'n4', timer: 'heartbeat' },
    ];
    expect(accepted(withActions(...actions)).actions).toStrictEqual(actions);
  });

  it('fills command fields from the spec and keeps given ones', () => {
    const s = accepted(variant({ protocol: 'fake', params: { bugs: [] }, actions: [{ at: 0, do: 'set', node: 'n1', value: 3 }] }));
    expect(s.actions).toStrictEqual([{ at: 0, do: 'set', node: 'n1', key: 'k', value: 3, sync: false }]);
  });

  it('puts keys in a fixed order and folds -0 to 0', () => {
    const shuffled = Object.fromEntries(Object.entries(structuredClone(base)).reverse());
    (shuffled.actions as { at: number }[])[0]!.at = -0;
    const s = accepted(shuffled);
    const order = ['format', 'version', 'protocol', 'name', 'title', 'description', 'nodes', 'seed', 'params', 'network', 'schedule', 'actions', 'until'];
    expect(Object.keys(s)).toEqual(order);
    expect(Object.is(s.actions[0]!.at, 0)).toBe(true);
  });

  it('keeps a "__proto__" key inside a parameter as plain data', () => {
    const params = JSON.parse('{"bugs": [], "anything": {"__proto__": {"polluted": true}}}') as Record<string, unknown>;
    const anything = accepted(variant({ protocol: 'fake', params, actions: [] })).params.anything as Record<string, unknown>;
    expect(Object.getPrototypeOf(anything)).toBe(Object.prototype);
    expect(Object.keys(anything)).toEqual(['__proto__']);
    expect((anything as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

/** [what is wrong, the input, the start of the message that must name the field and the value]. */
const bad: [string, unknown, string][] = [
  ['not an object', [], 'scenario: must be a JSON object, got []'],
  ['wrong format', variant({ format: 'faultline-trace' }), 'format: expected "faultline-scenario", got "faultline-trace"'],
  ['missing format', variant({ format: undefined }), 'format: missing (expected "faultline-scenario")'],
  ['newer version', variant({ version: 4 }), 'version: version 4 comes from a newer Faultline; this build reads versions 1–3'],
  ['version zero', variant({ version: 0 }), 'version: unsupported version 0 (this build reads versions 1–3)'],
  ['version as text', variant({ version: '1' }), 'version: must be 1, 2 or 3, got "1"'],
  ['unknown top-level key', variant({ colour: 'red' }), 'colour: unknown field (expected format, version'],
  ['unknown protocol', variant({ protocol: 'paxos' }), 'protocol: unknown protocol "paxos" (known: raft, fake)'],
  ['too few nodes', variant({ nodes: ['n1', 'n2'], actions: [] }), 'nodes: raft needs 3 to 9 nodes, got 2'],
  ['duplicate node', variant({ nodes: ['n1', 'n2', 'n3', 'n4', 'n1'] }), 'nodes[4]: duplicate node "n1"'],
  ['unsafe node id', variant({ nodes: ['n1', 'n2', '<b>', 'n4', 'n5'] }), 'nodes[2]: must be 1 to 32 letters, digits, "_" or "-", got "<b>"'],
  ['empty node id', variant({ nodes: ['n1', 'n2', '', 'n4', 'n5'] }), 'nodes[2]: must be 1 to 32 letters'],
  ['nodes not an array', variant({ nodes: 'n1,n2,n3' }), 'nodes: must be an array of node ids'],
  ['fractional seed', variant({ seed: 1.5 }), 'seed: must be a whole number from 0 to 4294967295, got 1.5'],
  ['seed too big', variant({ seed: 2 ** 32 }), 'seed: must be a whole number from 0 to 4294967295, got 4294967296'],
  ['params missing', variant({ params: undefined }), 'params: missing'],
  ['bugs missing', variant({ params: {} }), 'params.bugs: missing (must be an array of bug ids'],
  ['unknown bug', variant({ params: { bugs: ['off-by-one'] } }), 'params.bugs[0]: unknown bug "off-by-one" (raft has commit-previous-term, forget-vote-on-restart, ack-on-append, stale-read)'],
  ['bad param value', variant({ params: { bugs: [], heartbeatInterval: 0 } }), 'params.heartbeatInterval: must be a whole number of ms above 0, got 0'],
  ['bad param range', variant({ params: { bugs: [], electionTimeout: [300, 150] } }), 'params.electionTimeout: must be [min, max] with whole numbers 0 < min ≤ max, got [300, 150]'],
  ['unknown param', variant({ params: { bugs: [], heartbeat: 50 } }), 'params.heartbeat: unknown parameter (raft takes bugs, electionTimeout, heartbeatInterval, leaderNoop, leaseReads, leaseDriftBound)'],
  ['heartbeat not inside the election timeout', variant({ params: { bugs: [], electionTimeout: [100, 200], heartbeatInterval: 100 } }), "params.heartbeatInterval: must be below electionTimeout's minimum (100 ms), got 100"],
  ['inverted latency', variant({ network: { latency: [30, 10], drop: 0, duplicate: 0 } }), 'network.latency: must be [min, max] with whole numbers 0 ≤ min ≤ max ≤ 600000, got [30, 10]'],
  ['latency too high', variant({ network: { latency: [0, 600001], drop: 0, duplicate: 0 } }), 'network.latency: must be [min, max]'],
  ['drop above 1', variant({ network: { latency: [1, 2], drop: 1.5, duplicate: 0 } }), 'network.drop: must be a probability from 0 to 1, got 1.5'],
  ['duplicate missing', variant({ network: { latency: [1, 2], drop: 0 } }), 'network.duplicate: missing (must be a probability from 0 to 1)'],
  ['typo in network', variant({ network: { latency: [1, 2], drop: 0, duplicate: 0, dorp: 1 } }), 'network.dorp: unknown field'],
  ['link to unknown node', variant({ network: { latency: [1, 2], drop: 0, duplicate: 0, links: [{ from: 'n1', to: 'n9' }] } }), 'network.links[0].to: unknown node "n9" (nodes are n1, n2, n3, n4, n5)'],
  ['link to itself', variant({ network: { latency: [1, 2], drop: 0, duplicate: 0, links: [{ from: 'n2', to: 'n2' }] } }), 'network.links[0].to: must differ from "from"'],
  ['duplicate link', variant({ network: { latency: [1, 2], drop: 0, duplicate: 0, links: [{ from: 'n1', to: 'n2' }, { from: 'n1', to: 'n2', drop: 1 }] } }), 'network.links[1]: duplicate link n1 → n2'],
  ['bad link drop', variant({ network: { latency: [1, 2], drop: 0, duplicate: 0, links: [{ from: 'n1', to: 'n2', drop: -0.1 }] } }), 'network.links[0].drop: must be a probability from 0 to 1, got -0.1'],
  ['bad schedule', variant({ schedule: 'random' }), 'schedule: must be "auto" or "manual", got "random"'],
  ['until zero', variant({ until: 0 }), 'until: must be a time in ms above 0 and at most 10000000, got 0'],
  ['until too far', variant({ until: 1e8 }), 'until: must be a time in ms above 0 and at most 10000000, got 100000000'],
  ['actions not an array', variant({ actions: {} }), 'actions: must be an array of actions, got {}'],
  ['too many actions', variant({ actions: Array.from({ length: 10_001 }, () => ({ at: 0, do: 'heal' })) }), 'actions: at most 10000 actions, got 10001'],
  ['action not an object', withActions('crash n1'), 'actions[0]: must be an object { at, do, … }, got "crash n1"'],
  ['unknown node', withActions({ at: 0, do: 'crash', node: 'n9' }), 'actions[0].node: unknown node "n9" (nodes are n1, n2, n3, n4, n5)'],
  ['node missing', withActions({ at: 0, do: 'pause' }), 'actions[0].node: missing (must be a node id)'],
  ['negative at', withActions({ at: -1, do: 'heal' }), 'actions[0].at: must be a time in ms from 0 to until (1200), got -1'],
  ['at after until', withActions({ at: 1201, do: 'heal' }), 'actions[0].at: must be a time in ms from 0 to until (1200), got 1201'],
  ['at not a number', withActions({ at: '5', do: 'heal' }), 'actions[0].at: must be a time in ms'],
  ['actions out of order', withActions({ at: 10, do: 'heal' }, { at: 5, do: 'heal' }), 'actions[1].at: must not be earlier than the action before it (10), got 5'],
  ['fractional step', withActions({ at: 0, do: 'heal', step: 1.5 }), 'actions[0].step: must be a trace position (a whole number ≥ 0), got 1.5'],
  ['unknown action', withActions({ at: 0, do: 'explode', node: 'n1' }), 'actions[0].do: unknown action "explode" (kernel actions: crash, restart,'],
  ['do missing', withActions({ at: 0, node: 'n1' }), 'actions[0].do: missing (must name an action (kernel actions:'],
  ['extra field', withActions({ at: 0, do: 'crash', node: 'n1', loseDisk: true }), 'actions[0].loseDisk: unknown field (expected at, do, node, loseOutbox, step)'],
  ['loseDisk not boolean', withActions({ at: 0, do: 'restart', node: 'n1', loseDisk: 'yes' }), 'actions[0].loseDisk: must be true or false, got "yes"'],
  ['empty partition', withActions({ at: 0, do: 'partition', groups: [] }), 'actions[0].groups: must be a non-empty array of node groups'],
  ['empty group', withActions({ at: 0, do: 'partition', groups: [['n1'], []] }), 'actions[0].groups[1]: must be a non-empty array of node ids, got []'],
  ['overlapping groups', withActions({ at: 0, do: 'partition', groups: [['n1', 'n2'], ['n2', 'n3']] }), 'actions[0].groups[1][0]: node "n2" is already in group 0'],
  ['unknown node in group', withActions({ at: 0, do: 'partition', groups: [['n1'], ['n7']] }), 'actions[0].groups[1][0]: unknown node "n7"'],
  ['cut to itself', withActions({ at: 0, do: 'cut', from: 'n3', to: 'n3' }), 'actions[0].to: must differ from "from", got "n3" for both'],
  ['message id zero', withActions({ at: 0, do: 'drop', message: 0 }), 'actions[0].message: must be a message id (a whole number ≥ 1), got 0'],
  ['message id fractional', withActions({ at: 0, do: 'deliver', message: 2.5 }), 'actions[0].message: must be a message id (a whole number ≥ 1), got 2.5'],
  ['delay by zero', withActions({ at: 0, do: 'delay', message: 1, by: 0 }), 'actions[0].by: must be a delay in ms above 0'],
  ['skew rate zero', withActions({ at: 0, do: 'skew', node: 'n1', rate: 0 }), 'actions[0].rate: must be a clock rate above 0 and at most 100, got 0'],
  ['skew rate too high', withActions({ at: 0, do: 'skew', node: 'n1', rate: 101 }), 'actions[0].rate: must be a clock rate above 0 and at most 100, got 101'],
  ['fire without timer', withActions({ at: 0, do: 'fire', node: 'n1' }), 'actions[0].timer: missing (must be a timer name'],
  ['timeout timer not text', withActions({ at: 0, do: 'timeout', node: 'n1', timer: 5 }), 'actions[0].timer: must be a timer name of 1 to 100 characters, got 5'],
  ['command field of wrong kind', withActions({ at: 0, do: 'request', node: 'n1', command: 5 }), 'actions[0].command: must be a string of at most 1000 characters (field of command "request"), got 5'],
  ['command on unknown node', withActions({ at: 0, do: 'request', node: 'n6' }), 'actions[0].node: unknown node "n6"'],
  ['unknown command field', withActions({ at: 0, do: 'request', node: 'n1', cmd: 'x' }), 'actions[0].cmd: unknown field (expected at, do, node, command, step)'],
  ['number field', variant({ protocol: 'fake', actions: [{ at: 0, do: 'set', node: 'n1', value: 'high' }] }), 'actions[0].value: must be a finite number (field of command "set"), got "high"'],
  ['boolean field', variant({ protocol: 'fake', actions: [{ at: 0, do: 'set', node: 'n1', sync: 1 }] }), 'actions[0].sync: must be true or false (field of command "set"), got 1'],
  ['non-JSON param', variant({ protocol: 'fake', params: { bugs: [], anything: [1, () => 1] }, actions: [] }), 'params.anything[1]: must be plain JSON data, got a function'],
  ['name too long', variant({ name: 'x'.repeat(201) }), 'name: must be at most 200 characters, got 201'],
  ['title not text', variant({ title: 5 }), 'title: must be a string, got 5'],
  ['description too long', variant({ description: 'x'.repeat(2001) }), 'description: must be at most 2000 characters, got 2001'],
  ['notes not an array', variant({ notes: 'hi' }), 'notes: must be an array of at most 1000 notes { at, text }, got "hi"'],
  ['note text too long', variant({ notes: [{ at: 0, text: 'x'.repeat(2001) }] }), 'notes[0].text: must be at most 2000 characters, got 2001'],
  ['note without text', variant({ notes: [{ at: 0 }] }), 'notes[0].text: missing (must be a string)'],
  ['note after the end', variant({ notes: [{ at: 5000, text: 'late' }] }), 'notes[0].at: must be a time in ms from 0 to until (1200), got 5000'],
];

describe('validateScenario rejects', () => {
  it.each(bad)('%s', (_what, input, message) => {
    const errors = errorsOf(input);
    expect(errors.some((e) => e.startsWith(message)), `no error starts with\n  ${message}\ngot\n  ${errors.join('\n  ')}`).toBe(true);
  });

  it('reports every problem, not just the first', () => {
    const errors = errorsOf(variant({ seed: -1, schedule: 'x', actions: [{ at: 0, do: 'crash', node: 'n9' }] }));
    expect(errors.map((e) => e.split(':')[0])).toEqual(['schedule', 'seed', 'actions[0].node']);
  });

  it(`reports at most ${MAX_ERRORS} problems and counts the rest`, () => {
    const actions = Array.from({ length: 50 }, () => ({ at: 0, do: 'crash', node: 'n9' }));
    const errors = errorsOf(withActions(...actions));
    expect(errors).toHaveLength(MAX_ERRORS);
    expect(errors.slice(0, -1).every((e) => e.includes('unknown node "n9"'))).toBe(true);
    expect(errors.at(-1)).toBe('… and 31 more problems');
  });

  it('stops at a wrong version instead of checking fields it would not understand', () => {
    expect(errorsOf({ format: 'faultline-scenario', version: 4, something: 'new' })).toEqual(['version: version 4 comes from a newer Faultline; this build reads versions 1–3']);
  });

  it('lists no protocols when it is not told them', () => {
    const r = validateScenario(variant({ protocol: 'paxos' }), lookup);
    expect(r.ok ? [] : r.errors).toContain('protocol: unknown protocol "paxos"');
  });

  it('keeps long values out of messages', () => {
    const [error] = errorsOf(variant({ schedule: 'x'.repeat(100_000) }));
    expect(error!.length).toBeLessThan(200);
  });

  it('a "__proto__" key at the top level is an unknown field, not a prototype', () => {
    const input = JSON.parse(`{"__proto__": {"until": 5}, ${JSON.stringify(base).slice(1)}`) as unknown;
    expect(errorsOf(input)).toEqual([expect.stringMatching(/^__proto__: unknown field/)]);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true }), (input) => {
        expect(validate(input).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(base)), fc.jsonValue()), (changes) => {
        validate({ ...base, ...changes });
      }),
    );
  });
});

describe('hostile shapes stay cheap and short', () => {
  /** Counts the element reads of an array (a count, not a time: the machine is shared, and
   * `npm run bench` prints the validator's wall time). A quadratic validator, which looked each
   * action's node up in the list, read 10,000 × 30,000 elements. */
  const counted = <T>(items: T[]) => {
    const reads = { n: 0 };
    const proxy = new Proxy(items, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads.n++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    return { proxy, reads };
  };

  it('an over-long nodes list with 10,000 actions naming nodes is read a bounded number of times', () => {
    const nodes = counted(Array.from({ length: 30_000 }, (_, i) => `n${i}`));
    const actions = counted(Array.from({ length: 10_000 }, (_, i) => ({ at: i, do: 'crash', node: `n${29_999 - (i % 500)}` })));
    const result = validate(variant({ nodes: nodes.proxy, actions: actions.proxy, until: 100_000 }));
    expect(nodes.reads.n + actions.reads.n).toBeLessThanOrEqual(4 * (30_000 + 10_000));
    // The list's own error, and no echo of it on every action that names a node.
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/^nodes: must be an array of node ids/)] });
  });

  it('a valid nodes list with 10,000 actions naming nodes reads each action a bounded number of times', () => {
    const nodes = counted(['n1', 'n2', 'n3', 'n4', 'n5']);
    const actions = counted(Array.from({ length: 10_000 }, (_, i) => ({ at: i, do: i % 2 ? 'crash' : 'restart', node: `n${1 + (i % 5)}` })));
    expect(validate(variant({ nodes: nodes.proxy, actions: actions.proxy, until: 100_000 })).ok).toBe(true);
    expect(nodes.reads.n + actions.reads.n).toBeLessThanOrEqual(4 * 10_000 + 100);
  });

  it('a 900 KB unknown key gives a message of a few hundred characters', () => {
    const key = 'k'.repeat(900_000);
    const r = validate({ ...variant({}), [key]: 1, network: { ...base.network, [`${key}!`]: { [key]: 2 } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.length).toBeGreaterThanOrEqual(2);
    for (const e of r.errors) expect(e.length).toBeLessThan(400);
    expect(r.errors[0]).toMatch(/^"k{40}… \(900000 characters\)": unknown field/);
  });
});
