/**
 * A tour's scenario named by id: `"scenarioId": "raft:figure-8-bug"` runs the curated scenario of
 * that name from that protocol, so a tour over a curated run does not repeat its actions (and
 * follows it when the scenario is corrected). A tour without one carries its own `scenario`.
 */
import type { ProtocolLookup } from '../validate';
import type { Scenario } from '../types';
import type { Tour, TourInput } from './types';

export type CuratedResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** `protocol:name`, each part letters, digits, `-` or `_`. */
const ID = /^([a-z0-9_-]{1,32}):([A-Za-z0-9_-]{1,64})$/;

/** The curated scenario `id` names (a copy), or why there is none. */
export function curatedScenario(id: unknown, lookup: ProtocolLookup, known?: readonly string[]): CuratedResult {
  const m = typeof id === 'string' ? ID.exec(id) : null;
  if (!m) return { ok: false, error: `must be "protocol:scenario", such as "raft:figure-8", got ${JSON.stringify(id)?.slice(0, 80) ?? String(id)}` };
  const [, protocol, name] = m as unknown as [string, string, string];
  const module = lookup(protocol);
  if (!module) return { ok: false, error: known && !known.includes(protocol) ? `no protocol is called "${protocol}" (known: ${known.join(', ')})` : `protocol "${protocol}" is not available` };
  const found = module.scenarios.find((s) => s.name === name);
  if (!found) return { ok: false, error: `${protocol} has no curated scenario "${name}" (it has: ${module.scenarios.map((s) => s.name).join(', ')})` };
  return { ok: true, scenario: structuredClone(found) };
}

/** A tour as written, with its scenario filled in from `scenarioId` when it names one. */
export function resolveTour(input: TourInput, lookup: ProtocolLookup, known?: readonly string[]): { ok: true; tour: Tour } | { ok: false; errors: string[] } {
  if (input.scenario) return { ok: true, tour: input as Tour };
  const r = curatedScenario(input.scenarioId, lookup, known);
  return r.ok ? { ok: true, tour: { ...input, scenario: r.scenario } } : { ok: false, errors: [`scenarioId: ${r.error}`] };
}

/** The protocol a tour runs (and, in compare mode, the other one), without resolving it. */
export function tourProtocols(input: TourInput): { protocol: string; compare?: string } {
  if (input.scenario) return { protocol: input.scenario.protocol, ...(input.scenario.compare ? { compare: input.scenario.compare.protocol } : {}) };
  return { protocol: (input.scenarioId ?? '').split(':')[0] ?? '' };
}
