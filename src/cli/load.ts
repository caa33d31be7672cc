/** Loads scenarios and traces for the CLI: files, `-`, URLs and `protocol:name`. */
import { readFileSync } from 'node:fs';
import type { Scenario } from '../scenario/types';
import type { Trace } from '../sim/types';
import { decodeScenarioUrl, parseScenarioJson } from '../scenario/codec';
import { validateScenario } from '../scenario/validate';
import { getProtocol, protocols } from '../protocols/registry';
import { InputError, type Args } from './args';

const MAX_TRACE_BYTES = 512 * 1024 * 1024;
const known = () => [...protocols.keys()];

function readText(source: string, what: string, max: number): string {
  try {
    const text = source === '-' ? readFileSync(0, 'utf8') : readFileSync(source, 'utf8');
    if (text.length > max) throw new InputError(`${source}: ${what} is too large (${text.length} bytes, limit ${max})`);
    return text;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new InputError(`cannot read ${what} "${source}": ${why}`);
  }
}

function curated(ref: string): Scenario | null {
  const m = /^([\w-]+):([\w-]+)$/.exec(ref);
  if (!m) return null;
  const module = getProtocol(m[1]!);
  if (!module) return null;
  const s = module.scenarios.find((x) => x.name === m[2]);
  if (!s) throw new InputError(`${ref}: no curated scenario "${m[2]}" for ${m[1]} (try: ${module.scenarios.map((x) => x.name).join(', ')})`);
  return structuredClone(s);
}

function fail(source: string, errors: string[]): never {
  throw new InputError(errors.map((e) => `${source}: ${e}`).join('\n'));
}

/** The scenario named by `source`, with command-line overrides applied and validated. */
export function loadScenario(source: string, args: Args): Scenario {
  let scenario: Scenario;
  const fromCatalog = curated(source);
  if (fromCatalog) scenario = fromCatalog;
  else if (/^[a-z]+:\/\//i.test(source) || source.startsWith('#')) {
    const r = decodeScenarioUrl(source, getProtocol, known());
    if (!r.ok) fail('link', r.errors);
    scenario = r.scenario;
  } else {
    const r = parseScenarioJson(readText(source, 'scenario file', 8 * 1024 * 1024), getProtocol, known());
    if (!r.ok) fail(source === '-' ? 'stdin' : source, r.errors);
    scenario = r.scenario;
  }
  const until = args.until;
  const overridden: Scenario = {
    ...scenario,
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    // A shorter run simply never reaches the later actions and notes.
    ...(until !== undefined
      ? { until, actions: scenario.actions.filter((a) => a.at <= until), ...(scenario.notes ? { notes: scenario.notes.filter((n) => n.at <= until) } : {}) }
      : {}),
    params: { ...scenario.params, bugs: [...new Set([...scenario.params.bugs, ...args.bugs])] },
  };
  const v = validateScenario(overridden, getProtocol, known());
  if (!v.ok) fail(source, v.errors);
  return v.scenario;
}

export function loadTrace(source: string): Trace {
  const text = readText(source, 'trace file', MAX_TRACE_BYTES);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${source}: not valid JSON (${(e as Error).message})`);
  }
  const t = raw as Partial<Trace>;
  if (typeof raw !== 'object' || raw === null) throw new InputError(`${source}: expected a JSON object`);
  if (t.format !== 'faultline-trace') throw new InputError(`${source}: format: expected "faultline-trace", got ${JSON.stringify(t.format)}`);
  if (t.version !== 1) throw new InputError(`${source}: version: unsupported version ${JSON.stringify(t.version)} (this build reads version 1)`);
  if (!Array.isArray(t.events)) throw new InputError(`${source}: events: expected an array`);
  const v = validateScenario(t.scenario, getProtocol, known());
  if (!v.ok) fail(`${source}: scenario`, v.errors);
  t.events.forEach((e, i) => {
    if (typeof e !== 'object' || e === null || e.seq !== i || typeof e.kind !== 'string') throw new InputError(`${source}: events[${i}]: expected an event with seq ${i}`);
  });
  return { ...(t as Trace), scenario: v.scenario };
}
