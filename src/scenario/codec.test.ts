import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { raft } from '../protocols/raft';
import type { Action, Scenario } from './types';
import { decodeScenarioUrl, encodeScenarioUrl, MAX_JSON_CHARS, MAX_LINK_CHARS, parseScenarioJson, scenarioToJson } from './codec';
import { decodeBase64url, encodeBase64url } from './base64url';
import { inflateCapped, MAX_PUSH_OUTPUT } from './inflate';
import { bigBomb } from './bomb';

const lookup = (id: string) => (id === 'raft' ? raft : undefined);
const known = ['raft'];
const decode = (link: string) => decodeScenarioUrl(link, lookup, known);
const parse = (text: string) => parseScenarioJson(text, lookup, known);
const errorsOf = (r: ReturnType<typeof decode>): string[] => (r.ok ? [] : r.errors);
const happy = raft.scenarios[0]!;

describe('JSON form', () => {
  it.each(raft.scenarios.map((s) => [s.name, s] as const))('%s round-trips exactly', (_name, s) => {
    const text = scenarioToJson(s);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "faultline-scenario",');
    expect(parse(text)).toStrictEqual({ ok: true, scenario: s });
  });

  it('names the line and column of a syntax error', () => {
    const text = '{\n  "format": "faultline-scenario",\n  "version": 1\n  "protocol": "raft"\n}';
    const position = text.indexOf('"protocol"');
    expect(errorsOf(parse(text))).toEqual([`scenario is not valid JSON: expected ',' or '}', got "\\"" at line 4, column 3 (position ${position})`]);
  });

  it.each([
    ['a trailing comma', '{"a": [1, 2,]}', "trailing comma before ']' at line 1, column 12"],
    ['a missing value', '{"a": }', 'expected a value, got "}" at line 1, column 7'],
    ['a trailing comma in an object', '{"a": 1 ,\n}', "trailing comma before '}' at line 1, column 9"],
    ['an unquoted key', '{a: 1}', 'expected a property name in double quotes, got "a" at line 1, column 2'],
    ['a bad literal', '{"a": tru}', 'expected a value, got "t" at line 1, column 7'],
    ['an unterminated string', '{"a": "b', 'unterminated string at line 1, column 7'],
    ['a raw newline in a string', '{"a": "b\nc"}', 'control character in a string'],
    ['a bad escape', '{"a": "\\x"}', 'invalid escape in a string at line 1, column 8'],
    ['text after the value', '{} {}', 'unexpected text after the end of the JSON value at line 1, column 4'],
    ['nothing', '', 'unexpected end of input at line 1, column 1'],
    ['a cut-off file', '{"a": [1, 2', 'unexpected end of input at line 1, column 12'],
  ])('explains %s', (_what, text, message) => {
    expect(() => JSON.parse(text)).toThrow();
    const errors = errorsOf(parse(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it('finds no error in valid JSON of any shape, so it never blames good text', async () => {
    const { findJsonError } = await import('./jsonError');
    fc.assert(fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => findJsonError(JSON.stringify(v, null, pretty ? 2 : 0)) === null));
  });

  it('rejects oversized text before parsing it', () => {
    const text = `${' '.repeat(MAX_JSON_CHARS)}{}`;
    expect(errorsOf(parse(text))).toEqual([`scenario is too large (${MAX_JSON_CHARS + 2} characters, limit ${MAX_JSON_CHARS})`]);
  });

  it('ignores a byte order mark at the start of a file', () => {
    expect(parse(`\uFEFF${scenarioToJson(happy)}`)).toStrictEqual({ ok: true, scenario: happy });
  });

  it('validates what it parsed', () => {
    expect(errorsOf(parse('[]'))).toEqual(['scenario: must be a JSON object, got []']);
    expect(errorsOf(parse(scenarioToJson({ ...happy, seed: -3 })))).toEqual(['seed: must be a whole number from 0 to 4294967295, got -3']);
  });
});

describe('URL form', () => {
  it.each(raft.scenarios.map((s) => [s.name, s] as const))('%s round-trips exactly', (_name, s) => {
    const fragment = encodeScenarioUrl(s);
    expect(fragment).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(decode(fragment)).toStrictEqual({ ok: true, scenario: s });
  });

  it('finds the scenario in a full URL, among other fragment parameters, or bare', () => {
    const fragment = encodeScenarioUrl(happy);
    for (const link of [`https://faultline.example/lab/?lang=en${fragment}`, `#lang=zh-CN&${fragment.slice(1)}&at=3`, fragment.slice(1), ` ${fragment}\n`]) {
      expect(decode(link)).toStrictEqual({ ok: true, scenario: happy });
    }
  });

  it('is compact: a curated scenario fits in a short link', () => {
    for (const s of raft.scenarios) expect(encodeScenarioUrl(s).length).toBeLessThan(1200);
  });

  it.each([
    ['no fragment', 'https://faultline.example/lab/'],
    ['no s parameter', 'https://faultline.example/lab/#lang=en'],
    ['an empty s parameter', '#s='],
    ['s only in the query', 'https://faultline.example/lab/?s=abc'],
  ])('says so when a link has %s', (_what, link) => {
    expect(errorsOf(decode(link))).toEqual(['link has no scenario (#s=… missing)']);
  });

  it('rejects every truncation of a link as truncated or corrupt', () => {
    const fragment = encodeScenarioUrl(raft.scenarios[4]!);
    for (let cut = 4; cut < fragment.length; cut++) {
      const errors = errorsOf(decode(fragment.slice(0, cut)));
      expect(errors, `cut at ${cut}`).toHaveLength(1);
      expect(errors[0], `cut at ${cut}`).toMatch(/^link is truncated or corrupt \(/);
    }
  });

  it('says the data does not unpack for bytes that are not DEFLATE data', () => {
    expect(errorsOf(decode(`#s=${encodeBase64url(new Uint8Array([0xff, 0xff, 0xff, 0xff]))}`))).toEqual(['link is truncated or corrupt (its compressed data does not unpack)']);
  });

  it('names the first character that is not base64url', () => {
    const fragment = encodeScenarioUrl(happy);
    const broken = `${fragment.slice(0, 13)}+${fragment.slice(14)}`;
    expect(errorsOf(decode(broken))).toEqual(['link is truncated or corrupt (character "+" at position 10 is not base64url)']);
  });

  it('rejects a link that inflates to something other than UTF-8', () => {
    const fragment = `#s=${encodeBase64url(deflateSync(new Uint8Array([0x7b, 0xff, 0x7d])))}`;
    expect(errorsOf(decode(fragment))).toEqual(['link is truncated or corrupt (not UTF-8 text)']);
  });

  it('passes on the validation messages, such as a newer version', () => {
    const newer = { ...happy, version: 4 } as unknown as Scenario;
    expect(errorsOf(decode(encodeScenarioUrl(newer)))).toEqual(['version: version 4 comes from a newer Faultline; this build reads versions 1–3']);
    const broken = { ...happy, actions: [{ at: 0, do: 'crash', node: 'n9' }] } as Scenario;
    expect(errorsOf(decode(encodeScenarioUrl(broken)))).toEqual(['actions[0].node: unknown node "n9" (nodes are n1, n2, n3, n4, n5)']);
  });

  it('rejects an oversized link by its length, before decoding it', () => {
    // Not base64url at all: had it been decoded first, the message would name the "!".
    const link = `#s=${'!'.repeat(MAX_LINK_CHARS + 1)}`;
    expect(errorsOf(decode(link))).toEqual([`link is too long (${MAX_LINK_CHARS + 1} bytes, limit ${MAX_LINK_CHARS})`]);
  });

  it('rejects a DEFLATE bomb without inflating it all', () => {
    const bomb = bigBomb();
    const link = `#s=${encodeBase64url(bomb.bytes)}`;
    expect(link.length).toBeLessThan(MAX_LINK_CHARS);
    expect(errorsOf(decode(link))).toEqual(['scenario in link is too large once decompressed (limit 1 MiB)']);
    // Counted, not timed (bench/codec.ts times it): of the 180 MB it would inflate to, at most
    // the cap plus one push is ever produced, nothing past the cap is kept, and the input is
    // abandoned within its first 2 %.
    const cap = 1 << 20;
    const inflated = inflateCapped(bomb.bytes, cap);
    if (inflated.ok || inflated.reason !== 'too-large') throw new Error(`expected too-large, got ${JSON.stringify(inflated)}`);
    expect(inflated.produced).toBeGreaterThan(cap);
    expect(inflated.produced).toBeLessThanOrEqual(cap + MAX_PUSH_OUTPUT);
    expect(inflated.kept).toBeLessThanOrEqual(cap);
    expect(inflated.read).toBeLessThan(bomb.bytes.length / 50);
    expect(bomb.inflated).toBeGreaterThan(100 * inflated.produced);
  });

  it('rejects 50 MB of zeros compressed by an ordinary deflate', () => {
    const link = `#s=${encodeBase64url(deflateSync(new Uint8Array(50_000_000)))}`;
    expect(errorsOf(decode(link))).toEqual(['scenario in link is too large once decompressed (limit 1 MiB)']);
  });

  it('accepts a link just under the decompressed cap', () => {
    const padded = { ...happy, description: 'x'.repeat(2000), notes: Array.from({ length: 400 }, (_, i) => ({ at: i, text: 'y'.repeat(2000) })) };
    expect(JSON.stringify(padded).length).toBeLessThan(1 << 20);
    expect(JSON.stringify(padded).length).toBeGreaterThan(800_000);
    expect(decode(encodeScenarioUrl(padded))).toStrictEqual({ ok: true, scenario: padded });
  });
});

describe('base64url', () => {
  it('round-trips any bytes and matches the standard alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64url(text)).toStrictEqual({ ok: true, bytes });
      }),
    );
  });

  it('accepts padding and rejects an impossible length', () => {
    expect(decodeBase64url('AQ==')).toStrictEqual({ ok: true, bytes: new Uint8Array([1]) });
    expect(decodeBase64url('AQIDB')).toStrictEqual({ ok: false, error: 'length 5 is not a whole number of bytes' });
  });
});

// ── property: random valid scenarios survive the link codec ─────────────────────────────

const nodeId = fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/);
const latency = fc.tuple(fc.integer({ min: 0, max: 600_000 }), fc.integer({ min: 0, max: 600_000 })).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]);
const chance = fc.double({ min: 0, max: 1, noNaN: true });
/** Any code points, lone surrogates included; one can take two UTF-16 units, hence the halving. */
const text = (maxLength: number) => fc.string({ unit: 'binary', maxLength: Math.floor(maxLength / 2) });

function actionFor(nodes: string[]): fc.Arbitrary<Omit<Action, 'at'>> {
  const node = fc.constantFrom(...nodes);
  const pair = fc.tuple(node, node).filter(([a, b]) => a !== b);
  const message = fc.integer({ min: 1, max: 2 ** 40 });
  const groups = fc
    .array(fc.integer({ min: 0, max: 3 }), { minLength: nodes.length, maxLength: nodes.length })
    .map((ix) => [0, 1, 2, 3].map((g) => nodes.filter((_, i) => ix[i] === g)).filter((grp) => grp.length > 0));
  return fc.oneof(
    fc.record({ do: fc.constantFrom('crash', 'pause', 'resume'), node }),
    fc.record({ do: fc.constant('restart'), node, loseDisk: fc.boolean() }, { requiredKeys: ['do', 'node'] }),
    fc.record({ do: fc.constant('skew'), node, rate: fc.double({ min: 0.001, max: 100, noNaN: true }) }),
    fc.record({ do: fc.constant('timeout'), node, timer: text(20).filter((t) => t.length > 0) }, { requiredKeys: ['do', 'node'] }),
    fc.record({ do: fc.constant('fire'), node, timer: fc.constantFrom('election', 'heartbeat') }),
    fc.record({ do: fc.constant('partition'), groups }),
    pair.map(([from, to]) => ({ do: 'cut', from, to })),
    fc.record({ do: fc.constant('heal') }),
    fc.record({ do: fc.constantFrom('drop', 'duplicate', 'deliver'), message }),
    fc.record({ do: fc.constant('delay'), message, by: fc.double({ min: 0.001, max: 10_000_000, noNaN: true }) }),
    fc.record({ do: fc.constant('request'), node, command: text(40) }),
  ) as fc.Arbitrary<Omit<Action, 'at'>>;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.uniqueArray(nodeId, { minLength: 3, maxLength: 9 }).chain((nodes) =>
  fc.oneof(fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 0.5, max: 10_000_000, noNaN: true })).chain((until) => {
    const at = fc.double({ min: 0, max: until, noNaN: true });
    const steps = fc.record({ at, step: fc.nat() }, { requiredKeys: ['at'] });
    const actions = fc
      .array(fc.tuple(steps, actionFor(nodes)), { maxLength: 30 })
      .map((list) => list.sort((x, y) => x[0].at - y[0].at).map(([when, a]) => ({ at: when.at, ...a, ...(when.step === undefined ? {} : { step: when.step }) }) as Action));
    const pairs = fc.uniqueArray(fc.tuple(fc.constantFrom(...nodes), fc.constantFrom(...nodes)).filter(([a, b]) => a !== b), { selector: ([a, b]) => `${a}>${b}`, maxLength: 6 });
    const links = pairs.chain((ps) => fc.tuple(...ps.map(([from, to]) => fc.record({ from: fc.constant(from), to: fc.constant(to), latency, drop: chance, duplicate: chance }, { requiredKeys: ['from', 'to'] }))));
    return fc.record(
      {
        format: fc.constant('faultline-scenario' as const),
        version: fc.constantFrom(1 as const, 2 as const),
        protocol: fc.constant('raft'),
        name: text(200),
        title: text(200),
        description: text(2000),
        nodes: fc.constant(nodes),
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        params: fc.record(
          {
            bugs: fc.subarray(raft.bugs.map((b) => b.id)),
            // Valid together too: heartbeats below the election timeout's minimum (default 150).
            electionTimeout: fc.tuple(fc.integer({ min: 150, max: 1000 }), fc.integer({ min: 0, max: 1000 })).map(([a, d]) => [a, a + d]),
            heartbeatInterval: fc.integer({ min: 1, max: 149 }),
          },
          { requiredKeys: ['bugs'] },
        ),
        network: fc.record({ latency, drop: chance, duplicate: chance, links }, { requiredKeys: ['latency', 'drop', 'duplicate'] }),
        schedule: fc.constantFrom('auto' as const, 'manual' as const),
        actions,
        until: fc.constant(until),
        notes: fc.array(fc.record({ at, text: text(200) }), { maxLength: 5 }),
      },
      { requiredKeys: ['format', 'version', 'protocol', 'nodes', 'seed', 'params', 'network', 'schedule', 'actions', 'until'] },
    );
  }),
// fc.record may build null-prototype objects; a parsed scenario never has them.
).map((s) => structuredClone(s));

describe('random scenarios', () => {
  it('are valid as generated and survive JSON and the link unchanged', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(parse(scenarioToJson(s))).toStrictEqual({ ok: true, scenario: s });
        expect(decode(encodeScenarioUrl(s))).toStrictEqual({ ok: true, scenario: s });
      }),
      { numRuns: 200 },
    );
  });

  it('encode to the same link whatever the key order of the input', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const reordered = Object.fromEntries(Object.entries(s).reverse());
        const r = decode(encodeScenarioUrl(reordered as unknown as Scenario));
        expect(r.ok && encodeScenarioUrl(r.scenario)).toBe(encodeScenarioUrl(s));
      }),
      { numRuns: 50 },
    );
  });
});
