import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { encodeScenarioUrl } from '../scenario/codec';
import { raft } from '../protocols/raft';

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
