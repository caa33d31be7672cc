import { beforeAll, describe, expect, it } from 'vitest';
import { raft } from '../../protocols/raft';
import { createSession } from '../../store/session';
import { loadStrings, translate } from '../../i18n';
import { spaceTimeSvg } from './exportSvg';
import { compactJson, describeHit, runSummary } from './describe';
import { indexFor } from './runIndex';

// Labels read string tables that the app loads on demand (i18n/later.ts).
beforeAll(() => loadStrings());

const figure8 = raft.scenarios.find((s) => s.name === 'figure-8-bug')!;
const store = createSession(figure8);
store.getState().seekStep(1e9);
const { sim } = store.getState();
const end = sim.events.at(-1)!.time;

describe('spaceTimeSvg', () => {
  it('renders the window as standalone SVG, with node names, spans and violations', () => {
    const svg = spaceTimeSvg({ sim, frame: { time: end, step: sim.events.length }, window: { start: 0, end: 700 }, width: 800 });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="844" height="176"')).toBe(true);
    expect(svg.endsWith('</svg></svg>')).toBe(true);
    for (const n of figure8.nodes) expect(svg).toContain(`>${n}</text>`);
    expect(svg).toContain('>down</text>');
    // Both violations are drawn on both of their nodes: a red diamond each.
    expect(svg.match(/<polygon points="[^"]+" fill="#b91c1c" stroke="#ffffff"/g)).toHaveLength(4);
    expect(svg).not.toContain('NaN');
  });

  it('draws only the window it is given, in the language it is given', () => {
    const early = spaceTimeSvg({ sim, frame: { time: 0, step: 0 }, window: { start: 0, end: 50 }, width: 600, lang: 'zh-CN' });
    expect(early).not.toContain('#b91c1c" stroke="#ffffff"');
    expect(early).toContain('0 毫秒');
  });
});

describe('words', () => {
  it('renders payloads as short JSON-ish text', () => {
    expect(compactJson({ term: 3, entries: [{ term: 1 }, { term: 2 }, { term: 3 }, { term: 4 }], ok: true })).toBe('{term: 3, entries: [{term: 1}, {term: 2}, {term: 3}, …+1], ok: true}');
    expect(compactJson({ s: 'x'.repeat(300) }, 20)).toBe('{s: "xxxxxxxxxxxxxx…');
  });

  it('summarises crashed spans and violations of the run', () => {
    const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate('en', k, v);
    const index = indexFor(sim.events, figure8.nodes);
    const text = runSummary(t, {
      index,
      events: sim.events,
      count: sim.events.length,
      violations: sim.violations,
      win: { start: 0, end: 700 },
      cursor: end,
      aggregated: false,
      invariantName: (id) => id,
    });
    expect(text).toContain('Crashed: n1 150–210 ms, from 350 ms; n3 100–150 ms; n4 100–150 ms; n5 100–150 ms, 200–360 ms.');
    expect(text).toContain('leader-completeness at 440 ms (n5, n1)');
    const tip = describeHit({ t, index, events: sim.events, violations: sim.violations, invariantName: (id) => id }, { kind: 'message', id: 1 });
    expect(tip.lines.slice(0, 3)).toEqual(['#1 RequestVote n1 → n2 (request)', 'sent at 0 ms (step 6)', 'delivered at 10 ms, after 10 ms']);
  });
});
