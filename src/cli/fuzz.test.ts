/**
 * The CLI loader under hostile input (issue 10): random files, values, mutated scenarios and
 * links given to `run` (with --print-scenario, so nothing long runs) and `check`. Every input
 * exits 0 with a valid scenario or 2 with short messages, never a stack; Object.prototype is
 * untouched. FUZZ_RUNS raises the count (the bench).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { protocols } from '../protocols/registry';
import { encodeScenarioUrl } from '../scenario/codec';
import { mutatedOf, value } from '../scenario/fuzzInputs';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const curated = [...protocols.values()].flatMap((m) => m.scenarios.slice(0, 2));
const PROTO = Object.getOwnPropertyNames(Object.prototype).sort();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-fuzz-'));
});
afterEach(() => expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO));

function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = main(argv, { log: (l) => lines.push(l), error: (l) => lines.push(l) });
  return { code, lines };
}

describe('fuzz: the CLI loader', () => {
  it('a file of any content runs to a printed scenario (0) or short named errors (2)', () => {
    const content = fc.oneof(fc.string({ maxLength: 200 }), value.map((v) => JSON.stringify(v) ?? ''), mutatedOf(curated).map((s) => JSON.stringify(s)));
    let n = 0;
    fc.assert(
      fc.property(content, fc.boolean(), (text, asTrace) => {
        const file = join(dir, `in-${n++}.json`);
        writeFileSync(file, text);
        const r = asTrace ? cli('check', file) : cli('run', file, '--print-scenario');
        expect([0, 1, 2]).toContain(r.code);
        if (!asTrace && r.code === 0) expect(JSON.parse(r.lines.join('\n'))).toHaveProperty('format', 'faultline-scenario');
        if (r.code === 2) for (const l of r.lines.flatMap((x) => x.split("\n"))) expect(l.length, l.slice(0, 160)).toBeLessThan(700);
      }),
      { numRuns: RUNS, seed: 201 },
    );
  });

  it('a link of any content, as an argument or a link file, prints a scenario or short errors', () => {
    const link = fc.oneof(fc.string({ maxLength: 200 }).map((s) => `#s=${s}`), mutatedOf(curated).map((s) => encodeScenarioUrl(s as never)));
    let n = 0;
    fc.assert(
      fc.property(link, fc.boolean(), (l, viaFile) => {
        let r;
        if (viaFile) {
          const file = join(dir, `link-${n++}.txt`);
          writeFileSync(file, l);
          r = cli('run', '--link-file', file, '--print-scenario');
        } else r = cli('run', `https://x.example/${l}`, '--print-scenario');
        expect([0, 2]).toContain(r.code);
      }),
      { numRuns: RUNS, seed: 202 },
    );
  });
});
