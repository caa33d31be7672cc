import { describe, expect, it } from 'vitest';
import { raft } from '../protocols/raft';
import { zab } from '../protocols/zab';
import { loadContent } from '../i18n/contentText';
import { invariantName } from './invariantName';
import { runTitle } from './runTitle';
import type { SessionState } from '../store/session';

describe('names, not ids, for what views show', () => {
  it('names the shared client-history check and a protocol invariant in both languages', async () => {
    await loadContent();
    expect(invariantName('en', raft, 'linearizable')).not.toBe('linearizable');
    expect(invariantName('zh-CN', raft, 'linearizable')).toBe('客户端历史可线性化');
    const own = raft.invariants[0]!;
    expect(invariantName('en', raft, own.id)).toBe(own.name);
    expect(invariantName('zh-CN', zab, zab.invariants[0]!.id)).not.toBe(zab.invariants[0]!.name);
    // An id the run does not know stays as it is rather than vanishing.
    expect(invariantName('en', raft, 'no-such-invariant')).toBe('no-such-invariant');
  });

  it('titles the explorer’s counterexample by what it is', () => {
    const state = (lang: 'en' | 'zh-CN', name: string) => ({ lang, runTitle: null, sim: { scenario: { ...raft.scenarios[0]!, name, title: undefined } } }) as unknown as SessionState;
    expect(runTitle(state('en', 'explorer-counterexample'))).toBe('Counterexample found by the explorer');
    expect(runTitle(state('zh-CN', 'explorer-counterexample'))).toBe('探索器找到的反例');
    expect(runTitle(state('en', 'my-run'))).toBe('my-run');
  });
});
