/** Command-line parsing for `faultline`. Bad flags are input errors (exit 2). */
export class InputError extends Error {}

export interface Args {
  command: string;
  positional: string[];
  out?: string;
  /** A file (or - for stdin) holding a scenario link. */
  linkFile?: string;
  seed?: number;
  until?: number;
  bugs: string[];
  /** explore: wall-clock budget in ms, worker count, run cap, link base. */
  time?: number;
  workers?: number;
  maxRuns?: number;
  base?: string;
  printScenario: boolean;
  help: boolean;
}

function wholeNumber(flag: string, v: string | undefined): number {
  if (v === undefined) throw new InputError(`${flag}: expects a value`);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw new InputError(`${flag}: expected a whole number, got "${v}"`);
  return Number(v);
}

/** "60s", "2m", "500ms" or a bare number of seconds, as ms. */
function duration(flag: string, v: string | undefined): number {
  const m = v === undefined ? null : /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(v);
  if (!m) throw new InputError(`${flag}: expected a duration such as 60s, 2m or 500ms, got "${v ?? ''}"`);
  const n = Number(m[1]);
  return Math.round(m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000);
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { command: '', positional: [], bugs: [], printScenario: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--out':
      case '-o': {
        const v = value();
        if (!v) throw new InputError(`${flag}: expects a file name`);
        args.out = v;
        break;
      }
      case '--link-file': {
        const v = value();
        if (!v) throw new InputError('--link-file: expects a file name (or - for stdin)');
        args.linkFile = v;
        break;
      }
      case '--seed':
        args.seed = wholeNumber('--seed', value());
        break;
      case '--until':
        args.until = wholeNumber('--until', value());
        break;
      case '--bug': {
        const v = value();
        if (!v) throw new InputError('--bug: expects a bug switch name');
        args.bugs.push(v);
        break;
      }
      case '--time':
        args.time = duration('--time', value());
        break;
      case '--workers':
        args.workers = Math.max(1, wholeNumber('--workers', value()));
        break;
      case '--max-runs':
        args.maxRuns = wholeNumber('--max-runs', value());
        break;
      case '--base': {
        const v = value();
        if (!v) throw new InputError('--base: expects the app URL');
        args.base = v;
        break;
      }
      case '--print-scenario':
        args.printScenario = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new InputError(`unknown option ${a} (see faultline --help)`);
        if (!args.command) args.command = a;
        else args.positional.push(a);
    }
  }
  return args;
}

export const USAGE = `faultline — run and check Faultline scenarios

  faultline run <scenario.json | scenario URL | - | protocol:name> [options]
  faultline run --link-file <FILE | -> [options]
      Runs a scenario, prints a summary and writes the trace. A scenario or a link can come
      from stdin (-); --link-file reads a link from a file, for links too long for an argument.
      --out FILE          write the trace as JSON (streamed as the run goes)
      --seed N            override the scenario's seed
      --until MS          override how long the run lasts (simulated ms)
      --bug NAME          turn a bug switch on (repeatable)
      --print-scenario    print the scenario JSON instead of running it
  faultline explore <protocol> [--bug NAME] [--time 60s] [--workers N] [--seed S] [--out FILE]
      Searches random fault schedules for an invariant violation, shrinks the first one found
      and prints its link. Exit 1 with a violation; 0 with "no violation in N runs, M events".
      --time D            wall-clock budget (60s, 2m, 500ms; default 60s)
      --workers N         worker threads (default: up to 2); the result does not depend on it
      --seed S            explorer seed (default 1): the same seed finds the same first run
      --max-runs N        stop after N runs too
      --base URL          the app's address for the printed link (default http://localhost:5173/)
  faultline check <trace.json>
      Re-checks a trace's invariants and that it replays exactly.
  faultline scenarios [protocol]
      Lists the curated scenarios.

Exit codes: 0 no violation, 1 violations found, 2 bad input.`;
