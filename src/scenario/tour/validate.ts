/**
 * The tour validator: untrusted input (a file, a link) in, either a clean Tour or every problem
 * found (up to MAX_ERRORS), each naming its field ("steps[3].ask.answer.value: …").
 */
import { validateScenario, type ProtocolLookup } from '../validate';
import { checkKeys, field, isRecord, NodeSet, own, Problems, show } from '../problems';
import type { Scenario } from '../types';
import { MAX_LIST, readAnchor, readEventMatch, readHighlights, readId, readText, readTourActions, type RefContext } from './readParts';
import { curatedScenario } from './scenarioRef';
import { TOUR_FORMAT, TOUR_VERSION, type Ask, type AskAnswer, type BranchChoice, type StepKind, type Task, type Tour, type TourStep } from './types';

export type TourResult = { ok: true; tour: Tour } | { ok: false; errors: string[] };

export const MAX_STEPS = 200;
const KINDS: readonly StepKind[] = ['narrate', 'wait', 'ask', 'task', 'branch', 'sandbox'];
const TOP = ['format', 'version', 'id', 'title', 'description', 'authors', 'scenarioId', 'scenario', 'steps'];
const STEP = ['id', 'kind', 'anchor', 'say', 'show', 'bind', 'ask', 'task', 'branch', 'next'];

export function validateTour(input: unknown, lookup: ProtocolLookup, known?: readonly string[]): TourResult {
  const p = new Problems();
  if (!isRecord(input)) {
    p.expect('tour', 'must be a JSON object', input);
    return { ok: false, errors: p.messages() };
  }
  const v = (k: string): unknown => own(input, k);
  if (v('format') !== TOUR_FORMAT) p.expect('format', `expected "${TOUR_FORMAT}"`, v('format'));
  if (v('version') !== TOUR_VERSION) p.expect('version', `this build reads tour version ${TOUR_VERSION}`, v('version'));
  checkKeys(p, '', input, TOP);
  const id = readId(p, 'id', v('id'));
  const title = readText(p, 'title', v('title'));
  const description = v('description') === undefined ? undefined : readText(p, 'description', v('description'));
  const authors = v('authors');
  if (authors !== undefined && !(Array.isArray(authors) && authors.length <= MAX_LIST && authors.every((a) => typeof a === 'string' && a.length <= 200))) {
    p.expect('authors', `must be an array of at most ${MAX_LIST} names`, authors);
  }
  const scenarioId = v('scenarioId');
  const scenario = readScenario(p, scenarioId, v('scenario'), lookup, known);
  const steps = readSteps(p, v('steps'), scenario, lookup);
  if (p.count > 0 || !scenario || !id || !title) return { ok: false, errors: p.messages() };
  return {
    ok: true,
    tour: {
      format: TOUR_FORMAT,
      version: TOUR_VERSION,
      id,
      title,
      ...(description !== undefined ? { description } : {}),
      ...(Array.isArray(authors) ? { authors: authors as string[] } : {}),
      ...(typeof scenarioId === 'string' ? { scenarioId } : {}),
      scenario,
      steps,
    },
  };
}

/** The tour's own scenario, or the curated one `scenarioId` names (exactly one of the two). */
function readScenario(p: Problems, id: unknown, own: unknown, lookup: ProtocolLookup, known?: readonly string[]): Scenario | undefined {
  if (id !== undefined && own !== undefined) return void p.add('scenarioId', 'give either scenarioId (a curated scenario) or scenario (your own), not both');
  if (id === undefined && own === undefined) return void p.add('scenario', 'missing: give the tour\'s scenario, or scenarioId naming a curated one ("raft:figure-8")');
  const curated = id === undefined ? null : curatedScenario(id, lookup, known);
  if (curated && !curated.ok) return void p.add('scenarioId', curated.error);
  const sc = validateScenario(curated ? curated.scenario : own, lookup, known);
  const at = curated ? `scenarioId (${String(id)})` : 'scenario';
  if (!sc.ok) for (const e of sc.errors) p.add(`${at}.${e.replace(/:.*$/, '')}`, e.replace(/^[^:]*: /, ''));
  return sc.ok ? sc.scenario : undefined;
}

function readSteps(p: Problems, v: unknown, scenario: Scenario | undefined, lookup: ProtocolLookup): TourStep[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_STEPS) {
    p.expect('steps', `must be an array of 1 to ${MAX_STEPS} steps`, Array.isArray(v) ? `${v.length} steps` : v);
    return [];
  }
  const ids = new Set<string>();
  for (const s of v) if (isRecord(s) && typeof own(s, 'id') === 'string') ids.add(own(s, 'id') as string);
  const c = {
    nodes: scenario ? new Set(scenario.nodes) : null,
    bound: new Set<string>(),
    earlier: new Set<string>(),
    actions: { nodes: new NodeSet(scenario ? scenario.nodes : null), module: scenario ? lookup(scenario.protocol) : undefined, until: scenario?.until },
  };
  const out: TourStep[] = [];
  let forked = false;
  v.forEach((raw: unknown, i) => {
    const path = field('steps', i);
    const step = readStep(p, path, raw, c, forked, v.length, i, ids);
    if (step) {
      if (c.earlier.has(step.id)) p.add(field(path, 'id'), `${show(step.id)} is used by an earlier step`);
      out.push(step);
      if (step.kind === 'task' || step.kind === 'branch') forked = true;
    }
    if (isRecord(raw) && typeof own(raw, 'id') === 'string') c.earlier.add(own(raw, 'id') as string);
    if (isRecord(raw) && typeof own(raw, 'bind') === 'string') c.bound.add(own(raw, 'bind') as string);
  });
  return out;
}

function readStep(p: Problems, path: string, v: unknown, c: RefContext, forked: boolean, count: number, index: number, ids: ReadonlySet<string>): TourStep | undefined {
  if (!isRecord(v)) return void p.expect(path, 'must be a step object', v);
  checkKeys(p, path, v, STEP);
  const id = readId(p, field(path, 'id'), own(v, 'id'));
  const kind = own(v, 'kind');
  if (!(KINDS as readonly unknown[]).includes(kind)) p.expect(field(path, 'kind'), `must be one of ${KINDS.join(', ')}`, kind);
  const anchor = readAnchor(p, field(path, 'anchor'), own(v, 'anchor'), c, forked);
  const say = readText(p, field(path, 'say'), own(v, 'say'));
  const bind = own(v, 'bind');
  if (bind !== undefined) {
    if (typeof bind !== 'string' || !/^\w{1,32}$/.test(bind)) p.expect(field(path, 'bind'), 'must be a name of 1 to 32 letters, digits or _', bind);
    else if (anchor && !('event' in anchor || 'until' in anchor)) p.add(field(path, 'bind'), 'binds the node of an event or until anchor; this anchor has none');
    // The step's own name is bound from its anchor on: its text and highlights may use it.
    else c = { ...c, bound: new Set([...c.bound, bind]) };
  }
  const show = own(v, 'show') === undefined ? undefined : readHighlights(p, field(path, 'show'), own(v, 'show'), c);
  const part = <T,>(key: 'ask' | 'task' | 'branch', read: () => T | undefined): T | undefined => {
    if (kind === key) return own(v, key) === undefined ? void p.add(field(path, key), `missing (a ${key} step needs one)`) : read();
    if (own(v, key) !== undefined) p.add(field(path, key), `only a ${key} step has one (this is a ${String(kind)} step)`);
    return undefined;
  };
  const ask = part('ask', () => readAsk(p, field(path, 'ask'), own(v, 'ask'), c));
  const task = part('task', () => readTask(p, field(path, 'task'), own(v, 'task'), c));
  const branch = part('branch', () => readBranch(p, field(path, 'branch'), own(v, 'branch'), c, ids, index, count, own(v, 'id')));
  const next = own(v, 'next');
  if (next !== undefined && !(typeof next === 'string' && ids.has(next) && next !== own(v, 'id') && !c.earlier.has(next))) p.expect(field(path, 'next'), 'must name a later step', next);
  if (!id || !anchor || say === undefined || !(KINDS as readonly unknown[]).includes(kind)) return undefined;
  return {
    id,
    kind: kind as StepKind,
    anchor,
    say,
    ...(show ? { show } : {}),
    ...(typeof bind === 'string' ? { bind } : {}),
    ...(ask ? { ask } : {}),
    ...(task ? { task } : {}),
    ...(branch ? { branch } : {}),
    ...(typeof next === 'string' ? { next } : {}),
  };
}

function readAsk(p: Problems, path: string, v: unknown, c: RefContext): Ask | undefined {
  if (!isRecord(v)) return void p.expect(path, 'must be an object (type, question, options, answer, explain)', v);
  checkKeys(p, path, v, ['type', 'question', 'options', 'answer', 'explain']);
  const type = own(v, 'type');
  if (type !== 'node' && type !== 'yesno' && type !== 'choice') return void p.expect(field(path, 'type'), 'must be "node", "yesno" or "choice"', type);
  const question = readText(p, field(path, 'question'), own(v, 'question'));
  const explain = own(v, 'explain') === undefined ? undefined : readText(p, field(path, 'explain'), own(v, 'explain'));
  const rawOptions = own(v, 'options');
  const options: Ask['options'] = [];
  if (type === 'choice') {
    if (!Array.isArray(rawOptions) || rawOptions.length < 2 || rawOptions.length > 12) p.expect(field(path, 'options'), 'must be an array of 2 to 12 { id, label }', rawOptions);
    else
      rawOptions.forEach((o: unknown, i) => {
        const op = field(field(path, 'options'), i);
        if (!isRecord(o)) return p.expect(op, 'must be { id, label }', o);
        checkKeys(p, op, o, ['id', 'label']);
        const oid = readId(p, field(op, 'id'), own(o, 'id'));
        const label = readText(p, field(op, 'label'), own(o, 'label'));
        if (oid && label !== undefined) options.push({ id: oid, label });
      });
  } else if (rawOptions !== undefined) p.add(field(path, 'options'), `a ${type} question has fixed options (${type === 'node' ? 'the nodes' : 'yes, no'})`);
  const answer = readAnswer(p, field(path, 'answer'), own(v, 'answer'), c, type, options);
  if (question === undefined || !answer) return undefined;
  return { type, question, ...(type === 'choice' ? { options } : {}), answer, ...(explain !== undefined ? { explain } : {}) };
}

function readAnswer(p: Problems, path: string, v: unknown, c: RefContext, type: Ask['type'], options: NonNullable<Ask['options']>): AskAnswer | undefined {
  if (!isRecord(v)) return void p.expect(path, 'must be { nodeOf }, { happens, within } or { value }', v);
  const within = own(v, 'within');
  const okWithin = within === undefined || (typeof within === 'number' && within > 0 && within <= 10_000_000);
  if (!okWithin) p.expect(field(path, 'within'), 'must be simulated ms above 0', within);
  if (type === 'node') {
    checkKeys(p, path, v, ['nodeOf', 'within']);
    const m = readEventMatch(p, field(path, 'nodeOf'), own(v, 'nodeOf'), c);
    return m && okWithin ? { nodeOf: m, ...(typeof within === 'number' ? { within } : {}) } : undefined;
  }
  if (type === 'yesno') {
    checkKeys(p, path, v, ['happens', 'within']);
    const m = readEventMatch(p, field(path, 'happens'), own(v, 'happens'), c);
    if (typeof within !== 'number') return void p.expect(field(path, 'within'), 'a yes/no question needs a time limit (simulated ms)', within);
    return m && okWithin ? { happens: m, within } : undefined;
  }
  checkKeys(p, path, v, ['value']);
  const value = own(v, 'value');
  if (typeof value === 'string' && options.some((o) => o.id === value)) return { value };
  return void p.expect(field(path, 'value'), `must be one of the option ids (${options.map((o) => o.id).join(', ')})`, value);
}

function readTask(p: Problems, path: string, v: unknown, c: RefContext): Task | undefined {
  if (!isRecord(v)) return void p.expect(path, 'must be an object (done, within, demo)', v);
  checkKeys(p, path, v, ['done', 'within', 'demo']);
  const done = readEventMatch(p, field(path, 'done'), own(v, 'done'), c);
  const within = own(v, 'within');
  if (!(typeof within === 'number' && within > 0 && within <= 10_000_000)) p.expect(field(path, 'within'), 'must be simulated ms above 0', within);
  const demo = readTourActions(p, field(path, 'demo'), own(v, 'demo'), c);
  if (!done || typeof within !== 'number' || demo.length === 0) return undefined;
  return { done, within, demo };
}

function readBranch(p: Problems, path: string, v: unknown, c: RefContext, ids: ReadonlySet<string>, index: number, count: number, self: unknown): TourStep['branch'] {
  if (!isRecord(v)) return void p.expect(path, 'must be an object (choices)', v);
  checkKeys(p, path, v, ['choices']);
  const raw = own(v, 'choices');
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > 6) return void p.expect(field(path, 'choices'), 'must be an array of 2 to 6 choices', raw);
  const choices: BranchChoice[] = [];
  raw.forEach((ch: unknown, i) => {
    const cp = field(field(path, 'choices'), i);
    if (!isRecord(ch)) return p.expect(cp, 'must be { label, inject, goto }', ch);
    checkKeys(p, cp, ch, ['label', 'inject', 'goto']);
    const label = readText(p, field(cp, 'label'), own(ch, 'label'));
    const inject = readTourActions(p, field(cp, 'inject'), own(ch, 'inject'), c);
    const go = own(ch, 'goto');
    // Only forward: a branch that jumps back could loop forever.
    if (go !== undefined && !(typeof go === 'string' && ids.has(go) && go !== self && !c.earlier.has(go))) p.expect(field(cp, 'goto'), 'must name a later step', go);
    if (label !== undefined && inject.length) choices.push({ label, inject, ...(typeof go === 'string' ? { goto: go } : {}) });
  });
  if (index === count - 1) p.add(path, 'a branch cannot be the last step (its choices need somewhere to go)');
  return { choices };
}

