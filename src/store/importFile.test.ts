import { describe, expect, it } from 'vitest';
import { raft } from '../protocols/raft';
import { Simulation, runScenario } from '../sim/simulation';
import { scenarioToJson } from '../scenario/codec';
import type { Trace } from '../sim/types';
import { createSession } from './session';
import { MAX_SCENARIO_BYTES, MAX_TRACE_BYTES, checkFileSize, exportBaseName, readImport, traceAtStep, utf8Length } from './importFile';

const scenario = (name: string) => raft.scenarios.find((s) => s.name === name)!;
const finalOf = (sim: Simulation): Trace['final'] => sim.trace().final;

/** A trace as the app writes it: the run up to `step`, compact JSON. */
function traceText(name: string, step?: number): { text: string; trace: Trace } {
  const sim = runScenario(raft, scenario(name));
  const trace = step === undefined ? sim.trace() : traceAtStep(sim.trace(), step, finalOf(sim));
  return { text: JSON.stringify(trace), trace };
}

function errorsOf(r: ReturnType<typeof readImport>): string[] {
  if (r.ok) throw new Error(`expected errors, got a ${r.kind}`);
  return r.errors;
}

describe('readImport: what kind of file', () => {
  it('reads a scenario file by its format', () => {
    const r = readImport(scenarioToJson(scenario('leader-crash')));
    expect(r.ok && r.kind).toBe('scenario');
    if (!r.ok) return;
    expect(r.scenario).toEqual(scenario('leader-crash'));
    expect(r.step).toBeUndefined();
    expect(r.warnings).toEqual([]);
  });

  it('reads a trace file by its format, with the cursor at its last step', () => {
    const { text, trace } = traceText('happy-path');
    const r = readImport(text);
    expect(r.ok && r.kind).toBe('trace');
    if (!r.ok) return;
    expect(r.step).toBe(trace.events.length);
    expect(r.scenario).toEqual(scenario('happy-path'));
    expect(r.warnings).toEqual([]);
  });

  it('accepts the trace of a run in progress (a prefix of its run) without a warning', () => {
    const { text } = traceText('leader-crash', 120);
    const r = readImport(text);
    expect(r.ok && r.step).toBe(120);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('refuses other formats and versions, naming the field', () => {
    expect(errorsOf(readImport('{"format": "something-else"}'))[0]).toBe('format: expected "faultline-scenario" or "faultline-trace", got "something-else"');
    expect(errorsOf(readImport('[1, 2]'))[0]).toMatch(/^file: expected a JSON object/);
    expect(errorsOf(readImport('{"events": []}'))).toEqual(['format: missing (expected "faultline-scenario" or "faultline-trace")']);
    const v2 = JSON.stringify({ ...JSON.parse(traceText('forget-vote').text), version: 2 });
    expect(errorsOf(readImport(v2))).toEqual(['version: unsupported version 2 (this build reads version 1)']);
    expect(errorsOf(readImport(''))).toEqual(['file is empty']);
  });
});

describe('readImport: size caps, before parsing', () => {
  it('refuses a file over the trace cap from its size alone', () => {
    expect(checkFileSize(MAX_TRACE_BYTES)).toBeNull();
    expect(checkFileSize(MAX_TRACE_BYTES + 1)).toMatch(/^file is too large \(128\.0 MiB|^file is too large \(128 MiB/);
    // Not JSON at all: the size is what is reported, so nothing was parsed.
    expect(errorsOf(readImport('not json', MAX_TRACE_BYTES + 1))[0]).toMatch(/^file is too large/);
  });

  it('refuses a scenario over 1 MiB, even when its text is broken further on', () => {
    const head = '{ "format": "faultline-scenario", "version": 1, "broken": ';
    expect(errorsOf(readImport(head, MAX_SCENARIO_BYTES + 1))).toEqual(['scenario file is too large (1.0 MiB, limit 1.0 MiB)']);
    // A big scenario whose format comes later is caught once parsed.
    const padded = JSON.stringify({ padding: 'x'.repeat(MAX_SCENARIO_BYTES), ...scenario('happy-path') });
    expect(errorsOf(readImport(padded))[0]).toMatch(/^scenario file is too large/);
  });

  it('lets a trace be larger than a scenario may be', () => {
    const { text } = traceText('happy-path');
    const r = readImport(text, MAX_SCENARIO_BYTES * 3);
    expect(r.ok && r.kind).toBe('trace');
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('a')).toBe(1);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('节点')).toBe(6);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('😀')).toBe(new TextEncoder().encode('😀').length);
  });
});

describe('readImport: syntax and field errors', () => {
  it('names the line, column and position of a JSON syntax error', () => {
    const text = '{\n  "format": "faultline-trace",\n  "version": 1,\n}';
    expect(errorsOf(readImport(text))).toEqual(["file is not valid JSON: trailing comma before '}' at line 3, column 15 (position 47)"]);
    expect(errorsOf(readImport('{"format": "faultline-scenario", "nodes": [1 2]}'))[0]).toMatch(/^file is not valid JSON: .* at line 1, column 46 \(position 45\)$/);
  });

  it('names invalid scenario fields by path', () => {
    const s = { ...scenario('happy-path'), actions: [{ at: 0, do: 'crash', node: 'n9' }], seed: -1 };
    const errors = errorsOf(readImport(JSON.stringify(s)));
    expect(errors.some((e) => e.startsWith('actions[0].node: unknown node "n9"'))).toBe(true);
    expect(errors.some((e) => e.startsWith('seed: must be a whole number'))).toBe(true);
  });

  it('names invalid fields of a trace, its scenario under "scenario."', () => {
    const trace = JSON.parse(traceText('forget-vote').text) as Record<string, unknown> & { events: Record<string, unknown>[]; scenario: Record<string, unknown> };
    trace.scenario.nodes = ['n1', 'n1', 'n3'];
    trace.events[2]!.seq = 7;
    delete trace.events[3]!.kind;
    trace.extra = true;
    const errors = errorsOf(readImport(JSON.stringify(trace)));
    expect(errors).toContain('scenario.nodes[1]: duplicate node "n1"');
    expect(errors).toContain('events[2].seq: must be 2 (events are numbered from 0, in order), got 7');
    expect(errors).toContain('events[3].kind: missing (must be an event kind)');
    expect(errors.some((e) => e.startsWith('extra: unknown field'))).toBe(true);
  });
});

describe('readImport: a trace is replayed against its scenario', () => {
  it('warns at the first tampered event, still giving the scenario and step', () => {
    const { trace } = traceText('happy-path');
    const k = trace.events.findIndex((e) => e.state && (e.state as { currentTerm: number }).currentTerm === 1 && e.seq > 20);
    expect(k).toBeGreaterThan(20);
    // Through JSON, as a file would be: the run shares unchanged states between its events.
    const tampered = JSON.parse(JSON.stringify(trace)) as Trace;
    (tampered.events[k]!.state as { currentTerm: number }).currentTerm = 9;
    const r = readImport(JSON.stringify(tampered));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.step).toBe(trace.events.length);
    expect(r.warnings[0]).toMatchObject({ kind: 'mismatch', step: k + 1 });
    const w = r.warnings[0]!;
    if (w.kind === 'mismatch') {
      expect(w.found).toContain('"currentTerm":9');
      expect(w.expected).toContain('"currentTerm":1');
    }
  });

  it('warns when the trace holds more events than its scenario gives', () => {
    const { trace } = traceText('forget-vote');
    const longer = { ...trace, events: [...trace.events, { ...trace.events.at(-1)!, seq: trace.events.length }] };
    const r = readImport(JSON.stringify(longer));
    expect(r.ok && r.warnings[0]).toMatchObject({ kind: 'mismatch', step: trace.events.length + 1, expected: 'the end of the run' });
  });

  it('does not warn when only a violation message was reworded (old files), and survives odd entries', () => {
    const { trace } = traceText('figure-8-bug');
    expect(trace.violations.length).toBeGreaterThan(0);
    const reworded = trace.violations.map((v) => ({ ...v, message: 'an older wording' }));
    const r = readImport(JSON.stringify({ ...trace, violations: reworded }));
    expect(r.ok && r.warnings).toEqual([]);
    const odd = readImport(JSON.stringify({ ...trace, violations: [null, 3] }));
    expect(odd.ok && odd.warnings).toEqual([{ kind: 'violations', recorded: 2, found: trace.violations.length }]);
  });

  it('warns when the recorded violations differ from a re-check of the events', () => {
    const { trace } = traceText('figure-8-bug');
    expect(trace.violations.length).toBeGreaterThan(0);
    const r = readImport(JSON.stringify({ ...trace, violations: [] }));
    expect(r.ok && r.warnings).toEqual([{ kind: 'violations', recorded: 0, found: trace.violations.length }]);
  });
});

describe('export at the cursor, then import', () => {
  it('brings back the same scenario, step and node states, in the past of a run too', () => {
    const store = createSession(scenario('leader-crash'));
    store.getState().seekStep(200);
    store.getState().act({ do: 'request', node: 'n2', command: 'mine' });
    store.getState().seekStep(260);
    store.getState().seekStep(150);
    const s = store.getState();
    const final = { time: s.world.time, nodes: Object.fromEntries(s.frame.nodes.map((n) => [n.id, { up: n.up, state: n.state }])) };
    const text = JSON.stringify(traceAtStep(s.sim.trace(), s.frame.step, final));
    const r = readImport(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.step).toBe(150);
    expect(r.scenario).toEqual(s.sim.scenario);
    const other = createSession(scenario('happy-path'));
    other.getState().load(r.scenario, r.step);
    expect(other.getState().frame.step).toBe(150);
    expect(other.getState().frame.nodes.map((n) => [n.id, n.up, n.state])).toEqual(s.frame.nodes.map((n) => [n.id, n.up, n.state]));
  });

  it('names files after protocol, scenario and step, safely', () => {
    expect(exportBaseName(scenario('figure-8-bug'), 42)).toBe('faultline-raft-figure-8-bug-42');
    expect(exportBaseName({ ...scenario('happy-path'), name: '../My Run: 2' }, 0)).toBe('faultline-raft-my-run-2-0');
    const { name: _name, ...unnamed } = scenario('happy-path');
    expect(exportBaseName(unnamed, 7)).toBe('faultline-raft-custom-7');
  });
});
