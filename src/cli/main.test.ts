import { describe, expect, it, beforeAll } from 'vitest';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { encodeScenarioUrl } from '../scenario/codec';
import { raft } from '../protocols/raft';
import { runScenario } from '../sim/simulation';
import type { Trace } from '../sim/types';

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
});

describe('faultline run', () => {
  it('runs a curated scenario by name: exit 0 and a summary', () => {
    const r = cli('run', 'raft:happy-path');
    expect(r.code).toBe(0);
    expect(r.out).toContain('leaders per term: t1=n1');
    expect(r.out).toContain('committed entries: 1:no-op@t1 2:x=1@t1 3:y=2@t1 4:z=3@t1');
    expect(r.out).toContain('violations: none');
  });

  it('runs a compare scenario twice and exits 1 when the second run breaks an invariant', () => {
    const r = cli('run', 'twopc:compare-partition');
    expect(r.code).toBe(1);
    expect(r.out).toContain('t1: n1=committed n2=committed n3=committed n4=committed');
    expect(r.out).toContain('compared with threepc');
    expect(r.out).toContain('t1: n1=c n2=c n3=a n4=a');
    expect(r.out).toMatch(/✗ tc-consistent at step \d+/);
    expect(cli('run', 'twopc:compare-tm-crash').code).toBe(0);
  });

  it('exits 1 and names the invariants when a bug switch is caught', () => {
    const r = cli('run', 'raft:figure-8', '--bug', 'commit-previous-term');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ state-machine-safety at step \d+/);
  });

  it('writes a trace that `check` confirms, and `check` catches a tampered trace', () => {
    const file = join(dir, 'trace.json');
    expect(cli('run', 'raft:figure-8-bug', '--out', file).code).toBe(1);
    const checked = cli('check', file);
    expect(checked.code).toBe(1);
    expect(checked.out).toContain('replay: identical');
    expect(checked.out).toContain('✗ leader-completeness');

    const clean = join(dir, 'clean.json');
    expect(cli('run', 'raft:happy-path', '--out', clean).code).toBe(0);
    expect(cli('check', clean).code).toBe(0);
    const trace = JSON.parse(readFileSync(clean, 'utf8'));
    const ev = trace.events.find((e: { state?: { role: string } }) => e.state?.role === 'leader');
    const forged = trace.events.find((e: { seq: number; node?: string; state?: unknown }) => e.node === 'n2' && e.state && e.seq > ev.seq);
    forged.state = { ...ev.state };
    writeFileSync(clean, JSON.stringify(trace));
    const tampered = cli('check', clean);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain('replay: differs from its scenario at step');
    expect(tampered.out).toContain('✗ election-safety');
  });

  it('accepts a trace of an unfinished run (the app exports up to its cursor) as a prefix', () => {
    const full = join(dir, 'full.json');
    expect(cli('run', 'raft:leader-crash', '--out', full).code).toBe(0);
    const trace = JSON.parse(readFileSync(full, 'utf8'));
    trace.events = trace.events.slice(0, 120);
    writeFileSync(full, JSON.stringify(trace));
    const r = cli('check', full);
    expect(r.code).toBe(0);
    expect(r.out).toContain('replay: identical to a fresh run of its scenario (its 120 events)');
  });

  it('prints the scenario for editing, and runs it back from a file and from stdin-free URLs', () => {
    const printed = cli('run', 'raft:split-vote', '--print-scenario', '--seed', '9');
    expect(printed.code).toBe(0);
    const s = JSON.parse(printed.out);
    expect(s).toMatchObject({ format: 'faultline-scenario', name: 'split-vote', seed: 9 });
    const file = join(dir, 'split.json');
    writeFileSync(file, printed.out);
    expect(cli('run', file).code).toBe(0);
    const url = `https://faultline.example/${encodeScenarioUrl(raft.scenarios[0]!)}`;
    const viaUrl = cli('run', url);
    expect(viaUrl.code).toBe(0);
    expect(viaUrl.out).toContain('raft:happy-path');
  });

  it('--until and --seed override the scenario', () => {
    const r = cli('run', 'raft:happy-path', '--until', '100');
    expect(r.out).toContain('simulated time: 100 ms');
    expect(r.out).toContain('committed entries: 1:no-op@t1'); // the leader's no-op (section 8), nothing else by 100 ms
  });
});

describe('faultline scenarios', () => {
  it('lists notes with invariants by the names the app shows, never as {inv:<id>} tokens', () => {
    const r = cli('scenarios', 'paxos');
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('{inv:');
    expect(r.out).toContain('“Every vote is safe” fires');
  });
});

describe('bad input exits 2 with a message that names the problem', () => {
  const cases: [string, string[], RegExp][] = [
    ['a missing file', ['run', 'nope.json'], /cannot read scenario file "nope\.json": no such file/],
    ['an unknown curated scenario', ['run', 'raft:figure-9'], /no curated scenario "figure-9" for raft/],
    ['an unknown bug switch', ['run', 'raft:happy-path', '--bug', 'typo'], /params\.bugs\[0\].*"typo"/],
    ['a bad flag value', ['run', 'raft:happy-path', '--seed', 'abc'], /--seed: expected a whole number, got "abc"/],
    ['an unknown option', ['run', 'raft:happy-path', '--fast'], /unknown option --fast/],
    ['an unknown command', ['explode'], /unknown command "explode"/],
    ['a truncated link', ['run', 'https://x.example/#s=abc'], /link/],
    ['no scenario', ['run'], /which scenario/],
    ['a non-trace file', ['check', 'package.json'], /format: expected "faultline-trace"/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, () => {
      const r = cli(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    });
  }

  it('a malformed scenario file names the file, the field and the value', () => {
    const file = join(dir, 'bad.json');
    const s = { ...raft.scenarios[0]!, actions: [{ at: 5, do: 'crash', node: 'n9' }] };
    writeFileSync(file, JSON.stringify(s));
    const r = cli('run', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
    expect(r.err).toMatch(/actions\[0\]\.node.*"n9"/);
    writeFileSync(file, '{"format": "faultline-scenario", ');
    const syntax = cli('run', file);
    expect(syntax.code).toBe(2);
    expect(syntax.err).toMatch(/JSON/i);
  });
});

describe('issue 10: hostile but valid input never takes the CLI down', () => {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  /** The real command, for what only a process shows: stdin, exit codes, memory. */
  const spawn = (argv: string[], opts: { input?: string; stdin?: number } = {}) =>
    spawnSync(tsx, ['src/cli/main.ts', ...argv], { encoding: 'utf8', timeout: 60_000, ...(opts.input !== undefined ? { input: opts.input } : {}), ...(opts.stdin !== undefined ? { stdio: [opts.stdin, 'pipe', 'pipe'] } : {}) });

  it('--out streams exactly the bytes of JSON.stringify(trace)', () => {
    const file = join(dir, 'streamed.json');
    expect(cli('run', 'raft:leader-crash', '--out', file).code).toBe(0);
    const written = readFileSync(file, 'utf8');
    const whole = JSON.stringify(runScenario(raft, (JSON.parse(written) as Trace).scenario).trace());
    expect(written.length).toBe(whole.length);
    expect(written === whole).toBe(true);
  });

  it('an --out that cannot be written is a clear message and exit 2, before the run', () => {
    const cases: [string, RegExp][] = [
      [dir, /cannot write the trace to ".*": it is a directory/],
      [join(dir, 'no', 'such', 'folder', 't.json'), /its folder does not exist/],
      [join(process.cwd(), 'package.json', 'x.json'), /part of the path is not a folder/],
    ];
    for (const [out, message] of cases) {
      const r = cli('run', 'raft:happy-path', '--out', out);
      expect(r.code, out).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe(''); // refused before running
    }
  });

  it('a full disk (/dev/full) is a clear message and exit 2, and the device stays', () => {
    const r = cli('run', 'raft:happy-path', '--out', '/dev/full');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot write the trace to "\/dev\/full": no space left on the disk/);
    expect(existsSync('/dev/full')).toBe(true);
  });

  it('refuses devices and FIFOs by name, without reading or blocking', () => {
    const zero = cli('run', '/dev/zero');
    expect(zero.code).toBe(2);
    expect(zero.err).toMatch(/"\/dev\/zero": is a device, not a file/);
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const r = cli('run', fifo);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is a pipe \(FIFO\), not a file/);
    expect(cli('check', '/dev/zero').err).toMatch(/is a device/);
  });

  it('caps stdin while reading: /dev/zero on stdin stops at 8 MiB with exit 2', () => {
    const fd = openSync('/dev/zero', 'r');
    try {
      const r = spawn(['run', '-'], { stdin: fd });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/stdin.*(too large|is a device)/);
    } finally {
      closeSync(fd);
    }
  });

  it('refuses a scenario file over 8 MiB by its size, before reading it', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(9 * 1024 * 1024, 32));
    const r = cli('run', big);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/scenario file is too large \(9\.0 MiB, limit of 8\.0 MiB\)/);
  });

  it('protocol:name with an unknown protocol says so and lists the known ones', () => {
    const r = cli('run', 'nosuch:x');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown protocol "nosuch" \(known: .*raft.*\)/);
  });

  /** A valid Raft link of more than 128 KiB: too long for one command-line argument. */
  function longLink(): string {
    const base = raft.scenarios.find((x) => x.name === 'happy-path')!;
    let seed = 1;
    const word = () => Array.from({ length: 24 }, () => ((seed = (seed * 48271) % 2147483647), 'abcdefghijklmnopqrstuvwxyz0123456789'[seed % 36])).join('');
    const actions = Array.from({ length: 7000 }, (_, i) => ({ at: 1000 + i, do: 'request', node: 'n1', command: word() }));
    return `https://faultline.example/${encodeScenarioUrl({ ...base, actions, until: 9000 })}`;
  }

  it('--link-file and stdin take links over 128 KiB', () => {
    const link = longLink();
    expect(link.length).toBeGreaterThan(128 * 1024);
    const file = join(dir, 'link.txt');
    writeFileSync(file, `${link}\n`);
    const r = cli('run', '--link-file', file, '--until', '1200');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('raft:happy-path');
    const piped = spawn(['run', '-', '--until', '1200'], { input: link });
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stdout).toContain('raft:happy-path');
  });
});
