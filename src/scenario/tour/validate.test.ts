/** Tour validation: a valid tour passes; hostile and broken tours are refused with messages
 * that name the field and the problem. */
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { raft } from '../../protocols/raft';
import { twopc } from '../../protocols/twopc';
import { threepc } from '../../protocols/threepc';
import { chash } from '../../protocols/chash';
import type { ProtocolModule } from '../../protocols/types';

const MODULES: Record<string, ProtocolModule> = { raft, twopc, threepc, chash };
const getProtocol = (id: string): ProtocolModule | undefined => (Object.hasOwn(MODULES, id) ? MODULES[id] : undefined);
import { encodeBase64url } from '../base64url';
import { validateTour } from './validate';
import { decodeTour, encodeTour, parseTourJson, tourParams, tourToJson } from './codec';
import { raftElection } from './builtin/raftElection';
import { parseMarkdown } from './markdown';

const known = Object.keys(MODULES);
const base = (): Record<string, unknown> => JSON.parse(JSON.stringify(raftElection)) as Record<string, unknown>;
const steps = (t: Record<string, unknown>) => t.steps as Record<string, unknown>[];
const errors = (t: unknown): string[] => {
  const r = validateTour(t, getProtocol, known);
  return r.ok ? [] : r.errors;
};

describe('validateTour', () => {
  it('accepts the built-in tour and round-trips it through a link', () => {
    expect(errors(base())).toEqual([]);
    const r = decodeTour(encodeTour(raftElection), getProtocol, known);
    expect(r.ok && r.tour).toEqual(raftElection);
  });

  it('refuses non-objects, other formats and versions', () => {
    expect(errors(null)).toEqual(['tour: must be a JSON object, got null']);
    expect(errors({ ...base(), format: 'faultline-scenario' })[0]).toBe('format: expected "faultline-tour", got "faultline-scenario"');
    expect(errors({ ...base(), version: 2 })[0]).toBe('version: this build reads tour version 1, got 2');
  });

  it('names unknown fields, missing steps and too many steps', () => {
    expect(errors({ ...base(), stpes: [] })).toContain('stpes: unknown field (expected format, version, id, title, description, authors, scenarioId, scenario, steps)');
    expect(errors({ ...base(), steps: [] })[0]).toBe('steps: must be an array of 1 to 200 steps, got "0 steps"');
    const many = base();
    many.steps = Array.from({ length: 201 }, (_, i) => ({ id: `s${i}`, kind: 'narrate', anchor: { after: 0 }, say: 'x' }));
    expect(errors(many)[0]).toContain('steps: must be an array of 1 to 200 steps');
  });

  it('reports scenario problems under scenario.', () => {
    const t = base();
    (t.scenario as Record<string, unknown>).nodes = ['n1', 'n1'];
    expect(errors(t).some((e) => e.startsWith('scenario.nodes'))).toBe(true);
  });

  it('runs a curated scenario named by scenarioId, and says why an id names none', () => {
    const { scenario: _own, ...byId } = base();
    const r = validateTour({ ...byId, scenarioId: 'raft:leader-crash' }, getProtocol, known);
    expect(r.ok && r.tour.scenario).toEqual(raft.scenarios.find((s) => s.name === 'leader-crash'));
    expect(r.ok && r.tour.scenarioId).toBe('raft:leader-crash');
    // Written back out (file or link), it names the scenario again and reads back the same.
    if (!r.ok) throw new Error('not ok');
    const again = parseTourJson(tourToJson(r.tour), getProtocol, known);
    expect(again.ok && again.tour).toEqual(r.tour);
    const linked = decodeTour(encodeTour(r.tour), getProtocol, known);
    expect(linked.ok && linked.tour).toEqual(r.tour);
    expect(JSON.parse(tourToJson(r.tour))).not.toHaveProperty('scenario');
    expect(errors({ ...byId, scenarioId: 'raft:no-such' })).toEqual([`scenarioId: raft has no curated scenario "no-such" (it has: ${raft.scenarios.map((s) => s.name).join(', ')})`]);
    expect(errors({ ...byId, scenarioId: 'paxo:happy-path' })).toEqual(['scenarioId: no protocol is called "paxo" (known: raft, twopc, threepc, chash)']);
    expect(errors({ ...byId, scenarioId: 'figure-8' })[0]).toBe('scenarioId: must be "protocol:scenario", such as "raft:figure-8", got "figure-8"');
    expect(errors({ ...byId, scenarioId: { __proto__: 'raft' } })[0]).toMatch(/^scenarioId: must be "protocol:scenario"/);
    // Exactly one of the two: a tour without an id still carries its own scenario.
    expect(errors({ ...base(), scenarioId: 'raft:leader-crash' })).toEqual(['scenarioId: give either scenarioId (a curated scenario) or scenario (your own), not both']);
    expect(errors(byId)).toEqual(['scenario: missing: give the tour\'s scenario, or scenarioId naming a curated one ("raft:figure-8")']);
  });

  it('refuses unbound $names, unknown nodes and forward references', () => {
    const t = base();
    steps(t)[2]!.show = { nodes: ['$Z', 'n9'] };
    steps(t)[3]!.anchor = { event: { becomes: { role: 'leader' } }, from: 'sandbox' };
    const e = errors(t);
    expect(e).toContain('steps[2].show.nodes[0]: "$Z" is not bound by an earlier step (bound: C)');
    expect(e).toContain('steps[2].show.nodes[1]: unknown node "n9" (nodes are n1, n2, n3, n4, n5)');
    expect(e).toContain('steps[3].anchor.from: must name an earlier step, got "sandbox"');
  });

  it('refuses an absolute time after a task (the run differs per student)', () => {
    const t = base();
    steps(t)[6]!.anchor = { time: 900 };
    expect(errors(t)).toContain('steps[6].anchor.time: an absolute time cannot follow a task or branch step (the run differs per student): use after, event or until');
  });

  it('checks ask answers, task demos and branch targets', () => {
    const t = base();
    (steps(t)[7]!.ask as Record<string, unknown>).answer = { value: 'maybe' };
    (steps(t)[5]!.task as Record<string, unknown>).demo = [{ do: 'explode', node: '$L' }];
    ((steps(t)[8]!.branch as Record<string, unknown>).choices as Record<string, unknown>[])[0]!.goto = 'intro';
    const e = errors(t);
    expect(e).toContain('steps[7].ask.answer.value: must be one of the option ids (crash, candidate), got "maybe"');
    expect(e.some((x) => x.startsWith('steps[5].task.demo[0].do'))).toBe(true);
    expect(e).toContain('steps[8].branch.choices[0].goto: must name a later step, got "intro"');
  });

  it('caps text and keeps hostile keys off the prototype', () => {
    const t = base();
    steps(t)[0]!.say = 'x'.repeat(5000);
    steps(t)[1]!.show = JSON.parse('{"__proto__": {"polluted": 1}, "nodes": ["n1"]}');
    const e = errors(t);
    expect(e).toContain('steps[0].say: must be at most 4000 characters, got 5000');
    expect(e).toContain('steps[1].show.__proto__: unknown field (expected nodes, messages, entries, invariants, spanFrom, dim)');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses bad JSON with a position, oversized files and decompression bombs', () => {
    const r = parseTourJson('{"format": "faultline-tour",, }', getProtocol, known);
    expect(r.ok ? '' : r.errors[0]).toMatch(/^tour is not valid JSON: .* at line 1, column \d+$/);
    expect(parseTourJson(' '.repeat(1024 * 1024 + 1), getProtocol, known)).toEqual({ ok: false, errors: ['tour is too large (1048577 characters, limit 1048576)'] });
    const bomb = encodeBase64url(deflateSync(new Uint8Array(4 * 1024 * 1024).fill(32)));
    expect(decodeTour(bomb, getProtocol, known)).toEqual({ ok: false, errors: ['tour in link is too large once decompressed (limit 1 MiB)'] });
    expect(decodeTour('!!!', getProtocol, known).ok).toBe(false);
  });

  it('reads tour= and tourStep= from a query or a fragment', () => {
    expect(tourParams('https://x/app/?tour=raft-election&tourStep=3')).toEqual({ tour: 'raft-election', step: 3 });
    expect(tourParams('#s=abc&tour=xyz')).toEqual({ tour: 'xyz' });
    expect(tourParams('#s=abc')).toBeNull();
  });
});

describe('markdown subset', () => {
  it('parses paragraphs, items and inline marks as data, never HTML', () => {
    expect(parseMarkdown('A **bold** and *em* `code`\n\n- one\n- <b>two</b>')).toEqual([
      { kind: 'p', spans: [{ text: 'A ' }, { text: 'bold', strong: true }, { text: ' and ' }, { text: 'em', em: true }, { text: ' ' }, { text: 'code', code: true }] },
      { kind: 'li', spans: [{ text: 'one' }] },
      { kind: 'li', spans: [{ text: '<b>two</b>' }] },
    ]);
  });
});
