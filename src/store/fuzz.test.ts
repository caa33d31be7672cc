/**
 * Hostile input, kept honest (issue 10): fast-check over the link codec, the validator and the
 * file import. Every input gives a named error or a valid scenario, within a time bound, with
 * memory bounded, and Object.prototype untouched. A few hundred cases here; FUZZ_RUNS=5000
 * (the bench) runs more.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { decodeScenarioUrl, encodeScenarioUrl } from '../scenario/codec';
import { encodeBase64url } from '../scenario/base64url';
import { validateScenario } from '../scenario/validate';
import { getProtocol, protocols } from '../protocols/registry';
import type { Scenario } from '../scenario/types';
import { readImport } from './importFile';
import { runScenario } from '../sim/simulation';
import { mutatedOf, value } from '../scenario/fuzzInputs';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const known = [...protocols.keys()];
const curated: Scenario[] = [...protocols.values()].flatMap((m) => m.scenarios.slice(0, 3));

const mutated = mutatedOf(curated);

const MAX_MESSAGE = 600;
function judged(r: { ok: true } | { ok: false; errors: string[] }): void {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  expect(r.errors.length).toBeLessThanOrEqual(20);
  for (const e of r.errors) {
    expect(typeof e).toBe('string');
    expect(e.length).toBeLessThan(MAX_MESSAGE);
  }
}

/** Each case stays inside a memory bound and leaves Object.prototype as it was. Its wall time
 * is not asserted (the machine is shared): a hang still fails on the test's timeout, and
 * `npm run bench` times the codec and the validator on hostile inputs. */
function bounded<T>(f: () => T): T {
  const heap0 = process.memoryUsage().heapUsed;
  const out = f();
  expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(512 * 1024 * 1024);
  return out;
}

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

describe('fuzz: the validator', () => {
  it('random values and mutated scenarios give a valid scenario or named errors', () => {
    fc.assert(
      fc.property(fc.oneof(value, mutated), (input) => {
        const r = bounded(() => validateScenario(input, getProtocol, known));
        judged(r);
        // What passes validates again to itself: the validator's output is a fixed point.
        if (r.ok) expect(validateScenario(JSON.parse(JSON.stringify(r.scenario)), getProtocol, known)).toEqual(r);
      }),
      { numRuns: RUNS, seed: 101 },
    );
  });
});

describe('fuzz: the link codec', () => {
  it('random fragments, corrupt streams and mutated scenarios decode to a scenario or named errors', () => {
    const fragment = fc.oneof(
      fc.string({ maxLength: 300 }).map((s) => `#s=${s}`),
      fc.uint8Array({ maxLength: 400 }).map((b) => `#s=${encodeBase64url(b)}`),
      fc.uint8Array({ maxLength: 400 }).map((b) => `#s=${encodeBase64url(deflateSync(b))}`),
      mutated.map((s) => `https://x.example/#s=${encodeBase64url(deflateSync(new TextEncoder().encode(JSON.stringify(s))))}`),
      fc.tuple(fc.constantFrom(...curated), fc.nat(), fc.nat(255)).map(([s, i, b]) => {
        const link = encodeScenarioUrl(s);
        const at = 3 + (i % Math.max(1, link.length - 3));
        return link.slice(0, at) + String.fromCharCode(45 + (b % 78)) + link.slice(at + 1);
      }),
    );
    fc.assert(
      fc.property(fragment, (link) => judged(bounded(() => decodeScenarioUrl(link, getProtocol, known)))),
      { numRuns: RUNS, seed: 102 },
    );
  });
});

describe('fuzz: file import', () => {
  const traces = curated.slice(0, 4).map((s) => JSON.parse(JSON.stringify(runScenario(getProtocol(s.protocol)!, s, { checkpointEvery: 0 }).trace())) as Record<string, unknown>);
  it('random text, values, scenarios and tampered traces give a result or named errors', () => {
    const tampered = fc.tuple(fc.constantFrom(...traces), fc.constantFrom('events', 'final', 'violations', 'scenario', 'version', '__proto__'), value).map(([t, k, v]) => {
      const copy = { ...t };
      Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
      return JSON.stringify(copy);
    });
    const text = fc.oneof(fc.string({ maxLength: 200 }), value.map((v) => JSON.stringify(v) ?? ''), mutated.map((s) => JSON.stringify(s)), tampered);
    fc.assert(
      fc.property(text, (t) => {
        const r = bounded(() => readImport(t));
        judged(r);
        if (r.ok) expect(validateScenario(r.scenario, getProtocol, known).ok).toBe(true);
      }),
      { numRuns: RUNS, seed: 103 },
    );
  });
});
