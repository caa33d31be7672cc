/** `faultline`: run scenarios, re-check traces and list curated scenarios from a terminal. */
import { protocols, getProtocol } from '../protocols/registry';
import { Simulation, runScenario } from '../sim/simulation';
import { ScenarioRuntimeError } from '../sim/world';
import { scenarioToJson } from '../scenario/codec';
import { compareScenario } from '../scenario/compare';
import { recheckInvariants, firstDivergence } from '../check/recheck';
import { InputError, parseArgs, USAGE, type Args } from './args';
import { loadScenario, loadTrace } from './load';
import { summarize, SummaryFold, violationLines } from './summary';
import { exploreCommand } from './explore';
import { TraceWriter } from './traceOut';
import { invariantsOf } from '../check/invariants';
import { invariantText } from '../i18n/contentText';
import type { ProtocolModule } from '../protocols/types';

type Out = { log(line: string): void; error(line: string): void };

function run(args: Args, out: Out): number {
  const source = args.positional[0];
  if (!source && args.linkFile === undefined) throw new InputError('run: which scenario? (a file, a URL, - for stdin, or protocol:name)');
  const scenario = loadScenario(source ?? '', args);
  if (args.printScenario) {
    out.log(scenarioToJson(scenario).trimEnd());
    return 0;
  }
  const module = getProtocol(scenario.protocol)!;
  // Opened before the run: a path that cannot be written fails before any work.
  const writer = args.out ? new TraceWriter(args.out) : null;
  // No checkpoints and no recorded trace: the CLI never seeks, events stream to --out and to
  // the summary, which keeps only what the protocol's summary reads.
  const sim = new Simulation(module, scenario, { checkpointEvery: 0, record: false });
  const fold = new SummaryFold(module);
  try {
    writer?.begin(sim.scenario);
    for (let ev = sim.step(); ev; ev = sim.step()) {
      writer?.event(ev);
      fold.add(ev, sim.violations);
    }
    writer?.end(sim.trace().final, sim.violations);
  } catch (e) {
    writer?.abort();
    throw e;
  }
  for (const line of fold.lines(sim)) out.log(line);
  if (args.out) out.log(`trace written to ${args.out}`);
  // Compare mode's second run (the app's right pane): summarized, and its violations count.
  const second = compareScenario(scenario);
  let violations = sim.violations.length;
  if (second) {
    const other = getProtocol(second.protocol)!;
    const run2 = runScenario(other, second);
    out.log('');
    out.log(`compared with ${second.protocol} (same nodes, seed, network and fault script):`);
    for (const line of summarize(other, run2)) out.log(`  ${line}`);
    violations += run2.violations.length;
  }
  return violations > 0 ? 1 : 0;
}

function check(args: Args, out: Out): number {
  const source = args.positional[0];
  if (!source) throw new InputError('check: which trace file?');
  const trace = loadTrace(source);
  const module = getProtocol(trace.scenario.protocol)!;
  const violations = recheckInvariants(module, trace);
  out.log(`${source}: ${trace.events.length} events of ${trace.scenario.protocol}${trace.scenario.name ? `:${trace.scenario.name}` : ''}`);
  const diverged = firstDivergence(module, trace);
  out.log(diverged ? `replay: differs from its scenario at step ${diverged.seq}` : `replay: identical to a fresh run of its scenario (its ${trace.events.length} events)`);
  if (diverged) out.log(`  scenario gives: ${diverged.expected.slice(0, 200)}\n  trace holds:    ${diverged.found.slice(0, 200)}`);
  const recorded = JSON.stringify(trace.violations ?? []);
  if (recorded !== JSON.stringify(violations)) out.log(`note: the trace's own violation list differs from the re-check`);
  out.log(violations.length === 0 ? 'violations: none' : `violations: ${violations.length}`);
  for (const line of violationLines(trace, violations)) out.log(line);
  return violations.length > 0 || diverged ? 1 : 0;
}

/** A note names invariants as `{inv:<id>}` (views/noteText.ts); the terminal reads the English
 * name the app shows. */
function namedInvariants(text: string, module: ProtocolModule): string {
  return text.replace(/\{inv:([a-z0-9-]+)\}/g, (_, id: string) => {
    const inv = invariantsOf(module).find((i) => i.id === id);
    return inv ? invariantText('en', module.id, inv).name : id;
  });
}

function scenarios(args: Args, out: Out): number {
  const wanted = args.positional[0];
  if (wanted && !getProtocol(wanted)) throw new InputError(`unknown protocol "${wanted}" (known: ${[...protocols.keys()].join(', ')})`);
  for (const p of protocols.values()) {
    if (wanted && p.id !== wanted) continue;
    for (const s of p.scenarios) {
      out.log(`${p.id}:${s.name}`.padEnd(24) + (s.title ?? ''));
      if (s.description) out.log(`${' '.repeat(24)}${namedInvariants(s.description, p)}`);
    }
  }
  return 0;
}

export function main(argv: readonly string[], out: Out = console): number | Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help || !args.command) {
      out.log(USAGE);
      return args.help ? 0 : 2;
    }
    switch (args.command) {
      case 'run':
        return run(args, out);
      case 'check':
        return check(args, out);
      case 'scenarios':
        return scenarios(args, out);
      case 'explore':
        return exploreCommand(args, out).catch((e: unknown) => {
          if (e instanceof InputError || e instanceof ScenarioRuntimeError) {
            out.error(`faultline: ${e.message}`);
            return 2;
          }
          throw e;
        });
      default:
        throw new InputError(`unknown command "${args.command}" (run, check, scenarios or explore)`);
    }
  } catch (e) {
    if (e instanceof InputError || e instanceof ScenarioRuntimeError) {
      out.error(`faultline: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

// Run only as the entry point, so tests can import main().
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  void Promise.resolve(main(process.argv.slice(2))).then((code) => (process.exitCode = code));
}
