import { describe, expect, it } from 'vitest';
import { saveSession, MAX_LINK_STEP } from './persist';
import { loadSession } from './savedSession';
import { linkFragment, readLink } from './link';
import { raft } from '../protocols/raft';

class MemoryStorage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  clear() {
    this.data.clear();
  }
  key() {
    return null;
  }
}

describe('links', () => {
  const s = raft.scenarios[0]!;
  it('round-trip a scenario and a cursor step', () => {
    expect(readLink(linkFragment(s, 42))).toEqual({ kind: 'ok', scenario: s, step: 42 });
    expect(readLink(linkFragment(s))).toEqual({ kind: 'ok', scenario: s });
  });
  it('cap the step a link reopens at', () => {
    expect(readLink(`${linkFragment(s)}&k=999999999`)).toMatchObject({ step: MAX_LINK_STEP });
  });
  it('say nothing for a hash without a scenario, and why a bad one is bad', () => {
    expect(readLink('#about')).toEqual({ kind: 'none' });
    const bad = readLink('#s=AAAA');
    expect(bad.kind).toBe('bad');
    expect((bad as { reason: string }).reason).toMatch(/truncated or corrupt/);
  });
});

describe('autosave', () => {
  it('keeps a valid session and refuses a tampered one', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    saveSession(storage, { scenario: raft.scenarios[1]!, step: 17 });
    expect(loadSession(storage)).toEqual({ scenario: raft.scenarios[1], step: 17 });
    storage.setItem('faultline.session.v1', JSON.stringify({ scenario: { ...raft.scenarios[1], nodes: ['x'] }, step: 3 }));
    expect(loadSession(storage)).toBeNull();
    storage.setItem('faultline.session.v1', '{not json');
    expect(loadSession(storage)).toBeNull();
  });
});

describe('link time', () => {
  it('carries the cursor time between events, capped at the run’s end', async () => {
    const { readLink, linkFragment } = await import('./link');
    const { twopc } = await import('../protocols/twopc');
    const s = twopc.scenarios.find((x) => x.name === 'compare-tm-crash')!;
    const r = readLink(linkFragment(s, 40, 553.25));
    expect(r).toMatchObject({ kind: 'ok', step: 40, time: 553.25 });
    expect(readLink(linkFragment(s, 40))).not.toHaveProperty('time');
    expect(readLink(`${linkFragment(s, 40)}&t=99999999`)).toMatchObject({ time: s.until });
  });

  it('puts a session back at that time, and the compared run with it', async () => {
    const { twopc } = await import('../protocols/twopc');
    const { createSession } = await import('./session');
    const { linkCompare } = await import('./compare');
    const a = createSession(twopc.scenarios.find((x) => x.name === 'compare-tm-crash')!);
    const second = linkCompare(a)!.store;
    a.getState().setSpeed(1);
    a.getState().play();
    a.getState().tick(553);
    a.getState().pause();
    const { step, time } = a.getState().frame;
    const b = createSession(a.getState().sim.scenario);
    const secondB = linkCompare(b)!.store;
    b.getState().seekStep(step, time);
    expect(b.getState().frame.time).toBe(time);
    expect(JSON.stringify(secondB.getState().frame.nodes)).toBe(JSON.stringify(second.getState().frame.nodes));
  });
});
