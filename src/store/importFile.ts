/**
 * Files in and out: an imported file (a scenario or a trace) is size-capped, parsed, validated
 * and, for a trace, replayed against its scenario, before the session is touched. Pure: text in,
 * a scenario and a cursor step (plus warnings) or every problem found out.
 */
import type { Scenario } from '../scenario/types';
import type { Trace, TraceEvent, Violation } from '../sim/types';
import { FORMAT as SCENARIO_FORMAT, validateScenario } from '../scenario/validate';
import { findJsonError, lineColumn } from '../scenario/jsonError';
import { checkKeys, field, isRecord, MAX_ERRORS, own, Problems, show } from '../scenario/problems';
import { firstDivergence, recheckInvariants } from '../check/recheck';
import { PROTOCOL_IDS, getProtocol } from '../protocols/loader';

export const TRACE_FORMAT = 'faultline-trace';
export const TRACE_VERSION = 1;
/** A trace takes about 650 bytes per event: this holds some 200,000 events. */
export const MAX_TRACE_BYTES = 128 * 1024 * 1024;
/** The same cap as a scenario pasted or linked (docs/formats.md). */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
/** What is read before a format is known: the larger of the two. */
export const MAX_FILE_BYTES = MAX_TRACE_BYTES;

const TRACE_KEYS = ['format', 'version', 'scenario', 'events', 'final', 'violations'];

export type ImportWarning =
  /** The replay of the trace's scenario differs from its events; `step` = seq + 1 (the UI's step). */
  | { kind: 'mismatch'; step: number; expected: string; found: string }
  /** The trace's own violation list differs from a re-check of its events. */
  | { kind: 'violations'; recorded: number; found: number };

export type ImportResult =
  | { ok: true; kind: 'scenario'; scenario: Scenario; step?: undefined; warnings: ImportWarning[] }
  /** `time`: the clock the trace was saved at (its `final.time`), which may lie after its last
   * event (the clock runs on between events); absent when the file has no `final`. */
  | { ok: true; kind: 'trace'; scenario: Scenario; step: number; time?: number; warnings: ImportWarning[] }
  | { ok: false; errors: string[] };

const fail = (...errors: string[]): ImportResult => ({ ok: false, errors });

const MIB = 1024 * 1024;
const mib = (n: number) => `${(n / MIB).toFixed(n < 10 * MIB ? 1 : 0)} MiB`;

/** The check made from a file's size alone, before a byte of it is read. Null when fine. */
export function checkFileSize(bytes: number): string | null {
  return bytes > MAX_FILE_BYTES ? `file is too large (${mib(bytes)}, limit ${mib(MAX_FILE_BYTES)} for a trace)` : null;
}

/** UTF-8 length of a string, without allocating its bytes. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The `format` a file declares near its start, read without parsing it (for the size caps). */
function sniffFormat(text: string): string | undefined {
  return /^\s*\{\s*"format"\s*:\s*"([^"\\]{0,64})"/.exec(text.slice(0, 256))?.[1];
}

const scenarioTooLarge = (bytes: number) => `scenario file is too large (${mib(bytes)}, limit ${mib(MAX_SCENARIO_BYTES)})`;

/**
 * Reads an imported file's text. `bytes` is its size on disk (computed from the text when
 * omitted). Detects the kind by `format`; a trace is replayed to confirm its events.
 */
export function readImport(text: string, bytes: number = utf8Length(text)): ImportResult {
  const tooBig = checkFileSize(bytes);
  if (tooBig) return fail(tooBig);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (bytes > MAX_SCENARIO_BYTES && sniffFormat(body) === SCENARIO_FORMAT) return fail(scenarioTooLarge(bytes));
  if (body.trim() === '') return fail('file is empty');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return fail(jsonErrorMessage(body, e));
  }
  if (!isRecord(data)) return fail(`file: expected a JSON object with "format": "${SCENARIO_FORMAT}" or "${TRACE_FORMAT}", got ${show(data)}`);
  const format = own(data, 'format');
  const known = [...PROTOCOL_IDS];
  if (format === SCENARIO_FORMAT) {
    if (bytes > MAX_SCENARIO_BYTES) return fail(scenarioTooLarge(bytes));
    const v = validateScenario(data, getProtocol, known);
    return v.ok ? { ok: true, kind: 'scenario', scenario: v.scenario, warnings: [] } : fail(...v.errors);
  }
  if (format === TRACE_FORMAT) return readTrace(data, known);
  const wanted = `"${SCENARIO_FORMAT}" or "${TRACE_FORMAT}"`;
  return fail(format === undefined ? `format: missing (expected ${wanted})` : `format: expected ${wanted}, got ${show(format)}`);
}

function jsonErrorMessage(text: string, thrown: unknown): string {
  const found = findJsonError(text);
  if (!found) return `file is not valid JSON: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
  const { line, column } = lineColumn(text, found.offset);
  return `file is not valid JSON: ${found.problem} at line ${line}, column ${column} (position ${found.offset})`;
}

function readTrace(data: Record<string, unknown>, known: string[]): ImportResult {
  const p = new Problems();
  const version = own(data, 'version');
  if (version !== TRACE_VERSION) {
    if (typeof version === 'number') p.add('version', `unsupported version ${show(version)} (this build reads version ${TRACE_VERSION})`);
    else p.expect('version', `must be ${TRACE_VERSION}`, version);
    return fail(...p.messages());
  }
  checkKeys(p, '', data, TRACE_KEYS);
  const v = validateScenario(own(data, 'scenario'), getProtocol, known);
  const events = own(data, 'events');
  if (!Array.isArray(events)) p.expect('events', 'must be an array of events', events);
  else checkEvents(p, events);
  const final = own(data, 'final');
  if (final !== undefined && !(isRecord(final) && typeof own(final, 'time') === 'number' && isRecord(own(final, 'nodes')))) {
    p.expect('final', 'must be an object { time, nodes }', final);
  }
  const violations = own(data, 'violations');
  if (violations !== undefined && !Array.isArray(violations)) p.expect('violations', 'must be an array', violations);
  if (p.count > 0 || !v.ok || !Array.isArray(events)) {
    // The scenario's messages name fields from its own root: here they are under "scenario".
    const inScenario = v.ok ? [] : v.errors.map((e) => (e.startsWith('scenario') || e.startsWith('…') ? e : `scenario.${e}`));
    const all = [...inScenario, ...p.messages()];
    return fail(...(all.length > MAX_ERRORS ? [...all.slice(0, MAX_ERRORS - 1), `… and ${all.length - MAX_ERRORS + 1} more problems`] : all));
  }

  const scenario = v.scenario;
  const module = getProtocol(scenario.protocol)!;
  const trace: Trace = {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    scenario,
    events: events as TraceEvent[],
    final: (final as Trace['final'] | undefined) ?? { time: 0, nodes: {} },
    violations: (violations as Violation[] | undefined) ?? [],
  };
  const warnings: ImportWarning[] = [];
  const diverged = firstDivergence(module, trace);
  // A trace of a run in progress is a prefix of its scenario's run: that is no difference.
  if (diverged && !(diverged.seq === events.length && diverged.found === 'the end of the trace')) {
    warnings.push({ kind: 'mismatch', step: diverged.seq + 1, expected: diverged.expected, found: diverged.found });
  }
  if (violations !== undefined) {
    const found = recheckInvariants(module, trace);
    // Which invariant broke at which step, not the message: messages are prose that may be
    // reworded (session 6 did), and an old file's run is no different for it.
    const key = (list: readonly unknown[]) => JSON.stringify(list.map((v) => (isRecord(v) ? [v.seq, v.invariant] : v)));
    if (key(found) !== key(violations as unknown[])) warnings.push({ kind: 'violations', recorded: (violations as unknown[]).length, found: found.length });
  }
  return { ok: true, kind: 'trace', scenario, step: events.length, ...(final === undefined ? {} : { time: trace.final.time }), warnings };
}

/** The shape of each event; their content is checked by the replay. */
function checkEvents(p: Problems, events: unknown[]): void {
  for (let i = 0; i < events.length && p.count <= MAX_ERRORS; i++) {
    const e = events[i];
    const path = field('events', i);
    if (!isRecord(e)) {
      p.expect(path, 'must be an event object { seq, time, kind, … }', e);
      continue;
    }
    if (own(e, 'seq') !== i) p.expect(field(path, 'seq'), `must be ${i} (events are numbered from 0, in order)`, own(e, 'seq'));
    const time = own(e, 'time');
    if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) p.expect(field(path, 'time'), 'must be a time in ms ≥ 0', time);
    if (typeof own(e, 'kind') !== 'string') p.expect(field(path, 'kind'), 'must be an event kind', own(e, 'kind'));
  }
}

/**
 * The trace to download at the cursor: the recorded run up to `step`, with the node states
 * there as `final`. At the head of the run it is the recorded trace itself. Importing it
 * brings back the same scenario, the same step and the same node states.
 */
export function traceAtStep(full: Trace, step: number, final: Trace['final']): Trace {
  if (step >= full.events.length) return { ...full, final };
  return {
    ...full,
    events: full.events.slice(0, step),
    final,
    violations: full.violations.filter((v) => v.seq < step),
  };
}

/** `faultline-<protocol>-<scenario name>-<step>` with only file-name-safe characters. */
export function exportBaseName(scenario: Scenario, step: number): string {
  const safe = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'untitled';
  return `faultline-${safe(scenario.protocol)}-${safe(scenario.name ?? 'custom')}-${step}`;
}

/** A scenario file's text (the codec's pretty JSON). */
export { scenarioToJson as scenarioFileText } from '../scenario/codec';
