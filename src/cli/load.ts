/** Loads scenarios and traces for the CLI: files, `-`, URLs and `protocol:name`. */
import { existsSync } from 'node:fs';
import type { Scenario } from '../scenario/types';
import type { Trace } from '../sim/types';
import { decodeScenarioUrl, parseScenarioJson } from '../scenario/codec';
import { validateScenario } from '../scenario/validate';
import { show } from '../scenario/problems';
import { getProtocol, protocols } from '../protocols/registry';
import { InputError, type Args } from './args';
import { readText } from './read';

const MAX_TRACE_BYTES = 512 * 1024 * 1024;
const known = () => [...protocols.keys()];

/** The scenario file cap (docs/formats.md): applied while reading, not after. */
export const MAX_SCENARIO_FILE_BYTES = 8 * 1024 * 1024;
/** A link read from a file or stdin: the codec caps it again, more tightly. */
const MAX_LINK_FILE_BYTES = 8 * 1024 * 1024;

const isLink = (text: string) => /^\s*([a-z][a-z0-9+.-]*:\/\/|#|s=)/i.test(text);

function curated(ref: string): Scenario | null {
  const m = /^([\w-]+):([\w-]+)$/.exec(ref);
  if (!m) return null;
  const module = getProtocol(m[1]!);
  // protocol:name with no such protocol, and no file by that name either.
  if (!module && !existsSync(ref)) throw new InputError(`${ref}: unknown protocol "${m[1]}" (known: ${known().join(', ')})`);
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
  const fromCatalog = args.linkFile === undefined ? curated(source) : null;
  const link = (text: string, where: string) => {
    const r = decodeScenarioUrl(text, getProtocol, known());
    if (!r.ok) fail(where, r.errors);
    return r.scenario;
  };
  if (fromCatalog) scenario = fromCatalog;
  else if (args.linkFile !== undefined) scenario = link(readText(args.linkFile, 'link file', MAX_LINK_FILE_BYTES), `link in ${args.linkFile === '-' ? 'stdin' : args.linkFile}`);
  else if (/^[a-z]+:\/\//i.test(source) || source.startsWith('#')) scenario = link(source, 'link');
  else {
    const text = readText(source, 'scenario file', MAX_SCENARIO_FILE_BYTES);
    // A link piped in (links over 128 KiB do not fit in an argument) reads as a link.
    if (source === '-' && isLink(text)) scenario = link(text, 'link in stdin');
    else {
      const r = parseScenarioJson(text, getProtocol, known());
      if (!r.ok) fail(source === '-' ? 'stdin' : source, r.errors);
      scenario = r.scenario;
    }
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
    throw new InputError(`${source}: not valid JSON (${(e as Error).message.slice(0, 200)})`);
  }
  const t = raw as Partial<Trace>;
  if (typeof raw !== 'object' || raw === null) throw new InputError(`${source}: expected a JSON object`);
  if (t.format !== 'faultline-trace') throw new InputError(`${source}: format: expected "faultline-trace", got ${show(t.format)}`);
  if (t.version !== 1) throw new InputError(`${source}: version: unsupported version ${show(t.version)} (this build reads version 1)`);
  if (!Array.isArray(t.events)) throw new InputError(`${source}: events: expected an array`);
  const v = validateScenario(t.scenario, getProtocol, known());
  if (!v.ok) fail(`${source}: scenario`, v.errors);
  t.events.forEach((e, i) => {
    if (typeof e !== 'object' || e === null || e.seq !== i || typeof e.kind !== 'string') throw new InputError(`${source}: events[${i}]: expected an event with seq ${i}`);
  });
  return { ...(t as Trace), scenario: v.scenario };
}
