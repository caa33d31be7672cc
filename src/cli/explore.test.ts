/** `faultline explore`: exit codes, the messages, the written scenario, and its link. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { parseArgs } from './args';
import { decodeScenarioUrl } from '../scenario/codec';
import { getProtocol } from '../protocols/registry';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('faultline explore', () => {
  it('finds a 2PC bug, prints the invariant, the shrunk size and a link that opens, and writes it (exit 1)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faultline-explore-')), 'found.json');
    const r = await cli('explore', 'twopc', '--bug', 'tm-no-log', '--workers', '1', '--seed', '1', '--max-runs', '64', '--out', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ (decisions-final|tc-consistent) in run \d+/);
    expect(r.out).toMatch(/shrunk from \d+ to \d+ actions/);
    const link = /link: (\S+)/.exec(r.out)![1]!;
    const decoded = decodeScenarioUrl(link, getProtocol);
    expect(decoded.ok).toBe(true);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(decoded.ok && decoded.scenario).toEqual(written);
    expect(written.params.bugs).toEqual(['tm-no-log']);
  }, 60_000);

  it('says how much it searched when it finds nothing (exit 0)', async () => {
    const r = await cli('explore', 'twopc', '--workers', '1', '--max-runs', '32', '--time', '60s');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/no violation in 32 runs, [\d,]+ events/);
  }, 60_000);

  it('refuses an unknown protocol or bug switch (exit 2)', async () => {
    expect((await cli('explore', 'nope')).code).toBe(2);
    const r = await cli('explore', 'raft', '--bug', 'no-such-bug');
    expect(r.code).toBe(2);
    expect(r.err).toContain('raft has no bug switch "no-such-bug"');
  });

  it('reads durations', () => {
    expect(parseArgs(['explore', 'raft', '--time', '90s']).time).toBe(90_000);
    expect(parseArgs(['explore', 'raft', '--time', '2m']).time).toBe(120_000);
    expect(parseArgs(['explore', 'raft', '--time=500ms']).time).toBe(500);
    expect(() => parseArgs(['explore', 'raft', '--time', 'soon'])).toThrow(/duration/);
  });
});
