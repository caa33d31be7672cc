/**
 * The scenario validator: untrusted input (a file, a link, a paste) in, either a clean
 * Scenario or every problem found (up to MAX_ERRORS), each naming its field and value.
 */
import type { ProtocolModule } from '../protocols/types';
import { SCENARIO_VERSION, type CompareSpec, type Note, type Scenario, type ScenarioVersion } from './types';
import { compareScenario } from './compare';
import { readActions } from './actions';
import { readNetwork } from './network';
import { checkKeys, field, isInt, isRecord, NodeSet, own, Problems, readNumber, readString, show } from './problems';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };
export type ProtocolLookup = (protocolId: string) => ProtocolModule | undefined;

export const FORMAT = 'faultline-scenario';
export const VERSION = SCENARIO_VERSION;
/** Every version this build reads: versions 1 and 2 replay with their own draws (sim/rng.ts). */
const READABLE: readonly number[] = [1, 2, 3];
export const MAX_UNTIL = 10_000_000;
const MAX_SEED = 2 ** 32 - 1;
const MAX_NOTES = 1_000;
const MAX_PARAM_DEPTH = 16;
const NODE_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** Bounds the work when the protocol is unknown and its own maxNodes cannot. */
const MAX_NODES = 256;

const TOP_LEVEL = ['format', 'version', 'protocol', 'name', 'title', 'description', 'nodes', 'seed', 'params', 'network', 'schedule', 'actions', 'until', 'notes', 'compare'];

/**
 * `known` lists the protocol ids for the message when `protocol` is not one of them
 * (the lookup alone cannot enumerate).
 */
export function validateScenario(input: unknown, lookup: ProtocolLookup, known?: readonly string[]): ScenarioResult {
  const p = new Problems();
  if (!isRecord(input)) {
    p.expect('scenario', 'must be a JSON object', input);
    return { ok: false, errors: p.messages() };
  }
  const v = (key: string): unknown => own(input, key);
  if (v('format') !== FORMAT) p.expect('format', `expected "${FORMAT}"`, v('format'));
  const version = v('version');
  const range = `${READABLE[0]}–${READABLE.at(-1)}`;
  // A link made by a newer build says so: the reader can do something about that.
  if (typeof version === 'number' && Number.isInteger(version) && version > SCENARIO_VERSION) p.add('version', `version ${show(version)} comes from a newer Faultline; this build reads versions ${range}`);
  else if (typeof version === 'number' && !READABLE.includes(version)) p.add('version', `unsupported version ${show(version)} (this build reads versions ${range})`);
  else if (typeof version !== 'number') p.expect('version', `must be ${READABLE.slice(0, -1).join(', ')} or ${READABLE.at(-1)}`, version);
  // Another format or version would only produce noise below: its fields mean other things.
  if (p.count > 0) return { ok: false, errors: p.messages() };
  checkKeys(p, '', input, TOP_LEVEL);

  const module = readProtocol(p, v('protocol'), lookup, known);
  const nodes = readNodes(p, v('nodes'), module);
  // Every named node, even a badly named one: its own error suffices, references to it are not
  // wrong too. A list refused whole (not an array, or over-long) keeps no ids at all.
  const raw = v('nodes');
  const nodeSet = new NodeSet(Array.isArray(raw) && raw.length <= MAX_NODES ? raw.filter((n): n is string => typeof n === 'string') : null);
  const until = readNumber(p, 'until', v('until'), `must be a time in ms above 0 and at most ${MAX_UNTIL}`, (n) => n > 0 && n <= MAX_UNTIL);
  const schedule = v('schedule');
  if (schedule !== 'auto' && schedule !== 'manual') p.expect('schedule', 'must be "auto" or "manual"', schedule);

  const scenario: Scenario = {
    format: FORMAT,
    version: version as ScenarioVersion,
    protocol: typeof v('protocol') === 'string' ? (v('protocol') as string) : '',
    nodes,
    seed: readNumber(p, 'seed', v('seed'), `must be a whole number from 0 to ${MAX_SEED}`, (n) => isInt(n) && n >= 0 && n <= MAX_SEED) ?? 0,
    params: readParams(p, v('params'), module),
    network: readNetwork(p, v('network'), nodeSet),
    schedule: schedule === 'manual' ? 'manual' : 'auto',
    actions: readActions(p, v('actions'), { nodes: nodeSet, module, until }),
    until: until ?? 0,
  };
  for (const [key, max] of [['name', 200], ['title', 200], ['description', 2000]] as const) {
    const text = v(key);
    if (text !== undefined) scenario[key] = readString(p, key, text, max);
  }
  if (v('notes') !== undefined) scenario.notes = readNotes(p, v('notes'), until);
  if (p.count > 0) return { ok: false, errors: p.messages() };
  if (v('compare') !== undefined) {
    const compare = readCompare(p, v('compare'), scenario, lookup, known);
    if (p.count > 0) return { ok: false, errors: p.messages() };
    scenario.compare = compare;
  }
  return { ok: true, scenario: ordered(scenario) };
}

/** A stable key order, so that saved files and links of one scenario are byte-identical. */
function ordered(s: Scenario): Scenario {
  const { format, version, protocol, name, title, description, nodes, seed, params, network, schedule, actions, until, notes, compare } = s;
  return {
    format,
    version,
    protocol,
    ...(name === undefined ? {} : { name }),
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    nodes,
    seed,
    params,
    network,
    schedule,
    actions,
    until,
    ...(notes === undefined ? {} : { notes }),
    ...(compare === undefined ? {} : { compare }),
  };
}

/** `compare`: `{ protocol, params }`, checked by validating the run it derives (its nodes,
 * parameters and the commands of the shared script), with paths under `compare`. */
function readCompare(p: Problems, v: unknown, scenario: Scenario, lookup: ProtocolLookup, known: readonly string[] | undefined): CompareSpec | undefined {
  if (!isRecord(v)) {
    p.expect('compare', 'must be an object { protocol, params }', v);
    return undefined;
  }
  checkKeys(p, 'compare', v, ['protocol', 'params']);
  if (p.count > 0) return undefined;
  const derived = compareScenario({ ...scenario, compare: { protocol: own(v, 'protocol') as string, params: own(v, 'params') as Scenario['params'] } });
  const result = validateScenario(derived, lookup, known);
  if (!result.ok) {
    for (const e of result.errors) p.add('compare', e);
    return undefined;
  }
  return { protocol: result.scenario.protocol, params: result.scenario.params };
}

function readProtocol(p: Problems, v: unknown, lookup: ProtocolLookup, known: readonly string[] | undefined): ProtocolModule | undefined {
  const list = known && known.length > 0 ? ` (known: ${known.join(', ')})` : '';
  if (typeof v !== 'string') {
    p.expect('protocol', `must be a protocol id${list}`, v);
    return undefined;
  }
  const module = lookup(v);
  if (!module) p.add('protocol', `unknown protocol ${show(v)}${list}`);
  return module;
}

function readNodes(p: Problems, v: unknown, module: ProtocolModule | undefined): string[] {
  const max = module?.maxNodes ?? MAX_NODES;
  if (!Array.isArray(v) || v.length > MAX_NODES) {
    p.expect('nodes', `must be an array of node ids (at most ${max})`, v);
    return [];
  }
  const ids: string[] = [];
  const seen = new Set<string>();
  v.forEach((id: unknown, i) => {
    if (typeof id !== 'string' || !NODE_ID.test(id)) p.expect(field('nodes', i), 'must be 1 to 32 letters, digits, "_" or "-"', id);
    else if (seen.has(id)) p.add(field('nodes', i), `duplicate node ${show(id)}`);
    else {
      seen.add(id);
      ids.push(id);
    }
  });
  if (module && (v.length < module.minNodes || v.length > module.maxNodes)) {
    p.add('nodes', `${module.id} needs ${module.minNodes} to ${module.maxNodes} nodes, got ${v.length}`);
  }
  return ids;
}

function readParams(p: Problems, v: unknown, module: ProtocolModule | undefined): Scenario['params'] {
  if (!isRecord(v)) {
    p.expect('params', 'must be an object { bugs: [...], … }', v);
    return { bugs: [] };
  }
  const out: Scenario['params'] = { bugs: readBugs(p, own(v, 'bugs'), module) };
  if (!module) return out;
  for (const key of Object.keys(v)) {
    if (key === 'bugs') continue;
    const spec = module.params.find((s) => s.name === key);
    const path = field('params', key);
    if (!spec) {
      const names = ['bugs', ...module.params.map((s) => s.name)].join(', ');
      p.add(path, `unknown parameter (${module.id} takes ${names})`);
      continue;
    }
    const value = v[key];
    const problem = spec.check(value);
    if (problem !== null) p.expect(path, problem, value);
    else out[key] = cloneJson(p, path, value, MAX_PARAM_DEPTH);
  }
  // Rules between parameters, checked once each is valid on its own.
  for (const { path, message } of module.checkParams?.(out) ?? []) p.add(field('params', path), message);
  return out;
}

function readBugs(p: Problems, v: unknown, module: ProtocolModule | undefined): string[] {
  const path = 'params.bugs';
  if (!Array.isArray(v)) {
    p.expect(path, 'must be an array of bug ids (empty for none)', v);
    return [];
  }
  const known = module ? ` (${module.id} has ${module.bugs.map((b) => b.id).join(', ') || 'none'})` : '';
  const out = new Set<string>();
  v.forEach((id: unknown, i) => {
    if (typeof id !== 'string') p.expect(field(path, i), `must be a bug id${known}`, id);
    else if (module && !module.bugs.some((b) => b.id === id)) p.add(field(path, i), `unknown bug ${show(id)}${known}`);
    else if (out.has(id)) p.add(field(path, i), `duplicate bug ${show(id)}`);
    else out.add(id);
  });
  return [...out];
}

function readNotes(p: Problems, v: unknown, until: number | undefined): Note[] {
  if (!Array.isArray(v) || v.length > MAX_NOTES) {
    p.expect('notes', `must be an array of at most ${MAX_NOTES} notes { at, text }`, v);
    return [];
  }
  return v.map((note: unknown, i) => {
    const path = field('notes', i);
    if (!isRecord(note)) {
      p.expect(path, 'must be an object { at, text }', note);
      return { at: 0, text: '' };
    }
    checkKeys(p, path, note, ['at', 'text']);
    const atRule = until === undefined ? 'must be a time in ms ≥ 0' : `must be a time in ms from 0 to until (${until})`;
    return {
      at: readNumber(p, field(path, 'at'), own(note, 'at'), atRule, (n) => n >= 0 && (until === undefined || n <= until)) ?? 0,
      text: readString(p, field(path, 'text'), own(note, 'text'), 2000) ?? '',
    };
  });
}

/** A deep copy of plain JSON data: parameters reach protocol code, so no shared or exotic values. */
function cloneJson(p: Problems, path: string, v: unknown, depth: number): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v === 0 ? 0 : v;
  if (depth > 0 && Array.isArray(v)) return v.map((x: unknown, i) => cloneJson(p, field(path, i), x, depth - 1));
  if (depth > 0 && isRecord(v)) {
    const out: Record<string, unknown> = {};
    // defineProperty, so that a "__proto__" key stays data and never becomes a prototype.
    for (const key of Object.keys(v)) {
      Object.defineProperty(out, key, { value: cloneJson(p, field(path, key), v[key], depth - 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  p.expect(path, depth > 0 ? 'must be plain JSON data' : 'is nested too deeply', v);
  return null;
}
