import { afterEach, describe, expect, it, vi } from 'vitest';
import { raft } from '../protocols/raft';
import { saveSession } from '../store/persist';

/** A Storage in memory, as the page's localStorage. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const saved = raft.scenarios.find((s) => s.name === 'happy-path')!;

describe('boot', () => {
  afterEach(() => {
    vi.doUnmock('../store/link');
    vi.doUnmock('../store/savedSession');
    vi.resetModules();
  });

  it('opens a link through the link code, loaded only for a link', async () => {
    const { linkFragment } = await import('../store/link');
    const { bootLoaded } = await import('./boot');
    const other = raft.scenarios.find((s) => s.name === 'leader-crash')!;
    const storage = memoryStorage();
    saveSession(storage, { scenario: saved, step: 3 });
    expect(await bootLoaded(linkFragment(other, 7), storage)).toMatchObject({ fromLink: true, scenario: other, step: 7, notice: null });
    expect(await bootLoaded('#about', storage)).toMatchObject({ scenario: saved, step: 3, notice: { key: 'notice.restored' } });
  });

  it('loads the saved-session reader (and its validator) only when a session is saved', async () => {
    vi.resetModules();
    vi.doMock('../store/savedSession', () => {
      throw new Error('the saved-session reader was loaded');
    });
    const { bootLoaded } = await import('./boot');
    const start = await bootLoaded('', memoryStorage());
    expect(start).toMatchObject({ scenario: { protocol: 'raft', actions: [] }, notice: null });
    const storage = memoryStorage();
    saveSession(storage, { scenario: saved, step: 3 });
    await expect(bootLoaded('', storage)).rejects.toThrow(/error when mocking|saved-session reader/);
  });

  it('keeps the saved session and says why when the link code cannot load', async () => {
    const { linkFragment } = await import('../store/link');
    const hash = linkFragment(raft.scenarios.find((s) => s.name === 'leader-crash')!, 7);
    vi.resetModules();
    vi.doMock('../store/link', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { bootLoaded } = await import('./boot');
    const storage = memoryStorage();
    saveSession(storage, { scenario: saved, step: 3 });
    const start = await bootLoaded(hash, storage);
    expect(start.scenario).toEqual(saved);
    expect(start.step).toBe(3);
    expect(start.notice).toMatchObject({ kind: 'error', key: 'notice.badLink' });
    // The import's own error (here wrapped by the test runner) is the reason shown.
    expect(start.notice?.detail).toMatch(/Failed to fetch|mock/);
  });
});
